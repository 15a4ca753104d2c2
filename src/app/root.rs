use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::components::contributions::{contributions_chart, ContributionsChartProps};
use super::components::methodology::{methodology_note, MethodologyProps};
use super::components::notice::{notice, restore_offer, NoticeProps, RestoreOfferProps};
use super::components::presets::{preset_bar, PresetBarProps};
use super::components::questionnaire::{questionnaire_panel, QuestionnairePanelProps};
use super::components::radar::{radar_chart, RadarChartProps};
use super::components::recommendation::{recommendation_panel, RecommendationPanelProps};
use super::components::share::{share_bar, ShareBarProps};
use super::components::sliders::{weight_sliders, WeightSlidersProps};
use super::details_text::{self, DetailsText};
use super::state::AppState;
use crate::core::explain::{insight, Insight};
use crate::core::methodology::methodology;
use crate::core::query::{self, PageOptions};
use crate::core::score::evaluate;
use crate::core::share::{encode, Shared};
use crate::core::startup::{start, Stored};
use crate::core::state::Action;
use crate::core::view::{recommendation_for, Recommendation};
use crate::core::MATRIX;

/// Everything derived from the weights, computed once per change.
#[derive(PartialEq)]
struct Analysis {
    recommendation: Rc<Recommendation>,
    insight: Rc<Insight>,
}

/// The User Timing measure of one recomputation (scores, recommendation,
/// tipping points, robustness, hybrid advice), read by `scripts/bench.mjs`.
pub const RECOMPUTE_MEASURE: &str = "stackweigh:recompute";

fn analyse(weights: &[u8]) -> Analysis {
    let evaluation = evaluate(&MATRIX, weights);
    Analysis {
        recommendation: Rc::new(recommendation_for(&MATRIX, weights, &evaluation)),
        insight: Rc::new(insight(&MATRIX, weights, &evaluation)),
    }
}

/// What the app starts from: the page options, the first state and the
/// page's own address (for the "full comparator" and share links).
#[derive(Debug, Clone, PartialEq)]
pub struct Booted {
    pub options: Rc<PageOptions>,
    pub state: AppState,
    pub page_address: String,
}

impl Booted {
    /// The default view (no query, no link, nothing saved): what the build
    /// prerenders into index.html, and what a first visit starts from.
    pub fn default_view() -> Self {
        let options = query::parse(&MATRIX, "");
        let started = start(&MATRIX, &options, "", &Stored::Empty, None);
        Booted {
            options: Rc::new(options),
            state: AppState(started.state),
            page_address: String::new(),
        }
    }

    /// Reads the URL and storage once, at start-up.
    #[cfg(target_arch = "wasm32")]
    pub fn from_browser() -> Self {
        let options = query::parse(&MATRIX, &browser::query());
        // An embed never reads or writes the reader's saved settings: several
        // embeds on one blog would otherwise overwrite each other.
        let (stored, set_aside) = if options.embed {
            (Stored::Empty, None)
        } else {
            (browser::read_stored(), browser::read_displaced())
        };
        let started = start(
            &MATRIX,
            &options,
            &browser::hash(),
            &stored,
            set_aside.as_deref(),
        );
        if let Some(own) = &started.displaced {
            browser::keep_displaced(own);
        }
        Booted {
            options: Rc::new(options),
            state: AppState(started.state),
            page_address: browser::page_address(),
        }
    }
}

#[derive(PartialEq, Properties)]
pub struct AppProps {
    pub boot: Rc<Booted>,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let options = props.boot.options.clone();
    let state = use_reducer({
        let initial = props.boot.state.clone();
        move || initial
    });
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };

    {
        let options = options.clone();
        use_effect_with((), move |_| {
            browser::set_theme(options.theme.as_str());
            if options.embed {
                browser::mark_embed();
                browser::report_height(options.embed_id.clone());
            }
        });
    }
    let link_state = encode(&MATRIX, &Shared::of(&state.0));
    {
        let embed = options.embed;
        use_effect_with(link_state.clone(), move |text| {
            browser::write_state_soon(text.clone(), !embed);
        });
    }

    {
        // Once the reader has restored their own settings or kept the link's
        // (or there is nothing to offer), what a link displaced is moot.
        let embed = options.embed;
        use_effect_with(state.0.restorable.is_some(), move |offered| {
            if !*offered && !embed {
                browser::forget_displaced();
            }
        });
    }

    let details = use_state(|| DetailsText::NotLoaded);
    let quiz_open = use_state(|| false);
    let share_status = use_state(String::new);
    let embed_dialog = use_node_ref();
    let embed_dialog_open = use_state(|| false);
    // Opening a "Why?" loads the rendered text the first time (and again
    // after a failure), without blocking the toggle itself.
    let on_toggle = {
        let dispatch = dispatch.clone();
        let details = details.clone();
        Callback::from(move |criterion: usize| {
            dispatch.emit(Action::ToggleDetails(criterion));
            if matches!(*details, DetailsText::NotLoaded | DetailsText::Failed(_)) {
                details.set(DetailsText::Loading);
                let details = details.clone();
                details_text::load(Callback::from(move |text| details.set(text)));
            }
        })
    };
    let s = &state.0;
    let analysis = use_memo(s.weights.clone(), |weights| {
        browser::timed(RECOMPUTE_MEASURE, || analyse(weights))
    });
    // Static text: built once, not on every slider move.
    let method_sections = use_memo((), |_| methodology(&MATRIX));
    let full_page = format!("{}#{link_state}", props.boot.page_address);
    super::panic::remember_state_link(&full_page);

    html! {
        <div class={classes!("sw", options.embed.then_some("sw--embed"))}>
            <header class="sw-header">
                if options.embed {
                    <h1 class="sw-embed-title">{ MATRIX.title }</h1>
                } else {
                    <h1>{ MATRIX.title }</h1>
                    <p class="sw-lede">
                        { "Weigh what matters to your project; the recommendation, the chart and the reasons update as you go. Every score has a rationale and sources." }
                    </p>
                }
            </header>
            if let Some(message) = s.notice.clone() {
                { notice(&NoticeProps { message, on_dismiss: dispatch.reform(|_| Action::DismissNotice) }) }
            }
            if s.restorable.is_some() {
                { restore_offer(&RestoreOfferProps {
                    on_restore: dispatch.reform(|_| Action::RestoreSaved),
                    on_keep: dispatch.reform(|_| Action::KeepLink),
                }) }
            }
            { preset_bar(&PresetBarProps {
                active: s.preset,
                changes: s.changes_from_preset(&MATRIX),
                on_apply: dispatch.reform(Action::ApplyPreset),
                on_reset: dispatch.reform(|_| Action::ResetToPreset),
            }) }
            { questionnaire_panel(&QuestionnairePanelProps {
                answers: s.answers.clone(),
                open: *quiz_open,
                on_toggle: {
                    let quiz_open = quiz_open.clone();
                    Callback::from(move |_| quiz_open.set(!*quiz_open))
                },
                on_answer: dispatch.reform(|(question, answer)| Action::Answer { question, answer }),
            }) }
            <div class="sw-body">
                { weight_sliders(&WeightSlidersProps {
                    weights: s.weights.clone(),
                    visible: s.visible.clone(),
                    open: s.open,
                    on_weight: dispatch.reform(|(criterion, weight)| Action::SetWeight { criterion, weight }),
                    details: (*details).clone(),
                    insight: analysis.insight.clone(),
                    on_toggle,
                    on_reset: dispatch.reform(|_| Action::ResetToDefaults),
                }) }
                <div class="sw-results">
                    { recommendation_panel(&RecommendationPanelProps {
                        recommendation: analysis.recommendation.clone(),
                        insight: analysis.insight.clone(),
                    }) }
                    { contributions_chart(&ContributionsChartProps { insight: analysis.insight.clone() }) }
                    { radar_chart(&RadarChartProps {
                        weights: s.weights.clone(),
                        scale: s.scale,
                        on_scale: dispatch.reform(Action::SetScale),
                    }) }
                </div>
            </div>
            { share_bar(&ShareBarProps {
                status: share_status.clone(),
                dialog: embed_dialog.clone(),
                dialog_open: embed_dialog_open.clone(),
                link: full_page.clone(),
                state_text: link_state.clone(),
                weights: s.weights.clone(),
                visible: s.visible.clone(),
                preset: s.preset,
                embed: options.embed,
            }) }
            <footer class="sw-footer">
                if options.embed {
                    <p><a href={full_page} target="_blank" rel="noopener">{ "Open the full comparator" }</a>{ " · stackweigh: no cookies, no tracking." }</p>
                } else {
                    { methodology_note(&MethodologyProps { sections: method_sections }) }
                    <p>
                        { format!("Data last reviewed {}. Runs entirely in your browser: no cookies, no tracking, no requests to anyone.", MATRIX.reviewed) }
                    </p>
                    if let Some(note) = &s.storage_note {
                        <p class="sw-storage-note">{ note }</p>
                    }
                }
            </footer>
        </div>
    }
}
