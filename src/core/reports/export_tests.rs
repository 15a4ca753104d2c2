use super::*;
use crate::core::engine::radar::Scale;
use crate::core::engine::state::State;
use crate::core::MATRIX;

#[test]
fn markdown_lists_every_criterion_with_weights_scores_and_the_winner() {
    let preset = MATRIX.preset("ml_ai").expect("preset");
    let table = markdown(&MATRIX, preset.weights, None);
    assert!(
        table.starts_with("| Criterion | Weight | Node.js | Python |\n|---|---:|---:|---:|\n"),
        "{table}"
    );
    assert_eq!(
        table
            .lines()
            .filter(|l| l.starts_with("| ") && l.contains("/10"))
            .count(),
        MATRIX.criteria.len()
    );
    assert!(table.contains("Result: **Python**"), "{table}");
}

#[test]
fn markdown_keeps_to_an_embeds_subset() {
    let weights = MATRIX.default_weights();
    let table = markdown(&MATRIX, &weights, Some(&[0, 1]));
    assert_eq!(table.lines().filter(|l| l.contains("/10")).count(), 2);
}

#[test]
fn the_exported_style_has_the_palettes_light_colours() {
    assert_eq!(EXPORT_STYLE, export_style_from_palette());
}

fn asked(what: Export, subject: &str, criteria: &str) -> Answer {
    export(
        &MATRIX,
        what,
        subject,
        "https://example.org/tools/index.html",
        criteria,
    )
}

#[test]
fn the_chart_file_is_a_standalone_svg_of_the_pages_chart() {
    let state = State::new(&MATRIX);
    let Answer::Chart(svg) = asked(Export::Chart, "", "") else {
        panic!("a chart");
    };
    let chart = radar_view(&MATRIX, &state.weights, state.scale);
    let (width, height) = chart.export_size;
    assert!(svg.starts_with(&format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"{}\"", chart.view_box)), "{svg}");
    assert!(svg.contains(EXPORT_STYLE) && svg.ends_with("</g></svg>"));
    for shape in &chart.shapes {
        let polygon = format!(
            "data-option=\"{}\" points=\"{}\"",
            shape.option, shape.points
        );
        assert!(svg.contains(&polygon), "{polygon}");
    }
    assert_eq!(svg.matches("<text ").count(), MATRIX.criteria.len());
    assert_eq!(svg.matches("<line ").count(), MATRIX.criteria.len());
    assert!(
        !svg.contains("var(--"),
        "no page variables in a file that leaves the page"
    );
}

#[test]
fn the_chart_file_escapes_its_text() {
    let mut chart = radar_view(&MATRIX, &[], Scale::Raw);
    chart.labels[0].text = "I/O <b> & \"co\"";
    chart.title = "<img src=x>".into();
    let svg = chart_svg(&chart);
    assert!(
        svg.contains(">I/O &lt;b&gt; &amp; &quot;co&quot;</text>"),
        "{svg}"
    );
    assert!(svg.contains("<title id=\"sw-radar-title\">&lt;img src=x&gt;</title>"));
}

#[test]
fn each_export_is_of_the_link_it_was_asked_for() {
    let preset = MATRIX.preset("ml_ai").expect("preset");
    let index = MATRIX
        .presets
        .iter()
        .position(|p| p.id == "ml_ai")
        .expect("index");
    let mut state = State::new(&MATRIX);
    state.apply(
        &MATRIX,
        crate::core::engine::state::Action::ApplyPreset(index),
    );
    state.scale = Scale::Raw;
    let link = crate::core::engine::share::encode(&MATRIX, &Shared::of(&state));
    assert_eq!(
        asked(Export::Markdown, &link, ""),
        Answer::Markdown(markdown(&MATRIX, preset.weights, None))
    );
    assert_eq!(
        asked(Export::Markdown, &link, "0,1"),
        Answer::Markdown(markdown(&MATRIX, preset.weights, Some(&[0, 1])))
    );
    assert_eq!(
        asked(Export::Chart, &link, ""),
        Answer::Chart(chart_svg(&radar_view(&MATRIX, preset.weights, Scale::Raw)))
    );
    let Answer::Snippets { loader, iframe } = asked(Export::Snippets, &link, "") else {
        panic!("snippets");
    };
    assert!(loader.contains("data-preset=\"ml_ai\""), "{loader}");
    assert!(iframe.contains(&escape(&link)), "{iframe}");
}

#[test]
fn snippets_point_at_the_widget_and_carry_the_state() {
    let (loader, iframe) = embed_snippets(
        "https://example.org/tools/index.html",
        "v=1&w=5",
        Some("ml_ai"),
    );
    assert!(loader.contains("data-preset=\"ml_ai\""));
    assert!(loader.contains("data-state=\"v=1&amp;w=5\""), "{loader}");
    assert!(
        iframe.starts_with("<iframe src=\"https://example.org/tools/embed.html#v=1&amp;w=5\""),
        "{iframe}"
    );
    assert!(
        iframe.contains(&format!(" sandbox=\"{EMBED_SANDBOX}\"")),
        "{iframe}"
    );
}

#[test]
fn the_loader_snippet_pins_the_loader_by_name_and_integrity() {
    let (loader, _) = embed_snippets("https://example.org/tools/", "v=1", None);
    let script = format!(
        "<script async src=\"https://example.org/tools/{PINNED_LOADER}\" integrity=\"{LOADER_INTEGRITY}\" crossorigin=\"anonymous\"></script>"
    );
    assert!(loader.ends_with(&script), "{loader}");
    let hash = PINNED_LOADER
        .strip_prefix("embed-")
        .and_then(|rest| rest.strip_suffix(".js"))
        .unwrap_or_default();
    assert!(
        hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
        "{PINNED_LOADER}"
    );
    assert!(LOADER_INTEGRITY.starts_with("sha384-") && LOADER_INTEGRITY.len() == 7 + 64);
}

#[test]
fn the_loader_sandboxes_its_iframe_as_the_iframe_snippet_does() {
    let loader = include_str!("../../../embed/embed.js");
    assert!(
        loader.contains(&format!("'{EMBED_SANDBOX}'")),
        "embed.js's sandbox"
    );
}
