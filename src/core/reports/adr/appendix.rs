//! The record's second half: pros and cons of each option from the
//! matrix's scores and rationales, and the sources.

use super::*;
use crate::core::reports::text::autolink;

pub(super) fn pros_and_cons(
    matrix: &Matrix,
    weights: &[u8],
    evidence: Option<&Evidence>,
    cited: &mut Vec<usize>,
) -> String {
    let mut out = "## Pros and Cons of the Options\n".to_string();
    // Weighted criteria, the ones that move the totals most first.
    let mut order: Vec<usize> = (0..matrix.criteria.len())
        .filter(|&c| weights.get(c).is_some_and(|&w| w > 0))
        .collect();
    let impact = |c: usize| {
        let scores = matrix.criteria[c].scores;
        let (high, low) = (scores.iter().max(), scores.iter().min());
        i64::from(weights[c]) * high.zip(low).map_or(0, |(h, l)| i64::from(h - l))
    };
    crate::core::engine::sort_by_rank(&mut order, |&c| -impact(c));
    for (o, option) in matrix.options.iter().enumerate() {
        out.push_str(&format!("\n### {}\n\n", prose(option.name)));
        let mut any = false;
        for &c in &order {
            let criterion = &matrix.criteria[c];
            let own = criterion.scores[o];
            let Some(best_other) = (0..matrix.options.len())
                .filter(|&x| x != o)
                .map(|x| criterion.scores[x])
                .max()
            else {
                continue;
            };
            let verdict = match own.cmp(&best_other) {
                std::cmp::Ordering::Greater => "Good",
                std::cmp::Ordering::Less => "Bad",
                std::cmp::Ordering::Equal => continue,
            };
            any = true;
            out.push_str(&format!(
                "* {verdict}, because of {}: {own}/10 against {best_other}/10 (weight {}).",
                prose(criterion.name),
                weights[c]
            ));
            out.push_str(&rationale(evidence.and_then(|e| e.score(c, o)), cited));
            out.push('\n');
        }
        if !any {
            out.push_str(
                "* Neutral: it scores the same as the others on every weighted criterion.\n",
            );
        }
    }
    out
}

/// ` Rationale (sources 1, 4).`, numbering sources in order of first citation.
pub(super) fn rationale(evidence: Option<&ScoreEvidence>, cited: &mut Vec<usize>) -> String {
    let Some(evidence) = evidence else {
        return String::new();
    };
    let numbers: Vec<String> = evidence
        .sources
        .iter()
        .map(|&s| {
            let number = cited.iter().position(|&c| c == s).unwrap_or_else(|| {
                cited.push(s);
                cited.len() - 1
            });
            (number + 1).to_string()
        })
        .collect();
    let label = if numbers.len() == 1 {
        "source"
    } else {
        "sources"
    };
    format!(
        " {} ({label} {})",
        prose(&evidence.rationale),
        numbers.join(", ")
    )
}

pub(super) fn more_information(
    matrix: &Matrix,
    link: &str,
    evidence: Option<&Evidence>,
    cited: &[usize],
) -> String {
    let mut out = format!(
        "## More Information\n\n* This decision in stackweigh, with every weight as decided: {}\n* The scores were last reviewed on {}. {}\n",
        autolink(link),
        prose(matrix.reviewed),
        prose(crate::core::engine::matrix::NOTES.scale)
    );
    match evidence {
        Some(evidence) if !cited.is_empty() => {
            out.push_str("\n### Sources\n\n");
            for (number, &s) in cited.iter().enumerate() {
                let source = &evidence.sources[s];
                let url = source.url.as_ref().map(|u| format!(": {}", autolink(u))).unwrap_or_default();
                out.push_str(&format!(
                    "{}. {}, {}{url}\n",
                    number + 1,
                    prose(&source.citation),
                    prose(&source.kind)
                ));
            }
        }
        _ => out.push_str("* The rationale and sources of every score are in stackweigh, under each criterion's “Why?”.\n"),
    }
    out
}

/// The sources behind the criteria that decide it (the recommendation's
/// reasons, every option's score on them), in order, each once: the short
/// list a printed page has room for.
pub fn deciding_sources<'e>(
    matrix: &Matrix,
    weights: &[u8],
    evidence: &'e Evidence,
) -> Vec<&'e Source> {
    let reasons = recommendation_for(matrix, weights, &evaluate(matrix, weights)).reasons;
    let mut cited: Vec<usize> = Vec::new();
    for reason in &reasons {
        for option in 0..matrix.options.len() {
            let Some(score) = evidence.score(reason.criterion, option) else {
                continue;
            };
            for &s in &score.sources {
                if !cited.contains(&s) {
                    cited.push(s);
                }
            }
        }
    }
    cited
        .iter()
        .filter_map(|&s| evidence.sources.get(s))
        .collect()
}
