use super::*;
use crate::core::fixture::TEST_MATRIX as M;
use crate::core::share::encode;

fn link(weights: &[u8]) -> String {
    format!(
        "https://example.org/#{}",
        encode(&M, &Shared::with_weights(weights.to_vec()))
    )
}

fn ask(request: &[&str]) -> Vec<String> {
    let request: Vec<String> = request.iter().map(|s| s.to_string()).collect();
    answer(&M, &request)
}

/// A team request as the page sends it: `add` typed into the paste box.
fn team_from(hash: &str, add: &str, remove: &str) -> Vec<String> {
    ask(&[TEAM, hash, add, remove, add, "", "https://example.org/sw/"])
}

#[test]
fn a_paste_builds_a_team_link_that_restores_the_same_view() {
    let paste = format!("Ana {}\nBen: {}", link(&[9, 0, 9]), link(&[1, 5, 9]));
    let first = team_from("", &paste, "");
    assert_eq!(first[0], TEAM);
    assert!(first[1].starts_with("t=1&n=Ana&"), "{}", first[1]);
    let html = &first[2];
    assert!(html.contains("Ana") && html.contains("Ben"));
    assert!(html.contains(&format!(
        "value=\"https://example.org/sw/#{}\"",
        first[1].replace('&', "&amp;")
    )));
    assert!(
        html.contains("></textarea>"),
        "the paste box is emptied once all of it was added"
    );
    assert!(!html.contains("role=\"alert\""));
    let again = team_from(&format!("#{}", first[1]), "", "");
    assert_eq!(again, first);
}

#[test]
fn bad_lines_are_reported_and_good_ones_kept_with_the_paste() {
    let paste = format!(
        "Ana {}\nAna {}\nCal https://example.org/#garbage",
        link(&[9, 0, 9]),
        link(&[1, 1, 1])
    );
    let answer = team_from("", &paste, "");
    let html = &answer[2];
    assert_eq!(html.matches("was not added").count(), 2, "{html}");
    assert!(html.contains("Line 2 was not added") && html.contains("Line 3 was not added"));
    assert!(html.contains("role=\"alert\""));
    assert!(
        html.contains("Cal https://example.org/#garbage</textarea>"),
        "the paste stays to be fixed"
    );
    assert!(answer[1].contains("n=Ana") && !answer[1].contains("n=Cal"));
}

#[test]
fn a_garbled_team_link_is_said_and_the_paste_still_counts() {
    let answer = team_from("t=9&n=x", &format!("Ana {}", link(&[2, 2, 2])), "");
    assert!(answer[2].contains("The team link could not be read: "));
    assert!(answer[1].contains("n=Ana"));
}

#[test]
fn adding_myself_keeps_what_the_paste_box_holds_and_my_name() {
    let answer = ask(&[
        TEAM,
        "",
        &format!("Dee {}", link(&[3, 3, 3])),
        "",
        "half typed",
        "Dee",
        "x",
    ]);
    assert!(answer[1].contains("n=Dee"));
    assert!(answer[2].contains(">half typed</textarea>"));
    assert!(answer[2].contains("value=\"Dee\""));
}

#[test]
fn removing_a_person_redraws_without_them() {
    let paste = format!("Ana {}\nBen {}", link(&[9, 0, 9]), link(&[1, 5, 9]));
    let team = team_from("", &paste, "");
    let without = team_from(&team[1], "", "Ana");
    assert!(!without[1].contains("n=Ana") && without[1].contains("n=Ben"));
    let nobody = team_from(&without[1], "", "Ben");
    assert_eq!(nobody[1], "");
    assert!(
        !nobody[2].contains("Team comparison"),
        "no team, just the form"
    );
    assert!(nobody[2].contains(team_html::PASTE_ID));
}

#[test]
fn records_a_person_and_a_team() {
    let person = ask(&[
        RECORD,
        &link(&[9, 0, 9]).replace("https://example.org/", ""),
        "https://example.org/",
        "",
    ]);
    assert_eq!(person[0], RECORD);
    assert!(person[1].starts_with("# "), "{}", person[1]);
    let team = ask(&[
        TEAM,
        "",
        &format!("Ana {}\nBen {}", link(&[9, 0, 9]), link(&[1, 5, 9])),
        "",
    ]);
    let record = ask(&[RECORD, &team[1], "https://example.org/", ""]);
    assert!(record[1].contains("Ana") && record[1].contains("Ben"));
}

#[test]
fn an_unknown_request_is_an_error_not_a_panic() {
    assert_eq!(ask(&["sing"])[0], ERROR);
    assert_eq!(ask(&[])[0], ERROR);
}

#[test]
fn print_answers_the_appendix_for_the_hash_given() {
    let hash = link(&[10, 2, 5]).replace("https://example.org/", "");
    let answer = ask(&[PRINT, &hash, ""]);
    assert_eq!(answer[0], PRINT);
    assert_eq!(answer.len(), 2);
    assert!(
        answer[1].contains("<td>+23.5 for Alpha</td>"),
        "{}",
        answer[1]
    );
    assert_eq!(ask(&[PRINT])[0], PRINT, "no hash: the default weights");
}
