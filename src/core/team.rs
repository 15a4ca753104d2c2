//! "Compare with your team": everyone's verdict, the team's, where the team
//! disagrees, and whether one person alone decides it. All worded here.
//!
//! The team's weights are the mean of everyone's, per criterion, rounded to
//! a whole slider step with halves rounded up (6.5 → 7), so the team's
//! weighting is one the sliders can show and a link can carry. The median
//! (for an even team, the mean of the middle two, halves up) is shown beside
//! it when it gives different weights. Disagreement is the range of a
//! criterion's weights (highest minus lowest).

use super::matrix::Matrix;
use super::recommendation::{recommendation_for, Recommendation, Verdict};
use super::score::{evaluate, Outcome};
use super::share::team_link::{check_name, check_team};
use super::share::{read_link, DecodeError, Link, Member};

/// The team view's fixed wording.
pub const TITLE: &str = "Compare with your team";
pub const PASTE_HINT: &str = "Paste your teammates' links, one per line, each after a short name (“Ana https://…”). A team link adds everyone it carries.";
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
    pub verdict: Verdict,
    /// The option this person's weights favour, if any.
    pub winner: Option<usize>,
    /// e.g. `"Node.js leads, by 4.2 points"`.
    pub headline: String,
    pub margin_tenths: i32,
    /// The row in one line, e.g. `"Ana (from Real-time chat): Node.js leads, by 9.8 points"`.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Combined {
    /// The mean of everyone's weights, rounded (see the module note).
    pub weights: Vec<u8>,
    pub recommendation: Recommendation,
    /// How the team's verdict is reached, in one sentence.
    pub method: String,
    /// The median's weights and verdict, when they differ from the mean's.
    pub median: Option<(Vec<u8>, String)>,
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
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaveOneOut {
    pub robust: bool,
    /// The answer in one sentence.
    pub summary: String,
    /// Per person: the team's verdict without them, e.g.
    /// `"Without Ana: Python leads, by 1.2 points"`.
    pub without: Vec<String>,
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
    let from = started_from
        .map(|p| format!(" (from {p})"))
        .unwrap_or_default();
    PersonLine {
        text: format!("{}{from}: {}", member.name, recommendation.headline),
        name: member.name.clone(),
        started_from,
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
            super::sort_by_rank(&mut column, |&w| i64::from(w));
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
        let text = format!(
            "With the median of the weights instead: {}{}.",
            median.headline,
            if agrees { "" } else { " (a different answer)" }
        );
        (median_weights, text)
    });
    Combined {
        method: format!(
            "The team's verdict weighs each criterion by the mean of the {} weights, rounded to a whole step (halves up).",
            members.len()
        ),
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
    super::sort_by_rank(&mut spreads, |s| -i64::from(s.range));
    spreads.truncate(DISAGREEMENTS_SHOWN);
    spreads
}

/// How far apart the team's weights are on one criterion.
pub fn spread(matrix: &Matrix, members: &[Member], criterion: usize) -> Spread {
    let weights: Vec<u8> = members.iter().map(|m| weight(m, criterion)).collect();
    let lowest = weights.iter().copied().min().unwrap_or(0);
    let highest = weights.iter().copied().max().unwrap_or(0);
    let who = |value: u8| {
        let names: Vec<&str> = members
            .iter()
            .zip(&weights)
            .filter(|(_, &w)| w == value)
            .map(|(m, _)| m.name.as_str())
            .collect();
        names.join(", ")
    };
    Spread {
        criterion,
        name: matrix.criteria[criterion].name,
        text: format!(
            "from {lowest} ({}) to {highest} ({})",
            who(lowest),
            who(highest)
        ),
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
            format!("Without {}: {}", members[left_out].name, verdict.headline)
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

fn robustness_summary(matrix: &Matrix, team: &Recommendation, changed: &[&str]) -> String {
    let answer = match leader(team) {
        (Verdict::Winner, Some(option)) => format!("{} ahead", matrix.options[option].name),
        (Verdict::Tie, _) => "it a dead heat".to_string(),
        _ => "it undecided".to_string(),
    };
    if changed.is_empty() {
        format!("Robust: leaving out any one person's weights keeps {answer}.")
    } else {
        format!(
            "Not robust: leaving out {} changes the team's answer.",
            or_list(changed)
        )
    }
}

/// `["A"]` → `"A"`, `["A", "B"]` → `"A or B"`, `["A", "B", "C"]` → `"A, B or C"`.
fn or_list(names: &[&str]) -> String {
    match names.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Adds what one pasted link holds: one person, called `name`, or every
/// person of a team link (whose names it carries; `name` is then unused).
/// All or nothing: on an error the team is unchanged. Returns how many
/// people were added.
pub fn add_link(
    matrix: &Matrix,
    members: &mut Vec<Member>,
    name: &str,
    text: &str,
) -> Result<usize, DecodeError> {
    let incoming = match read_link(matrix, text)? {
        Link::Single(shared) => {
            let name = check_name(name).map_err(DecodeError::Team)?;
            vec![Member { name, shared }]
        }
        Link::Team(team) => team,
    };
    let mut grown = members.clone();
    grown.extend(incoming);
    check_team(&grown).map_err(DecodeError::Team)?;
    let added = grown.len() - members.len();
    *members = grown;
    Ok(added)
}

/// Adds every line of a paste: `Name link`, `Name: link`, or a team link
/// alone. Good lines are added even when others are not; each bad line is
/// returned with its 1-based number and why.
pub fn add_pasted(
    matrix: &Matrix,
    members: &mut Vec<Member>,
    text: &str,
) -> Vec<(usize, DecodeError)> {
    let mut problems = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (name, link) = match line.rsplit_once(char::is_whitespace) {
            Some((name, link)) => (name.trim_end().trim_end_matches([':', '-', '–']), link),
            None => ("", line),
        };
        if let Err(error) = add_link(matrix, members, name, link) {
            problems.push((number + 1, error));
        }
    }
    problems
}

/// A paste's problem as the team view shows it.
pub fn paste_problem(line: usize, error: &DecodeError) -> String {
    format!("Line {line} was not added: {}.", error.reason())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::fixture::TEST_MATRIX as M;
    use crate::core::share::{encode, encode_team, Shared, TeamProblem, MAX_PEOPLE};

    fn member(name: &str, weights: &[u8]) -> Member {
        Member {
            name: name.into(),
            shared: Shared::with_weights(weights.to_vec()),
        }
    }

    fn link(weights: &[u8]) -> String {
        format!(
            "https://example.org/#{}",
            encode(&M, &member("x", weights).shared)
        )
    }

    #[test]
    fn means_and_medians_round_halves_up() {
        assert_eq!(rounded_mean(7, 2), 4);
        assert_eq!(rounded_mean(5, 3), 2);
        assert_eq!(rounded_mean(4, 3), 1);
        let team = [
            member("A", &[2, 0, 9]),
            member("B", &[3, 1, 9]),
            member("C", &[8, 0, 9]),
            member("D", &[9, 0, 8]),
        ];
        assert_eq!(mean_weights(&M, &team), vec![6, 0, 9]); // 5.5 → 6, 0.25 → 0, 8.75 → 9
        assert_eq!(median_weights(&M, &team), vec![6, 0, 9]); // (3 + 8) / 2 = 5.5 → 6
        let odd = [
            member("A", &[0, 0, 0]),
            member("B", &[1, 10, 0]),
            member("C", &[10, 10, 0]),
        ];
        assert_eq!(mean_weights(&M, &odd), vec![4, 7, 0]);
        assert_eq!(median_weights(&M, &odd), vec![1, 10, 0]);
    }

    #[test]
    fn everyone_gets_a_verdict_and_the_team_one_from_the_mean() {
        let team = [member("Ana", &[10, 2, 5]), member("Ben", &[1, 10, 5])];
        let view = team_view(&M, &team).expect("a team");
        assert_eq!(view.people[0].headline, "Alpha leads, by 18.8 points");
        assert_eq!(view.people[0].winner, Some(0));
        assert_eq!(view.people[0].text, "Ana: Alpha leads, by 18.8 points");
        assert_eq!(view.people[1].winner, Some(1));
        assert_eq!(view.combined.weights, vec![6, 6, 5]); // 5.5 → 6 twice
        assert_eq!(view.combined.recommendation.verdict, Verdict::Tie);
        assert!(
            view.combined.method.contains("mean of the 2 weights"),
            "{}",
            view.combined.method
        );
        assert_eq!(view.combined.median, None, "two people: median = mean");
    }

    #[test]
    fn the_median_is_shown_beside_the_mean_when_it_differs() {
        let team = [
            member("A", &[0, 0, 0]),
            member("B", &[1, 10, 0]),
            member("C", &[10, 10, 0]),
        ];
        let view = team_view(&M, &team).expect("a team");
        // Mean [4, 7, 0]: Alpha 36 + 28 = 64 vs Beta 20 + 56 = 76, over 11 weight.
        assert_eq!(
            view.combined.recommendation.headline,
            "Beta leads, by 10.9 points"
        );
        let (weights, text) = view.combined.median.expect("the median differs");
        assert_eq!(weights, vec![1, 10, 0]);
        assert_eq!(
            text,
            "With the median of the weights instead: Beta leads, by 32.7 points."
        );
    }

    #[test]
    fn disagreements_are_the_widest_ranges_with_who_is_at_each_end() {
        let team = [
            member("Ana", &[10, 2, 5]),
            member("Ben", &[1, 10, 5]),
            member("Cy", &[1, 6, 5]),
        ];
        let view = team_view(&M, &team).expect("a team");
        let names: Vec<_> = view.disagreements.iter().map(|s| s.name).collect();
        assert_eq!(names, vec!["Speed", "Ease"], "Libraries: everyone agrees");
        assert_eq!(view.disagreements[0].range, 9);
        assert_eq!(view.disagreements[0].weights, vec![10, 1, 1]);
        assert_eq!(view.disagreements[0].text, "from 1 (Ben, Cy) to 10 (Ana)");
        assert_eq!(view.disagreements[1].text, "from 2 (Ana) to 10 (Ben)");
    }

    #[test]
    fn leave_one_out_names_who_alone_decides_it() {
        // Mean [7, 3, 0] favours Alpha; without Ana or Cy it is a dead heat.
        let team = [
            member("Ana", &[10, 0, 0]),
            member("Ben", &[0, 10, 0]),
            member("Cy", &[10, 0, 0]),
        ];
        let view = team_view(&M, &team).expect("a team");
        let check = view.leave_one_out.expect("three people");
        assert!(!check.robust);
        assert_eq!(
            check.summary,
            "Not robust: leaving out Ana or Cy changes the team's answer."
        );
        assert!(
            check.without[0].starts_with("Without Ana: A dead heat"),
            "{:?}",
            check.without
        );

        let steady = [
            member("Ana", &[10, 2, 5]),
            member("Ben", &[9, 3, 5]),
            member("Cy", &[8, 8, 0]),
        ];
        let check = team_view(&M, &steady)
            .and_then(|v| v.leave_one_out)
            .expect("three people");
        assert!(check.robust);
        assert_eq!(
            check.summary,
            "Robust: leaving out any one person's weights keeps Alpha ahead."
        );
        assert_eq!(check.without.len(), 3);
    }

    #[test]
    fn a_team_of_one_has_nobody_to_leave_out_and_no_team_is_no_view() {
        let view = team_view(&M, &[member("Ana", &[1, 2, 3])]).expect("one person");
        assert_eq!(view.leave_one_out, None);
        assert_eq!(team_view(&M, &[]), None);
    }

    #[test]
    fn adding_a_link_is_all_or_nothing() {
        let mut team = vec![member("Ana", &[10, 2, 5])];
        assert_eq!(add_link(&M, &mut team, " Ben ", &link(&[1, 10, 5])), Ok(1));
        assert_eq!(team[1].name, "Ben");
        let before = team.clone();
        let refused = [
            (
                "ana",
                link(&[1, 1, 1]),
                DecodeError::Team(TeamProblem::DuplicateName("ana".into())),
            ),
            (
                "",
                link(&[1, 1, 1]),
                DecodeError::Team(TeamProblem::MissingName),
            ),
            (
                "Cy",
                "https://example.org/other#/route".into(),
                DecodeError::NoVersion,
            ),
            ("Cy", "v=9&w=111".into(), DecodeError::NewerVersion(9)),
        ];
        for (name, text, error) in refused {
            assert_eq!(add_link(&M, &mut team, name, &text), Err(error));
            assert_eq!(team, before, "nothing of the rest is lost");
        }
    }

    #[test]
    fn a_team_link_adds_everyone_but_never_a_thirteenth() {
        let ten: Vec<Member> = (0..10)
            .map(|i| member(&format!("P{i}"), &[i, 1, 1]))
            .collect();
        let mut team = vec![member("Ana", &[1, 1, 1])];
        let text = encode_team(&M, &ten);
        assert_eq!(add_link(&M, &mut team, "ignored", &text), Ok(10));
        assert_eq!(team.len(), 11);
        let more = encode_team(&M, &[member("X", &[1, 1, 1]), member("Y", &[1, 1, 1])]);
        let error = add_link(&M, &mut team, "", &more);
        assert_eq!(
            error,
            Err(DecodeError::Team(TeamProblem::TooManyPeople(
                MAX_PEOPLE + 1
            )))
        );
        assert_eq!(team.len(), 11);
        assert_eq!(add_link(&M, &mut team, "Zed", &link(&[1, 1, 1])), Ok(1));
        let full = add_link(&M, &mut team, "Extra", &link(&[1, 1, 1]));
        assert_eq!(
            full.map_err(|e| e.reason()),
            Err("that makes 13 people, and a team can have at most 12".to_string())
        );
    }

    #[test]
    fn a_paste_of_several_lines_adds_the_good_ones_and_says_which_were_not() {
        let mut team = Vec::new();
        let paste = format!(
            "Ana: {}\n\n  Ben {}\nCy https://example.org/#v=1&w=12\nAna - {}\n",
            link(&[10, 2, 5]),
            link(&[1, 10, 5]),
            link(&[3, 3, 3])
        );
        let problems = add_pasted(&M, &mut team, &paste);
        let names: Vec<_> = team.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, vec!["Ana", "Ben"]);
        let words: Vec<String> = problems.iter().map(|(n, e)| paste_problem(*n, e)).collect();
        assert_eq!(
            words,
            vec![
                "Line 4 was not added: it has 2 weights where this version has 3 criteria.",
                "Line 5 was not added: the name “Ana” is used twice; give each person a different name.",
            ]
        );
    }
}
