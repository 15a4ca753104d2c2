use super::*;
use crate::core::model::DetailsText;
use crate::core::query::parse;
use crate::core::reports::METHODOLOGY;
use crate::core::startup::Stored;
use crate::core::state::Action;
use crate::core::team_html::{ADD, COPY_LINK, DOWNLOAD_RECORD, REMOVE};
use crate::core::update::{boot, update};
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

fn edit(edit: Edit, paste: &str, name: &str) -> TeamEvent {
    TeamEvent::Edit {
        edit,
        paste: paste.into(),
        name: name.into(),
    }
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
    assert_eq!(
        asks(&effects),
        vec![strings(&[TEAM, TEAM_LINK, "", "", "", "", ADDRESS])]
    );
    assert!(effects.contains(&Effect::ReplaceAddress(TEAM_LINK.into())));
    assert!(effects.contains(&Effect::Persist(model.link.clone())));
    assert_eq!(model.state.notice, None, "a team link is not a bad link");
    let vm = view(&MATRIX, &model).teamwork.unwrap();
    assert!(vm.open);
    assert_eq!(vm.message, "Loading the team view…");
}

#[test]
fn an_embed_has_no_team_view_and_asks_nothing() {
    let (model, effects) = booted("embed=1", &format!("#{TEAM_LINK}"));
    assert!(asks(&effects).is_empty());
    assert!(view(&MATRIX, &model).teamwork.is_none());
}

#[test]
fn opening_the_panel_asks_the_worker_to_draw_it_once() {
    let (mut model, _) = booted("", "");
    let effects = team(&mut model, TeamEvent::Toggled(true));
    assert_eq!(
        asks(&effects),
        vec![strings(&[TEAM, "", "", "", "", "", ADDRESS])]
    );
    let again = team(&mut model, TeamEvent::Toggled(true));
    assert!(asks(&again).is_empty(), "not while waiting");
    team(
        &mut model,
        TeamEvent::Answered(strings(&[TEAM, "", "<form>"])),
    );
    team(&mut model, TeamEvent::Toggled(false));
    let reopened = team(&mut model, TeamEvent::Toggled(true));
    assert!(asks(&reopened).is_empty(), "drawn already");
    assert_eq!(&*view(&MATRIX, &model).teamwork.unwrap().panel, "<form>");
}

#[test]
fn edits_send_what_to_add_or_remove_and_the_form_as_it_was() {
    let (mut model, _) = booted("", "");
    let effects = team(&mut model, edit(Edit::AddPasted, "Ana x", "Me"));
    assert_eq!(
        asks(&effects),
        vec![strings(&[TEAM, "", "Ana x", "", "Ana x", "Me", ADDRESS])]
    );
    let answer = strings(&[TEAM, TEAM_LINK, "<p>view</p>"]);
    let effects = team(&mut model, TeamEvent::Answered(answer));
    assert!(effects.contains(&Effect::ReplaceAddress(TEAM_LINK.into())));
    let mine = format!("Chloe {}", model.link);
    assert_eq!(
        asks(&team(&mut model, edit(Edit::AddMe, "half", " Chloe "))),
        vec![strings(&[
            TEAM, TEAM_LINK, &mine, "", "half", " Chloe ", ADDRESS
        ])]
    );
    assert_eq!(
        asks(&team(&mut model, edit(Edit::Remove("Ana".into()), "", ""))),
        vec![strings(&[TEAM, TEAM_LINK, "", "Ana", "", "", ADDRESS])]
    );
}

#[test]
fn a_click_means_what_its_button_names() {
    let click = |action: &str, person: Option<&str>| {
        clicked(action, person.map(str::to_owned), "p".into(), "n".into())
    };
    let added = Event::Team(edit(Edit::AddPasted, "p", "n"));
    assert_eq!(click(ADD, None), Some(added));
    let removed = Event::Team(edit(Edit::Remove("Ana".into()), "p", "n"));
    assert_eq!(click(REMOVE, Some("Ana")), Some(removed));
    assert_eq!(click(REMOVE, None), None);
    assert_eq!(
        click(COPY_LINK, None),
        Some(Event::Copy(Copyable::TeamLink))
    );
    let download = Output::DownloadRecord { team: true };
    assert_eq!(
        click(DOWNLOAD_RECORD, None),
        Some(Event::Team(TeamEvent::Produce(download)))
    );
    assert_eq!(click("launch", None), None);
}

#[test]
fn while_there_is_a_team_the_address_bar_keeps_it_and_storage_keeps_my_weights() {
    let (mut model, _) = booted("", &format!("#{TEAM_LINK}"));
    let set = Action::SetWeight {
        criterion: 0,
        weight: 1,
    };
    let effects = update(&MATRIX, &mut model, Event::State(set));
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
    let loads = effects.iter().filter(|e| **e == Effect::LoadDetailsText);
    assert_eq!(loads.count(), 1);
    assert!(asks(&effects).is_empty());
    let effects = update(&MATRIX, &mut model, Event::DetailsArrived(loaded()));
    let payload = format!("a{}b", crate::core::details::SEPARATOR);
    assert_eq!(
        asks(&effects),
        vec![strings(&[RECORD, &model.link, ADDRESS, &payload])]
    );
    let effects = team(&mut model, TeamEvent::Answered(strings(&[RECORD, "# D"])));
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
    let vm = view(&MATRIX, &model).teamwork.unwrap();
    assert!(vm.share_status.contains("downloading the record instead"));
    assert_eq!(model.ui.share_status, "", "the link's status is untouched");
}

#[test]
fn the_teams_record_is_downloaded_with_the_team_link_as_its_subject() {
    let (mut model, _) = booted("", "");
    model.ui.teamwork.link = TEAM_LINK.into();
    model.ui.details = loaded();
    let download = Output::DownloadRecord { team: true };
    let effects = team(&mut model, TeamEvent::Produce(download));
    assert_eq!(asks(&effects)[0][1], TEAM_LINK);
    let effects = team(&mut model, TeamEvent::Answered(strings(&[RECORD, "# T"])));
    let save = Effect::SaveText {
        file: RECORD_FILE,
        text: "# T".into(),
    };
    assert!(effects.contains(&save));
    team(&mut model, TeamEvent::Saved(true));
    let vm = view(&MATRIX, &model).teamwork.unwrap();
    assert!(vm.message.contains(RECORD_FILE));
    assert_eq!(vm.share_status, "");
}

#[test]
fn print_draws_the_appendix_then_opens_the_print_dialog() {
    let (mut model, _) = booted("", "");
    model.ui.details = loaded();
    let effects = team(&mut model, TeamEvent::Produce(Output::Print));
    assert_eq!(asks(&effects)[0][0], PRINT);
    let answer = strings(&[PRINT, "<table></table>"]);
    let effects = team(&mut model, TeamEvent::Answered(answer));
    assert!(effects.contains(&Effect::Print));
    assert!(effects.contains(&Effect::Render));
    let vm = view(&MATRIX, &model).teamwork.unwrap();
    assert_eq!(&*vm.print_appendix, "<table></table>");
}

#[test]
fn a_worker_that_fails_says_why_and_waits_for_nothing() {
    let (mut model, _) = booted("", "");
    team(&mut model, edit(Edit::AddPasted, "Ana x", ""));
    team(&mut model, TeamEvent::Failed("it did not start".into()));
    let vm = view(&MATRIX, &model).teamwork.unwrap();
    assert_eq!(
        vm.message,
        "The team view could not be drawn: it did not start."
    );
    model.ui.details = loaded();
    let copy = Output::CopyRecord { team: false };
    team(&mut model, TeamEvent::Produce(copy));
    team(
        &mut model,
        TeamEvent::Answered(strings(&[ERROR, "no such thing"])),
    );
    let vm = view(&MATRIX, &model).teamwork.unwrap();
    let status = vm.share_status;
    assert_eq!(
        status,
        "The decision record could not be made: no such thing."
    );
    // The next edit tries again.
    assert_eq!(
        asks(&team(&mut model, edit(Edit::AddPasted, "x", ""))).len(),
        1
    );
}

#[test]
fn how_we_score_is_asked_for_once_and_again_after_a_failure() {
    let (mut model, _) = booted("", "");
    let open = |model: &mut Model, open| update(&MATRIX, model, Event::MethodToggled(open));
    assert_eq!(asks(&open(&mut model, true)), vec![strings(&[METHODOLOGY])]);
    let vm = view(&MATRIX, &model);
    assert_eq!(vm.footer.methodology.as_deref(), Some(""), "open, loading");
    team(&mut model, TeamEvent::Failed("offline".into()));
    let note = view(&MATRIX, &model).footer.methodology.unwrap();
    assert!(note.contains("could not be loaded (offline)"), "{note}");
    open(&mut model, false);
    assert_eq!(asks(&open(&mut model, true)).len(), 1, "tried again");
    let answer = strings(&[METHODOLOGY, "<dl></dl>"]);
    team(&mut model, TeamEvent::Answered(answer));
    open(&mut model, false);
    assert!(asks(&open(&mut model, true)).is_empty(), "drawn once");
    let vm = view(&MATRIX, &model);
    assert_eq!(vm.footer.methodology.as_deref(), Some("<dl></dl>"));
}

#[test]
fn an_error_answer_also_lets_how_we_score_try_again() {
    let (mut model, _) = booted("", "");
    update(&MATRIX, &mut model, Event::MethodToggled(true));
    team(&mut model, TeamEvent::Answered(strings(&[ERROR, "broken"])));
    let note = view(&MATRIX, &model).footer.methodology.unwrap();
    assert!(note.contains("could not be loaded (broken)"), "{note}");
    update(&MATRIX, &mut model, Event::MethodToggled(false));
    let again = update(&MATRIX, &mut model, Event::MethodToggled(true));
    assert_eq!(asks(&again), vec![strings(&[METHODOLOGY])]);
}
