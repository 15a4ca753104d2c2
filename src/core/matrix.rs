//! The criteria matrix: options, criteria, scores with rationale and
//! sources, what the articles claim, and the use-case presets.
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Article,
    Docs,
    Pep,
    ReleaseNotes,
    Survey,
    Benchmark,
    Book,
}

/// A citation: one of the seed articles, or a primary source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub id: &'static str,
    pub kind: SourceKind,
    pub publisher: &'static str,
    pub title: &'static str,
    pub year: u16,
    /// The seed article's file name (articles only).
    pub file: Option<&'static str>,
    pub url: Option<&'static str>,
    /// When a primary source was last checked (YYYY-MM-DD).
    pub checked: Option<&'static str>,
}

/// One option's score on one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Score {
    /// 1 (weak) ..= 10 (best in class).
    pub value: u8,
    pub rationale: &'static str,
    /// Indices into [`Matrix::sources`].
    pub sources: &'static [usize],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Favours {
    /// Index into [`Matrix::options`].
    Option(usize),
    Tie,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Accurate,
    False,
    Outdated,
    Oversimplified,
    Contested,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Accurate => "accurate",
            Verdict::False => "false",
            Verdict::Outdated => "outdated",
            Verdict::Oversimplified => "oversimplified",
            Verdict::Contested => "contested",
        }
    }
}

/// What one article says about a criterion, and whether it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    /// Index into [`Matrix::sources`] (always an article).
    pub source: usize,
    pub quote: &'static str,
    pub favours: Favours,
    pub verdict: Verdict,
    pub correction: Option<&'static str>,
    pub correction_sources: &'static [usize],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Criterion {
    pub id: &'static str,
    pub name: &'static str,
    /// Axis label on the radar chart.
    pub short: &'static str,
    /// Index into [`Matrix::groups`].
    pub group: usize,
    pub description: &'static str,
    /// One score per option, in [`Matrix::options`] order.
    pub scores: &'static [Score],
    pub claims: &'static [Claim],
}

/// A use case's weights, one per criterion in [`Matrix::criteria`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    pub id: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    pub weights: &'static [u8],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Matrix {
    pub title: &'static str,
    pub reviewed: &'static str,
    pub scale: &'static str,
    pub options: &'static [OptionInfo],
    pub groups: &'static [Group],
    pub sources: &'static [Source],
    pub criteria: &'static [Criterion],
    pub presets: &'static [Preset],
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
