use yew::prelude::*;

use crate::core::methodology::Section;

/// "How we score": a native disclosure, closed by default, so the note is
/// one click away without pushing the widget down.
pub fn methodology_note(sections: &[Section]) -> Html {
    html! {
        <details class="sw-method">
            <summary>{ "How we score" }</summary>
            <dl>
                { for sections.iter().map(|section| html! {
                    <>
                        <dt>{ section.heading }</dt>
                        <dd>{ &section.text }</dd>
                    </>
                }) }
            </dl>
        </details>
    }
}
