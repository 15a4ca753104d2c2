use yew::prelude::*;

use super::send;

use super::contributions::contributions_chart;
use crate::core::engine::insight::{Insight, TOO_CLOSE};
use crate::core::engine::recommendation::{Recommendation, Verdict};
use crate::core::page::answer_view::VERDICT_ID;
use crate::core::page::event::Event;
use crate::core::page::view_model::{AnswerBarView, ContributionsView};
use crate::core::MATRIX;

/// The answer: both totals, the margin, and whether it is too close to call.
/// What changes under the reader's eyes is not live; `announcement`, the
/// answer once the weights settle, is (one polite region, not one
/// announcement per arrow-key repeat).
pub fn verdict(view: &Recommendation, insight: &Insight, announcement: &str) -> Html {
    html! {
        <div class="sw-verdict" id={VERDICT_ID}>
            <h2 id="sw-rec-heading">{ "Recommendation" }</h2>
            if insight.too_close {
                <p class="sw-close-label"><strong>{ TOO_CLOSE }</strong></p>
            }
            <p class="sw-headline">{ &view.headline }</p>
            if view.verdict != Verdict::NoWeights {
                <dl class="sw-totals">
                    { for view.totals.iter().map(|line| html! {
                        <div class="sw-total" data-option={MATRIX.options[line.option].id}>
                            <dt>{ line.name }</dt>
                            <dd>{ &line.text }<span class="sw-out-of">{ " / 100" }</span></dd>
                        </div>
                    }) }
                </dl>
                <p class="sw-margin">{ &view.margin_text }</p>
                if let Some(deciders) = &insight.deciders {
                    <p class="sw-deciders">{ deciders }</p>
                }
            }
            <p class="sw-visually-hidden" aria-live="polite">{ announcement }</p>
        </div>
    }
}

/// The answer, held at the bottom of the screen while the verdict is out of
/// view: a button that brings the full verdict back.
pub fn answer_bar(bar: &AnswerBarView, on: &Callback<Event>) -> Html {
    html! {
        <button type="button" class="sw-answer-bar" onclick={send(on, Event::ShowVerdict)}>
            <span class="sw-visually-hidden">{ "Show the full recommendation: " }</span>
            if bar.too_close {
                <strong class="sw-answer-bar-close">{ TOO_CLOSE }</strong>
            }
            <strong class="sw-answer-bar-headline">{ &bar.headline }</strong>
            { for bar.totals.iter().map(|total| html! {
                <span class="sw-answer-bar-total" data-option={total.option}>{ total.name }{ " " }<b>{ &total.text }</b></span>
            }) }
            <span class="sw-answer-bar-go" aria-hidden="true">{ "↑" }</span>
        </button>
    }
}

/// What decides it, how sure it is, what would change it, and what each
/// criterion adds.
pub fn why(
    view: &Recommendation,
    insight: &Insight,
    contributions: Option<&ContributionsView>,
) -> Html {
    if view.verdict == Verdict::NoWeights {
        return html! { <p class="sw-hint">{ &view.headline }</p> };
    }
    html! {
        <div class="sw-why-body">
          <div class="sw-why-text">
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
          </div>
            if let Some(chart) = contributions {
                { contributions_chart(chart, &insight.bars) }
            }
        </div>
    }
}
