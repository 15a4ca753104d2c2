//! The page's side of the reports worker: the team panel's form and what
//! the worker last drew in it, the decision record and print on their way,
//! "How we score", and why the worker could not answer. The work is the
//! worker's (`core::reports`); this is what the page asks, keeps and says.

pub mod update;
pub mod view;

use std::rc::Rc;

use crate::core::protocol::WireError;

/// The downloaded record's file name.
pub const RECORD_FILE: &str = "decision-record.md";
/// The most a paste may hold: more is refused with a message, unread.
pub use crate::core::engine::share::MAX_PASTE_BYTES;

/// What the reader asked for that needs the worker's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The decision record, of this reader's weights or of the team's.
    CopyRecord {
        team: bool,
    },
    DownloadRecord {
        team: bool,
    },
    /// The print appendix, then the browser's print dialog.
    Print,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamEvent {
    /// "Compare with your team" was opened or closed.
    Toggled(bool),
    PasteEdited(String),
    NameEdited(String),
    /// Add what the paste box holds.
    AddPasted,
    /// Add this reader's own weights under the name they typed.
    AddMe,
    Remove(String),
    Produce(Output),
    /// The browser's answer to a download of the record.
    Saved(bool),
}

/// Why the reports worker gave no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportError {
    /// This copy of the page names no worker script.
    Missing,
    /// The browser would not start it.
    Refused,
    /// It did not say it was ready in time.
    Slow,
    /// It failed to load or to answer; the browser's message, if it gave one.
    Failed(String),
    /// A request could not be posted to it.
    NotSent,
    /// A message one side could not read.
    Unreadable(WireError),
}

impl ReportError {
    /// Why, in words: "The team view could not be drawn: {reason}."
    pub fn reason(&self) -> String {
        match self {
            ReportError::Missing => "this copy of the page has no reports worker".into(),
            ReportError::Refused => "this browser would not start it".into(),
            ReportError::Slow => "it did not start in time".into(),
            ReportError::Failed(message) if message.trim().is_empty() => {
                "it could not be loaded".into()
            }
            ReportError::Failed(message) => shorten(message),
            ReportError::NotSent => "the request could not be sent".into(),
            ReportError::Unreadable(error) => format!(
                "a message between the page and its worker could not be read ({})",
                wire_reason(error)
            ),
        }
    }
}

fn wire_reason(error: &WireError) -> String {
    match error {
        WireError::Empty => "it was empty".into(),
        WireError::UnknownKind(kind) => format!("an unknown kind, “{}”", shorten(kind)),
        WireError::WrongLength { kind, found } => {
            format!("“{}” with {found} fields", shorten(kind))
        }
        WireError::NotAFlag(value) => format!("“{}” where a yes or no was due", shorten(value)),
    }
}

/// At most 80 characters of a message that did not come from us.
fn shorten(text: &str) -> String {
    let mut short: String = text.chars().take(80).collect();
    if text.chars().count() > 80 {
        short.push('…');
    }
    short
}

/// A record or print waiting for the "Why?" text (`asked: false`) or the worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pending {
    pub output: Output,
    pub asked: bool,
}

/// "How we score", drawn by the worker the first time it is opened.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum MethodNote {
    #[default]
    NotAsked,
    Loading,
    Loaded(Rc<str>),
    /// Closing and opening it again tries again.
    Failed(ReportError),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reporting {
    pub open: bool,
    /// The form, as the reader typed it.
    pub paste: String,
    pub name: String,
    /// The team link's text (`t=1&…`); empty while there is no team.
    pub link: String,
    /// Everyone on the team, in order.
    pub people: Vec<String>,
    /// The team report as the worker drew it (escaped HTML).
    pub report: Rc<str>,
    /// A team request is out; `Some(paste)` when it added what the paste box held.
    pub waiting: Option<Option<String>>,
    /// Why the last team request got no answer.
    pub failure: Option<ReportError>,
    pub pending: Option<Pending>,
    /// The last record made.
    pub record: Rc<str>,
    pub print_appendix: Rc<str>,
    /// What became of the last record or print, or why the paste was refused.
    pub status: String,
    /// The status belongs to the team panel (not the share panel).
    pub from_team: bool,
}

#[cfg(test)]
mod tests;
