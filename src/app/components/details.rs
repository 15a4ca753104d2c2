use yew::prelude::*;

use crate::app::details_text::DetailsText;

pub struct CriterionDetailsProps {
    pub id: String,
    pub criterion: usize,
    pub text: DetailsText,
}

/// A criterion's rationale, sources and audited claims: HTML rendered at
/// build time from the reviewed data (`core::details`), shown as is.
pub fn criterion_details(props: &CriterionDetailsProps) -> Html {
    let body = match (&props.text, props.text.fragment(props.criterion)) {
        (_, Some(fragment)) => Html::from_html_unchecked(AttrValue::from(fragment.to_owned())),
        (DetailsText::Failed(message), _) => {
            html! { <p class="sw-details-error" role="alert">{ message }</p> }
        }
        _ => html! { <p class="sw-details-loading">{ "Loading the rationale and sources…" }</p> },
    };
    html! {
        <div class="sw-details" id={props.id.clone()}>{ body }</div>
    }
}
