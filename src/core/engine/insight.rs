//! The insight in words: the contributions chart, what would change the
//! answer, how robust it is, and hybrid advice (the numbers come from
//! `sensitivity`).

use super::matrix::Matrix;
use super::score::{format_tenths, Evaluation, Outcome};
use super::sensitivity::{
    deciders, hybrid, nearest, robustness, tipping_points, too_close, TippingPoint,
    CLOSE_MARGIN_TENTHS, CLOSE_ROBUSTNESS_PERCENT, SEED,
};

/// The label of an answer too close to call, wherever it is shown or said.
pub const TOO_CLOSE: &str = "Too close to call";

/// One bar of the contributions chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub criterion: usize,
    pub name: &'static str,
    /// Weighted score difference, in tenths of a point on 0–100: positive
    /// favours option 0 (bars point right), negative option 1 (left).
    pub tenths: i32,
    /// Bar length as a share of the longest bar, in thousandths.
    pub permille: u32,
    /// e.g. `"+2.6 for Node.js"`.
    pub label: String,
}

impl Bar {
    /// Where the bar sits on a chart whose zero line is at `centre` and
    /// whose longest bar is `half` long: (left x, width), in whole units.
    pub fn span(&self, centre: u32, half: u32) -> (u32, u32) {
        let length = self.permille * half / 1000;
        if self.tenths >= 0 {
            (centre, length)
        } else {
            (centre - length, length)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Insight {
    /// Weighted criteria, largest contribution first.
    pub bars: Vec<Bar>,
    /// e.g. `"Holds in 87% of nearby weightings (each weight moved by up to ±30%)."`
    pub robustness: Option<String>,
    pub too_close: bool,
    /// What decides a close call, in words.
    pub deciders: Option<String>,
    /// The nearest changes that would flip the answer, in words.
    pub what_would_change: Vec<String>,
    /// Per criterion: the tipping point in words and as a slider value.
    pub tipping: Vec<Option<(u8, String)>>,
    pub hybrid: Option<String>,
}

/// How many "what would change it" sentences the panel shows.
pub const CHANGE_SENTENCES: usize = 3;

pub fn insight(matrix: &Matrix, weights: &[u8], evaluation: &Evaluation) -> Insight {
    let tips = tipping_points(matrix, weights, evaluation);
    let robust = robustness(matrix, weights, evaluation, SEED);
    let close = too_close(evaluation, robust);
    let tipping_words = |t: &TippingPoint| {
        let c = &matrix.criteria[t.criterion];
        let current = weights.get(t.criterion).copied().unwrap_or(0);
        let verb = if t.weight > current {
            "reaches"
        } else {
            "drops to"
        };
        format!(
            "{} wins if {} weight {verb} {}",
            matrix.options[t.new_winner].name, c.name, t.weight
        )
    };

    let deciding = deciders(weights, &tips);
    let deciders_text = (close && !deciding.is_empty()).then(|| {
        let parts: Vec<String> = deciding.iter().map(tipping_words).collect();
        format!("{TOO_CLOSE}. What decides it: {}.", parts.join("; or "))
    });
    let what_would_change = if evaluation.outcome == Outcome::NoWeights {
        Vec::new()
    } else {
        let nearest = nearest(weights, &tips, CHANGE_SENTENCES);
        let mut sentences: Vec<String> = nearest
            .iter()
            .map(|t| format!("{}.", tipping_words(t)))
            .collect();
        if sentences.is_empty() {
            sentences.push("No single weight, moved alone, changes the answer.".to_string());
        }
        sentences
    };

    let robustness_text = robust.map(|r| {
        format!("Holds in {r}% of nearby weightings (each weight moved independently by up to ±30%, 2,000 samples).")
    });

    let tipping = tips
        .iter()
        .map(|tip| tip.map(|t| (t.weight, format!("{}.", tipping_words(&t)))))
        .collect();

    Insight {
        bars: bars(matrix, weights, evaluation),
        robustness: robustness_text,
        too_close: close,
        deciders: deciders_text,
        what_would_change,
        tipping,
        hybrid: hybrid_text(matrix, weights),
    }
}

/// The contributions (`Evaluation::contributions`) as bars that point to the
/// option they favour: positive toward the first option.
fn bars(matrix: &Matrix, weights: &[u8], evaluation: &Evaluation) -> Vec<Bar> {
    if matrix.options.len() < 2 {
        return Vec::new();
    }
    let toward_first = if evaluation.pair().0 == 0 { 1 } else { -1 };
    let mut raw: Vec<(usize, i32)> = (evaluation.contributions(matrix, weights).into_iter())
        .map(|c| (c.criterion, c.tenths * toward_first))
        .collect();
    // Largest first, ties in criterion order.
    crate::core::engine::sort_by_rank(&mut raw, |&(c, _)| c as i64);
    crate::core::engine::sort_by_rank(&mut raw, |&(_, t)| -i64::from(t.abs()));
    let longest = raw
        .iter()
        .map(|&(_, t)| t.unsigned_abs())
        .max()
        .unwrap_or(0)
        .max(1);
    raw.into_iter()
        .map(|(c, tenths)| {
            let label = match tenths.signum() {
                0 => "even".to_string(),
                1 => format!("+{} for {}", format_tenths(tenths), matrix.options[0].name),
                _ => format!("+{} for {}", format_tenths(-tenths), matrix.options[1].name),
            };
            Bar {
                criterion: c,
                name: matrix.criteria[c].name,
                tenths,
                permille: tenths.unsigned_abs() * 1000 / longest,
                label,
            }
        })
        .collect()
}

fn hybrid_text(matrix: &Matrix, weights: &[u8]) -> Option<String> {
    let advice = hybrid(matrix, weights)?;
    let parts: Vec<String> = advice
        .strengths
        .iter()
        .enumerate()
        .map(|(option, criteria)| {
            let names: Vec<&str> = criteria.iter().map(|&c| matrix.criteria[c].name).collect();
            format!(
                "{} for {}",
                matrix.options[option].name,
                names.join(" and ")
            )
        })
        .collect();
    Some(format!(
        "Consider both. Your weights lean heavily on work each option is clearly best at: {}. A common architecture splits it that way: separate services (for example {} handling real-time connections and the API edge, {} running the model or data services) talking over HTTP or a message queue. The totals above still show which would win as a single choice.",
        parts.join("; "),
        matrix.options[0].name,
        matrix.options[1].name,
    ))
}

/// The thresholds in words, for the methodology note and the tests.
pub fn close_call_rule() -> String {
    format!(
        "An answer is too close to call when the margin is under {} points or the winner holds in under {CLOSE_ROBUSTNESS_PERCENT}% of nearby weightings.",
        format_tenths(CLOSE_MARGIN_TENTHS)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::fixture::TEST_MATRIX as M;
    use crate::core::engine::score::evaluate;
    use crate::core::MATRIX;

    #[test]
    fn bars_point_to_the_favoured_option_largest_first() {
        let weights = [10, 2, 5];
        let view = insight(&M, &weights, &evaluate(&M, &weights));
        let names: Vec<_> = view.bars.iter().map(|b| b.name).collect();
        assert_eq!(names, vec!["Speed", "Ease", "Libraries"]);
        assert_eq!(view.bars[0].tenths, 235);
        assert_eq!(view.bars[0].permille, 1000);
        assert_eq!(view.bars[0].label, "+23.5 for Alpha");
        assert_eq!(view.bars[1].tenths, -47);
        assert_eq!(view.bars[1].label, "+4.7 for Beta");
        assert_eq!(view.bars[2].label, "even");
    }

    #[test]
    fn bars_grow_from_the_centre_toward_their_side() {
        let weights = [10, 2, 5];
        let view = insight(&M, &weights, &evaluate(&M, &weights));
        assert_eq!(view.bars[0].span(200, 100), (200, 100));
        assert_eq!(view.bars[1].span(200, 100), (180, 20));
        assert_eq!(view.bars[2].span(200, 100), (200, 0));
    }

    #[test]
    fn a_clear_answer_says_how_robust_and_what_would_change_it() {
        let weights = [10, 2, 5];
        let view = insight(&M, &weights, &evaluate(&M, &weights));
        assert!(!view.too_close);
        assert_eq!(view.deciders, None);
        assert!(view
            .robustness
            .as_deref()
            .is_some_and(|r| r.starts_with("Holds in 100% ")));
        assert_eq!(
            view.what_would_change,
            vec!["Beta wins if Speed weight drops to 1."]
        );
        assert_eq!(
            view.tipping[0],
            Some((1, "Beta wins if Speed weight drops to 1.".into()))
        );
    }

    #[test]
    fn a_close_weighting_is_too_close_to_call_and_names_what_decides_it() {
        let weights = [5, 4, 0];
        let view = insight(&M, &weights, &evaluate(&M, &weights));
        assert!(view.too_close);
        let deciders = view.deciders.expect("deciders for a close call");
        assert!(
            deciders.starts_with("Too close to call. What decides it: "),
            "{deciders}"
        );
        assert!(
            deciders.contains("Speed") || deciders.contains("Ease"),
            "{deciders}"
        );
    }

    #[test]
    fn no_weights_means_no_insight_and_no_nan() {
        let weights = [0, 0, 0];
        let view = insight(&M, &weights, &evaluate(&M, &weights));
        assert!(view.bars.is_empty() && view.what_would_change.is_empty());
        assert_eq!(view.robustness, None);
        assert!(!view.too_close);
    }

    #[test]
    fn real_time_plus_ml_weights_get_hybrid_advice() {
        let mut weights = vec![2; MATRIX.criteria.len()];
        weights[MATRIX.criterion_index("realtime").unwrap()] = 9;
        weights[MATRIX.criterion_index("ai_ml").unwrap()] = 9;
        let view = insight(&MATRIX, &weights, &evaluate(&MATRIX, &weights));
        let advice = view.hybrid.expect("hybrid advice");
        assert!(
            advice.contains("Node.js for Real-time features"),
            "{advice}"
        );
        assert!(
            advice.contains("Python for AI/ML and data ecosystem"),
            "{advice}"
        );
    }

    #[test]
    fn presets_that_favour_one_side_get_no_hybrid_advice() {
        for id in ["realtime_chat", "data_analysis", "beginner_team", "js_team"] {
            let preset = MATRIX.preset(id).expect("preset exists");
            assert_eq!(hybrid_text(&MATRIX, preset.weights), None, "{id}");
        }
    }
}
