// SAFETY: wasm32-unknown-unknown without atomics runs on one thread.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(target_arch = "wasm32")]
fn main() {
    stackweigh::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("stackweigh runs in the browser: build it with `trunk build --release`.");
}
