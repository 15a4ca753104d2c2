//! Radar chart geometry as plain numbers: axes, rings, one polygon per
//! option and label positions that never overlap and never leave the
//! view box. `radar_view` writes it out as SVG attribute text.

use super::matrix::{Matrix, MAX_SCORE, MAX_WEIGHT};

/// Label font size in view-box units.
pub const FONT_SIZE: f64 = 12.0;
/// [`FONT_SIZE`] as the chart's `font-size` attribute.
pub const FONT_SIZE_TEXT: &str = "12.0";
/// Radius of the outer ring in view-box units.
pub const RADIUS: f64 = 86.0;
/// Gap between the outer ring and the nearest edge of a label.
const LABEL_GAP: f64 = 7.0;
/// A generous estimate of a glyph's advance in a sans-serif face, in em:
/// over-estimating keeps labels apart in every font the page may fall back to.
const CHAR_WIDTH_EM: f64 = 0.62;
const PADDING: f64 = 4.0;
/// Rings drawn at these fractions of the radius.
pub const RINGS: [f64; 4] = [0.25, 0.5, 0.75, 1.0];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Radius = score × weight: what the recommendation actually adds up.
    Weighted,
    /// Radius = score alone: the matrix as it is, whatever the weights.
    Raw,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub fn as_svg(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: &'static str,
    /// Text anchor point (baseline is `y`).
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
}

impl Label {
    /// Estimated bounding box: (left, top, right, bottom).
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        let width = text_width(self.text);
        let left = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - width / 2.0,
            Anchor::End => self.x - width,
        };
        // Baseline sits at y. The box is the font's whole line cell, not
        // just the ink: common UI fonts (DejaVu Sans, Segoe UI, Roboto) have
        // an ascent near 0.93 em and a descent near 0.24 em, and a browser
        // measures and separates text by that cell.
        (
            left,
            self.y - FONT_SIZE * 0.93,
            left + width,
            self.y + FONT_SIZE * 0.24,
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Radar {
    /// `min-x min-y width height` of the SVG view box.
    pub view_box: (f64, f64, f64, f64),
    /// Outer end of each axis line (they start at the origin).
    pub axes: Vec<(f64, f64)>,
    pub labels: Vec<Label>,
    /// The grid: one polygon per entry of [`RINGS`], as SVG `points` text.
    pub rings: Vec<String>,
    /// One closed polygon per option, as SVG `points` text.
    pub shapes: Vec<String>,
}

pub fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * FONT_SIZE * CHAR_WIDTH_EM
}

/// Unit direction of axis `i` of `n`, clockwise from 12 o'clock.
fn direction(i: usize, n: usize) -> (f64, f64) {
    let (sin, cos) = sin_cos(std::f64::consts::TAU * i as f64 / n as f64);
    (sin, -cos)
}

/// Sine and cosine by their Taylor series, after reducing the angle to
/// [-π, π]: exact to about 1e-12 there, which is far below a pixel, and a
/// few hundred bytes of wasm instead of libm's several kilobytes.
fn sin_cos(angle: f64) -> (f64, f64) {
    use std::f64::consts::{PI, TAU};
    // Whole turns off by `floor` (one wasm instruction): `%` on f64 would
    // pull in libm's fmod and 128-bit division, about 2 kB of wasm.
    let mut x = angle - TAU * (angle / TAU).floor();
    if x > PI {
        x -= TAU;
    }
    let (mut sin, mut cos) = (0.0, 0.0);
    let mut term = 1.0; // x^k / k!
    for k in 0..32u32 {
        match k % 4 {
            0 => cos += term,
            1 => sin += term,
            2 => cos -= term,
            _ => sin -= term,
        }
        term *= x / f64::from(k + 1);
    }
    (sin, cos)
}

/// Each option's value on each axis, as a fraction of the outer ring.
pub fn fractions(matrix: &Matrix, weights: &[u8], scale: Scale) -> Vec<Vec<f64>> {
    (0..matrix.options.len())
        .map(|option| {
            matrix
                .criteria
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let score = f64::from(c.scores[option]) / f64::from(MAX_SCORE);
                    match scale {
                        Scale::Raw => score,
                        Scale::Weighted => {
                            let weight = weights.get(i).copied().unwrap_or(0);
                            score * f64::from(weight) / f64::from(MAX_WEIGHT)
                        }
                    }
                })
                .collect()
        })
        .collect()
}

pub fn layout(matrix: &Matrix, weights: &[u8], scale: Scale) -> Radar {
    let names: Vec<&'static str> = matrix.criteria.iter().map(|c| c.short).collect();
    let values = fractions(matrix, weights, scale);
    build(&names, &values)
}

/// Lays out a chart for the given axis labels and per-option fractions.
pub fn build(names: &[&'static str], values: &[Vec<f64>]) -> Radar {
    let n = names.len().max(1);
    let axes: Vec<(f64, f64)> = (0..names.len())
        .map(|i| {
            let (dx, dy) = direction(i, n);
            (dx * RADIUS, dy * RADIUS)
        })
        .collect();
    let labels = place_labels(names);
    let shapes = values
        .iter()
        .map(|fractions| polygon(fractions, n))
        .collect();
    let rings = RINGS
        .iter()
        .map(|&ring| polygon(&vec![ring; names.len()], n))
        .collect();

    let mut left = -RADIUS;
    let mut top = -RADIUS;
    let mut right = RADIUS;
    let mut bottom = RADIUS;
    for label in &labels {
        let (l, t, r, b) = label.bounds();
        left = left.min(l);
        top = top.min(t);
        right = right.max(r);
        bottom = bottom.max(b);
    }
    // Symmetric about the centre so the chart sits in the middle.
    let half_width = left.abs().max(right) + PADDING;
    let half_height = top.abs().max(bottom) + PADDING;
    Radar {
        view_box: (
            -half_width,
            -half_height,
            2.0 * half_width,
            2.0 * half_height,
        ),
        axes,
        labels,
        rings,
        shapes,
    }
}

/// SVG `points` for one value per axis (fractions of the radius; anything
/// outside 0..=1, or not a number, is clamped so the shape stays on the chart).
fn polygon(fractions: &[f64], n: usize) -> String {
    let mut points = String::with_capacity(fractions.len() * 12);
    for (i, fraction) in fractions.iter().enumerate() {
        let f = if fraction.is_finite() {
            fraction.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let (dx, dy) = direction(i, n);
        if i > 0 {
            points.push(' ');
        }
        push_coordinate(&mut points, dx * RADIUS * f);
        points.push(',');
        push_coordinate(&mut points, dy * RADIUS * f);
    }
    points
}

/// A coordinate as SVG text with one decimal, e.g. `-12.3`.
pub fn coordinate(value: f64) -> String {
    let mut out = String::with_capacity(8);
    push_coordinate(&mut out, value);
    out
}

impl Radar {
    /// The SVG `viewBox` attribute.
    pub fn view_box_text(&self) -> String {
        let (x, y, w, h) = self.view_box;
        [x, y, w, h].map(coordinate).join(" ")
    }
}

/// Writes a coordinate with one decimal, without float formatting
/// machinery (keeps the wasm small and the hot path cheap).
fn push_coordinate(out: &mut String, value: f64) {
    let tenths = (value * 10.0).round() as i64;
    if tenths < 0 {
        out.push('-');
    }
    let magnitude = tenths.unsigned_abs();
    out.push_str(&(magnitude / 10).to_string());
    out.push('.');
    out.push(char::from(b'0' + (magnitude % 10) as u8));
}

/// Puts each label just outside its axis, anchored away from the centre,
/// then pushes labels on the same side apart vertically until none overlap.
fn place_labels(names: &[&'static str]) -> Vec<Label> {
    let n = names.len().max(1);
    let mut labels: Vec<Label> = names
        .iter()
        .enumerate()
        .map(|(i, &text)| {
            let (dx, dy) = direction(i, n);
            let anchor = if dx > 0.2 {
                Anchor::Start
            } else if dx < -0.2 {
                Anchor::End
            } else {
                Anchor::Middle
            };
            let x = dx * (RADIUS + LABEL_GAP);
            // Put the label's box, not its baseline, beyond the ring.
            let y = if dy < -0.2 {
                dy * (RADIUS + LABEL_GAP)
            } else if dy > 0.2 {
                dy * (RADIUS + LABEL_GAP) + FONT_SIZE * 0.8
            } else {
                dy * (RADIUS + LABEL_GAP) + FONT_SIZE * 0.3
            };
            Label { text, x, y, anchor }
        })
        .collect();
    separate(&mut labels);
    labels
}

/// Clearance kept between label boxes: at small sizes browsers round a
/// line's ascent and descent up to whole pixels, so boxes that merely touch
/// in this model overlap on screen.
const LABEL_CLEARANCE: f64 = 2.5;

fn overlaps(a: &Label, b: &Label) -> bool {
    let (al, at, ar, ab) = a.bounds();
    let (bl, bt, br, bb) = b.bounds();
    let c = LABEL_CLEARANCE;
    al < br + c && bl < ar + c && at < bb + c && bt < ab + c
}

/// Moves overlapping labels apart vertically, away from the chart's
/// horizontal midline, a few pixels at a time. Terminates: every step moves
/// a label outward, and the loop is bounded.
fn separate(labels: &mut [Label]) {
    for _ in 0..200 {
        let mut moved = false;
        for i in 0..labels.len() {
            for j in (i + 1)..labels.len() {
                if overlaps(&labels[i], &labels[j]) {
                    // Move the label farther from the midline outward.
                    let outer = if labels[i].y.abs() >= labels[j].y.abs() {
                        i
                    } else {
                        j
                    };
                    let direction = if labels[outer].y < 0.0 { -1.0 } else { 1.0 };
                    labels[outer].y += direction * 2.0;
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
}

#[cfg(test)]
#[path = "radar_tests.rs"]
mod tests;
