use yew::prelude::*;

use crate::core::engine::radar::{coordinate, layout, Scale, FONT_SIZE};
use crate::core::engine::state::Action;
use crate::core::page::event::Event;
use crate::core::page::view_model::RadarView;
use crate::core::MATRIX;

/// Both options over every criterion, as an SVG radar chart.
pub fn radar_chart(props: &RadarView, on: &Callback<Event>) -> Html {
    let chart = layout(&MATRIX, &props.weights, props.scale);
    let view_box = chart.view_box_text();
    let (title, explanation) = match props.scale {
        Scale::Weighted => (
            "Radar chart of weighted scores",
            "Each axis shows score × weight: the outer ring is a score of 10 on a criterion weighted 10, and a criterion weighted 0 sits at the centre.",
        ),
        Scale::Raw => (
            "Radar chart of raw scores",
            "Each axis shows the raw 1–10 score, whatever its weight: the outer ring is 10.",
        ),
    };
    let names: Vec<&str> = MATRIX.options.iter().map(|o| o.name).collect();
    let scale_button = |scale: Scale, text: &'static str| {
        let pressed = props.scale == scale;
        html! {
            <button
                type="button"
                CLASS={if pressed { "sw-toggle is-active" } else { "sw-toggle" }}
                aria-pressed={if pressed { "true" } else { "false" }}
                onclick={on.reform(move |_: MouseEvent| Event::State(Action::SetScale(scale)))}
            >{ text }</button>
        }
    };
    html! {
        <figure class="sw-radar">
            <svg role="img" aria-labelledby="sw-radar-title sw-radar-desc" viewBox={view_box} class="sw-radar-svg">
                <title id="sw-radar-title">{ format!("{title}: {}", names.join(" and ")) }</title>
                <desc id="sw-radar-desc">{ explanation }</desc>
                <g class="sw-radar-grid">
                    { for chart.rings.iter().map(|points| html! { <polygon points={points.clone()} /> }) }
                    { for chart.axes.iter().map(|(ax, ay)| html! {
                        <line x1="0" y1="0" x2={coordinate(*ax)} y2={coordinate(*ay)} />
                    }) }
                </g>
                { for chart.shapes.iter().enumerate().map(|(option, points)| html! {
                    <polygon class="radar-shape" data-option={MATRIX.options[option].id} points={points.clone()} />
                }) }
                <g class="sw-radar-labels" font-size={coordinate(FONT_SIZE)}>
                    { for chart.labels.iter().map(|label| html! {
                        <text x={coordinate(label.x)} y={coordinate(label.y)} text-anchor={label.anchor.as_svg()}>{ label.text }</text>
                    }) }
                </g>
            </svg>
            <figcaption>
                <ul class="sw-legend">
                    { for MATRIX.options.iter().map(|o| html! {
                        <li CLASS={format!("is-{}", o.id)}><span class="sw-swatch" aria-hidden="true"></span>{ o.name }</li>
                    }) }
                </ul>
                <p class="sw-radar-note">{ explanation }</p>
                <div class="sw-toggles" role="group" aria-label="Chart scale">
                    { scale_button(Scale::Weighted, "Weighted") }
                    { scale_button(Scale::Raw, "Raw scores") }
                </div>
            </figcaption>
        </figure>
    }
}
