use yew::prelude::*;

use crate::core::methodology::{Link, Section};

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
