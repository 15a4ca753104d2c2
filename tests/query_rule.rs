//! One rule per query parameter: `assets/boot.js` reads `embed`, `theme` and
//! `id` before the first paint, and `core::query::parse_marked` reads them
//! for the app, in the page and in the embed's own document (whose markup
//! marks `<html data-embed>`). The boot script also tells whether the
//! prerendered view answers the address (the use case a document was drawn
//! with, `<html data-answers>`; no subset; no shared state) and otherwise
//! marks it pending: it may do so needlessly, but never show a view the app
//! would not draw. This runs the boot script itself in Node (a `vm` context
//! standing in for a framed page) over a table of queries, in every kind of
//! document, and checks what it sets and the id it posts against the app.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use stackweigh::core::page::query::{
    parse, parse_marked, ANSWER_ATTRIBUTE, EMBED_ATTRIBUTE, EMBED_ON, MAX_QUERY,
};
use stackweigh::core::MATRIX;

/// Runs boot.js once per line on stdin, `M A H query`: M is 1 for a document
/// marked embed in its markup, A the use case it answers (`-` for none), H
/// the address's hash (`-` for none); as in a framed page with its app's
/// files named (nothing is fetched: the observers never fire). Prints one
/// line per query: `data-embed` (1 or 0), `data-theme` (or "auto"), `=` +
/// the id of its first height message (`none` when it posts none), and
/// `data-pending` (1 or 0).
const RUNNER: &str = r#"
const vm = require('node:vm');
const fs = require('node:fs');
const source = fs.readFileSync(process.env.BOOT_JS, 'utf8');
const lines = fs.readFileSync(0, 'utf8').split('\n');
const results = lines.map((line) => {
  const [marked, answers, hash] = line.split(' ', 3);
  const search = line.slice(marked.length + answers.length + hash.length + 3);
  const attributes = marked === '1' ? { [process.env.MARK]: '' } : {};
  if (answers !== '-') attributes[process.env.ANSWERS] = answers;
  const posted = [];
  const html = {
    setAttribute: (name, value) => { attributes[name] = value; },
    removeAttribute: (name) => { delete attributes[name]; },
    hasAttribute: (name) => name in attributes,
    getAttribute: (name) => (name in attributes ? attributes[name] : null),
    getBoundingClientRect: () => ({ height: 480 }),
  };
  class ResizeObserver {
    constructor(callback) { this.callback = callback; }
    observe() { this.callback([]); }
  }
  class IntersectionObserver {
    observe() {}
  }
  const app = { 'data-glue': './app.js', 'data-wasm': './app_bg.wasm' };
  const page = {
    location: { search, hash: hash === '-' ? '' : hash },
    document: {
      documentElement: html,
      currentScript: { getAttribute: (name) => app[name] ?? null },
      baseURI: 'http://127.0.0.1/',
      hidden: false,
      addEventListener: () => {},
      querySelectorAll: () => [],
    },
    top: {},
    parent: { postMessage: (message) => posted.push(message) },
    ResizeObserver,
    IntersectionObserver,
    URL,
    requestAnimationFrame: () => {},
    setTimeout: () => {},
  };
  page.window = page;
  vm.runInNewContext(source, page);
  const id = posted.length ? `=${posted[0].id}` : 'none';
  const pending = 'data-pending' in attributes ? 1 : 0;
  return `${process.env.MARK in attributes ? 1 : 0} ${attributes['data-theme'] ?? 'auto'} ${id} ${pending}`;
});
process.stdout.write(results.join('\n'));
"#;

/// A document the build writes: marked embed in its markup or not, and the
/// use case its prerendered view answers, if any.
#[derive(Debug, Clone, Copy)]
struct Document {
    marked: bool,
    answers: Option<&'static str>,
}

const PAGE: Document = Document {
    marked: false,
    answers: None,
};
const EMBED: Document = Document {
    marked: true,
    answers: None,
};

/// What boot.js did for one query, as the runner prints it.
type BootOptions = String;

fn run_boot(document: Document, hash: &str, queries: &[String]) -> Vec<BootOptions> {
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
        .env("ANSWERS", ANSWER_ATTRIBUTE)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node must be installed to check boot.js (scripts/setup.sh)");
    let prefix = format!(
        "{} {} {} ",
        u8::from(document.marked),
        document.answers.unwrap_or("-"),
        if hash.is_empty() { "-" } else { hash }
    );
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

fn run_boot_script(marked: bool, queries: &[String]) -> Vec<BootOptions> {
    let document = if marked { EMBED } else { PAGE };
    run_boot(document, "", queries)
        .into_iter()
        .map(|line| {
            line.rsplit_once(' ')
                .map_or(line.clone(), |(head, _)| head.to_string())
        })
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

/// Whether the app, opened at `query` and `hash` in `document`, draws the
/// very view the build prerendered into it.
fn app_draws_the_prerender(document: Document, query: &str, hash: &str) -> bool {
    let options = parse_marked(&MATRIX, query, document.marked);
    let drawn = (document.answers).map(|id| MATRIX.presets.iter().position(|p| p.id == id));
    assert_ne!(
        drawn,
        Some(None),
        "{document:?} answers a preset of the data"
    );
    hash.is_empty() && options.criteria.is_none() && options.preset == drawn.flatten()
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
    const WORDS: [&str; 29] = [
        "embed",
        "theme",
        "id",
        "=",
        "=",
        "&",
        "&",
        "?",
        "1",
        "0",
        "true",
        "dark",
        "light",
        "auto",
        "%",
        "%31",
        "%6",
        "+",
        "w-2",
        "_",
        "%2",
        "x",
        "preset",
        "preset=",
        "ml_ai",
        "ml%5Fai",
        "rest_api",
        "criteria",
        "criteria=",
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

/// The documents the build writes: the page and the embed's, and a use
/// case's page and embed (`src/postbuild/answers.rs`).
fn documents() -> [Document; 4] {
    let answers = Some("ml_ai");
    [
        PAGE,
        EMBED,
        Document {
            marked: false,
            answers,
        },
        Document {
            marked: true,
            answers,
        },
    ]
}

#[test]
fn a_view_that_is_not_the_apps_answer_is_always_pending() {
    let mut queries = hand_picked();
    queries.extend(generated(600));
    queries.extend(
        [
            "?preset=ml_ai&preset=",
            "?preset=ml_ai&preset=%3Cb%3E",
            "?preset=rest_api&preset=ml_ai",
            "?preset=ml_ai&preset=nope",
            "?preset=ML_AI",
            "?preset=ml%5Fai",
            "?preset=ml_ai&criteria=",
            "?criteria=vibes&preset=ml_ai",
            "?preset=+ml_ai",
        ]
        .map(String::from),
    );
    for document in documents() {
        for hash in ["", "#v=1&w=a3&p=ml_ai"] {
            let got = run_boot(document, hash, &queries);
            for (query, line) in queries.iter().zip(got) {
                let pending = line.ends_with(" 1");
                assert!(
                    pending || app_draws_the_prerender(document, query, hash),
                    "{document:?} shows its prerendered view as the answer to {query:?}{hash}, which the app would not draw"
                );
            }
        }
    }
}

#[test]
fn a_view_that_answers_its_address_is_shown_at_once() {
    let cases = [
        (
            PAGE,
            vec![
                "",
                "?theme=dark",
                "?embed=1&id=3",
                "?preset=",
                "?utm_source=blog",
            ],
        ),
        (EMBED, vec!["?id=1", "?id=2&theme=light"]),
        (
            documents()[2],
            vec![
                "?preset=ml_ai",
                "?preset=rest_api&preset=ml_ai",
                "?theme=dark&preset=ml_ai",
            ],
        ),
        (
            documents()[3],
            vec!["?id=1&preset=ml_ai&theme=dark", "?preset=ml%5Fai&id=4"],
        ),
    ];
    for (document, queries) in cases {
        let queries: Vec<String> = queries.into_iter().map(String::from).collect();
        for (query, line) in queries.iter().zip(run_boot(document, "", &queries)) {
            assert!(app_draws_the_prerender(document, query, ""), "{query}");
            assert!(
                line.ends_with(" 0"),
                "{document:?} at {query:?} is not pending: {line}"
            );
        }
    }
}
