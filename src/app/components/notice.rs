use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct NoticeProps {
    pub message: String,
    pub on_dismiss: Callback<()>,
}

/// A message about input the widget could not honour, over a working widget.
#[function_component]
pub fn Notice(props: &NoticeProps) -> Html {
    let on_click = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="sw-notice" role="alert">
            <p>{ &props.message }</p>
            <button type="button" class="sw-button sw-button--quiet" onclick={on_click}>{ "Dismiss" }</button>
        </div>
    }
}
