use yew::prelude::*;

use super::methodology::methodology_note;
use super::notice::{notice, restore_offer};
use super::panel::panel;
use super::presets::use_case_picker;
use super::questionnaire::questionnaire;
use super::radar::radar_chart;
use super::recommendation::{answer_bar, verdict, why};
use super::share::share_section;
use super::sliders::weight_sliders;
use super::team::{print_appendix, record_buttons, team_section};
use crate::core::page::answer_view::RECOMMENDATION_ID;
use crate::core::page::event::Event;
use crate::core::page::model::Panel;
use crate::core::page::view_model::ViewModel;

const LEDE: &str = "Weigh what matters to your project; the recommendation, the chart and the reasons update as you go. Every score has a rationale and sources.";

/// The whole widget: the use cases, then the workspace (the answer, verdict
/// and radar, beside the weights on a wide page, sticky while they scroll;
/// above them elsewhere), then what opens on demand (why, share), then the
/// footer.
pub fn widget(vm: &ViewModel, on: &Callback<Event>) -> Html {
    html! {
        <div class="sw" data-embed={vm.embed.then_some("")}>
            <header class="sw-header">
                <h1>{ vm.title }</h1>
                if !vm.embed {
                    <p class="sw-lede">{ LEDE }</p>
                }
            </header>
            if let Some(message) = vm.notice.clone() {
                { notice(message, on) }
            }
            if vm.restore_offer {
                { restore_offer(on) }
            }
            { use_case_picker(&vm.presets, on) }
            <div class="sw-workspace">
                <section class="sw-recommendation" id={RECOMMENDATION_ID} tabindex="-1" data-verdict={vm.standing} aria-labelledby="sw-rec-heading">
                    { verdict(&vm.recommendation, &vm.insight, &vm.announcement) }
                    { radar_chart(&vm.radar, on) }
                </section>
                if let Some(bar) = &vm.answer_bar {
                    { answer_bar(bar, on) }
                }
                { panel(Panel::Weights, &vm.panels, on, html! {
                    <>
                        { questionnaire(&vm.quiz, on) }
                        { weight_sliders(&vm.sliders, on) }
                    </>
                }) }
            </div>
            { panel(Panel::Why, &vm.panels, on, why(&vm.recommendation, &vm.insight, vm.contributions.as_ref())) }
            { panel(Panel::Share, &vm.panels, on, html! {
                <>
                    { share_section(&vm.share, on) }
                    if let Some(teamwork) = &vm.teamwork {
                        { record_buttons(teamwork, on) }
                    }
                </>
            }) }
            if let Some(teamwork) = &vm.teamwork {
                { team_section(teamwork, on) }
            }
            { footer(vm, on) }
            if let Some(teamwork) = &vm.teamwork {
                { print_appendix(teamwork) }
            }
        </div>
    }
}

fn footer(vm: &ViewModel, on: &Callback<Event>) -> Html {
    html! {
        <footer class="sw-footer">
            if let Some(full_page) = vm.footer.full_page.clone() {
                <p><a href={full_page} target="_blank" rel="noopener">{ "Open the full comparator" }</a>{ " · stackweigh: no cookies, no tracking." }</p>
            } else {
                { methodology_note(vm.footer.methodology.as_ref(), on) }
                <p class="sw-audited">{ "Audited articles: " }{ for vm.footer.articles.iter().map(|article| html! {
                    <>
                        if let Some(url) = article.url {
                            <a href={url} rel="noopener">{ article.publisher }</a>
                        } else {
                            { article.publisher }
                        }
                        { article.after }
                    </>
                }) }</p>
                <p>{ &vm.footer.reviewed }</p>
                if let Some(note) = &vm.footer.storage_note {
                    <p class="sw-storage-note">{ note }</p>
                }
            }
        </footer>
    }
}
