//! The answer where the reader is: the compact bar that holds it while the
//! verdict is scrolled out of view, and the sentence the verdict's live
//! region announces once the weights settle (not once per arrow-key repeat).

use super::model::Model;
use super::query::PageOptions;
use crate::core::engine::insight::{Insight, TOO_CLOSE};
use crate::core::engine::matrix::Matrix;
use crate::core::engine::recommendation::{Recommendation, Verdict};

/// The verdict's element, which the shell watches scroll out of view.
pub const VERDICT_ID: &str = "sw-verdict";
/// The recommendation region, which the answer bar brings back into view.
pub const RECOMMENDATION_ID: &str = "sw-recommendation";

/// What the compact answer bar shows: the headline (winner and margin),
/// both totals, and whether it is too close to call.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerBarView {
    pub headline: String,
    pub too_close: bool,
    pub totals: Vec<BarTotal>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarTotal {
    /// The option's id (`data-option`, its colour).
    pub option: &'static str,
    pub name: &'static str,
    pub text: String,
}

/// The one owner of "the page has an answer bar, an embed none": in an
/// embed the iframe is as tall as its document, so "out of view" is the
/// host page's business. Where there is a bar, the shell watches the verdict.
pub fn has_answer_bar(options: &PageOptions) -> bool {
    !options.embed
}

/// The bar, where the page has one and only while the verdict is above the
/// viewport.
pub fn answer_bar(matrix: &Matrix, model: &Model) -> Option<AnswerBarView> {
    if !has_answer_bar(&model.options) || !model.ui.verdict_passed {
        return None;
    }
    let (recommendation, insight) = (&model.analysis.recommendation, &model.analysis.insight);
    let weighed = recommendation.verdict != Verdict::NoWeights;
    Some(AnswerBarView {
        headline: recommendation.headline.clone(),
        too_close: weighed && insight.too_close,
        totals: (recommendation.totals.iter())
            .filter(|_| weighed)
            .map(|line| BarTotal {
                option: matrix.options[line.option].id,
                name: line.name,
                text: line.text.clone(),
            })
            .collect(),
    })
}

/// The answer in one sentence for a screen reader: the headline, then both
/// totals ("Too close to call. Node.js leads, by 0.4 points. Node.js 50.2,
/// Python 49.8 out of 100.").
pub fn announcement(recommendation: &Recommendation, insight: &Insight) -> String {
    if recommendation.verdict == Verdict::NoWeights {
        return recommendation.headline.clone();
    }
    let totals: Vec<String> = (recommendation.totals.iter())
        .map(|line| format!("{} {}", line.name, line.text))
        .collect();
    let close = if insight.too_close {
        format!("{TOO_CLOSE}. ")
    } else {
        String::new()
    };
    format!(
        "{close}{}. {} out of 100.",
        recommendation.headline,
        totals.join(", ")
    )
}

#[cfg(test)]
#[path = "answer_view_tests.rs"]
mod tests;
