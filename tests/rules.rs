//! The judgement rules the data states in `presets_method` (and README's
//! "The data file"), each checked on the real data with a message naming the
//! entry, and each shown to fail on data broken on purpose.

use stackweigh::core::engine::details::lead_text;
use stackweigh::core::engine::matrix::ARTICLE_LINKS;
use stackweigh::core::engine::schema::{leader, RawCriterion, RawData, RawPreset, LEAD_GAP};
use stackweigh::core::engine::score::{evaluate, Outcome};
use stackweigh::core::engine::sensitivity::{robustness, too_close, SEED};
use stackweigh::core::MATRIX;

const DATA_FILE: &str = "data/node-vs-python.toml";

fn load() -> RawData {
    let text = std::fs::read_to_string(DATA_FILE).expect("the data file");
    toml::from_str(&text).expect("valid data")
}

fn option_name<'a>(data: &'a RawData, id: &str) -> &'a str {
    data.options
        .iter()
        .find(|o| o.id == id)
        .map_or("even", |o| o.name.as_str())
}

fn claim_entry(criterion: &RawCriterion, index: usize) -> String {
    let claim = &criterion.claims[index];
    format!(
        "criterion {:?}, claim {} ({:?}: {:?})",
        criterion.id,
        index + 1,
        claim.source,
        claim.quote
    )
}

fn assert_none(problems: Vec<String>) {
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

// ---------------------------------------------------------------- verdicts

/// Contested only when primary sources disagree; a claim that ranks the
/// options is accurate only where its side leads, and false where the other
/// side leads; an accurate claim never favours the side that trails.
fn verdict_problems(data: &RawData) -> Vec<String> {
    let mut problems = Vec::new();
    for criterion in &data.criteria {
        let lead = leader(criterion);
        for (index, claim) in criterion.claims.iter().enumerate() {
            let entry = claim_entry(criterion, index);
            let side = claim.favours.as_str();
            let other_leads = lead.is_some_and(|l| side != "tie" && l != side);
            let says = |what: &str| format!("{entry}: {what} (leader: {lead:?})");
            if claim.verdict == "contested" && claim.correction_sources.len() < 2 {
                problems.push(says("contested needs the primary sources that disagree"));
            }
            let said_even_and_is_even = side == "tie" && lead.is_none();
            if claim.compares
                && claim.verdict == "accurate"
                && lead != Some(side)
                && !said_even_and_is_even
            {
                problems.push(says(
                    "ranks the options but its side does not lead here, so it cannot be accurate",
                ));
            }
            if claim.compares
                && other_leads
                && !matches!(claim.verdict.as_str(), "false" | "outdated")
            {
                problems.push(says("ranks the trailing option first, so it is false"));
            }
            if !claim.compares && claim.verdict == "accurate" && side != "tie" && other_leads {
                problems.push(says(
                    "an accurate claim favours the option that trails here",
                ));
            }
        }
    }
    problems
}

#[test]
fn every_verdict_follows_the_stated_rule() {
    assert_none(verdict_problems(&load()));
}

#[test]
fn the_verdict_rule_catches_overstatements_and_wrong_rankings() {
    let mut data = load();
    let scalability = data
        .criteria
        .iter_mut()
        .find(|c| c.id == "scalability")
        .expect("scalability");
    let overstated = scalability
        .claims
        .iter_mut()
        .find(|c| c.quote.contains("definitely more scalable"));
    overstated.expect("Simform's claim").verdict = "accurate".into();
    let ai = data
        .criteria
        .iter_mut()
        .find(|c| c.id == "ai_ml")
        .expect("ai_ml");
    let wrong = ai
        .claims
        .iter_mut()
        .find(|c| c.quote.contains("Node.js is superior"));
    wrong.expect("Simform's claim").verdict = "oversimplified".into();
    let problems = verdict_problems(&data);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("definitely more scalable") && p.contains("cannot be accurate")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("Node.js is superior") && p.contains("so it is false")),
        "{problems:#?}"
    );
}

// ---------------------------------------------------------------- the lead threshold

fn lead_problems(data: &RawData) -> Vec<String> {
    let mut problems = Vec::new();
    let stated = format!("at least {LEAD_GAP} points more");
    if !data.meta.presets_method.contains(&stated) {
        problems.push(format!(
            "[meta] presets_method does not state the lead threshold ({stated:?})"
        ));
    }
    for criterion in &data.criteria {
        let lead = leader(criterion);
        let shown = lead_text(data, criterion);
        if shown.contains("leads here") != lead.is_some() {
            problems.push(format!(
                "criterion {:?}: the Why? line {shown:?} disagrees with leader {lead:?}",
                criterion.id
            ));
        }
        for (index, claim) in criterion.claims.iter().enumerate() {
            let text = claim.correction.as_deref().unwrap_or("");
            for option in &data.options {
                if text.contains(&format!("{} leads here", option.name))
                    && lead != Some(option.id.as_str())
                {
                    let entry = claim_entry(criterion, index);
                    problems.push(format!(
                        "{entry}: says {} leads here, but the leader is {lead:?}",
                        option.name
                    ));
                }
            }
            if text.contains("within a point") && lead.is_some() {
                let entry = claim_entry(criterion, index);
                problems.push(format!(
                    "{entry}: says within a point, but {lead:?} leads by {LEAD_GAP} or more"
                ));
            }
        }
    }
    problems
}

#[test]
fn a_lead_is_two_points_or_more_everywhere_the_data_says_so() {
    assert_none(lead_problems(&load()));
}

#[test]
fn the_lead_rule_catches_a_one_point_lead_called_a_lead() {
    let mut data = load();
    let frameworks = data
        .criteria
        .iter_mut()
        .find(|c| c.id == "web_frameworks")
        .expect("web_frameworks");
    frameworks.claims[0].correction = Some("Python leads here, 9 to 8.".into());
    let problems = lead_problems(&data);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("web_frameworks") && p.contains("Python leads here")),
        "{problems:#?}"
    );
}

// ---------------------------------------------------------------- bands

/// The bands `presets_method` states, by weight.
fn band(weight: i64) -> &'static str {
    match weight {
        9..=10 => "decides",
        6..=8 => "matters a lot",
        4..=5 => "matters",
        1..=3 => "barely matters",
        _ => "left out",
    }
}

const DECISIVE_WORDS: &[&str] = &["decide", "decisive", "dominat", "above all", "main lever"];

/// A summary calls criteria decisive in one clause, which names (by their
/// names) exactly the criteria weighted 9–10.
fn band_problems(data: &RawData) -> Vec<String> {
    let mut problems = Vec::new();
    for phrase in ["9–10", "6–8", "4–5", "1–3"] {
        if !data.meta.presets_method.contains(phrase) {
            problems.push(format!(
                "[meta] presets_method does not state the band {phrase}"
            ));
        }
    }
    for preset in &data.presets {
        let entry = format!("preset {:?}", preset.id);
        let summary = preset.summary.to_lowercase();
        let clauses: Vec<&str> = summary
            .split(';')
            .filter(|c| DECISIVE_WORDS.iter().any(|w| c.contains(w)))
            .collect();
        let [clause] = clauses.as_slice() else {
            problems.push(format!(
                "{entry}: needs exactly one clause naming what decides it, found {}",
                clauses.len()
            ));
            continue;
        };
        for criterion in &data.criteria {
            let weight = preset.weights[&criterion.id];
            let named = clause.contains(&criterion.name.to_lowercase());
            if named != (band(weight) == "decides") {
                problems.push(format!(
                    "{entry}: {:?} is weighted {weight} ({}) but the decisive clause {} it",
                    criterion.name,
                    band(weight),
                    if named { "names" } else { "does not name" }
                ));
            }
        }
    }
    problems
}

#[test]
fn only_criteria_weighted_nine_or_ten_are_called_decisive() {
    assert_none(band_problems(&load()));
}

#[test]
fn the_band_rule_catches_a_decisive_word_for_a_lesser_weight() {
    let mut data = load();
    let chat = data
        .presets
        .iter_mut()
        .find(|p| p.id == "realtime_chat")
        .expect("chat");
    chat.summary = "Real-time features decide it; scalability dominates too.".into();
    let problems = band_problems(&data);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("realtime_chat") && p.contains("exactly one clause")),
        "{problems:#?}"
    );
    let chat = data
        .presets
        .iter_mut()
        .find(|p| p.id == "realtime_chat")
        .expect("chat");
    chat.summary = "Real-time features and scalability decide it.".into();
    let problems = band_problems(&data);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("\"Scalability\" is weighted 8")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("\"I/O-bound performance\" is weighted 9")),
        "{problems:#?}"
    );
}

/// The CMS / business preset was derived band by band: its summary names each
/// band's criteria, and its result is whatever those weights give.
#[test]
fn the_cms_preset_follows_the_bands() {
    let data = load();
    let preset = data
        .presets
        .iter()
        .find(|p| p.id == "cms_business")
        .expect("cms_business");
    let bands: &[(&str, &[&str])] = &[
        (
            "decides",
            &["web_frameworks", "dev_speed", "maintainability"],
        ),
        (
            "matters a lot",
            &["error_handling", "package_ecosystem", "community_hiring"],
        ),
        ("matters", &["learning_curve"]),
    ];
    for (criterion, weight) in &preset.weights {
        let want = (bands.iter())
            .find(|(_, ids)| ids.contains(&criterion.as_str()))
            .map_or("barely matters", |(band, _)| *band);
        assert_eq!(
            band(*weight),
            want,
            "preset \"cms_business\": {criterion} = {weight}"
        );
    }
}

// ---------------------------------------------------------------- consensus and departures

/// The side every article that names the use case gives, if they agree.
fn articles_side(preset: &RawPreset) -> Option<&str> {
    let first = preset.sayings.first()?.favours.as_str();
    preset
        .sayings
        .iter()
        .all(|s| s.favours == first)
        .then_some(first)
}

/// The page's verdict for a preset: its winner, or `None` when too close to call.
fn verdict(preset_id: &str) -> Option<&'static str> {
    let weights = MATRIX
        .preset(preset_id)
        .expect("a preset of the data")
        .weights;
    let evaluation = evaluate(&MATRIX, weights);
    let robust = robustness(&MATRIX, weights, &evaluation, SEED);
    match evaluation.outcome {
        Outcome::Winner { winner, .. } if !too_close(&evaluation, robust) => {
            Some(MATRIX.options[winner].id)
        }
        _ => None,
    }
}

/// How presets_method names each use case, and whether the articles split on it.
const USE_CASES: &[(&str, &str)] = &[
    ("realtime_chat", "real-time chat"),
    ("ml_ai", "ML / AI"),
    ("streaming", "streaming"),
    ("rest_api", "REST APIs"),
    ("spa_backend", "single-page app backends"),
    ("cms_business", "CMS and business apps"),
    ("automation", "automation"),
    ("python_codebase", "an existing Python codebase"),
    ("js_team", "a team that knows JavaScript"),
    ("data_analysis", "data analysis"),
    ("beginner_team", "beginner teams"),
    ("mvp", "MVPs"),
    ("iot", "IoT"),
];

#[test]
fn the_consensus_rule_is_stated_and_followed() {
    let data = load();
    let method = &data.meta.presets_method;
    let split_at = method
        .find("they split")
        .expect("presets_method names the use cases the articles split on");
    let mut problems = Vec::new();
    for preset in &data.presets {
        let entry = format!("preset {:?}", preset.id);
        let Some((_, words)) = USE_CASES.iter().find(|(id, _)| *id == preset.id) else {
            problems.push(format!("{entry}: not in this test's list of use cases"));
            continue;
        };
        let at = method.find(words);
        let consensus = articles_side(preset);
        match (at, consensus) {
            (None, _) => problems.push(format!(
                "{entry}: presets_method does not mention {words:?}"
            )),
            (Some(at), Some(_)) if at > split_at => problems.push(format!(
                "{entry}: the articles agree, but presets_method lists it as split"
            )),
            (Some(at), None) if at < split_at && !preset.sayings.is_empty() => problems.push(
                format!("{entry}: the articles split, but presets_method lists it with a side"),
            ),
            _ => {}
        }
        if let Some(side) = consensus {
            if verdict(&preset.id) != Some(side) && preset.departure.is_none() {
                problems.push(format!("{entry}: the articles say {side}, the matrix does not, and no departure says why"));
            }
        }
    }
    for id in ["realtime_chat", "ml_ai"] {
        let preset = data.presets.iter().find(|p| p.id == id).expect(id);
        let articles: std::collections::BTreeSet<&str> =
            preset.sayings.iter().map(|s| s.source.as_str()).collect();
        assert_eq!(
            articles.len(),
            5,
            "preset {id:?}: all five articles name it"
        );
    }
    assert_none(problems);
}

/// Short names the departure sentences use for the articles.
const SHORT_NAMES: &[(&str, &str)] = &[
    ("simform-2024", "Simform"),
    ("ytii-2026", "Your Team in India"),
    ("clarion-2023", "Clarion"),
    ("kinsta-jassweb", "Kinsta"),
    ("showdown-2026", "Showdown"),
];

fn departure_problems(
    data: &RawData,
    verdict_of: impl Fn(&str) -> Option<&'static str>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for preset in &data.presets {
        let entry = format!("preset {:?}", preset.id);
        let side = articles_side(preset);
        let ours = verdict_of(&preset.id);
        let differs = side.is_some() && ours != side;
        match (&preset.departure, differs) {
            (None, true) => problems.push(format!(
                "{entry}: the articles say {side:?}, the matrix {ours:?}: needs a departure"
            )),
            (Some(_), false) => problems.push(format!(
                "{entry}: has a departure, but the matrix agrees with the articles (or they split)"
            )),
            _ => {}
        }
        let Some(text) = &preset.departure else {
            continue;
        };
        if !text.ends_with('.') || text.trim_end_matches('.').contains(". ") {
            problems.push(format!("{entry}: the departure must be one sentence"));
        }
        for saying in &preset.sayings {
            let name = SHORT_NAMES
                .iter()
                .find(|(id, _)| *id == saying.source)
                .map_or("?", |(_, n)| *n);
            if !text.contains(name) {
                problems.push(format!("{entry}: the departure does not name {name}"));
            }
        }
        let said = match ours {
            Some(id) => option_name(data, id).to_string(),
            None => "too close to call".to_string(),
        };
        if !text.contains(&said) {
            problems.push(format!(
                "{entry}: the departure does not give our verdict ({said})"
            ));
        }
    }
    problems
}

#[test]
fn a_departure_is_present_exactly_when_the_verdict_differs_from_the_articles() {
    assert_none(departure_problems(&load(), verdict));
}

#[test]
fn the_departure_rule_catches_a_missing_or_needless_sentence() {
    let data = load();
    let flipped = |id: &str| match id {
        "realtime_chat" => Some("python"),
        "rest_api" => Some("node"),
        other => verdict(other),
    };
    let problems = departure_problems(&data, flipped);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("realtime_chat") && p.contains("needs a departure")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("rest_api") && p.contains("has a departure")),
        "{problems:#?}"
    );
}

#[test]
fn the_generated_statics_carry_departures_and_articles_in_data_order() {
    let data = load();
    for (preset, generated) in data.presets.iter().zip(MATRIX.presets) {
        assert_eq!(
            preset.departure.as_deref(),
            generated.departure,
            "preset {:?}",
            preset.id
        );
    }
    let articles: Vec<(&str, Option<&str>)> = (data.sources.iter())
        .filter(|s| s.kind == "article")
        .map(|s| (s.publisher.as_str(), s.url.as_deref()))
        .collect();
    let generated: Vec<(&str, Option<&str>)> =
        ARTICLE_LINKS.iter().map(|a| (a.publisher, a.url)).collect();
    assert_eq!(articles, generated);
    assert_eq!(generated.len(), 5);
}
