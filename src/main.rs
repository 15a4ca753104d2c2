// Talc: smaller than the default dlmalloc, and fast (docs/performance-notes.md).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    // First: a panic anywhere after this leaves a notice, not a dead widget.
    stackweigh::app::panic::install();
    stackweigh::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("stackweigh runs in the browser: build it with `trunk build --release`.");
}
