//! One rule per query parameter: `assets/boot.js` reads `embed`, `theme` and
//! `id` before the first paint, and `core::query::parse_marked` reads them
//! for the app, in the page and in the embed's own document (whose markup
//! marks `<html data-embed>`). This runs the boot script itself in Node (a
//! `vm` context standing in for a framed page) over a table of queries, in
//! both documents, and checks that the attributes it sets and the id it
//! posts are what `parse_marked` decides.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use stackweigh::core::page::query::{parse, parse_marked, EMBED_ATTRIBUTE, EMBED_ON, MAX_QUERY};
use stackweigh::core::MATRIX;

/// Runs boot.js once per query (one a line on stdin, after `1 ` for a
/// document marked embed in its markup, `0 ` for the page), as in a framed
/// page without data-glue, and prints one line per query: `data-embed` (1 or 0),
/// `data-theme` (or "auto") and `=` + the id of its first height message
/// (`none` when it posts none).
const RUNNER: &str = r#"
const vm = require('node:vm');
const fs = require('node:fs');
const source = fs.readFileSync(process.env.BOOT_JS, 'utf8');
const lines = fs.readFileSync(0, 'utf8').split('\n');
const results = lines.map((line) => {
  const search = line.slice(2);
  const attributes = line.startsWith('1 ') ? { [process.env.MARK]: '' } : {};
  const posted = [];
  const html = {
    setAttribute: (name, value) => { attributes[name] = value; },
    removeAttribute: (name) => { delete attributes[name]; },
    hasAttribute: (name) => name in attributes,
    getBoundingClientRect: () => ({ height: 480 }),
  };
  class ResizeObserver {
    constructor(callback) { this.callback = callback; }
    observe() { this.callback([]); }
  }
  const page = {
    location: { search },
    document: { documentElement: html, currentScript: null, addEventListener: () => {}, querySelectorAll: () => [] },
    top: {},
    parent: { postMessage: (message) => posted.push(message) },
    ResizeObserver,
  };
  page.window = page;
  vm.runInNewContext(source, page);
  const id = posted.length ? `=${posted[0].id}` : 'none';
  return `${process.env.MARK in attributes ? 1 : 0} ${attributes['data-theme'] ?? 'auto'} ${id}`;
});
process.stdout.write(results.join('\n'));
"#;

/// What boot.js did for one query, as the runner prints it.
type BootOptions = String;

fn run_boot_script(marked: bool, queries: &[String]) -> Vec<BootOptions> {
    assert!(
        queries.iter().all(|q| !q.contains('\n')),
        "one query a line"
    );
    let boot = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/boot.js");
    let mut child = Command::new("node")
        .arg("-e")
        .arg(RUNNER)
        .env("BOOT_JS", &boot)
        .env("MARK", EMBED_ATTRIBUTE)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node must be installed to check boot.js (scripts/setup.sh)");
    let prefix = if marked { "1 " } else { "0 " };
    let lines: Vec<String> = queries.iter().map(|q| format!("{prefix}{q}")).collect();
    let input = lines.join("\n");
    child
        .stdin
        .take()
        .expect("node's stdin")
        .write_all(input.as_bytes())
        .expect("queries sent to node");
    let output = child.wait_with_output().expect("node ran");
    assert!(
        output.status.success(),
        "boot.js failed in node: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .split('\n')
        .map(str::to_string)
        .collect()
}

/// What boot.js must do for `query`, by the app's own parser.
fn expected(query: &str, marked: bool) -> BootOptions {
    let options = parse_marked(&MATRIX, query, marked);
    let id = match options.embed {
        true => format!("={}", options.embed_id.unwrap_or_default()),
        false => "none".to_string(),
    };
    format!(
        "{} {} {id}",
        u8::from(options.embed),
        options.theme.as_str()
    )
}

fn hand_picked() -> Vec<String> {
    let mut queries: Vec<String> = [
        "",
        "?",
        "?embed",
        "?embed=",
        "?embed=1",
        "?embed=true",
        "?embed=0",
        "?embed=false",
        "?embed=yes",
        "?embed=TRUE",
        "?embed=%31",
        "?embed=%74rue",
        "?embed=+",
        "?embed=1=1",
        "?embed=1&embed=0",
        "?embed=0&embed",
        "?embedded=1",
        "?xembed=1",
        "?%65mbed=1",
        "?theme=dark",
        "?theme=light",
        "?theme=auto",
        "?theme=Dark",
        "?theme=purple",
        "?theme=dark&theme=light",
        "?theme=dark&theme=purple",
        "?theme=dark&theme=auto",
        "?theme=%64ark",
        "?theme=dark%",
        "?theme=dar%6",
        "?theme=%+4dark",
        "?theme",
        "?embed=1&theme=dark&preset=ml_ai&criteria=ai_ml,realtime&id=w2",
        "?embed=1&id=7",
        "?embed=1&id=",
        "?embed=1&id=a%20b",
        "?embed=1&id=%41-_z",
        "?embed=1&id=ok&id=<bad>",
        "?id=3&embed",
        "?preset=rest_api&embed=true",
        "?utm_source=blog&embed&theme=light",
        "&&embed&&",
        "embed=1",
        "??embed=1",
    ]
    .iter()
    .map(|q| q.to_string())
    .collect();
    queries.push(format!("?embed=1&id={}", "a".repeat(40)));
    queries.push(format!("?embed=1&id={}", "a".repeat(41)));
    // At the length limit and just over it: over it, nothing is read.
    let filler = |len: usize| "x".repeat(len);
    let base = "embed=1&theme=dark&p=";
    queries.push(format!("?{base}{}", filler(MAX_QUERY - base.len())));
    queries.push(format!("?{base}{}", filler(MAX_QUERY - base.len() + 1)));
    queries
}

/// Queries made of the rule's own words and the characters that matter to
/// it, from a fixed seed so a failure can be replayed.
fn generated(count: usize) -> Vec<String> {
    const WORDS: [&str; 22] = [
        "embed", "theme", "id", "=", "=", "&", "&", "?", "1", "0", "true", "dark", "light", "auto",
        "%", "%31", "%6", "+", "w-2", "_", "%2", "x",
    ];
    let mut seed: u64 = 0x5eed_1234_abcd_0042;
    let mut next = move |bound: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) % bound as u64) as usize
    };
    (0..count)
        .map(|_| {
            let length = next(12);
            (0..length).map(|_| WORDS[next(WORDS.len())]).collect()
        })
        .collect()
}

#[test]
fn boot_script_and_app_read_the_query_the_same_way() {
    let mut queries = hand_picked();
    queries.extend(generated(600));
    for marked in [false, true] {
        let got = run_boot_script(marked, &queries);
        assert_eq!(got.len(), queries.len());
        for (query, boot) in queries.iter().zip(got) {
            assert_eq!(
                boot,
                expected(query, marked),
                "query {query:?}, marked {marked}"
            );
        }
    }
}

#[test]
fn the_embed_document_is_an_embed_whatever_its_query() {
    let queries: Vec<String> = ["", "?embed=0", "?embed=false&theme=dark", "?id=w1&embed=no"]
        .map(String::from)
        .to_vec();
    for (query, boot) in queries.iter().zip(run_boot_script(true, &queries)) {
        assert!(boot.starts_with("1 "), "{query} in embed.html: {boot}");
        assert!(
            parse_marked(&MATRIX, query, true).embed,
            "{query} for the app"
        );
    }
}

#[test]
fn every_embed_spelling_paints_the_embed_layout() {
    let spellings: Vec<String> = EMBED_ON
        .iter()
        .map(|value| {
            if value.is_empty() {
                "?embed".to_string()
            } else {
                format!("?embed={value}")
            }
        })
        .chain(["?embed=".to_string()])
        .collect();
    for (query, boot) in spellings.iter().zip(run_boot_script(false, &spellings)) {
        assert!(
            boot.starts_with("1 "),
            "{query} is an embed for boot.js: {boot}"
        );
        assert!(
            parse(&MATRIX, query).embed,
            "{query} is an embed for the app"
        );
    }
}
