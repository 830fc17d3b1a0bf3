//! The WASM entry: makes the interactive parts of the server-rendered page
//! (its islands) work. The rest of the page never runs in the browser.
#[allow(unused_imports)]
use app::*;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
