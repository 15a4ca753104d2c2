//! `manifest.webmanifest`: makes the bundle installable as an app. Written
//! at build time because the favicon's name carries Trunk's content hash.

use crate::core::engine::palette;

pub const FILE_NAME: &str = "manifest.webmanifest";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Icon {
    /// Relative URL (file name in the bundle root).
    pub src: String,
    /// `"192x192"`, or `"any"` for the SVG.
    pub sizes: String,
    pub mime: &'static str,
}

/// The icons among the bundle root's file names: the (hashed) favicon SVG
/// and the `icon-<size>.png` files, smallest first.
pub fn icons(names: &[String]) -> Vec<Icon> {
    let mut pngs: Vec<(u32, &String)> = names
        .iter()
        .filter_map(|name| {
            let size = name
                .strip_prefix("icon-")?
                .strip_suffix(".png")?
                .parse()
                .ok()?;
            Some((size, name))
        })
        .collect();
    pngs.sort();
    let mut icons: Vec<Icon> = pngs
        .into_iter()
        .map(|(size, name)| Icon {
            src: name.clone(),
            sizes: format!("{size}x{size}"),
            mime: "image/png",
        })
        .collect();
    if let Some(svg) = names
        .iter()
        .find(|n| n.starts_with("favicon") && n.ends_with(".svg"))
    {
        icons.push(Icon {
            src: svg.clone(),
            sizes: "any".into(),
            mime: "image/svg+xml",
        });
    }
    icons
}

/// The manifest's JSON. Every value is a fixed string or a file name made
/// of URL-safe characters, so no escaping is needed beyond what `icons`
/// guarantees (checked here anyway).
pub fn manifest(icons: &[Icon]) -> Result<String, String> {
    let mut list = Vec::new();
    for icon in icons {
        if icon.src.contains(['"', '\\']) || icon.src.chars().any(char::is_control) {
            return Err(format!(
                "icon file name {:?} cannot go into the manifest",
                icon.src
            ));
        }
        list.push(format!(
            r#"{{"src":"{}","sizes":"{}","type":"{}","purpose":"any"}}"#,
            icon.src, icon.sizes, icon.mime
        ));
    }
    Ok(format!(
        concat!(
            r#"{{"name":"stackweigh — Node.js vs Python","short_name":"stackweigh","#,
            r#""description":"Weigh Node.js against Python for your backend, criterion by criterion, with every score explained and sourced.","#,
            r#""id":"./","start_url":"./","scope":"./","display":"standalone","#,
            r#""background_color":"{}","theme_color":"{}","icons":[{}]}}"#
        ),
        palette::light("bg"),
        palette::light("bg"),
        list.join(",")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn finds_png_sizes_and_the_hashed_svg() {
        let found = icons(&names(&[
            "index.html",
            "icon-512.png",
            "favicon-ab12.svg",
            "icon-192.png",
            "icon-x.png",
        ]));
        let summary: Vec<_> = found
            .iter()
            .map(|i| (i.src.as_str(), i.sizes.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                ("icon-192.png", "192x192"),
                ("icon-512.png", "512x512"),
                ("favicon-ab12.svg", "any")
            ]
        );
    }

    #[test]
    fn manifest_has_what_browsers_need_to_install() {
        let json = manifest(&icons(&names(&[
            "icon-192.png",
            "icon-512.png",
            "favicon.svg",
        ])))
        .expect("json");
        for needed in [
            r#""start_url":"./""#,
            r#""display":"standalone""#,
            r#""short_name":"stackweigh""#,
            r#"{"src":"icon-512.png","sizes":"512x512","type":"image/png","purpose":"any"}"#,
            r#""type":"image/svg+xml""#,
        ] {
            assert!(json.contains(needed), "{needed} in {json}");
        }
        assert!(manifest(&[Icon {
            src: "a\".png".into(),
            sizes: "1x1".into(),
            mime: "image/png"
        }])
        .is_err());
    }
}
