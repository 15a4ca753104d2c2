//! The exports as the page sees them: asked of the reports worker, then
//! copied, downloaded or shown when its answer comes, or why not.

use super::*;
use crate::core::page::event::Event;
use crate::core::page::query::parse;
use crate::core::page::startup::Stored;
use crate::core::page::update::{boot, update};
use crate::core::page::view_model::view;
use crate::core::MATRIX;

fn booted(query: &str) -> Model {
    let address = "https://example.test/sw/".to_string();
    boot(&MATRIX, parse(&MATRIX, query), "", address, || {
        (Stored::Empty, None)
    })
    .0
}

fn asked_for(effects: &[Effect]) -> Option<(Export, String)> {
    effects.iter().find_map(|e| match e {
        Effect::Ask(Request::Export { what, criteria, .. }) => Some((*what, criteria.clone())),
        _ => None,
    })
}

fn answered(model: &mut Model, answer: Answer) -> Vec<Effect> {
    update(&MATRIX, model, Event::Reports(Ok(answer)))
}

#[test]
fn the_markdown_table_is_asked_of_the_worker_and_copied_when_it_comes() {
    let mut model = booted("");
    let effects = update(&MATRIX, &mut model, Event::Copy(Copyable::Markdown));
    assert_eq!(asked_for(&effects), Some((Export::Markdown, String::new())));
    assert!(!effects.iter().any(|e| matches!(e, Effect::CopyText { .. })));
    assert_eq!(
        view(&MATRIX, &model).share.status,
        "Writing the Markdown table…"
    );
    let effects = answered(&mut model, Answer::Markdown("| table |".into()));
    assert!(effects.contains(&Effect::CopyText {
        text: "| table |".into(),
        what: Copyable::Markdown
    }));
    // A second answer nobody asked for copies nothing.
    let again = answered(&mut model, Answer::Markdown("| table |".into()));
    assert!(!again.iter().any(|e| matches!(e, Effect::CopyText { .. })));
}

#[test]
fn the_table_keeps_to_the_criteria_the_page_shows() {
    let ids = format!("{},{}", MATRIX.criteria[2].id, MATRIX.criteria[0].id);
    let mut model = booted(&format!("criteria={ids}"));
    let effects = update(&MATRIX, &mut model, Event::Copy(Copyable::Markdown));
    let (_, criteria) = asked_for(&effects).expect("asked");
    let mut shown: Vec<&str> = criteria.split(',').collect();
    shown.sort();
    assert_eq!(shown, ["0", "2"]);
}

#[test]
fn both_chart_downloads_are_the_workers_svg_under_their_own_names() {
    for (format, file) in [
        (ChartFormat::Svg, "stackweigh-node-vs-python.svg"),
        (ChartFormat::Png, "stackweigh-node-vs-python.png"),
    ] {
        let mut model = booted("");
        let effects = update(&MATRIX, &mut model, Event::Download(format));
        assert_eq!(asked_for(&effects).map(|a| a.0), Some(Export::Chart));
        let effects = answered(&mut model, Answer::Chart("<svg/>".into()));
        assert!(effects.contains(&Effect::DownloadChart {
            format,
            file,
            svg: "<svg/>".into()
        }));
    }
}

#[test]
fn the_embed_dialog_asks_for_its_snippets_and_copies_them_once_here() {
    let mut model = booted("");
    let effects = update(&MATRIX, &mut model, Event::OpenEmbedDialog);
    assert!(effects.contains(&Effect::ShowEmbedDialog));
    assert_eq!(asked_for(&effects).map(|a| a.0), Some(Export::Snippets));
    let dialog = view(&MATRIX, &model).share.dialog.expect("dialog");
    assert_eq!(
        (dialog.loader.as_str(), dialog.status.as_str()),
        ("", "Writing the snippets…")
    );
    let early = update(&MATRIX, &mut model, Event::Copy(Copyable::LoaderSnippet));
    assert!(early.is_empty(), "nothing to copy yet: {early:?}");

    let snippets = Answer::Snippets {
        loader: "<div>loader</div>".into(),
        iframe: "<iframe></iframe>".into(),
    };
    answered(&mut model, snippets);
    let dialog = view(&MATRIX, &model).share.dialog.expect("dialog");
    assert_eq!(
        (
            dialog.loader.as_str(),
            dialog.iframe.as_str(),
            dialog.status.as_str()
        ),
        ("<div>loader</div>", "<iframe></iframe>", "")
    );
    let copy = update(&MATRIX, &mut model, Event::Copy(Copyable::IframeSnippet));
    assert!(copy.contains(&Effect::CopyText {
        text: "<iframe></iframe>".into(),
        what: Copyable::IframeSnippet
    }));
}

#[test]
fn a_worker_that_fails_says_why_and_the_page_carries_on() {
    let mut model = booted("");
    update(&MATRIX, &mut model, Event::OpenEmbedDialog);
    update(&MATRIX, &mut model, Event::Download(ChartFormat::Png));
    update(
        &MATRIX,
        &mut model,
        Event::Reports(Err(ReportError::Refused)),
    );
    let share = view(&MATRIX, &model).share;
    assert_eq!(
        share.status,
        "The chart could not be made: this browser would not start it."
    );
    assert_eq!(
        share.dialog.expect("dialog").status,
        "The snippets could not be made: this browser would not start it."
    );
    // Asking again asks again.
    let effects = update(&MATRIX, &mut model, Event::Copy(Copyable::Markdown));
    assert_eq!(asked_for(&effects).map(|a| a.0), Some(Export::Markdown));
}
