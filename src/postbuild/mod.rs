//! The release bundle's post-build steps (native only), run by `sw-postbuild`
//! as a Trunk hook over the staging folder after Trunk has written the
//! minified index.html and `scripts/minify-glue.mjs` has minified the glue.
//!
//! The steps run in order, each reading what the ones before it left in the
//! folder. Their order matters: the single file copies index.html, the
//! Content-Security-Policy hashes its inline scripts, and the service
//! worker's version hashes every file, so each must see the final bytes of
//! what it depends on.

pub mod csp;
pub mod digest;
pub mod headers;
pub mod html;
pub mod manifest;
pub mod prerender;
pub mod service_worker;
pub mod single_file;

use std::path::{Path, PathBuf};

use crate::core::{DETAILS_PAYLOAD, MATRIX};
use service_worker::BundleFile;

pub const PAGE_NAME: &str = "index.html";
pub const SINGLE_FILE_NAME: &str = "stackweigh.html";

/// One step over the staging folder.
pub struct Step {
    pub name: &'static str,
    pub run: fn(&Path) -> Result<(), String>,
}

pub const STEPS: &[Step] = &[
    Step {
        name: "write the Why? text",
        run: write_details,
    },
    Step {
        name: "write the web app manifest",
        run: write_manifest,
    },
    // Rewrites index.html: every step below reads the final index.html (the
    // single file copies it, the CSP hashes it, the service worker caches
    // it), so it must come before all of them.
    Step {
        name: "prerender the default view into index.html",
        run: prerender_page,
    },
    Step {
        name: "bundle the single file",
        run: write_single_file,
    },
    Step {
        name: "add the Content-Security-Policy to index.html",
        run: secure_page,
    },
    // Its cache version hashes every file the steps above wrote.
    Step {
        name: "write the service worker",
        run: write_service_worker,
    },
    // Last: it lists every file, sw.js included; the worker caches none of it.
    Step {
        name: "write the _headers file",
        run: headers::write,
    },
];

/// Runs every step over `dir`; stops at the first failure, naming the step.
pub fn run(dir: &Path) -> Result<(), String> {
    for step in STEPS {
        (step.run)(dir).map_err(|error| format!("{}: {error}", step.name))?;
    }
    Ok(())
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))
}

fn read_text(path: &Path) -> Result<String, String> {
    String::from_utf8(read(path)?).map_err(|_| format!("{} is not UTF-8", path.display()))
}

fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result<(), String> {
    std::fs::write(path, contents)
        .map_err(|error| format!("cannot write {}: {error}", path.display()))
}

/// The file a relative URL in index.html names inside the bundle; refuses
/// anything that could leave it or that the page would fetch elsewhere.
pub fn bundle_path(dir: &Path, url: &str) -> Result<PathBuf, String> {
    let relative = url.strip_prefix("./").unwrap_or(url);
    let plain = !relative.is_empty()
        && !relative.starts_with('/')
        && !relative.contains(['?', '#', '%', '\\', ':'])
        && relative
            .split('/')
            .all(|part| !part.is_empty() && part != "..");
    if !plain {
        return Err(format!(
            "{url:?} is not a plain relative URL of a file in the bundle"
        ));
    }
    Ok(dir.join(relative))
}

/// The default view, rendered by the same Yew components the browser runs,
/// so the page shows content before the wasm arrives (and without script).
fn prerender_page(dir: &Path) -> Result<(), String> {
    let path = dir.join(PAGE_NAME);
    let page = prerender::into_page(&read_text(&path)?, &crate::app::prerender())?;
    write(&path, page)
}

fn write_details(dir: &Path) -> Result<(), String> {
    write(&dir.join(MATRIX.details_file), DETAILS_PAYLOAD)
}

fn root_file_names(dir: &Path) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|error| format!("cannot list {}: {error}", dir.display()))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|error| format!("cannot list {}: {error}", dir.display()))?;
        if entry.path().is_file() {
            if let Some(name) = entry.file_name().to_str() {
                names.push(name.to_string());
            }
        }
    }
    names.sort();
    Ok(names)
}

fn write_manifest(dir: &Path) -> Result<(), String> {
    let icons = manifest::icons(&root_file_names(dir)?);
    if !icons.iter().any(|icon| icon.sizes == "512x512")
        || !icons.iter().any(|i| i.sizes == "192x192")
    {
        return Err(
            "icon-192.png and icon-512.png must be in the bundle (index.html copies them)".into(),
        );
    }
    write(&dir.join(manifest::FILE_NAME), manifest::manifest(&icons)?)
}

fn write_single_file(dir: &Path) -> Result<(), String> {
    let page = read_text(&dir.join(PAGE_NAME))?;
    let details = read_text(&dir.join(MATRIX.details_file))?;
    let reader = |url: &str| read(&bundle_path(dir, url)?);
    let bundled = single_file::bundle(&page, &reader, &details)?;
    write(&dir.join(SINGLE_FILE_NAME), bundled)
}

fn secure_page(dir: &Path) -> Result<(), String> {
    let path = dir.join(PAGE_NAME);
    let secured = csp::secure_page(&read_text(&path)?)?;
    write(&path, secured)
}

/// What the service worker precaches: the bundle's files and their bytes.
fn bundle_files(dir: &Path) -> Result<Vec<BundleFile>, String> {
    (relative_files(dir)?.into_iter())
        .filter(|path| service_worker::is_precached(path))
        .map(|path| {
            Ok(BundleFile {
                bytes: read(&dir.join(&path))?,
                path,
            })
        })
        .collect()
}

/// Every file under `dir` but in hidden folders, as paths relative to it
/// with `/`, sorted.
pub(crate) fn relative_files(dir: &Path) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    let mut folders = vec![PathBuf::new()];
    while let Some(folder) = folders.pop() {
        let full = dir.join(&folder);
        let entries = std::fs::read_dir(&full)
            .map_err(|error| format!("cannot list {}: {error}", full.display()))?;
        for entry in entries {
            let entry =
                entry.map_err(|error| format!("cannot list {}: {error}", full.display()))?;
            let Some(name) = entry.file_name().to_str().map(str::to_string) else {
                return Err(format!(
                    "{} has a file name that is not UTF-8",
                    full.display()
                ));
            };
            let relative = folder.join(&name);
            let kind = entry
                .file_type()
                .map_err(|error| format!("cannot stat {}: {error}", relative.display()))?;
            if kind.is_dir() {
                if !name.starts_with('.') {
                    folders.push(relative);
                }
            } else {
                let parts: Vec<_> = relative
                    .components()
                    .map(|p| p.as_os_str().to_string_lossy())
                    .collect();
                files.push(parts.join("/"));
            }
        }
    }
    files.sort();
    Ok(files)
}

fn write_service_worker(dir: &Path) -> Result<(), String> {
    let files = bundle_files(dir)?;
    if !files.iter().any(|file| file.path == PAGE_NAME) {
        return Err(format!("no {PAGE_NAME} in {}", dir.display()));
    }
    write(
        &dir.join(service_worker::SCRIPT_NAME),
        service_worker::script(&files),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundle_paths_stay_inside_the_bundle() {
        let dir = Path::new("/b");
        assert_eq!(
            bundle_path(dir, "./main-1.css"),
            Ok(PathBuf::from("/b/main-1.css"))
        );
        assert_eq!(
            bundle_path(dir, "snippets/a/x.js"),
            Ok(PathBuf::from("/b/snippets/a/x.js"))
        );
        for bad in [
            "../x",
            "/etc/passwd",
            "https://cdn.example/x.js",
            "a//b",
            "./",
            "a?v=1",
            "a/../../x",
            "%2e%2e/x",
        ] {
            assert!(bundle_path(dir, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_steps_run_in_dependency_order() {
        let names: Vec<_> = STEPS.iter().map(|step| step.name).collect();
        let at = |name: &str| {
            names
                .iter()
                .position(|n| n.contains(name))
                .unwrap_or(usize::MAX)
        };
        assert!(
            at("Why?") < at("single file"),
            "the single file inlines the Why? text"
        );
        assert!(
            at("single file") < at("Content-Security-Policy"),
            "the single file starts from the page without its policy"
        );
        assert_eq!(
            at("service worker"),
            names.len() - 2,
            "the cache version hashes every final file"
        );
        assert_eq!(
            at("_headers"),
            names.len() - 1,
            "_headers names every file, sw.js included"
        );
    }

    /// The whole pipeline over a small bundle in a temporary folder.
    #[test]
    fn run_writes_every_product_file() {
        let dir = std::env::temp_dir().join(format!("sw-postbuild-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let page = concat!(
            r#"<!doctype html><html lang=en><head><meta charset=utf-8><title>t</title>"#,
            r#"<link href=./main-1.css rel=stylesheet><link href=./favicon-1.svg rel=icon><link href=manifest.webmanifest rel=manifest>"#,
            r#"<script>document.documentElement.dataset.x=1</script>"#,
            r#"<script src=./boot.js data-glue=./app-1.js data-wasm=./app-1_bg.wasm></script>"#,
            r#"<script defer src=./sw-register-1.js></script></head><body><main id=stackweigh></main></body></html>"#
        );
        for (name, contents) in [
            ("index.html", page.as_bytes()),
            ("main-1.css", b"p{}".as_slice()),
            ("favicon-1.svg", b"<svg/>".as_slice()),
            ("icon-192.png", b"png".as_slice()),
            ("icon-512.png", b"png".as_slice()),
            (
                "app-1.js",
                b"function I(){}export{I as default};".as_slice(),
            ),
            ("app-1_bg.wasm", b"\0asm".as_slice()),
            ("boot.js", b"1".as_slice()),
            ("sw-register-1.js", b"0".as_slice()),
        ] {
            std::fs::write(dir.join(name), contents).expect("fixture");
        }
        let outcome = run(&dir);
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        let (index, single, worker) = (read("index.html"), read(SINGLE_FILE_NAME), read("sw.js"));
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(outcome, Ok(()));
        assert!(
            index.contains("Content-Security-Policy")
                && index.contains(&csp::inline_script_hashes(page)[0])
        );
        assert!(single.contains(r#"id="sw-details""#) && !single.contains("sw-register"));
        for listed in [
            "\"index.html\"",
            "\"manifest.webmanifest\"",
            "\"app-1_bg.wasm\"",
            "\"favicon-1.svg\"",
        ] {
            assert!(worker.contains(listed), "{listed} in the cache list");
        }
        for left_out in ["stackweigh.html", "sw.js", "icon-512.png"] {
            assert!(
                !worker.contains(&format!("\"{left_out}\"")),
                "{left_out} not precached"
            );
        }
    }
}
