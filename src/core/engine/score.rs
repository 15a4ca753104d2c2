//! Weighted, normalised scoring.
//!
//! An option's total is `100 * Σ(weight × score) / (10 × Σ weight)`: the
//! weighted mean of its 1–10 scores, expressed on 0–100. The sums are kept
//! as integers, so who wins (and whether it is a tie) is decided exactly,
//! with no rounding and no division by zero; only the displayed figures are
//! rounded, to tenths of a point.

use super::matrix::{Matrix, MAX_SCORE};

/// The result of weighing every option with one set of weights.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// Σ weight over all criteria; zero means "nothing is weighted".
    pub weight_sum: u32,
    /// Σ weight × score per option, in [`Matrix::options`] order.
    pub points: Vec<u32>,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every weight is zero: there is nothing to decide on.
    NoWeights,
    /// The leading options have exactly the same total.
    Tie,
    /// `winner` leads `runner_up` (indices into the options).
    Winner { winner: usize, runner_up: usize },
}

/// How much one criterion adds to the winner's lead over the runner-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Contribution {
    pub criterion: usize,
    /// Signed, in tenths of a point on the 0–100 scale: positive helps the
    /// winner (or, in a tie, the first option), negative helps the other.
    pub tenths: i32,
}

/// Weighs every option. `weights` has one entry per criterion; a missing
/// entry counts as zero and extra entries are ignored.
pub fn evaluate(matrix: &Matrix, weights: &[u8]) -> Evaluation {
    let weight_sum: u32 = matrix
        .criteria
        .iter()
        .zip(weights)
        .map(|(_, &w)| u32::from(w))
        .sum();
    let points: Vec<u32> = (0..matrix.options.len())
        .map(|option| {
            matrix
                .criteria
                .iter()
                .zip(weights)
                .map(|(c, &w)| u32::from(w) * u32::from(c.scores[option]))
                .sum()
        })
        .collect();
    let outcome = decide(weight_sum, &points);
    Evaluation {
        weight_sum,
        points,
        outcome,
    }
}

fn decide(weight_sum: u32, points: &[u32]) -> Outcome {
    if weight_sum == 0 || points.len() < 2 {
        return Outcome::NoWeights;
    }
    let mut order: Vec<usize> = (0..points.len()).collect();
    // Highest first; equal points keep data order so the result is stable.
    crate::core::engine::sort_by_rank(&mut order, |&o| -i64::from(points[o]));
    let (winner, runner_up) = (order[0], order[1]);
    if points[winner] == points[runner_up] {
        Outcome::Tie
    } else {
        Outcome::Winner { winner, runner_up }
    }
}

/// `numerator / denominator` in tenths, rounded half away from zero,
/// with integers only (exact for every input the matrix can produce).
fn rounded_tenths(numerator: i64, denominator: i64) -> i32 {
    debug_assert!(denominator > 0);
    let scaled = numerator * 10;
    let half = denominator / 2;
    let rounded = if scaled >= 0 {
        (scaled + half) / denominator
    } else {
        (scaled - half) / denominator
    };
    rounded as i32
}

impl Evaluation {
    /// An option's total on 0–100, in tenths of a point (0 when nothing is
    /// weighted).
    pub fn total_tenths(&self, option: usize) -> i32 {
        if self.weight_sum == 0 {
            return 0;
        }
        // total = 100 × points / (MAX_SCORE × weight_sum)
        rounded_tenths(
            100 * i64::from(self.points[option]),
            i64::from(MAX_SCORE) * i64::from(self.weight_sum),
        )
    }

    /// The winner's lead over the runner-up, in tenths of a point (0 on a
    /// tie or with no weights). Computed from the exact sums, so it is
    /// never shown as 0.0 when there is a winner: see [`Self::margin_text`].
    pub fn margin_tenths(&self) -> i32 {
        match self.outcome {
            Outcome::Winner { winner, runner_up } => rounded_tenths(
                100 * (i64::from(self.points[winner]) - i64::from(self.points[runner_up])),
                i64::from(MAX_SCORE) * i64::from(self.weight_sum),
            ),
            _ => 0,
        }
    }

    /// The pair being compared: winner and runner-up, or the first two
    /// options on a tie.
    pub fn pair(&self) -> (usize, usize) {
        match self.outcome {
            Outcome::Winner { winner, runner_up } => (winner, runner_up),
            _ => (0, 1),
        }
    }

    /// Every weighted criterion's share of the lead, largest first
    /// (ties broken by data order). Shares add up to the margin, up to
    /// rounding. Empty when nothing is weighted.
    pub fn contributions(&self, matrix: &Matrix, weights: &[u8]) -> Vec<Contribution> {
        if self.weight_sum == 0 {
            return Vec::new();
        }
        let (lead, other) = self.pair();
        let denominator = i64::from(MAX_SCORE) * i64::from(self.weight_sum);
        let mut shares: Vec<Contribution> = matrix
            .criteria
            .iter()
            .zip(weights)
            .enumerate()
            .filter(|(_, (_, &w))| w > 0)
            .map(|(criterion, (c, &w))| {
                let difference = i64::from(c.scores[lead]) - i64::from(c.scores[other]);
                Contribution {
                    criterion,
                    tenths: rounded_tenths(100 * i64::from(w) * difference, denominator),
                }
            })
            .collect();
        // Largest first; built in criterion order, which breaks ties.
        crate::core::engine::sort_by_rank(&mut shares, |c| -i64::from(c.tenths));
        shares
    }
}

/// Formats tenths of a point as text: `624` → `"62.4"`, `-15` → `"-1.5"`.
pub fn format_tenths(tenths: i32) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let magnitude = tenths.unsigned_abs();
    format!("{sign}{}.{}", magnitude / 10, magnitude % 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::fixture::TEST_MATRIX as M;
    use proptest::prelude::*;

    #[test]
    fn all_zero_weights_give_no_weights_and_no_nan() {
        let e = evaluate(&M, &[0, 0, 0]);
        assert_eq!(e.outcome, Outcome::NoWeights);
        assert_eq!(e.total_tenths(0), 0);
        assert_eq!(e.margin_tenths(), 0);
        assert!(e.contributions(&M, &[0, 0, 0]).is_empty());
    }

    #[test]
    fn equal_weighted_points_are_a_tie() {
        // Alpha 9+4+7 = 20, Beta 5+8+7 = 20.
        let e = evaluate(&M, &[1, 1, 1]);
        assert_eq!(e.outcome, Outcome::Tie);
        assert_eq!(e.total_tenths(0), e.total_tenths(1));
        assert_eq!(e.margin_tenths(), 0);
    }

    #[test]
    fn totals_are_weighted_means_on_0_to_100() {
        // Alpha: (10·9 + 2·4 + 5·7) / 17 = 133/17 → 78.2; Beta: 101/17 → 59.4.
        let e = evaluate(&M, &[10, 2, 5]);
        assert_eq!(
            e.outcome,
            Outcome::Winner {
                winner: 0,
                runner_up: 1
            }
        );
        assert_eq!(e.total_tenths(0), 782);
        assert_eq!(e.total_tenths(1), 594);
        assert_eq!(e.margin_tenths(), 188);
    }

    #[test]
    fn contributions_are_sorted_and_name_the_deciding_criterion() {
        let weights = [10, 2, 5];
        let e = evaluate(&M, &weights);
        let shares = e.contributions(&M, &weights);
        assert_eq!(
            shares,
            vec![
                Contribution {
                    criterion: 0,
                    tenths: 235
                },
                Contribution {
                    criterion: 2,
                    tenths: 0
                },
                Contribution {
                    criterion: 1,
                    tenths: -47
                },
            ]
        );
    }

    #[test]
    fn zero_weighted_criteria_contribute_nothing_and_are_left_out() {
        let weights = [0, 3, 0];
        let e = evaluate(&M, &weights);
        assert_eq!(
            e.outcome,
            Outcome::Winner {
                winner: 1,
                runner_up: 0
            }
        );
        let shares = e.contributions(&M, &weights);
        assert_eq!(
            shares,
            vec![Contribution {
                criterion: 1,
                tenths: 400
            }]
        );
        assert_eq!(e.margin_tenths(), 400);
    }

    #[test]
    fn a_missing_weight_counts_as_zero() {
        assert_eq!(evaluate(&M, &[10]), evaluate(&M, &[10, 0, 0]));
    }

    #[test]
    fn format_tenths_writes_one_decimal() {
        assert_eq!(format_tenths(0), "0.0");
        assert_eq!(format_tenths(624), "62.4");
        assert_eq!(format_tenths(1000), "100.0");
        assert_eq!(format_tenths(-15), "-1.5");
        assert_eq!(format_tenths(-5), "-0.5");
    }

    proptest! {
        #[test]
        fn any_weights_give_sane_totals(weights in proptest::collection::vec(0u8..=10, 3)) {
            let e = evaluate(&M, &weights);
            for option in 0..2 {
                let total = e.total_tenths(option);
                prop_assert!((0..=1000).contains(&total));
            }
            match e.outcome {
                Outcome::NoWeights => prop_assert!(weights.iter().all(|&w| w == 0)),
                Outcome::Tie => prop_assert_eq!(e.points[0], e.points[1]),
                Outcome::Winner { winner, runner_up } => {
                    prop_assert!(e.points[winner] > e.points[runner_up]);
                    // A lead is never shown as 0.0 on this matrix's scale.
                    prop_assert!(e.margin_tenths() >= 1);
                    // The shares add up to the margin, up to rounding each.
                    let shares = e.contributions(&M, &weights);
                    let sum: i32 = shares.iter().map(|c| c.tenths).sum();
                    prop_assert!((sum - e.margin_tenths()).abs() <= shares.len() as i32);
                }
            }
        }
    }
}
