//! Where the first state comes from: the query (preset, subset), a shared
//! link in the hash, or what this browser saved last time — and what to
//! tell the reader when one of them cannot be used.

use super::query::PageOptions;
use crate::core::engine::matrix::Matrix;
use crate::core::engine::share::{decode, encode, DecodeError, Reason, Shared};
use crate::core::engine::state::{Action, State};

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

/// `stored` and `set_aside` are what the page's storage holds (the caller,
/// `update::boot`, reads it only where the page may use storage).
/// `set_aside` is what an earlier shared link displaced (the shell keeps it
/// beside the saved state): it stays restorable until the reader chooses,
/// across reloads and later visits.
pub fn start(
    matrix: &Matrix,
    options: &PageOptions,
    hash: &str,
    stored: &Stored,
    set_aside: Option<&str>,
) -> Start {
    let mut state = State::new(matrix);
    let mut notices: Vec<String> = options.problems.clone();
    if let Some(preset) = options.preset {
        state.apply(matrix, Action::ApplyPreset(preset));
    }
    if let Some(subset) = &options.criteria {
        state.limit_to(subset.clone());
    }
    let saved = match stored {
        Stored::Value(text) => Some(decode(matrix, text)),
        _ => None,
    };
    let aside = set_aside.and_then(|text| decode(matrix, text).ok().flatten());
    let displaced = match decode(matrix, hash) {
        Ok(Some(shared)) => open_link(&mut state, shared, saved, aside),
        Ok(None) => match saved {
            Some(Ok(Some(own))) => {
                // A `?preset=` or `?criteria=` address is a link too.
                let from_address = options.preset.is_some() || options.criteria.is_some();
                come_back(&mut state, own, aside, from_address)
            }
            Some(Err(error)) => {
                notices.push(format!(
                    "Your saved weights could not be read ({}); starting from the defaults.",
                    error.reason()
                ));
                None
            }
            _ => None,
        },
        Err(error) => {
            notices.push(link_problem(&error));
            None
        }
    };
    if matches!(stored, Stored::Unavailable) {
        state.storage_note =
            Some("This browser does not let the page remember your weights; use “Copy link” to keep them.".into());
    }
    state.notice = (!notices.is_empty()).then(|| notices.join(" "));
    let displaced = displaced.map(|own| encode(matrix, &own));
    Start { state, displaced }
}

/// A shared link wins; the reader's own settings stay restorable. Returns
/// what it displaced, to keep aside.
fn open_link(
    state: &mut State,
    shared: Shared,
    saved: Option<Result<Option<Shared>, DecodeError>>,
    aside: Option<Shared>,
) -> Option<Shared> {
    let own = match saved {
        Some(Ok(Some(own))) if own != shared => Some(own),
        // The page already saved this link's settings (a reload): what it
        // displaced back then is still the reader's own.
        _ => aside.filter(|own| *own != shared),
    };
    state.restorable = own.clone();
    shared.apply_to(state);
    state.reapply_limit();
    own
}

/// A visit without a link: the reader's saved settings come back, unless
/// the address itself asked for something (then they stay restorable).
fn come_back(
    state: &mut State,
    own: Shared,
    aside: Option<Shared>,
    from_address: bool,
) -> Option<Shared> {
    if !from_address {
        own.clone().apply_to(state);
    }
    let shown = Shared::of(state);
    if own != shown {
        state.restorable = Some(own.clone());
        Some(own)
    } else {
        // A link opened earlier (or a reload), no choice made yet.
        state.restorable = aside.filter(|before| *before != shown);
        None
    }
}

pub fn link_problem(error: &DecodeError) -> String {
    format!("{LINK_PROBLEM}: {}; showing the defaults.", error.reason())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::page::query::parse;
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
            None,
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
            None,
        );
        assert_eq!(start.state.weights, other.weights);
        assert_eq!(start.displaced, Some(own_settings()));
        let mut state = start.state;
        state.apply(&MATRIX, Action::RestoreSaved);
        assert_eq!(state.weights[0], 9);
        assert_eq!(state.restorable, None);
    }

    #[test]
    fn a_reload_after_a_shared_link_still_offers_the_readers_own_settings() {
        let mut other = State::new(&MATRIX);
        other.apply(&MATRIX, Action::ApplyPreset(0));
        let link = encode(&MATRIX, &Shared::of(&other));
        let own = own_settings();
        // The first visit saved the link's settings and set the reader's aside.
        for hash in [format!("#{link}"), String::new()] {
            let start = start(
                &MATRIX,
                &parse(&MATRIX, ""),
                &hash,
                &Stored::Value(link.clone()),
                Some(&own),
            );
            assert_eq!(start.state.weights, other.weights, "hash {hash:?}");
            let mut state = start.state;
            assert!(state.restorable.is_some(), "still offered (hash {hash:?})");
            state.apply(&MATRIX, Action::RestoreSaved);
            assert_eq!(state.weights[0], 9);
        }
    }

    #[test]
    fn nothing_is_offered_when_the_set_aside_settings_are_what_is_shown() {
        let own = own_settings();
        let start = start(
            &MATRIX,
            &parse(&MATRIX, ""),
            "",
            &Stored::Value(own.clone()),
            Some(&own),
        );
        assert_eq!(start.state.restorable, None);
        let garbled = start_with_aside("#v=1&w=5", "not a state");
        assert_eq!(garbled.state.restorable, None);
    }

    fn start_with_aside(hash: &str, aside: &str) -> Start {
        start(
            &MATRIX,
            &parse(&MATRIX, ""),
            hash,
            &Stored::Empty,
            Some(aside),
        )
    }

    #[test]
    fn a_preset_address_keeps_the_readers_saved_settings_restorable() {
        let start = start(
            &MATRIX,
            &parse(&MATRIX, "preset=ml_ai"),
            "",
            &Stored::Value(own_settings()),
            None,
        );
        assert_eq!(start.state.weights, MATRIX.preset("ml_ai").unwrap().weights);
        assert_eq!(start.displaced, Some(own_settings()));
        let mut state = start.state;
        state.apply(&MATRIX, Action::RestoreSaved);
        assert_eq!(state.weights[0], 9);

        // Reloaded before choosing: the page saved the preset's settings.
        let preset = encode(
            &MATRIX,
            &Shared::of(&{
                let mut s = State::new(&MATRIX);
                s.apply(
                    &MATRIX,
                    Action::ApplyPreset(
                        MATRIX.presets.iter().position(|p| p.id == "ml_ai").unwrap(),
                    ),
                );
                s
            }),
        );
        let reloaded = super::start(
            &MATRIX,
            &parse(&MATRIX, "preset=ml_ai"),
            "",
            &Stored::Value(preset),
            Some(&own_settings()),
        );
        assert!(
            reloaded.state.restorable.is_some(),
            "still offered after a reload"
        );
    }

    #[test]
    fn a_garbled_link_shows_the_defaults_and_says_why() {
        let start = start(
            &MATRIX,
            &parse(&MATRIX, ""),
            "#v=1&w=55x",
            &Stored::Empty,
            None,
        );
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
            None,
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
        let start = start(&MATRIX, &parse(&MATRIX, ""), "", &Stored::Unavailable, None);
        assert_eq!(start.state.weights, MATRIX.default_weights());
        assert_eq!(start.state.notice, None);
        assert!(start.state.storage_note.is_some());
    }

    #[test]
    fn an_embed_limits_to_its_criteria() {
        let query = parse(&MATRIX, "embed=1&preset=ml_ai&criteria=ai_ml,realtime");
        let start = start(&MATRIX, &query, "", &Stored::Empty, None);
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
