use yew::prelude::*;

pub struct NoticeProps {
    pub message: String,
    pub on_dismiss: Callback<()>,
}

/// A message about input the widget could not honour, over a working widget.
pub fn notice(props: &NoticeProps) -> Html {
    let on_click = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="sw-notice" role="alert">
            <p>{ &props.message }</p>
            <button type="button" class="sw-button sw-button--quiet" onclick={on_click}>{ "Dismiss" }</button>
        </div>
    }
}

pub struct RestoreOfferProps {
    pub on_restore: Callback<()>,
    pub on_keep: Callback<()>,
}

/// After a shared link replaced the reader's own saved settings: the way back.
pub fn restore_offer(props: &RestoreOfferProps) -> Html {
    html! {
        <div class="sw-notice" role="status">
            <p>{ "You opened a shared link, so you see its settings. Your own saved weights are kept." }</p>
            <div class="sw-notice-actions">
                <button type="button" class="sw-button" onclick={props.on_restore.reform(|_: MouseEvent| ())}>{ "Restore my weights" }</button>
                <button type="button" class="sw-button sw-button--quiet" onclick={props.on_keep.reform(|_: MouseEvent| ())}>{ "Keep these" }</button>
            </div>
        </div>
    }
}
