//! One person's settings as `key=value` pairs: the part a single link and
//! each person of a team link have in common.

use super::{DecodeError, Shared};
use crate::core::engine::matrix::{Matrix, MAX_WEIGHT};
use crate::core::engine::questionnaire::QUESTIONS;
use crate::core::engine::radar::Scale;

fn weight_char(weight: u8) -> char {
    match weight {
        0..=9 => char::from(b'0' + weight),
        _ => 'a',
    }
}

/// `w=…` and whichever of `p`, `q`, `o`, `s` differ from the defaults.
pub(super) fn fields(matrix: &Matrix, shared: &Shared) -> String {
    let mut out = String::from("w=");
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
    if let Some(open) = shared.panels {
        out.push_str("&g=");
        out.push_str(&panels_text(open));
    }
    out
}

/// The `key=value` pairs of a hash; a pair without `=` has an empty value.
pub(super) fn pairs(hash: &str) -> impl Iterator<Item = (&str, &str)> {
    hash.split('&')
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
}

/// Reads a version number: known, newer, or not a number at all.
pub(super) fn version(value: &str, current: u32) -> Result<u32, DecodeError> {
    match value.parse::<u32>() {
        Ok(v) if v > current => Err(DecodeError::NewerVersion(v)),
        Ok(v) if v >= 1 => Ok(v),
        _ => Err(DecodeError::UnknownVersion(value.to_string())),
    }
}

/// One person's settings from their pairs (the version already read).
pub(super) fn person<'a>(
    matrix: &Matrix,
    pairs: impl Iterator<Item = (&'a str, &'a str)>,
) -> Result<Shared, DecodeError> {
    let mut shared = Shared::with_weights(Vec::new());
    let mut has_weights = false;
    for (key, value) in pairs {
        has_weights |= key == "w";
        read_pair(matrix, key, value, &mut shared)?;
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
    Ok(shared)
}

fn read_pair(
    matrix: &Matrix,
    key: &str,
    value: &str,
    shared: &mut Shared,
) -> Result<(), DecodeError> {
    match key {
        "w" => shared.weights = weights(value)?,
        "p" => {
            let index = matrix.presets.iter().position(|p| p.id == value);
            shared.preset = Some(index.ok_or_else(|| DecodeError::UnknownPreset(value.into()))?);
        }
        "q" => shared.answers = answers(value)?,
        "o" => {
            let index = matrix.criterion_index(value);
            shared.open = Some(index.ok_or_else(|| DecodeError::UnknownCriterion(value.into()))?);
        }
        "s" => {
            shared.scale = match value {
                "r" => Scale::Raw,
                "w" => Scale::Weighted,
                _ => return Err(DecodeError::BadScale(value.to_string())),
            }
        }
        "g" => shared.panels = Some(panels(value)?),
        _ => return Err(DecodeError::UnknownKey(key.to_string())),
    }
    Ok(())
}

/// Open panels as letters in [`PANEL_LETTERS`] order, `-` for none.
fn panels_text(open: [bool; 3]) -> String {
    let letters: String = (PANEL_LETTERS.chars().zip(open))
        .filter_map(|(letter, open)| open.then_some(letter))
        .collect();
    if letters.is_empty() {
        "-".into()
    } else {
        letters
    }
}

fn panels(value: &str) -> Result<[bool; 3], DecodeError> {
    let mut open = [false; 3];
    for c in value.chars().filter(|&c| c != '-') {
        let index = PANEL_LETTERS.find(c);
        open[index.ok_or_else(|| DecodeError::BadPanels(value.into()))?] = true;
    }
    if value.is_empty() || value.len() > PANEL_LETTERS.len() {
        return Err(DecodeError::BadPanels(value.into()));
    }
    Ok(open)
}

/// One letter per panel (`core::model::Panel` order): weights, why, share.
const PANEL_LETTERS: &str = "wys";

fn weights(value: &str) -> Result<Vec<u8>, DecodeError> {
    value
        .chars()
        .map(|c| match c {
            '0'..='9' => Ok(c as u8 - b'0'),
            'a' => Ok(MAX_WEIGHT),
            _ => Err(DecodeError::BadWeight(c)),
        })
        .collect()
}

fn answers(value: &str) -> Result<Vec<Option<u8>>, DecodeError> {
    if value.chars().count() != QUESTIONS.len() {
        return Err(DecodeError::BadAnswers);
    }
    value
        .chars()
        .zip(QUESTIONS)
        .map(|(c, question)| match c {
            '-' => Ok(None),
            '0'..='9' if usize::from(c as u8 - b'0') < question.answers.len() => {
                Ok(Some(c as u8 - b'0'))
            }
            _ => Err(DecodeError::BadAnswers),
        })
        .collect()
}
