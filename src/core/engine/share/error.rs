//! Why a link could not be read, in words a reader can act on.
//!
//! A reason quotes others' text (a name, a value from a link) apart from
//! our words, through [`Sentence`], so each output format escapes what
//! others wrote its own way; [`DecodeError::reason`] joins them as plain text.

use super::{MAX_LENGTH, MAX_NAME_CHARS, MAX_PEOPLE, MAX_TEAM_LENGTH};

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
    /// Something about the people in a team, or a name.
    Team(TeamProblem),
    /// One person's settings inside a team link.
    Person {
        name: String,
        error: Box<DecodeError>,
    },
}

/// Where a reason is written: our words, and others' text kept apart.
pub trait Sentence {
    fn words(&mut self, words: &str);
    /// Text someone else wrote: a name, a value from a link.
    fn theirs(&mut self, text: &str);
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
fn quote(out: &mut dyn Sentence, before: &str, text: &str, after: &str) {
    out.words(before);
    out.words("“");
    out.theirs(&shorten(text));
    out.words("”");
    out.words(after);
}

impl DecodeError {
    /// The reason in words, for "This link's settings could not be read: …".
    pub fn reason(&self) -> String {
        let mut out = String::new();
        self.write_reason(&mut out);
        out
    }

    pub fn write_reason(&self, out: &mut dyn Sentence) {
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
            DecodeError::Team(problem) => problem.write_reason(out),
            DecodeError::Person { name, error } => {
                out.theirs(&shorten(name));
                out.words("’s settings: ");
                error.write_reason(out);
            }
        }
    }
}

/// What is wrong with the people of a team, or with one person's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamProblem {
    /// A team link that names nobody.
    NoPeople,
    /// How many people there would be.
    TooManyPeople(usize),
    /// The same name as another's once compatibility forms and case are
    /// folded ("Ana", "ana", "Ａｎａ").
    DuplicateName(String),
    /// A name spelled with other characters that look like another's
    /// (`name`, with a Cyrillic "А", looks like `like`).
    LooksLike {
        name: String,
        like: String,
    },
    MissingName,
    NameTooLong(String),
    /// A name with control characters or a broken `%` escape.
    BadName,
    /// A name holding a character a reader cannot see: the name without
    /// such characters, and the first one's code point (never the
    /// character itself, which would do in the message what it did in the name).
    Hidden {
        visible: String,
        code: u32,
        kind: Hidden,
    },
}

/// The kinds of characters a name may not hold because nobody sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// A bidirectional control (U+202E…): it reorders the text after it.
    Direction,
    /// A line or paragraph separator (U+2028, U+2029).
    Break,
    /// Any other format character (U+200B, U+FEFF…): it shows as nothing.
    Invisible,
}

impl TeamProblem {
    pub fn reason(&self) -> String {
        let mut out = String::new();
        self.write_reason(&mut out);
        out
    }

    pub fn write_reason(&self, out: &mut dyn Sentence) {
        match self {
            TeamProblem::NoPeople => out.words("it is a team link that names nobody"),
            TeamProblem::TooManyPeople(n) => out.words(&format!(
                "that makes {n} people, and a team can have at most {MAX_PEOPLE}"
            )),
            TeamProblem::DuplicateName(name) => quote(
                out,
                "the name ",
                name,
                " is used twice; give each person a different name",
            ),
            TeamProblem::LooksLike { name, like } => {
                quote(out, "the name ", name, " looks like ");
                quote(
                    out,
                    "",
                    like,
                    " but is spelled with other characters; give each person a name that reads differently",
                );
            }
            TeamProblem::MissingName => out.words("a person has no name"),
            TeamProblem::NameTooLong(name) => quote(
                out,
                "the name ",
                name,
                &format!(" is longer than {MAX_NAME_CHARS} characters"),
            ),
            TeamProblem::BadName => out.words("a name in it is garbled"),
            TeamProblem::Hidden {
                visible,
                code,
                kind,
            } => hidden_reason(out, visible, *code, *kind),
        }
    }
}

/// `the name “Ana” holds U+202E, an invisible mark that …`.
fn hidden_reason(out: &mut dyn Sentence, visible: &str, code: u32, kind: Hidden) {
    if visible.is_empty() {
        out.words("a name holds ");
    } else {
        quote(out, "the name ", visible, " holds ");
    }
    out.words(&format!("U+{code:04X}, "));
    out.words(match kind {
        Hidden::Direction => {
            "an invisible mark that changes the direction of the text around it; type the name again without it"
        }
        Hidden::Break => "a line or paragraph break; type the name again on one line",
        Hidden::Invisible => {
            "an invisible formatting character; type the name again without it"
        }
    });
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
