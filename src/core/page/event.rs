//! What the reader did, or what the browser or the reports worker answered:
//! everything `update` takes.

use super::details_text::DetailsText;
use super::effect::{ChartFormat, Copyable};
use super::model::Panel;
use super::reporting::{ReportError, TeamEvent};
use crate::core::engine::state::Action;
use crate::core::protocol::Answer;

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A change to what a link carries (weights, preset, answers…).
    State(Action),
    /// A disclosure was opened or closed (by the reader, or found so at start).
    PanelToggled {
        panel: Panel,
        open: bool,
    },
    ToggleQuiz,
    /// "How we score" was opened or closed.
    MethodToggled(bool),
    /// Opens or closes a criterion's "Why?" (and loads its text once).
    ToggleDetails(usize),
    DetailsArrived(DetailsText),
    /// The reader has been here a while: fetch the "Why?" text if it is
    /// not here yet (a failure waits for the reader to ask).
    DetailsDue,
    Copy(Copyable),
    /// The browser's answer to a copy.
    Copied {
        what: Copyable,
        ok: bool,
    },
    Download(ChartFormat),
    Downloaded {
        format: ChartFormat,
        ok: bool,
    },
    OpenEmbedDialog,
    /// Escape, the Close button or the form closed the dialog.
    EmbedDialogClosed,
    /// The team panel's form, the decision record and print.
    Team(TeamEvent),
    /// The reports worker's answer, or why there is none.
    Reports(Result<Answer, ReportError>),
    /// The verdict went above the viewport (`true`) or came back.
    VerdictPassed(bool),
    /// The reader asked for the full verdict (the compact answer bar).
    ShowVerdict,
    /// The weights have settled: time to announce the answer.
    AnnouncementDue,
}
