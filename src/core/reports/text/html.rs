//! Text as HTML: every part escaped, and others' text isolated in `<bdi>`,
//! so a name written right to left cannot reorder the sentence around it.

use super::{Part, Text};

/// The one HTML escaper of the reports: `&`, `<`, `>`, `"` and `'`, so the
/// text is safe in an element and in a quoted attribute.
pub use crate::core::engine::details::escape;

impl Text {
    pub fn html(&self) -> String {
        let mut out = String::new();
        for part in &self.0 {
            match part {
                Part::Ours(text) | Part::Data(text) => out.push_str(&escape(text)),
                Part::Theirs(text) => {
                    out.push_str("<bdi>");
                    out.push_str(&escape(text));
                    out.push_str("</bdi>");
                }
            }
        }
        out
    }
}
