//! What the page draws of the team panel, the record and print, and "How
//! we score": worded here, drawn by `app::components`.

use std::rc::Rc;

use super::{MethodNote, MAX_PASTE_BYTES};
use crate::core::engine::share::MAX_NAME_CHARS;
use crate::core::page::model::Model;

/// A "Remove" button for one person on the team.
#[derive(Debug, Clone, PartialEq)]
pub struct RemoveButton {
    pub name: String,
    /// Its accessible name, e.g. "Remove Ana".
    pub label: String,
}

/// The team panel and the record's buttons; `None` in an embed, which has
/// neither (its "Open the full comparator" leads to them).
#[derive(Debug, Clone, PartialEq)]
pub struct TeamworkView {
    pub open: bool,
    pub paste: String,
    pub name: String,
    pub paste_limit: usize,
    pub name_limit: usize,
    pub people: Vec<RemoveButton>,
    /// The worker's report (escaped HTML): problems, verdicts, analysis.
    pub report: Rc<str>,
    /// The team link written out in full, while there is a team.
    pub team_link: Option<String>,
    /// Under the team panel: while the worker answers, or why it could not,
    /// or what became of the team's last record or of the paste.
    pub message: String,
    /// What became of the last record or print asked for in the share panel.
    pub share_status: String,
    pub print_appendix: Rc<str>,
}

/// "How we score" while it is open.
#[derive(Debug, Clone, PartialEq)]
pub enum MethodologyView {
    Loading,
    Note(Rc<str>),
    Failed(String),
}

pub fn view(model: &Model) -> Option<TeamworkView> {
    if model.options.embed {
        return None;
    }
    let reports = &model.ui.reports;
    let (team_status, share_status) = if reports.from_team {
        (reports.status.clone(), String::new())
    } else {
        (String::new(), reports.status.clone())
    };
    let message = if reports.waiting.is_some() {
        "Loading the team view…".into()
    } else if let Some(error) = &reports.failure {
        format!("The team view could not be drawn: {}.", error.reason())
    } else {
        team_status
    };
    Some(TeamworkView {
        open: reports.open,
        paste: reports.paste.clone(),
        name: reports.name.clone(),
        paste_limit: MAX_PASTE_BYTES,
        name_limit: MAX_NAME_CHARS,
        people: (reports.people.iter())
            .map(|name| RemoveButton {
                label: format!("Remove {name}"),
                name: name.clone(),
            })
            .collect(),
        report: reports.report.clone(),
        team_link: (!reports.link.is_empty())
            .then(|| format!("{}#{}", model.page_address, reports.link)),
        message,
        share_status,
        print_appendix: reports.print_appendix.clone(),
    })
}

/// "How we score", or `None` while it is closed.
pub fn methodology(model: &Model) -> Option<MethodologyView> {
    if !model.ui.method_open {
        return None;
    }
    Some(match &model.ui.method {
        MethodNote::NotAsked | MethodNote::Loading => MethodologyView::Loading,
        MethodNote::Loaded(html) => MethodologyView::Note(html.clone()),
        MethodNote::Failed(error) => MethodologyView::Failed(format!(
            "The note could not be loaded ({}). Close and open it to try again.",
            error.reason()
        )),
    })
}
