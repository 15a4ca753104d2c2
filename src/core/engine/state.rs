//! The widget's state and the one place it changes: `State::apply(Action)`.
//! Pure, so every transition is tested natively; the Yew shell wraps it in
//! `impl Reducible`.

use super::matrix::{Matrix, MAX_WEIGHT};
use super::questionnaire::{self, QUESTIONS};
use super::radar::Scale;
use super::share::Shared;

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// One weight (0..=10) per criterion, in matrix order.
    pub weights: Vec<u8>,
    /// The preset the current weights started from, if any.
    pub preset: Option<usize>,
    /// The criterion whose rationale and sources are open.
    pub open: Option<usize>,
    pub scale: Scale,
    /// The questionnaire's answers (answer index per question), if used.
    pub answers: Vec<Option<u8>>,
    /// A message about something the widget could not do as asked
    /// (for example an unknown preset in the URL).
    pub notice: Option<String>,
    /// Only these criteria are shown and weighed (an embed's subset).
    pub visible: Option<Vec<usize>>,
    /// The reader's own saved settings that a shared link replaced.
    pub restorable: Option<Shared>,
    /// Why the page cannot remember settings here, if it cannot.
    pub storage_note: Option<String>,
    /// Which panels are open, once the reader chose (the page's default
    /// otherwise: see `Model::panel_open`).
    pub panels: Option<[bool; 3]>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetWeight {
        criterion: usize,
        weight: u8,
    },
    ApplyPreset(usize),
    ToggleDetails(usize),
    SetScale(Scale),
    ResetToDefaults,
    /// Puts back the weights of the preset the user started from.
    ResetToPreset,
    /// Answers (or, with `None`, clears) one questionnaire question; the
    /// weights become what the answers give.
    Answer {
        question: usize,
        answer: Option<u8>,
    },
    /// Goes back to the reader's own settings a shared link replaced.
    RestoreSaved,
    /// Keeps the shared link's settings and forgets the offer to restore.
    KeepLink,
    DismissNotice,
}

impl State {
    pub fn new(matrix: &Matrix) -> Self {
        State {
            weights: matrix.default_weights(),
            preset: None,
            open: None,
            scale: Scale::Weighted,
            answers: vec![None; QUESTIONS.len()],
            notice: None,
            visible: None,
            restorable: None,
            storage_note: None,
            panels: None,
        }
    }

    /// Shows and weighs only `criteria` (matrix indices) from now on.
    pub fn limit_to(&mut self, criteria: Vec<usize>) {
        self.visible = Some(criteria);
        self.reapply_limit();
    }

    /// Hidden criteria weigh nothing, whatever set them.
    pub fn reapply_limit(&mut self) {
        if let Some(visible) = &self.visible {
            for (c, weight) in self.weights.iter_mut().enumerate() {
                if !visible.contains(&c) {
                    *weight = 0;
                }
            }
        }
    }

    pub fn is_visible(&self, criterion: usize) -> bool {
        self.visible.as_ref().is_none_or(|v| v.contains(&criterion))
    }

    pub fn apply(&mut self, matrix: &Matrix, action: Action) {
        match action {
            Action::SetWeight { criterion, weight } => {
                if let Some(slot) = self.weights.get_mut(criterion) {
                    *slot = weight.min(MAX_WEIGHT);
                }
            }
            Action::RestoreSaved => {
                if let Some(own) = self.restorable.take() {
                    own.apply_to(self);
                }
            }
            Action::KeepLink => self.restorable = None,
            Action::ApplyPreset(index) => {
                if let Some(preset) = matrix.presets.get(index) {
                    self.weights = preset.weights.to_vec();
                    self.preset = Some(index);
                    self.answers = vec![None; QUESTIONS.len()];
                    self.notice = None;
                }
            }
            Action::ToggleDetails(criterion) => {
                if criterion < matrix.criteria.len() {
                    self.open = if self.open == Some(criterion) {
                        None
                    } else {
                        Some(criterion)
                    };
                }
            }
            Action::SetScale(scale) => self.scale = scale,
            Action::ResetToDefaults => {
                self.weights = matrix.default_weights();
                self.preset = None;
            }
            Action::ResetToPreset => {
                if let Some(preset) = self.preset.and_then(|i| matrix.presets.get(i)) {
                    self.weights = preset.weights.to_vec();
                }
            }
            Action::Answer { question, answer } => {
                let valid = QUESTIONS
                    .get(question)
                    .is_some_and(|q| answer.is_none_or(|a| usize::from(a) < q.answers.len()));
                if valid {
                    self.answers[question] = answer;
                    self.weights = questionnaire::weights(matrix, &self.answers);
                    self.preset = None;
                }
            }
            Action::DismissNotice => self.notice = None,
        }
        self.reapply_limit();
    }

    /// How the weights differ from the preset they started from:
    /// (criterion, preset weight, current weight), in matrix order.
    pub fn changes_from_preset(&self, matrix: &Matrix) -> Vec<(usize, u8, u8)> {
        let Some(preset) = self.preset.and_then(|i| matrix.presets.get(i)) else {
            return Vec::new();
        };
        preset
            .weights
            .iter()
            .zip(&self.weights)
            .enumerate()
            .filter(|(_, (was, now))| was != now)
            .map(|(c, (&was, &now))| (c, was, now))
            .collect()
    }

    /// True when the weights are exactly the chosen preset's (not edited).
    pub fn preset_unchanged(&self, matrix: &Matrix) -> bool {
        self.preset
            .and_then(|index| matrix.presets.get(index))
            .is_some_and(|preset| preset.weights == self.weights.as_slice())
    }
}

/// The state's shareable part, out and back in.
impl Shared {
    pub fn of(state: &State) -> Self {
        Shared {
            weights: state.weights.clone(),
            preset: state.preset,
            answers: state.answers.clone(),
            open: state.open,
            scale: state.scale,
            panels: state.panels,
        }
    }

    /// Puts the shared settings into `state`, keeping everything else.
    pub fn apply_to(self, state: &mut State) {
        state.weights = self.weights;
        state.preset = self.preset;
        state.answers = self.answers;
        state.open = self.open;
        state.scale = self.scale;
        state.panels = self.panels;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::fixture::TEST_MATRIX as M;

    #[test]
    fn hidden_criteria_weigh_nothing_whatever_sets_them() {
        let mut state = State::new(&M);
        state.limit_to(vec![0, 2]);
        assert_eq!(state.weights, vec![5, 0, 5]);
        state.apply(&M, Action::ApplyPreset(1));
        assert_eq!(state.weights, vec![1, 0, 5]);
        state.apply(
            &M,
            Action::SetWeight {
                criterion: 1,
                weight: 9,
            },
        );
        assert_eq!(state.weights[1], 0);
        assert!(!state.is_visible(1) && state.is_visible(2));
    }

    #[test]
    fn editing_a_weight_keeps_the_preset_but_marks_it_edited() {
        let mut state = State::new(&M);
        state.apply(&M, Action::ApplyPreset(0));
        assert!(state.preset_unchanged(&M));
        state.apply(
            &M,
            Action::SetWeight {
                criterion: 1,
                weight: 7,
            },
        );
        assert_eq!(state.preset, Some(0));
        assert!(!state.preset_unchanged(&M));
    }

    #[test]
    fn weights_are_clamped_and_bad_indices_ignored() {
        let mut state = State::new(&M);
        state.apply(
            &M,
            Action::SetWeight {
                criterion: 0,
                weight: 200,
            },
        );
        assert_eq!(state.weights[0], MAX_WEIGHT);
        let before = state.clone();
        state.apply(
            &M,
            Action::SetWeight {
                criterion: 99,
                weight: 3,
            },
        );
        state.apply(&M, Action::ApplyPreset(99));
        state.apply(&M, Action::ToggleDetails(99));
        assert_eq!(state, before);
    }

    #[test]
    fn details_toggle_open_and_closed() {
        let mut state = State::new(&M);
        state.apply(&M, Action::ToggleDetails(2));
        assert_eq!(state.open, Some(2));
        state.apply(&M, Action::ToggleDetails(1));
        assert_eq!(state.open, Some(1));
        state.apply(&M, Action::ToggleDetails(1));
        assert_eq!(state.open, None);
    }

    #[test]
    fn answering_sets_weights_from_the_questionnaire_and_forgets_the_preset() {
        let mut state = State::new(&crate::core::MATRIX);
        state.apply(&crate::core::MATRIX, Action::ApplyPreset(0));
        state.apply(
            &crate::core::MATRIX,
            Action::Answer {
                question: 1,
                answer: Some(0),
            },
        );
        assert_eq!(state.preset, None);
        assert_eq!(state.answers[1], Some(0));
        assert_eq!(
            state.weights,
            questionnaire::weights(&crate::core::MATRIX, &state.answers)
        );
        let before = state.clone();
        state.apply(
            &crate::core::MATRIX,
            Action::Answer {
                question: 1,
                answer: Some(9),
            },
        );
        state.apply(
            &crate::core::MATRIX,
            Action::Answer {
                question: 99,
                answer: Some(0),
            },
        );
        assert_eq!(state, before, "invalid answers change nothing");
    }

    #[test]
    fn changes_from_the_preset_are_listed_and_can_be_undone() {
        let mut state = State::new(&M);
        assert!(state.changes_from_preset(&M).is_empty());
        state.apply(&M, Action::ApplyPreset(0));
        state.apply(
            &M,
            Action::SetWeight {
                criterion: 2,
                weight: 9,
            },
        );
        assert_eq!(state.changes_from_preset(&M), vec![(2, 5, 9)]);
        state.apply(&M, Action::ResetToPreset);
        assert!(state.preset_unchanged(&M));
    }

    #[test]
    fn reset_restores_equal_weights_and_forgets_the_preset() {
        let mut state = State::new(&M);
        state.apply(&M, Action::ApplyPreset(1));
        state.apply(&M, Action::ResetToDefaults);
        assert_eq!(state.weights, M.default_weights());
        assert_eq!(state.preset, None);
    }
}
