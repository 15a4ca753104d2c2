use yew::prelude::*;

use crate::core::engine::insight::Bar;
use crate::core::page::contributions_view::{AXIS_X, LEFT_X, RIGHT_X};
use crate::core::page::view_model::ContributionsView;

/// Why: each weighted criterion's share of the difference, as a diverging
/// bar chart, with the same figures as a table.
pub fn contributions_chart(chart: &ContributionsView, figures: &[Bar]) -> Html {
    html! {
        <figure class="sw-contrib">
            <h2 id="sw-contrib-title">{ "Why: what each criterion adds" }</h2>
            <svg class="sw-contrib-svg" role="img" aria-labelledby="sw-contrib-title sw-contrib-desc"
                 viewBox={chart.view_box.clone()}>
                <desc id="sw-contrib-desc">{ &chart.description }</desc>
                <text class="sw-contrib-side" x={LEFT_X} y="14" text-anchor="end">{ &chart.left }</text>
                <text class="sw-contrib-side" x={RIGHT_X} y="14">{ &chart.right }</text>
                <line class="sw-contrib-axis" x1={AXIS_X} y1="18" x2={AXIS_X} y2={chart.axis_end.to_string()} />
                { for chart.bars.iter().map(|bar| html! {
                    <g>
                        <text class="sw-contrib-label" x="0" y={bar.label_y.to_string()}>{ bar.label }</text>
                        <rect class="sw-contrib-bar" data-option={bar.option}
                              x={bar.x.to_string()} y={bar.y.to_string()} width={bar.width.to_string()} height="14" />
                    </g>
                }) }
            </svg>
            <details class="sw-contrib-table">
                <summary>{ "Show these figures as a table" }</summary>
                <table>
                    <thead><tr><th scope="col">{ "Criterion" }</th><th scope="col">{ "Weighted difference" }</th></tr></thead>
                    <tbody>
                        { for figures.iter().map(|bar| html! {
                            <tr><th scope="row">{ bar.name }</th><td>{ &bar.label }</td></tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
