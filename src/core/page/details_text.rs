//! The "Why?" text (rationales and sources), loaded the first time a reader
//! asks for it: one payload, one fragment per criterion.

use std::rc::Rc;

use crate::core::engine::details::SEPARATOR;

/// The loaded payload, kept whole (a record or print sends it on as is)
/// with where each criterion's fragment lies in it.
#[derive(Debug)]
pub struct Payload {
    pub text: String,
    ranges: Vec<std::ops::Range<usize>>,
}

/// Whether the "Why?" text has arrived.
#[derive(Debug, Clone)]
pub enum DetailsText {
    NotLoaded,
    Loading,
    Loaded(Rc<Payload>),
    Failed(LoadFailure),
}

/// Why the "Why?" text could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadFailure {
    /// The browser could not make or open the request.
    NoRequest,
    /// The server answered with this HTTP status.
    Status(u16),
    /// The network failed.
    Network,
    /// It is another version's text.
    OtherVersion,
}

impl LoadFailure {
    /// The sentence a reader sees under "Why?".
    pub fn message(&self) -> String {
        let why = match self {
            LoadFailure::NoRequest => "this browser could not ask for them".to_string(),
            LoadFailure::Status(status) => format!("status {status}"),
            LoadFailure::Network => "network error".to_string(),
            LoadFailure::OtherVersion => {
                return "The rationale and sources file does not match this version of the page; reload to update it.".into()
            }
        };
        format!("The rationale and sources could not be loaded ({why}). Check your connection and open “Why?” again.")
    }
}

/// Loaded text compares by pointer: it is never changed once read.
impl PartialEq for DetailsText {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (DetailsText::Loaded(a), DetailsText::Loaded(b)) => Rc::ptr_eq(a, b),
            (DetailsText::Failed(a), DetailsText::Failed(b)) => a == b,
            (a, b) => std::mem::discriminant(a) == std::mem::discriminant(b),
        }
    }
}

impl DetailsText {
    /// The loaded text, or why it cannot be used.
    pub fn from_payload(payload: String, criteria: usize) -> Self {
        let mut ranges = Vec::with_capacity(criteria);
        let mut start = 0;
        for (at, _) in payload.match_indices(SEPARATOR) {
            ranges.push(start..at);
            start = at + SEPARATOR.len_utf8();
        }
        ranges.push(start..payload.len());
        if ranges.len() == criteria {
            DetailsText::Loaded(Rc::new(Payload {
                text: payload,
                ranges,
            }))
        } else {
            DetailsText::Failed(LoadFailure::OtherVersion)
        }
    }

    pub fn fragment(&self, criterion: usize) -> Option<&str> {
        match self {
            DetailsText::Loaded(payload) => {
                let range = payload.ranges.get(criterion)?.clone();
                payload.text.get(range)
            }
            _ => None,
        }
    }

    /// The whole payload, for a record or print (empty until loaded).
    pub fn payload(&self) -> &str {
        match self {
            DetailsText::Loaded(payload) => &payload.text,
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payload_splits_into_one_fragment_per_criterion_and_stays_whole() {
        let text = format!("<p>a</p>{SEPARATOR}{SEPARATOR}<p>c</p>");
        let details = DetailsText::from_payload(text.clone(), 3);
        assert_eq!(details.fragment(0), Some("<p>a</p>"));
        assert_eq!(details.fragment(1), Some(""));
        assert_eq!(details.fragment(2), Some("<p>c</p>"));
        assert_eq!(details.fragment(3), None);
        assert_eq!(details.payload(), text);
    }

    #[test]
    fn a_payload_for_another_matrix_is_refused() {
        let details = DetailsText::from_payload(format!("a{SEPARATOR}b"), 3);
        assert_eq!(details, DetailsText::Failed(LoadFailure::OtherVersion));
        assert_eq!(details.payload(), "");
    }
}
