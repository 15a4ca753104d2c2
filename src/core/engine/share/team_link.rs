//! A team link: up to [`MAX_PEOPLE`] people, each a short name and the
//! settings their own link carries.
//!
//! Format (version 1): `t=1&n=<name>&w=…&p=…&n=<name>&w=…`. Each `n=` starts
//! a person; the fields after it, up to the next `n=`, are that person's,
//! exactly as in a one-person link (without its `v=`). Names are UTF-8,
//! percent-encoded except for ASCII letters, digits and `-._~`; a decoder
//! also takes them unencoded (a browser may show a hash either way).

use super::error::TeamProblem;
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
/// characters, no control characters.
pub fn check_name(name: &str) -> Result<String, TeamProblem> {
    let name = name.trim();
    if name.is_empty() {
        return Err(TeamProblem::MissingName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(TeamProblem::NameTooLong(name.to_string()));
    }
    if name.chars().any(char::is_control) {
        return Err(TeamProblem::BadName);
    }
    Ok(name.to_string())
}

/// Two names are the same person when they differ only in ASCII case
/// ("ana" and "Ana"); full Unicode case folding would cost kilobytes of wasm.
pub fn same_name(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// Checks that `members` can form a team: someone, not too many, and no
/// name twice.
pub fn check_team(members: &[Member]) -> Result<(), TeamProblem> {
    if members.is_empty() {
        return Err(TeamProblem::NoPeople);
    }
    if members.len() > MAX_PEOPLE {
        return Err(TeamProblem::TooManyPeople(members.len()));
    }
    for (i, member) in members.iter().enumerate() {
        if members[..i]
            .iter()
            .any(|m| same_name(&m.name, &member.name))
        {
            return Err(TeamProblem::DuplicateName(member.name.clone()));
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

/// Reads a team hash (`t=…`, without its `#`; the length already checked).
pub fn decode_team(matrix: &Matrix, hash: &str) -> Result<Vec<Member>, DecodeError> {
    let mut pairs = fields::pairs(hash).peekable();
    match pairs.next() {
        Some(("t", value)) => fields::version(value, TEAM_VERSION)?,
        _ => return Err(DecodeError::NoVersion),
    };
    let mut members = Vec::new();
    while let Some((key, value)) = pairs.next() {
        if key != "n" {
            return Err(DecodeError::UnknownKey(key.to_string()));
        }
        let name = percent_decode(value)
            .ok_or(TeamProblem::BadName)
            .and_then(|name| check_name(&name))
            .map_err(DecodeError::Team)?;
        // Stop reading as soon as the team is too big, whatever follows.
        if members.len() == MAX_PEOPLE {
            return Err(DecodeError::Team(TeamProblem::TooManyPeople(
                MAX_PEOPLE + 1,
            )));
        }
        let mut own = Vec::new();
        while let Some(pair) = pairs.next_if(|(key, _)| *key != "n") {
            own.push(pair);
        }
        let shared =
            fields::person(matrix, own.into_iter()).map_err(|error| DecodeError::Person {
                name: name.clone(),
                error: Box::new(error),
            })?;
        members.push(Member { name, shared });
    }
    check_team(&members).map_err(DecodeError::Team)?;
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
