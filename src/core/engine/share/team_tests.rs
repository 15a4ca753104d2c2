//! Team links: exact round trips, pasted addresses, and a specific reason
//! for every bad input.

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
            Err(DecodeError::NoVersion),
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
            Err(DecodeError::NoSettings),
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

#[test]
fn bad_team_links_say_what_is_wrong() {
    let one = &encode(&MATRIX, &sample())[4..];
    let team = |people: &[&str]| {
        let mut text = "t=1".to_string();
        for name in people {
            text.push_str(&format!("&n={name}&{one}"));
        }
        text
    };
    let problem = |text: &str| decode_link(&MATRIX, text);
    assert_eq!(
        problem(&team(&[])),
        Err(DecodeError::Team(TeamProblem::NoPeople))
    );
    assert_eq!(
        problem(&team(&["Ana", "ANA"])),
        Err(DecodeError::Team(TeamProblem::DuplicateName("ANA".into())))
    );
    let names: Vec<String> = (1..=13).map(|i| format!("P{i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    assert_eq!(
        problem(&team(&names)),
        Err(DecodeError::Team(TeamProblem::TooManyPeople(13)))
    );
    assert!(problem(&team(&names[..12])).is_ok());
    assert_eq!(
        problem(&team(&["%E2%28"])),
        Err(DecodeError::Team(TeamProblem::BadName))
    );
    assert_eq!(
        problem(&team(&["%4"])),
        Err(DecodeError::Team(TeamProblem::BadName))
    );
    assert_eq!(
        problem(&team(&["%20"])),
        Err(DecodeError::Team(TeamProblem::MissingName))
    );
    assert!(matches!(
        problem(&team(&["Bartholomew-Smith"])),
        Err(DecodeError::Team(TeamProblem::NameTooLong(_)))
    ));
    assert_eq!(
        problem(&format!("t=2&n=A&{one}")),
        Err(DecodeError::NewerVersion(2))
    );
    assert_eq!(
        problem(&format!("t=1&w=5&n=A&{one}")),
        Err(DecodeError::UnknownKey("w".into()))
    );
    let garbled = problem(&format!("t=1&n=Ana&{one}&n=Ben&w=55"));
    assert!(
        matches!(&garbled, Err(DecodeError::Person { name, error }) if name == "Ben" && matches!(**error, DecodeError::WrongWeightCount { found: 2, .. })),
        "{garbled:?}"
    );
    let reason = garbled.err().map(|e| e.reason()).unwrap_or_default();
    assert!(
        reason.starts_with("Ben’s settings: it has 2 weights"),
        "{reason}"
    );
}

#[test]
fn over_long_input_is_refused_before_it_is_read() {
    let long_team = format!("t=1&n={}", "x".repeat(MAX_TEAM_LENGTH));
    assert!(matches!(
        decode_link(&MATRIX, &long_team),
        Err(DecodeError::TooLong {
            limit: MAX_TEAM_LENGTH,
            ..
        })
    ));
    let pasted = "y".repeat(MAX_PASTE + 1);
    assert!(matches!(
        read_link(&MATRIX, &pasted),
        Err(DecodeError::TooLong {
            limit: MAX_PASTE,
            ..
        })
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
