//! Text as data: what the reports say, kept in parts by who wrote them
//! until it is written into a format. Each format has one renderer with
//! one escaper, applied to each part as it is written and never to a
//! finished sentence: [`Text::html`] (the team panel, the print appendix,
//! "How we score"), [`Text::markdown`] (the decision record) and
//! [`Text::plain`].

mod html;
mod markdown;

pub use html::escape;
pub use markdown::{autolink, prose, theirs};

use crate::core::engine::share::Sentence;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(Vec<Part>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Our own words and the numbers we format.
    Ours(String),
    /// The data file's prose (the names of options, criteria and presets,
    /// rationales, citations) and the sentences the engine words from it.
    Data(String),
    /// Someone else's text: a teammate's name, a value from a link.
    Theirs(String),
}

impl Text {
    pub fn new() -> Text {
        Text::default()
    }

    pub fn ours(mut self, words: impl Into<String>) -> Text {
        self.0.push(Part::Ours(words.into()));
        self
    }

    pub fn data(mut self, prose: impl Into<String>) -> Text {
        self.0.push(Part::Data(prose.into()));
        self
    }

    pub fn theirs(mut self, text: impl Into<String>) -> Text {
        self.0.push(Part::Theirs(text.into()));
        self
    }

    /// This text, then `more`.
    pub fn then(mut self, more: Text) -> Text {
        self.0.extend(more.0);
        self
    }

    pub fn parts(&self) -> &[Part] {
        &self.0
    }

    /// Every part as it is: for a reader of plain text, where nothing is markup.
    pub fn plain(&self) -> String {
        self.0.iter().map(Part::text).collect()
    }
}

impl Part {
    fn text(&self) -> &str {
        match self {
            Part::Ours(text) | Part::Data(text) | Part::Theirs(text) => text,
        }
    }
}

/// A reason from `engine::share` (why a link or a line was not read), its
/// quotes kept as others' text.
impl Sentence for Text {
    fn words(&mut self, words: &str) {
        self.0.push(Part::Ours(words.into()));
    }
    fn theirs(&mut self, text: &str) {
        self.0.push(Part::Theirs(text.into()));
    }
}

/// Names, each others' text, joined as a list is read: `Ana`, `Ana or Ben`,
/// `Ana, Ben or Cy` (with `last` " or ", or " and ").
pub fn names(names: &[&str], last: &str) -> Text {
    let mut text = Text::new();
    for (i, name) in names.iter().enumerate() {
        if i + 1 == names.len() && i > 0 {
            text = text.ours(last);
        } else if i > 0 {
            text = text.ours(", ");
        }
        text = text.theirs(*name);
    }
    text
}

#[cfg(test)]
mod tests;
