use yew::prelude::*;

use crate::core::methodology::{Link, Section};
use crate::core::update::Event;

/// "How we score": a native disclosure, closed by default, so the note is
/// one click away without pushing the widget down; its text is drawn when
/// it opens.
pub fn methodology_note(sections: Option<&[Section]>, on: &Callback<Event>) -> Html {
    let ontoggle = on.reform(|event: web_sys::Event| {
        let open = event
            .target_dyn_into::<web_sys::Element>()
            .is_some_and(|details| details.has_attribute("open"));
        Event::MethodToggled(open)
    });
    let Some(sections) = sections else {
        return html! {
            <details class="sw-method" {ontoggle}><summary>{ "How we score" }</summary></details>
        };
    };
    html! {
        <details class="sw-method" open=true {ontoggle}>
            <summary>{ "How we score" }</summary>
            <dl>
                { for sections.iter().map(|section| html! {
                    <>
                        <dt>{ section.heading }</dt>
                        <dd>
                            { &section.text }
                            if !section.links.is_empty() {
                                <ul class="sw-method-links">
                                    { for section.links.iter().map(link) }
                                </ul>
                            }
                        </dd>
                    </>
                }) }
            </dl>
        </details>
    }
}

fn link(link: &Link) -> Html {
    match link.url {
        Some(url) => html! {
            <li><a href={url} rel="noopener noreferrer">{ &link.text }</a></li>
        },
        None => html! { <li>{ &link.text }</li> },
    }
}
