//! Page options from the URL query: `embed` (also `embed=1`, `embed=true`),
//! `theme=light|dark|auto`, `preset=<id>`, `criteria=<id>,<id>…` and
//! `id=<embed id>`. Anything unreadable becomes a sensible default plus a
//! message saying so. For a repeated parameter the last valid value wins.
//!
//! `assets/boot.js` reads `embed`, `theme` and `id` before the first paint
//! with the same rule, and enough of `preset` and `criteria` to tell whether
//! the prerendered view answers what the address asks ([`ANSWER_ATTRIBUTE`]);
//! `tests/query_rule.rs` runs it and checks they agree.
//!
//! Embed mode has a second source: the embed's own document (`embed.html`)
//! carries [`EMBED_ATTRIBUTE`] on `<html>` in its markup, and is an embed
//! whatever its query ([`parse_marked`]).

use crate::core::engine::matrix::Matrix;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follows the reader's `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageOptions {
    pub embed: bool,
    pub theme: Theme,
    /// Index of the requested preset.
    pub preset: Option<usize>,
    /// The criteria to show, when only a subset was asked for (matrix order).
    pub criteria: Option<Vec<usize>>,
    /// The embed's id, echoed in its height messages (letters, digits, `-`, `_`).
    pub embed_id: Option<String>,
    /// What could not be honoured, in words.
    pub problems: Vec<String>,
}

/// Longer queries are not read at all (boot.js has the same limit).
pub const MAX_QUERY: usize = 2_048;

/// The values of `embed` that turn embed mode on (`?embed` is the empty one).
pub const EMBED_ON: [&str; 3] = ["", "1", "true"];

pub use crate::core::engine::share::{EMBED_FILE, PAGE_FILE};

/// The attribute of `<html>` that means embed mode: in embed.html's markup
/// from the start, and set by boot.js from the query before the first paint.
pub const EMBED_ATTRIBUTE: &str = "data-embed";

/// The attribute of `<html>` naming the preset whose answer a document's
/// prerendered view shows (`index-<id>.html`, `embed-<id>.html`); without
/// it, the default view. The boot script compares it with the query's.
pub const ANSWER_ATTRIBUTE: &str = "data-answers";

/// The options of a document whose `<html>` is `marked` with
/// [`EMBED_ATTRIBUTE`] or not: a marked one is an embed whatever its query.
pub fn parse_marked(matrix: &Matrix, query: &str, marked: bool) -> PageOptions {
    let mut options = parse(matrix, query);
    options.embed |= marked;
    options
}

/// The full page's address, seen from a document at `address` (no query):
/// an embed's is index.html beside its document, whatever the host calls
/// that file; a folder URL stays the folder (it serves index.html).
pub fn full_page_address(embed: bool, address: &str) -> String {
    match address.rfind('/') {
        _ if !embed => address.to_string(),
        Some(slash) if slash + 1 == address.len() => address.to_string(),
        Some(slash) => format!("{}{PAGE_FILE}", &address[..=slash]),
        None => PAGE_FILE.to_string(),
    }
}

/// A value from the address as a notice may name it: quoted when it looks
/// like one of our ids (`[a-z0-9_-]`, at most 30 characters), otherwise "an
/// unknown value", so a crafted link cannot speak in the page's voice.
fn shown(text: &str) -> String {
    let id_like = !text.is_empty()
        && text.len() <= 30
        && (text.bytes())
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if id_like {
        format!("“{text}”")
    } else {
        "an unknown value".to_string()
    }
}

/// Minimal percent-decoding for query values (`%2C` → `,`, `+` → space);
/// malformed escapes (anything but `%` and two hex digits) are kept as they are.
fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub fn parse(matrix: &Matrix, query: &str) -> PageOptions {
    let mut options = PageOptions::default();
    let query = query.strip_prefix('?').unwrap_or(query);
    if query.len() > MAX_QUERY {
        options
            .problems
            .push("The page address is too long to read; showing the defaults.".into());
        return options;
    }
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let value = percent_decode(raw);
        match key {
            "embed" => options.embed = EMBED_ON.contains(&value.as_str()),
            "theme" => match value.as_str() {
                "auto" => options.theme = Theme::Auto,
                "light" => options.theme = Theme::Light,
                "dark" => options.theme = Theme::Dark,
                _ => options.problems.push(format!(
                    "The address asks for {} as a theme (use light, dark or auto); following your system setting.",
                    shown(&value)
                )),
            },
            "preset" => match matrix.presets.iter().position(|p| p.id == value) {
                Some(index) => options.preset = Some(index),
                None => options.problems.push(format!(
                    "The address asks for {} as a use-case preset, and there is none by that name; showing equal weights instead. Pick a preset below.",
                    shown(&value)
                )),
            },
            "criteria" => read_criteria(matrix, &value, &mut options),
            "id" => {
                let clean = value.len() <= 40
                    && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                if clean && !value.is_empty() {
                    options.embed_id = Some(value);
                }
            }
            // Other parameters (analytics tags a host may add…) are not ours.
            _ => {}
        }
    }
    options
}

/// `criteria=<id>,<id>`: the known ones, in matrix order; the rest named.
fn read_criteria(matrix: &Matrix, value: &str, options: &mut PageOptions) {
    let mut chosen = Vec::new();
    let mut unknown = Vec::new();
    for id in value.split(',').map(str::trim).filter(|id| !id.is_empty()) {
        match matrix.criterion_index(id) {
            Some(index) if !chosen.contains(&index) => chosen.push(index),
            Some(_) => {}
            None => unknown.push(shown(id)),
        }
    }
    crate::core::engine::sort_by_rank(&mut chosen, |&c| c as i64);
    if !unknown.is_empty() {
        options
            .problems
            .push(format!("Unknown criteria ignored: {}.", unknown.join(", ")));
    }
    if chosen.is_empty() {
        options
            .problems
            .push("No known criteria were chosen; showing them all.".into());
    } else {
        options.criteria = Some(chosen);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::MATRIX;
    use proptest::prelude::*;

    #[test]
    fn an_embed_with_theme_preset_and_subset_is_read() {
        let options = parse(
            &MATRIX,
            "?embed=1&theme=dark&preset=ml_ai&criteria=ai_ml%2Crealtime,io_performance&id=w2",
        );
        assert!(options.embed);
        assert_eq!(options.theme, Theme::Dark);
        assert_eq!(
            options.preset,
            MATRIX.presets.iter().position(|p| p.id == "ml_ai")
        );
        let subset = options.criteria.expect("a subset");
        assert_eq!(subset.len(), 3);
        assert!(subset.windows(2).all(|w| w[0] < w[1]), "matrix order");
        assert_eq!(options.embed_id.as_deref(), Some("w2"));
        assert!(options.problems.is_empty(), "{:?}", options.problems);
    }

    #[test]
    fn bad_parameters_fall_back_and_say_why() {
        let options = parse(
            &MATRIX,
            "theme=purple&preset=quantum&criteria=vibes&id=<script>",
        );
        assert_eq!(options.theme, Theme::Auto);
        assert_eq!(options.preset, None);
        assert_eq!(options.criteria, None);
        assert_eq!(options.embed_id, None);
        let all = options.problems.join(" ");
        assert!(all.contains("asks for “purple” as a theme"), "{all}");
        assert!(
            all.contains("asks for “quantum” as a use-case preset"),
            "{all}"
        );
        assert!(all.contains("Unknown criteria ignored: “vibes”"), "{all}");
    }

    #[test]
    fn a_notice_never_echoes_text_that_is_not_an_id() {
        // The security review's query: a reversed fake address and a fake login warning.
        let options = parse(
            &MATRIX,
            "?preset=%E2%80%AEmoc.live%20ta%20nigol&criteria=Your%20session%20expired,Re-enter%20at%20evil.example,vibes&theme=%3Cb%3E",
        );
        let all = options.problems.join(" ");
        for echoed in ["\u{202e}", "moc.live", "session", "evil.example", "<b>"] {
            assert!(!all.contains(echoed), "{echoed} echoed in: {all}");
        }
        assert!(
            all.contains("asks for an unknown value as a use-case preset"),
            "{all}"
        );
        assert!(
            all.contains("Unknown criteria ignored: an unknown value, an unknown value, “vibes”."),
            "{all}"
        );
        let long = parse(&MATRIX, &format!("preset={}", "a".repeat(31)))
            .problems
            .join(" ");
        assert!(long.contains("an unknown value"), "{long}");
    }

    #[test]
    fn no_query_means_the_full_page() {
        assert_eq!(parse(&MATRIX, ""), PageOptions::default());
        assert_eq!(parse(&MATRIX, "?utm_source=blog"), PageOptions::default());
    }

    #[test]
    fn the_embed_document_is_an_embed_whatever_its_query() {
        for query in ["", "?embed=0", "?embed=false&theme=dark", "?embed=1"] {
            assert!(parse_marked(&MATRIX, query, true).embed, "{query}");
        }
        let marked = parse_marked(&MATRIX, "?embed=0&theme=dark&id=w3", true);
        assert_eq!(marked.theme, Theme::Dark);
        assert_eq!(marked.embed_id.as_deref(), Some("w3"));
        assert_eq!(
            parse_marked(&MATRIX, "?theme=light", false),
            parse(&MATRIX, "?theme=light")
        );
    }

    #[test]
    fn an_embeds_full_page_is_index_html_beside_it() {
        let page = |embed, address| full_page_address(embed, address);
        assert_eq!(
            page(true, "https://h.test/sw/embed.html"),
            "https://h.test/sw/index.html"
        );
        assert_eq!(
            page(true, "https://h.test/sw/embed"),
            "https://h.test/sw/index.html"
        );
        assert_eq!(
            page(true, "https://h.test/sw/index.html"),
            "https://h.test/sw/index.html"
        );
        assert_eq!(page(true, "https://h.test/sw/"), "https://h.test/sw/");
        assert_eq!(
            page(true, ""),
            "index.html",
            "the prerender's relative link"
        );
        assert_eq!(
            page(false, "https://h.test/sw/x.html"),
            "https://h.test/sw/x.html"
        );
    }

    proptest! {
        #[test]
        fn parse_never_panics(text in ".*") {
            let _ = parse(&MATRIX, &text);
        }

        #[test]
        fn parse_never_panics_on_escapes(text in "([a-z]{1,8}=(%[0-9a-fA-F]{0,2}|[a-z_,]|\\+){0,10}&?){0,6}") {
            let _ = parse(&MATRIX, &text);
        }
    }
}
