//! "Why: what each criterion adds" as the page draws it: a diverging bar
//! chart (right for the first option, left for the second), laid out.

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
    /// The side labels, e.g. "← Python" and "Node.js →", either side of the zero line.
    pub left: String,
    pub right: String,
    /// Where the zero line ends (`y2`).
    pub axis_end: u32,
    pub bars: Vec<BarView>,
}

/// Where the side labels and the zero line are (`x`), as attribute text.
pub const LEFT_X: &str = "210";
pub const RIGHT_X: &str = "222";
pub const AXIS_X: &str = "216";

/// One criterion's bar and its label, in view-box units.
#[derive(Debug, Clone, PartialEq)]
pub struct BarView {
    pub label: &'static str,
    pub label_y: u32,
    /// The option it favours (`data-option`, which the stylesheet colours).
    pub option: &'static str,
    pub x: u32,
    pub y: u32,
    pub width: u32,
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
                label_y: y + 15,
                option: matrix.options[usize::from(bar.tenths < 0)].id,
                x,
                y: y + 4,
                width: width.max(1),
            }
        })
        .collect();
    Some(ContributionsView {
        view_box: format!("0 0 {WIDTH} {height}"),
        description: format!("Weighted score difference per criterion, in points out of 100: bars to the right favour {right}, to the left {left}. The same figures are in the table below."),
        left: format!("← {left}"),
        right: format!("{right} →"),
        axis_end: height,
        bars,
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
            assert_eq!((drawn.option, drawn.x), (option, x));
            assert_eq!(drawn.width, width.max(1));
        }
        assert_eq!(
            (view.left.as_str(), view.right.as_str()),
            ("← Python", "Node.js →")
        );
        assert!(view.description.contains("to the right favour Node.js"));
    }

    #[test]
    fn the_side_labels_stand_either_side_of_the_zero_line() {
        assert_eq!(AXIS_X, CENTRE.to_string());
        assert_eq!(LEFT_X, (CENTRE - 6).to_string());
        assert_eq!(RIGHT_X, (CENTRE + 6).to_string());
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
        assert_eq!(view.axis_end, height);
    }
}
