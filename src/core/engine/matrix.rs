//! The criteria matrix: options, criteria, scores and the use-case presets.
//!
//! The data lives in `data/node-vs-python.toml`; `build.rs` validates it and
//! generates [`MATRIX`] from it, so everything here is `'static` and free.

/// One of the technologies being compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionInfo {
    pub id: &'static str,
    pub name: &'static str,
}

/// A heading that groups related criteria (performance, productivity, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    pub id: &'static str,
    pub name: &'static str,
}

/// One criterion: what the sliders, the scoring and the chart need. Its
/// description, rationale, sources and the articles' claims are rendered at build time
/// into the details payload (see `core::details`), loaded on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Criterion {
    pub id: &'static str,
    pub name: &'static str,
    /// Axis label on the radar chart.
    pub short: &'static str,
    /// Index into [`Matrix::groups`].
    pub group: usize,
    /// One 1–10 score per option, in [`Matrix::options`] order.
    pub scores: &'static [u8],
    /// How many article claims the data records on this criterion…
    pub claims: u8,
    /// …how many of them the audit corrects…
    pub corrections: u8,
    /// …and whether the articles take different sides on it.
    pub disputed: bool,
    /// A kind of work that could run as its own service, so that a team can
    /// use each option where it is strongest (see `insight::hybrid`).
    pub workload: bool,
}

/// A use case's weights, one per criterion in [`Matrix::criteria`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    pub id: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    pub weights: &'static [u8],
    /// One sentence when this preset's verdict parts from what the audited
    /// articles that name its use case say, with the reason; `None` when
    /// they agree or say nothing (tested against the articles in tests/).
    pub departure: Option<&'static str>,
}

/// An audited article, as the page names it in one line: publisher and
/// address (none where the audited copy names no site), in [`ARTICLE_LINKS`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleLink {
    pub publisher: &'static str,
    pub url: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Matrix {
    pub title: &'static str,
    pub reviewed: &'static str,
    pub options: &'static [OptionInfo],
    pub groups: &'static [Group],
    pub criteria: &'static [Criterion],
    pub presets: &'static [Preset],
    /// File name (beside index.html) of the rendered "Why?" text.
    pub details_file: &'static str,
    /// How many sources the data cites, for the methodology note.
    pub source_count: usize,
}

/// The data's prose that only "How we score" shows. A static of its own:
/// the page's wasm never draws that note (the reports worker does), and a
/// field of [`MATRIX`] would keep its text in the page's first load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notes {
    pub scale: &'static str,
    /// How the presets' weights were chosen.
    pub presets_method: &'static str,
    /// How a reader can propose a change to the data.
    pub contribute: &'static str,
    /// How many audited claims nobody can check (verdict "unverified").
    pub unverified_claims: usize,
}

/// The highest weight a criterion can have.
pub const MAX_WEIGHT: u8 = 10;
/// The highest score an option can have on a criterion.
pub const MAX_SCORE: u8 = 10;

include!(concat!(env!("OUT_DIR"), "/matrix_data.rs"));

impl Matrix {
    pub fn preset(&self, id: &str) -> Option<&'static Preset> {
        self.presets.iter().find(|p| p.id == id)
    }

    pub fn criterion_index(&self, id: &str) -> Option<usize> {
        self.criteria.iter().position(|c| c.id == id)
    }

    /// Criteria indices grouped under their group, in data order.
    pub fn grouped(&self) -> Vec<(&'static Group, Vec<usize>)> {
        self.groups
            .iter()
            .enumerate()
            .map(|(g, group)| {
                let members = (0..self.criteria.len())
                    .filter(|&c| self.criteria[c].group == g)
                    .collect();
                (group, members)
            })
            .collect()
    }

    /// The weights a first-time visitor sees: every criterion equally at 5.
    pub fn default_weights(&self) -> Vec<u8> {
        vec![DEFAULT_WEIGHT; self.criteria.len()]
    }
}

/// Neutral starting weight: the middle of the slider.
pub const DEFAULT_WEIGHT: u8 = 5;
