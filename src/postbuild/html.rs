//! Just enough HTML tokenising to rewrite the bundle's index.html: start
//! tags with their attributes, and the raw text of `<script>` and `<style>`.
//! The input is Trunk's (minified) output, so attributes may be unquoted;
//! comments, doctypes and end tags are skipped. Offsets are byte offsets into
//! the source, so edits can splice the original text and leave the rest of
//! the document byte for byte as it was (CSP hashes depend on that).

use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    /// Lower-cased, as HTML matches attribute names.
    pub name: String,
    /// `None` for a bare attribute (`defer`); entities are left as written.
    pub value: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// Lower-cased tag name.
    pub name: String,
    /// From the `<` of the start tag to just past the end of the element:
    /// the end tag for `script`/`style`, otherwise the start tag's `>`.
    pub span: Range<usize>,
    pub attributes: Vec<Attribute>,
    /// The raw text between `<script …>` / `<style …>` and its end tag.
    pub text: Option<Range<usize>>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.value.as_deref().unwrap_or(""))
    }

    pub fn has_attr(&self, name: &str) -> bool {
        self.attributes.iter().any(|a| a.name == name)
    }

    /// Whether a space-separated attribute (`rel`) holds `token`.
    pub fn attr_has_token(&self, name: &str, token: &str) -> bool {
        self.attr(name).is_some_and(|value| {
            value
                .split_ascii_whitespace()
                .any(|t| t.eq_ignore_ascii_case(token))
        })
    }

    /// An inline script the browser runs (so CSP governs it), as opposed to
    /// a data block such as `<script type="text/plain">` or JSON.
    pub fn is_inline_executable_script(&self) -> bool {
        if self.name != "script" || self.has_attr("src") {
            return false;
        }
        let kind = self.attr("type").unwrap_or("").trim().to_ascii_lowercase();
        matches!(
            kind.as_str(),
            "" | "module"
                | "importmap"
                | "speculationrules"
                | "text/javascript"
                | "application/javascript"
                | "text/ecmascript"
                | "application/ecmascript"
        )
    }
}

/// Elements whose content is raw text: markup inside them is not markup.
const RAW_TEXT: [&str; 2] = ["script", "style"];

/// Every start tag in `html`, in document order.
pub fn elements(html: &str) -> Vec<Element> {
    // ASCII lower-casing keeps byte offsets, so searches run on this copy.
    let lower = html.to_ascii_lowercase();
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = html[at..].find('<') {
        let start = at + offset;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            at = lower[start + 4..]
                .find("-->")
                .map_or(html.len(), |end| start + 4 + end + 3);
            continue;
        }
        let name_len = rest[1..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .count();
        if name_len == 0 || !bytes[start + 1].is_ascii_alphabetic() {
            // An end tag, doctype, processing instruction or a stray `<`.
            at = if rest.starts_with("</") || rest.starts_with("<!") || rest.starts_with("<?") {
                html[start..]
                    .find('>')
                    .map_or(html.len(), |end| start + end + 1)
            } else {
                start + 1
            };
            continue;
        }
        let name = lower[start + 1..start + 1 + name_len].to_string();
        let (attributes, tag_end) = attributes(html, start + 1 + name_len);
        let (text, end) = if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            match lower[tag_end..].find(&close) {
                Some(offset) => {
                    let close_start = tag_end + offset;
                    let close_end = html[close_start..]
                        .find('>')
                        .map_or(html.len(), |end| close_start + end + 1);
                    (Some(tag_end..close_start), close_end)
                }
                None => (Some(tag_end..html.len()), html.len()),
            }
        } else {
            (None, tag_end)
        };
        found.push(Element {
            name,
            span: start..end,
            attributes,
            text,
        });
        at = end;
    }
    found
}

/// Parses attributes from `from` to the start tag's `>`; returns them and
/// the offset just past the `>`.
fn attributes(html: &str, from: usize) -> (Vec<Attribute>, usize) {
    let bytes = html.as_bytes();
    let mut list = Vec::new();
    let mut i = from;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return (list, bytes.len());
        }
        if bytes[i] == b'>' {
            return (list, i + 1);
        }
        let name_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !b"=>/".contains(&bytes[i]) {
            i += 1;
        }
        // A lone `/` or `=` where a name should be: skip it, never loop.
        if i == name_start {
            i += 1;
            continue;
        }
        let name = html[name_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = None;
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i];
                let value_start = i + 1;
                let value_end = bytes[value_start..]
                    .iter()
                    .position(|b| *b == quote)
                    .map_or(bytes.len(), |p| value_start + p);
                value = Some(html[value_start..value_end].to_string());
                i = (value_end + 1).min(bytes.len());
            } else {
                let value_start = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                    i += 1;
                }
                value = Some(html[value_start..i].to_string());
            }
        }
        list.push(Attribute { name, value });
    }
}

/// Replaces each range with its text. Ranges must not overlap; an
/// insertion (empty range) goes before a replacement starting there.
pub fn splice(html: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by_key(|(range, _)| (range.start, range.end));
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (range, text) in edits {
        out.push_str(&html[at..range.start]);
        out.push_str(&text);
        at = range.end;
    }
    out.push_str(&html[at..]);
    out
}

/// Escapes text for a double-quoted attribute value.
pub fn escape_attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The value [`escape_attr`] escaped, as written.
pub fn unescape_attr(value: &str) -> String {
    value
        .replace("&lt;", "<")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Where content belongs at the end of the body: before `</body>` when the
/// document has one, else at the very end (after an omitted `</body>` the
/// parser still puts it in the body).
pub fn body_end(html: &str) -> usize {
    html.to_ascii_lowercase()
        .rfind("</body")
        .unwrap_or(html.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quoted_unquoted_and_bare_attributes() {
        let html = r#"<link rel=stylesheet href="./main-1.css" data-x='a b'><script defer src=./a.js></script>"#;
        let found = elements(html);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].name, "link");
        assert_eq!(found[0].attr("rel"), Some("stylesheet"));
        assert_eq!(found[0].attr("href"), Some("./main-1.css"));
        assert_eq!(found[0].attr("data-x"), Some("a b"));
        assert!(found[1].has_attr("defer"));
        assert_eq!(found[1].attr("src"), Some("./a.js"));
        assert_eq!(
            &html[found[1].span.clone()],
            "<script defer src=./a.js></script>"
        );
    }

    #[test]
    fn script_text_is_raw_and_case_insensitive_end_tags_close_it() {
        let html = "<SCRIPT type=module>if (a<b) x('<p>')</Script ><p id=after>";
        let found = elements(html);
        assert_eq!(found.len(), 2, "{found:?}");
        let script = &found[0];
        assert_eq!(script.name, "script");
        assert_eq!(
            &html[script.text.clone().unwrap_or_default()],
            "if (a<b) x('<p>')"
        );
        assert!(script.is_inline_executable_script());
        assert_eq!(found[1].attr("id"), Some("after"));
    }

    #[test]
    fn comments_end_tags_and_doctype_are_skipped() {
        let html = "<!doctype html><!-- <script>no</script> --><p>a</p><br/>";
        let names: Vec<_> = elements(html).into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["p", "br"]);
    }

    #[test]
    fn data_blocks_are_not_executable() {
        let html = r#"<script type="text/plain" id=d>x</script><script type=application/json>{}</script><script src=a.js></script><script>run()</script>"#;
        let executable: Vec<_> = elements(html)
            .iter()
            .map(Element::is_inline_executable_script)
            .collect();
        assert_eq!(executable, [false, false, false, true]);
    }

    #[test]
    fn malformed_input_never_loops_or_panics() {
        for html in [
            "<", "<a", "<a b=", "<a b='x", "<script>", "<a / = >", "<!--", "</", "<é>",
        ] {
            let _ = elements(html);
        }
    }

    #[test]
    fn splice_replaces_ranges_in_order() {
        assert_eq!(
            splice("abcdef", vec![(4..5, "E".into()), (0..1, "A".into())]),
            "AbcdEf"
        );
        assert_eq!(splice("abc", vec![(1..1, "-".into())]), "a-bc");
    }

    #[test]
    fn body_end_finds_the_closing_tag_or_the_end() {
        assert_eq!(body_end("<p>x</p></BODY></html>"), 8);
        assert_eq!(body_end("<p>x"), 4);
    }
}
