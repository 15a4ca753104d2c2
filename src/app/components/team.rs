//! "Compare with your team", the decision record's buttons and the print
//! appendix. The form is the page's own; the report beside it (problems,
//! verdicts, analysis) is drawn by the reports worker as escaped HTML
//! (`core::reports::team_html`) and shown as it is.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::button;

use super::send;

use super::panel::on_toggle;
use crate::core::page::event::Event;
use crate::core::page::reporting::view::{RemoveButton, TeamworkView};
use crate::core::page::reporting::{Output, TeamEvent};

const TITLE: &str = "Compare with your team";
const PASTE_HINT: &str = "Paste your teammates' links, one per line, each after a short name (“Ana https://…”). A team link adds everyone it carries.";

pub fn team_section(view: &TeamworkView, on: &Callback<Event>) -> Html {
    let ontoggle = on_toggle(on, |open| Event::Team(TeamEvent::Toggled(open)));
    let team = |event: TeamEvent| send(on, Event::Team(event));
    let typed = |make: fn(String) -> TeamEvent| {
        on.reform(move |event: InputEvent| Event::Team(make(input_value(&event))))
    };
    html! {
        <details class="sw-panel sw-panel--team" open={view.open} {ontoggle}>
            <summary class="sw-panel-summary">{ TITLE }</summary>
            <div class="sw-panel-body">
                <p id="sw-team-hint">{ PASTE_HINT }</p>
                <label for="sw-team-paste">{ "Teammates’ links" }</label>
                <textarea id="sw-team-paste" class="sw-snippet" rows="4" aria-describedby="sw-team-hint"
                    maxlength={view.paste_limit.to_string()} value={view.paste.clone()}
                    oninput={typed(TeamEvent::PasteEdited)} />
                <div class="sw-share-row">
                    { button("Add to the team", team(TeamEvent::AddPasted)) }
                </div>
                <div class="sw-share-row sw-team-add">
                    <label for="sw-team-name">{ "Your name" }</label>
                    <input id="sw-team-name" class="sw-link" type="text" autocomplete="given-name"
                        maxlength={view.name_limit.to_string()} value={view.name.clone()}
                        oninput={typed(TeamEvent::NameEdited)} />
                    { button("Add my weights", team(TeamEvent::AddMe)) }
                </div>
                { Html::from_html_unchecked(AttrValue::from(view.report.clone())) }
                if !view.people.is_empty() {
                    { people(&view.people, on) }
                }
                if let Some(link) = view.team_link.clone() {
                    { team_link(link, on) }
                }
                <p role="status" class="sw-share-status">{ &view.message }</p>
            </div>
        </details>
    }
}

/// One "Remove" button a person. Keyed by name, so removing one leaves the
/// others' buttons where they are; the keyboard's place moves at once to
/// the next person's button (or the previous, or the paste box).
fn people(people: &[RemoveButton], on: &Callback<Event>) -> Html {
    html! {
        <ul class="sw-team-people" aria-label="Who is on the team">
            { for people.iter().map(|person| {
                let event = Event::Team(TeamEvent::Remove(person.name.clone()));
                html! {
                    <li key={person.name.clone()}>
                        <bdi>{ &person.name }</bdi>
                        <button type="button" class="sw-button sw-button--quiet sw-button--small"
                            aria-label={person.label.clone()}
                            onclick={on.reform(move |click: MouseEvent| {
                                focus_neighbour(&click);
                                event.clone()
                            })}>{ "Remove" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}

fn team_link(link: String, on: &Callback<Event>) -> Html {
    let produce = |output: Output| send(on, Event::Team(TeamEvent::Produce(output)));
    let copy = send(
        on,
        Event::Copy(crate::core::page::effect::Copyable::TeamLink),
    );
    html! {
        <>
            <div class="sw-share-row">
                <label for="sw-team-link">{ "Team link" }</label>
                <input id="sw-team-link" class="sw-link" type="text" readonly=true value={link} />
                { button("Copy team link", copy) }
            </div>
            <div class="sw-share-row">
                { button("Copy the team’s decision record", produce(Output::CopyRecord { team: true })) }
                { button("Download the team’s record (.md)", produce(Output::DownloadRecord { team: true })) }
            </div>
        </>
    }
}

/// Before a person's row goes, focus the button of the person after them,
/// else before them, else the panel's paste box.
fn focus_neighbour(click: &MouseEvent) {
    let Some(row) = click
        .target_dyn_into::<web_sys::Element>()
        .and_then(|button| button.closest("li").ok().flatten())
    else {
        return;
    };
    let neighbour = (row.next_element_sibling())
        .or_else(|| row.previous_element_sibling())
        .and_then(|li| li.query_selector("button").ok().flatten())
        .or_else(|| {
            let panel = row.closest("details").ok().flatten()?;
            panel.query_selector("textarea").ok().flatten()
        });
    if let Some(element) = neighbour.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// A text field's value as the reader left it. wasm-bindgen reads `value`
/// structurally, so the input's binding serves the text area too.
fn input_value(event: &InputEvent) -> String {
    event
        .target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

/// The share panel's record and print buttons: this reader's decision.
pub fn record_buttons(view: &TeamworkView, on: &Callback<Event>) -> Html {
    let produce = |output: Output| send(on, Event::Team(TeamEvent::Produce(output)));
    html! {
        <div>
            <div class="sw-share-row sw-record-row">
                { button("Copy as decision record", produce(Output::CopyRecord { team: false })) }
                { button("Download .md", produce(Output::DownloadRecord { team: false })) }
                { button("Print or save as PDF", produce(Output::Print)) }
            </div>
            <p role="status" class="sw-share-status">{ &view.share_status }</p>
        </div>
    }
}

/// The print appendix (contributions, weights, sources), shown only in print.
pub fn print_appendix(view: &TeamworkView) -> Html {
    if view.print_appendix.is_empty() {
        return Html::default();
    }
    html! {
        <section class="sw-print-appendix" aria-hidden="true">
            { Html::from_html_unchecked(AttrValue::from(view.print_appendix.clone())) }
        </section>
    }
}
