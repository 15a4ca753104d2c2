//! Why this answer, how sure, and what would change it.
//!
//! Everything here follows from one fact: with the other weights fixed, the
//! difference between two options' totals has the sign of
//! `D(w) = Σ_{i≠c} w_i·d_i + w·d_c`, where `d_i` is the score difference on
//! criterion `i` (the common denominator Σw never changes a sign). `D` is
//! linear in each weight, so tipping points are exact, computed in integers.

use super::matrix::{Matrix, MAX_WEIGHT};
use super::score::{Evaluation, Outcome};

/// A margin below this many points (on 0–100) is too close to call.
pub const CLOSE_MARGIN_TENTHS: i32 = 50;
/// A winner that holds in fewer nearby weightings than this is too close to call.
pub const CLOSE_ROBUSTNESS_PERCENT: u32 = 70;
/// How far each weight moves in the robustness check: ±30%.
pub const NEARBY_SPREAD: f64 = 0.3;
/// Number of nearby weightings sampled.
pub const SAMPLES: u32 = 2_000;
/// Fixed seed: the same weights always give the same robustness figure.
pub const SEED: u64 = 0x5eed_2026_0001;
/// Hybrid advice needs workload criteria weighted at least this much…
pub const HEAVY_WEIGHT: u8 = 7;
/// …that one option leads by at least this many score points (of 10).
pub const DOMINANT_GAP: u8 = 2;

/// Signed score difference `score[a] − score[b]` per criterion.
fn differences(matrix: &Matrix, a: usize, b: usize) -> impl Iterator<Item = i64> + '_ {
    matrix
        .criteria
        .iter()
        .map(move |c| i64::from(c.scores[a]) - i64::from(c.scores[b]))
}

/// `D = Σ w_i·d_i` for options `a` and `b`: positive means `a` leads.
fn lead(matrix: &Matrix, weights: &[u8], a: usize, b: usize) -> i64 {
    differences(matrix, a, b)
        .zip(weights)
        .map(|(d, &w)| d * i64::from(w))
        .sum()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TippingPoint {
    pub criterion: usize,
    /// The first slider value, moving away from the current one, at which
    /// `new_winner` strictly wins. One step before it, it does not.
    pub weight: u8,
    pub new_winner: usize,
}

/// For each criterion, the weight at which the result changes with every
/// other weight kept as it is, or `None` when no weight in 0..=10 of that
/// criterion alone changes it. With no weights set there is nothing to tip.
pub fn tipping_points(
    matrix: &Matrix,
    weights: &[u8],
    evaluation: &Evaluation,
) -> Vec<Option<TippingPoint>> {
    let (a, b) = evaluation.pair();
    let total = lead(matrix, weights, a, b);
    differences(matrix, a, b)
        .enumerate()
        .map(|(c, d)| {
            if d == 0 || evaluation.outcome == Outcome::NoWeights {
                return None;
            }
            let current = i64::from(weights.get(c).copied().unwrap_or(0));
            let rest = total - current * d;
            // The side that raising this criterion's weight favours.
            let (raised, lowered) = if d > 0 { (a, b) } else { (b, a) };
            let found = match evaluation.outcome {
                // Move in the direction that helps the runner-up.
                Outcome::Winner { .. } if raised == b => first_win(rest, d, current, 1, b, a),
                Outcome::Winner { .. } => first_win(rest, d, current, -1, b, a),
                // On a tie either direction decides it: prefer raising.
                _ => first_win(rest, d, current, 1, raised, a)
                    .or_else(|| first_win(rest, d, current, -1, lowered, a)),
            };
            found.map(|(weight, new_winner)| TippingPoint {
                criterion: c,
                weight,
                new_winner,
            })
        })
        .collect()
}

/// The first weight from `current` (exclusive), stepping by `step`, at
/// which `side` strictly leads, given the lead `rest + w·d` of option `a`.
fn first_win(
    rest: i64,
    d: i64,
    current: i64,
    step: i64,
    side: usize,
    a: usize,
) -> Option<(u8, usize)> {
    let mut w = current + step;
    while (0..=i64::from(MAX_WEIGHT)).contains(&w) {
        let lead_of_a = rest + w * d;
        let wins = if side == a {
            lead_of_a > 0
        } else {
            lead_of_a < 0
        };
        if wins {
            return Some((w as u8, side));
        }
        w += step;
    }
    None
}

/// SplitMix64: a tiny, well-mixed deterministic generator.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [-1, 1).
    fn next_signed_unit(&mut self) -> f64 {
        let unit = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        unit * 2.0 - 1.0
    }
}

/// The percentage (0–100) of nearby weightings, each weight moved
/// independently by up to ±30%, in which the current winner still leads.
/// `None` when there is no winner to hold (no weights, or a tie).
pub fn robustness(
    matrix: &Matrix,
    weights: &[u8],
    evaluation: &Evaluation,
    seed: u64,
) -> Option<u32> {
    let Outcome::Winner { winner, runner_up } = evaluation.outcome else {
        return None;
    };
    let terms: Vec<(f64, f64)> = differences(matrix, winner, runner_up)
        .zip(weights)
        .filter(|&(d, &w)| d != 0 && w > 0)
        .map(|(d, &w)| (f64::from(w), d as f64))
        .collect();
    let mut rng = SplitMix64(seed);
    let mut held = 0u32;
    for _ in 0..SAMPLES {
        let lead: f64 = terms
            .iter()
            .map(|&(w, d)| w * (1.0 + NEARBY_SPREAD * rng.next_signed_unit()) * d)
            .sum();
        if lead > 0.0 {
            held += 1;
        }
    }
    Some((held * 100 + SAMPLES / 2) / SAMPLES)
}

/// Workloads that one option dominates and the weights make heavy, on both
/// sides at once: the case for using both technologies, each for its part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hybrid {
    /// Per option, the heavy criteria it dominates (indices), strongest first.
    pub strengths: Vec<Vec<usize>>,
}

/// The hybrid rule: for every option, at least one *workload* criterion
/// (one that could run as its own service) weighted ≥ [`HEAVY_WEIGHT`] on
/// which that option leads by ≥ [`DOMINANT_GAP`] points. Qualities of the
/// whole codebase (learning curve, typing…) never split a system.
pub fn hybrid(matrix: &Matrix, weights: &[u8]) -> Option<Hybrid> {
    let strengths: Vec<Vec<usize>> = (0..matrix.options.len())
        .map(|option| {
            let mut mine: Vec<(usize, u8)> = matrix
                .criteria
                .iter()
                .enumerate()
                .filter(|(c, criterion)| {
                    criterion.workload && weights.get(*c).copied().unwrap_or(0) >= HEAVY_WEIGHT
                })
                .filter_map(|(c, criterion)| {
                    let own = criterion.scores[option];
                    let best_other = (0..matrix.options.len())
                        .filter(|&o| o != option)
                        .map(|o| criterion.scores[o])
                        .max()
                        .unwrap_or(own);
                    (own >= best_other + DOMINANT_GAP).then(|| (c, own - best_other))
                })
                .collect();
            crate::core::sort_by_rank(&mut mine, |&(_, gap)| -i64::from(gap));
            mine.into_iter().map(|(c, _)| c).collect()
        })
        .collect();
    strengths
        .iter()
        .all(|s| !s.is_empty())
        .then_some(Hybrid { strengths })
}

/// Whether the answer is too close to call: a small margin or a fragile winner.
pub fn too_close(evaluation: &Evaluation, robustness: Option<u32>) -> bool {
    match evaluation.outcome {
        Outcome::NoWeights => false,
        Outcome::Tie => true,
        Outcome::Winner { .. } => {
            evaluation.margin_tenths() < CLOSE_MARGIN_TENTHS
                || robustness.is_some_and(|r| r < CLOSE_ROBUSTNESS_PERCENT)
        }
    }
}

/// The `count` tipping points the fewest slider steps away from the current
/// weights, nearest first (ties in criterion order).
pub fn nearest(
    weights: &[u8],
    tipping: &[Option<TippingPoint>],
    count: usize,
) -> Vec<TippingPoint> {
    let mut points: Vec<TippingPoint> = tipping.iter().flatten().copied().collect();
    super::sort_by_rank(&mut points, |t| {
        i64::from(
            weights
                .get(t.criterion)
                .copied()
                .unwrap_or(0)
                .abs_diff(t.weight),
        )
    });
    points.truncate(count);
    points
}

/// The one or two criteria that would decide a close call: those whose
/// tipping point is the fewest slider steps away.
pub fn deciders(weights: &[u8], tipping: &[Option<TippingPoint>]) -> Vec<TippingPoint> {
    nearest(weights, tipping, 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixture::TEST_MATRIX as M;
    use crate::core::score::evaluate;
    use crate::core::MATRIX;
    use proptest::prelude::*;

    fn winner(matrix: &Matrix, weights: &[u8]) -> Option<usize> {
        match evaluate(matrix, weights).outcome {
            Outcome::Winner { winner, .. } => Some(winner),
            _ => None,
        }
    }

    #[test]
    fn tipping_point_of_the_leading_criterion_is_where_the_runner_up_takes_over() {
        // Alpha leads 32 to 0 in Σw·d; speed (d = 4) must drop to 1 for Beta.
        let weights = [10, 2, 5];
        let tips = tipping_points(&M, &weights, &evaluate(&M, &weights));
        assert_eq!(
            tips[0],
            Some(TippingPoint {
                criterion: 0,
                weight: 1,
                new_winner: 1
            })
        );
        // Raising ease to 10 still leaves Alpha ahead (40 − 40 = tie at most).
        assert_eq!(tips[1], None);
        // Equal scores can never tip anything.
        assert_eq!(tips[2], None);
    }

    #[test]
    fn on_a_tie_any_step_decides_it() {
        let weights = [1, 1, 1];
        let tips = tipping_points(&M, &weights, &evaluate(&M, &weights));
        assert_eq!(
            tips[0],
            Some(TippingPoint {
                criterion: 0,
                weight: 2,
                new_winner: 0
            })
        );
        assert_eq!(
            tips[1],
            Some(TippingPoint {
                criterion: 1,
                weight: 2,
                new_winner: 1
            })
        );
        let at_top = [10, 10, 0];
        let tips = tipping_points(&M, &at_top, &evaluate(&M, &at_top));
        assert_eq!(
            tips[0],
            Some(TippingPoint {
                criterion: 0,
                weight: 9,
                new_winner: 1
            })
        );
    }

    #[test]
    fn nothing_tips_without_weights() {
        let weights = [0, 0, 0];
        assert!(tipping_points(&M, &weights, &evaluate(&M, &weights))
            .iter()
            .all(Option::is_none));
        assert_eq!(
            robustness(&M, &weights, &evaluate(&M, &weights), SEED),
            None
        );
    }

    #[test]
    fn a_lead_no_nearby_weighting_can_overturn_is_fully_robust() {
        let weights = [10, 2, 5];
        assert_eq!(
            robustness(&M, &weights, &evaluate(&M, &weights), SEED),
            Some(100)
        );
    }

    #[test]
    fn a_knife_edge_lead_is_fragile_and_too_close_to_call() {
        // Alpha: 9·5 + 4·4 = 61 vs Beta 5·5 + 8·4 = 57: d-sum 20 − 16 = 4.
        let weights = [5, 4, 0];
        let e = evaluate(&M, &weights);
        let r = robustness(&M, &weights, &e, SEED).expect("a winner");
        assert!(r < 100 && r > 50, "robustness {r}");
        assert!(too_close(&e, Some(r)));
        let clear = [10, 2, 5];
        let e = evaluate(&M, &clear);
        assert!(!too_close(&e, robustness(&M, &clear, &e, SEED)));
    }

    #[test]
    fn robustness_is_reproducible_for_a_seed() {
        let weights = [6, 5, 3];
        let e = evaluate(&M, &weights);
        let first = robustness(&M, &weights, &e, SEED);
        assert_eq!(first, robustness(&M, &weights, &e, SEED));
        assert!(first.is_some());
    }

    #[test]
    fn hybrid_needs_heavy_dominant_criteria_on_both_sides() {
        let both = hybrid(&M, &[8, 8, 0]).expect("speed for Alpha, ease for Beta");
        assert_eq!(both.strengths, vec![vec![0], vec![1]]);
        assert_eq!(hybrid(&M, &[8, 6, 10]), None, "ease is not heavy");
        assert_eq!(hybrid(&M, &[10, 0, 10]), None, "libraries are even");
    }

    #[test]
    fn real_data_hybrid_rule_fires_for_real_time_plus_ml() {
        let mut weights = vec![0; MATRIX.criteria.len()];
        let realtime = MATRIX
            .criterion_index("realtime")
            .expect("realtime criterion");
        let ml = MATRIX.criterion_index("ai_ml").expect("ai_ml criterion");
        weights[realtime] = 9;
        weights[ml] = 9;
        let advice = hybrid(&MATRIX, &weights).expect("real-time and ML both heavy");
        assert!(advice.strengths[1].contains(&ml));
        assert!(advice.strengths.iter().flatten().count() >= 2);
    }

    #[test]
    fn deciders_are_the_nearest_tipping_points() {
        let weights = [5, 4, 0];
        let e = evaluate(&M, &weights);
        let tips = tipping_points(&M, &weights, &e);
        let near = deciders(&weights, &tips);
        assert!(!near.is_empty() && near.len() <= 2);
        assert_eq!(near[0].criterion, 0);
    }

    fn check_exact(matrix: &Matrix, weights: &[u8]) -> Result<(), TestCaseError> {
        let e = evaluate(matrix, weights);
        let tips = tipping_points(matrix, weights, &e);
        prop_assert_eq!(tips.len(), matrix.criteria.len());
        for (c, tip) in tips.iter().enumerate() {
            let with = |w: u8| {
                let mut changed = weights.to_vec();
                changed[c] = w;
                winner(matrix, &changed)
            };
            match tip {
                Some(t) => {
                    prop_assert_eq!(
                        with(t.weight),
                        Some(t.new_winner),
                        "at the tipping point it flips"
                    );
                    let current = weights[c];
                    let before = if t.weight > current {
                        t.weight - 1
                    } else {
                        t.weight + 1
                    };
                    prop_assert_ne!(
                        with(before),
                        Some(t.new_winner),
                        "one step before it does not"
                    );
                }
                None => {
                    if let Outcome::Winner { runner_up, .. } = e.outcome {
                        for w in 0..=MAX_WEIGHT {
                            prop_assert_ne!(
                                with(w),
                                Some(runner_up),
                                "no weight of this criterion flips it"
                            );
                        }
                    }
                }
            }
        }
        let r = robustness(matrix, weights, &e, SEED);
        prop_assert!(r.is_none_or(|r| r <= 100));
        Ok(())
    }

    proptest! {
        #[test]
        fn tipping_points_are_exact_on_the_fixture(weights in proptest::collection::vec(0u8..=10, 3)) {
            check_exact(&M, &weights)?;
        }

        #[test]
        fn tipping_points_are_exact_on_the_real_data(weights in proptest::collection::vec(0u8..=10, 19..=19)) {
            prop_assume!(weights.len() == MATRIX.criteria.len());
            check_exact(&MATRIX, &weights)?;
        }
    }
}
