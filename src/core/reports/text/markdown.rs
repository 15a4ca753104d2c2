//! Text as Markdown (CommonMark with GitHub's extensions), for the decision
//! record: a file people commit to wikis and repositories, and read both
//! rendered and as plain text.
//!
//! - Others' text ([`theirs`]) has every ASCII punctuation character
//!   backslash-escaped, as CommonMark allows for all of them, so none of it
//!   is Markdown: no emphasis, link, autolink, entity, HTML, code or
//!   strikethrough, whatever a renderer's extensions.
//! - The data file's prose ([`prose`]) is reviewed in this repository, so
//!   only the characters that would change how it renders are escaped. The
//!   rest (`.`, `/`, `-`, `(`, `:`…) is left as is, so "Node.js", "C/C++"
//!   and "async/await" read as typed in the file too.
//! - Our own words are written as they are: they are the record's Markdown.

use super::{Part, Text};

impl Text {
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for part in &self.0 {
            match part {
                Part::Ours(text) => out.push_str(text),
                Part::Data(text) => out.push_str(&prose(text)),
                Part::Theirs(text) => out.push_str(&theirs(text)),
            }
        }
        out
    }
}

/// Someone else's text, with every ASCII punctuation character escaped
/// (and a control character, which a name cannot hold, as a space: a line
/// break would end the line it is in).
pub fn theirs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    out
}

/// The data file's prose, with what would render as Markdown escaped:
/// emphasis (`*`, `_` but inside a word), links and images (`[`, `]`), HTML
/// and autolinks (`<`, `>`), code (`` ` ``), entities (`&`), strikethrough
/// (`~`), maths (`$`), table cells (`|`) and the backslash itself.
pub fn prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // An underscore inside a word (worker_threads) is never emphasis.
        let inside_word = c == '_'
            && previous.is_alphanumeric()
            && chars.peek().is_some_and(|n| n.is_alphanumeric());
        let special = matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '|' | '&' | '~' | '$'
        );
        if special && !inside_word {
            out.push('\\');
        }
        out.push(c);
        previous = c;
    }
    out
}

/// An address as a Markdown autolink, `<https://…>`: characters an autolink
/// cannot hold (space, `<`, `>`, controls) and any beyond ASCII are
/// percent-encoded. Text that does not start with a scheme would not be an
/// autolink, so it is written as others' text instead.
pub fn autolink(address: &str) -> String {
    let scheme = address.split_once(':').map_or("", |(scheme, _)| scheme);
    let has_scheme = (2..=32).contains(&scheme.len())
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'));
    if !has_scheme {
        return theirs(address);
    }
    let mut out = String::from("<");
    for byte in address.bytes() {
        if byte <= b' ' || byte >= 0x7f || byte == b'<' || byte == b'>' {
            out.push_str(&format!("%{byte:02X}"));
        } else {
            out.push(char::from(byte));
        }
    }
    out.push('>');
    out
}
