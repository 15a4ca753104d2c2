//! The one place the widget changes: `update(model, event) -> effects`.
//! Effects are plain data; the shell (`app::browser`) runs them.

use std::rc::Rc;

use super::answer_view::{announcement, has_answer_bar};
use super::details_text::DetailsText;
use super::effect::{load_details, ChartFormat, Copyable, Effect};
use super::event::Event;
use super::export;
use super::model::{Asked, Model, Panel};
use super::query::PageOptions;
use super::reporting;
use super::startup::{start, Stored};
use crate::core::engine::matrix::Matrix;
use crate::core::engine::share::is_team_hash;
use crate::core::engine::state::{Action, State};

/// The first model and what the page must do at once. Storage is read
/// through `read_storage` only where the page may use it.
pub fn boot(
    matrix: &Matrix,
    options: PageOptions,
    hash: &str,
    page_address: String,
    read_storage: impl FnOnce() -> (Stored, Option<String>),
) -> (Model, Vec<Effect>) {
    let storage = super::model::uses_storage(&options);
    let (stored, set_aside) = if storage {
        read_storage()
    } else {
        (Stored::Empty, None)
    };
    // A team link opens the team view over the reader's own weights.
    let team_hash = is_team_hash(hash.trim_start_matches('#'))
        .then_some(hash)
        .filter(|_| !options.embed);
    let hash = if team_hash.is_some() { "" } else { hash };
    let started = start(matrix, &options, hash, &stored, set_aside.as_deref());
    let mut effects = Vec::new();
    if let (true, Some(own)) = (storage, started.displaced) {
        effects.push(Effect::KeepDisplaced(own));
    }
    let mut model = Model::new(matrix, started.state, options, page_address);
    if let Some(team) = team_hash {
        effects.extend(reporting::update::boot_team(&mut model, team));
    }
    effects.extend(saved_state(&model));
    if has_answer_bar(&model.options) {
        effects.push(Effect::WatchVerdict);
    }
    if !model.options.embed {
        // The page, whose service worker keeps what it fetches; an embed
        // registers none and loads the text on first use only.
        effects.push(Effect::PrefetchDetailsLater);
    }
    (model, effects)
}

pub fn update(matrix: &Matrix, model: &mut Model, event: Event) -> Vec<Effect> {
    let before = (model.state.clone(), model.ui.clone());
    let analysis_before = model.analysis.clone();
    let mut effects = match event {
        Event::State(action) => change_state(matrix, model, action),
        Event::PanelToggled { panel, open } => toggle_panel(matrix, model, panel, open),
        Event::MethodToggled(open) => {
            model.ui.method_open = open;
            reporting::update::ask_methodology(&mut model.ui)
        }
        Event::ToggleQuiz => {
            model.ui.quiz_open = !model.ui.quiz_open;
            Vec::new()
        }
        Event::ToggleDetails(criterion) => toggle_details(matrix, model, criterion),
        Event::DetailsDue if model.ui.details == DetailsText::NotLoaded => {
            load_details(&mut model.ui.details)
        }
        Event::DetailsDue => Vec::new(),
        Event::DetailsArrived(text) => {
            model.ui.details = text;
            reporting::update::ask_pending(model)
        }
        Event::Copy(_)
        | Event::Copied { .. }
        | Event::Download(_)
        | Event::Downloaded { .. }
        | Event::OpenEmbedDialog
        | Event::EmbedDialogClosed => share(model, event),
        Event::Team(event) => reporting::update::update(model, event),
        Event::Reports(answer) => reporting::update::answered(model, answer),
        Event::VerdictPassed(_) | Event::ShowVerdict | Event::AnnouncementDue => {
            answer_in_view(model, event)
        }
    };
    if !Rc::ptr_eq(&analysis_before, &model.analysis) {
        effects.push(Effect::AnnounceSoon);
    }
    if (&model.state, &model.ui) != (&before.0, &before.1) {
        effects.push(Effect::Render);
    }
    effects
}

/// The share panel: copies, downloads and the embed dialog.
fn share(model: &mut Model, event: Event) -> Vec<Effect> {
    match event {
        Event::Copy(Copyable::Markdown) => export::ask(model, Asked::Markdown),
        // Nothing to copy until the worker has written the snippets.
        Event::Copy(Copyable::LoaderSnippet | Copyable::IframeSnippet)
            if export::snippet(model, Copyable::LoaderSnippet).is_empty() =>
        {
            Vec::new()
        }
        Event::Copy(what) => vec![Effect::CopyText {
            text: copy_text(model, what),
            what,
        }],
        Event::Copied {
            what: Copyable::Record,
            ok: false,
        } => reporting::update::copy_refused(model),
        Event::Copied { what, ok } => copied(model, what, ok),
        Event::Download(format) => export::ask(model, Asked::Chart(format)),
        Event::Downloaded { format, ok } => {
            model.ui.share_status = downloaded_status(format, ok);
            Vec::new()
        }
        Event::OpenEmbedDialog => export::open_dialog(model),
        Event::EmbedDialogClosed => {
            model.ui.embed_dialog_open = false;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// The answer where the reader is: the bar while the verdict is out of
/// view, bringing it back, and announcing it once the weights settle.
fn answer_in_view(model: &mut Model, event: Event) -> Vec<Effect> {
    match event {
        Event::VerdictPassed(passed) => model.ui.verdict_passed = passed,
        Event::ShowVerdict => return vec![Effect::RevealVerdict],
        Event::AnnouncementDue => {
            let analysis = &model.analysis;
            model.ui.announced = announcement(&analysis.recommendation, &analysis.insight);
        }
        _ => {}
    }
    Vec::new()
}

fn change_state(matrix: &Matrix, model: &mut Model, action: Action) -> Vec<Effect> {
    changed(matrix, model, |state| state.apply(matrix, action))
}

/// A panel's choice is kept in the state (and so in the link) only where it
/// differs from the page's default.
fn toggle_panel(matrix: &Matrix, model: &mut Model, panel: Panel, open: bool) -> Vec<Effect> {
    let mut panels = model.panels();
    panels[panel.index()] = open;
    let default = model.default_panels();
    changed(matrix, model, |state| {
        state.panels = (panels != default).then_some(panels)
    })
}

/// Applies `change` to the state, then what follows from it.
fn changed(matrix: &Matrix, model: &mut Model, change: impl FnOnce(&mut State)) -> Vec<Effect> {
    let weights_before = model.state.weights.clone();
    let link_before = model.link.clone();
    let offered_before = model.state.restorable.is_some();
    change(&mut model.state);
    model.refresh(matrix, &weights_before);
    let mut effects = Vec::new();
    if model.link != link_before {
        effects.extend(saved_state(model));
    }
    // Once the reader restored their settings or kept the link's, what a
    // link displaced is moot.
    if offered_before && model.state.restorable.is_none() && model.uses_storage() {
        effects.push(Effect::ForgetDisplaced);
    }
    effects
}

/// Where the current state goes: the address bar, and storage if allowed.
fn saved_state(model: &Model) -> Vec<Effect> {
    let mut effects = vec![Effect::ReplaceAddress(model.address_text())];
    if model.uses_storage() {
        effects.push(Effect::Persist(model.link.clone()));
    }
    effects
}

fn toggle_details(matrix: &Matrix, model: &mut Model, criterion: usize) -> Vec<Effect> {
    let mut effects = change_state(matrix, model, Action::ToggleDetails(criterion));
    if model.state.open == Some(criterion) {
        effects.extend(load_details(&mut model.ui.details));
    }
    effects
}

/// What a copy button copies now (the Markdown table is the worker's, and
/// copied when it arrives).
fn copy_text(model: &Model, what: Copyable) -> String {
    match what {
        Copyable::Link => model.full_page_link(),
        Copyable::Markdown | Copyable::LoaderSnippet | Copyable::IframeSnippet => {
            export::snippet(model, what)
        }
        Copyable::Record => model.ui.reports.record.to_string(),
        Copyable::TeamLink => format!("{}#{}", model.page_address, model.ui.reports.link),
    }
}

fn copied(model: &mut Model, what: Copyable, ok: bool) -> Vec<Effect> {
    let status = copied_status(what, ok);
    if what == Copyable::Record {
        model.ui.reports.status = status;
    } else {
        model.ui.share_status = status;
    }
    Vec::new()
}

fn copied_status(what: Copyable, ok: bool) -> String {
    let what = what.name();
    if ok {
        format!("Copied the {what}.")
    } else {
        format!("Your browser did not allow copying here; select the {what} and copy it yourself.")
    }
}

fn downloaded_status(format: ChartFormat, ok: bool) -> String {
    match (format, ok) {
        (ChartFormat::Svg, true) => "Chart downloaded as SVG.",
        (ChartFormat::Svg, false) => "The chart could not be downloaded here.",
        (ChartFormat::Png, true) => "Chart downloaded as PNG.",
        (ChartFormat::Png, false) => "The chart could not be turned into a PNG here.",
    }
    .to_string()
}

#[cfg(test)]
#[path = "update_tests.rs"]
mod tests;
