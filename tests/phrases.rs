//! The phrases the browser suites read the page by (tests/support/phrases.mjs)
//! are the ones the core writes, checked on real scenarios so they cannot drift.

use stackweigh::core::engine::recommendation::{recommendation, Verdict};
use stackweigh::core::MATRIX;
use std::collections::HashMap;

/// `export const NAME = '...';` (or "...") lines of tests/support/phrases.mjs.
fn phrases() -> HashMap<String, String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/phrases.mjs");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = HashMap::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("export const ") else {
            continue;
        };
        let (name, value) = rest
            .split_once(" = ")
            .unwrap_or_else(|| panic!("not `NAME = value`: {line}"));
        let value = value
            .strip_suffix(';')
            .and_then(|v| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .or_else(|| {
                value
                    .strip_suffix(';')
                    .and_then(|v| v.strip_prefix('"').and_then(|v| v.strip_suffix('"')))
            })
            .unwrap_or_else(|| panic!("not one quoted string without escapes: {line}"));
        assert!(
            !value.contains('\\'),
            "no escapes, so Rust reads what JavaScript reads: {line}"
        );
        out.insert(name.to_string(), value.to_string());
    }
    out
}

fn phrase(name: &str) -> String {
    phrases()
        .remove(name)
        .unwrap_or_else(|| panic!("tests/support/phrases.mjs exports no {name}"))
}

/// Every preset's weights, and the same weight on every criterion.
fn real_weightings() -> Vec<Vec<u8>> {
    let n = MATRIX.criteria.len();
    let mut all: Vec<Vec<u8>> = MATRIX.presets.iter().map(|p| p.weights.to_vec()).collect();
    all.extend((1..=10).map(|w| vec![w; n]));
    all
}

/// Weightings where only two criteria count (0–10 each): small enough to search, and where ties live.
fn two_criterion_weightings() -> impl Iterator<Item = Vec<u8>> {
    let n = MATRIX.criteria.len();
    (0..n).flat_map(move |a| {
        (a + 1..n).flat_map(move |b| {
            (0..=10u8).flat_map(move |wa| {
                (0..=10u8).map(move |wb| {
                    let mut w = vec![0; n];
                    w[a] = wa;
                    w[b] = wb;
                    w
                })
            })
        })
    })
}

#[test]
fn heading_is_the_matrix_title() {
    assert_eq!(phrase("HEADING"), MATRIX.title);
}

#[test]
fn no_weight_message_is_the_headline_with_every_weight_at_zero() {
    let r = recommendation(&MATRIX, &vec![0; MATRIX.criteria.len()]);
    assert_eq!(r.verdict, Verdict::NoWeights);
    assert_eq!(r.headline, phrase("NO_WEIGHT_MESSAGE"));
}

#[test]
fn a_winner_headline_is_the_name_then_leads_by() {
    let leads_by = phrase("LEADS_BY");
    let mut winners = 0;
    for weights in real_weightings() {
        let r = recommendation(&MATRIX, &weights);
        if r.verdict != Verdict::Winner {
            continue;
        }
        winners += 1;
        let lead = r.totals.iter().find(|t| t.leads).expect("a winner leads");
        let want = format!("{}{leads_by}", lead.name);
        assert!(
            r.headline.starts_with(&want),
            "{weights:?}: {:?} does not start with {want:?}",
            r.headline
        );
        let others = r.totals.iter().filter(|t| !t.leads);
        for other in others {
            let wrong = format!("{}{leads_by}", other.name);
            assert!(
                !r.headline.contains(&wrong),
                "{weights:?}: {:?}",
                r.headline
            );
        }
    }
    assert!(winners > 0, "the presets name at least one winner");
}

#[test]
fn a_tie_headline_starts_with_dead_heat_and_names_no_leader() {
    let dead_heat = phrase("DEAD_HEAT");
    let leads_by = phrase("LEADS_BY");
    let tie = two_criterion_weightings()
        .filter(|w| w.iter().any(|&x| x > 0))
        .map(|w| recommendation(&MATRIX, &w))
        .find(|r| r.verdict == Verdict::Tie)
        .expect("the data has a two-criterion tie to check the phrase on");
    assert!(tie.headline.starts_with(&dead_heat), "{:?}", tie.headline);
    assert!(!tie.headline.contains(&leads_by), "{:?}", tie.headline);
}

#[test]
fn only_a_tie_says_dead_heat() {
    let dead_heat = phrase("DEAD_HEAT");
    for weights in real_weightings() {
        let r = recommendation(&MATRIX, &weights);
        assert_eq!(
            r.headline.starts_with(&dead_heat),
            r.verdict == Verdict::Tie,
            "{weights:?}: {:?}",
            r.headline
        );
    }
}
