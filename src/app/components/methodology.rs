use std::rc::Rc;

use yew::prelude::*;

use super::panel::on_toggle;

use crate::core::update::Event;

/// "How we score": a native disclosure, closed by default, so the note is
/// one click away without pushing the widget down. Its text, drawn by the
/// reports worker, arrives when it first opens.
pub fn methodology_note(note: Option<&Rc<str>>, on: &Callback<Event>) -> Html {
    let ontoggle = on_toggle(on, Event::MethodToggled);
    let Some(note) = note else {
        return html! {
            <details class="sw-method" {ontoggle}><summary>{ "How we score" }</summary></details>
        };
    };
    html! {
        <details class="sw-method" open=true {ontoggle}>
            <summary>{ "How we score" }</summary>
            if note.is_empty() {
                <p role="status">{ "Loading the note…" }</p>
            } else {
                { Html::from_html_unchecked(AttrValue::from(note.clone())) }
            }
        </details>
    }
}
