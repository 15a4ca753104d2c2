use super::*;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[ -~]{0,12}",
        "\\PC{0,12}",
        Just("<img src=x onerror=alert(1)>".to_string()),
    ]
}

fn any_request() -> impl Strategy<Value = Request> {
    prop_oneof![
        (text(), text(), proptest::option::of(text()))
            .prop_map(|(team, add, remove)| Request::Team { team, add, remove }),
        (text(), text(), text()).prop_map(|(subject, address, details)| Request::Record {
            subject,
            address,
            details
        }),
        (text(), text()).prop_map(|(subject, details)| Request::Print { subject, details }),
        Just(Request::Methodology),
        (
            prop_oneof![
                Just(Export::Markdown),
                Just(Export::Chart),
                Just(Export::Snippets)
            ],
            text(),
            text(),
            text()
        )
            .prop_map(|(what, subject, address, criteria)| Request::Export {
                what,
                subject,
                address,
                criteria
            }),
    ]
}

fn any_wire_error() -> impl Strategy<Value = WireError> {
    prop_oneof![
        Just(WireError::Empty),
        text().prop_map(WireError::UnknownKind),
        (text(), 0usize..20).prop_map(|(kind, found)| WireError::WrongLength { kind, found }),
        text().prop_map(WireError::NotAFlag),
    ]
}

fn any_answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        Just(Answer::Ready),
        (
            text(),
            any::<bool>(),
            proptest::collection::vec(text(), 0..13),
            text()
        )
            .prop_map(|(link, added_all, people, html)| Answer::Team(TeamReport {
                link,
                added_all,
                people,
                html
            })),
        text().prop_map(Answer::Record),
        text().prop_map(Answer::Print),
        text().prop_map(Answer::Methodology),
        text().prop_map(Answer::Markdown),
        text().prop_map(Answer::Chart),
        (text(), text()).prop_map(|(loader, iframe)| Answer::Snippets { loader, iframe }),
        any_wire_error().prop_map(Answer::Unreadable),
    ]
}

proptest! {
    #[test]
    fn every_request_reads_back_as_sent(request in any_request()) {
        prop_assert_eq!(Request::decode(&request.encode()), Ok(request));
    }

    #[test]
    fn every_answer_reads_back_as_sent(answer in any_answer()) {
        prop_assert_eq!(Answer::decode(&answer.encode()), Ok(answer));
    }

    #[test]
    fn any_list_of_strings_is_read_or_refused_without_panicking(
        message in proptest::collection::vec(text(), 0..8)
    ) {
        let _ = Request::decode(&message);
        let _ = Answer::decode(&message);
    }
}

#[test]
fn a_message_with_a_missing_field_is_refused_not_padded() {
    let short = vec!["record".to_string(), "v=1&w=5".to_string()];
    assert_eq!(
        Request::decode(&short),
        Err(WireError::WrongLength {
            kind: "record".into(),
            found: 1
        })
    );
}

#[test]
fn an_empty_or_unknown_message_says_so() {
    assert_eq!(Request::decode(&[]), Err(WireError::Empty));
    assert_eq!(
        Answer::decode(&["shrug".to_string()]),
        Err(WireError::UnknownKind("shrug".into()))
    );
}

#[test]
fn a_team_answer_refuses_a_flag_that_is_not_one_or_zero() {
    let message = ["team", "t=1", "yes", "<p></p>"].map(String::from);
    assert_eq!(
        Answer::decode(&message),
        Err(WireError::NotAFlag("yes".into()))
    );
}

#[test]
fn an_export_of_an_unknown_kind_is_refused() {
    let message = ["export", "pdf", "v=1", "https://example.org/", ""].map(String::from);
    assert_eq!(
        Request::decode(&message),
        Err(WireError::UnknownKind("export pdf".into()))
    );
}
