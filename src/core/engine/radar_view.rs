//! The radar chart as the page draws it and a download carries it: the
//! engine's layout written out as the text of SVG attributes, with the
//! chart's words and the scale buttons.

use super::matrix::Matrix;
use super::radar::{coordinate, layout, Scale, FONT_SIZE_TEXT};

/// An exported image is twice the chart's view box, for sharp pixels.
const EXPORT_SCALE: f64 = 2.0;

#[derive(Debug, Clone, PartialEq)]
pub struct RadarView {
    /// The SVG `viewBox`.
    pub view_box: String,
    /// The chart's accessible name, e.g. "Radar chart of weighted scores: Node.js and Python".
    pub title: String,
    /// What an axis means on this scale (the SVG's description, and the caption).
    pub explanation: &'static str,
    pub font_size: &'static str,
    /// The grid's rings, as `points`.
    pub rings: Vec<String>,
    /// Where each axis line ends (`x2`, `y2`); all start at the centre.
    pub axes: Vec<(String, String)>,
    /// One shape per option.
    pub shapes: Vec<RadarShape>,
    pub labels: Vec<AxisLabel>,
    /// (option id, option name), one legend entry per option.
    pub legend: Vec<(&'static str, &'static str)>,
    pub scales: [ScaleButton; 2],
    /// An exported chart's size in pixels: (width, height).
    pub export_size: (u32, u32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct RadarShape {
    /// The option's id (`data-option`, which the stylesheet colours).
    pub option: &'static str,
    pub points: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AxisLabel {
    pub x: String,
    pub y: String,
    /// `text-anchor`: start, middle or end.
    pub anchor: &'static str,
    pub text: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaleButton {
    pub scale: Scale,
    pub label: &'static str,
    pub pressed: bool,
}

/// The chart of `weights` on `scale`, ready to draw.
pub fn radar_view(matrix: &Matrix, weights: &[u8], scale: Scale) -> RadarView {
    let chart = layout(matrix, weights, scale);
    let (_, _, width, height) = chart.view_box;
    let names: Vec<&str> = matrix.options.iter().map(|o| o.name).collect();
    let (title, explanation) = words(scale);
    RadarView {
        view_box: chart.view_box_text(),
        title: format!("{title}: {}", names.join(" and ")),
        explanation,
        font_size: FONT_SIZE_TEXT,
        rings: chart.rings,
        axes: (chart.axes.iter())
            .map(|&(x, y)| (coordinate(x), coordinate(y)))
            .collect(),
        shapes: (chart.shapes.into_iter().zip(matrix.options))
            .map(|(points, option)| RadarShape {
                option: option.id,
                points,
            })
            .collect(),
        labels: (chart.labels.iter())
            .map(|label| AxisLabel {
                x: coordinate(label.x),
                y: coordinate(label.y),
                anchor: label.anchor.as_svg(),
                text: label.text,
            })
            .collect(),
        legend: matrix.options.iter().map(|o| (o.id, o.name)).collect(),
        scales: [(Scale::Weighted, "Weighted"), (Scale::Raw, "Raw scores")].map(
            |(button, label)| ScaleButton {
                scale: button,
                label,
                pressed: button == scale,
            },
        ),
        export_size: (
            (width * EXPORT_SCALE) as u32,
            (height * EXPORT_SCALE) as u32,
        ),
    }
}

/// The chart's title and what its axes mean, on each scale.
fn words(scale: Scale) -> (&'static str, &'static str) {
    match scale {
        Scale::Weighted => (
            "Radar chart of weighted scores",
            "Each axis shows score × weight: the outer ring is a score of 10 on a criterion weighted 10, and a criterion weighted 0 sits at the centre.",
        ),
        Scale::Raw => (
            "Radar chart of raw scores",
            "Each axis shows the raw 1–10 score, whatever its weight: the outer ring is 10.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::MATRIX;

    #[test]
    fn the_view_carries_the_layout_as_svg_text() {
        let weights = MATRIX.default_weights();
        let view = radar_view(&MATRIX, &weights, Scale::Weighted);
        let chart = layout(&MATRIX, &weights, Scale::Weighted);
        assert_eq!(view.view_box, chart.view_box_text());
        assert_eq!(view.rings, chart.rings);
        assert_eq!(view.axes.len(), MATRIX.criteria.len());
        assert_eq!(view.axes[0], (coordinate(0.0), coordinate(chart.axes[0].1)));
        let ids: Vec<&str> = view.shapes.iter().map(|s| s.option).collect();
        assert_eq!(ids, ["node", "python"]);
        assert_eq!(view.shapes[1].points, chart.shapes[1]);
        assert_eq!(view.labels[0].text, MATRIX.criteria[0].short);
        assert_eq!(view.labels[0].anchor, "middle");
        assert_eq!(
            view.title,
            "Radar chart of weighted scores: Node.js and Python"
        );
    }

    #[test]
    fn the_pressed_scale_button_is_the_charts_scale() {
        let raw = radar_view(&MATRIX, &MATRIX.default_weights(), Scale::Raw);
        let pressed: Vec<&str> = (raw.scales.iter().filter(|b| b.pressed))
            .map(|b| b.label)
            .collect();
        assert_eq!(pressed, ["Raw scores"]);
        assert!(raw.title.starts_with("Radar chart of raw scores"));
        assert!(raw.explanation.contains("whatever its weight"));
    }

    #[test]
    fn an_export_is_twice_the_view_box() {
        let view = radar_view(&MATRIX, &[], Scale::Weighted);
        let (_, _, width, height) = layout(&MATRIX, &[], Scale::Weighted).view_box;
        assert_eq!(
            view.export_size,
            ((width * 2.0) as u32, (height * 2.0) as u32)
        );
        assert!(view.export_size.0 > 300, "{:?}", view.export_size);
    }
}
