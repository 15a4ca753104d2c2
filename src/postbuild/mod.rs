//! The release bundle's post-build steps (native only), run by `postbuild`
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
pub mod reports;
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
    // Names the reports worker's files and writes the script's URL into
    // index.html: the single file inlines them, the service worker and
    // _headers list them.
    Step {
        name: "place the reports worker",
        run: place_reports_worker,
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

/// Trunk's worker files as one content-named script and wasm, and the boot
/// script tag pointing at the script (`reports.rs`).
fn place_reports_worker(dir: &Path) -> Result<(), String> {
    let glue_path = dir.join(reports::TRUNK_GLUE);
    let wasm_path = dir.join(reports::TRUNK_WASM);
    let files = reports::files(&read_text(&glue_path)?, &read(&wasm_path)?);
    write(&dir.join(&files.script_name), &files.script)?;
    std::fs::rename(&wasm_path, dir.join(&files.wasm_name))
        .map_err(|error| format!("cannot rename {}: {error}", wasm_path.display()))?;
    std::fs::remove_file(&glue_path)
        .map_err(|error| format!("cannot remove {}: {error}", glue_path.display()))?;
    let path = dir.join(PAGE_NAME);
    let url = format!("./{}", files.script_name);
    write(&path, reports::point_boot_tag(&read_text(&path)?, &url)?)
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
mod tests;
