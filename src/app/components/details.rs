use yew::prelude::*;

use crate::core::page::details_text::DetailsText;

/// A criterion's rationale, sources and audited claims: HTML rendered at
/// build time from the reviewed data (`core::details`), shown as is.
pub fn criterion_details(id: &str, criterion: usize, text: &DetailsText) -> Html {
    let body = match (text, text.fragment(criterion)) {
        (_, Some(fragment)) => Html::from_html_unchecked(AttrValue::from(fragment.to_owned())),
        (DetailsText::Failed(failure), _) => {
            html! { <p class="sw-details-error" role="alert">{ failure.message() }</p> }
        }
        _ => html! { <p class="sw-details-loading">{ "Loading the rationale and sources…" }</p> },
    };
    html! {
        <div class="sw-details" id={id.to_owned()}>{ body }</div>
    }
}
