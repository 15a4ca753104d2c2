//! "How we score": the methodology note the page shows, worded here from
//! the data and the engine's own constants so it can never drift from them.

use super::insight::close_call_rule;
use super::matrix::Matrix;
use super::sensitivity::{NEARBY_SPREAD, SAMPLES};

/// One titled paragraph of the note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: &'static str,
    pub text: String,
}

pub fn methodology(matrix: &Matrix) -> Vec<Section> {
    let claims: usize = matrix.criteria.iter().map(|c| usize::from(c.claims)).sum();
    let corrected: usize = matrix
        .criteria
        .iter()
        .map(|c| usize::from(c.corrections))
        .sum();
    let disputed = matrix.criteria.iter().filter(|c| c.disputed).count();
    vec![
        Section {
            heading: "The scale",
            text: matrix.scale.to_string(),
        },
        Section {
            heading: "The totals",
            text: format!(
                "An option's total is the weighted mean of its scores on 0–100: 100 × Σ(weight × score) ÷ (10 × Σ weight). Each bar under “Why: what each criterion adds” is one criterion's share of the margin. Robustness is the share of {},{:03} nearby weightings (each weight moved independently by up to ±{}%) in which the winner stays the same. {}",
                SAMPLES / 1000,
                SAMPLES % 1000,
                (NEARBY_SPREAD * 100.0 + 0.5) as u32,
                close_call_rule()
            ),
        },
        Section {
            heading: "The presets",
            text: matrix.presets_method.to_string(),
        },
        Section {
            heading: "Sources and corrections",
            text: format!(
                "{} sources: the five articles this tool checks, and primary sources (official documentation, PEPs, release notes, named surveys and benchmarks), each dated when it was last checked. {claims} claims from the articles are quoted and audited; {corrected} of them are marked false, outdated, oversimplified or contested, with the correct statement. {disputed} criteria carry a “sources disagree” mark.",
                matrix.source_count
            ),
        },
        Section {
            heading: "Reviewed",
            text: format!("The whole matrix was last reviewed on {}.", matrix.reviewed),
        },
        Section {
            heading: "Propose a change",
            text: matrix.contribute.to_string(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::MATRIX;

    #[test]
    fn the_note_states_the_review_date_and_the_real_counts() {
        let note = methodology(&MATRIX);
        let all: String = note.iter().map(|s| s.text.as_str()).collect();
        assert!(all.contains(MATRIX.reviewed));
        assert!(all.contains(&format!("{} sources", MATRIX.source_count)));
        let claims: usize = MATRIX.criteria.iter().map(|c| c.claims as usize).sum();
        assert!(claims > 0 && all.contains(&format!("{claims} claims")));
    }

    #[test]
    fn the_note_quotes_the_engine_s_own_thresholds() {
        let note = methodology(&MATRIX);
        let totals = &note
            .iter()
            .find(|s| s.heading == "The totals")
            .unwrap()
            .text;
        assert!(totals.contains("2,000 nearby weightings"), "{totals}");
        assert!(totals.contains("±30%"), "{totals}");
        assert!(totals.contains(&close_call_rule()), "{totals}");
    }

    #[test]
    fn every_section_says_something() {
        for section in methodology(&MATRIX) {
            assert!(!section.text.trim().is_empty(), "{}", section.heading);
        }
    }
}
