use yew::prelude::*;

use crate::core::view::{recommendation, Verdict};
use crate::core::MATRIX;

#[derive(PartialEq, Properties)]
pub struct RecommendationPanelProps {
    pub weights: Vec<u8>,
}

/// The answer, both totals, the margin and what decides it.
#[function_component]
pub fn RecommendationPanel(props: &RecommendationPanelProps) -> Html {
    let view = recommendation(&MATRIX, &props.weights);
    html! {
        <section class={classes!("sw-recommendation", (view.verdict == Verdict::NoWeights).then_some("is-empty"))}
                 aria-labelledby="sw-rec-heading">
            <h2 id="sw-rec-heading">{ "Recommendation" }</h2>
            <p class="sw-headline" aria-live="polite">{ &view.headline }</p>
            if view.verdict != Verdict::NoWeights {
                <dl class="sw-totals">
                    { for view.totals.iter().map(|line| html! {
                        <div class={classes!("sw-total", format!("is-{}", MATRIX.options[line.option].id), line.leads.then_some("is-lead"))}>
                            <dt>{ line.name }</dt>
                            <dd>{ &line.text }<span class="sw-out-of">{ " / 100" }</span></dd>
                        </div>
                    }) }
                </dl>
                <p class="sw-margin">{ &view.margin_text }</p>
                if !view.reasons.is_empty() {
                    <h3>{ &view.reasons_heading }</h3>
                    <ol class="sw-reasons">
                        { for view.reasons.iter().map(|reason| html! {
                            <li><strong>{ reason.name }</strong>{ ": " }{ &reason.text }</li>
                        }) }
                    </ol>
                }
                if let Some(counterpoint) = &view.counterpoint {
                    <p class="sw-counterpoint">{ counterpoint }</p>
                }
            }
        </section>
    }
}
