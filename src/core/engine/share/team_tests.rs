//! Team links: exact round trips, pasted addresses, and a specific reason
//! for every bad input.

use super::team_link::{check_name, same_name};
use super::tests::{any_shared, sample};
use super::*;
use crate::core::engine::matrix::MAX_WEIGHT;
use crate::core::engine::questionnaire::QUESTIONS;
use crate::core::MATRIX;
use proptest::prelude::*;

fn person(name: &str, shared: Shared) -> Member {
    Member {
        name: name.into(),
        shared,
    }
}

fn preset(id: &str) -> Shared {
    let index = MATRIX.presets.iter().position(|p| p.id == id);
    Shared {
        preset: index,
        ..Shared::with_weights(MATRIX.preset(id).expect("preset").weights.to_vec())
    }
}

fn trio() -> Vec<Member> {
    vec![
        person("Ana", preset("realtime_chat")),
        person("Zoë M.", sample()),
        person("Ben & co", preset("ml_ai")),
    ]
}

#[test]
fn a_team_link_restores_every_person_exactly() {
    let team = trio();
    let text = encode_team(&MATRIX, &team);
    assert!(text.starts_with("t=1&n=Ana&w="), "{text}");
    assert!(text.contains("&n=Zo%C3%AB%20M.&w=a0"), "{text}");
    assert!(text.contains("&n=Ben%20%26%20co&"), "{text}");
    assert_eq!(
        decode_link(&MATRIX, &format!("#{text}")),
        Ok(Some(Link::Team(team.clone())))
    );
    assert_eq!(read_link(&MATRIX, &text), Ok(Link::Team(team)));
}

#[test]
fn a_pasted_address_or_hash_text_reads_as_a_link() {
    let shared = sample();
    let hash = encode(&MATRIX, &shared);
    let single = Ok(Link::Single(shared));
    let address = format!("  https://example.org/stackweigh/?theme=dark#{hash}\n");
    assert_eq!(read_link(&MATRIX, &address), single);
    assert_eq!(read_link(&MATRIX, &hash), single);
    assert_eq!(read_link(&MATRIX, &format!("#{hash}")), single);
    // Names typed straight into a hash, unencoded, are read too.
    let plain = format!("t=1&n=Zoë M.&{}", &hash[4..]);
    assert!(matches!(read_link(&MATRIX, &plain), Ok(Link::Team(t)) if t[0].name == "Zoë M."));
}

#[test]
fn links_from_other_tools_say_they_are_not_stackweighs() {
    for text in [
        "https://docs.example.com/d/abc/edit#heading=h.1x2",
        "https://example.com/#/dashboard",
        "hello",
    ] {
        assert_eq!(
            read_link(&MATRIX, text),
            Err(TeamError::Link(DecodeError::NoVersion)),
            "{text}"
        );
    }
    for text in [
        "",
        "   ",
        "https://example.com/page",
        "https://example.com/#",
    ] {
        assert_eq!(
            read_link(&MATRIX, text),
            Err(TeamError::Link(DecodeError::NoSettings)),
            "{text}"
        );
    }
    let reason = DecodeError::NoVersion.reason();
    assert!(reason.contains("not made by stackweigh"), "{reason}");
}

#[test]
fn a_team_link_is_not_one_persons_settings() {
    let text = encode_team(&MATRIX, &trio());
    assert_eq!(decode(&MATRIX, &text), Err(DecodeError::TeamLink));
}

/// A team link of `people`, each with the sample's settings.
fn team_of(people: &[&str]) -> String {
    let one = &encode(&MATRIX, &sample())[4..];
    let mut text = "t=1".to_string();
    for name in people {
        text.push_str(&format!("&n={name}&{one}"));
    }
    text
}

fn problem(text: &str) -> Result<Option<Link>, TeamError> {
    decode_link(&MATRIX, text)
}

#[test]
fn bad_names_and_teams_say_what_is_wrong() {
    let refused = |people: &[&str], expected: TeamProblem| {
        assert_eq!(
            problem(&team_of(people)),
            Err(TeamError::Team(expected)),
            "{people:?}"
        );
    };
    refused(&[], TeamProblem::NoPeople);
    refused(&["Ana", "ANA"], TeamProblem::DuplicateName("ANA".into()));
    let names: Vec<String> = (1..=13).map(|i| format!("P{i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    refused(&names, TeamProblem::TooManyPeople(13));
    assert!(problem(&team_of(&names[..12])).is_ok());
    refused(&["%E2%28"], TeamProblem::BadName);
    refused(&["%4"], TeamProblem::BadName);
    refused(&["%20"], TeamProblem::MissingName);
    assert!(matches!(
        problem(&team_of(&["Bartholomew-Smith"])),
        Err(TeamError::Team(TeamProblem::NameTooLong(_)))
    ));
}

#[test]
fn bad_settings_in_a_team_link_say_whose_and_what() {
    let one = &encode(&MATRIX, &sample())[4..];
    assert_eq!(
        problem(&format!("t=2&n=A&{one}")),
        Err(TeamError::Link(DecodeError::NewerVersion(2)))
    );
    assert_eq!(
        problem(&format!("t=1&w=5&n=A&{one}")),
        Err(TeamError::Link(DecodeError::UnknownKey("w".into())))
    );
    let garbled = problem(&format!("t=1&n=Ana&{one}&n=Ben&w=55"));
    assert!(
        matches!(&garbled, Err(TeamError::Person { name, error }) if name == "Ben" && matches!(error, DecodeError::WrongWeightCount { found: 2, .. })),
        "{garbled:?}"
    );
    let reason = garbled.err().map(|e| e.reason()).unwrap_or_default();
    assert!(
        reason.starts_with("Ben’s settings: it has 2 weights"),
        "{reason}"
    );
}

#[test]
fn a_name_with_a_character_nobody_sees_is_refused_with_its_own_message() {
    let cases = [
        ('\u{202e}', Hidden::Direction),
        ('\u{202a}', Hidden::Direction),
        ('\u{2066}', Hidden::Direction),
        ('\u{2069}', Hidden::Direction),
        ('\u{200e}', Hidden::Direction),
        ('\u{200f}', Hidden::Direction),
        ('\u{61c}', Hidden::Direction),
        ('\u{200b}', Hidden::Invisible),
        ('\u{200c}', Hidden::Invisible),
        ('\u{200d}', Hidden::Invisible),
        ('\u{feff}', Hidden::Invisible),
        ('\u{ad}', Hidden::Invisible),
        ('\u{e0041}', Hidden::Invisible),
        ('\u{2028}', Hidden::Break),
        ('\u{2029}', Hidden::Break),
    ];
    let mut messages = std::collections::HashSet::new();
    for (hidden, kind) in cases {
        let error = check_name(&format!("An{hidden}a")).expect_err("refused");
        let code = u32::from(hidden);
        assert_eq!(
            error,
            TeamProblem::Hidden {
                visible: "Ana".into(),
                code,
                kind
            }
        );
        let reason = error.reason();
        assert!(!reason.contains(hidden), "never echoed: {reason:?}");
        assert!(reason.starts_with("the name “Ana” holds U+"), "{reason}");
        assert!(reason.contains(&format!("U+{code:04X}")), "{reason}");
        messages.insert(reason.replace(&format!("U+{code:04X}"), ""));
    }
    assert_eq!(messages.len(), 3, "one message per kind: {messages:?}");
    let alone = check_name("\u{200b}").expect_err("refused").reason();
    assert!(alone.starts_with("a name holds U+200B"), "{alone}");
    let link = problem(&team_of(&["Ana%E2%80%AE"]));
    assert!(
        matches!(
            &link,
            Err(TeamError::Team(TeamProblem::Hidden { code: 0x202e, .. }))
        ),
        "{link:?}"
    );
}

#[test]
fn names_are_compared_after_nfkc_and_case_folding() {
    for (first, second) in [
        ("Ana", "ana"),
        ("Ana", "Ａｎａ"),
        ("fiona", "ﬁona"),
        ("Straße", "STRASSE"),
        ("Chloé", "Chloe\u{301}"),
        ("Σοφία", "ΣΟΦΊΑ"),
    ] {
        assert!(same_name(first, second), "{first} = {second}");
        let team = [person(first, sample()), person(second, sample())];
        assert_eq!(
            team_link::check_team(&team),
            Err(TeamProblem::DuplicateName(second.into()))
        );
    }
    assert!(!same_name("Zoë", "Zoe"), "a different letter");
}

#[test]
fn a_name_that_only_looks_like_another_is_refused() {
    // "Аna" with a Cyrillic А, "Αnα" with Greek alphas, "Аnа" with two Cyrillic letters.
    for look_alike in ["\u{410}na", "\u{391}n\u{3b1}", "\u{410}n\u{430}"] {
        let team = [person("Ana", sample()), person(look_alike, sample())];
        let error = team_link::check_team(&team);
        assert_eq!(
            error,
            Err(TeamProblem::LooksLike {
                name: look_alike.into(),
                like: "Ana".into()
            })
        );
        let reason = error.err().map(|e| e.reason()).unwrap_or_default();
        assert!(reason.contains("looks like “Ana”"), "{reason}");
    }
    for (first, second) in [("Arni", "Ami"), ("Al", "AI"), ("Ivan", "Иван")] {
        let team = [person(first, sample()), person(second, sample())];
        assert_eq!(team_link::check_team(&team), Ok(()), "{first}, {second}");
    }
}

#[test]
fn over_long_input_is_refused_before_it_is_read() {
    let long_team = format!("t=1&n={}", "x".repeat(MAX_TEAM_LENGTH));
    assert!(matches!(
        decode_link(&MATRIX, &long_team),
        Err(TeamError::Link(DecodeError::TooLong {
            limit: MAX_TEAM_LENGTH,
            ..
        }))
    ));
    let pasted = "y".repeat(MAX_PASTE + 1);
    assert!(matches!(
        read_link(&MATRIX, &pasted),
        Err(TeamError::Link(DecodeError::TooLong {
            limit: MAX_PASTE,
            ..
        }))
    ));
}

#[test]
fn the_longest_valid_team_link_fits() {
    let longest_preset = (0..MATRIX.presets.len()).max_by_key(|&p| MATRIX.presets[p].id.len());
    let longest_open = (0..MATRIX.criteria.len()).max_by_key(|&c| MATRIX.criteria[c].id.len());
    let widest = Shared {
        weights: vec![MAX_WEIGHT; MATRIX.criteria.len()],
        preset: longest_preset,
        answers: vec![Some(0); QUESTIONS.len()],
        open: longest_open,
        scale: Scale::Raw,
        panels: Some([true; 3]),
    };
    // 16 four-byte characters, each percent-encoded to 12 bytes.
    let team: Vec<Member> = (0..MAX_PEOPLE)
        .map(|i| {
            let mut name: String = "😀".repeat(MAX_NAME_CHARS - 1);
            name.push(char::from(b'a' + i as u8));
            person(&name, widest.clone())
        })
        .collect();
    let text = encode_team(&MATRIX, &team);
    assert!(text.len() <= MAX_TEAM_LENGTH, "{} characters", text.len());
    assert!(
        text.len() > MAX_TEAM_LENGTH / 2,
        "the bound is not loose: {}",
        text.len()
    );
    assert_eq!(decode_link(&MATRIX, &text), Ok(Some(Link::Team(team))));
    // A single link stays well inside its own, unchanged limit.
    assert!(encode(&MATRIX, &widest).len() < MAX_LENGTH / 4);
}

fn any_team() -> impl Strategy<Value = Vec<Member>> {
    let name = "[A-Za-z0-9À-ž &%=#.'’_~-]{1,14}";
    proptest::collection::vec((name, any_shared()), 1..=MAX_PEOPLE).prop_map(|people| {
        people
            .into_iter()
            .enumerate()
            .map(|(i, (name, shared))| {
                // A letter per person keeps names distinct; trimming keeps them as read.
                let name = format!("{}{}", char::from(b'a' + i as u8), name.trim());
                person(&name, shared)
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn decode_of_encode_is_identity_for_teams(team in any_team()) {
        let text = encode_team(&MATRIX, &team);
        prop_assert!(text.len() <= MAX_TEAM_LENGTH);
        prop_assert_eq!(read_link(&MATRIX, &text), Ok(Link::Team(team)));
    }

    #[test]
    fn reading_any_pasted_text_never_panics(text in "\\PC{0,300}") {
        if let Err(error) = read_link(&MATRIX, &text) {
            prop_assert!(!error.reason().is_empty());
        }
    }

    #[test]
    fn decode_never_panics_on_near_valid_team_text(text in "t=[0-9]{0,2}(&n=[A-Za-z%0-9]{0,6}(&[wpqos]=[a-z0-9_%-]{0,20}){0,3}){0,14}") {
        if let Err(error) = decode_link(&MATRIX, &text) {
            prop_assert!(!error.reason().is_empty());
        }
    }
}
