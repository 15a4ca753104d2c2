use yew::prelude::*;

use super::send;

use crate::core::engine::radar_view::{RadarView, ScaleButton};
use crate::core::engine::state::Action;
use crate::core::page::event::Event;

/// Both options over every criterion, as an SVG radar chart.
pub fn radar_chart(chart: &RadarView, on: &Callback<Event>) -> Html {
    html! {
        <figure class="sw-radar">
            <svg role="img" aria-labelledby="sw-radar-title sw-radar-desc" viewBox={chart.view_box.clone()} class="sw-radar-svg">
                <title id="sw-radar-title">{ &chart.title }</title>
                <desc id="sw-radar-desc">{ chart.explanation }</desc>
                <g class="sw-radar-grid">
                    { for chart.rings.iter().map(|points| html! { <polygon points={points.clone()} /> }) }
                    { for chart.axes.iter().map(|(x, y)| html! {
                        <line x1="0" y1="0" x2={x.clone()} y2={y.clone()} />
                    }) }
                </g>
                { for chart.shapes.iter().map(|shape| html! {
                    <polygon class="radar-shape" data-option={shape.option} points={shape.points.clone()} />
                }) }
                <g class="sw-radar-labels" font-size={chart.font_size}>
                    { for chart.labels.iter().map(|label| html! {
                        <text x={label.x.clone()} y={label.y.clone()} text-anchor={label.anchor}>{ label.text }</text>
                    }) }
                </g>
            </svg>
            <figcaption>
                <ul class="sw-legend">
                    { for chart.legend.iter().map(|&(option, name)| html! {
                        <li data-option={option}><span class="sw-swatch" aria-hidden="true"></span>{ name }</li>
                    }) }
                </ul>
                <p class="sw-radar-note">{ chart.explanation }</p>
                <div class="sw-toggles" role="group" aria-label="Chart scale">
                    { for chart.scales.iter().map(|button| scale_button(button, on)) }
                </div>
            </figcaption>
        </figure>
    }
}

fn scale_button(button: &ScaleButton, on: &Callback<Event>) -> Html {
    let scale = button.scale;
    html! {
        <button
            type="button"
            class="sw-toggle"
            aria-pressed={if button.pressed { "true" } else { "false" }}
            onclick={send(on, Event::State(Action::SetScale(scale)))}
        >{ button.label }</button>
    }
}
