use yew::prelude::*;

use crate::core::MATRIX;

pub struct PresetBarProps {
    /// The preset the weights started from.
    pub active: Option<usize>,
    /// How the weights differ from it: (criterion, preset weight, now).
    pub changes: Vec<(usize, u8, u8)>,
    pub on_apply: Callback<usize>,
    /// Puts the preset's weights back.
    pub on_reset: Callback<()>,
}

/// Use-case presets as buttons; the chosen one explains itself, and once
/// edited the bar shows what changed and offers to undo it.
pub fn preset_bar(props: &PresetBarProps) -> Html {
    let preset = props.active.and_then(|i| MATRIX.presets.get(i));
    let unchanged = preset.is_some() && props.changes.is_empty();
    let status = match preset {
        Some(preset) if unchanged => format!("{}: {}", preset.name, preset.summary),
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
                { for MATRIX.presets.iter().enumerate().map(|(index, p)| {
                    let pressed = props.active == Some(index) && unchanged;
                    html! {
                        <button
                            type="button"
                            class={classes!("sw-preset", pressed.then_some("is-active"))}
                            aria-pressed={if pressed { "true" } else { "false" }}
                            onclick={props.on_apply.reform(move |_: MouseEvent| index)}
                        >
                            { p.name }
                        </button>
                    }
                }) }
            </div>
            <p class="sw-preset-status" role="status">{ status }</p>
            if let (Some(preset), false) = (preset, props.changes.is_empty()) {
                <div class="sw-preset-diff">
                    <p>{ format!("Compared with “{}”:", preset.name) }</p>
                    <ul>
                        { for props.changes.iter().map(|&(c, was, now)| html! {
                            <li>{ format!("{}: {was} → {now}", MATRIX.criteria[c].name) }</li>
                        }) }
                    </ul>
                    <button type="button" class="sw-button" onclick={props.on_reset.reform(|_: MouseEvent| ())}>
                        { format!("Reset to “{}”", preset.name) }
                    </button>
                </div>
            }
        </section>
    }
}
