//! "Compare with your team": everyone's verdict, the team's, where the team
//! disagrees, and whether one person alone decides it. All worded here, as
//! [`Text`]: names stay others' text until a format writes them.
//!
//! The team's weights are the mean of everyone's, per criterion, rounded to
//! a whole slider step with halves rounded up (6.5 → 7), so the team's
//! weighting is one the sliders can show and a link can carry. The median
//! (for an even team, the mean of the middle two, halves up) is shown beside
//! it when it gives different weights. Disagreement is the range of a
//! criterion's weights (highest minus lowest).

use crate::core::engine::matrix::Matrix;
use crate::core::engine::recommendation::{recommendation_for, Recommendation, Verdict};
use crate::core::engine::score::{evaluate, Outcome};
use crate::core::engine::share::team_link::{check_name, check_team};
use crate::core::engine::share::{read_link, Link, Member, TeamError};
use crate::core::reports::text::{names, Text};

/// The team view's fixed wording.
pub const PEOPLE_HEADING: &str = "Each person's verdict";
pub const TEAM_HEADING: &str = "The team's verdict";
pub const LEAVE_ONE_OUT_HEADING: &str = "Does one person decide it?";

/// How many criteria "Where you disagree most" lists.
pub const DISAGREEMENTS_SHOWN: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonLine {
    pub name: String,
    /// The preset this person started from, if any.
    pub started_from: Option<&'static str>,
    /// Where their weights came from, in words: that preset, "the
    /// questionnaire", or "their own weights".
    pub start: &'static str,
    pub verdict: Verdict,
    /// The option this person's weights favour, if any.
    pub winner: Option<usize>,
    /// e.g. `"Node.js leads, by 4.2 points"`.
    pub headline: String,
    pub margin_tenths: i32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Combined {
    /// The mean of everyone's weights, rounded (see the module note).
    pub weights: Vec<u8>,
    pub recommendation: Recommendation,
    /// How the team's verdict is reached, in one sentence.
    pub method: Text,
    /// The median's weights and verdict, when they differ from the mean's.
    pub median: Option<(Vec<u8>, Text)>,
}

/// One criterion's spread of weights across the team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spread {
    pub criterion: usize,
    pub name: &'static str,
    /// Everyone's weight, in team order: the dots of the chart.
    pub weights: Vec<u8>,
    pub lowest: u8,
    pub highest: u8,
    /// `highest − lowest`: the length of the chart's bar.
    pub range: u8,
    /// e.g. `"from 2 (Ben) to 9 (Ana, Chloe)"`.
    pub text: Text,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaveOneOut {
    pub robust: bool,
    /// The answer in one sentence.
    pub summary: Text,
    /// Per person: the team's verdict without them, e.g.
    /// `"Without Ana: Python leads, by 1.2 points"`.
    pub without: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamView {
    pub people: Vec<PersonLine>,
    pub combined: Combined,
    /// The criteria the team disagrees on most, widest range first; only
    /// those where anyone differs.
    pub disagreements: Vec<Spread>,
    /// The chart's heading and caption: what the spread is.
    pub disagreement_heading: String,
    pub disagreement_note: String,
    /// `None` for a team of one: there is nobody to leave out.
    pub leave_one_out: Option<LeaveOneOut>,
}

/// The team view, or `None` for nobody.
pub fn team_view(matrix: &Matrix, members: &[Member]) -> Option<TeamView> {
    if members.is_empty() {
        return None;
    }
    let people = members.iter().map(|m| person_line(matrix, m)).collect();
    let combined = combined(matrix, members);
    Some(TeamView {
        people,
        disagreements: disagreements(matrix, members),
        disagreement_heading: "Where the team disagrees most".into(),
        disagreement_note: "Spread is the highest weight minus the lowest, on the 0–10 sliders."
            .into(),
        leave_one_out: leave_one_out(matrix, members, &combined.recommendation),
        combined,
    })
}

fn person_line(matrix: &Matrix, member: &Member) -> PersonLine {
    let weights = &member.shared.weights;
    let evaluation = evaluate(matrix, weights);
    let recommendation = recommendation_for(matrix, weights, &evaluation);
    let started_from = member
        .shared
        .preset
        .and_then(|p| matrix.presets.get(p))
        .map(|p| p.name);
    let answered = member.shared.answers.iter().any(Option::is_some);
    let start = match started_from {
        Some(use_case) => use_case,
        None if answered => "the questionnaire",
        None => "their own weights",
    };
    PersonLine {
        name: member.name.clone(),
        started_from,
        start,
        verdict: recommendation.verdict,
        winner: winner(evaluation.outcome),
        headline: recommendation.headline,
        margin_tenths: evaluation.margin_tenths(),
    }
}

fn winner(outcome: Outcome) -> Option<usize> {
    match outcome {
        Outcome::Winner { winner, .. } => Some(winner),
        _ => None,
    }
}

/// `sum / count` rounded to a whole number, halves up (all values ≥ 0).
fn rounded_mean(sum: u32, count: u32) -> u8 {
    ((2 * sum + count) / (2 * count.max(1))) as u8
}

/// The mean of everyone's weight on each criterion, rounded halves up.
pub fn mean_weights(matrix: &Matrix, members: &[Member]) -> Vec<u8> {
    (0..matrix.criteria.len())
        .map(|c| {
            let sum: u32 = members.iter().map(|m| u32::from(weight(m, c))).sum();
            rounded_mean(sum, members.len() as u32)
        })
        .collect()
}

/// The median of everyone's weight on each criterion; for an even team the
/// mean of the middle two, halves up.
pub fn median_weights(matrix: &Matrix, members: &[Member]) -> Vec<u8> {
    (0..matrix.criteria.len())
        .map(|c| {
            let mut column: Vec<u8> = members.iter().map(|m| weight(m, c)).collect();
            crate::core::engine::sort_by_rank(&mut column, |&w| i64::from(w));
            let n = column.len();
            if n == 0 {
                return 0;
            }
            let middle = u32::from(column[(n - 1) / 2]) + u32::from(column[n / 2]);
            rounded_mean(middle, 2)
        })
        .collect()
}

fn weight(member: &Member, criterion: usize) -> u8 {
    member.shared.weights.get(criterion).copied().unwrap_or(0)
}

fn combined(matrix: &Matrix, members: &[Member]) -> Combined {
    let weights = mean_weights(matrix, members);
    let recommendation = recommendation_for(matrix, &weights, &evaluate(matrix, &weights));
    let median_weights = median_weights(matrix, members);
    let median = (median_weights != weights).then(|| {
        let median =
            recommendation_for(matrix, &median_weights, &evaluate(matrix, &median_weights));
        let agrees = median.verdict == recommendation.verdict
            && median
                .totals
                .iter()
                .map(|t| t.leads)
                .eq(recommendation.totals.iter().map(|t| t.leads));
        let text = Text::new()
            .ours("With the median of the weights instead: ")
            .data(median.headline)
            .ours(if agrees {
                "."
            } else {
                " (a different answer)."
            });
        (median_weights, text)
    });
    Combined {
        method: Text::new().ours(format!(
            "The team's verdict weighs each criterion by the mean of the {} weights, rounded to a whole step (halves up).",
            members.len()
        )),
        weights,
        recommendation,
        median,
    }
}

fn disagreements(matrix: &Matrix, members: &[Member]) -> Vec<Spread> {
    let mut spreads: Vec<Spread> = (0..matrix.criteria.len())
        .map(|c| spread(matrix, members, c))
        .filter(|s| s.range > 0)
        .collect();
    // Widest first; built in criterion order, which breaks ties.
    crate::core::engine::sort_by_rank(&mut spreads, |s| -i64::from(s.range));
    spreads.truncate(DISAGREEMENTS_SHOWN);
    spreads
}

/// How far apart the team's weights are on one criterion.
pub fn spread(matrix: &Matrix, members: &[Member], criterion: usize) -> Spread {
    let weights: Vec<u8> = members.iter().map(|m| weight(m, criterion)).collect();
    let lowest = weights.iter().copied().min().unwrap_or(0);
    let highest = weights.iter().copied().max().unwrap_or(0);
    let who = |value: u8| {
        let at_value: Vec<&str> = members
            .iter()
            .zip(&weights)
            .filter(|(_, &w)| w == value)
            .map(|(m, _)| m.name.as_str())
            .collect();
        names(&at_value, ", ")
    };
    Spread {
        criterion,
        name: matrix.criteria[criterion].name,
        text: Text::new()
            .ours(format!("from {lowest} ("))
            .then(who(lowest))
            .ours(format!(") to {highest} ("))
            .then(who(highest))
            .ours(")"),
        weights,
        lowest,
        highest,
        range: highest - lowest,
    }
}

fn leave_one_out(
    matrix: &Matrix,
    members: &[Member],
    team: &Recommendation,
) -> Option<LeaveOneOut> {
    if members.len() < 2 {
        return None;
    }
    let team_leader = leader(team);
    let mut changed = Vec::new();
    let without = (0..members.len())
        .map(|left_out| {
            let others: Vec<Member> = members
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != left_out)
                .map(|(_, m)| m.clone())
                .collect();
            let weights = mean_weights(matrix, &others);
            let verdict = recommendation_for(matrix, &weights, &evaluate(matrix, &weights));
            if leader(&verdict) != team_leader {
                changed.push(members[left_out].name.as_str());
            }
            Text::new()
                .ours("Without ")
                .theirs(members[left_out].name.as_str())
                .ours(": ")
                .data(verdict.headline)
        })
        .collect();
    Some(LeaveOneOut {
        robust: changed.is_empty(),
        summary: robustness_summary(matrix, team, &changed),
        without,
    })
}

/// The verdict as (kind, leading option): what leave-one-out compares.
fn leader(recommendation: &Recommendation) -> (Verdict, Option<usize>) {
    let leading = recommendation
        .totals
        .iter()
        .find(|t| t.leads)
        .map(|t| t.option);
    (recommendation.verdict, leading)
}

fn robustness_summary(matrix: &Matrix, team: &Recommendation, changed: &[&str]) -> Text {
    if !changed.is_empty() {
        return Text::new()
            .ours("Not robust: leaving out ")
            .then(names(changed, " or "))
            .ours(" changes the team's answer.");
    }
    let keeps = Text::new().ours("Robust: leaving out any one person's weights keeps ");
    match leader(team) {
        (Verdict::Winner, Some(option)) => keeps.data(matrix.options[option].name).ours(" ahead."),
        (Verdict::Tie, _) => keeps.ours("it a dead heat."),
        _ => keeps.ours("it undecided."),
    }
}

#[path = "team_paste.rs"]
mod paste;
pub use paste::{add_link, add_pasted, paste_problem};

#[cfg(test)]
#[path = "team_tests.rs"]
mod tests;
