use yew::prelude::*;

use super::send;

use crate::core::engine::state::Action;
use crate::core::page::event::Event;
use crate::core::page::view_model::PresetsView;
use crate::core::MATRIX;

/// Use-case presets as one scrollable row of buttons; the chosen one
/// explains itself, and once edited the picker shows what changed.
pub fn use_case_picker(view: &PresetsView, on: &Callback<Event>) -> Html {
    html! {
        <section class="sw-presets" aria-labelledby="sw-presets-heading">
            <h2 id="sw-presets-heading">{ "Start from a use case" }</h2>
            <div class="sw-preset-list" role="group" aria-label="Use-case presets">
                { for view.chips.iter().map(|chip| {
                    let index = chip.index;
                    html! {
                        <button
                            type="button"
                            class="sw-preset"
                            data-preset={MATRIX.presets[index].id}
                            aria-pressed={if chip.pressed { "true" } else { "false" }}
                            onclick={send(on, Event::State(Action::ApplyPreset(index)))}
                        >
                            { chip.name }
                        </button>
                    }
                }) }
            </div>
            <p class="sw-preset-status" role="status">{ &view.status }</p>
            if let Some(departure) = view.departure {
                <p class="sw-preset-departure">{ departure }</p>
            }
            if let Some((heading, lines, reset)) = &view.diff {
                <div class="sw-preset-diff">
                    <p>{ heading }</p>
                    <ul>{ for lines.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                    <button type="button" class="sw-button" onclick={send(on, Event::State(Action::ResetToPreset))}>
                        { reset }
                    </button>
                </div>
            }
        </section>
    }
}
