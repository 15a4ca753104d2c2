//! A team link: up to [`MAX_PEOPLE`] people, each a short name and the
//! settings their own link carries.
//!
//! Format (version 1): `t=1&n=<name>&w=…&p=…&n=<name>&w=…`. Each `n=` starts
//! a person; the fields after it, up to the next `n=`, are that person's,
//! exactly as in a one-person link (without its `v=`). Names are UTF-8,
//! percent-encoded except for ASCII letters, digits and `-._~`; a decoder
//! also takes them unencoded (a browser may show a hash either way).

use std::sync::OnceLock;

use super::look_alike::as_latin;
use super::team_error::{Hidden, TeamError, TeamProblem};
use super::{fields, DecodeError, Shared, MAX_NAME_CHARS, MAX_PEOPLE};
use crate::core::engine::matrix::Matrix;

pub const TEAM_VERSION: u32 = 1;
/// How a team link's hash starts (its version's key), unlike a person's `v=`.
pub const PREFIX: &str = "t=";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub name: String,
    pub shared: Shared,
}

/// A name as the team shows it: trimmed, 1 to [`MAX_NAME_CHARS`]
/// characters, nothing a reader cannot see (control, format and separator
/// characters).
pub fn check_name(name: &str) -> Result<String, TeamProblem> {
    let name = name.trim();
    if name.is_empty() {
        return Err(TeamProblem::MissingName);
    }
    if let Some((unseen, kind)) = name.chars().find_map(|c| Some((c, hidden(c)?))) {
        return Err(TeamProblem::Hidden {
            visible: name.chars().filter(|&c| hidden(c).is_none()).collect(),
            code: u32::from(unseen),
            kind,
        });
    }
    if name.chars().any(char::is_control) {
        return Err(TeamProblem::BadName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(TeamProblem::NameTooLong(name.to_string()));
    }
    Ok(name.to_string())
}

/// General_Category=Format (Cf), from Unicode 16.0.0's
/// `extracted/DerivedGeneralCategory.txt` (as `ucd-generate` writes it into
/// regex-syntax 0.8's `unicode_tables/general_category.rs`). Zl and Zp are
/// one character each, U+2028 and U+2029.
const FORMAT: &[(char, char)] = &[
    ('\u{ad}', '\u{ad}'),
    ('\u{600}', '\u{605}'),
    ('\u{61c}', '\u{61c}'),
    ('\u{6dd}', '\u{6dd}'),
    ('\u{70f}', '\u{70f}'),
    ('\u{890}', '\u{891}'),
    ('\u{8e2}', '\u{8e2}'),
    ('\u{180e}', '\u{180e}'),
    ('\u{200b}', '\u{200f}'),
    ('\u{202a}', '\u{202e}'),
    ('\u{2060}', '\u{2064}'),
    ('\u{2066}', '\u{206f}'),
    ('\u{feff}', '\u{feff}'),
    ('\u{fff9}', '\u{fffb}'),
    ('\u{110bd}', '\u{110bd}'),
    ('\u{110cd}', '\u{110cd}'),
    ('\u{13430}', '\u{1343f}'),
    ('\u{1bca0}', '\u{1bca3}'),
    ('\u{1d173}', '\u{1d17a}'),
    ('\u{e0001}', '\u{e0001}'),
    ('\u{e0020}', '\u{e007f}'),
];

/// Bidi_Control, from Unicode's `PropList.txt`: U+061C, U+200E–200F,
/// U+202A–202E, U+2066–2069 (all of them Cf).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether a reader could not see `c` in a name, and why.
fn hidden(c: char) -> Option<Hidden> {
    if is_bidi_control(c) {
        Some(Hidden::Direction)
    } else if matches!(c, '\u{2028}' | '\u{2029}') {
        Some(Hidden::Break)
    } else if FORMAT.iter().any(|&(from, to)| (from..=to).contains(&c)) {
        Some(Hidden::Invisible)
    } else {
        None
    }
}

/// How names are folded before they are compared: NFKC, then upper and
/// then lower case (full case folding as JavaScript can do it), then NFKC.
pub type Fold = fn(&str) -> String;

static FOLD: OnceLock<Fold> = OnceLock::new();

/// Hands in the fold names are compared by, once, before any team link is
/// read. The reports worker gives the browser's own (`normalize("NFKC")`,
/// `toUpperCase`, `toLowerCase`, on the Unicode tables every browser
/// carries), so its wasm carries none: the `unicode-normalization` crate and
/// Rust's case tables would add about 80 kB gzip to it.
pub fn fold_names_with(fold: Fold) {
    let _ = FOLD.set(fold);
}

fn folded(name: &str) -> String {
    FOLD.get().map_or_else(|| own_fold(name), |fold| fold(name))
}

/// The same fold, natively (tests, the build's tools).
#[cfg(not(target_arch = "wasm32"))]
fn own_fold(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let compatible: String = name.nfkc().collect();
    compatible.to_uppercase().to_lowercase().nfkc().collect()
}

/// A wasm build that handed in no fold (only the reports worker reads team
/// links, and it does) compares ASCII case only.
#[cfg(target_arch = "wasm32")]
fn own_fold(name: &str) -> String {
    name.to_ascii_lowercase()
}

/// Two names are the same person when they differ only in case or in
/// compatibility forms ("ana", "Ana", "Ａｎａ").
pub fn same_name(a: &str, b: &str) -> bool {
    folded(a) == folded(b)
}

/// Checks that `members` can form a team: someone, not too many, no name
/// twice, and no name that looks like another's.
pub fn check_team(members: &[Member]) -> Result<(), TeamProblem> {
    if members.is_empty() {
        return Err(TeamProblem::NoPeople);
    }
    if members.len() > MAX_PEOPLE {
        return Err(TeamProblem::TooManyPeople(members.len()));
    }
    let folded: Vec<String> = members.iter().map(|m| folded(&m.name)).collect();
    let latin: Vec<String> = folded.iter().map(|name| as_latin(name)).collect();
    for (i, member) in members.iter().enumerate() {
        if folded[..i].contains(&folded[i]) {
            return Err(TeamProblem::DuplicateName(member.name.clone()));
        }
        if let Some(like) = latin[..i].iter().position(|other| *other == latin[i]) {
            return Err(TeamProblem::LooksLike {
                name: member.name.clone(),
                like: members[like].name.clone(),
            });
        }
    }
    Ok(())
}

pub fn encode_team(matrix: &Matrix, members: &[Member]) -> String {
    let mut out = format!("{PREFIX}{TEAM_VERSION}");
    for member in members {
        out.push_str("&n=");
        percent_encode(&member.name, &mut out);
        out.push('&');
        out.push_str(&fields::fields(matrix, &member.shared));
    }
    out
}

/// Reads a team hash (`t=…`, without its `#`; the length already checked):
/// only through `decode_link`, which checks the length.
pub(super) fn decode_team(matrix: &Matrix, hash: &str) -> Result<Vec<Member>, TeamError> {
    let mut pairs = fields::pairs(hash).peekable();
    match pairs.next() {
        Some(("t", value)) => fields::version(value, TEAM_VERSION)?,
        _ => return Err(DecodeError::NoVersion.into()),
    };
    let mut members = Vec::new();
    while let Some((key, value)) = pairs.next() {
        if key != "n" {
            return Err(DecodeError::UnknownKey(key.to_string()).into());
        }
        let name = percent_decode(value)
            .ok_or(TeamProblem::BadName)
            .and_then(|name| check_name(&name))?;
        // Stop reading as soon as the team is too big, whatever follows.
        if members.len() == MAX_PEOPLE {
            return Err(TeamProblem::TooManyPeople(MAX_PEOPLE + 1).into());
        }
        let mut own = Vec::new();
        while let Some(pair) = pairs.next_if(|(key, _)| *key != "n") {
            own.push(pair);
        }
        let shared =
            fields::person(matrix, own.into_iter()).map_err(|error| TeamError::Person {
                name: name.clone(),
                error,
            })?;
        members.push(Member { name, shared });
    }
    check_team(&members)?;
    Ok(members)
}

fn percent_encode(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
}

/// `%XX` escapes to bytes, other characters as they are; `None` when an
/// escape is broken or the bytes are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
