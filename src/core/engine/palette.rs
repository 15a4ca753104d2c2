//! The colours, once: `styles/main.css` declares each as
//! `--sw-NAME: light-dark(LIGHT, DARK)` (a test checks it does), and the
//! manifest and the exported chart read them from here.

/// (name, light, dark)
pub const PALETTE: [(&str, &str, &str); 15] = [
    ("bg", "#ffffff", "#121417"),
    ("surface", "#f5f6f8", "#1c1f24"),
    ("border", "#cfd4dc", "#3a404a"),
    ("text", "#1b1f24", "#e8eaed"),
    ("muted", "#4a525d", "#b4bac4"),
    ("accent", "#0b57d0", "#8ab4f8"),
    ("focus", "#0b57d0", "#8ab4f8"),
    ("node", "#2e7d32", "#81c784"),
    (
        "node-fill",
        "rgba(46, 125, 50, 0.22)",
        "rgba(129, 199, 132, 0.25)",
    ),
    ("python", "#1f5f99", "#90c2f0"),
    (
        "python-fill",
        "rgba(31, 95, 153, 0.22)",
        "rgba(144, 194, 240, 0.25)",
    ),
    ("warn-bg", "#fff4e5", "#33260f"),
    ("warn-border", "#b25e00", "#f0a24a"),
    ("false", "#a61b1b", "#ff8a80"),
    ("grid", "#c5cad3", "#4a515c"),
];

/// A colour of the light theme (the exported chart and the manifest are
/// light whatever the page's theme).
pub fn light(name: &str) -> &'static str {
    PALETTE
        .iter()
        .find(|(n, _, _)| *n == name)
        .map_or("#000000", |(_, light, _)| light)
}

pub fn dark(name: &str) -> &'static str {
    PALETTE
        .iter()
        .find(|(n, _, _)| *n == name)
        .map_or("#000000", |(_, _, dark)| dark)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSS: &str = include_str!("../../../styles/main.css");

    #[test]
    fn the_stylesheet_declares_every_colour_once_as_in_the_table() {
        for (name, light, dark) in PALETTE {
            let declaration = format!("--sw-{name}: light-dark({light}, {dark});");
            assert_eq!(CSS.matches(&declaration).count(), 1, "{declaration}");
            assert_eq!(
                CSS.matches(&format!("--sw-{name}:")).count(),
                1,
                "--sw-{name} once"
            );
        }
    }

    #[test]
    fn the_page_theme_colours_are_the_backgrounds() {
        let html = include_str!("../../../index.html");
        assert!(html.contains(&format!(
            r#"content="{}" media="(prefers-color-scheme: light)""#,
            light("bg")
        )));
        assert!(html.contains(&format!(
            r#"content="{}" media="(prefers-color-scheme: dark)""#,
            dark("bg")
        )));
    }

    #[test]
    fn an_unknown_name_is_black_not_a_panic() {
        assert_eq!(light("nope"), "#000000");
    }
}
