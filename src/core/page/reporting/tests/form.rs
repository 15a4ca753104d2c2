use super::*;

#[test]
fn a_team_link_opens_the_team_view_over_the_readers_own_weights() {
    let (model, effects) = booted("", &format!("#{TEAM_LINK}"));
    assert_eq!(asks(&effects), vec![team_request(TEAM_LINK, "", None)]);
    assert!(effects.contains(&Effect::ReplaceAddress(TEAM_LINK.into())));
    assert!(effects.contains(&Effect::Persist(model.link.clone())));
    assert_eq!(model.state.notice, None, "a team link is not a bad link");
    let vm = teamwork(&model);
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
fn opening_the_panel_asks_the_worker_nothing_the_form_is_the_pages() {
    let (mut model, _) = booted("", "");
    let effects = team(&mut model, TeamEvent::Toggled(true));
    assert!(asks(&effects).is_empty());
    let vm = teamwork(&model);
    assert!(vm.open && vm.people.is_empty() && vm.team_link.is_none());
}

#[test]
fn the_form_keeps_what_the_reader_types() {
    let (mut model, _) = booted("", "");
    team(&mut model, TeamEvent::PasteEdited("Ana https://x".into()));
    team(&mut model, TeamEvent::NameEdited("Dee".into()));
    let vm = teamwork(&model);
    assert_eq!(
        (vm.paste.as_str(), vm.name.as_str()),
        ("Ana https://x", "Dee")
    );
}

#[test]
fn adding_sends_the_paste_and_a_full_answer_empties_the_box() {
    let (mut model, _) = booted("", "");
    team(&mut model, TeamEvent::PasteEdited("Ana x".into()));
    let effects = team(&mut model, TeamEvent::AddPasted);
    assert_eq!(asks(&effects), vec![team_request("", "Ana x", None)]);
    let effects = answer(&mut model, report(TEAM_LINK, true, &["Ana"]));
    assert!(effects.contains(&Effect::ReplaceAddress(TEAM_LINK.into())));
    let vm = teamwork(&model);
    assert_eq!(vm.paste, "", "all of it went in");
    assert_eq!(vm.people[0].name, "Ana");
    assert_eq!(vm.people[0].label, "Remove Ana");
    assert_eq!(
        vm.team_link.as_deref(),
        Some(&*format!("{ADDRESS}#{TEAM_LINK}"))
    );
    assert_eq!(&*vm.report, "<p>view</p>");
}

#[test]
fn adding_me_and_removing_send_what_changes() {
    let (mut model, _) = booted("", &format!("#{TEAM_LINK}"));
    answer(&mut model, report(TEAM_LINK, false, &["Ana"]));
    team(&mut model, TeamEvent::PasteEdited("half".into()));
    team(&mut model, TeamEvent::NameEdited(" Chloe ".into()));
    let mine = format!("Chloe {}", model.link);
    let effects = team(&mut model, TeamEvent::AddMe);
    assert_eq!(asks(&effects), vec![team_request(TEAM_LINK, &mine, None)]);
    answer(&mut model, report(TEAM_LINK, true, &["Ana", "Chloe"]));
    assert_eq!(
        teamwork(&model).paste,
        "half",
        "the paste box was not what was added"
    );
    let effects = team(&mut model, TeamEvent::Remove("Ana".into()));
    assert_eq!(
        asks(&effects),
        vec![team_request(TEAM_LINK, "", Some("Ana"))]
    );
}

#[test]
fn a_paste_over_the_cap_is_refused_unsent_and_kept() {
    let (mut model, _) = booted("", "");
    let huge = "Ana x\n".repeat(MAX_PASTE_BYTES / 6 + 1);
    team(&mut model, TeamEvent::PasteEdited(huge.clone()));
    let effects = team(&mut model, TeamEvent::AddPasted);
    assert!(asks(&effects).is_empty());
    let vm = teamwork(&model);
    assert!(vm.message.contains("at most 64 KiB"), "{}", vm.message);
    assert_eq!(vm.paste, huge);
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
