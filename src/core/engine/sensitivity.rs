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
            crate::core::engine::sort_by_rank(&mut mine, |&(_, gap)| -i64::from(gap));
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
#[path = "sensitivity_tests.rs"]
mod tests;
