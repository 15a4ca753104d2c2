//! The whole widget as data: what a link carries (`State`), the page it runs
//! in, what is open on screen, and what is derived from the weights. The
//! shell holds one `Model` and changes it only through `update`.

use std::rc::Rc;

use super::details_text::DetailsText;
use super::effect::ChartFormat;
use super::query::PageOptions;
use super::reporting::{MethodNote, Reporting};
use crate::core::engine::insight::{insight, Insight};
use crate::core::engine::matrix::Matrix;
use crate::core::engine::recommendation::{recommendation_for, Recommendation};
use crate::core::engine::score::evaluate;
use crate::core::engine::share::{encode, Shared};
use crate::core::engine::state::State;

/// A part of the widget a reader opens on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    /// The sliders (and the questionnaire's entry point).
    Weights,
    /// Reasons, what would change the answer, and the contributions chart.
    Why,
    /// Share link, embed snippets and exports.
    Share,
}

impl Panel {
    pub const ALL: [Panel; 3] = [Panel::Weights, Panel::Why, Panel::Share];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The panel's name in the markup (`data-panel`).
    pub fn id(self) -> &'static str {
        match self {
            Panel::Weights => "weights",
            Panel::Why => "why",
            Panel::Share => "share",
        }
    }
}

/// What the reader was last told, and what is open but not shared.
#[derive(Debug, Clone, PartialEq)]
pub struct Ui {
    pub quiz_open: bool,
    /// "How we score" is open (its text is drawn only then: the prerendered
    /// page, and an embed's first bytes, stay small).
    pub method_open: bool,
    /// "How we score" as the reports worker drew it.
    pub method: MethodNote,
    pub embed_dialog_open: bool,
    /// The embed dialog's snippets, as the reports worker wrote them.
    pub snippets: Snippets,
    /// A Markdown table or chart file on its way from the reports worker.
    pub exporting: Option<Asked>,
    /// The last outcome of a copy or download.
    pub share_status: String,
    pub details: DetailsText,
    /// The team panel, the decision record and print.
    pub reports: Reporting,
    /// The verdict is scrolled above the viewport (the shell watches it).
    pub verdict_passed: bool,
    /// What the verdict's live region said last, once the weights settled.
    pub announced: String,
}

impl Default for Ui {
    fn default() -> Self {
        Ui {
            quiz_open: false,
            method_open: false,
            method: MethodNote::NotAsked,
            embed_dialog_open: false,
            snippets: Snippets::NotAsked,
            exporting: None,
            share_status: String::new(),
            details: DetailsText::NotLoaded,
            reports: Reporting::default(),
            verdict_passed: false,
            announced: String::new(),
        }
    }
}

/// An export the reader asked for that the worker has not answered yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    Markdown,
    Chart(ChartFormat),
}

/// The embed dialog's snippets, asked for each time it opens.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Snippets {
    #[default]
    NotAsked,
    Loading,
    Loaded {
        loader: Rc<str>,
        iframe: Rc<str>,
    },
    /// Why there are none, in a sentence.
    Failed(String),
}

/// Everything derived from the weights, computed once per change.
#[derive(Debug, PartialEq)]
pub struct Analysis {
    pub recommendation: Rc<Recommendation>,
    pub insight: Rc<Insight>,
}

impl Analysis {
    pub fn of(matrix: &Matrix, weights: &[u8]) -> Self {
        let evaluation = evaluate(matrix, weights);
        Analysis {
            recommendation: Rc::new(recommendation_for(matrix, weights, &evaluation)),
            insight: Rc::new(insight(matrix, weights, &evaluation)),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub state: State,
    pub options: Rc<PageOptions>,
    /// The page's address without query or hash (empty when prerendering).
    pub page_address: String,
    pub ui: Ui,
    pub analysis: Rc<Analysis>,
    /// The state as share-link text (`v=1&w=…`).
    pub link: String,
}

impl Model {
    pub fn new(matrix: &Matrix, state: State, options: PageOptions, page_address: String) -> Self {
        let ui = Ui::default();
        Model {
            analysis: Rc::new(Analysis::of(matrix, &state.weights)),
            link: encode(matrix, &Shared::of(&state)),
            state,
            options: Rc::new(options),
            page_address,
            ui,
        }
    }

    /// Recomputes what derives from the state, only where it changed.
    pub(crate) fn refresh(&mut self, matrix: &Matrix, weights_before: &[u8]) {
        if self.state.weights != weights_before {
            self.analysis = Rc::new(Analysis::of(matrix, &self.state.weights));
        }
        self.link = encode(matrix, &Shared::of(&self.state));
    }

    /// Which panels are open: the reader's choice (shared in the link), or
    /// the default.
    pub fn panels(&self) -> [bool; 3] {
        self.state.panels.unwrap_or(self.default_panels())
    }

    /// A page shows every panel; an embed starts as one screen.
    pub fn default_panels(&self) -> [bool; 3] {
        [!self.options.embed; 3]
    }

    pub fn panel_open(&self, panel: Panel) -> bool {
        self.panels()[panel.index()]
    }

    /// Whether this page keeps the reader's settings in storage: an embed
    /// never does (several on one blog would overwrite each other).
    pub fn uses_storage(&self) -> bool {
        uses_storage(&self.options)
    }

    /// What the address bar holds: the team link while there is a team
    /// (the reader's own weights stay in storage), otherwise the state.
    pub fn address_text(&self) -> String {
        let team = &self.ui.reports.link;
        if team.is_empty() {
            self.link.clone()
        } else {
            team.clone()
        }
    }

    /// The full comparator's address with this state.
    pub fn full_page_link(&self) -> String {
        format!("{}#{}", self.page_address, self.link)
    }
}

/// The one owner of the rule "an embed never touches storage".
pub fn uses_storage(options: &PageOptions) -> bool {
    !options.embed
}
