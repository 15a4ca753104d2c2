use yew::prelude::*;

use crate::core::MATRIX;

#[derive(PartialEq, Properties)]
pub struct PresetBarProps {
    /// The preset the weights started from.
    pub active: Option<usize>,
    /// Whether the weights are still exactly that preset's.
    pub unchanged: bool,
    pub on_apply: Callback<usize>,
}

/// Use-case presets as buttons; the chosen one explains itself.
#[function_component]
pub fn PresetBar(props: &PresetBarProps) -> Html {
    let status = match props.active.and_then(|i| MATRIX.presets.get(i)) {
        Some(preset) if props.unchanged => format!("{}: {}", preset.name, preset.summary),
        Some(preset) => format!(
            "Started from “{}”, then edited. {}",
            preset.name, preset.summary
        ),
        None => "Pick the use case closest to yours, or set the weights yourself.".to_string(),
    };
    html! {
        <section class="sw-presets" aria-labelledby="sw-presets-heading">
            <h2 id="sw-presets-heading">{ "Start from a use case" }</h2>
            <div class="sw-preset-list" role="group" aria-label="Use-case presets">
                { for MATRIX.presets.iter().enumerate().map(|(index, preset)| {
                    let pressed = props.active == Some(index) && props.unchanged;
                    html! {
                        <button
                            type="button"
                            class={classes!("sw-preset", pressed.then_some("is-active"))}
                            aria-pressed={if pressed { "true" } else { "false" }}
                            onclick={props.on_apply.reform(move |_: MouseEvent| index)}
                        >
                            { preset.name }
                        </button>
                    }
                }) }
            </div>
            <p class="sw-preset-status" role="status">{ status }</p>
        </section>
    }
}
