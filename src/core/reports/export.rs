//! What leaves the widget: a Markdown table for a post, the radar chart as
//! a standalone SVG document (for download or a PNG), and the snippets a
//! blog author pastes. Made here, in the reports worker, on first use: the
//! page's first load carries none of it (about 2.5 kB gzip of wasm).

use crate::core::engine::details::escape;
use crate::core::engine::matrix::Matrix;
use crate::core::engine::radar_view::{radar_view, RadarView};
use crate::core::engine::score::{evaluate, format_tenths, Outcome};
use crate::core::engine::share::{decode, Shared, EMBED_FILE};
use crate::core::protocol::{Answer, Export};

/// The answer to `Request::Export`. `subject` is the page's own link, which
/// it always reads back; anything else is read as the default weights.
pub fn export(
    matrix: &Matrix,
    what: Export,
    subject: &str,
    address: &str,
    criteria: &str,
) -> Answer {
    let shared = match decode(matrix, subject) {
        Ok(Some(shared)) => shared,
        _ => Shared::with_weights(matrix.default_weights()),
    };
    match what {
        Export::Markdown => {
            let shown: Vec<usize> = criteria.split(',').filter_map(|c| c.parse().ok()).collect();
            let visible = (!shown.is_empty()).then_some(shown.as_slice());
            Answer::Markdown(markdown(matrix, &shared.weights, visible))
        }
        Export::Chart => Answer::Chart(chart_svg(&radar_view(
            matrix,
            &shared.weights,
            shared.scale,
        ))),
        Export::Snippets => {
            let preset = shared
                .preset
                .and_then(|p| matrix.presets.get(p))
                .map(|p| p.id);
            let (loader, iframe) = embed_snippets(address, subject, preset);
            Answer::Snippets { loader, iframe }
        }
    }
}

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
        EMBED_FILE,
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
#[path = "export_tests.rs"]
mod tests;
