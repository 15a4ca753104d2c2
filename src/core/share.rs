//! The whole state of a session as compact, versioned URL-hash text, and
//! back. Decoding never panics: anything unreadable is a [`DecodeError`]
//! that says what was wrong, so the page can show the defaults and say so.
//!
//! Format (version 1): `v=1&w=<weights>&p=<preset>&q=<answers>&o=<open>&s=<scale>`
//! - `w`: one character per criterion, `0`–`9` or `a` for 10 (required);
//! - `p`: the preset id the weights started from (optional);
//! - `q`: one character per question, `-` or the answer's digit (optional);
//! - `o`: the criterion whose "Why?" is open (optional);
//! - `s`: `r` for the raw-score chart (optional; weighted otherwise).

use super::matrix::{Matrix, MAX_WEIGHT};
use super::questionnaire::QUESTIONS;
use super::radar::Scale;
use super::state::State;

pub const VERSION: u32 = 1;
/// Longest hash we read: a valid one is well under 100 characters.
pub const MAX_LENGTH: usize = 512;

/// What the link carries: the part of [`State`] worth sharing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    pub weights: Vec<u8>,
    pub preset: Option<usize>,
    pub answers: Vec<Option<u8>>,
    pub open: Option<usize>,
    pub scale: Scale,
}

impl Shared {
    pub fn of(state: &State) -> Self {
        Shared {
            weights: state.weights.clone(),
            preset: state.preset,
            answers: state.answers.clone(),
            open: state.open,
            scale: state.scale,
        }
    }

    /// Puts the shared settings into `state`, keeping everything else.
    pub fn apply_to(self, state: &mut State) {
        state.weights = self.weights;
        state.preset = self.preset;
        state.answers = self.answers;
        state.open = self.open;
        state.scale = self.scale;
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    TooLong(usize),
    NoVersion,
    UnknownVersion(String),
    NewerVersion(u32),
    MissingWeights,
    WrongWeightCount { expected: usize, found: usize },
    BadWeight(char),
    UnknownPreset(String),
    BadAnswers,
    UnknownCriterion(String),
    BadScale(String),
    UnknownKey(String),
}

impl DecodeError {
    /// The reason in words, for "This link's settings could not be read: …".
    pub fn reason(&self) -> String {
        match self {
            DecodeError::TooLong(n) => {
                format!("it is {n} characters long, more than the {MAX_LENGTH} a real one needs")
            }
            DecodeError::NoVersion => {
                "it has no version number, so it was not made by stackweigh".into()
            }
            DecodeError::UnknownVersion(v) => {
                format!("its version “{}” is not a number", shorten(v))
            }
            DecodeError::NewerVersion(v) => {
                format!("it was made by a newer version of stackweigh (format {v}); reload the page to update")
            }
            DecodeError::MissingWeights => "it carries no weights".into(),
            DecodeError::WrongWeightCount { expected, found } => {
                format!("it has {found} weights where this version has {expected} criteria")
            }
            DecodeError::BadWeight(c) => format!("“{c}” is not a weight from 0 to 10"),
            DecodeError::UnknownPreset(p) => format!("there is no preset “{}”", shorten(p)),
            DecodeError::BadAnswers => "its questionnaire answers are garbled".into(),
            DecodeError::UnknownCriterion(c) => format!("there is no criterion “{}”", shorten(c)),
            DecodeError::BadScale(s) => format!("“{}” is not a chart scale", shorten(s)),
            DecodeError::UnknownKey(k) => format!("it has an unknown setting “{}”", shorten(k)),
        }
    }
}

fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(24).collect();
    if text.chars().count() > 24 {
        short.push('…');
    }
    short
}

fn weight_char(weight: u8) -> char {
    match weight {
        0..=9 => char::from(b'0' + weight),
        _ => 'a',
    }
}

pub fn encode(matrix: &Matrix, shared: &Shared) -> String {
    let mut out = format!("v={VERSION}&w=");
    out.extend(
        shared
            .weights
            .iter()
            .map(|&w| weight_char(w.min(MAX_WEIGHT))),
    );
    if let Some(preset) = shared.preset.and_then(|p| matrix.presets.get(p)) {
        out.push_str("&p=");
        out.push_str(preset.id);
    }
    if shared.answers.iter().any(Option::is_some) {
        out.push_str("&q=");
        out.extend(shared.answers.iter().map(|a| match a {
            Some(a @ 0..=9) => char::from(b'0' + a),
            _ => '-',
        }));
    }
    if let Some(criterion) = shared.open.and_then(|c| matrix.criteria.get(c)) {
        out.push_str("&o=");
        out.push_str(criterion.id);
    }
    if shared.scale == Scale::Raw {
        out.push_str("&s=r");
    }
    out
}

/// Reads a URL hash (with or without its `#`). `Ok(None)` means the hash
/// carries no stackweigh state at all (empty), which is not an error.
pub fn decode(matrix: &Matrix, hash: &str) -> Result<Option<Shared>, DecodeError> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    if hash.is_empty() {
        return Ok(None);
    }
    if hash.len() > MAX_LENGTH {
        return Err(DecodeError::TooLong(hash.len()));
    }
    let mut version = None;
    let mut shared = Shared {
        weights: Vec::new(),
        preset: None,
        answers: vec![None; QUESTIONS.len()],
        open: None,
        scale: Scale::Weighted,
    };
    let mut has_weights = false;
    for pair in hash.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "v" => {
                let number = value
                    .parse::<u32>()
                    .map_err(|_| DecodeError::UnknownVersion(value.to_string()))?;
                version = Some(number);
            }
            "w" => {
                has_weights = true;
                shared.weights = value
                    .chars()
                    .map(|c| match c {
                        '0'..='9' => Ok(c as u8 - b'0'),
                        'a' => Ok(MAX_WEIGHT),
                        _ => Err(DecodeError::BadWeight(c)),
                    })
                    .collect::<Result<_, _>>()?;
            }
            "p" => {
                let index = matrix.presets.iter().position(|p| p.id == value);
                shared.preset =
                    Some(index.ok_or_else(|| DecodeError::UnknownPreset(value.to_string()))?);
            }
            "q" => {
                if value.chars().count() != QUESTIONS.len() {
                    return Err(DecodeError::BadAnswers);
                }
                for ((slot, c), question) in
                    shared.answers.iter_mut().zip(value.chars()).zip(QUESTIONS)
                {
                    *slot = match c {
                        '-' => None,
                        '0'..='9' if usize::from(c as u8 - b'0') < question.answers.len() => {
                            Some(c as u8 - b'0')
                        }
                        _ => return Err(DecodeError::BadAnswers),
                    };
                }
            }
            "o" => {
                let index = matrix.criterion_index(value);
                shared.open =
                    Some(index.ok_or_else(|| DecodeError::UnknownCriterion(value.to_string()))?);
            }
            "s" => {
                shared.scale = match value {
                    "r" => Scale::Raw,
                    "w" => Scale::Weighted,
                    _ => return Err(DecodeError::BadScale(value.to_string())),
                }
            }
            _ => return Err(DecodeError::UnknownKey(key.to_string())),
        }
    }
    match version {
        None => return Err(DecodeError::NoVersion),
        Some(v) if v > VERSION => return Err(DecodeError::NewerVersion(v)),
        Some(v) if v < 1 => return Err(DecodeError::UnknownVersion(v.to_string())),
        Some(_) => {}
    }
    if !has_weights {
        return Err(DecodeError::MissingWeights);
    }
    if shared.weights.len() != matrix.criteria.len() {
        return Err(DecodeError::WrongWeightCount {
            expected: matrix.criteria.len(),
            found: shared.weights.len(),
        });
    }
    Ok(Some(shared))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::MATRIX;
    use proptest::prelude::*;

    fn sample() -> Shared {
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
        assert_eq!(decode(&MATRIX, &long), Err(DecodeError::TooLong(606)));
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

    fn any_shared() -> impl Strategy<Value = Shared> {
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
        )
            .prop_map(|(weights, preset, answers, open, raw)| Shared {
                weights,
                preset,
                answers,
                open,
                scale: if raw { Scale::Raw } else { Scale::Weighted },
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
}
