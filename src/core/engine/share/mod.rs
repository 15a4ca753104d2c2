//! The whole state of a session as compact, versioned URL-hash text, and
//! back. Decoding never panics: anything unreadable is a [`DecodeError`]
//! that says what was wrong, so the page can show the defaults and say so.
//!
//! One person (version 1): `v=1&w=<weights>&p=<preset>&q=<answers>&o=<open>&s=<scale>`
//! - `w`: one character per criterion, `0`–`9` or `a` for 10 (required);
//! - `p`: the preset id the weights started from (optional);
//! - `q`: one character per question, `-` or the answer's digit (optional);
//! - `o`: the criterion whose "Why?" is open (optional);
//! - `s`: `r` for the raw-score chart (optional; weighted otherwise);
//! - `g`: the open panels, `w` weights, `y` why, `s` share, `-` none
//!   (optional; the page's default otherwise).
//!
//! A team (version 1): `t=1&n=<name>&w=…&n=<name>&w=…`: each `n` starts a
//! person, followed by that person's fields as above (see [`team_link`]).

mod error;
mod fields;
mod look_alike;
mod team_error;
pub mod team_link;

pub use error::{DecodeError, Reason, Sentence};
pub use team_error::{Hidden, TeamError, TeamProblem};
pub use team_link::{encode_team, Member};

use team_link::decode_team;

use super::matrix::Matrix;
use super::radar::Scale;

pub const VERSION: u32 = 1;
/// A team link carries at most this many people.
pub const MAX_PEOPLE: usize = 12;
/// A short name: enough for a first name or initials, and it keeps the team
/// link bounded (see [`MAX_TEAM_LENGTH`]).
pub const MAX_NAME_CHARS: usize = 16;
/// Longest single-person hash we read: a valid one is well under 100 characters.
pub const MAX_LENGTH: usize = 512;
/// Longest team hash we read. The longest valid one, 12 people whose
/// 16-character names are all 4-byte characters (percent-encoded, 192 bytes
/// each) and whose links set every field, is 3,135 characters with today's
/// data (see the test `the_longest_valid_team_link_fits`); 4 KiB is that plus
/// room for longer ids, and still far below what any browser accepts in an
/// address. Twelve 8-letter ASCII names, each from a preset, make about 600.
pub const MAX_TEAM_LENGTH: usize = 4_096;
/// Longest pasted text: a team hash plus room for the page's address.
pub const MAX_PASTE: usize = MAX_TEAM_LENGTH + 2_048;
/// The most a paste of links, one a line, may hold (ten team links and
/// more): the page refuses more with a message, and the reports worker
/// refuses it unread.
pub const MAX_PASTE_BYTES: usize = 64 * 1024;

/// The page's file, and the embed's own document the build writes beside
/// it: where links and snippets point.
pub const PAGE_FILE: &str = "index.html";
pub const EMBED_FILE: &str = "embed.html";

/// What the link carries: the part of the state (`engine::state::State`) worth sharing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    pub weights: Vec<u8>,
    pub preset: Option<usize>,
    pub answers: Vec<Option<u8>>,
    pub open: Option<usize>,
    pub scale: Scale,
    /// Which panels are open, when not the page's default (`g=`).
    pub panels: Option<[bool; 3]>,
}

impl Shared {
    /// These weights and nothing else: no preset, no answers, nothing open.
    pub fn with_weights(weights: Vec<u8>) -> Self {
        Shared {
            weights,
            preset: None,
            answers: vec![None; crate::core::engine::questionnaire::QUESTIONS.len()],
            open: None,
            scale: Scale::Weighted,
            panels: None,
        }
    }
}

/// Why a paste over [`MAX_PASTE_BYTES`] is refused, in the words both the
/// page and the reports worker say it.
pub fn paste_too_long(bytes: usize) -> String {
    format!(
        "That paste is {} KiB; the team view reads at most {} KiB at a time. Paste fewer links.",
        bytes.div_ceil(1024),
        MAX_PASTE_BYTES / 1024
    )
}

/// What a link holds: one person's settings, or a whole team's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    Single(Shared),
    Team(Vec<Member>),
}

pub fn encode(matrix: &Matrix, shared: &Shared) -> String {
    format!("v={VERSION}&{}", fields::fields(matrix, shared))
}

/// Reads a one-person URL hash (with or without its `#`). `Ok(None)` means
/// the hash carries no stackweigh state at all (empty), which is not an error.
/// A team link is refused unread, so the team reader stays out of the page.
pub fn decode(matrix: &Matrix, hash: &str) -> Result<Option<Shared>, DecodeError> {
    let Some(hash) = checked(hash)? else {
        return Ok(None);
    };
    if is_team_hash(hash) {
        return Err(DecodeError::TeamLink);
    }
    person(matrix, hash).map(Some)
}

/// Whether a hash (without its `#`) is a team link's.
pub fn is_team_hash(hash: &str) -> bool {
    hash.starts_with(team_link::PREFIX)
}

/// Reads a URL hash that may hold one person or a team: the one way in for
/// a team link (the address bar's, a pasted one), so its length is always
/// checked before it is read.
pub fn decode_link(matrix: &Matrix, hash: &str) -> Result<Option<Link>, TeamError> {
    let Some(hash) = checked(hash)? else {
        return Ok(None);
    };
    if is_team_hash(hash) {
        return decode_team(matrix, hash).map(|team| Some(Link::Team(team)));
    }
    Ok(Some(Link::Single(person(matrix, hash)?)))
}

/// The hash without its `#`, `None` if empty, or an error if too long.
fn checked(hash: &str) -> Result<Option<&str>, DecodeError> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    if hash.is_empty() {
        return Ok(None);
    }
    let limit = error::limit_for(hash);
    if hash.len() > limit {
        return Err(DecodeError::TooLong {
            found: hash.len(),
            limit,
        });
    }
    Ok(Some(hash))
}

/// One person's settings: a version, then the fields.
fn person(matrix: &Matrix, hash: &str) -> Result<Shared, DecodeError> {
    let mut version = None;
    for (_, value) in fields::pairs(hash).filter(|(key, _)| *key == "v") {
        version = Some(fields::version(value, VERSION)?);
    }
    if version.is_none() {
        return Err(DecodeError::NoVersion);
    }
    fields::person(matrix, fields::pairs(hash).filter(|(key, _)| *key != "v"))
}

/// Reads what a reader pasted: a whole address or just its hash text, of
/// one person or of a team. Empty text, or an address with no settings after
/// its `#`, is [`DecodeError::NoSettings`].
pub fn read_link(matrix: &Matrix, text: &str) -> Result<Link, TeamError> {
    let text = text.trim();
    if text.len() > MAX_PASTE {
        return Err(DecodeError::TooLong {
            found: text.len(),
            limit: MAX_PASTE,
        }
        .into());
    }
    let hash = match text.split_once('#') {
        Some((_, hash)) => hash,
        None if text.contains("://") => "",
        None => text,
    };
    decode_link(matrix, hash)?.ok_or(DecodeError::NoSettings.into())
}

#[cfg(test)]
mod team_tests;
#[cfg(test)]
mod tests;
