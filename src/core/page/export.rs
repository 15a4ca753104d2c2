//! The page's side of the exports: the Markdown table, the chart file and
//! the embed snippets are made by the reports worker
//! (`core::reports::export`) on first use, so the page's first load
//! carries none of their code. This is what the page asks, keeps and says.

use super::effect::{ChartFormat, Copyable, Effect};
use super::model::{Asked, Model, Snippets};
use super::reporting::ReportError;
use crate::core::protocol::{Answer, Export, Request};

/// "Copy as Markdown table" or a chart download: asked of the worker.
pub fn ask(model: &mut Model, asked: Asked) -> Vec<Effect> {
    model.ui.exporting = Some(asked);
    model.ui.share_status = match asked {
        Asked::Markdown => "Writing the Markdown table…",
        Asked::Chart(_) => "Drawing the chart…",
    }
    .into();
    let what = match asked {
        Asked::Markdown => Export::Markdown,
        Asked::Chart(_) => Export::Chart,
    };
    vec![request(model, what)]
}

/// The embed dialog opens, and its snippets (of the state now) are asked for.
pub fn open_dialog(model: &mut Model) -> Vec<Effect> {
    model.ui.embed_dialog_open = true;
    model.ui.snippets = Snippets::Loading;
    vec![Effect::ShowEmbedDialog, request(model, Export::Snippets)]
}

fn request(model: &Model, what: Export) -> Effect {
    let criteria = (model.state.visible.iter().flatten())
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(",");
    Effect::Ask(Request::Export {
        what,
        subject: model.link.clone(),
        address: model.page_address.clone(),
        criteria,
    })
}

/// A snippet to copy: only once it is here.
pub fn snippet(model: &Model, what: Copyable) -> String {
    match (&model.ui.snippets, what) {
        (Snippets::Loaded { loader, .. }, Copyable::LoaderSnippet) => loader.to_string(),
        (Snippets::Loaded { iframe, .. }, Copyable::IframeSnippet) => iframe.to_string(),
        _ => String::new(),
    }
}

/// The worker's export: copied, downloaded or shown, if it is still wanted.
pub fn arrived(model: &mut Model, answer: Answer) -> Vec<Effect> {
    let ui = &mut model.ui;
    match (answer, ui.exporting) {
        (Answer::Markdown(text), Some(Asked::Markdown)) => {
            ui.exporting = None;
            vec![Effect::CopyText {
                text,
                what: Copyable::Markdown,
            }]
        }
        (Answer::Chart(svg), Some(Asked::Chart(format))) => {
            ui.exporting = None;
            let file = match format {
                ChartFormat::Svg => "stackweigh-node-vs-python.svg",
                ChartFormat::Png => "stackweigh-node-vs-python.png",
            };
            vec![Effect::DownloadChart { format, file, svg }]
        }
        (Answer::Snippets { loader, iframe }, _) if ui.snippets == Snippets::Loading => {
            ui.snippets = Snippets::Loaded {
                loader: loader.into(),
                iframe: iframe.into(),
            };
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// The worker failed: what waited for an export says why.
pub fn failed(model: &mut Model, error: &ReportError) {
    let ui = &mut model.ui;
    let why = error.reason();
    if let Some(asked) = ui.exporting.take() {
        ui.share_status = match asked {
            Asked::Markdown => format!("The Markdown table could not be made: {why}."),
            Asked::Chart(_) => format!("The chart could not be made: {why}."),
        };
    }
    if ui.snippets == Snippets::Loading {
        ui.snippets = Snippets::Failed(format!("The snippets could not be made: {why}."));
    }
}

#[cfg(test)]
#[path = "export_tests.rs"]
mod tests;
