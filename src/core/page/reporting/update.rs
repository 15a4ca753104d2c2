//! How the team panel, the record, print and "How we score" change: the
//! reader's events, and the worker's answers (the exports' go on to
//! `page::export`).

use super::{
    MethodNote, Output, Pending, ReportError, Reporting, TeamEvent, MAX_PASTE_BYTES, RECORD_FILE,
};
use crate::core::engine::share::paste_too_long;
use crate::core::page::effect::{load_details, Copyable, Effect};
use crate::core::page::model::{Model, Ui};
use crate::core::protocol::{Answer, Request, TeamReport};

pub fn update(model: &mut Model, event: TeamEvent) -> Vec<Effect> {
    let reports = &mut model.ui.reports;
    match event {
        TeamEvent::Toggled(open) => reports.open = open,
        TeamEvent::PasteEdited(text) => reports.paste = text,
        TeamEvent::NameEdited(text) => reports.name = text,
        TeamEvent::AddPasted if reports.paste.len() > MAX_PASTE_BYTES => {
            reports.from_team = true;
            reports.status = paste_too_long(reports.paste.len());
        }
        TeamEvent::AddPasted => {
            let paste = reports.paste.clone();
            return ask_team(reports, paste.clone(), None, Some(paste));
        }
        TeamEvent::AddMe => {
            let line = format!("{} {}", reports.name.trim(), model.link);
            return ask_team(reports, line, None, None);
        }
        TeamEvent::Remove(who) => return ask_team(reports, String::new(), Some(who), None),
        TeamEvent::Produce(output) => return produce(model, output),
        TeamEvent::Saved(ok) => {
            reports.status = if ok {
                format!("Decision record downloaded as {RECORD_FILE}.")
            } else {
                "The decision record could not be copied or downloaded here.".into()
            };
        }
    }
    Vec::new()
}

/// Asks for the team after adding `add` and removing `remove`; `sent_paste`
/// is the paste box's text when that is what `add` is.
fn ask_team(
    reports: &mut Reporting,
    add: String,
    remove: Option<String>,
    sent_paste: Option<String>,
) -> Vec<Effect> {
    reports.waiting = Some(sent_paste);
    reports.failure = None;
    vec![Effect::Ask(Request::Team {
        team: reports.link.clone(),
        add,
        remove,
    })]
}

/// A team link in the address at start-up: the team view opens on it.
pub fn boot_team(model: &mut Model, hash: &str) -> Vec<Effect> {
    let reports = &mut model.ui.reports;
    reports.link = hash.trim_start_matches('#').to_string();
    reports.open = true;
    ask_team(reports, String::new(), None, None)
}

/// "How we score" opened: its text is asked for once (again after a failure).
pub fn ask_methodology(ui: &mut Ui) -> Vec<Effect> {
    if !ui.method_open || !matches!(ui.method, MethodNote::NotAsked | MethodNote::Failed(_)) {
        return Vec::new();
    }
    ui.method = MethodNote::Loading;
    vec![Effect::Ask(Request::Methodology)]
}

/// The clipboard refused the record: it is downloaded instead, so it is
/// never lost.
pub fn copy_refused(model: &mut Model) -> Vec<Effect> {
    let reports = &mut model.ui.reports;
    reports.status =
        "Your browser did not allow copying here; downloading the record instead.".into();
    vec![Effect::SaveText {
        file: RECORD_FILE,
        text: reports.record.to_string(),
    }]
}

/// Asks for a record or the print appendix once the "Why?" text is here
/// (its rationales and sources go into both).
fn produce(model: &mut Model, output: Output) -> Vec<Effect> {
    let reports = &mut model.ui.reports;
    reports.pending = Some(Pending {
        output,
        asked: false,
    });
    reports.from_team = matches!(
        output,
        Output::CopyRecord { team: true } | Output::DownloadRecord { team: true }
    );
    reports.status = match output {
        Output::Print => "Preparing the page for printing…",
        _ => "Writing the decision record…",
    }
    .into();
    let mut effects = load_details(&mut model.ui.details);
    effects.extend(ask_pending(model));
    effects
}

/// Sends the waiting request once the "Why?" text has arrived or failed
/// (without it, the record says where to find the sources).
pub fn ask_pending(model: &mut Model) -> Vec<Effect> {
    use crate::core::page::details_text::DetailsText;
    if matches!(model.ui.details, DetailsText::Loading) {
        return Vec::new();
    }
    let output = match model.ui.reports.pending.as_mut() {
        Some(pending) if !pending.asked => {
            pending.asked = true;
            pending.output
        }
        _ => return Vec::new(),
    };
    let details = model.ui.details.payload().to_string();
    let reports = &model.ui.reports;
    let request = match output {
        Output::Print => Request::Print {
            subject: model.link.clone(),
            details,
        },
        Output::CopyRecord { team } | Output::DownloadRecord { team } => Request::Record {
            subject: if team && !reports.link.is_empty() {
                reports.link.clone()
            } else {
                model.link.clone()
            },
            address: model.page_address.clone(),
            details,
        },
    };
    vec![Effect::Ask(request)]
}

/// The worker's answer, or why there is none.
pub fn answered(model: &mut Model, answer: Result<Answer, ReportError>) -> Vec<Effect> {
    let answer = match answer {
        Ok(Answer::Unreadable(error)) => Err(ReportError::Unreadable(error)),
        other => other,
    };
    let reports = &mut model.ui.reports;
    match answer {
        Ok(Answer::Ready) | Ok(Answer::Unreadable(_)) => Vec::new(),
        Ok(Answer::Team(report)) => {
            team_arrived(reports, report);
            vec![Effect::ReplaceAddress(model.address_text())]
        }
        Ok(Answer::Record(text)) => {
            reports.record = text.into();
            let text = reports.record.to_string();
            match reports.pending.take().map(|p| p.output) {
                Some(Output::DownloadRecord { .. }) => vec![Effect::SaveText {
                    file: RECORD_FILE,
                    text,
                }],
                _ => vec![Effect::CopyText {
                    text,
                    what: Copyable::Record,
                }],
            }
        }
        Ok(Answer::Print(html)) => {
            reports.pending = None;
            reports.print_appendix = html.into();
            reports.status.clear();
            vec![Effect::Print]
        }
        Ok(Answer::Methodology(html)) => {
            model.ui.method = MethodNote::Loaded(html.into());
            Vec::new()
        }
        Ok(answer @ (Answer::Markdown(_) | Answer::Chart(_) | Answer::Snippets { .. })) => {
            crate::core::page::export::arrived(model, answer)
        }
        Err(error) => {
            crate::core::page::export::failed(model, &error);
            failed(&mut model.ui, error);
            Vec::new()
        }
    }
}

fn team_arrived(reports: &mut Reporting, report: TeamReport) {
    // The paste box empties only if everything in it went in and the reader
    // has not typed since.
    let sent_paste = reports.waiting.take().flatten();
    if report.added_all && sent_paste.as_ref() == Some(&reports.paste) {
        reports.paste.clear();
    }
    reports.link = report.link;
    reports.people = report.people;
    reports.report = report.html.into();
}

/// The worker failed: whatever waited is told why, and nothing typed is lost.
fn failed(ui: &mut Ui, error: ReportError) {
    if ui.method == MethodNote::Loading {
        ui.method = MethodNote::Failed(error.clone());
    }
    let reports = &mut ui.reports;
    if reports.waiting.take().is_some() {
        reports.failure = Some(error.clone());
    }
    if let Some(pending) = reports.pending.take() {
        let why = error.reason();
        reports.status = match pending.output {
            Output::Print => format!("The page could not be prepared for printing: {why}."),
            _ => format!("The decision record could not be made: {why}."),
        };
    }
}
