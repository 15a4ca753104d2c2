//! The post-build steps that read and write the staging folder; what each
//! makes is decided in its own module, and [`super::STEPS`] orders them.

use std::path::Path;
use std::process::Command;

use super::service_worker::{self, BundleFile};
use super::trunk::{self, ScriptKind};
use super::{
    answers, csp, embed, imports, manifest, prerender, relative_files, reports, single_file,
};
use super::{bundle_path, read, read_text, write};
use crate::core::{DETAILS_PAYLOAD, MATRIX};

pub const MINIFY: &str = "minify the scripts Trunk copies as they are";

/// The page's and the reports worker's wasm and glue, their imports renamed
/// short in both (`imports.rs`): 5.7 kB gzip off the page's first load.
pub fn shorten_imports(dir: &Path) -> Result<(), String> {
    let boot = trunk::boot_tag(&read_text(&dir.join(trunk::PAGE))?)?;
    let page = (bundle_path(dir, &boot.glue)?, bundle_path(dir, &boot.wasm)?);
    let worker = (dir.join(trunk::WORKER_GLUE), dir.join(trunk::WORKER_WASM));
    for (glue_path, wasm_path) in [page, worker] {
        let (wasm, glue) = imports::shorten(&read(&wasm_path)?, &read_text(&glue_path)?)
            .map_err(|error| format!("{}: {error}", wasm_path.display()))?;
        write(&wasm_path, wasm)?;
        write(&glue_path, glue)?;
    }
    Ok(())
}

/// Terser (`scripts/minify-glue.mjs`), in place, over the scripts
/// [`trunk::unminified_scripts`] names: Trunk's own minifier leaves 5% more.
pub fn minify_scripts(dir: &Path) -> Result<(), String> {
    let page = read_text(&dir.join(trunk::PAGE))?;
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/minify-glue.mjs");
    let mut node = Command::new("node");
    node.arg(&script);
    for (url, kind) in trunk::unminified_scripts(&page)? {
        let flag = match kind {
            ScriptKind::Module => "--module",
            ScriptKind::Classic => "--classic",
        };
        node.arg(flag).arg(bundle_path(dir, &url)?);
    }
    let status = (node.status())
        .map_err(|error| format!("cannot run node (scripts/setup.sh installs it): {error}"))?;
    if !status.success() {
        return Err(format!("{} failed ({status})", script.display()));
    }
    Ok(())
}

pub fn write_details(dir: &Path) -> Result<(), String> {
    write(&dir.join(MATRIX.details_file), DETAILS_PAYLOAD)
}

fn root_file_names(dir: &Path) -> Result<Vec<String>, String> {
    Ok((relative_files(dir)?.into_iter())
        .filter(|path| !path.contains('/'))
        .collect())
}

pub fn write_manifest(dir: &Path) -> Result<(), String> {
    let icons = manifest::icons(&root_file_names(dir)?);
    let has = |size: &str| icons.iter().any(|icon| icon.sizes == size);
    if !has("512x512") || !has("192x192") {
        return Err(
            "icon-192.png and icon-512.png must be in the bundle (index.html copies them)".into(),
        );
    }
    write(&dir.join(manifest::FILE_NAME), manifest::manifest(&icons)?)
}

/// Trunk's worker files as one content-named script and wasm, and the boot
/// script tag pointing at the script (`reports.rs`).
pub fn place_reports_worker(dir: &Path) -> Result<(), String> {
    let glue_path = dir.join(trunk::WORKER_GLUE);
    let wasm_path = dir.join(trunk::WORKER_WASM);
    let files = reports::files(&read_text(&glue_path)?, &read(&wasm_path)?);
    write(&dir.join(&files.script_name), &files.script)?;
    std::fs::rename(&wasm_path, dir.join(&files.wasm_name))
        .map_err(|error| format!("cannot rename {}: {error}", wasm_path.display()))?;
    std::fs::remove_file(&glue_path)
        .map_err(|error| format!("cannot remove {}: {error}", glue_path.display()))?;
    let path = dir.join(trunk::PAGE);
    let url = format!("./{}", files.script_name);
    write(&path, reports::point_boot_tag(&read_text(&path)?, &url)?)
}

/// embed.html, then each use case's page and embed document, all from the
/// page as Trunk wrote it (`answers.rs`).
pub fn write_use_case_documents(dir: &Path) -> Result<(), String> {
    use crate::app::{prerender_embed, prerender_preset};
    let page = read_text(&dir.join(trunk::PAGE))?;
    let view = |rendered: String| prerender::with_loading_note(&rendered);
    write(
        &dir.join(embed::DOCUMENT),
        embed::document(&page, &view(prerender_embed())?)?,
    )?;
    for answer in answers::answers() {
        let id = answer.preset;
        let own_page = prerender::into_page(&page, &view(prerender_preset(id, false))?)?;
        write(&dir.join(&answer.page), answers::mark(&own_page, id)?)?;
        let own_embed = embed::document(&page, &view(prerender_preset(id, true))?)?;
        write(&dir.join(&answer.embed), answers::mark(&own_embed, id)?)?;
    }
    Ok(())
}

/// The default view, rendered by the same Yew components the browser runs,
/// so the page shows content before the wasm arrives (and without script).
pub fn prerender_page(dir: &Path) -> Result<(), String> {
    let path = dir.join(trunk::PAGE);
    let view = prerender::with_loading_note(&crate::app::prerender())?;
    write(&path, prerender::into_page(&read_text(&path)?, &view)?)
}

pub fn write_single_file(dir: &Path) -> Result<(), String> {
    let page = read_text(&dir.join(trunk::PAGE))?;
    let details = read_text(&dir.join(MATRIX.details_file))?;
    let reader = |url: &str| read(&bundle_path(dir, url)?);
    let bundled = single_file::bundle(&page, &reader, &details)?;
    write(&dir.join(super::SINGLE_FILE_NAME), bundled)
}

pub fn secure_documents(dir: &Path) -> Result<(), String> {
    for name in answers::documents() {
        let path = dir.join(&name);
        let secured = csp::secure_page(&read_text(&path)?).map_err(|e| format!("{name}: {e}"))?;
        write(&path, secured)?;
    }
    Ok(())
}

/// Trunk's copy of embed.js, checked and written again under its pinned name.
pub fn write_pinned_loader(dir: &Path) -> Result<(), String> {
    let loader = read(&dir.join(trunk::EMBED_LOADER))?;
    embed::check_pinned(&loader)?;
    write(&dir.join(embed::PINNED_LOADER), loader)
}

pub fn write_redirects(dir: &Path) -> Result<(), String> {
    write(&dir.join(answers::REDIRECTS_FILE), answers::redirects())
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

pub fn write_service_worker(dir: &Path) -> Result<(), String> {
    let files = bundle_files(dir)?;
    if !files.iter().any(|file| file.path == trunk::PAGE) {
        return Err(format!("no {} in {}", trunk::PAGE, dir.display()));
    }
    write(
        &dir.join(service_worker::SCRIPT_NAME),
        service_worker::script(&files),
    )
}
