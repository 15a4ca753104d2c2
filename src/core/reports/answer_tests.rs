use super::*;
use crate::core::engine::fixture::TEST_MATRIX as M;
use crate::core::engine::share::{encode, Shared, MAX_PASTE_BYTES};
use crate::core::reports::text::escape;

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

#[test]
fn an_address_bar_team_link_over_4_kib_is_refused_with_a_message() {
    let long = format!("#t=1&n=Ana&w=5{}", "5".repeat(5_000));
    let report = team_from(&long, "", None);
    let expected = format!(
        "The team link could not be read: it is {} characters long, more than the 4096 a real one needs.",
        long.len() - 1
    );
    assert!(report.html.contains(&expected), "{}", report.html);
    assert!(report.people.is_empty() && report.link.is_empty());
}

#[test]
fn a_paste_over_64_kib_is_refused_unread() {
    // 100,000 bad lines: nothing of it is read, and the report stays one line.
    let paste = "x\n".repeat(100_000);
    let report = team_from("", &paste, None);
    assert!(
        report.html.contains(
            "That paste is 196 KiB; the team view reads at most 64 KiB at a time. Paste fewer links."
        ),
        "{}",
        report.html
    );
    assert_eq!(report.html.matches("<p>").count(), 1);
    assert!(!report.added_all);
}

#[test]
fn at_most_ten_problems_are_listed_then_how_many_more() {
    let lines = MAX_PASTE_BYTES / 2;
    let paste = "x\n".repeat(lines);
    let report = team_from("", &paste, None);
    assert_eq!(
        report.html.matches("was not added").count(),
        PROBLEMS_SHOWN,
        "{}",
        &report.html[..400]
    );
    assert!(report.html.contains("<p>Line 10 was not added"));
    assert!(
        report.html.contains("<p>And 32,758 more problems.</p>"),
        "{}",
        report.html
    );
    assert!(report.html.len() < 2_000, "{} bytes", report.html.len());
}

#[test]
fn hostile_names_are_text_in_the_team_report() {
    let names = ["<img src=x", "\"><b>", "[a](//x.co)", "a@x.co", "~~s~~"];
    let paste: Vec<String> = (names.iter().enumerate())
        .map(|(i, name)| format!("{name} {}", link(&[i as u8, 5, 9])))
        .collect();
    let report = team_from("", &paste.join("\n"), None);
    assert_eq!(report.people, names, "{}", report.html);
    assert!(!report.html.contains("<img") && !report.html.contains("<b>"));
    for name in names {
        let isolated = format!("<bdi>{}</bdi>", escape(name));
        assert!(report.html.contains(&isolated), "{isolated}");
    }
}

#[test]
fn a_name_with_a_hidden_character_is_refused_with_its_own_message() {
    let paste = format!(
        "Ana\u{202e}x {}\nBen\u{200b} {}",
        link(&[1, 2, 3]),
        link(&[3, 2, 1])
    );
    let report = team_from("", &paste, None);
    assert!(report.people.is_empty());
    for line in [
        "Line 1 was not added: the name “<bdi>Anax</bdi>” holds U+202E, an invisible mark that changes the direction of the text around it; type the name again without it.",
        "Line 2 was not added: the name “<bdi>Ben</bdi>” holds U+200B, an invisible formatting character; type the name again without it.",
    ] {
        assert!(report.html.contains(line), "{}", report.html);
    }
    assert!(!report.html.contains(['\u{202e}', '\u{200b}']));
}
