//! The post-build tool, Trunk.toml's one post_build hook: runs
//! `stackweigh::postbuild::STEPS` (src/postbuild/mod.rs) in order over the
//! staging folder.
//!
//! Usage: `postbuild [DIR]`, where DIR defaults to `$TRUNK_STAGING_DIR`.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::PathBuf;

    let dir = std::env::args_os()
        .nth(1)
        .or_else(|| std::env::var_os("TRUNK_STAGING_DIR"))
        .map(PathBuf::from);
    let Some(dir) = dir else {
        eprintln!(
            "postbuild: name the output folder, or run it as a Trunk hook (TRUNK_STAGING_DIR)"
        );
        return std::process::ExitCode::from(2);
    };
    match stackweigh::postbuild::run(&dir) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("postbuild: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
