use yew::prelude::*;

use super::button;

use super::send;

use crate::core::engine::state::Action;
use crate::core::page::event::Event;

/// A message about input the widget could not honour, over a working widget.
pub fn notice(message: String, on: &Callback<Event>) -> Html {
    html! {
        <div class="sw-notice" role="alert">
            <p>{ message }</p>
            <button type="button" class="sw-button sw-button--quiet" onclick={send(on, Event::State(Action::DismissNotice))}>{ "Dismiss" }</button>
        </div>
    }
}

/// After a shared link replaced the reader's own saved settings: the way back.
pub fn restore_offer(on: &Callback<Event>) -> Html {
    html! {
        <div class="sw-notice" role="status">
            <p>{ "You opened a shared link, so you see its settings. Your own saved weights are kept." }</p>
            <div class="sw-notice-actions">
                { button("Restore my weights", send(on, Event::State(Action::RestoreSaved))) }
                <button type="button" class="sw-button sw-button--quiet" onclick={send(on, Event::State(Action::KeepLink))}>{ "Keep these" }</button>
            </div>
        </div>
    }
}
