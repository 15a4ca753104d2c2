//! `view(model) -> ViewModel`: everything the shell draws, already worded.
//! Each field is the slice one render function takes.

use std::rc::Rc;

use super::answer_view::answer_bar;
pub use super::answer_view::{AnswerBarView, BarTotal};
use super::choices_view::{presets, quiz};
pub use super::choices_view::{PresetChip, PresetsView, QuestionView, QuizView};
use super::contributions_view::contributions_view;
pub use super::contributions_view::ContributionsView;
use super::details_text::DetailsText;
use super::model::Snippets;
use super::model::{Model, Panel};
use super::reporting::view::{self as reporting, MethodologyView, TeamworkView};
use crate::core::engine::insight::Insight;
use crate::core::engine::matrix::{ArticleLink, Matrix, ARTICLE_LINKS};
use crate::core::engine::radar_view::radar_view;
pub use crate::core::engine::radar_view::RadarView;
use crate::core::engine::recommendation::{Recommendation, Verdict};

#[derive(Debug, Clone, PartialEq)]
pub struct ViewModel {
    pub embed: bool,
    pub title: &'static str,
    pub notice: Option<String>,
    pub restore_offer: bool,
    pub presets: PresetsView,
    pub quiz: QuizView,
    /// Per [`Panel`]: its disclosure, open or closed.
    pub panels: [PanelView; 3],
    pub sliders: Vec<SliderGroup>,
    pub recommendation: Rc<Recommendation>,
    pub insight: Rc<Insight>,
    /// What the verdict's live region says: the answer once the weights
    /// settled (empty until the reader changed something).
    pub announcement: String,
    /// The compact answer bar, while the verdict is out of view.
    pub answer_bar: Option<AnswerBarView>,
    /// The answer's standing (`data-verdict`): "none" with no weight set,
    /// "close" when too close to call, else nothing to mark.
    pub standing: Option<&'static str>,
    /// What each criterion adds, with no weight set none.
    pub contributions: Option<ContributionsView>,
    pub radar: RadarView,
    pub share: ShareView,
    pub footer: FooterView,
    pub teamwork: Option<TeamworkView>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PanelView {
    pub open: bool,
    pub label: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SliderGroup {
    pub name: &'static str,
    pub rows: Vec<SliderRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SliderRow {
    pub criterion: usize,
    pub id: &'static str,
    pub name: &'static str,
    pub weight: u8,
    /// Weighted 0: the criterion is ignored.
    pub off: bool,
    pub disputed: bool,
    /// The weight at which the answer changes (`data-at`), and that in words.
    pub tip: Option<(&'static str, String)>,
    /// The "Why?" text, when open.
    pub details: Option<DetailsView>,
}

/// A criterion's open "Why?".
#[derive(Debug, Clone, PartialEq)]
pub enum DetailsView {
    /// On its way, in words.
    Loading(&'static str),
    /// HTML rendered at build time from the reviewed data, shown as is.
    Loaded(Rc<str>),
    /// Why it could not be loaded, in words.
    Failed(String),
}

/// Slider positions as attribute text.
const POSITIONS: [&str; 11] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];

#[derive(Debug, Clone, PartialEq)]
pub struct ShareView {
    pub heading: &'static str,
    /// The full page's address with this state.
    pub link: String,
    pub status: String,
    /// The page offers embed and exports; an embed only the link.
    pub exports: bool,
    pub dialog: Option<EmbedDialogView>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EmbedDialogView {
    pub loader: String,
    pub iframe: String,
    /// While they are on their way, or why they could not be made.
    pub status: String,
    /// The preview's address, only while the dialog is open.
    pub preview: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FooterView {
    /// In an embed: the full comparator with this state.
    pub full_page: Option<String>,
    pub reviewed: String,
    pub storage_note: Option<String>,
    /// "How we score", while it is open.
    pub methodology: Option<MethodologyView>,
    /// The audited articles, named on the page (none in an embed).
    pub articles: Vec<ArticleMention>,
}

/// One audited article in the footer's line: its publisher, its address if
/// it has one, and what follows it in the sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleMention {
    pub publisher: &'static str,
    pub url: Option<&'static str>,
    pub after: &'static str,
}

pub fn view(matrix: &Matrix, model: &Model) -> ViewModel {
    let embed = model.options.embed;
    ViewModel {
        embed,
        title: matrix.title,
        notice: model.state.notice.clone(),
        restore_offer: model.state.restorable.is_some(),
        presets: presets(matrix, model),
        quiz: quiz(matrix, model),
        panels: Panel::ALL.map(|panel| PanelView {
            open: model.panel_open(panel),
            label: panel_label(panel),
        }),
        sliders: sliders(matrix, model),
        recommendation: model.analysis.recommendation.clone(),
        insight: model.analysis.insight.clone(),
        announcement: model.ui.announced.clone(),
        answer_bar: answer_bar(matrix, model),
        standing: standing(model),
        contributions: contributions_view(matrix, &model.analysis.insight),
        radar: radar_view(matrix, &model.state.weights, model.state.scale),
        share: share(model),
        footer: FooterView {
            full_page: embed.then(|| model.full_page_link()),
            reviewed: format!("Data last reviewed {}. Runs entirely in your browser: no cookies, no tracking, no requests to anyone.", matrix.reviewed),
            storage_note: model.state.storage_note.clone(),
            methodology: reporting::methodology(model),
            articles: if embed { Vec::new() } else { mentions(ARTICLE_LINKS) },
        },
        teamwork: reporting::view(model),
    }
}

/// "A, B, C and D." as a list of mentions.
fn mentions(articles: &'static [ArticleLink]) -> Vec<ArticleMention> {
    let last = articles.len().saturating_sub(1);
    (articles.iter().enumerate())
        .map(|(i, article)| ArticleMention {
            publisher: article.publisher,
            url: article.url,
            after: match last - i {
                0 => ".",
                1 => " and ",
                _ => ", ",
            },
        })
        .collect()
}

fn standing(model: &Model) -> Option<&'static str> {
    let analysis = &model.analysis;
    if analysis.recommendation.verdict == Verdict::NoWeights {
        Some("none")
    } else {
        analysis.insight.too_close.then_some("close")
    }
}

fn panel_label(panel: Panel) -> &'static str {
    match panel {
        Panel::Weights => "Adjust the weights",
        Panel::Why => "Why, and what would change it",
        Panel::Share => "Share, embed, export",
    }
}

fn sliders(matrix: &Matrix, model: &Model) -> Vec<SliderGroup> {
    let state = &model.state;
    let tipping = &model.analysis.insight.tipping;
    matrix
        .grouped()
        .into_iter()
        .filter_map(|(group, members)| {
            let rows: Vec<SliderRow> = (members.into_iter())
                .filter(|&c| state.is_visible(c))
                .map(|c| {
                    let criterion = &matrix.criteria[c];
                    let weight = state.weights.get(c).copied().unwrap_or(0);
                    let tip = tipping.get(c).and_then(Option::as_ref);
                    SliderRow {
                        criterion: c,
                        id: criterion.id,
                        name: criterion.name,
                        weight,
                        off: weight == 0,
                        disputed: criterion.disputed,
                        tip: tip.and_then(|(at, words)| {
                            Some((*POSITIONS.get(usize::from(*at))?, words.clone()))
                        }),
                        details: (state.open == Some(c)).then(|| details(&model.ui.details, c)),
                    }
                })
                .collect();
            (!rows.is_empty()).then_some(SliderGroup {
                name: group.name,
                rows,
            })
        })
        .collect()
}

fn details(text: &DetailsText, criterion: usize) -> DetailsView {
    match (text.fragment(criterion), text) {
        (Some(fragment), _) => DetailsView::Loaded(Rc::from(fragment)),
        (None, DetailsText::Failed(failure)) => DetailsView::Failed(failure.message()),
        _ => DetailsView::Loading("Loading the rationale and sources…"),
    }
}

fn share(model: &Model) -> ShareView {
    let embed = model.options.embed;
    let dialog = (!embed).then(|| {
        // The snippets are shown only in the open dialog.
        let (loader, iframe, status) = match &model.ui.snippets {
            _ if !model.ui.embed_dialog_open => Default::default(),
            Snippets::Loaded { loader, iframe } => {
                (loader.to_string(), iframe.to_string(), String::new())
            }
            Snippets::Failed(why) => (String::new(), String::new(), why.clone()),
            Snippets::NotAsked | Snippets::Loading => {
                (String::new(), String::new(), "Writing the snippets…".into())
            }
        };
        EmbedDialogView {
            loader,
            iframe,
            status,
            preview: (model.ui.embed_dialog_open)
                .then(|| format!("{}?embed=1#{}", model.page_address, model.link)),
        }
    });
    ShareView {
        heading: if embed {
            "Share"
        } else {
            "Share, embed, export"
        },
        link: model.full_page_link(),
        status: model.ui.share_status.clone(),
        exports: !embed,
        dialog,
    }
}

#[cfg(test)]
#[path = "view_model_tests.rs"]
mod tests;
