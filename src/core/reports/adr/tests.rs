use super::*;
use crate::core::engine::fixture::TEST_MATRIX as M;

fn shared(weights: &[u8]) -> Shared {
    Shared::with_weights(weights.to_vec())
}

const SECTIONS: [&str; 6] = [
    "## Context and Problem Statement",
    "## Decision Drivers",
    "## Considered Options",
    "## Decision Outcome",
    "## Pros and Cons of the Options",
    "## More Information",
];

#[test]
fn the_record_follows_the_madr_layout_and_links_back() {
    let me = shared(&[10, 2, 5]);
    let text = record(&M, Subject::Person(&me), "https://x.test/page#old", None);
    assert!(text.starts_with("# Use Alpha for the backend\n"), "{text}");
    let positions: Vec<usize> = SECTIONS.iter().map(|s| text.find(s).expect(s)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "in MADR order");
    assert!(text.contains("* Speed (weight 10)\n"), "{text}");
    assert!(!text.contains("* Libraries (weight"), "5 is not a driver");
    assert!(text.contains("Chosen option: \"Alpha\""), "{text}");
    assert!(text.contains("<https://x.test/page#v=1&w=a25>"), "{text}");
    assert!(text.contains("The weights were set by hand"), "{text}");
    assert!(text.contains("* Good, because of Speed: 9/10 against 5/10 (weight 10).\n"));
    // Each option's side: Beta's good point is Ease, its bad one Speed.
    assert!(text.contains("* Good, because of Ease: 8/10 against 4/10 (weight 2).\n"));
    assert!(text.contains("* Bad, because of Speed: 5/10 against 9/10 (weight 10).\n"));
}

#[test]
fn without_the_payload_it_says_where_the_rationales_are() {
    let me = shared(&[10, 2, 5]);
    let text = record(&M, Subject::Person(&me), "https://x.test/", None);
    assert!(text.contains("under each criterion's “Why?”"), "{text}");
    assert!(!text.contains("### Sources"));
}

#[test]
fn a_tie_or_no_weights_chooses_nothing() {
    let tie = record(&M, Subject::Person(&shared(&[1, 1, 1])), "p", None);
    assert!(
        tie.starts_with("# Alpha or Beta for the backend: not decided yet"),
        "{tie}"
    );
    assert!(
        tie.contains("No option is chosen yet: the weights give a dead heat"),
        "{tie}"
    );
    let none = record(&M, Subject::Person(&shared(&[0, 0, 0])), "p", None);
    assert!(
        none.contains("No option is chosen: no criterion is weighted."),
        "{none}"
    );
    assert!(
        none.contains("No criterion is weighted 7 or more"),
        "{none}"
    );
}

#[test]
fn answers_and_names_are_written_as_given_but_never_as_markdown() {
    let mut me = shared(&[10, 2, 5]);
    me.answers[1] = Some(0);
    let text = record(&M, Subject::Person(&me), "p", None);
    assert!(
        text.contains(&format!("* {} Yes, it is central\n", QUESTIONS[1].text)),
        "{text}"
    );
    let team = [
        Member {
            name: "*Ana* | x".into(),
            shared: shared(&[10, 2, 5]),
        },
        Member {
            name: "Ben_".into(),
            shared: shared(&[8, 8, 0]),
        },
    ];
    let text = record(&M, Subject::Team(&team), "p", None);
    assert!(
        text.contains("| \\*Ana\\* \\| x | their own weights |"),
        "{text}"
    );
    assert!(
        text.contains("Decided by: \\*Ana\\* \\| x and Ben\\_."),
        "{text}"
    );
}

#[test]
fn the_printed_sources_are_those_of_the_deciding_criteria() {
    use crate::core::{DETAILS_PAYLOAD, MATRIX};
    let evidence = Evidence::parse(&MATRIX, DETAILS_PAYLOAD).expect("payload");
    let chat = MATRIX.preset("realtime_chat").expect("preset").weights;
    let sources = deciding_sources(&MATRIX, chat, &evidence);
    let citations: Vec<&str> = sources.iter().map(|s| s.citation.as_str()).collect();
    assert!(
        citations.contains(&"OpenJS Foundation, “About Node.js” (2026)"),
        "{citations:?}"
    );
    assert!(
        (3..=12).contains(&sources.len()),
        "short enough to print: {citations:?}"
    );
    assert!(
        citations
            .iter()
            .enumerate()
            .all(|(i, c)| !citations[..i].contains(c)),
        "each once"
    );
    assert!(deciding_sources(&MATRIX, &vec![0; MATRIX.criteria.len()], &evidence).is_empty());
}
