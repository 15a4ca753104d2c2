//! What leaves the widget: a Markdown table for a post, the radar chart as
//! a standalone SVG document (for download or a PNG), and the snippets a
//! blog author pastes.

use super::effect::{ChartFormat, Effect};
use super::radar_view::{radar_view, RadarView};
use crate::core::engine::details::escape;
use crate::core::engine::matrix::Matrix;
use crate::core::engine::score::{evaluate, format_tenths, Outcome};
use crate::core::engine::state::State;

/// The result as a Markdown table: criteria, weights, both scores, totals
/// and the winner, ready to paste into a post.
pub fn markdown(matrix: &Matrix, weights: &[u8], visible: Option<&[usize]>) -> String {
    let evaluation = evaluate(matrix, weights);
    let names: Vec<&str> = matrix.options.iter().map(|o| o.name).collect();
    let mut out = format!("| Criterion | Weight | {} |\n|---|---:|", names.join(" | "));
    out.push_str(&"---:|".repeat(names.len()));
    out.push('\n');
    for (c, criterion) in matrix.criteria.iter().enumerate() {
        if visible.is_some_and(|v| !v.contains(&c)) {
            continue;
        }
        let scores: Vec<String> = criterion.scores.iter().map(|s| format!("{s}/10")).collect();
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            criterion.name.replace('|', "\\|"),
            weights.get(c).copied().unwrap_or(0),
            scores.join(" | ")
        ));
    }
    let totals: Vec<String> = (0..names.len())
        .map(|o| format!("**{}**", format_tenths(evaluation.total_tenths(o))))
        .collect();
    out.push_str(&format!(
        "| **Total (0–100)** | | {} |\n\n",
        totals.join(" | ")
    ));
    out.push_str(&match evaluation.outcome {
        Outcome::NoWeights => "No criterion is weighted yet.".to_string(),
        Outcome::Tie => format!("Result: a tie between {}.", names.join(" and ")),
        Outcome::Winner { winner, .. } => format!(
            "Result: **{}**, by {} points.",
            names[winner],
            format_tenths(evaluation.margin_tenths())
        ),
    });
    out.push_str(
        "\n\n_Made with stackweigh: every score's rationale and sources are in the comparator._\n",
    );
    out
}

/// The page styles the radar chart with CSS classes; a downloaded SVG
/// carries these rules instead, with the light theme's colours. A literal,
/// so the wasm carries neither the palette nor a formatter for it; a test
/// checks it against the palette.
pub const EXPORT_STYLE: &str = "<style>svg{background:#ffffff;font-family:system-ui,sans-serif}text{fill:#1b1f24}.sw-radar-grid polygon{fill:none;stroke:#c5cad3;stroke-width:.75}.sw-radar-grid line{stroke:#c5cad3;stroke-width:.75}.radar-shape{stroke-width:2}.radar-shape[data-option=node]{fill:rgba(46, 125, 50, 0.22);stroke:#2e7d32}.radar-shape[data-option=python]{fill:rgba(31, 95, 153, 0.22);stroke:#1f5f99;stroke-dasharray:5 3}</style>";

/// [`EXPORT_STYLE`] as the palette words it (the test's reference).
#[cfg(test)]
fn export_style_from_palette() -> String {
    use crate::core::engine::palette::light;
    format!(
        "<style>svg{{background:{bg};font-family:system-ui,sans-serif}}text{{fill:{text}}}.sw-radar-grid polygon{{fill:none;stroke:{grid};stroke-width:.75}}.sw-radar-grid line{{stroke:{grid};stroke-width:.75}}.radar-shape{{stroke-width:2}}.radar-shape[data-option=node]{{fill:{node_fill};stroke:{node}}}.radar-shape[data-option=python]{{fill:{python_fill};stroke:{python};stroke-dasharray:5 3}}</style>",
        bg = light("bg"),
        text = light("text"),
        grid = light("grid"),
        node = light("node"),
        node_fill = light("node-fill"),
        python = light("python"),
        python_fill = light("python-fill"),
    )
}

/// A download of the chart: the standalone SVG document (a PNG is drawn
/// from it by the browser) and the file's name.
pub fn chart_download(matrix: &Matrix, state: &State, format: ChartFormat) -> Effect {
    let file = match format {
        ChartFormat::Svg => "stackweigh-node-vs-python.svg",
        ChartFormat::Png => "stackweigh-node-vs-python.png",
    };
    let chart = radar_view(matrix, &state.weights, state.scale);
    Effect::DownloadChart {
        format,
        file,
        svg: chart_svg(&chart),
    }
}

/// The chart as a file of its own: the SVG namespace, a size in pixels,
/// [`EXPORT_STYLE`] for the page's classes, and every text escaped.
pub fn chart_svg(chart: &RadarView) -> String {
    let (width, height) = chart.export_size;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"{}\" role=\"img\" aria-labelledby=\"sw-radar-title sw-radar-desc\">{EXPORT_STYLE}<title id=\"sw-radar-title\">{}</title><desc id=\"sw-radar-desc\">{}</desc><g class=\"sw-radar-grid\">",
        chart.view_box,
        escape(&chart.title),
        escape(chart.explanation)
    );
    for ring in &chart.rings {
        svg.push_str(&format!("<polygon points=\"{ring}\"/>"));
    }
    for (x, y) in &chart.axes {
        svg.push_str(&format!("<line x1=\"0\" y1=\"0\" x2=\"{x}\" y2=\"{y}\"/>"));
    }
    svg.push_str("</g>");
    for shape in &chart.shapes {
        svg.push_str(&format!(
            "<polygon class=\"radar-shape\" data-option=\"{}\" points=\"{}\"/>",
            escape(shape.option),
            shape.points
        ));
    }
    svg.push_str(&format!(
        "<g class=\"sw-radar-labels\" font-size=\"{}\">",
        chart.font_size
    ));
    for label in &chart.labels {
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>",
            label.x,
            label.y,
            label.anchor,
            escape(label.text)
        ));
    }
    svg.push_str("</g></svg>");
    svg
}

// The pinned loader's name and integrity, hashed from embed/embed.js by build.rs.
include!(concat!(env!("OUT_DIR"), "/embed_loader.rs"));

/// What the embed's iframe may do (embed.js sets the same; a test checks):
/// run its script, keep its origin (its files, its height messages), and
/// open the full page in a tab of its own, unsandboxed.
pub const EMBED_SANDBOX: &str =
    "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";

/// The two ways to embed the current state: the loader snippet (auto-height,
/// lazy), pinned by name and Subresource Integrity, and a plain iframe of the
/// embed's own document. `widget_url` is the page's address (no query).
pub fn embed_snippets(widget_url: &str, state: &str, preset: Option<&str>) -> (String, String) {
    let base = folder_of(widget_url);
    let preset_attr = preset
        .map(|p| format!(" data-preset=\"{}\"", escape(p)))
        .unwrap_or_default();
    let loader = format!(
        "<div class=\"stackweigh-embed\"{preset_attr} data-theme=\"auto\" data-state=\"{}\"><a href=\"{}#{}\">Node.js vs Python comparator</a></div>\n<script async src=\"{}{PINNED_LOADER}\" integrity=\"{LOADER_INTEGRITY}\" crossorigin=\"anonymous\"></script>",
        escape(state),
        escape(widget_url),
        escape(state),
        escape(base)
    );
    let iframe = format!(
        "<iframe src=\"{}{}#{}\" title=\"Node.js vs Python comparator (stackweigh)\" width=\"100%\" height=\"900\" loading=\"lazy\" frameborder=\"0\" sandbox=\"{EMBED_SANDBOX}\"></iframe>",
        escape(base),
        super::query::EMBED_FILE,
        escape(state)
    );
    (loader, iframe)
}

/// The folder a page's address is in (with its `/`): where embed.js and
/// embed.html sit beside it.
fn folder_of(address: &str) -> &str {
    match address.rfind('/') {
        Some(slash) => &address[..=slash],
        None => address,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::engine::radar::Scale;
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

    #[test]
    fn the_chart_file_is_a_standalone_svg_of_the_pages_chart() {
        let state = State::new(&MATRIX);
        let Effect::DownloadChart { format, file, svg } =
            chart_download(&MATRIX, &state, ChartFormat::Svg)
        else {
            panic!("a chart download");
        };
        assert_eq!(
            (format, file),
            (ChartFormat::Svg, "stackweigh-node-vs-python.svg")
        );
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
    fn a_png_is_drawn_from_the_same_svg() {
        let state = State::new(&MATRIX);
        let svg_of = |format| match chart_download(&MATRIX, &state, format) {
            Effect::DownloadChart { svg, file, .. } => (svg, file),
            other => panic!("{other:?}"),
        };
        let (png_svg, png_file) = svg_of(ChartFormat::Png);
        assert_eq!(png_file, "stackweigh-node-vs-python.png");
        assert_eq!(png_svg, svg_of(ChartFormat::Svg).0);
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
}
