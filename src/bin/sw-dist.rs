//! Post-build step for the release bundle, run by Trunk as a hook
//! (`Trunk.toml`): writes the rendered "Why?" text beside index.html.
//!
//! Usage: `sw-dist [DIR]`, where DIR defaults to `$TRUNK_STAGING_DIR`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use stackweigh::core::{DETAILS_PAYLOAD, MATRIX};
    use std::path::PathBuf;

    let dir = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from);
    let Some(dir) = dir else {
        eprintln!("sw-dist: name the output folder, or run it as a Trunk hook (TRUNK_STAGING_DIR)");
        return std::process::ExitCode::from(2);
    };
    let path = dir.join(MATRIX.details_file);
    match std::fs::write(&path, DETAILS_PAYLOAD) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("sw-dist: cannot write {}: {error}", path.display());
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
