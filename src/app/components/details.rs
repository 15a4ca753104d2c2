use yew::prelude::*;

use crate::core::page::view_model::DetailsView;

/// A criterion's rationale, sources and audited claims: HTML rendered at
/// build time from the reviewed data (`core::details`), shown as is.
pub fn criterion_details(id: &str, view: &DetailsView) -> Html {
    let body = match view {
        DetailsView::Loaded(html) => Html::from_html_unchecked(AttrValue::from(html.clone())),
        DetailsView::Failed(message) => {
            html! { <p class="sw-details-error" role="alert">{ message }</p> }
        }
        DetailsView::Loading(words) => html! { <p class="sw-details-loading">{ *words }</p> },
    };
    html! {
        <div class="sw-details" id={id.to_owned()}>{ body }</div>
    }
}
