use yew::prelude::*;

use super::panel::on_toggle;

use crate::core::page::event::Event;
use crate::core::page::reporting::view::MethodologyView;

/// "How we score": a native disclosure, closed by default, so the note is
/// one click away without pushing the widget down. Its text, drawn by the
/// reports worker, arrives when it first opens.
pub fn methodology_note(note: Option<&MethodologyView>, on: &Callback<Event>) -> Html {
    let ontoggle = on_toggle(on, Event::MethodToggled);
    let Some(note) = note else {
        return html! {
            <details class="sw-method" {ontoggle}><summary>{ "How we score" }</summary></details>
        };
    };
    let body = match note {
        MethodologyView::Loading => html! { <p role="status">{ "Loading the note…" }</p> },
        MethodologyView::Note(html) => Html::from_html_unchecked(AttrValue::from(html.clone())),
        MethodologyView::Failed(message) => html! { <p role="status">{ message }</p> },
    };
    html! {
        <details class="sw-method" open=true {ontoggle}>
            <summary>{ "How we score" }</summary>
            { body }
        </details>
    }
}
