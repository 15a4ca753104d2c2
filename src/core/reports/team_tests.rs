use super::*;
use crate::core::engine::fixture::TEST_MATRIX as M;
use crate::core::engine::share::{
    encode, encode_team, DecodeError, Reason, Shared, TeamError, TeamProblem, MAX_PEOPLE,
};
use crate::core::reports::text::Part;

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
    assert_eq!(view.people[1].winner, Some(1));
    assert_eq!(view.combined.weights, vec![6, 6, 5]); // 5.5 → 6 twice
    assert_eq!(view.combined.recommendation.verdict, Verdict::Tie);
    assert!(
        view.combined
            .method
            .plain()
            .contains("mean of the 2 weights"),
        "{:?}",
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
        text.plain(),
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
    let text = |s: &Spread| s.text.plain();
    assert_eq!(text(&view.disagreements[0]), "from 1 (Ben, Cy) to 10 (Ana)");
    assert_eq!(text(&view.disagreements[1]), "from 2 (Ana) to 10 (Ben)");
    let ends = view.disagreements[0].text.parts();
    let names: Vec<&Part> = ends
        .iter()
        .filter(|p| matches!(p, Part::Theirs(_)))
        .collect();
    assert_eq!(
        names,
        [
            &Part::Theirs("Ben".into()),
            &Part::Theirs("Cy".into()),
            &Part::Theirs("Ana".into())
        ],
        "each name is its own part, others' text"
    );
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
        check.summary.plain(),
        "Not robust: leaving out Ana or Cy changes the team's answer."
    );
    assert!(
        check.without[0]
            .plain()
            .starts_with("Without Ana: A dead heat"),
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
        check.summary.plain(),
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
            TeamError::Team(TeamProblem::DuplicateName("ana".into())),
        ),
        (
            "",
            link(&[1, 1, 1]),
            TeamError::Team(TeamProblem::MissingName),
        ),
        (
            "Cy",
            "https://example.org/other#/route".into(),
            TeamError::Link(DecodeError::NoVersion),
        ),
        (
            "Cy",
            "v=9&w=111".into(),
            TeamError::Link(DecodeError::NewerVersion(9)),
        ),
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
        Err(TeamError::Team(TeamProblem::TooManyPeople(MAX_PEOPLE + 1)))
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
    let words: Vec<String> = (problems.iter())
        .map(|(n, e)| paste_problem(*n, e).plain())
        .collect();
    assert_eq!(
        words,
        vec![
            "Line 4 was not added: it has 2 weights where this version has 3 criteria.",
            "Line 5 was not added: the name “Ana” is used twice; give each person a different name.",
        ]
    );
}
