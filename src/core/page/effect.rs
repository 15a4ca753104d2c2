//! What the shell must do for the core: every effect is plain data, run by
//! `app::browser`, and nothing else touches the browser.

use super::details_text::DetailsText;
use crate::core::protocol::Request;

/// Something a reader can copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copyable {
    Link,
    Markdown,
    LoaderSnippet,
    IframeSnippet,
    Record,
    TeamLink,
}

impl Copyable {
    pub fn name(self) -> &'static str {
        match self {
            Copyable::Link => "link",
            Copyable::Markdown => "Markdown table",
            Copyable::LoaderSnippet => "widget snippet",
            Copyable::IframeSnippet => "iframe snippet",
            Copyable::Record => "decision record",
            Copyable::TeamLink => "team link",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartFormat {
    Svg,
    Png,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Draw the view model again.
    Render,
    /// Put the state in the address bar (once the weights settle).
    ReplaceAddress(String),
    /// Keep the state in storage (once the weights settle).
    Persist(String),
    /// Keep the reader's own settings that a shared link replaced.
    KeepDisplaced(String),
    /// The reader chose: what a link displaced is moot.
    ForgetDisplaced,
    CopyText {
        text: String,
        what: Copyable,
    },
    LoadDetailsText,
    /// Download the chart as `file`: `svg` is the standalone SVG document,
    /// which a PNG is drawn from.
    DownloadChart {
        format: ChartFormat,
        file: &'static str,
        svg: String,
    },
    ShowEmbedDialog,
    /// A request to the reports worker, started on first use.
    Ask(Request),
    /// Save `text` as a download named `file`.
    SaveText {
        file: &'static str,
        text: String,
    },
    /// Open the browser's print dialog, once the page is drawn.
    Print,
    /// Tell the core whether the verdict is above the viewport, as the
    /// reader scrolls (`Event::VerdictPassed`).
    WatchVerdict,
    /// Bring the full verdict into view and move focus to it.
    RevealVerdict,
    /// Send `Event::DetailsDue` once the reader has been on the page
    /// [`DETAILS_AFTER_MS`]: the "Why?" text is fetched then (and kept by
    /// the service worker), not in the first visit's first seconds.
    PrefetchDetailsLater,
    /// Send `Event::AnnouncementDue` once no change has come for about half
    /// a second (each change restarts the wait).
    AnnounceSoon,
}

/// How long a reader stays before the page fetches the "Why?" text it has
/// not asked for yet (30.8 kB gzip): a visit that ends sooner never pays
/// for it; one that lasts leaves it in the service worker's cache, for
/// offline use.
pub const DETAILS_AFTER_MS: u32 = 20_000;

/// Starts loading the "Why?" text unless it is here or on its way.
pub fn load_details(details: &mut DetailsText) -> Vec<Effect> {
    match details {
        DetailsText::NotLoaded | DetailsText::Failed(_) => {
            *details = DetailsText::Loading;
            vec![Effect::LoadDetailsText]
        }
        DetailsText::Loading | DetailsText::Loaded(_) => Vec::new(),
    }
}
