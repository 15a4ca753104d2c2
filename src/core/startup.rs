//! Where the first state comes from: the query (preset, subset), a shared
//! link in the hash, or what this browser saved last time — and what to
//! tell the reader when one of them cannot be used.

use super::matrix::Matrix;
use super::query::PageOptions;
use super::share::{decode, encode, DecodeError};
use super::state::{Action, State};

/// What local storage gave us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// Storage is blocked (sandboxed iframe, privacy mode…) or not used.
    Unavailable,
    Empty,
    Value(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Start {
    pub state: State,
    /// The reader's own saved settings that a shared link replaced: keep
    /// them (the shell stores them aside) so they can be restored.
    pub displaced: Option<String>,
}

pub const LINK_PROBLEM: &str = "This link's settings could not be read";

pub fn start(matrix: &Matrix, options: &PageOptions, hash: &str, stored: &Stored) -> Start {
    let mut state = State::new(matrix);
    let mut notices: Vec<String> = options.problems.clone();
    if let Some(preset) = options.preset {
        state.apply(matrix, Action::ApplyPreset(preset));
    }
    if let Some(subset) = &options.criteria {
        state.limit_to(subset.clone());
    }

    let link = decode(matrix, hash);
    let saved = match stored {
        Stored::Value(text) if !options.embed => Some(decode(matrix, text)),
        _ => None,
    };
    let mut displaced = None;
    match link {
        Ok(Some(shared)) => {
            if let Some(Ok(Some(own))) = &saved {
                if *own != shared {
                    displaced = Some(encode(matrix, own));
                    state.restorable = Some(own.clone());
                }
            }
            shared.apply_to(&mut state);
            state.reapply_limit();
        }
        Ok(None) => match saved {
            Some(Ok(Some(own))) if options.preset.is_none() && options.criteria.is_none() => {
                own.apply_to(&mut state)
            }
            Some(Err(error)) => notices.push(format!(
                "Your saved weights could not be read ({}); starting from the defaults.",
                error.reason()
            )),
            _ => {}
        },
        Err(error) => notices.push(link_problem(&error)),
    }
    if matches!(stored, Stored::Unavailable) && !options.embed {
        state.storage_note =
            Some("This browser does not let the page remember your weights; use “Copy link” to keep them.".into());
    }
    state.notice = (!notices.is_empty()).then(|| notices.join(" "));
    Start { state, displaced }
}

pub fn link_problem(error: &DecodeError) -> String {
    format!("{LINK_PROBLEM}: {}; showing the defaults.", error.reason())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::query::parse;
    use crate::core::share::Shared;
    use crate::core::MATRIX;

    fn own_settings() -> String {
        let mut state = State::new(&MATRIX);
        state.weights[0] = 9;
        encode(&MATRIX, &Shared::of(&state))
    }

    #[test]
    fn saved_settings_come_back_on_a_plain_visit() {
        let start = start(
            &MATRIX,
            &parse(&MATRIX, ""),
            "",
            &Stored::Value(own_settings()),
        );
        assert_eq!(start.state.weights[0], 9);
        assert_eq!(start.displaced, None);
        assert_eq!(start.state.notice, None);
    }

    #[test]
    fn a_shared_link_wins_but_keeps_the_readers_own_settings_restorable() {
        let mut other = State::new(&MATRIX);
        other.apply(&MATRIX, Action::ApplyPreset(0));
        let link = encode(&MATRIX, &Shared::of(&other));
        let start = start(
            &MATRIX,
            &parse(&MATRIX, ""),
            &format!("#{link}"),
            &Stored::Value(own_settings()),
        );
        assert_eq!(start.state.weights, other.weights);
        assert_eq!(start.displaced, Some(own_settings()));
        let mut state = start.state;
        state.apply(&MATRIX, Action::RestoreSaved);
        assert_eq!(state.weights[0], 9);
        assert_eq!(state.restorable, None);
    }

    #[test]
    fn a_garbled_link_shows_the_defaults_and_says_why() {
        let start = start(&MATRIX, &parse(&MATRIX, ""), "#v=1&w=55x", &Stored::Empty);
        assert_eq!(start.state.weights, MATRIX.default_weights());
        let notice = start.state.notice.expect("a notice");
        assert!(
            notice.starts_with("This link's settings could not be read: "),
            "{notice}"
        );
        assert!(notice.ends_with("showing the defaults."), "{notice}");
    }

    #[test]
    fn corrupted_storage_is_reported_and_ignored() {
        let start = start(
            &MATRIX,
            &parse(&MATRIX, ""),
            "",
            &Stored::Value("{not ours".into()),
        );
        assert_eq!(start.state.weights, MATRIX.default_weights());
        assert!(start
            .state
            .notice
            .expect("notice")
            .starts_with("Your saved weights could not be read"));
    }

    #[test]
    fn blocked_storage_leaves_a_working_widget_and_a_quiet_note() {
        let start = start(&MATRIX, &parse(&MATRIX, ""), "", &Stored::Unavailable);
        assert_eq!(start.state.weights, MATRIX.default_weights());
        assert_eq!(start.state.notice, None);
        assert!(start.state.storage_note.is_some());
    }

    #[test]
    fn an_embed_ignores_storage_and_limits_to_its_criteria() {
        let query = parse(&MATRIX, "embed=1&preset=ml_ai&criteria=ai_ml,realtime");
        let start = start(&MATRIX, &query, "", &Stored::Value(own_settings()));
        let visible = start.state.visible.clone().expect("a subset");
        assert_eq!(visible.len(), 2);
        for (c, &w) in start.state.weights.iter().enumerate() {
            if !visible.contains(&c) {
                assert_eq!(w, 0, "hidden criteria weigh nothing");
            }
        }
        assert_eq!(start.state.storage_note, None);
    }
}
