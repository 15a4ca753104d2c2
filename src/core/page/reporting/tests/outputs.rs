use super::*;

#[test]
fn the_paste_box_keeps_its_text_when_a_line_failed_or_the_reader_typed_on() {
    let (mut model, _) = booted("", "");
    team(&mut model, TeamEvent::PasteEdited("Ana x\nBob y".into()));
    team(&mut model, TeamEvent::AddPasted);
    answer(&mut model, report(TEAM_LINK, false, &["Ana"]));
    assert_eq!(teamwork(&model).paste, "Ana x\nBob y");
    team(&mut model, TeamEvent::AddPasted);
    team(
        &mut model,
        TeamEvent::PasteEdited("Ana x\nBob y\nCal".into()),
    );
    answer(&mut model, report(TEAM_LINK, true, &["Ana", "Bob"]));
    assert_eq!(teamwork(&model).paste, "Ana x\nBob y\nCal");
}

#[test]
fn a_record_waits_for_the_why_text_then_asks_the_worker_then_copies() {
    let (mut model, _) = booted("", "");
    let effects = team(
        &mut model,
        TeamEvent::Produce(Output::CopyRecord { team: false }),
    );
    let loads = effects.iter().filter(|e| **e == Effect::LoadDetailsText);
    assert_eq!(loads.count(), 1);
    assert!(asks(&effects).is_empty());
    let effects = update(&MATRIX, &mut model, Event::DetailsArrived(loaded()));
    let record = Request::Record {
        subject: model.link.clone(),
        address: ADDRESS.into(),
        details: payload(),
    };
    assert_eq!(asks(&effects), vec![record]);
    let effects = answer(&mut model, Answer::Record("# D".into()));
    let copy = Effect::CopyText {
        text: "# D".into(),
        what: Copyable::Record,
    };
    assert!(effects.contains(&copy));
    let refused = Event::Copied {
        what: Copyable::Record,
        ok: false,
    };
    let effects = update(&MATRIX, &mut model, refused);
    let save = Effect::SaveText {
        file: RECORD_FILE,
        text: "# D".into(),
    };
    assert!(
        effects.contains(&save),
        "refused by the clipboard, downloaded instead"
    );
    assert!(teamwork(&model)
        .share_status
        .contains("downloading the record instead"));
    assert_eq!(model.ui.share_status, "", "the link's status is untouched");
}

#[test]
fn the_teams_record_is_downloaded_with_the_team_link_as_its_subject() {
    let (mut model, _) = booted("", "");
    model.ui.reports.link = TEAM_LINK.into();
    model.ui.details = loaded();
    let effects = team(
        &mut model,
        TeamEvent::Produce(Output::DownloadRecord { team: true }),
    );
    assert!(matches!(&asks(&effects)[0], Request::Record { subject, .. } if subject == TEAM_LINK));
    let effects = answer(&mut model, Answer::Record("# T".into()));
    let save = Effect::SaveText {
        file: RECORD_FILE,
        text: "# T".into(),
    };
    assert!(effects.contains(&save));
    team(&mut model, TeamEvent::Saved(true));
    let vm = teamwork(&model);
    assert!(vm.message.contains(RECORD_FILE));
    assert_eq!(vm.share_status, "");
}

#[test]
fn print_draws_the_appendix_then_opens_the_print_dialog() {
    let (mut model, _) = booted("", "");
    model.ui.details = loaded();
    let effects = team(&mut model, TeamEvent::Produce(Output::Print));
    assert!(matches!(asks(&effects)[0], Request::Print { .. }));
    let effects = answer(&mut model, Answer::Print("<table></table>".into()));
    assert!(effects.contains(&Effect::Print));
    assert!(effects.contains(&Effect::Render));
    assert_eq!(&*teamwork(&model).print_appendix, "<table></table>");
}

#[test]
fn a_worker_that_fails_says_why_and_waits_for_nothing() {
    let (mut model, _) = booted("", "");
    team(&mut model, TeamEvent::PasteEdited("Ana x".into()));
    team(&mut model, TeamEvent::AddPasted);
    update(&MATRIX, &mut model, Event::Reports(Err(ReportError::Slow)));
    assert_eq!(
        teamwork(&model).message,
        "The team view could not be drawn: it did not start in time."
    );
    model.ui.details = loaded();
    team(
        &mut model,
        TeamEvent::Produce(Output::CopyRecord { team: false }),
    );
    answer(
        &mut model,
        Answer::Unreadable(WireError::UnknownKind("sing".into())),
    );
    assert_eq!(
        teamwork(&model).share_status,
        "The decision record could not be made: a message between the page and its worker could not be read (an unknown kind, “sing”)."
    );
    assert_eq!(teamwork(&model).paste, "Ana x", "nothing typed is lost");
    assert_eq!(
        asks(&team(&mut model, TeamEvent::AddPasted)).len(),
        1,
        "the next try asks again"
    );
}

#[test]
fn every_failure_reason_is_worded() {
    let reasons = [
        ReportError::Missing,
        ReportError::Refused,
        ReportError::Slow,
        ReportError::Failed(String::new()),
        ReportError::Failed("NetworkError when loading".into()),
        ReportError::NotSent,
        ReportError::Unreadable(WireError::Empty),
        ReportError::Unreadable(WireError::NotAFlag("x".into())),
        ReportError::Unreadable(WireError::WrongLength {
            kind: "team".into(),
            found: 9,
        }),
    ];
    let worded: Vec<String> = reasons.iter().map(ReportError::reason).collect();
    for (reason, words) in reasons.iter().zip(&worded) {
        assert!(!words.is_empty(), "{reason:?}");
    }
    assert_eq!(worded[3], "it could not be loaded");
    assert_eq!(worded[4], "NetworkError when loading");
    assert!(
        ReportError::Failed("x".repeat(500))
            .reason()
            .chars()
            .count()
            <= 81
    );
}

#[test]
fn how_we_score_is_asked_for_once_and_again_after_a_failure() {
    let (mut model, _) = booted("", "");
    let open = |model: &mut Model, open| update(&MATRIX, model, Event::MethodToggled(open));
    assert_eq!(asks(&open(&mut model, true)), vec![Request::Methodology]);
    assert_eq!(
        view(&MATRIX, &model).footer.methodology,
        Some(MethodologyView::Loading)
    );
    update(
        &MATRIX,
        &mut model,
        Event::Reports(Err(ReportError::Failed("offline".into()))),
    );
    let Some(MethodologyView::Failed(note)) = view(&MATRIX, &model).footer.methodology else {
        panic!("the failure is said");
    };
    assert!(note.contains("could not be loaded (offline)"), "{note}");
    open(&mut model, false);
    assert_eq!(asks(&open(&mut model, true)).len(), 1, "tried again");
    answer(&mut model, Answer::Methodology("<dl></dl>".into()));
    open(&mut model, false);
    assert!(asks(&open(&mut model, true)).is_empty(), "drawn once");
    assert_eq!(
        view(&MATRIX, &model).footer.methodology,
        Some(MethodologyView::Note("<dl></dl>".into()))
    );
}

#[test]
fn an_unreadable_answer_also_lets_how_we_score_try_again() {
    let (mut model, _) = booted("", "");
    update(&MATRIX, &mut model, Event::MethodToggled(true));
    answer(&mut model, Answer::Unreadable(WireError::Empty));
    assert!(matches!(
        view(&MATRIX, &model).footer.methodology,
        Some(MethodologyView::Failed(_))
    ));
    update(&MATRIX, &mut model, Event::MethodToggled(false));
    let again = update(&MATRIX, &mut model, Event::MethodToggled(true));
    assert_eq!(asks(&again), vec![Request::Methodology]);
}
