use super::*;
use crate::core::page::adopt::{adopt, Prerendered};
use crate::core::page::details_text::{DetailsText, LoadFailure};
use crate::core::page::query::parse;
use crate::core::page::view_model::view;
use crate::core::MATRIX;

fn booted(query: &str, stored: Stored) -> (Model, Vec<Effect>) {
    boot(
        &MATRIX,
        parse(&MATRIX, query),
        "",
        "https://example.test/sw/".into(),
        || (stored, None),
    )
}

fn stores(effects: &[Effect]) -> bool {
    effects.iter().any(|e| {
        matches!(
            e,
            Effect::Persist(_) | Effect::KeepDisplaced(_) | Effect::ForgetDisplaced
        )
    })
}

fn move_slider(model: &mut Model, criterion: usize, weight: u8) -> Vec<Effect> {
    update(
        &MATRIX,
        model,
        Event::State(Action::SetWeight { criterion, weight }),
    )
}

#[test]
fn embed_never_reads_or_writes_storage() {
    let mut read = false;
    let (mut model, effects) = boot(
        &MATRIX,
        parse(&MATRIX, "embed=1"),
        "",
        String::new(),
        || {
            read = true;
            (Stored::Value("v=1&w=a".into()), None)
        },
    );
    assert!(!read, "an embed never reads storage");
    assert!(!stores(&effects));
    assert!(!stores(&move_slider(&mut model, 0, 9)));
    assert!(!stores(&update(
        &MATRIX,
        &mut model,
        Event::State(Action::ApplyPreset(0))
    )));
}

#[test]
fn a_page_saves_what_the_address_bar_shows_after_each_change() {
    let (mut model, _) = booted("", Stored::Empty);
    let effects = move_slider(&mut model, 0, 9);
    assert!(effects.contains(&Effect::ReplaceAddress(model.link.clone())));
    assert!(effects.contains(&Effect::Persist(model.link.clone())));
    assert!(effects.contains(&Effect::Render));
    assert_eq!(model.state.weights[0], 9);
    assert_eq!(model.analysis.recommendation.totals.len(), 2);
}

#[test]
fn nothing_that_changes_nothing_redraws_or_writes() {
    let (mut model, _) = booted("", Stored::Empty);
    let weight = model.state.weights[0];
    assert!(move_slider(&mut model, 0, weight).is_empty());
    assert!(move_slider(&mut model, 999, 3).is_empty());
}

#[test]
fn an_embed_starts_as_one_screen_and_a_page_shows_every_panel() {
    let (page, _) = booted("", Stored::Empty);
    let (embed, _) = booted("embed=1&id=w1", Stored::Empty);
    assert!(Panel::ALL.iter().all(|&p| page.panel_open(p)));
    assert!(Panel::ALL.iter().all(|&p| !embed.panel_open(p)));
    let vm = view(&MATRIX, &embed);
    assert!(vm.embed && vm.footer.full_page.is_some() && vm.share.dialog.is_none());
}

#[test]
fn panels_open_and_close_and_the_choice_rides_in_the_link() {
    let (mut model, _) = booted("embed=1", Stored::Empty);
    let open = Event::PanelToggled {
        panel: Panel::Weights,
        open: true,
    };
    let effects = update(&MATRIX, &mut model, open.clone());
    assert!(view(&MATRIX, &model).panels[Panel::Weights.index()].open);
    assert!(model.link.ends_with("&g=w"), "{}", model.link);
    assert_eq!(
        effects,
        vec![Effect::ReplaceAddress(model.link.clone()), Effect::Render]
    );
    assert!(update(&MATRIX, &mut model, open).is_empty(), "already open");
    update(
        &MATRIX,
        &mut model,
        Event::PanelToggled {
            panel: Panel::Weights,
            open: false,
        },
    );
    assert!(
        !model.link.contains("g="),
        "back to the default: {}",
        model.link
    );
}

#[test]
fn a_link_with_open_panels_opens_them() {
    let link = "#v=1&w=5555555555555555555&g=ys";
    let (model, _) = boot(
        &MATRIX,
        parse(&MATRIX, "embed=1"),
        link,
        String::new(),
        || (Stored::Empty, None),
    );
    assert!(!model.panel_open(Panel::Weights));
    assert!(model.panel_open(Panel::Why) && model.panel_open(Panel::Share));
    let (page, _) = boot(
        &MATRIX,
        parse(&MATRIX, ""),
        "#v=1&w=5555555555555555555&g=-",
        String::new(),
        || (Stored::Empty, None),
    );
    assert!(Panel::ALL.iter().all(|&p| !page.panel_open(p)));
}

#[test]
fn opening_why_loads_the_text_once_and_a_failure_allows_a_retry() {
    let (mut model, _) = booted("", Stored::Empty);
    let effects = update(&MATRIX, &mut model, Event::ToggleDetails(2));
    assert!(effects.contains(&Effect::LoadDetailsText));
    assert_eq!(model.ui.details, DetailsText::Loading);
    update(&MATRIX, &mut model, Event::ToggleDetails(2));
    let again = update(&MATRIX, &mut model, Event::ToggleDetails(2));
    assert!(!again.contains(&Effect::LoadDetailsText), "still loading");
    update(
        &MATRIX,
        &mut model,
        Event::DetailsArrived(DetailsText::Failed(LoadFailure::Network)),
    );
    update(&MATRIX, &mut model, Event::ToggleDetails(2));
    let retry = update(&MATRIX, &mut model, Event::ToggleDetails(2));
    assert!(retry.contains(&Effect::LoadDetailsText));
}

#[test]
fn the_page_fetches_the_why_text_after_a_while_once_and_an_embed_never_unasked() {
    let (mut page, effects) = booted("", Stored::Empty);
    assert!(
        effects.contains(&Effect::PrefetchDetailsLater),
        "{effects:?}"
    );
    let due = update(&MATRIX, &mut page, Event::DetailsDue);
    assert!(due.contains(&Effect::LoadDetailsText));
    assert!(!update(&MATRIX, &mut page, Event::DetailsDue).contains(&Effect::LoadDetailsText));
    let failed = DetailsText::Failed(LoadFailure::Network);
    update(&MATRIX, &mut page, Event::DetailsArrived(failed));
    let later = update(&MATRIX, &mut page, Event::DetailsDue);
    assert!(
        later.is_empty(),
        "a failure waits for the reader: {later:?}"
    );
    let (_, embed) = booted("?embed=1", Stored::Empty);
    assert!(!embed.contains(&Effect::PrefetchDetailsLater), "{embed:?}");
}

#[test]
fn copies_carry_the_text_and_the_answer_is_worded() {
    let (mut model, _) = booted("", Stored::Empty);
    let effects = update(&MATRIX, &mut model, Event::Copy(Copyable::Link));
    assert_eq!(
        effects,
        vec![Effect::CopyText {
            text: format!("https://example.test/sw/#{}", model.link),
            what: Copyable::Link
        }]
    );
    update(
        &MATRIX,
        &mut model,
        Event::Copied {
            what: Copyable::Link,
            ok: false,
        },
    );
    assert_eq!(
        view(&MATRIX, &model).share.status,
        "Your browser did not allow copying here; select the link and copy it yourself."
    );
    update(
        &MATRIX,
        &mut model,
        Event::Downloaded {
            format: ChartFormat::Png,
            ok: true,
        },
    );
    assert_eq!(model.ui.share_status, "Chart downloaded as PNG.");
}

#[test]
fn the_embed_dialog_previews_only_while_open() {
    let (mut model, _) = booted("", Stored::Empty);
    let preview = |m: &Model| view(&MATRIX, m).share.dialog.and_then(|d| d.preview);
    assert_eq!(preview(&model), None);
    assert!(update(&MATRIX, &mut model, Event::OpenEmbedDialog).contains(&Effect::ShowEmbedDialog));
    assert_eq!(
        preview(&model),
        Some(format!("https://example.test/sw/?embed=1#{}", model.link))
    );
    update(&MATRIX, &mut model, Event::EmbedDialogClosed);
    assert_eq!(preview(&model), None);
}

#[test]
fn what_a_reader_did_before_the_app_was_live_is_adopted() {
    let (mut model, _) = booted("embed=1", Stored::Empty);
    let found = Prerendered {
        picked: Some(MATRIX.presets[1].id.into()),
        moved: vec![(MATRIX.criteria[0].id.into(), 10), ("nope".into(), 3)],
        panels: vec![
            ("weights".into(), true),
            ("why".into(), false),
            ("nope".into(), true),
        ],
    };
    for event in adopt(&MATRIX, &model, &found) {
        update(&MATRIX, &mut model, event);
    }
    assert_eq!(model.state.preset, Some(1));
    assert_eq!(model.state.weights[0], 10);
    assert_eq!(&model.state.weights[1..], &MATRIX.presets[1].weights[1..]);
    assert!(model.panel_open(Panel::Weights) && !model.panel_open(Panel::Why));
}

#[test]
fn choosing_restore_or_keep_forgets_what_a_link_displaced() {
    let mut own = crate::core::engine::state::State::new(&MATRIX);
    own.weights[0] = 9;
    let own =
        crate::core::engine::share::encode(&MATRIX, &crate::core::engine::share::Shared::of(&own));
    let mut shared = crate::core::engine::state::State::new(&MATRIX);
    shared.apply(&MATRIX, Action::ApplyPreset(0));
    let link = format!(
        "#{}",
        crate::core::engine::share::encode(
            &MATRIX,
            &crate::core::engine::share::Shared::of(&shared)
        )
    );
    let (mut model, effects) = boot(&MATRIX, parse(&MATRIX, ""), &link, String::new(), || {
        (Stored::Value(own.clone()), None)
    });
    assert!(effects.contains(&Effect::KeepDisplaced(own)));
    let kept = update(&MATRIX, &mut model, Event::State(Action::KeepLink));
    assert!(kept.contains(&Effect::ForgetDisplaced));
}
