//! Why a link could not be read, in words a reader can act on.
//!
//! A reason quotes others' text (a name, a value from a link) apart from
//! our words, through [`Sentence`], so each output format escapes what
//! others wrote its own way; [`DecodeError::reason`] joins them as plain text.
//! What only a team link can get wrong is in `team_error`, which the page,
//! reading one person's link, never links.

use super::{MAX_LENGTH, MAX_TEAM_LENGTH};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Length found, and the most a link of its kind can need.
    TooLong {
        found: usize,
        limit: usize,
    },
    NoVersion,
    UnknownVersion(String),
    NewerVersion(u32),
    MissingWeights,
    WrongWeightCount {
        expected: usize,
        found: usize,
    },
    BadWeight(char),
    UnknownPreset(String),
    BadAnswers,
    UnknownCriterion(String),
    BadScale(String),
    BadPanels(String),
    UnknownKey(String),
    /// Pasted text with nothing in it, or an address with no `#` part.
    NoSettings,
    /// A team link given where one person's settings were expected.
    TeamLink,
}

/// Where a reason is written: our words, and others' text kept apart.
pub trait Sentence {
    fn words(&mut self, words: &str);
    /// Text someone else wrote: a name, a value from a link.
    fn theirs(&mut self, text: &str);
}

/// A reason a reader can act on, written into any [`Sentence`]; `reason`
/// is the plain-text one.
pub trait Reason {
    fn write_reason(&self, out: &mut dyn Sentence);

    fn reason(&self) -> String {
        let mut out = String::new();
        self.write_reason(&mut out);
        out
    }
}

/// Plain text: both as they are.
impl Sentence for String {
    fn words(&mut self, words: &str) {
        self.push_str(words);
    }
    fn theirs(&mut self, text: &str) {
        self.push_str(text);
    }
}

/// `before“text”after`, with `text` shortened and written as others' text.
pub(super) fn quote(out: &mut dyn Sentence, before: &str, text: &str, after: &str) {
    out.words(before);
    out.words("“");
    out.theirs(&shorten(text));
    out.words("”");
    out.words(after);
}

/// The reason in words, for "This link's settings could not be read: …".
impl Reason for DecodeError {
    fn write_reason(&self, out: &mut dyn Sentence) {
        match self {
            DecodeError::TooLong { found, limit } => out.words(&format!(
                "it is {found} characters long, more than the {limit} a real one needs"
            )),
            DecodeError::NoVersion => {
                out.words("it has no version number, so it was not made by stackweigh")
            }
            DecodeError::UnknownVersion(v) => quote(out, "its version ", v, " is not a number"),
            DecodeError::NewerVersion(v) => out.words(&format!(
                "it was made by a newer version of stackweigh (format {v}); reload the page to update"
            )),
            DecodeError::MissingWeights => out.words("it carries no weights"),
            DecodeError::WrongWeightCount { expected, found } => out.words(&format!(
                "it has {found} weights where this version has {expected} criteria"
            )),
            DecodeError::BadWeight(c) => {
                quote(out, "", c.encode_utf8(&mut [0; 4]), " is not a weight from 0 to 10")
            }
            DecodeError::UnknownPreset(p) => quote(out, "there is no preset ", p, ""),
            DecodeError::BadAnswers => out.words("its questionnaire answers are garbled"),
            DecodeError::UnknownCriterion(c) => quote(out, "there is no criterion ", c, ""),
            DecodeError::BadScale(s) => quote(out, "", s, " is not a chart scale"),
            DecodeError::BadPanels(s) => quote(out, "", s, " is not a set of panels"),
            DecodeError::UnknownKey(k) => quote(out, "it has an unknown setting ", k, ""),
            DecodeError::NoSettings => out
                .words("it carries no stackweigh settings (a shared link has them after “#”)"),
            DecodeError::TeamLink => {
                out.words("it is a team link; open it in “Compare with your team”")
            }
        }
    }
}

/// The length limit for a link whose hash starts as `hash` does.
pub(super) fn limit_for(hash: &str) -> usize {
    if super::is_team_hash(hash) {
        MAX_TEAM_LENGTH
    } else {
        MAX_LENGTH
    }
}

pub(super) fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(24).collect();
    if text.chars().count() > 24 {
        short.push('…');
    }
    short
}
