//! What the reader chooses weights with: the use-case presets (with where
//! a preset parts from the articles) and the questionnaire, worded.

use super::model::Model;
use crate::core::engine::matrix::Matrix;
use crate::core::engine::questionnaire::{effect_text, BASE_WEIGHT, QUESTIONS};

#[derive(Debug, Clone, PartialEq)]
pub struct PresetChip {
    pub index: usize,
    pub name: &'static str,
    pub pressed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PresetsView {
    pub chips: Vec<PresetChip>,
    pub status: String,
    /// Where the matrix parts from the articles on this use case, and why.
    pub departure: Option<&'static str>,
    /// After an edit: "Compared with …", one line per change, the reset label.
    pub diff: Option<(String, Vec<String>, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuizView {
    pub open: bool,
    pub hint: String,
    pub questions: Vec<QuestionView>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionView {
    pub index: usize,
    pub id: &'static str,
    pub text: &'static str,
    /// (answer text, its effect in words, chosen)
    pub answers: Vec<(&'static str, String, bool)>,
    pub answered: bool,
}

pub fn presets(matrix: &Matrix, model: &Model) -> PresetsView {
    let state = &model.state;
    let preset = state.preset.and_then(|i| matrix.presets.get(i));
    let changes = state.changes_from_preset(matrix);
    let unchanged = preset.is_some() && changes.is_empty();
    let status = match preset {
        Some(preset) if unchanged => format!("{}: {}", preset.name, preset.summary),
        Some(preset) => format!(
            "Started from “{}”, then edited. {}",
            preset.name, preset.summary
        ),
        None => "Pick the use case closest to yours, or set the weights yourself.".to_string(),
    };
    let diff = preset.filter(|_| !changes.is_empty()).map(|preset| {
        let lines = changes
            .iter()
            .map(|&(c, was, now)| format!("{}: {was} → {now}", matrix.criteria[c].name))
            .collect();
        (
            format!("Compared with “{}”:", preset.name),
            lines,
            format!("Reset to “{}”", preset.name),
        )
    });
    PresetsView {
        departure: preset.and_then(|p| p.departure),
        chips: (matrix.presets.iter().enumerate())
            .map(|(index, p)| PresetChip {
                index,
                name: p.name,
                pressed: unchanged && state.preset == Some(index),
            })
            .collect(),
        status,
        diff,
    }
}

pub fn quiz(matrix: &Matrix, model: &Model) -> QuizView {
    let answers = &model.state.answers;
    let answered = answers.iter().flatten().count();
    QuizView {
        open: model.ui.quiz_open,
        hint: format!("Each answer moves some weights from a neutral {BASE_WEIGHT} (shown beside it); the sliders update at once and stay yours to adjust. {answered} of {} answered.", QUESTIONS.len()),
        // Worded only while open: every answer's effect is a sentence, and
        // this runs on every slider move.
        questions: QUESTIONS
            .iter()
            .take(if model.ui.quiz_open { QUESTIONS.len() } else { 0 })
            .enumerate()
            .map(|(q, question)| {
                let chosen = answers.get(q).copied().flatten();
                QuestionView {
                    index: q,
                    id: question.id,
                    text: question.text,
                    answers: (question.answers.iter().enumerate())
                        .map(|(a, answer)| {
                            let picked = chosen == Some(a as u8);
                            (answer.text, effect_text(matrix, answer), picked)
                        })
                        .collect(),
                    answered: chosen.is_some(),
                }
            })
            .collect(),
    }
}
