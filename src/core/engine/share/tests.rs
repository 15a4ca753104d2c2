//! The codec's tests: exact round trips, and a specific error (never a
//! panic) for anything else.

use super::*;
use crate::core::engine::matrix::MAX_WEIGHT;
use crate::core::engine::questionnaire::QUESTIONS;
use crate::core::MATRIX;
use proptest::prelude::*;

pub(super) fn sample() -> Shared {
    let mut weights = MATRIX.default_weights();
    weights[0] = 10;
    weights[1] = 0;
    let mut answers = vec![None; QUESTIONS.len()];
    answers[2] = Some(1);
    Shared {
        weights,
        preset: Some(3),
        answers,
        open: Some(2),
        scale: Scale::Raw,
        panels: None,
    }
}

#[test]
fn a_link_restores_exactly_what_it_encodes() {
    let shared = sample();
    let text = encode(&MATRIX, &shared);
    assert!(text.starts_with("v=1&w=a0"), "{text}");
    assert!(text.len() < 100, "compact: {text}");
    assert_eq!(decode(&MATRIX, &format!("#{text}")), Ok(Some(shared)));
}

#[test]
fn an_empty_hash_is_not_an_error() {
    assert_eq!(decode(&MATRIX, ""), Ok(None));
    assert_eq!(decode(&MATRIX, "#"), Ok(None));
}

#[test]
fn decode_rejects_unknown_and_future_versions() {
    let n = MATRIX.criteria.len();
    let w = "5".repeat(n);
    assert_eq!(
        decode(&MATRIX, &format!("w={w}")),
        Err(DecodeError::NoVersion)
    );
    assert_eq!(
        decode(&MATRIX, &format!("v=2&w={w}")),
        Err(DecodeError::NewerVersion(2))
    );
    assert_eq!(
        decode(&MATRIX, &format!("v=x&w={w}")),
        Err(DecodeError::UnknownVersion("x".into()))
    );
    let reason = DecodeError::NewerVersion(2).reason();
    assert!(reason.contains("newer version"), "{reason}");
}

#[test]
fn decode_rejects_garbled_truncated_and_oversized_links() {
    let n = MATRIX.criteria.len();
    let full = encode(&MATRIX, &sample());
    let truncated = &full[..full.find("&p").unwrap() - 3];
    assert!(
        matches!(decode(&MATRIX, truncated), Err(DecodeError::WrongWeightCount { expected, .. }) if expected == n)
    );
    assert_eq!(
        decode(&MATRIX, &format!("v=1&w={}z", "5".repeat(n - 1))),
        Err(DecodeError::BadWeight('z'))
    );
    assert_eq!(decode(&MATRIX, "v=1"), Err(DecodeError::MissingWeights));
    let long = "v=1&w=".to_string() + &"5".repeat(600);
    assert_eq!(
        decode(&MATRIX, &long),
        Err(DecodeError::TooLong {
            found: 606,
            limit: MAX_LENGTH
        })
    );
    let w = "5".repeat(n);
    assert_eq!(
        decode(&MATRIX, &format!("v=1&w={w}&p=quantum")),
        Err(DecodeError::UnknownPreset("quantum".into()))
    );
    assert_eq!(
        decode(&MATRIX, &format!("v=1&w={w}&q=9")),
        Err(DecodeError::BadAnswers)
    );
    assert_eq!(
        decode(&MATRIX, &format!("v=1&w={w}&zz=1")),
        Err(DecodeError::UnknownKey("zz".into()))
    );
}

pub(super) fn any_shared() -> impl Strategy<Value = Shared> {
    let n = MATRIX.criteria.len();
    let answer_ranges: Vec<_> = QUESTIONS
        .iter()
        .map(|q| proptest::option::of(0..q.answers.len() as u8))
        .collect();
    (
        proptest::collection::vec(0..=MAX_WEIGHT, n..=n),
        proptest::option::of(0..MATRIX.presets.len()),
        answer_ranges,
        proptest::option::of(0..n),
        any::<bool>(),
        proptest::option::of(any::<[bool; 3]>()),
    )
        .prop_map(|(weights, preset, answers, open, raw, panels)| Shared {
            weights,
            preset,
            answers,
            open,
            scale: if raw { Scale::Raw } else { Scale::Weighted },
            panels,
        })
}

proptest! {
    #[test]
    fn decode_of_encode_is_identity(shared in any_shared()) {
        prop_assert_eq!(decode(&MATRIX, &encode(&MATRIX, &shared)), Ok(Some(shared)));
    }

    #[test]
    fn decode_never_panics_on_any_string(text in ".*") {
        let _ = decode(&MATRIX, &text);
    }

    #[test]
    fn decode_never_panics_on_near_valid_text(text in "v=[0-9]{0,3}&w=[0-9a-c]{0,30}(&[pqos]=[a-z0-9_-]{0,12}){0,4}") {
        if let Err(error) = decode(&MATRIX, &text) {
            prop_assert!(!error.reason().is_empty());
        }
    }
}
