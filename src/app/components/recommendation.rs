use std::rc::Rc;

use yew::prelude::*;

use crate::core::explain::Insight;
use crate::core::view::{Recommendation, Verdict};
use crate::core::MATRIX;

pub struct RecommendationPanelProps {
    pub recommendation: Rc<Recommendation>,
    pub insight: Rc<Insight>,
}

/// The answer, both totals, the margin, what decides it, how sure it is
/// and what would change it.
pub fn recommendation_panel(props: &RecommendationPanelProps) -> Html {
    let view = &*props.recommendation;
    let insight = &*props.insight;
    html! {
        <section class={classes!("sw-recommendation", (view.verdict == Verdict::NoWeights).then_some("is-empty"), insight.too_close.then_some("is-close"))}
                 aria-labelledby="sw-rec-heading">
            <h2 id="sw-rec-heading">{ "Recommendation" }</h2>
            if insight.too_close {
                <p class="sw-close-label"><strong>{ "Too close to call" }</strong></p>
            }
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
                if let Some(deciders) = &insight.deciders {
                    <p class="sw-deciders">{ deciders }</p>
                }
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
                if let Some(robustness) = &insight.robustness {
                    <p class="sw-robustness">{ robustness }</p>
                }
                <h3>{ "What would change it" }</h3>
                <ul class="sw-changes">
                    { for insight.what_would_change.iter().map(|sentence| html! { <li>{ sentence }</li> }) }
                </ul>
                if let Some(hybrid) = &insight.hybrid {
                    <div class="sw-hybrid">
                        <h3>{ "Or use both" }</h3>
                        <p>{ hybrid }</p>
                    </div>
                }
            }
        </section>
    }
}
