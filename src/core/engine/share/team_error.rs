//! Why a link that may hold a team (the address bar's in the team view, a
//! pasted one) could not be read or added: its settings, its people, or one
//! person's settings. Only the reports worker reads team links, so the page's
//! wasm carries none of these words.

use super::error::{quote, shorten, DecodeError, Reason, Sentence};
use super::{MAX_NAME_CHARS, MAX_PEOPLE};

/// Why a link could not join a team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamError {
    /// The link itself, as for one person's link.
    Link(DecodeError),
    /// Something about the people in a team, or a name.
    Team(TeamProblem),
    /// One person's settings inside a team link.
    Person { name: String, error: DecodeError },
}

impl From<DecodeError> for TeamError {
    fn from(error: DecodeError) -> Self {
        TeamError::Link(error)
    }
}

impl From<TeamProblem> for TeamError {
    fn from(problem: TeamProblem) -> Self {
        TeamError::Team(problem)
    }
}

impl Reason for TeamError {
    fn write_reason(&self, out: &mut dyn Sentence) {
        match self {
            TeamError::Link(error) => error.write_reason(out),
            TeamError::Team(problem) => problem.write_reason(out),
            TeamError::Person { name, error } => {
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

impl Reason for TeamProblem {
    fn write_reason(&self, out: &mut dyn Sentence) {
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
