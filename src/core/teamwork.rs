//! "Compare with your team", the decision record and print, as the page
//! holds them. The work itself is the reports worker's (`reports`, loaded on
//! first use); this is what the page asks it, what waits for an answer, and
//! what the reader is told.

use std::rc::Rc;

use super::details::escape;
use super::details::SEPARATOR;
use super::model::{DetailsText, Model, Ui};
use super::reports::{ERROR, METHODOLOGY, PRINT, RECORD, TEAM};
use super::team_html::{
    ADD, ADD_ME, COPY_LINK, COPY_MY_RECORD, COPY_RECORD, DOWNLOAD_MY_RECORD, DOWNLOAD_RECORD,
    PRINT as PRINT_ACTION, REMOVE,
};
use super::update::load_details;
use super::update::{Copyable, Effect, Event};

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

/// A change to the team, with the form's fields as the reader left them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Add what the paste box holds.
    AddPasted,
    /// Add this reader's own weights under the name they typed.
    AddMe,
    Remove(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamEvent {
    /// "Compare with your team" was opened or closed.
    Toggled(bool),
    Edit {
        edit: Edit,
        paste: String,
        name: String,
    },
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
    /// The team link's text (`t=1&…`); empty while there is no team.
    pub link: String,
    /// The panel as the worker drew it: form, problems, team view (escaped HTML).
    pub panel: Rc<str>,
    /// A team request is out.
    pub waiting: bool,
    /// Why the worker could not draw the panel.
    pub failure: String,
    pub pending: Option<Pending>,
    /// The last record made.
    pub record: Rc<str>,
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
    pub panel: Rc<str>,
    /// Under the team panel: while the worker loads or answers, or why it
    /// could not; otherwise what became of the team's last record.
    pub message: String,
    /// What became of the last record or print, under the share panel's
    /// buttons when it was asked for there.
    pub share_status: String,
    pub print_appendix: Rc<str>,
}

pub fn view(model: &Model) -> Option<TeamworkView> {
    if model.options.embed {
        return None;
    }
    let work = &model.ui.teamwork;
    let (team_status, share_status) = if work.from_team {
        (work.status.clone(), String::new())
    } else {
        (String::new(), work.status.clone())
    };
    let message = if work.waiting {
        "Loading the team view…".into()
    } else if !work.failure.is_empty() {
        work.failure.clone()
    } else {
        team_status
    };
    Some(TeamworkView {
        open: work.open,
        panel: work.panel.clone(),
        message,
        share_status,
        print_appendix: work.print_appendix.clone(),
    })
}

pub fn update(model: &mut Model, event: TeamEvent) -> Vec<Effect> {
    let work = &mut model.ui.teamwork;
    match event {
        TeamEvent::Toggled(open) => {
            work.open = open;
            // Opened for the first time: the worker draws the form.
            if open && work.panel.is_empty() && !work.waiting {
                return ask_team(model, "", "", Default::default());
            }
        }
        TeamEvent::Edit { edit, paste, name } => {
            let add = match &edit {
                Edit::AddPasted => paste.clone(),
                Edit::AddMe => format!("{} {}", name.trim(), model.link),
                Edit::Remove(_) => String::new(),
            };
            let remove = match &edit {
                Edit::Remove(who) => who.as_str(),
                _ => "",
            };
            return ask_team(model, &add, remove, (paste, name));
        }
        TeamEvent::Produce(output) => return produce(model, output),
        TeamEvent::Answered(answer) => return answered(model, answer),
        TeamEvent::Failed(why) => failed(&mut model.ui, &why),
        TeamEvent::Saved(ok) => {
            work.status = if ok {
                format!("Decision record downloaded as {RECORD_FILE}.")
            } else {
                "The decision record could not be copied or downloaded here.".into()
            };
        }
    }
    Vec::new()
}

/// What a click on one of the panel's buttons means (its `data-team`
/// action, the person a "Remove" names, and the form's fields).
pub fn clicked(action: &str, person: Option<String>, paste: String, name: String) -> Option<Event> {
    let edit = |edit| Some(Event::Team(TeamEvent::Edit { edit, paste, name }));
    let produce = |output| Some(Event::Team(TeamEvent::Produce(output)));
    match action {
        ADD => edit(Edit::AddPasted),
        ADD_ME => edit(Edit::AddMe),
        REMOVE => edit(Edit::Remove(person?)),
        COPY_LINK => Some(Event::Copy(Copyable::TeamLink)),
        COPY_RECORD => produce(Output::CopyRecord { team: true }),
        DOWNLOAD_RECORD => produce(Output::DownloadRecord { team: true }),
        COPY_MY_RECORD => produce(Output::CopyRecord { team: false }),
        DOWNLOAD_MY_RECORD => produce(Output::DownloadRecord { team: false }),
        PRINT_ACTION => produce(Output::Print),
        _ => None,
    }
}

/// "How we score" opened: its text is asked for once (again after a failure).
pub fn ask_methodology(model: &mut Model) -> Vec<Effect> {
    let ui = &mut model.ui;
    if !ui.method_open || ui.method_asked {
        return Vec::new();
    }
    ui.method_asked = true;
    vec![Effect::Ask(vec![METHODOLOGY.into()])]
}

/// The clipboard refused the record: it is downloaded instead, so it is
/// never lost.
pub fn copy_refused(model: &mut Model) -> Vec<Effect> {
    let work = &mut model.ui.teamwork;
    work.status = "Your browser did not allow copying here; downloading the record instead.".into();
    vec![Effect::SaveText {
        file: RECORD_FILE,
        text: work.record.to_string(),
    }]
}

/// Whether the team view is being drawn from a team link at start-up.
pub fn boot_team(model: &mut Model, hash: &str) -> Vec<Effect> {
    model.ui.teamwork.link = hash.trim_start_matches('#').to_string();
    model.ui.teamwork.open = true;
    ask_team(model, "", "", Default::default())
}

/// Asks the worker for the team after adding `add` and removing `remove`,
/// drawn with the form's `(paste, name)`.
fn ask_team(model: &mut Model, add: &str, remove: &str, form: (String, String)) -> Vec<Effect> {
    let work = &mut model.ui.teamwork;
    work.waiting = true;
    work.failure.clear();
    let request = [
        TEAM,
        &work.link,
        add,
        remove,
        &form.0,
        &form.1,
        &model.page_address,
    ];
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
        _ => load_details(model),
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
            work.panel = next().into();
            vec![Effect::ReplaceAddress(model.address_text())]
        }
        RECORD => {
            work.record = next().into();
            let output = work.pending.take().map(|p| p.output);
            match output {
                Some(Output::DownloadRecord { .. }) => vec![Effect::SaveText {
                    file: RECORD_FILE,
                    text: work.record.to_string(),
                }],
                _ => vec![Effect::CopyText {
                    text: work.record.to_string(),
                    what: Copyable::Record,
                }],
            }
        }
        METHODOLOGY => {
            model.ui.method_html = next().into();
            Vec::new()
        }
        PRINT => {
            work.pending = None;
            work.print_appendix = next().into();
            work.status.clear();
            vec![Effect::Print]
        }
        ERROR => {
            failed(&mut model.ui, &next());
            Vec::new()
        }
        other => {
            failed(
                &mut model.ui,
                &format!("it gave an unknown answer “{other}”"),
            );
            Vec::new()
        }
    }
}

/// The worker failed: whatever waited is told why, and nothing typed is lost.
fn failed(ui: &mut Ui, why: &str) {
    if ui.method_asked && ui.method_html.is_empty() {
        ui.method_asked = false;
        ui.method_html = format!(
            "<p>The note could not be loaded ({}). Close and open it to try again.</p>",
            escape(why)
        )
        .into();
    }
    let work = &mut ui.teamwork;
    if work.waiting {
        work.waiting = false;
        work.failure = format!("The team view could not be drawn: {why}.");
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
