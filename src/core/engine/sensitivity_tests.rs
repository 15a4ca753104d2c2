use super::*;
use crate::core::engine::fixture::TEST_MATRIX as M;
use crate::core::engine::score::evaluate;
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
