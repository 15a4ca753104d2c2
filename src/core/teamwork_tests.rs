use super::*;
use crate::core::model::DetailsText;
use crate::core::query::parse;
use crate::core::startup::Stored;
use crate::core::state::Action;
use crate::core::update::{boot, update, Event};
use crate::core::view_model::view;
use crate::core::MATRIX;

const ADDRESS: &str = "https://example.test/sw/";
const TEAM_LINK: &str = "t=1&n=Ana&w=a";

fn booted(query: &str, hash: &str) -> (Model, Vec<Effect>) {
    boot(&MATRIX, parse(&MATRIX, query), hash, ADDRESS.into(), || {
        (Stored::Empty, None)
    })
}

fn team(model: &mut Model, event: TeamEvent) -> Vec<Effect> {
    update(&MATRIX, model, Event::Team(event))
}

fn asks(effects: &[Effect]) -> Vec<Vec<String>> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Ask(request) => Some(request.clone()),
            _ => None,
        })
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn loaded() -> DetailsText {
    DetailsText::Loaded(std::rc::Rc::new(vec!["a".into(), "b".into()]))
}

#[test]
fn a_team_link_opens_the_team_view_over_the_readers_own_weights() {
    let (model, effects) = booted("", &format!("#{TEAM_LINK}"));
    assert_eq!(asks(&effects), vec![strings(&[TEAM, TEAM_LINK, "", ""])]);
    assert!(effects.contains(&Effect::ReplaceAddress(TEAM_LINK.into())));
    assert!(effects.contains(&Effect::Persist(model.link.clone())));
    assert_eq!(model.state.notice, None, "a team link is not a bad link");
    let vm = view(&MATRIX, &model);
    assert!(vm.teamwork.as_ref().is_some_and(|t| t.open && t.waiting));
}

#[test]
fn an_embed_has_no_team_view_and_asks_nothing() {
    let (model, effects) = booted("embed=1", &format!("#{TEAM_LINK}"));
    assert!(asks(&effects).is_empty());
    assert!(view(&MATRIX, &model).teamwork.is_none());
}

#[test]
fn a_paste_is_sent_and_cleared_only_when_every_line_was_added() {
    let (mut model, _) = booted("", "");
    team(&mut model, TeamEvent::PasteEdited("Ana x\nBen y".into()));
    let effects = team(&mut model, TeamEvent::AddPasted);
    assert_eq!(
        asks(&effects),
        vec![strings(&[TEAM, "", "Ana x\nBen y", ""])]
    );
    let effects = team(
        &mut model,
        TeamEvent::Answered(strings(&[
            TEAM,
            TEAM_LINK,
            "Line 2 was not added: no.",
            "<h3>t</h3>",
        ])),
    );
    assert!(effects.contains(&Effect::ReplaceAddress(TEAM_LINK.into())));
    let vm = view(&MATRIX, &model).teamwork.unwrap();
    assert_eq!(
        vm.paste, "Ana x\nBen y",
        "a paste with a problem stays to be fixed"
    );
    assert_eq!(vm.problems, vec!["Line 2 was not added: no."]);
    assert_eq!(
        vm.team_link.as_deref(),
        Some(&*format!("{ADDRESS}#{TEAM_LINK}"))
    );
    team(
        &mut model,
        TeamEvent::Answered(strings(&[TEAM, TEAM_LINK, "", "<h3>t</h3>"])),
    );
    assert_eq!(model.ui.teamwork.paste, "");
}

#[test]
fn adding_myself_sends_my_name_and_my_link_and_removing_names_the_person() {
    let (mut model, _) = booted("", "");
    team(&mut model, TeamEvent::NameEdited(" Chloe ".into()));
    let own = format!("Chloe {}", model.link);
    assert_eq!(
        asks(&team(&mut model, TeamEvent::AddMe)),
        vec![strings(&[TEAM, "", &own, ""])]
    );
    model.ui.teamwork.link = TEAM_LINK.into();
    assert_eq!(
        asks(&team(&mut model, TeamEvent::Remove("Ana".into()))),
        vec![strings(&[TEAM, TEAM_LINK, "", "Ana"])]
    );
}

#[test]
fn while_there_is_a_team_the_address_bar_keeps_it_and_storage_keeps_my_weights() {
    let (mut model, _) = booted("", &format!("#{TEAM_LINK}"));
    let effects = update(
        &MATRIX,
        &mut model,
        Event::State(Action::SetWeight {
            criterion: 0,
            weight: 1,
        }),
    );
    assert!(effects.contains(&Effect::ReplaceAddress(TEAM_LINK.into())));
    assert!(effects.contains(&Effect::Persist(model.link.clone())));
}

#[test]
fn a_record_waits_for_the_why_text_then_asks_the_worker_then_copies() {
    let (mut model, _) = booted("", "");
    let effects = team(
        &mut model,
        TeamEvent::Produce(Output::CopyRecord { team: false }),
    );
    assert_eq!(
        effects
            .iter()
            .filter(|e| **e == Effect::LoadDetailsText)
            .count(),
        1
    );
    assert!(asks(&effects).is_empty());
    let effects = update(&MATRIX, &mut model, Event::DetailsArrived(loaded()));
    let payload = format!("a{}b", crate::core::details::SEPARATOR);
    assert_eq!(
        asks(&effects),
        vec![strings(&[RECORD, &model.link, ADDRESS, &payload])]
    );
    let effects = team(
        &mut model,
        TeamEvent::Answered(strings(&[RECORD, "# Decision"])),
    );
    assert!(effects.contains(&Effect::CopyText {
        text: "# Decision".into(),
        what: Copyable::Record
    }));
    update(
        &MATRIX,
        &mut model,
        Event::Copied {
            what: Copyable::Record,
            ok: false,
        },
    );
    let vm = view(&MATRIX, &model).teamwork.unwrap();
    let (status, record) = vm.share_status.unwrap();
    assert!(status.contains("decision record"), "{status}");
    assert_eq!(
        record.as_deref(),
        Some("# Decision"),
        "shown to copy by hand"
    );
    assert_eq!(model.ui.share_status, "", "the link's status is untouched");
}

#[test]
fn the_teams_record_is_downloaded_with_the_team_link_as_its_subject() {
    let (mut model, _) = booted("", "");
    model.ui.teamwork.link = TEAM_LINK.into();
    model.ui.details = loaded();
    let effects = team(
        &mut model,
        TeamEvent::Produce(Output::DownloadRecord { team: true }),
    );
    assert_eq!(asks(&effects)[0][1], TEAM_LINK);
    let effects = team(
        &mut model,
        TeamEvent::Answered(strings(&[RECORD, "# Team"])),
    );
    assert!(effects.contains(&Effect::SaveText {
        file: RECORD_FILE,
        text: "# Team".into()
    }));
    team(&mut model, TeamEvent::Saved(true));
    let vm = view(&MATRIX, &model).teamwork.unwrap();
    assert!(vm.team_status.unwrap().0.contains(RECORD_FILE));
    assert!(vm.share_status.is_none());
}

#[test]
fn print_draws_the_appendix_then_opens_the_print_dialog() {
    let (mut model, _) = booted("", "");
    model.ui.details = loaded();
    let effects = team(&mut model, TeamEvent::Produce(Output::Print));
    assert_eq!(asks(&effects)[0][0], PRINT);
    let effects = team(
        &mut model,
        TeamEvent::Answered(strings(&[PRINT, "<table></table>"])),
    );
    assert!(effects.contains(&Effect::Print));
    assert!(effects.contains(&Effect::Render));
    assert_eq!(
        &*view(&MATRIX, &model).teamwork.unwrap().print_appendix,
        "<table></table>"
    );
}

#[test]
fn a_worker_that_fails_says_why_and_loses_nothing_typed() {
    let (mut model, _) = booted("", "");
    team(&mut model, TeamEvent::PasteEdited("Ana x".into()));
    team(&mut model, TeamEvent::AddPasted);
    team(
        &mut model,
        TeamEvent::Failed("it did not start in time".into()),
    );
    let vm = view(&MATRIX, &model).teamwork.unwrap();
    assert_eq!(
        vm.problems,
        vec!["The team view could not be drawn: it did not start in time."]
    );
    assert_eq!(vm.paste, "Ana x");
    assert!(!vm.waiting);
    model.ui.details = loaded();
    team(
        &mut model,
        TeamEvent::Produce(Output::CopyRecord { team: false }),
    );
    team(
        &mut model,
        TeamEvent::Answered(strings(&[ERROR, "no such thing"])),
    );
    let status = view(&MATRIX, &model)
        .teamwork
        .unwrap()
        .share_status
        .unwrap()
        .0;
    assert_eq!(
        status,
        "The decision record could not be made: no such thing."
    );
}
