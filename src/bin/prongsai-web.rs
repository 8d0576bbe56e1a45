//! The browser app's entry point (wasm32 only; an empty program natively).

#[cfg(target_arch = "wasm32")]
fn main() {
    prongsai::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("prongsai-web is the browser app: build it with `cargo xtask serve`.");
}
