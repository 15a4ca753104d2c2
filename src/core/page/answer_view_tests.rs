use super::*;
use crate::core::engine::state::Action;
use crate::core::page::event::Event;
use crate::core::page::query::PageOptions;
use crate::core::page::update::update;
use crate::core::MATRIX;

fn page(embed: bool) -> Model {
    let options = PageOptions {
        embed,
        ..PageOptions::default()
    };
    Model::new(
        &MATRIX,
        crate::core::engine::state::State::new(&MATRIX),
        options,
        String::new(),
    )
}

#[test]
fn the_bar_holds_the_answer_only_while_the_verdict_is_passed_on_the_page() {
    let mut model = page(false);
    assert_eq!(answer_bar(&MATRIX, &model), None);
    update(&MATRIX, &mut model, Event::VerdictPassed(true));
    let bar = answer_bar(&MATRIX, &model).expect("shown once the verdict is passed");
    assert_eq!(bar.headline, model.analysis.recommendation.headline);
    assert_eq!(bar.totals.len(), MATRIX.options.len());
    for (shown, line) in bar.totals.iter().zip(&model.analysis.recommendation.totals) {
        assert_eq!((shown.name, &shown.text), (line.name, &line.text));
    }
    update(&MATRIX, &mut model, Event::VerdictPassed(false));
    assert_eq!(answer_bar(&MATRIX, &model), None);
}

#[test]
fn an_embed_never_shows_the_bar() {
    let mut model = page(true);
    update(&MATRIX, &mut model, Event::VerdictPassed(true));
    assert_eq!(answer_bar(&MATRIX, &model), None);
}

#[test]
fn the_bar_follows_every_move_and_says_nothing_of_totals_with_no_weight() {
    let mut model = page(false);
    update(&MATRIX, &mut model, Event::VerdictPassed(true));
    let before = answer_bar(&MATRIX, &model).unwrap();
    let weight = if model.state.weights[0] == 10 { 0 } else { 10 };
    update(
        &MATRIX,
        &mut model,
        Event::State(Action::SetWeight {
            criterion: 0,
            weight,
        }),
    );
    assert_ne!(answer_bar(&MATRIX, &model).unwrap(), before);
    for criterion in 0..MATRIX.criteria.len() {
        let zero = Action::SetWeight {
            criterion,
            weight: 0,
        };
        update(&MATRIX, &mut model, Event::State(zero));
    }
    let none = answer_bar(&MATRIX, &model).unwrap();
    assert!(none.totals.is_empty() && !none.too_close);
}

#[test]
fn the_announcement_names_the_headline_and_both_totals() {
    let model = page(false);
    let (r, i) = (&model.analysis.recommendation, &model.analysis.insight);
    let said = announcement(r, i);
    assert!(said.contains(&r.headline), "{said}");
    for line in &r.totals {
        assert!(
            said.contains(&format!("{} {}", line.name, line.text)),
            "{said}"
        );
    }
    assert_eq!(said.starts_with("Too close to call."), i.too_close);
}

#[test]
fn a_weight_change_asks_for_an_announcement_and_the_settled_answer_is_announced() {
    use crate::core::page::effect::Effect;
    let mut model = page(false);
    let effects = update(&MATRIX, &mut model, Event::VerdictPassed(true));
    assert!(!effects.contains(&Effect::AnnounceSoon), "{effects:?}");
    let weight = if model.state.weights[0] == 10 { 0 } else { 10 };
    let set = Action::SetWeight {
        criterion: 0,
        weight,
    };
    let effects = update(&MATRIX, &mut model, Event::State(set));
    assert!(effects.contains(&Effect::AnnounceSoon), "{effects:?}");
    assert_eq!(
        model.ui.announced, "",
        "nothing said before the weights settle"
    );
    let effects = update(&MATRIX, &mut model, Event::AnnouncementDue);
    let analysis = &model.analysis;
    let said = announcement(&analysis.recommendation, &analysis.insight);
    assert_eq!(model.ui.announced, said);
    assert!(effects.contains(&Effect::Render));
    let vm = crate::core::page::view_model::view(&MATRIX, &model);
    assert_eq!(vm.announcement, said);
}

#[test]
fn the_page_watches_its_verdict_and_an_embed_does_not() {
    use crate::core::page::effect::Effect;
    use crate::core::page::startup::Stored;
    use crate::core::page::update::boot;
    for embed in [false, true] {
        let options = PageOptions {
            embed,
            ..PageOptions::default()
        };
        let (_, effects) = boot(&MATRIX, options, "", String::new(), || {
            (Stored::Empty, None)
        });
        assert_eq!(
            effects.contains(&Effect::WatchVerdict),
            !embed,
            "{effects:?}"
        );
    }
    let mut model = page(false);
    let effects = update(&MATRIX, &mut model, Event::ShowVerdict);
    assert_eq!(effects, vec![Effect::RevealVerdict]);
}
