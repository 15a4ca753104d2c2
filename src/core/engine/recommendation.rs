//! The recommendation in words: the verdict, both totals, the margin, what
//! gives the winner its lead and the runner-up's strongest point.

use super::matrix::Matrix;
use super::score::{evaluate, format_tenths, Contribution, Evaluation, Outcome};

/// How many criteria the recommendation names as deciding it.
pub const TOP_REASONS: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    NoWeights,
    Tie,
    Winner,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalLine {
    pub option: usize,
    pub name: &'static str,
    /// Total on 0–100 as text, e.g. `"62.4"`.
    pub text: String,
    pub tenths: i32,
    pub leads: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReasonLine {
    pub criterion: usize,
    pub name: &'static str,
    /// e.g. `"+1.8 points for Node.js (weight 8; scores 9 vs 6)"`.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recommendation {
    pub verdict: Verdict,
    /// The answer in one line, e.g. `"Node.js, by 4.2 points"`.
    pub headline: String,
    /// Both totals and what they mean.
    pub totals: Vec<TotalLine>,
    pub margin_text: String,
    pub reasons_heading: String,
    pub reasons: Vec<ReasonLine>,
    /// The runner-up's strongest criterion, so the answer is never one-sided.
    pub counterpoint: Option<String>,
}

/// The headline's fixed words, which readers (and tests) parse:
/// `"<option> leads, by <margin>"` and `"A dead heat: <a> and <b> score the same"`.
pub const LEADS_BY: &str = " leads, by ";
pub const TIE_PREFIX: &str = "A dead heat";

pub const NO_WEIGHTS_MESSAGE: &str = "Set at least one weight above zero to see a recommendation.";

pub fn recommendation(matrix: &Matrix, weights: &[u8]) -> Recommendation {
    let evaluation = evaluate(matrix, weights);
    recommendation_for(matrix, weights, &evaluation)
}

pub fn recommendation_for(
    matrix: &Matrix,
    weights: &[u8],
    evaluation: &Evaluation,
) -> Recommendation {
    let (verdict, headline, margin_text) = verdict(matrix, evaluation);
    let contributions = evaluation.contributions(matrix, weights);
    let (reasons_heading, reasons) = reasons(matrix, weights, evaluation, verdict, &contributions);
    let counterpoint = match verdict {
        Verdict::Winner => counterpoint(matrix, evaluation, &contributions),
        _ => None,
    };
    Recommendation {
        verdict,
        headline,
        totals: totals(matrix, evaluation),
        margin_text,
        reasons_heading,
        reasons,
        counterpoint,
    }
}

fn totals(matrix: &Matrix, evaluation: &Evaluation) -> Vec<TotalLine> {
    (0..matrix.options.len())
        .map(|option| {
            let tenths = evaluation.total_tenths(option);
            TotalLine {
                option,
                name: matrix.options[option].name,
                text: format_tenths(tenths),
                tenths,
                leads: matches!(evaluation.outcome, Outcome::Winner { winner, .. } if winner == option),
            }
        })
        .collect()
}

/// The verdict, the headline and the margin sentence.
fn verdict(matrix: &Matrix, evaluation: &Evaluation) -> (Verdict, String, String) {
    let name = |option: usize| matrix.options[option].name;
    match evaluation.outcome {
        Outcome::NoWeights => (
            Verdict::NoWeights,
            NO_WEIGHTS_MESSAGE.to_string(),
            String::new(),
        ),
        Outcome::Tie => {
            let (lead, other) = evaluation.pair();
            (
                Verdict::Tie,
                format!(
                    "{TIE_PREFIX}: {} and {} score the same",
                    name(lead),
                    name(other)
                ),
                "Margin: 0.0 points. The weights you chose do not separate them.".to_string(),
            )
        }
        Outcome::Winner { winner, runner_up } => {
            let margin = evaluation.margin_tenths();
            let margin_words = if margin == 0 {
                "less than 0.1 points".to_string()
            } else {
                format!("{} points", format_tenths(margin))
            };
            (
                Verdict::Winner,
                format!("{}{LEADS_BY}{margin_words}", name(winner)),
                format!(
                    "Margin: {margin_words} out of 100 over {}.",
                    name(runner_up)
                ),
            )
        }
    }
}

/// One reason line: e.g. `"+1.8 points for Node.js (weight 8; scores 9 vs 6)"`.
fn describe(
    matrix: &Matrix,
    weights: &[u8],
    c: &Contribution,
    toward: (usize, usize),
) -> ReasonLine {
    let (favoured, disfavoured) = if c.tenths > 0 {
        toward
    } else {
        (toward.1, toward.0)
    };
    let criterion = &matrix.criteria[c.criterion];
    ReasonLine {
        criterion: c.criterion,
        name: criterion.name,
        text: format!(
            "+{} points for {} (weight {}; scores {} vs {})",
            format_tenths(c.tenths.abs()),
            matrix.options[favoured].name,
            weights[c.criterion],
            criterion.scores[favoured],
            criterion.scores[disfavoured],
        ),
    }
}

/// For a winner, the criteria that give it the lead; for a tie, the
/// largest pulls either way.
fn reasons(
    matrix: &Matrix,
    weights: &[u8],
    evaluation: &Evaluation,
    verdict: Verdict,
    contributions: &[Contribution],
) -> (String, Vec<ReasonLine>) {
    let pair = evaluation.pair();
    match verdict {
        Verdict::NoWeights => (String::new(), Vec::new()),
        Verdict::Winner => (
            format!("What gives {} the lead", matrix.options[pair.0].name),
            (contributions.iter())
                .filter(|c| c.tenths > 0)
                .take(TOP_REASONS)
                .map(|c| describe(matrix, weights, c, pair))
                .collect(),
        ),
        Verdict::Tie => {
            let mut by_size = contributions.to_vec();
            crate::core::engine::sort_by_rank(&mut by_size, |c| -i64::from(c.tenths.abs()));
            (
                "What pulls each way".to_string(),
                (by_size.iter())
                    .filter(|c| c.tenths != 0)
                    .take(TOP_REASONS)
                    .map(|c| describe(matrix, weights, c, pair))
                    .collect(),
            )
        }
    }
}

/// The runner-up's strongest criterion, so the answer is never one-sided.
fn counterpoint(
    matrix: &Matrix,
    evaluation: &Evaluation,
    contributions: &[Contribution],
) -> Option<String> {
    let (_, other) = evaluation.pair();
    contributions.last().filter(|c| c.tenths < 0).map(|c| {
        format!(
            "{}'s strongest point: {}, worth {} points to it.",
            matrix.options[other].name,
            matrix.criteria[c.criterion].name,
            format_tenths(-c.tenths)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::fixture::TEST_MATRIX as M;

    #[test]
    fn no_weights_asks_for_one() {
        let r = recommendation(&M, &[0, 0, 0]);
        assert_eq!(r.verdict, Verdict::NoWeights);
        assert_eq!(r.headline, NO_WEIGHTS_MESSAGE);
        assert!(r.reasons.is_empty());
        assert!(r.counterpoint.is_none());
    }

    #[test]
    fn a_winner_is_named_with_scores_margin_and_reasons() {
        let r = recommendation(&M, &[10, 2, 5]);
        assert_eq!(r.verdict, Verdict::Winner);
        assert_eq!(r.headline, "Alpha leads, by 18.8 points");
        assert_eq!(r.totals[0].text, "78.2");
        assert_eq!(r.totals[1].text, "59.4");
        assert!(r.totals[0].leads && !r.totals[1].leads);
        assert_eq!(r.margin_text, "Margin: 18.8 points out of 100 over Beta.");
        // Only criteria that help the winner are reasons.
        assert_eq!(r.reasons.len(), 1);
        assert_eq!(r.reasons[0].name, "Speed");
        assert_eq!(
            r.reasons[0].text,
            "+23.5 points for Alpha (weight 10; scores 9 vs 5)"
        );
        assert_eq!(
            r.counterpoint.as_deref(),
            Some("Beta's strongest point: Ease, worth 4.7 points to it.")
        );
    }

    #[test]
    fn a_tie_says_so_and_shows_what_pulls_each_way() {
        let r = recommendation(&M, &[1, 1, 1]);
        assert_eq!(r.verdict, Verdict::Tie);
        assert!(r.headline.starts_with("A dead heat"));
        let names: Vec<_> = r.reasons.iter().map(|l| l.name).collect();
        assert_eq!(names, vec!["Speed", "Ease"]);
        assert!(r.reasons[1].text.contains("for Beta"));
    }
}
