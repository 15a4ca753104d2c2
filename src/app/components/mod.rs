//! Render functions, one per view-model slice.
//!
//! A class computed at render time is written `CLASS={…}`, not `class={…}`:
//! `html!` turns a computed `class` into a `yew::Classes` (a hashed set
//! whose code costs about 3 kB gzip of wasm), while any other attribute is
//! set as it is. HTML attribute names are case-insensitive, so the browser,
//! the prerendered page and the CSS all read it as `class`.

pub mod contributions;
pub mod details;
pub mod layout;
pub mod methodology;
pub mod notice;
pub mod panel;
pub mod presets;
pub mod questionnaire;
pub mod radar;
pub mod recommendation;
pub mod share;
pub mod sliders;
pub mod team;

#[cfg(test)]
mod tests {
    /// Every file that draws markup.
    const SOURCES: [(&str, &str); 13] = [
        ("contributions", include_str!("contributions.rs")),
        ("details", include_str!("details.rs")),
        ("layout", include_str!("layout.rs")),
        ("methodology", include_str!("methodology.rs")),
        ("notice", include_str!("notice.rs")),
        ("panel", include_str!("panel.rs")),
        ("presets", include_str!("presets.rs")),
        ("questionnaire", include_str!("questionnaire.rs")),
        ("radar", include_str!("radar.rs")),
        ("recommendation", include_str!("recommendation.rs")),
        ("share", include_str!("share.rs")),
        ("sliders", include_str!("sliders.rs")),
        ("team", include_str!("team.rs")),
    ];

    #[test]
    fn no_component_computes_a_class_through_yew_classes() {
        for (name, source) in SOURCES {
            for pattern in [concat!(" class", "={"), concat!("classes", "!(")] {
                assert!(!source.contains(pattern), "{name}.rs: {pattern}");
            }
        }
    }

    #[test]
    fn computed_classes_reach_the_prerendered_page() {
        let html = super::super::prerender().to_lowercase();
        for class in [
            r#"class="sw""#,
            r#"class="sw-panel sw-panel--weights""#,
            r#"class="sw-preset""#,
            r#"class="sw-toggle is-active""#,
            r#"class="sw-slider""#,
        ] {
            assert!(html.contains(class), "{class}");
        }
    }
}
