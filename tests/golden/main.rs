//! Golden files for the decision record (`core::adr`): two presets and one
//! team, compared byte for byte with `tests/golden/*.md`.
//!
//! After an intended change to the record, re-bless them with
//! `STACKWEIGH_BLESS=1 cargo test --test golden` and review the diff.

use stackweigh::core::engine::questionnaire::QUESTIONS;
use stackweigh::core::engine::radar::Scale;
use stackweigh::core::engine::share::{Member, Shared};
use stackweigh::core::reports::adr::{record, Evidence, Subject};
use stackweigh::core::{DETAILS_PAYLOAD, MATRIX};
use std::path::PathBuf;

const PAGE: &str = "https://example.org/stackweigh/";

fn from_preset(id: &str) -> Shared {
    Shared {
        preset: MATRIX.presets.iter().position(|p| p.id == id),
        ..Shared::with_weights(MATRIX.preset(id).expect("preset").weights.to_vec())
    }
}

fn check(file: &str, text: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(file);
    if std::env::var_os("STACKWEIGH_BLESS").is_some() {
        std::fs::write(&path, text).expect("write the golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("{file} is missing: run `STACKWEIGH_BLESS=1 cargo test --test golden` to create it")
    });
    if expected != text {
        let line = expected.lines().zip(text.lines()).position(|(a, b)| a != b);
        panic!(
            "{file} differs (first at line {}); if the change is intended, re-bless with `STACKWEIGH_BLESS=1 cargo test --test golden`\n--- new ---\n{text}",
            line.map_or(expected.lines().count().min(text.lines().count()) + 1, |l| l + 1)
        );
    }
}

fn evidence() -> Evidence {
    Evidence::parse(&MATRIX, DETAILS_PAYLOAD).expect("the payload matches the matrix")
}

#[test]
fn real_time_chat_record() {
    let shared = from_preset("realtime_chat");
    let text = record(&MATRIX, Subject::Person(&shared), PAGE, Some(&evidence()));
    check("realtime_chat.md", &text);
}

#[test]
fn ml_ai_record() {
    let shared = from_preset("ml_ai");
    let text = record(&MATRIX, Subject::Person(&shared), PAGE, Some(&evidence()));
    check("ml_ai.md", &text);
}

#[test]
fn team_record() {
    // A JavaScript team that wants live updates, answering the questionnaire.
    let mut answers = vec![None; QUESTIONS.len()];
    answers[0] = Some(0);
    answers[1] = Some(0);
    answers[5] = Some(0);
    let chloe = Shared {
        weights: stackweigh::core::engine::questionnaire::weights(&MATRIX, &answers),
        preset: None,
        answers,
        open: None,
        scale: Scale::Weighted,
        panels: None,
    };
    let team = [
        Member {
            name: "Ana".into(),
            shared: from_preset("realtime_chat"),
        },
        Member {
            name: "Ben".into(),
            shared: from_preset("ml_ai"),
        },
        Member {
            name: "Chloé".into(),
            shared: chloe,
        },
    ];
    let text = record(&MATRIX, Subject::Team(&team), PAGE, Some(&evidence()));
    check("team.md", &text);
}
