#[cfg(target_arch = "wasm32")]
fn main() {
    stackweigh::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("stackweigh runs in the browser: build it with `trunk build --release`.");
}
