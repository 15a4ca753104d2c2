//! "Compare with your team", the decision record and print, as the page
//! holds them. The work itself is the decision worker's (`decide`, loaded on
//! first use); this is what the page asks it, what waits for an answer, and
//! what the reader is told.

use std::rc::Rc;

use super::decide::{ERROR, PRINT, RECORD, TEAM};
use super::details::SEPARATOR;
use super::model::{DetailsText, Model};
use super::update::{Copyable, Effect};

/// The downloaded record's file name.
pub const RECORD_FILE: &str = "decision-record.md";

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
    /// The worker's answer to a request.
    Answered(Vec<String>),
    /// The worker could not start or answer.
    Failed(String),
    /// The browser's answer to a download of the record.
    Saved(bool),
}

/// A request waiting for the "Why?" text (`asked: false`) or the worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pending {
    pub output: Output,
    pub asked: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Teamwork {
    pub open: bool,
    pub paste: String,
    pub my_name: String,
    /// The team link's text (`t=1&…`); empty while there is no team.
    pub link: String,
    /// Why lines of the last paste were not added, one sentence each.
    pub problems: Vec<String>,
    /// The team view as the worker drew it (escaped HTML).
    pub view: Rc<str>,
    /// A team request is out.
    pub waiting: bool,
    pub pending: Option<Pending>,
    /// The last record made, shown for copying by hand if the clipboard refuses.
    pub record: String,
    pub record_shown: bool,
    pub print_appendix: Rc<str>,
    /// What became of the last record or print.
    pub status: String,
    /// The last record was the team's (its status shows in the team view).
    pub from_team: bool,
}

/// What the page draws of all this; `None` in an embed, which has no team
/// view and no record (its "Open the full comparator" leads to them).
#[derive(Debug, Clone, PartialEq)]
pub struct TeamworkView {
    pub open: bool,
    pub paste: String,
    pub my_name: String,
    /// The team link as a full address, while there is a team.
    pub team_link: Option<String>,
    pub problems: Vec<String>,
    pub view: Rc<str>,
    pub waiting: bool,
    /// The record status, and the record itself when it must be copied by
    /// hand, under the team view's buttons or the share panel's.
    pub team_status: Option<(String, Option<String>)>,
    pub share_status: Option<(String, Option<String>)>,
    pub print_appendix: Rc<str>,
}

pub fn view(model: &Model) -> Option<TeamworkView> {
    if model.options.embed {
        return None;
    }
    let work = &model.ui.teamwork;
    let status = Some((
        work.status.clone(),
        work.record_shown.then(|| work.record.clone()),
    ))
    .filter(|(text, _)| !text.is_empty());
    let (team_status, share_status) = if work.from_team {
        (status, None)
    } else {
        (None, status)
    };
    Some(TeamworkView {
        open: work.open,
        paste: work.paste.clone(),
        my_name: work.my_name.clone(),
        team_link: (!work.link.is_empty()).then(|| format!("{}#{}", model.page_address, work.link)),
        problems: work.problems.clone(),
        view: work.view.clone(),
        waiting: work.waiting,
        team_status,
        share_status,
        print_appendix: work.print_appendix.clone(),
    })
}

pub fn update(model: &mut Model, event: TeamEvent) -> Vec<Effect> {
    let work = &mut model.ui.teamwork;
    match event {
        TeamEvent::Toggled(open) => work.open = open,
        TeamEvent::PasteEdited(text) => work.paste = text,
        TeamEvent::NameEdited(name) => work.my_name = name,
        TeamEvent::AddPasted => return ask_team(work, work.paste.clone(), ""),
        TeamEvent::AddMe => {
            let line = format!("{} {}", work.my_name.trim(), model.link);
            return ask_team(work, line, "");
        }
        TeamEvent::Remove(name) => return ask_team(work, String::new(), &name),
        TeamEvent::Produce(output) => return produce(model, output),
        TeamEvent::Answered(answer) => return answered(model, answer),
        TeamEvent::Failed(why) => failed(work, &why),
        TeamEvent::Saved(ok) => {
            work.status = if ok {
                format!("Decision record downloaded as {RECORD_FILE}.")
            } else {
                work.record_shown = true;
                "The download did not start here; the record is below to copy.".into()
            };
        }
    }
    Vec::new()
}

/// Whether the team view is being drawn from a team link at start-up.
pub fn boot_team(work: &mut Teamwork, hash: &str) -> Vec<Effect> {
    work.link = hash.trim_start_matches('#').to_string();
    work.open = true;
    ask_team(work, String::new(), "")
}

fn ask_team(work: &mut Teamwork, paste: String, remove: &str) -> Vec<Effect> {
    work.waiting = true;
    let request = [TEAM, &work.link, &paste, remove];
    vec![Effect::Ask(request.iter().map(|s| s.to_string()).collect())]
}

/// Asks for a record or the print appendix once the "Why?" text is here
/// (its rationales and sources go into both).
fn produce(model: &mut Model, output: Output) -> Vec<Effect> {
    let work = &mut model.ui.teamwork;
    work.pending = Some(Pending {
        output,
        asked: false,
    });
    work.record_shown = false;
    work.from_team = matches!(
        output,
        Output::CopyRecord { team: true } | Output::DownloadRecord { team: true }
    );
    work.status = match output {
        Output::Print => "Preparing the page for printing…",
        _ => "Writing the decision record…",
    }
    .into();
    match model.ui.details {
        DetailsText::Loaded(_) => ask_pending(model),
        DetailsText::Loading => Vec::new(),
        DetailsText::NotLoaded | DetailsText::Failed(_) => {
            model.ui.details = DetailsText::Loading;
            vec![Effect::LoadDetailsText]
        }
    }
}

/// Sends the waiting request, if it has not gone yet. Without the "Why?"
/// text (it failed to load) the record says where to find the sources.
pub fn ask_pending(model: &mut Model) -> Vec<Effect> {
    let output = match model.ui.teamwork.pending.as_mut() {
        Some(pending) if !pending.asked => {
            pending.asked = true;
            pending.output
        }
        _ => return Vec::new(),
    };
    let payload = match &model.ui.details {
        DetailsText::Loaded(fragments) => fragments.join(&SEPARATOR.to_string()),
        _ => String::new(),
    };
    let work = &model.ui.teamwork;
    let request = match output {
        Output::Print => vec![PRINT.into(), model.link.clone(), payload],
        Output::CopyRecord { team } | Output::DownloadRecord { team } => {
            let subject = if team && !work.link.is_empty() {
                work.link.clone()
            } else {
                model.link.clone()
            };
            vec![RECORD.into(), subject, model.page_address.clone(), payload]
        }
    };
    vec![Effect::Ask(request)]
}

fn answered(model: &mut Model, answer: Vec<String>) -> Vec<Effect> {
    let mut fields = answer.into_iter();
    let kind = fields.next().unwrap_or_default();
    let mut next = || fields.next().unwrap_or_default();
    let work = &mut model.ui.teamwork;
    match kind.as_str() {
        TEAM => {
            work.waiting = false;
            work.link = next();
            work.problems = next().lines().map(str::to_owned).collect();
            work.view = next().into();
            if work.problems.is_empty() {
                work.paste.clear();
            }
            vec![Effect::ReplaceAddress(model.address_text())]
        }
        RECORD => {
            work.record = next();
            let output = work.pending.take().map(|p| p.output);
            match output {
                Some(Output::DownloadRecord { .. }) => vec![Effect::SaveText {
                    file: RECORD_FILE,
                    text: work.record.clone(),
                }],
                _ => vec![Effect::CopyText {
                    text: work.record.clone(),
                    what: Copyable::Record,
                }],
            }
        }
        PRINT => {
            work.pending = None;
            work.print_appendix = next().into();
            work.status.clear();
            vec![Effect::Print]
        }
        ERROR => {
            failed(work, &next());
            Vec::new()
        }
        other => {
            failed(work, &format!("it gave an unknown answer “{other}”"));
            Vec::new()
        }
    }
}

/// The worker failed: whatever waited is told why, and nothing typed is lost.
fn failed(work: &mut Teamwork, why: &str) {
    if work.waiting {
        work.waiting = false;
        work.problems = vec![format!("The team view could not be drawn: {why}.")];
    }
    if let Some(pending) = work.pending.take() {
        work.status = match pending.output {
            Output::Print => format!("The page could not be prepared for printing: {why}."),
            _ => format!("The decision record could not be made: {why}."),
        };
    }
}

#[cfg(test)]
#[path = "teamwork_tests.rs"]
mod tests;
