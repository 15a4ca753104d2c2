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

#[test]
fn a_paste_builds_a_team_link_that_restores_the_same_view() {
    let paste = format!("Ana {}\nBen: {}", link(&[9, 0, 9]), link(&[1, 5, 9]));
    let first = ask(&[TEAM, "", &paste, ""]);
    assert_eq!(first[0], TEAM);
    assert!(first[1].starts_with("t=1&n=Ana&"), "{}", first[1]);
    assert_eq!(first[2], "");
    assert!(first[3].contains("Ana") && first[3].contains("Ben"));
    let again = ask(&[TEAM, &format!("#{}", first[1]), "", ""]);
    assert_eq!(again, first);
}

#[test]
fn bad_lines_are_reported_and_good_ones_kept() {
    let paste = format!(
        "Ana {}\nAna {}\nCal https://example.org/#garbage",
        link(&[9, 0, 9]),
        link(&[1, 1, 1])
    );
    let answer = ask(&[TEAM, "", &paste, ""]);
    let problems: Vec<&str> = answer[2].lines().collect();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("Line 2 was not added"));
    assert!(problems[1].starts_with("Line 3 was not added"));
    assert!(answer[1].contains("n=Ana") && !answer[1].contains("n=Cal"));
}

#[test]
fn a_garbled_team_link_is_said_and_the_paste_still_counts() {
    let answer = ask(&[TEAM, "t=9&n=x", &format!("Ana {}", link(&[2, 2, 2])), ""]);
    assert!(answer[2].starts_with("The team link could not be read: "));
    assert!(answer[1].contains("n=Ana"));
}

#[test]
fn removing_a_person_redraws_without_them() {
    let paste = format!("Ana {}\nBen {}", link(&[9, 0, 9]), link(&[1, 5, 9]));
    let team = ask(&[TEAM, "", &paste, ""]);
    let without = ask(&[TEAM, &team[1], "", "Ana"]);
    assert!(!without[1].contains("n=Ana") && without[1].contains("n=Ben"));
    let nobody = ask(&[TEAM, &without[1], "", "Ben"]);
    assert_eq!(nobody[1], "");
    assert_eq!(nobody[3], "");
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
