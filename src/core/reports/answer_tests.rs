use super::*;
use crate::core::engine::fixture::TEST_MATRIX as M;
use crate::core::engine::share::{encode, Shared};

fn link(weights: &[u8]) -> String {
    format!(
        "https://example.org/#{}",
        encode(&M, &Shared::with_weights(weights.to_vec()))
    )
}

fn team_from(team: &str, add: &str, remove: Option<&str>) -> TeamReport {
    let request = Request::Team {
        team: team.into(),
        add: add.into(),
        remove: remove.map(String::from),
    };
    match answer(&M, &request) {
        Answer::Team(report) => report,
        other => panic!("a team request answered {other:?}"),
    }
}

#[test]
fn a_paste_builds_a_team_link_that_restores_the_same_view() {
    let paste = format!("Ana {}\nBen: {}", link(&[9, 0, 9]), link(&[1, 5, 9]));
    let first = team_from("", &paste, None);
    assert!(first.link.starts_with("t=1&n=Ana&"), "{}", first.link);
    assert_eq!(first.people, ["Ana", "Ben"]);
    assert!(first.added_all, "every line went in");
    assert!(first.html.contains("Ana") && first.html.contains("Ben"));
    assert!(!first.html.contains("role=\"alert\""));
    let again = team_from(&first.link, "", None);
    assert_eq!(again.html, first.html);
    assert_eq!(again.link, first.link);
    assert!(!again.added_all, "nothing was pasted this time");
}

#[test]
fn bad_lines_are_reported_and_good_ones_kept() {
    let paste = format!(
        "Ana {}\nAna {}\nCal https://example.org/#garbage",
        link(&[9, 0, 9]),
        link(&[1, 1, 1])
    );
    let report = team_from("", &paste, None);
    assert_eq!(
        report.html.matches("was not added").count(),
        2,
        "{}",
        report.html
    );
    assert!(
        report.html.contains("Line 2 was not added")
            && report.html.contains("Line 3 was not added")
    );
    assert!(report.html.contains("role=\"alert\""));
    assert!(!report.added_all, "the paste box keeps the lines to fix");
    assert_eq!(report.people, ["Ana"]);
}

#[test]
fn a_garbled_team_link_is_said_and_the_paste_still_counts() {
    let report = team_from("t=9&n=x", &format!("Ana {}", link(&[2, 2, 2])), None);
    assert!(report.html.contains("The team link could not be read: "));
    assert!(report.link.contains("n=Ana"));
}

#[test]
fn a_team_link_over_its_length_limit_is_refused_wherever_it_comes_from() {
    let long = format!("t=1&n=Ana&w=5{}", "5".repeat(5_000));
    let report = team_from(&long, "", None);
    assert!(
        report.html.contains("The team link could not be read: "),
        "{}",
        report.html
    );
    assert!(report.people.is_empty());
}

#[test]
fn removing_a_person_redraws_without_them() {
    let paste = format!("Ana {}\nBen {}", link(&[9, 0, 9]), link(&[1, 5, 9]));
    let team = team_from("", &paste, None);
    let without = team_from(&team.link, "", Some("Ana"));
    assert_eq!(without.people, ["Ben"]);
    let nobody = team_from(&without.link, "", Some("Ben"));
    assert_eq!(nobody.link, "");
    assert!(nobody.people.is_empty());
    assert!(
        !nobody.html.contains("Team comparison"),
        "no team, no report"
    );
}

#[test]
fn records_a_person_and_a_team() {
    let record = |subject: String| match answer(
        &M,
        &Request::Record {
            subject,
            address: "https://example.org/".into(),
            details: String::new(),
        },
    ) {
        Answer::Record(text) => text,
        other => panic!("{other:?}"),
    };
    let person = record(link(&[9, 0, 9]).replace("https://example.org/#", ""));
    assert!(person.starts_with("# "), "{person}");
    let paste = format!("Ana {}\nBen {}", link(&[9, 0, 9]), link(&[1, 5, 9]));
    let team = team_from("", &paste, None);
    let text = record(team.link);
    assert!(text.contains("Ana") && text.contains("Ben"));
}

#[test]
fn print_answers_the_appendix_for_the_link_given() {
    let print = |subject: &str| match answer(
        &M,
        &Request::Print {
            subject: subject.into(),
            details: String::new(),
        },
    ) {
        Answer::Print(html) => html,
        other => panic!("{other:?}"),
    };
    let hash = link(&[10, 2, 5]).replace("https://example.org/#", "");
    let html = print(&hash);
    assert!(html.contains("<td>+23.5 for Alpha</td>"), "{html}");
    assert!(!print("").is_empty(), "no link: the default weights");
}

#[test]
fn methodology_is_answered_as_html() {
    let Answer::Methodology(html) = answer(&M, &Request::Methodology) else {
        panic!("not the note");
    };
    assert!(
        html.starts_with("<dl>") && html.contains("The presets"),
        "{html}"
    );
}
