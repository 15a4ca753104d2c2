//! "Why: what each criterion adds" as the page draws it: a diverging bar
//! chart (right for the first option, left for the second) laid out as SVG
//! attribute text, and the same figures as table rows.

use crate::core::engine::insight::Insight;
use crate::core::engine::matrix::Matrix;

const ROW: u32 = 22;
const LABEL_WIDTH: u32 = 92;
const CENTRE: u32 = LABEL_WIDTH + 124;
const HALF: u32 = 120;
const WIDTH: u32 = CENTRE + HALF + 4;
const TOP: u32 = 22;

#[derive(Debug, Clone, PartialEq)]
pub struct ContributionsView {
    pub view_box: String,
    /// The chart's description, naming which side is which.
    pub description: String,
    /// The side labels, e.g. "← Python" at `left_x` and "Node.js →" at `right_x`.
    pub left: String,
    pub left_x: String,
    pub right: String,
    pub right_x: String,
    /// The zero line: its `x` and where it ends (`y2`).
    pub axis_x: String,
    pub axis_end: String,
    pub bars: Vec<BarView>,
    /// (criterion, weighted difference in words): the table's rows.
    pub rows: Vec<(&'static str, String)>,
}

/// One criterion's bar and its label, as SVG attribute text.
#[derive(Debug, Clone, PartialEq)]
pub struct BarView {
    pub label: &'static str,
    pub label_y: String,
    /// The option it favours (`data-option`, which the stylesheet colours).
    pub option: &'static str,
    pub x: String,
    pub y: String,
    pub width: String,
}

/// The chart of what each weighted criterion adds; `None` with no weight set.
pub fn contributions_view(matrix: &Matrix, insight: &Insight) -> Option<ContributionsView> {
    if insight.bars.is_empty() {
        return None;
    }
    let height = TOP + ROW * insight.bars.len() as u32 + 4;
    let (left, right) = (matrix.options[1].name, matrix.options[0].name);
    let bars = (insight.bars.iter().enumerate())
        .map(|(row, bar)| {
            let y = TOP + ROW * row as u32;
            let (x, width) = bar.span(CENTRE, HALF);
            BarView {
                label: matrix.criteria[bar.criterion].short,
                label_y: (y + 15).to_string(),
                option: matrix.options[usize::from(bar.tenths < 0)].id,
                x: x.to_string(),
                y: (y + 4).to_string(),
                width: width.max(1).to_string(),
            }
        })
        .collect();
    Some(ContributionsView {
        view_box: format!("0 0 {WIDTH} {height}"),
        description: format!("Weighted score difference per criterion, in points out of 100: bars to the right favour {right}, to the left {left}. The same figures are in the table below."),
        left: format!("← {left}"),
        left_x: (CENTRE - 6).to_string(),
        right: format!("{right} →"),
        right_x: (CENTRE + 6).to_string(),
        axis_x: CENTRE.to_string(),
        axis_end: height.to_string(),
        bars,
        rows: (insight.bars.iter())
            .map(|bar| (bar.name, bar.label.clone()))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::insight::insight;
    use crate::core::engine::score::evaluate;
    use crate::core::MATRIX;

    fn chart(weights: &[u8]) -> Option<ContributionsView> {
        let found = insight(&MATRIX, weights, &evaluate(&MATRIX, weights));
        contributions_view(&MATRIX, &found)
    }

    #[test]
    fn each_weighted_criterion_has_a_bar_towards_the_option_it_favours() {
        let weights = MATRIX.default_weights();
        let found = insight(&MATRIX, &weights, &evaluate(&MATRIX, &weights));
        let view = contributions_view(&MATRIX, &found).expect("a chart");
        assert_eq!(view.bars.len(), found.bars.len());
        for (bar, drawn) in found.bars.iter().zip(&view.bars) {
            let (x, width) = bar.span(CENTRE, HALF);
            let option = if bar.tenths >= 0 { "node" } else { "python" };
            assert_eq!((drawn.option, &drawn.x), (option, &x.to_string()));
            assert_eq!(drawn.width, width.max(1).to_string());
        }
        assert_eq!(
            view.rows[0],
            (found.bars[0].name, found.bars[0].label.clone())
        );
        assert_eq!(
            (view.left.as_str(), view.right.as_str()),
            ("← Python", "Node.js →")
        );
        assert!(view.description.contains("to the right favour Node.js"));
    }

    #[test]
    fn the_chart_grows_a_row_a_bar_and_is_absent_without_weights() {
        let mut weights = vec![0; MATRIX.criteria.len()];
        assert_eq!(chart(&weights), None);
        weights[0] = 5;
        weights[1] = 5;
        let view = chart(&weights).expect("a chart");
        let height = TOP + ROW * view.bars.len() as u32 + 4;
        assert_eq!(view.view_box, format!("0 0 {WIDTH} {height}"));
        assert_eq!(view.axis_end, height.to_string());
    }
}
