use std::rc::Rc;

use yew::prelude::*;

use super::components::contributions::ContributionsChart;
use super::components::notice::Notice;
use super::components::presets::PresetBar;
use super::components::questionnaire::QuestionnairePanel;
use super::components::radar::RadarChart;
use super::components::recommendation::RecommendationPanel;
use super::components::sliders::WeightSliders;
use super::details_text::{self, DetailsText};
use super::state::AppState;
use crate::core::explain::{insight, Insight};
use crate::core::score::evaluate;
use crate::core::state::{Action, State};
use crate::core::view::{recommendation_for, Recommendation};
use crate::core::MATRIX;

/// Everything derived from the weights, computed once per change.
#[derive(PartialEq)]
struct Analysis {
    recommendation: Rc<Recommendation>,
    insight: Rc<Insight>,
}

fn analyse(weights: &[u8]) -> Analysis {
    let evaluation = evaluate(&MATRIX, weights);
    Analysis {
        recommendation: Rc::new(recommendation_for(&MATRIX, weights, &evaluation)),
        insight: Rc::new(insight(&MATRIX, weights, &evaluation)),
    }
}

fn initial_state() -> AppState {
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    AppState(State::from_query(&MATRIX, &query))
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let details = use_state(|| DetailsText::NotLoaded);
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
    let analysis = use_memo(s.weights.clone(), |weights| analyse(weights));
    let tipping: Rc<Vec<Option<(u8, String)>>> = Rc::new(analysis.insight.tipping.clone());

    html! {
        <div class="sw">
            <header class="sw-header">
                <h1>{ MATRIX.title }</h1>
                <p class="sw-lede">
                    { "Weigh what matters to your project; the recommendation, the chart and the reasons update as you go. Every score has a rationale and sources." }
                </p>
            </header>
            if let Some(message) = s.notice.clone() {
                <Notice {message} on_dismiss={dispatch.reform(|_| Action::DismissNotice)} />
            }
            <PresetBar
                active={s.preset}
                changes={s.changes_from_preset(&MATRIX)}
                on_apply={dispatch.reform(Action::ApplyPreset)}
                on_reset={dispatch.reform(|_| Action::ResetToPreset)}
            />
            <QuestionnairePanel
                answers={s.answers.clone()}
                on_answer={dispatch.reform(|(question, answer)| Action::Answer { question, answer })}
            />
            <div class="sw-body">
                <WeightSliders
                    weights={s.weights.clone()}
                    open={s.open}
                    on_weight={dispatch.reform(|(criterion, weight)| Action::SetWeight { criterion, weight })}
                    details={(*details).clone()}
                    {tipping}
                    {on_toggle}
                    on_reset={dispatch.reform(|_| Action::ResetToDefaults)}
                />
                <div class="sw-results">
                    <RecommendationPanel
                        recommendation={analysis.recommendation.clone()}
                        insight={analysis.insight.clone()}
                    />
                    <ContributionsChart insight={analysis.insight.clone()} />
                    <RadarChart
                        weights={s.weights.clone()}
                        scale={s.scale}
                        on_scale={dispatch.reform(Action::SetScale)}
                    />
                </div>
            </div>
            <footer class="sw-footer">
                <p>
                    { format!("Scores: {} Data last reviewed {}. Runs entirely in your browser: no cookies, no tracking, no requests to anyone.", MATRIX.scale, MATRIX.reviewed) }
                </p>
            </footer>
        </div>
    }
}
