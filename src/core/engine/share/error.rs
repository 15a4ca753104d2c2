//! Why a link could not be read, in words a reader can act on.

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

impl DecodeError {
    /// The reason in words, for "This link's settings could not be read: …".
    pub fn reason(&self) -> String {
        match self {
            DecodeError::TooLong { found, limit } => {
                format!("it is {found} characters long, more than the {limit} a real one needs")
            }
            DecodeError::NoVersion => {
                "it has no version number, so it was not made by stackweigh".into()
            }
            DecodeError::UnknownVersion(v) => {
                format!("its version “{}” is not a number", shorten(v))
            }
            DecodeError::NewerVersion(v) => {
                format!("it was made by a newer version of stackweigh (format {v}); reload the page to update")
            }
            DecodeError::MissingWeights => "it carries no weights".into(),
            DecodeError::WrongWeightCount { expected, found } => {
                format!("it has {found} weights where this version has {expected} criteria")
            }
            DecodeError::BadWeight(c) => format!("“{c}” is not a weight from 0 to 10"),
            DecodeError::UnknownPreset(p) => format!("there is no preset “{}”", shorten(p)),
            DecodeError::BadAnswers => "its questionnaire answers are garbled".into(),
            DecodeError::UnknownCriterion(c) => format!("there is no criterion “{}”", shorten(c)),
            DecodeError::BadScale(s) => format!("“{}” is not a chart scale", shorten(s)),
            DecodeError::BadPanels(s) => format!("“{}” is not a set of panels", shorten(s)),
            DecodeError::UnknownKey(k) => format!("it has an unknown setting “{}”", shorten(k)),
            DecodeError::NoSettings => {
                "it carries no stackweigh settings (a shared link has them after “#”)".into()
            }
            DecodeError::TeamLink => {
                "it is a team link; open it in “Compare with your team”".into()
            }
            DecodeError::Team(problem) => problem.reason(),
            DecodeError::Person { name, error } => {
                format!("{}’s settings: {}", shorten(name), error.reason())
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
    DuplicateName(String),
    MissingName,
    NameTooLong(String),
    /// A name with control characters or a broken `%` escape.
    BadName,
}

impl TeamProblem {
    pub fn reason(&self) -> String {
        match self {
            TeamProblem::NoPeople => "it is a team link that names nobody".into(),
            TeamProblem::TooManyPeople(n) => {
                format!("that makes {n} people, and a team can have at most {MAX_PEOPLE}")
            }
            TeamProblem::DuplicateName(name) => format!(
                "the name “{}” is used twice; give each person a different name",
                shorten(name)
            ),
            TeamProblem::MissingName => "a person has no name".into(),
            TeamProblem::NameTooLong(name) => format!(
                "the name “{}” is longer than {MAX_NAME_CHARS} characters",
                shorten(name)
            ),
            TeamProblem::BadName => "a name in it is garbled".into(),
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
