use super::*;
use crate::core::engine::fixture::TEST_MATRIX;
use crate::core::MATRIX;

/// The widget's narrowest content box: a 320 px screen less padding.
const NARROWEST_CHART_PX: f64 = 296.0;
/// Smallest label size we accept on that screen, in CSS pixels.
const MIN_READABLE_PX: f64 = 9.5;

fn assert_readable(chart: &Radar) {
    let (vx, vy, vw, vh) = chart.view_box;
    for (i, a) in chart.labels.iter().enumerate() {
        let (l, t, r, b) = a.bounds();
        assert!(
            l >= vx && t >= vy && r <= vx + vw && b <= vy + vh,
            "label {:?} is clipped",
            a.text
        );
        // Labels stay outside the outer ring.
        let nearest_x = 0f64.clamp(l, r);
        let nearest_y = 0f64.clamp(t, b);
        assert!(
            nearest_x.hypot(nearest_y) > RADIUS,
            "label {:?} covers the chart",
            a.text
        );
        for other in &chart.labels[i + 1..] {
            assert!(
                !overlaps(a, other),
                "labels {:?} and {:?} overlap",
                a.text,
                other.text
            );
        }
    }
}

#[test]
fn real_matrix_labels_never_overlap_clip_or_shrink_below_readable() {
    let chart = layout(&MATRIX, &MATRIX.default_weights(), Scale::Weighted);
    assert_eq!(chart.labels.len(), MATRIX.criteria.len());
    assert_readable(&chart);
    let rendered = FONT_SIZE * NARROWEST_CHART_PX / chart.view_box.2;
    assert!(
        rendered >= MIN_READABLE_PX,
        "labels render at {rendered:.1}px at 320px wide"
    );
}

#[test]
fn worst_case_labels_stay_apart_for_any_axis_count() {
    let longest: &'static str = "Maintain.ab";
    for n in 3..=24 {
        let names = vec![longest; n];
        let values = vec![vec![1.0; n]; 2];
        assert_readable(&build(&names, &values));
    }
}

#[test]
fn weighted_scale_puts_unweighted_criteria_at_the_centre() {
    let f = fractions(&TEST_MATRIX, &[10, 0, 5], Scale::Weighted);
    assert_eq!(f[0], vec![0.9, 0.0, 0.35]);
    assert_eq!(f[1], vec![0.5, 0.0, 0.35]);
    let raw = fractions(&TEST_MATRIX, &[10, 0, 5], Scale::Raw);
    assert_eq!(raw[1], vec![0.5, 0.8, 0.7]);
}

#[test]
fn shapes_change_with_weights_and_stay_on_the_chart() {
    let a = layout(&TEST_MATRIX, &[5, 5, 5], Scale::Weighted);
    let b = layout(&TEST_MATRIX, &[6, 5, 5], Scale::Weighted);
    assert_ne!(a.shapes, b.shapes);
    assert_eq!(a.labels, b.labels);
    let odd = build(&["a", "b", "c"], &[vec![f64::NAN, 7.0, -1.0]]);
    assert_eq!(odd.shapes[0], "0.0,0.0 74.5,43.0 0.0,0.0");
}

#[test]
fn series_sine_and_cosine_match_the_standard_library() {
    for step in 0..=720 {
        let angle = f64::from(step) * std::f64::consts::TAU / 360.0 - std::f64::consts::TAU;
        let (sin, cos) = sin_cos(angle);
        assert!((sin - angle.sin()).abs() < 1e-9, "sin {angle}");
        assert!((cos - angle.cos()).abs() < 1e-9, "cos {angle}");
    }
}

#[test]
fn coordinates_have_one_decimal() {
    assert_eq!(coordinate(12.345), "12.3");
    assert_eq!(coordinate(-0.04), "0.0");
    assert_eq!(coordinate(-7.96), "-8.0");
    assert_eq!(coordinate(FONT_SIZE), FONT_SIZE_TEXT);
}
