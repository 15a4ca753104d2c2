//! "Copy as decision record": the decision as an Architecture Decision
//! Record in the MADR layout (title, context and problem statement, decision
//! drivers, considered options, decision outcome, pros and cons of the
//! options, more information). Markdown that reads as plain text too: each
//! piece of text is written by the Markdown renderer of [`Text`] as it goes
//! in (names as others' text, the data's prose as prose; see
//! `reports::text::markdown`).
//!
//! The reasons, robustness and tipping points come from the same code as
//! the page's (`view`, `explain`, `team`); the rationales and sources from
//! the "Why?" payload, read by [`Evidence`].

mod appendix;
mod evidence;

pub use evidence::{Evidence, ScoreEvidence, Source};

use super::team::{mean_weights, spread, team_view, TeamView};
use super::text::{names, prose, Text};
use crate::core::engine::insight::{insight, Insight};
use crate::core::engine::matrix::Matrix;
use crate::core::engine::questionnaire::QUESTIONS;
use crate::core::engine::recommendation::{recommendation_for, Recommendation};
use crate::core::engine::score::{evaluate, Evaluation, Outcome};
use crate::core::engine::share::{decode_link, encode, encode_team, Link, Member, Shared};
use crate::core::engine::state::State;
pub use appendix::deciding_sources;
use appendix::{more_information, pros_and_cons};

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

/// Whose decision a record or a print is about: the team a team link
/// holds, or one person; a hash that cannot be read gives the default
/// weights, as the page would show them.
pub fn subject_of(matrix: &Matrix, hash: &str) -> Link {
    match decode_link(matrix, hash) {
        Ok(Some(Link::Team(members))) if !members.is_empty() => Link::Team(members),
        Ok(Some(Link::Single(shared))) => Link::Single(shared),
        _ => Link::Single(Shared::of(&State::new(matrix))),
    }
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
        Outcome::Winner { winner, .. } => format!("Use {} for the backend", prose(options[winner])),
        _ => format!(
            "{} for the backend: not decided yet",
            prose(&options.join(" or "))
        ),
    };
    let whose = match (use_case(matrix, decision), decision.subject) {
        (Some(use_case), _) => format!(" ({})", prose(use_case)),
        (None, Subject::Team(members)) => format!(" (team of {})", members.len()),
        (None, Subject::Person(_)) => String::new(),
    };
    let deciders = match decision.subject {
        Subject::Team(members) => {
            let people: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
            let decided = Text::new()
                .ours(" Decided by: ")
                .then(names(&people, " and "));
            decided.ours(".").markdown()
        }
        Subject::Person(_) => String::new(),
    };
    format!(
        "# {what}{whose}\n\nStatus: proposed.{deciders} Made with stackweigh ({}).\n",
        prose(matrix.title)
    )
}

fn context(matrix: &Matrix, decision: &Decision) -> String {
    let options: Vec<&str> = matrix.options.iter().map(|o| o.name).collect();
    let mut out = format!(
        "## Context and Problem Statement\n\nWhich backend technology should we build on: {}? Each option is scored from 1 to 10 on {} criteria, and each criterion is weighted from 0 to 10 for this project.\n",
        prose(&options.join(" or ")),
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
            prose(preset.name),
            prose(preset.summary)
        ));
    }
    let answered: Vec<String> = QUESTIONS
        .iter()
        .zip(&shared.answers)
        .filter_map(|(question, answer)| {
            let answer = question.answers.get(usize::from((*answer)?))?;
            Some(format!(
                "* {} {}\n",
                prose(question.text),
                prose(answer.text)
            ))
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
        team.combined.method.markdown()
    ));
    for person in &team.people {
        let row = Text::new()
            .ours("| ")
            .theirs(person.name.as_str())
            .ours(" | ")
            .data(person.start)
            .ours(" | ")
            .data(person.headline.as_str())
            .ours(" |\n");
        out.push_str(&row.markdown());
    }
}

fn drivers(matrix: &Matrix, decision: &Decision) -> String {
    let mut heavy: Vec<usize> = (0..matrix.criteria.len())
        .filter(|&c| decision.weights.get(c).is_some_and(|&w| w >= DRIVER_WEIGHT))
        .collect();
    crate::core::engine::sort_by_rank(&mut heavy, |&c| -i64::from(decision.weights[c]));
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
        .map(|s| format!("; the team's weights range {}", s.text.markdown()))
        .unwrap_or_default();
        out.push_str(&format!(
            "* {} (weight {}{spread})\n",
            prose(matrix.criteria[c].name),
            decision.weights[c],
        ));
    }
    out
}

fn considered(matrix: &Matrix) -> String {
    let lines: Vec<String> = matrix
        .options
        .iter()
        .map(|o| format!("* {}\n", prose(o.name)))
        .collect();
    format!("## Considered Options\n\n{}", lines.concat())
}

fn outcome(matrix: &Matrix, decision: &Decision) -> String {
    let e = &decision.evaluation;
    let totals: Vec<String> = decision
        .recommendation
        .totals
        .iter()
        .map(|t| format!("{} {}", prose(t.name), prose(&t.text)))
        .collect();
    let chosen = match e.outcome {
        Outcome::NoWeights => "No option is chosen: no criterion is weighted.".to_string(),
        Outcome::Tie => format!("No option is chosen yet: the weights give a dead heat ({}, out of 100).", totals.join(", ")),
        Outcome::Winner { winner, .. } => format!(
            "Chosen option: \"{}\", because it scores highest on these weights ({}, out of 100). {}",
            prose(matrix.options[winner].name),
            totals.join(", "),
            prose(&decision.recommendation.margin_text)
        ),
    };
    let mut out = format!("## Decision Outcome\n\n{chosen}\n");
    let r = &decision.recommendation;
    if !r.reasons.is_empty() {
        out.push_str(&format!("\n{}:\n\n", prose(&r.reasons_heading)));
        for reason in &r.reasons {
            out.push_str(&format!(
                "* {}: {}\n",
                prose(reason.name),
                prose(&reason.text)
            ));
        }
    }
    if let Some(counterpoint) = &r.counterpoint {
        out.push_str(&format!("\n{}\n", prose(counterpoint)));
    }
    out.push_str(&robustness(decision));
    let i = &decision.insight;
    if !i.what_would_change.is_empty() {
        out.push_str("\n### What would change it\n\n");
        for sentence in &i.what_would_change {
            out.push_str(&format!("* {}\n", prose(sentence)));
        }
    }
    if let Some(hybrid) = &i.hybrid {
        out.push_str(&format!("\n{}\n", prose(hybrid)));
    }
    out
}

fn robustness(decision: &Decision) -> String {
    let i = &decision.insight;
    let mut paragraphs: Vec<String> = Vec::new();
    paragraphs.extend(i.robustness.iter().map(|p| prose(p)));
    paragraphs.extend(i.deciders.iter().map(|p| prose(p)));
    if let Some(team) = &decision.team {
        if let Some(check) = &team.leave_one_out {
            paragraphs.push(check.summary.markdown());
            let without: Vec<String> = check
                .without
                .iter()
                .map(|w| format!("* {}", w.markdown()))
                .collect();
            paragraphs.push(without.join("\n"));
        }
        paragraphs.extend(
            team.combined
                .median
                .as_ref()
                .map(|(_, text)| text.markdown()),
        );
    }
    if paragraphs.is_empty() {
        return String::new();
    }
    format!("\n### Robustness\n\n{}\n", paragraphs.join("\n\n"))
}

#[cfg(test)]
mod tests;
