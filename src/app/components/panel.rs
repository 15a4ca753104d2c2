use yew::prelude::*;

use crate::core::page::event::Event;
use crate::core::page::model::Panel;
use crate::core::page::view_model::PanelView;

/// A native disclosure: keyboard-operable, and it opens even before the app
/// is live (the app adopts its state when it mounts).
pub fn panel(which: Panel, panels: &[PanelView; 3], on: &Callback<Event>, body: Html) -> Html {
    let view = &panels[which.index()];
    let ontoggle = on_toggle(on, move |open| Event::PanelToggled { panel: which, open });
    html! {
        <details class="sw-panel" data-panel={which.id()} open={view.open} {ontoggle}>
            <summary class="sw-panel-summary">{ view.label }</summary>
            <div class="sw-panel-body">{ body }</div>
        </details>
    }
}

/// A `<details>` element's toggle as the event `make` builds from whether
/// it is open now.
pub fn on_toggle(
    on: &Callback<Event>,
    make: impl Fn(bool) -> Event + 'static,
) -> Callback<web_sys::Event> {
    on.reform(move |event: web_sys::Event| {
        make(
            event
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|details| details.has_attribute("open")),
        )
    })
}
