use yew::prelude::*;

use crate::core::engine::insight::Insight;
use crate::core::MATRIX;

const ROW: u32 = 22;
const LABEL_WIDTH: u32 = 92;
const CENTRE: u32 = LABEL_WIDTH + 124;
const HALF: u32 = 120;
const WIDTH: u32 = CENTRE + HALF + 4;
const TOP: u32 = 22;

/// Why: each weighted criterion's share of the difference, as a diverging
/// bar chart (right for the first option, left for the second), with the
/// same figures as a table.
pub fn contributions_chart(insight: &Insight) -> Html {
    let bars = &insight.bars;
    if bars.is_empty() {
        return html! {};
    }
    let height = TOP + ROW * bars.len() as u32 + 4;
    let (left, right) = (MATRIX.options[1].name, MATRIX.options[0].name);
    html! {
        <figure class="sw-contrib">
            <h2 id="sw-contrib-title">{ "Why: what each criterion adds" }</h2>
            <svg class="sw-contrib-svg" role="img" aria-labelledby="sw-contrib-title sw-contrib-desc"
                 viewBox={format!("0 0 {WIDTH} {height}")}>
                <desc id="sw-contrib-desc">{ format!("Weighted score difference per criterion, in points out of 100: bars to the right favour {right}, to the left {left}. The same figures are in the table below.") }</desc>
                <text class="sw-contrib-side" x={(CENTRE - 6).to_string()} y="14" text-anchor="end">{ format!("← {left}") }</text>
                <text class="sw-contrib-side" x={(CENTRE + 6).to_string()} y="14">{ format!("{right} →") }</text>
                <line class="sw-contrib-axis" x1={CENTRE.to_string()} y1="18" x2={CENTRE.to_string()} y2={height.to_string()} />
                { for bars.iter().enumerate().map(|(row, bar)| {
                    let y = TOP + ROW * row as u32;
                    let (x, width) = bar.span(CENTRE, HALF);
                    let option = if bar.tenths >= 0 { 0 } else { 1 };
                    html! {
                        <g>
                            <text class="sw-contrib-label" x="0" y={(y + 15).to_string()}>{ MATRIX.criteria[bar.criterion].short }</text>
                            <rect class="sw-contrib-bar" data-option={MATRIX.options[option].id}
                                  x={x.to_string()} y={(y + 4).to_string()} width={width.max(1).to_string()} height="14" />
                        </g>
                    }
                }) }
            </svg>
            <details class="sw-contrib-table">
                <summary>{ "Show these figures as a table" }</summary>
                <table>
                    <thead><tr><th scope="col">{ "Criterion" }</th><th scope="col">{ "Weighted difference" }</th></tr></thead>
                    <tbody>
                        { for bars.iter().map(|bar| html! {
                            <tr><th scope="row">{ bar.name }</th><td>{ &bar.label }</td></tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
