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
fn every_quoted_claim_and_saying_occurs_in_its_article() {
    let data = load(DATA_FILE);
    let Some(seeds) = seeds_dir(&data) else {
        return;
    };
    let quoted = data.criteria.iter().flat_map(|c| {
        (c.claims.iter())
            .map(move |claim| (format!("criterion {:?}", c.id), &claim.source, &claim.quote))
    });
    let said = data.presets.iter().flat_map(|p| {
        (p.sayings.iter())
            .map(move |saying| (format!("preset {:?}", p.id), &saying.source, &saying.quote))
    });
    let mut missing = Vec::new();
    for (entry, source, quote) in quoted.chain(said) {
        let source = data
            .sources
            .iter()
            .find(|s| &s.id == source)
            .expect("validated");
        let file = source
            .file
            .as_deref()
            .expect("validated: claims and sayings cite articles");
        let text = std::fs::read_to_string(seeds.join(file)).expect("seed file readable");
        if !normalise_whitespace(&text).contains(&normalise_whitespace(quote)) {
            missing.push(format!("{entry}: {file} does not say {quote:?}"));
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
    // Stated verdicts: Simform's "Simform Recommends" calls four criteria even,
    // and Your Team in India says Node.js's community is the bigger one.
    for id in [
        "package_ecosystem",
        "community_hiring",
        "extensibility",
        "platform_reach",
    ] {
        assert_eq!(
            position(criterion(id), "simform-2024"),
            "tie",
            "Simform on {id}"
        );
    }
    assert_eq!(
        position(community, "ytii-2026"),
        "node",
        "Your Team in India on community"
    );
    // All three articles that speak to hosting cost favour Node.js: no false "disagree" mark.
    let efficiency = criterion("resource_efficiency");
    assert!(
        disagreement(&data, efficiency).is_empty(),
        "{:?}",
        disagreement(&data, efficiency)
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

#[test]
fn an_unverified_claim_needs_a_note_and_a_contested_one_two_sources() {
    let errors = errors_for(|d| {
        let claim = &mut d.criteria[0].claims[0];
        claim.verdict = "unverified".into();
        claim.correction = None;
    });
    assert_reports(&errors, "claim 1 (\"simform-2024\")", "what was looked for");
    assert_eq!(
        validate(FIXTURE, &{
            let mut d = load(FIXTURE);
            d.criteria[0].claims[0].verdict = "unverified".into();
            d.criteria[0].claims[0].correction_sources.clear();
            d
        }),
        Ok(()),
        "an unverified claim may cite nothing"
    );
    let errors = errors_for(|d| d.criteria[0].claims[0].verdict = "contested".into());
    assert_reports(&errors, "claim 1", "at least two");
}

#[test]
fn a_saying_must_quote_a_known_article_and_name_a_side() {
    let errors = errors_for(|d| {
        let saying = &mut d.presets[0].sayings[0];
        saying.source = "python-docs-threading".into();
        saying.favours = "rust".into();
    });
    assert_reports(
        &errors,
        "preset \"realtime_chat\", saying 1",
        "not a known article",
    );
    assert_reports(&errors, "saying 1", "neither an option id nor \"tie\"");
    let errors = errors_for(|d| d.presets[0].departure = Some(" ".into()));
    assert_reports(&errors, "preset \"realtime_chat\"", "empty departure");
}

#[test]
fn an_unverified_fact_names_its_criterion_and_when_it_was_looked_for() {
    let errors = errors_for(|d| {
        d.unverified[0].criterion = "vibes".into();
        d.unverified[0].checked = "last week".into();
        d.unverified[0].searched = String::new();
    });
    assert_reports(
        &errors,
        "unverified \"a-figure\"",
        "unknown criterion \"vibes\"",
    );
    assert_reports(&errors, "unverified \"a-figure\"", "not a YYYY-MM-DD date");
    assert_reports(&errors, "unverified \"a-figure\"", "how it was looked for");
}
