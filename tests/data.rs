//! The data file's rules, tested on the real file and on a small fixture
//! broken one rule at a time.

use stackweigh::core::engine::schema::{normalise_whitespace, validate, RawData};
use std::io::Write as _;
use std::path::{Path, PathBuf};

const DATA_FILE: &str = "data/node-vs-python.toml";
const FIXTURE: &str = "tests/fixtures/valid.toml";

fn load(path: &str) -> RawData {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// What the quote checks do about the seed articles.
#[derive(Debug, PartialEq, Eq)]
enum SeedCheck {
    Run,
    /// Not found on a developer's plain clone: say so in one line, pass.
    Skip(String),
    /// Not found under CI, where they must be: fail with that line.
    Fail(String),
}

/// The seed articles count as missing when not one of the data file's
/// article files is in `dir` (a partial folder runs, and names the gaps).
fn seed_check(dir: &Path, articles_found: usize, articles: usize, ci: bool) -> SeedCheck {
    if articles_found > 0 {
        return SeedCheck::Run;
    }
    let line = format!(
        "seed articles: none of the {articles} article files is in {}, so the quote checks cannot run \
         (set STACKWEIGH_SEEDS to the folder that holds them: STACKWEIGH_SEEDS=/path/to/seeds cargo test)",
        dir.display()
    );
    if ci {
        SeedCheck::Fail(format!("{line}; CI is set, so this fails"))
    } else {
        SeedCheck::Skip(format!("{line}; skipped"))
    }
}

/// CI services set `CI` (to `true`, or some other non-empty value).
fn under_ci(value: Option<&str>) -> bool {
    value.is_some_and(|v| !v.is_empty() && v != "0" && v != "false")
}

/// Where the five seed articles live: `$STACKWEIGH_SEEDS`, or `shared/seeds`
/// beside the repository (as in this project's CI). `None` means skip: the
/// one-line reason has been written to the terminal, past the test harness's
/// output capture, so a plain `cargo test` shows it.
fn seeds_dir(data: &RawData) -> Option<PathBuf> {
    let configured = std::env::var_os("STACKWEIGH_SEEDS").map(PathBuf::from);
    let dir = configured.unwrap_or_else(|| PathBuf::from("../shared/seeds"));
    let dir = dir
        .canonicalize()
        .or_else(|_| std::path::absolute(&dir))
        .unwrap_or(dir);
    let files: Vec<&str> = data
        .sources
        .iter()
        .filter_map(|s| s.file.as_deref())
        .collect();
    let found = files.iter().filter(|f| dir.join(f).is_file()).count();
    let ci = under_ci(std::env::var("CI").ok().as_deref());
    match seed_check(&dir, found, files.len(), ci) {
        SeedCheck::Run => Some(dir),
        SeedCheck::Skip(line) => {
            static SAID: std::sync::Once = std::sync::Once::new();
            SAID.call_once(|| {
                let _ = writeln!(std::io::stderr(), "{line}");
            });
            None
        }
        SeedCheck::Fail(line) => panic!("{line}"),
    }
}

#[test]
fn missing_seeds_skip_on_a_clone_and_fail_under_ci() {
    let dir = Path::new("/nowhere/seeds");
    assert_eq!(seed_check(dir, 5, 5, false), SeedCheck::Run);
    assert_eq!(seed_check(dir, 2, 5, true), SeedCheck::Run);
    let SeedCheck::Skip(skip) = seed_check(dir, 0, 5, false) else {
        panic!("a clone without the articles skips");
    };
    let SeedCheck::Fail(fail) = seed_check(dir, 0, 5, true) else {
        panic!("CI without the articles fails");
    };
    for line in [&skip, &fail] {
        assert!(line.contains("/nowhere/seeds") && line.contains("STACKWEIGH_SEEDS="));
        assert!(!line.contains('\n'), "one line: {line}");
    }
    assert!(skip.ends_with("skipped") && fail.ends_with("fails"));
    assert!(under_ci(Some("true")) && under_ci(Some("1")));
    assert!(!under_ci(None) && !under_ci(Some("")) && !under_ci(Some("false")));
}

fn errors_for(edit: impl FnOnce(&mut RawData)) -> Vec<String> {
    let mut data = load(FIXTURE);
    edit(&mut data);
    validate(FIXTURE, &data).expect_err("the broken fixture must be rejected")
}

fn assert_reports(errors: &[String], entry: &str, problem: &str) {
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(FIXTURE) && e.contains(entry) && e.contains(problem)),
        "expected an error naming {entry:?} with {problem:?}, got {errors:#?}"
    );
}

#[test]
fn the_real_data_file_is_valid() {
    if let Err(errors) = validate(DATA_FILE, &load(DATA_FILE)) {
        panic!("{}", errors.join("\n"));
    }
}

#[test]
fn the_fixture_is_valid() {
    assert_eq!(validate(FIXTURE, &load(FIXTURE)), Ok(()));
}

#[test]
fn every_article_source_is_a_seed_file_that_exists() {
    let data = load(DATA_FILE);
    let Some(seeds) = seeds_dir(&data) else {
        return;
    };
    for source in data.sources.iter().filter(|s| s.kind == "article") {
        let file = source
            .file
            .as_deref()
            .expect("validated: articles have a file");
        assert!(
            seeds.join(file).is_file(),
            "source {:?}: no seed file {file}",
            source.id
        );
    }
}

#[test]
fn every_quoted_claim_occurs_in_its_article() {
    let data = load(DATA_FILE);
    let Some(seeds) = seeds_dir(&data) else {
        return;
    };
    let mut missing = Vec::new();
    for criterion in &data.criteria {
        for claim in &criterion.claims {
            let source = data
                .sources
                .iter()
                .find(|s| s.id == claim.source)
                .expect("validated");
            let file = source
                .file
                .as_deref()
                .expect("validated: claims cite articles");
            let text = std::fs::read_to_string(seeds.join(file)).expect("seed file readable");
            if !normalise_whitespace(&text).contains(&normalise_whitespace(&claim.quote)) {
                missing.push(format!(
                    "criterion {:?}: {file} does not say {:?}",
                    criterion.id, claim.quote
                ));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn a_missing_score_is_rejected() {
    let errors = errors_for(|d| {
        d.criteria[0].scores.remove("python");
    });
    assert_reports(
        &errors,
        "criterion \"io_performance\"",
        "missing score for option \"python\"",
    );
}

#[test]
fn a_score_out_of_range_is_rejected() {
    let errors = errors_for(|d| d.criteria[1].scores.get_mut("node").unwrap().score = 11);
    assert_reports(
        &errors,
        "criterion \"cpu_performance\", score for \"node\"",
        "outside 1..=10",
    );
    let errors = errors_for(|d| d.criteria[1].scores.get_mut("node").unwrap().score = 0);
    assert_reports(&errors, "criterion \"cpu_performance\"", "outside 1..=10");
}

#[test]
fn an_unknown_source_is_rejected() {
    let errors = errors_for(|d| {
        d.criteria[2]
            .scores
            .get_mut("python")
            .unwrap()
            .sources
            .push("nope".into())
    });
    assert_reports(
        &errors,
        "criterion \"ai_ml\", score for \"python\"",
        "unknown source \"nope\"",
    );
}

#[test]
fn a_score_without_sources_or_rationale_is_rejected() {
    let errors = errors_for(|d| {
        let score = d.criteria[0].scores.get_mut("node").unwrap();
        score.sources.clear();
        score.rationale = "  ".into();
    });
    assert_reports(&errors, "score for \"node\"", "at least one source");
    assert_reports(&errors, "score for \"node\"", "needs a rationale");
}

#[test]
fn a_preset_naming_an_unknown_criterion_is_rejected() {
    let errors = errors_for(|d| {
        d.presets[0].weights.insert("vibes".into(), 5);
    });
    assert_reports(
        &errors,
        "preset \"realtime_chat\"",
        "unknown criterion \"vibes\"",
    );
}

#[test]
fn a_preset_must_set_every_weight_within_range() {
    let errors = errors_for(|d| {
        d.presets[1].weights.remove("ai_ml");
        d.presets[1].weights.insert("io_performance".into(), 12);
    });
    assert_reports(
        &errors,
        "preset \"ml_ai\"",
        "sets no weight for criterion \"ai_ml\"",
    );
    assert_reports(&errors, "preset \"ml_ai\"", "outside 0..=10");
}

#[test]
fn duplicate_ids_are_rejected() {
    let errors = errors_for(|d| {
        let copy = d.criteria[0].clone();
        d.criteria.push(copy);
        let preset = d.presets[0].clone();
        d.presets.push(preset);
    });
    assert_reports(&errors, "criterion \"io_performance\"", "duplicate id");
    assert_reports(&errors, "preset \"realtime_chat\"", "duplicate id");
}

#[test]
fn a_wrong_claim_needs_a_primary_source_correction() {
    let errors = errors_for(|d| {
        let claim = &mut d.criteria[0].claims[0];
        claim.correction = None;
        claim.correction_sources.clear();
    });
    assert_reports(&errors, "claim 1 (\"simform-2024\")", "needs a correction");
    let errors =
        errors_for(|d| d.criteria[0].claims[0].correction_sources = vec!["simform-2024".into()]);
    assert_reports(&errors, "claim 1", "must be a primary source");
}

#[test]
fn sources_must_be_dated_cited_and_well_formed() {
    let errors = errors_for(|d| {
        d.sources[1].checked = None;
        d.sources[2].url = Some("http://example.invalid".into());
    });
    assert_reports(
        &errors,
        "source \"python-docs-threading\"",
        "needs `checked`",
    );
    assert_reports(&errors, "source \"nodejs-docs-worker-threads\"", "https://");
    let errors = errors_for(|d| {
        let mut extra = d.sources[1].clone();
        extra.id = "never-cited".into();
        d.sources.push(extra);
    });
    assert_reports(&errors, "source \"never-cited\"", "never cited");
}

#[test]
fn unknown_fields_are_a_parse_error_not_silently_ignored() {
    let text = std::fs::read_to_string(FIXTURE)
        .unwrap()
        .replace("short = \"CPU\"", "short = \"CPU\"\nshrot = \"typo\"");
    let error = toml::from_str::<RawData>(&text)
        .expect_err("unknown field")
        .to_string();
    assert!(error.contains("shrot"), "{error}");
}

/// What the articles say about a use case: (article id, its words).
type Sayings = &'static [(&'static str, &'static str)];

/// The use cases every article that names a side sends the same way, with
/// the words that say so (checked against the articles below). Data
/// analysis is not one: YTII, Kinsta and the Showdown post name Python,
/// Simform sends data-intensive apps to Node.js, Clarion is silent.
const CONSENSUS: &[(&str, &str, Sayings)] = &[
    (
        "realtime_chat",
        "node",
        &[
            ("simform-2024", "If real-time data transmission is critical to the app’s usability, Node.js is exactly what you need."),
            ("ytii-2026", "Event- Driven, suitable for chat apps and web games"),
            ("clarion-2023", "NodeJS's multithreading capabilities are highly beneficial for applications requiring real-time data processing, such as chat apps."),
            ("kinsta-jassweb", "Node.js is recommended for building fast, real-time applications"),
            ("showdown-2026", "Real-time applications (like messaging)"),
        ],
    ),
    (
        "ml_ai",
        "python",
        &[
            ("simform-2024", "Python is used for complex web projects like big data, AI development"),
            ("ytii-2026", "Python excels in AI, machine learning, and data-intensive projects"),
            ("clarion-2023", "Python is the go-to language for machine learning and artificial intelligence applications"),
            ("kinsta-jassweb", "Python is also one of the top choices for data science and machine learning projects."),
            ("showdown-2026", "Machine learning projects"),
        ],
    ),
    (
        "streaming",
        "node",
        &[
            ("ytii-2026", "Real-time apps, chatbots, gaming, and streaming services"),
            ("clarion-2023", "If your app involves data streaming, NodeJS's lightweight and fast nature makes it a prime choice"),
            ("kinsta-jassweb", "Data streaming applications"),
        ],
    ),
];

/// Data analysis: who says what (the reason it is not in [`CONSENSUS`]).
const DATA_ANALYSIS: Sayings = &[
    ("ytii-2026", "Python performs well for CPU-intensive tasks like AI, data analytics, or batch processing."),
    ("kinsta-jassweb", "Python is a popular language for machine learning and data analytics."),
    ("showdown-2026", "Data analytics and visualization"),
    ("simform-2024", "If the use case of your app is data intensive, your go-to choice should be Node.js."),
];

/// The presets are weighed by hand, never tuned to a winner; but where the
/// articles agree on a use case, a preset for it that came out the other
/// way would mean a scoring or weighting mistake.
#[test]
fn presets_the_articles_agree_on_land_on_that_side() {
    use stackweigh::core::engine::score::{evaluate, Outcome};
    use stackweigh::core::MATRIX;
    let option = |id: &str| MATRIX.options.iter().position(|o| o.id == id).unwrap();
    for (preset, expected, _) in CONSENSUS {
        let weights = MATRIX.preset(preset).expect("the preset exists").weights;
        match evaluate(&MATRIX, weights).outcome {
            Outcome::Winner { winner, .. } => assert_eq!(winner, option(expected), "{preset}"),
            other => panic!("{preset}: expected {expected} to win, got {other:?}"),
        }
    }
}

/// The consensus list and the data-analysis exception say exactly what the
/// articles say: every saying is in its article, and the method text names
/// the same articles.
#[test]
fn the_consensus_list_quotes_the_articles() {
    let data = load(DATA_FILE);
    let method = &data.meta.presets_method;
    assert!(
        method.contains("real-time chat (all five articles: Node.js)"),
        "{method}"
    );
    assert!(method.contains("ML / AI (all five: Python)"), "{method}");
    assert!(
        method.contains("Simform sends data-intensive apps to Node.js"),
        "{method}"
    );
    assert!(method.contains("Clarion does not mention it"), "{method}");
    for (preset, _, sayings) in CONSENSUS {
        assert!(data.presets.iter().any(|p| p.id == *preset), "{preset}");
        let all_five = sayings.len() == 5;
        assert_eq!(all_five, *preset != "streaming", "{preset}");
    }
    let Some(seeds) = seeds_dir(&data) else {
        return;
    };
    let article = |id: &str| {
        let source = data
            .sources
            .iter()
            .find(|s| s.id == id)
            .expect("an article");
        let file = source.file.as_deref().expect("articles have a file");
        normalise_whitespace(&std::fs::read_to_string(seeds.join(file)).expect("readable"))
    };
    let all = CONSENSUS.iter().flat_map(|(_, _, s)| s.iter());
    for (id, words) in all.chain(DATA_ANALYSIS) {
        assert!(
            article(id).contains(&normalise_whitespace(words)),
            "{id} does not say {words:?}"
        );
    }
    let clarion = article("clarion-2023").to_lowercase();
    assert!(
        !clarion.contains("data analy"),
        "Clarion does not mention data analysis"
    );
}

/// The stated method (`presets_method`): 9–10 for what decides a use case,
/// 5–7 for what usually matters, 1–3 for what barely matters. The CMS /
/// business preset was re-derived by it; its summary names each band's
/// criteria, and its result is whatever those weights give.
#[test]
fn the_cms_preset_follows_the_stated_method() {
    let data = load(DATA_FILE);
    let preset = data
        .presets
        .iter()
        .find(|p| p.id == "cms_business")
        .expect("cms_business");
    let band = |w: i64| match w {
        9..=10 => "decides",
        5..=7 => "matters",
        1..=3 => "barely",
        _ => "outside the method",
    };
    let decides = ["web_frameworks", "dev_speed", "maintainability"];
    let matters = [
        "learning_curve",
        "error_handling",
        "package_ecosystem",
        "community_hiring",
    ];
    for (criterion, weight) in &preset.weights {
        let want = if decides.contains(&criterion.as_str()) {
            "decides"
        } else if matters.contains(&criterion.as_str()) {
            "matters"
        } else {
            "barely"
        };
        assert_eq!(band(*weight), want, "{criterion} = {weight}");
    }
    assert!(
        !preset.summary.contains("level"),
        "the summary announces no outcome"
    );
}

#[test]
fn an_article_s_position_is_its_stated_verdict_or_its_claims_majority() {
    use stackweigh::core::engine::details::{disagreement, position};
    let data = load(DATA_FILE);
    let criterion = |id: &str| data.criteria.iter().find(|c| c.id == id).expect(id);
    let community = criterion("community_hiring");
    assert_eq!(
        community
            .claims
            .iter()
            .find(|c| c.source == "clarion-2023")
            .map(|c| c.favours.as_str()),
        Some("node")
    );
    assert_eq!(
        position(community, "clarion-2023"),
        "tie",
        "Clarion's 'Winner: Tie'"
    );
    let shown = disagreement(&data, community);
    assert!(
        shown
            .iter()
            .any(|p| p.publisher == "Clarion Technologies" && p.favours == "tie"),
        "{shown:?}"
    );

    let mut made_up = load(FIXTURE).criteria[0].clone();
    made_up.positions.clear();
    let favours = |sides: &[&str]| {
        let mut c = made_up.clone();
        let template = c.claims[0].clone();
        c.claims = sides
            .iter()
            .map(|s| stackweigh::core::engine::schema::RawClaim {
                favours: s.to_string(),
                ..template.clone()
            })
            .collect();
        position(&c, &template.source)
    };
    assert_eq!(favours(&["node", "python", "node", "tie"]), "node");
    assert_eq!(favours(&["node", "python", "tie"]), "tie");
    assert_eq!(favours(&["tie", "tie"]), "tie");
    assert_eq!(favours(&["python"]), "python");
}

#[test]
fn a_recorded_position_must_be_an_article_s_on_that_criterion() {
    let errors = errors_for(|d| {
        d.criteria[0]
            .positions
            .insert("python-docs-threading".into(), "tie".into());
        d.criteria[0]
            .positions
            .insert("simform-2024".into(), "maybe".into());
    });
    assert_reports(
        &errors,
        "position of \"python-docs-threading\"",
        "makes no claim",
    );
    assert_reports(
        &errors,
        "position of \"simform-2024\"",
        "neither an option id nor \"tie\"",
    );
}

#[test]
fn empty_methodology_text_is_rejected() {
    let errors = errors_for(|d| d.meta.contribute = "  ".into());
    assert_reports(&errors, "[meta]", "contribute is empty");
}
