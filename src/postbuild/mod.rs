//! The release bundle's post-build steps (native only): one tool,
//! `postbuild`, that Trunk.toml's one post_build hook runs over the staging
//! folder Trunk has just written. [`STEPS`] is the whole list, in order.
//!
//! Each step reads what the ones before it left in the folder, so their
//! order matters: the single file copies index.html, the
//! Content-Security-Policy hashes its inline scripts, the service worker's
//! version hashes every file, and `_headers` repeats every document's policy,
//! so each must see the final bytes of what it depends on.

pub mod answers;
pub mod csp;
pub mod digest;
pub mod embed;
pub mod headers;
pub mod html;
pub mod imports;
pub mod manifest;
pub mod prerender;
pub mod preset_names;
pub mod reports;
pub mod service_worker;
pub mod single_file;
mod steps;
pub mod trunk;

use std::path::{Path, PathBuf};

pub const SINGLE_FILE_NAME: &str = "stackweigh.html";

/// One step over the staging folder.
pub struct Step {
    pub name: &'static str,
    pub run: fn(&Path) -> Result<(), String>,
}

pub const STEPS: &[Step] = &[
    // First: every later step reads, copies or hashes these scripts.
    Step {
        name: steps::MINIFY,
        run: steps::minify_scripts,
    },
    // Then the wasm and its glue together, before anything copies or hashes them.
    Step {
        name: "shorten the wasm imports' names",
        run: steps::shorten_imports,
    },
    Step {
        name: "write the Why? text",
        run: steps::write_details,
    },
    Step {
        name: "write the web app manifest",
        run: steps::write_manifest,
    },
    // Names the reports worker's files and writes the script's URL into
    // index.html: the embed's document and the single file start from it,
    // the service worker and _headers list the files.
    Step {
        name: "place the reports worker",
        run: steps::place_reports_worker,
    },
    // From index.html as Trunk wrote it, before its own prerender.
    Step {
        name: "write the embed's document and each use case's page and embed",
        run: steps::write_use_case_documents,
    },
    // Rewrites index.html: every step below reads the final index.html (the
    // single file copies it, the CSP hashes it, the service worker caches
    // it), so it must come before all of them.
    Step {
        name: "prerender the default view into index.html",
        run: steps::prerender_page,
    },
    Step {
        name: "bundle the single file",
        run: steps::write_single_file,
    },
    Step {
        name: "add the Content-Security-Policy to every prerendered document",
        run: steps::secure_documents,
    },
    Step {
        name: "write the pinned embed loader",
        run: steps::write_pinned_loader,
    },
    Step {
        name: "write the _redirects file",
        run: steps::write_redirects,
    },
    // Its cache version hashes every file the steps above wrote.
    Step {
        name: "write the service worker",
        run: steps::write_service_worker,
    },
    // Last: it lists every file, sw.js included, and repeats each document's
    // final policy; the worker caches none of it.
    Step {
        name: "write the _headers file",
        run: headers::write,
    },
];

/// Runs every step over `dir`; stops at the first failure, naming the step.
pub fn run(dir: &Path) -> Result<(), String> {
    run_steps(dir, STEPS)
}

fn run_steps(dir: &Path, steps: &[Step]) -> Result<(), String> {
    for step in steps {
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

/// Every file under `dir`, as paths relative to it with `/`, sorted; hidden
/// files and folders (`.stage`…) are not the bundle's and are left out.
pub(crate) fn relative_files(dir: &Path) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    let mut folders = vec![PathBuf::new()];
    while let Some(folder) = folders.pop() {
        let full = dir.join(&folder);
        let listing_error =
            |error: std::io::Error| format!("cannot list {}: {error}", full.display());
        for entry in std::fs::read_dir(&full).map_err(listing_error)? {
            let entry = entry.map_err(listing_error)?;
            let Some(name) = entry.file_name().to_str().map(str::to_string) else {
                return Err(format!(
                    "{} has a file name that is not UTF-8",
                    full.display()
                ));
            };
            if name.starts_with('.') {
                continue;
            }
            let relative = folder.join(&name);
            let kind = (entry.file_type())
                .map_err(|error| format!("cannot stat {}: {error}", relative.display()))?;
            if kind.is_dir() {
                folders.push(relative);
            } else {
                let parts: Vec<_> = (relative.components())
                    .map(|p| p.as_os_str().to_string_lossy())
                    .collect();
                files.push(parts.join("/"));
            }
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests;
