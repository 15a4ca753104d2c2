//! "Copy as decision record": the decision as an Architecture Decision
//! Record in the MADR layout (title, context and problem statement, decision
//! drivers, considered options, decision outcome, pros and cons of the
//! options, more information). Markdown that reads as plain text too.
//!
//! The reasons, robustness and tipping points come from the same code as
//! the page's (`view`, `explain`, `team`); the rationales and sources from
//! the "Why?" payload, read by [`Evidence`].

mod evidence;

pub use evidence::{Evidence, ScoreEvidence, Source};

use super::insight::{insight, Insight};
use super::matrix::Matrix;
use super::questionnaire::QUESTIONS;
use super::recommendation::{recommendation_for, Recommendation};
use super::score::{evaluate, Evaluation, Outcome};
use super::share::{encode, encode_team, Member, Shared};
use super::team::{mean_weights, spread, team_view, TeamView};

/// A criterion weighted this much or more is a decision driver.
pub const DRIVER_WEIGHT: u8 = 7;

/// Whose decision the record is.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'a> {
    Person(&'a Shared),
    Team(&'a [Member]),
}

/// What the sections share: the weights decided on and what follows from them.
struct Decision<'a> {
    subject: Subject<'a>,
    weights: Vec<u8>,
    evaluation: Evaluation,
    recommendation: Recommendation,
    insight: Insight,
    team: Option<TeamView>,
}

/// The record. `page_address` is the page's address without its `#` part
/// (the link that restores this state is built from it); `evidence` is
/// `None` while the "Why?" payload is not loaded, and the record then
/// leaves out rationales and sources but says where to find them.
pub fn record(
    matrix: &Matrix,
    subject: Subject,
    page_address: &str,
    evidence: Option<&Evidence>,
) -> String {
    let decision = decide(matrix, subject);
    let address = page_address.split('#').next().unwrap_or(page_address);
    let link = match subject {
        Subject::Person(shared) => format!("{address}#{}", encode(matrix, shared)),
        Subject::Team(members) => format!("{address}#{}", encode_team(matrix, members)),
    };
    let mut cited = Vec::new();
    let sections = [
        title(matrix, &decision),
        context(matrix, &decision),
        drivers(matrix, &decision),
        considered(matrix),
        outcome(matrix, &decision),
        pros_and_cons(matrix, &decision.weights, evidence, &mut cited),
        more_information(matrix, &link, evidence, &cited),
    ];
    sections.join("\n")
}

fn decide<'a>(matrix: &Matrix, subject: Subject<'a>) -> Decision<'a> {
    let (weights, team) = match subject {
        Subject::Person(shared) => (shared.weights.clone(), None),
        Subject::Team(members) => (mean_weights(matrix, members), team_view(matrix, members)),
    };
    let evaluation = evaluate(matrix, &weights);
    Decision {
        subject,
        recommendation: recommendation_for(matrix, &weights, &evaluation),
        insight: insight(matrix, &weights, &evaluation),
        weights,
        evaluation,
        team,
    }
}

fn use_case(matrix: &Matrix, decision: &Decision) -> Option<&'static str> {
    match decision.subject {
        Subject::Person(shared) => shared
            .preset
            .and_then(|p| matrix.presets.get(p))
            .map(|p| p.name),
        Subject::Team(_) => None,
    }
}

fn title(matrix: &Matrix, decision: &Decision) -> String {
    let options: Vec<&str> = matrix.options.iter().map(|o| o.name).collect();
    let what = match decision.evaluation.outcome {
        Outcome::Winner { winner, .. } => format!("Use {} for the backend", options[winner]),
        _ => format!("{} for the backend: not decided yet", options.join(" or ")),
    };
    let whose = match (use_case(matrix, decision), decision.subject) {
        (Some(use_case), _) => format!(" ({use_case})"),
        (None, Subject::Team(members)) => format!(" (team of {})", members.len()),
        (None, Subject::Person(_)) => String::new(),
    };
    let deciders = match decision.subject {
        Subject::Team(members) => {
            let names: Vec<String> = members.iter().map(|m| markdown_text(&m.name)).collect();
            format!(" Decided by: {}.", and_list(&names))
        }
        Subject::Person(_) => String::new(),
    };
    format!(
        "# {what}{whose}\n\nStatus: proposed.{deciders} Made with stackweigh ({}).\n",
        matrix.title
    )
}

fn context(matrix: &Matrix, decision: &Decision) -> String {
    let options: Vec<&str> = matrix.options.iter().map(|o| o.name).collect();
    let mut out = format!(
        "## Context and Problem Statement\n\nWhich backend technology should we build on: {}? Each option is scored from 1 to 10 on {} criteria, and each criterion is weighted from 0 to 10 for this project.\n",
        options.join(" or "),
        matrix.criteria.len()
    );
    match decision.subject {
        Subject::Person(shared) => person_context(matrix, shared, &mut out),
        Subject::Team(members) => team_context(decision, members, &mut out),
    }
    out
}

fn person_context(matrix: &Matrix, shared: &Shared, out: &mut String) {
    if let Some(preset) = shared.preset.and_then(|p| matrix.presets.get(p)) {
        out.push_str(&format!(
            "\nThe use case is **{}**: {}\n",
            preset.name, preset.summary
        ));
    }
    let answered: Vec<String> = QUESTIONS
        .iter()
        .zip(&shared.answers)
        .filter_map(|(question, answer)| {
            let answer = question.answers.get(usize::from((*answer)?))?;
            Some(format!("* {} {}\n", question.text, answer.text))
        })
        .collect();
    if !answered.is_empty() {
        out.push_str("\nThe weights follow from these answers:\n\n");
        out.push_str(&answered.concat());
    }
    if shared.preset.is_none() && answered.is_empty() {
        out.push_str("\nThe weights were set by hand, with no use case chosen.\n");
    }
}

fn team_context(decision: &Decision, members: &[Member], out: &mut String) {
    let Some(team) = &decision.team else {
        return;
    };
    out.push_str(&format!(
        "\n{} people weighed the criteria separately. {}\n\n| Person | Started from | Their verdict |\n|---|---|---|\n",
        members.len(),
        team.combined.method
    ));
    for (person, member) in team.people.iter().zip(members) {
        let answered = member.shared.answers.iter().any(Option::is_some);
        let start = match person.started_from {
            Some(use_case) => use_case,
            None if answered => "the questionnaire",
            None => "their own weights",
        };
        out.push_str(&format!(
            "| {} | {start} | {} |\n",
            markdown_text(&person.name),
            person.headline
        ));
    }
}

fn drivers(matrix: &Matrix, decision: &Decision) -> String {
    let mut heavy: Vec<usize> = (0..matrix.criteria.len())
        .filter(|&c| decision.weights.get(c).is_some_and(|&w| w >= DRIVER_WEIGHT))
        .collect();
    super::sort_by_rank(&mut heavy, |&c| -i64::from(decision.weights[c]));
    let mut out = "## Decision Drivers\n\n".to_string();
    if heavy.is_empty() {
        out.push_str(&format!(
            "No criterion is weighted {DRIVER_WEIGHT} or more; the weights are spread evenly.\n"
        ));
    }
    for c in heavy {
        let spread = match decision.subject {
            Subject::Team(members) => Some(spread(matrix, members, c)),
            Subject::Person(_) => None,
        }
        .filter(|s| s.range > 0)
        .map(|s| format!("; the team's weights range {}", markdown_text(&s.text)))
        .unwrap_or_default();
        out.push_str(&format!(
            "* {} (weight {}{spread})\n",
            matrix.criteria[c].name, decision.weights[c],
        ));
    }
    out
}

fn considered(matrix: &Matrix) -> String {
    let lines: Vec<String> = matrix
        .options
        .iter()
        .map(|o| format!("* {}\n", o.name))
        .collect();
    format!("## Considered Options\n\n{}", lines.concat())
}

fn outcome(matrix: &Matrix, decision: &Decision) -> String {
    let e = &decision.evaluation;
    let totals: Vec<String> = decision
        .recommendation
        .totals
        .iter()
        .map(|t| format!("{} {}", t.name, t.text))
        .collect();
    let chosen = match e.outcome {
        Outcome::NoWeights => "No option is chosen: no criterion is weighted.".to_string(),
        Outcome::Tie => format!("No option is chosen yet: the weights give a dead heat ({}, out of 100).", totals.join(", ")),
        Outcome::Winner { winner, .. } => format!(
            "Chosen option: \"{}\", because it scores highest on these weights ({}, out of 100). {}",
            matrix.options[winner].name,
            totals.join(", "),
            decision.recommendation.margin_text
        ),
    };
    let mut out = format!("## Decision Outcome\n\n{chosen}\n");
    let r = &decision.recommendation;
    if !r.reasons.is_empty() {
        out.push_str(&format!("\n{}:\n\n", r.reasons_heading));
        for reason in &r.reasons {
            out.push_str(&format!("* {}: {}\n", reason.name, reason.text));
        }
    }
    if let Some(counterpoint) = &r.counterpoint {
        out.push_str(&format!("\n{counterpoint}\n"));
    }
    out.push_str(&robustness(decision));
    let i = &decision.insight;
    if !i.what_would_change.is_empty() {
        out.push_str("\n### What would change it\n\n");
        for sentence in &i.what_would_change {
            out.push_str(&format!("* {sentence}\n"));
        }
    }
    if let Some(hybrid) = &i.hybrid {
        out.push_str(&format!("\n{hybrid}\n"));
    }
    out
}

fn robustness(decision: &Decision) -> String {
    let i = &decision.insight;
    let mut paragraphs: Vec<String> = Vec::new();
    paragraphs.extend(i.robustness.clone());
    paragraphs.extend(i.deciders.clone());
    if let Some(team) = &decision.team {
        if let Some(check) = &team.leave_one_out {
            paragraphs.push(check.summary.clone());
            let without: Vec<String> = check
                .without
                .iter()
                .map(|w| format!("* {}", markdown_text(w)))
                .collect();
            paragraphs.push(without.join("\n"));
        }
        paragraphs.extend(team.combined.median.as_ref().map(|(_, text)| text.clone()));
    }
    if paragraphs.is_empty() {
        return String::new();
    }
    format!("\n### Robustness\n\n{}\n", paragraphs.join("\n\n"))
}

fn pros_and_cons(
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
    super::sort_by_rank(&mut order, |&c| -impact(c));
    for (o, option) in matrix.options.iter().enumerate() {
        out.push_str(&format!("\n### {}\n\n", option.name));
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
                criterion.name, weights[c]
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
fn rationale(evidence: Option<&ScoreEvidence>, cited: &mut Vec<usize>) -> String {
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
        markdown_text(&evidence.rationale),
        numbers.join(", ")
    )
}

fn more_information(
    matrix: &Matrix,
    link: &str,
    evidence: Option<&Evidence>,
    cited: &[usize],
) -> String {
    let mut out = format!(
        "## More Information\n\n* This decision in stackweigh, with every weight as decided: <{link}>\n* The scores were last reviewed on {}. {}\n",
        matrix.reviewed, matrix.scale
    );
    match evidence {
        Some(evidence) if !cited.is_empty() => {
            out.push_str("\n### Sources\n\n");
            for (number, &s) in cited.iter().enumerate() {
                let source = &evidence.sources[s];
                let url = source.url.as_ref().map(|u| format!(": <{u}>")).unwrap_or_default();
                out.push_str(&format!(
                    "{}. {}, {}{url}\n",
                    number + 1,
                    markdown_text(&source.citation),
                    source.kind
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

/// Text that came from a person or a data file, with Markdown's special
/// characters escaped so it prints as typed.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // An underscore inside a word (worker_threads) is never emphasis.
        let inside_word = c == '_'
            && previous.is_alphanumeric()
            && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '|') && !inside_word {
            out.push('\\');
        }
        out.push(c);
        previous = c;
    }
    out
}

/// `["A", "B", "C"]` → `"A, B and C"`.
fn and_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixture::TEST_MATRIX as M;

    fn shared(weights: &[u8]) -> Shared {
        Shared::with_weights(weights.to_vec())
    }

    const SECTIONS: [&str; 6] = [
        "## Context and Problem Statement",
        "## Decision Drivers",
        "## Considered Options",
        "## Decision Outcome",
        "## Pros and Cons of the Options",
        "## More Information",
    ];

    #[test]
    fn the_record_follows_the_madr_layout_and_links_back() {
        let me = shared(&[10, 2, 5]);
        let text = record(&M, Subject::Person(&me), "https://x.test/page#old", None);
        assert!(text.starts_with("# Use Alpha for the backend\n"), "{text}");
        let positions: Vec<usize> = SECTIONS.iter().map(|s| text.find(s).expect(s)).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "in MADR order");
        assert!(text.contains("* Speed (weight 10)\n"), "{text}");
        assert!(!text.contains("* Libraries (weight"), "5 is not a driver");
        assert!(text.contains("Chosen option: \"Alpha\""), "{text}");
        assert!(text.contains("<https://x.test/page#v=1&w=a25>"), "{text}");
        assert!(text.contains("The weights were set by hand"), "{text}");
        assert!(text.contains("* Good, because of Speed: 9/10 against 5/10 (weight 10).\n"));
        // Each option's side: Beta's good point is Ease, its bad one Speed.
        assert!(text.contains("* Good, because of Ease: 8/10 against 4/10 (weight 2).\n"));
        assert!(text.contains("* Bad, because of Speed: 5/10 against 9/10 (weight 10).\n"));
    }

    #[test]
    fn without_the_payload_it_says_where_the_rationales_are() {
        let me = shared(&[10, 2, 5]);
        let text = record(&M, Subject::Person(&me), "https://x.test/", None);
        assert!(text.contains("under each criterion's “Why?”"), "{text}");
        assert!(!text.contains("### Sources"));
    }

    #[test]
    fn a_tie_or_no_weights_chooses_nothing() {
        let tie = record(&M, Subject::Person(&shared(&[1, 1, 1])), "p", None);
        assert!(
            tie.starts_with("# Alpha or Beta for the backend: not decided yet"),
            "{tie}"
        );
        assert!(
            tie.contains("No option is chosen yet: the weights give a dead heat"),
            "{tie}"
        );
        let none = record(&M, Subject::Person(&shared(&[0, 0, 0])), "p", None);
        assert!(
            none.contains("No option is chosen: no criterion is weighted."),
            "{none}"
        );
        assert!(
            none.contains("No criterion is weighted 7 or more"),
            "{none}"
        );
    }

    #[test]
    fn answers_and_names_are_written_as_given_but_never_as_markdown() {
        let mut me = shared(&[10, 2, 5]);
        me.answers[1] = Some(0);
        let text = record(&M, Subject::Person(&me), "p", None);
        assert!(
            text.contains(&format!("* {} Yes, it is central\n", QUESTIONS[1].text)),
            "{text}"
        );
        let team = [
            Member {
                name: "*Ana* | x".into(),
                shared: shared(&[10, 2, 5]),
            },
            Member {
                name: "Ben_".into(),
                shared: shared(&[8, 8, 0]),
            },
        ];
        let text = record(&M, Subject::Team(&team), "p", None);
        assert!(
            text.contains("| \\*Ana\\* \\| x | their own weights |"),
            "{text}"
        );
        assert!(
            text.contains("Decided by: \\*Ana\\* \\| x and Ben\\_."),
            "{text}"
        );
        assert_eq!(
            markdown_text("worker_threads _x_"),
            "worker_threads \\_x\\_"
        );
    }

    #[test]
    fn the_printed_sources_are_those_of_the_deciding_criteria() {
        use crate::core::{DETAILS_PAYLOAD, MATRIX};
        let evidence = Evidence::parse(&MATRIX, DETAILS_PAYLOAD).expect("payload");
        let chat = MATRIX.preset("realtime_chat").expect("preset").weights;
        let sources = deciding_sources(&MATRIX, chat, &evidence);
        let citations: Vec<&str> = sources.iter().map(|s| s.citation.as_str()).collect();
        assert!(
            citations.contains(&"OpenJS Foundation, “About Node.js” (2026)"),
            "{citations:?}"
        );
        assert!(
            (3..=12).contains(&sources.len()),
            "short enough to print: {citations:?}"
        );
        assert!(
            citations
                .iter()
                .enumerate()
                .all(|(i, c)| !citations[..i].contains(c)),
            "each once"
        );
        assert!(deciding_sources(&MATRIX, &vec![0; MATRIX.criteria.len()], &evidence).is_empty());
    }
}
