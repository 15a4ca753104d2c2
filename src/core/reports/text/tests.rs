use super::*;

/// The inputs of issue 22: markup, links, autolinks, entities, code.
pub(crate) const HOSTILE: &[&str] = &[
    "<img src=x",
    "\"><b>",
    "&amp;",
    "&#8238;",
    "[a](//x.co)",
    "https://x.co",
    "www.x.co",
    "a@x.co",
    "~~s~~",
    "`code`",
    "``",
    "*a* _b_",
    "| x |",
    "$x$",
    "\\",
    "# h",
    "1. x",
    "![i](x)",
];

/// GitHub Flavored Markdown, with every extension that could turn text
/// into markup switched on and raw HTML passed through (the worst case).
fn rendered(markdown: &str) -> String {
    let mut options = comrak::Options::default();
    let extension = &mut options.extension;
    extension.strikethrough = true;
    extension.table = true;
    extension.autolink = true;
    extension.tasklist = true;
    extension.superscript = true;
    extension.subscript = true;
    extension.footnotes = true;
    extension.math_dollars = true;
    extension.underline = true;
    extension.spoiler = true;
    extension.highlight = true;
    options.render.r#unsafe = true;
    comrak::markdown_to_html(markdown, &options)
}

#[test]
fn others_text_renders_as_exactly_the_text_in_markdown() {
    for input in HOSTILE {
        let markdown = format!("Decided by {}.", theirs(input));
        assert_eq!(
            rendered(&markdown),
            format!("<p>Decided by {}.</p>\n", escape(input)),
            "{input}"
        );
    }
}

#[test]
fn every_ascii_punctuation_character_is_escaped_and_nothing_else() {
    assert_eq!(theirs("a@x.co"), "a\\@x\\.co");
    assert_eq!(theirs("https://x.co"), "https\\:\\/\\/x\\.co");
    assert_eq!(theirs("&#8238;"), "\\&\\#8238\\;");
    assert_eq!(theirs("Zoë M"), "Zoë M");
    assert_eq!(theirs("a\nb"), "a b", "a line break would end the line");
    let punctuation: String = (0x21u8..0x7f)
        .map(char::from)
        .filter(char::is_ascii_punctuation)
        .collect();
    assert_eq!(theirs(&punctuation).len(), 2 * punctuation.len());
}

#[test]
fn prose_stays_readable_and_renders_as_typed() {
    for typed in [
        "Node.js and C/C++ (async/await): 9/10, +2.6 points",
        "worker_threads, ±30%, “Why?”",
        "a <b> & c | d ~~e~~ $f$ `g` [h](i) *j*",
    ] {
        assert_eq!(
            rendered(&prose(typed)),
            format!("<p>{}</p>\n", escape(typed)),
            "{typed}"
        );
    }
    assert_eq!(
        prose("Node.js, C/C++ (async/await)"),
        "Node.js, C/C++ (async/await)",
        "nothing escaped that needs none"
    );
    assert_eq!(prose("worker_threads _x_"), "worker_threads \\_x\\_");
}

#[test]
fn an_address_is_an_autolink_that_cannot_be_broken_out_of() {
    assert_eq!(
        autolink("https://x.test/a#t=1&n=Ana"),
        "<https://x.test/a#t=1&n=Ana>"
    );
    assert_eq!(
        autolink("https://x.test/a b><img src=x>é"),
        "<https://x.test/a%20b%3E%3Cimg%20src=x%3E%C3%A9>"
    );
    assert_eq!(autolink("javascript"), "javascript");
    assert_eq!(autolink("[a](//x.co)"), "\\[a\\]\\(\\/\\/x\\.co\\)");
    let html = rendered(&autolink("https://x.test/a b><img src=x>"));
    assert!(!html.contains("<img"), "{html}");
}

#[test]
fn each_part_is_written_by_its_own_rule() {
    let text = Text::new()
        .ours("Not robust: leaving out ")
        .then(names(&["<img src=x", "onerror=alert()>"], " or "))
        .ours(" changes the ")
        .data("team's *answer*")
        .ours(".");
    assert_eq!(
        text.plain(),
        "Not robust: leaving out <img src=x or onerror=alert()> changes the team's *answer*."
    );
    assert_eq!(
        text.html(),
        "Not robust: leaving out <bdi>&lt;img src=x</bdi> or <bdi>onerror=alert()&gt;</bdi> changes the team&#39;s *answer*."
    );
    assert_eq!(
        text.markdown(),
        "Not robust: leaving out \\<img src\\=x or onerror\\=alert\\(\\)\\> changes the team's \\*answer\\*."
    );
    let rendered = rendered(&text.markdown());
    assert!(
        !rendered.contains("<img") && !rendered.contains("<em>"),
        "{rendered}"
    );
}

#[test]
fn names_are_listed_as_a_sentence_reads() {
    let list = |people: &[&str]| names(people, " or ").plain();
    assert_eq!(list(&[]), "");
    assert_eq!(list(&["Ana"]), "Ana");
    assert_eq!(list(&["Ana", "Ben"]), "Ana or Ben");
    assert_eq!(list(&["Ana", "Ben", "Cy"]), "Ana, Ben or Cy");
    assert_eq!(
        names(&["Ana", "Ben"], " and ").html(),
        "<bdi>Ana</bdi> and <bdi>Ben</bdi>"
    );
}

#[test]
fn hostile_names_are_text_in_html() {
    for input in HOSTILE {
        let html = Text::new().theirs(*input).html();
        let inner = html
            .strip_prefix("<bdi>")
            .and_then(|h| h.strip_suffix("</bdi>"));
        assert_eq!(inner, Some(escape(input).as_str()));
        assert!(
            !inner.is_some_and(|i| i.contains(['<', '>', '"'])),
            "{html}"
        );
    }
    assert_eq!(
        Text::new().theirs("\"><b>").html(),
        "<bdi>&quot;&gt;&lt;b&gt;</bdi>"
    );
    assert_eq!(Text::new().theirs("&amp;").html(), "<bdi>&amp;amp;</bdi>");
}
