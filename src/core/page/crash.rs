//! What the crash notice says (`app::panic` draws it with plain DOM calls
//! when the app has panicked): its fixed words, the error details a reader
//! copies into a bug report, and what a copy of them came to.

/// The notice's markup: fixed text only; the shell sets the state link and
/// the error details as text afterwards.
pub const NOTICE: &str = concat!(
    r#"<p id="sw-crash-message" class="sw-boot-error" role="alert">"#,
    "Sorry: the comparator hit an error and has stopped. Reload it to carry on with the same weights.",
    r#"</p><p class="sw-crash-actions"><button type="button" class="sw-button">Reload</button>"#,
    r#"<button type="button" class="sw-button">Copy error details</button></p>"#,
    r#"<p class="sw-crash-link">Your weights: <a target="_blank" rel="noopener"></a></p>"#,
    r#"<p class="sw-crash-status" role="status"></p><details class="sw-crash-details">"#,
    r#"<summary>Error details</summary><textarea readonly rows="5" aria-label="Error details"></textarea></details>"#,
);

/// What "Copy error details" came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyOutcome {
    Copied,
    /// The browser refused: the details are shown selected instead.
    Refused,
}

impl CopyOutcome {
    pub fn sentence(self) -> &'static str {
        match self {
            CopyOutcome::Copied => "Copied the error details.",
            CopyOutcome::Refused => "Your browser did not allow copying here: the details are selected below; copy them yourself.",
        }
    }
}

/// What "Copy error details" copies: enough for a bug report, nothing more.
pub fn error_details(message: &str, location: &str, link: &str) -> String {
    format!(
        "stackweigh {} stopped with an error.\nError: {message}\nAt: {location}\nState link: {link}\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// The hash text of a state link (`page#v=1&w=…` → `v=1&w=…`), if any.
pub fn hash_of(link: &str) -> Option<&str> {
    link.split_once('#')
        .map(|(_, hash)| hash)
        .filter(|h| !h.is_empty())
}

/// Whether two state links carry different weights (the crash-test build
/// panics on the first such change; opening a panel changes the link only).
pub fn weights_differ(before: &str, now: &str) -> bool {
    let weights = |link| {
        hash_of(link).and_then(|hash: &str| hash.split('&').find(|pair| pair.starts_with("w=")))
    };
    weights(before) != weights(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_details_carry_the_message_location_version_and_link() {
        let text = error_details("boom", "src/x.rs:1:2", "https://h/p/#v=1&w=55");
        assert!(text.contains("Error: boom"));
        assert!(text.contains("At: src/x.rs:1:2"));
        assert!(text.contains(env!("CARGO_PKG_VERSION")));
        assert!(text.contains("State link: https://h/p/#v=1&w=55"));
    }

    #[test]
    fn the_hash_of_a_state_link_is_what_follows_the_first_hash_sign() {
        assert_eq!(hash_of("https://h/p/#v=1&w=55"), Some("v=1&w=55"));
        assert_eq!(hash_of("https://h/p/"), None);
        assert_eq!(hash_of("https://h/p/#"), None);
    }

    #[test]
    fn only_a_change_of_weights_counts_as_one() {
        assert!(weights_differ("https://h/#v=1&w=55", "https://h/#v=1&w=56"));
        assert!(!weights_differ(
            "https://h/#v=1&w=55",
            "https://h/#v=1&w=55&p=1"
        ));
    }

    #[test]
    fn the_notice_has_its_controls_and_no_reader_text() {
        for part in [
            "role=\"alert\"",
            ">Reload</button>",
            ">Copy error details</button>",
            "<textarea",
        ] {
            assert!(NOTICE.contains(part), "{part}");
        }
        assert!(
            !NOTICE.contains("href="),
            "the link is set as text and attribute later"
        );
    }
}
