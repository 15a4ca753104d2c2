//! "Compare with your team", the decision record's buttons and the print
//! appendix. The team panel's body and the appendix are drawn by the
//! reports worker as escaped HTML (`core::team_html`) and shown as they
//! are; one click handler reads what a button asks for.

use yew::prelude::*;

use super::panel::on_toggle;

use crate::core::team::TITLE;
use crate::core::team_html::{ACTION, NAME_ID, PASTE_ID, RECORD_BUTTONS, REMOVE_ATTRIBUTE};
use crate::core::teamwork::{clicked, TeamEvent, TeamworkView};
use crate::core::update::Event;

pub fn team_section(view: &TeamworkView, on: &Callback<Event>) -> Html {
    let ontoggle = on_toggle(on, |open| Event::Team(TeamEvent::Toggled(open)));
    html! {
        <details class="sw-panel sw-panel--team" open={view.open} {ontoggle}>
            <summary class="sw-panel-summary">{ TITLE }</summary>
            <div class="sw-panel-body" onclick={on_action(on)}>
                { Html::from_html_unchecked(AttrValue::from(view.panel.clone())) }
                <p role="status" class="sw-share-status">{ &view.message }</p>
            </div>
        </details>
    }
}

/// One handler for every button that names its action in `data-team`.
fn on_action(on: &Callback<Event>) -> Callback<MouseEvent> {
    let on = on.clone();
    Callback::from(move |event: MouseEvent| {
        let button = event
            .target_dyn_into::<web_sys::Element>()
            .and_then(|e| e.closest(&format!("[{ACTION}]")).ok().flatten());
        let Some(button) = button else { return };
        let action = button.get_attribute(ACTION).unwrap_or_default();
        let person = button.get_attribute(REMOVE_ATTRIBUTE);
        if let Some(event) = clicked(&action, person, field(PASTE_ID), field(NAME_ID)) {
            on.emit(event);
        }
    })
}

/// A form field's text, read when a button is clicked (a text area or an
/// input: both have `value`).
fn field(id: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| js_sys::Reflect::get(&e, &"value".into()).ok())
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

/// The share panel's record and print buttons: this reader's decision.
pub fn record_buttons(view: &TeamworkView, on: &Callback<Event>) -> Html {
    html! {
        <div onclick={on_action(on)}>
            { Html::from_html_unchecked(RECORD_BUTTONS.into()) }
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
