//! "Compare with your team", the decision record's buttons and the print
//! appendix. The team view and the appendix are drawn by the decision
//! worker as escaped HTML (`core::team_html`), shown here as they are.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::team::{PASTE_HINT, TITLE};
use crate::core::team_html::REMOVE_ATTRIBUTE;
use crate::core::teamwork::{Output, TeamEvent, TeamworkView};
use crate::core::update::{Copyable, Event};

fn team(on: &Callback<Event>, make: fn(String) -> TeamEvent) -> Callback<InputEvent> {
    on.reform(move |event: InputEvent| Event::Team(make(field_value(&event))))
}

fn field_value(event: &InputEvent) -> String {
    let target = event.target();
    if let Some(area) = target
        .clone()
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        return area.value();
    }
    target
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default()
}

fn send(on: &Callback<Event>, event: TeamEvent) -> Callback<MouseEvent> {
    on.reform(move |_: MouseEvent| Event::Team(event.clone()))
}

pub fn team_section(view: &TeamworkView, on: &Callback<Event>) -> Html {
    let ontoggle = on.reform(|event: web_sys::Event| {
        let open = event
            .target_dyn_into::<web_sys::Element>()
            .is_some_and(|details| details.has_attribute("open"));
        Event::Team(TeamEvent::Toggled(open))
    });
    html! {
        <details class="sw-panel sw-panel--team" open={view.open} {ontoggle}>
            <summary class="sw-panel-summary">{ TITLE }</summary>
            <div class="sw-panel-body">
                <p id="sw-team-hint">{ PASTE_HINT }</p>
                <label for="sw-team-paste">{ "Teammates' links" }</label>
                <textarea id="sw-team-paste" class="sw-team-paste" rows="4" aria-describedby="sw-team-hint"
                    value={view.paste.clone()} oninput={team(on, TeamEvent::PasteEdited)} />
                <div class="sw-share-row">
                    <button type="button" class="sw-button" onclick={send(on, TeamEvent::AddPasted)}>{ "Add to the team" }</button>
                </div>
                <div class="sw-share-row sw-team-add">
                    <label for="sw-team-name">{ "Your name" }</label>
                    <input id="sw-team-name" type="text" maxlength="16" autocomplete="given-name"
                        value={view.my_name.clone()} oninput={team(on, TeamEvent::NameEdited)} />
                    <button type="button" class="sw-button" onclick={send(on, TeamEvent::AddMe)}>{ "Add my weights" }</button>
                </div>
                <div role="alert" class="sw-team-problems">
                    { for view.problems.iter().map(|p| html! { <p>{ p }</p> }) }
                </div>
                <p role="status" class="sw-share-status">{ if view.waiting { "Drawing the team view…" } else { "" } }</p>
                if !view.view.is_empty() {
                    { drawn_team(view, on) }
                }
            </div>
        </details>
    }
}

fn drawn_team(view: &TeamworkView, on: &Callback<Event>) -> Html {
    // The worker's "Remove" buttons name their person in an attribute.
    let onclick = {
        let on = on.clone();
        Callback::from(move |event: MouseEvent| {
            let name = event
                .target_dyn_into::<web_sys::Element>()
                .and_then(|e| e.closest(&format!("[{REMOVE_ATTRIBUTE}]")).ok().flatten())
                .and_then(|button| button.get_attribute(REMOVE_ATTRIBUTE));
            if let Some(name) = name {
                on.emit(Event::Team(TeamEvent::Remove(name)));
            }
        })
    };
    html! {
        <>
            <section class="sw-team-view" aria-label="Team comparison" {onclick}>
                { Html::from_html_unchecked(view.view.to_string().into()) }
            </section>
            if let Some(link) = view.team_link.clone() {
                <div class="sw-share-row">
                    <label for="sw-team-link">{ "Team link" }</label>
                    <input id="sw-team-link" class="sw-link" type="text" readonly=true value={link} />
                    <button type="button" class="sw-button" onclick={on.reform(|_: MouseEvent| Event::Copy(Copyable::TeamLink))}>{ "Copy team link" }</button>
                </div>
                <div class="sw-share-row">
                    <button type="button" class="sw-button" onclick={send(on, TeamEvent::Produce(Output::CopyRecord { team: true }))}>{ "Copy the team's decision record" }</button>
                    <button type="button" class="sw-button" onclick={send(on, TeamEvent::Produce(Output::DownloadRecord { team: true }))}>{ "Download the team's record (.md)" }</button>
                </div>
            }
            { record_status(view.team_status.as_ref(), "sw-team-record") }
        </>
    }
}

/// The record's buttons in the share panel: this reader's decision.
pub fn record_buttons(view: &TeamworkView, on: &Callback<Event>) -> Html {
    html! {
        <>
            <div class="sw-share-row sw-record-row">
                <button type="button" class="sw-button" onclick={send(on, TeamEvent::Produce(Output::CopyRecord { team: false }))}>{ "Copy as decision record" }</button>
                <button type="button" class="sw-button" onclick={send(on, TeamEvent::Produce(Output::DownloadRecord { team: false }))}>{ "Download .md" }</button>
                <button type="button" class="sw-button" onclick={send(on, TeamEvent::Produce(Output::Print))}>{ "Print or save as PDF" }</button>
            </div>
            { record_status(view.share_status.as_ref(), "sw-record") }
        </>
    }
}

/// What became of the last record; the record itself when the clipboard
/// or the download refused, to copy by hand.
fn record_status(status: Option<&(String, Option<String>)>, id: &'static str) -> Html {
    let (text, record) = status.cloned().unwrap_or_default();
    html! {
        <>
            <p role="status" class="sw-share-status">{ text }</p>
            if let Some(record) = record {
                <label for={id}>{ "Decision record (Markdown)" }</label>
                <textarea {id} class="sw-snippet" readonly=true rows="8" value={record} />
            }
        </>
    }
}

/// The print appendix (contributions, weights, sources), shown only in print.
pub fn print_appendix(view: &TeamworkView) -> Html {
    if view.print_appendix.is_empty() {
        return Html::default();
    }
    html! {
        <section class="sw-print-appendix" aria-hidden="true">
            { Html::from_html_unchecked(view.print_appendix.to_string().into()) }
        </section>
    }
}
