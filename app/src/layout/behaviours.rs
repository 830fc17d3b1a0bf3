//! What every page does once its script has loaded, for the whole document:
//! the page itself is rendered on the server and never runs in the browser
//! (islands), so the few behaviours a plain page has are attached here, by
//! attribute, rather than by a component of their own.
//!
//! - `<body data-hydrated>`: the script has run (browser tests wait for it).
//! - `data-confirm="question"` on a submit button: asked first, and the form
//!   is not sent unless confirmed (before the script loads, it is sent).
//! - `data-print` on a (hidden) button: shown, and prints the page.
//! - controls inside a `<details>` that opens are given their box again
//!   (a Chromium bug, see [`repair_controls_in_opened_details`]).
//! - a form being sent is not sent twice (a second tap while the page loads
//!   is ignored; its button says it is busy with `aria-busy`).
//! - after a form is sent (a page load: the server answers with the page
//!   again), the keyboard is put back where it was: on the first field the
//!   server refused, opening the `<details>` around it, or else on the folded
//!   form's summary or its button ([`return_focus`]).
use leptos::prelude::*;

/// The attribute that asks before a submit button sends its form.
pub const CONFIRM_ATTRIBUTE: &str = "data-confirm";

/// The attribute of a button that prints the page (hidden until the script runs).
pub const PRINT_ATTRIBUTE: &str = "data-print";

#[island]
pub fn PageBehaviours() -> impl IntoView {
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        attach();
    });
}

#[cfg(feature = "hydrate")]
fn attach() {
    if let Some(body) = document().body() {
        let _ = body.set_attribute("data-hydrated", "");
    }
    show_print_buttons();
    let sent = sent_form();
    open_details_around_problems();
    if let Some(form) = sent {
        return_focus(&form);
    }
    listen("submit", false, |event: leptos::web_sys::Event| {
        on_submit(&event)
    });
    // Back to a page kept in the browser's memory: its forms can be sent again.
    listen("pageshow", false, |_| forget_forms_being_sent());
    listen("click", false, |event: leptos::web_sys::Event| {
        on_click(&event)
    });
    // `toggle` does not bubble: listen while it goes down (capture).
    listen("toggle", true, |event: leptos::web_sys::Event| {
        repair_controls_in_opened_details(&event)
    });
}

/// Listens on the document for the page's whole life.
#[cfg(feature = "hydrate")]
fn listen(kind: &str, capture: bool, handler: impl Fn(leptos::web_sys::Event) + 'static) {
    use leptos::wasm_bindgen::{closure::Closure, JsCast};

    let handler = Closure::<dyn Fn(leptos::web_sys::Event)>::new(handler);
    if document()
        .add_event_listener_with_callback_and_bool(kind, handler.as_ref().unchecked_ref(), capture)
        .is_ok()
    {
        handler.forget();
    }
}

/// The element an event happened in, or the closest one around it that has `attribute`.
#[cfg(feature = "hydrate")]
fn closest_with(
    event: &leptos::web_sys::Event,
    attribute: &str,
) -> Option<leptos::web_sys::Element> {
    use leptos::wasm_bindgen::JsCast;

    event
        .target()
        .and_then(|target| target.dyn_into::<leptos::web_sys::Element>().ok())
        .and_then(|element| element.closest(&format!("[{attribute}]")).ok().flatten())
}

#[cfg(feature = "hydrate")]
fn on_click(event: &leptos::web_sys::Event) {
    if let Some(button) = closest_with(event, CONFIRM_ATTRIBUTE) {
        let question = button.get_attribute(CONFIRM_ATTRIBUTE).unwrap_or_default();
        if !window().confirm_with_message(&question).unwrap_or(false) {
            event.prevent_default();
        }
    } else if closest_with(event, PRINT_ATTRIBUTE).is_some() && window().print().is_err() {
        leptos::logging::warn!("printing is not available");
    }
}

/// Where the keyboard goes back to after the page a form was sent from comes
/// back: the form's identity ([`identity`]).
#[cfg(feature = "hydrate")]
const SENT_FORM_KEY: &str = "mentorat-sent-form";

#[cfg(feature = "hydrate")]
fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// The elements of a `querySelectorAll` answer that are of type `T`.
#[cfg(feature = "hydrate")]
fn elements<T: leptos::wasm_bindgen::JsCast>(
    found: Result<leptos::web_sys::NodeList, leptos::wasm_bindgen::JsValue>,
) -> Vec<T> {
    let Ok(found) = found else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|index| found.item(index))
        .filter_map(|node| leptos::wasm_bindgen::JsCast::dyn_into(node).ok())
        .collect()
}

/// The page's elements that `selector` matches.
#[cfg(feature = "hydrate")]
fn all(selector: &str) -> Vec<leptos::web_sys::Element> {
    elements(document().query_selector_all(selector))
}

/// What tells a form from the others that post to the same address: the
/// address and its hidden fields (the pair's, the goal's, the meeting's id).
/// Not its rank: once a form is sent, the item it was about may be gone and
/// the next one's form take its place.
#[cfg(feature = "hydrate")]
fn identity(form: &leptos::web_sys::Element) -> String {
    let mut identity = form.get_attribute("action").unwrap_or_default();
    for input in elements::<leptos::web_sys::Element>(form.query_selector_all("input[type=hidden]"))
    {
        identity.push('\n');
        identity.push_str(&input.get_attribute("name").unwrap_or_default());
        identity.push('=');
        identity.push_str(&input.get_attribute("value").unwrap_or_default());
    }
    identity
}

/// How long a form stays marked as being sent (a page load stopped with Esc
/// would otherwise keep it from being sent again).
#[cfg(feature = "hydrate")]
const SENDING_FOR: std::time::Duration = std::time::Duration::from_secs(10);

/// Marks a form whose post is on its way.
#[cfg(feature = "hydrate")]
const SENDING_ATTRIBUTE: &str = "data-sending";

/// A form posted the ordinary way (not one an island sends itself, which
/// prevents the default): sent once, and remembered for [`return_focus`].
#[cfg(feature = "hydrate")]
fn on_submit(event: &leptos::web_sys::Event) {
    use leptos::wasm_bindgen::JsCast;

    if event.default_prevented() {
        return;
    }
    let Some(form) = event
        .target()
        .and_then(|target| target.dyn_into::<leptos::web_sys::HtmlFormElement>().ok())
    else {
        return;
    };
    if !form.method().eq_ignore_ascii_case("post") {
        return;
    }
    if form.has_attribute(SENDING_ATTRIBUTE) {
        event.prevent_default();
        return;
    }
    let _ = form.set_attribute(SENDING_ATTRIBUTE, "");
    if let Ok(Some(button)) = form.query_selector("[type=submit]") {
        let _ = button.set_attribute("aria-busy", "true");
    }
    let element: leptos::web_sys::Element = form.into();
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(SENT_FORM_KEY, &identity(&element));
    }
    set_timeout(move || no_longer_sending(&element), SENDING_FOR);
}

#[cfg(feature = "hydrate")]
fn no_longer_sending(form: &leptos::web_sys::Element) {
    let _ = form.remove_attribute(SENDING_ATTRIBUTE);
    if let Ok(Some(button)) = form.query_selector("[aria-busy]") {
        let _ = button.remove_attribute("aria-busy");
    }
}

#[cfg(feature = "hydrate")]
fn forget_forms_being_sent() {
    for form in all(&format!("form[{SENDING_ATTRIBUTE}]")) {
        no_longer_sending(&form);
    }
}

/// The form just sent from this page, if it is still there (its item may be
/// done with: then nothing else is chosen for the keyboard). When the server
/// refused it, its refusal is left on it only: Leptos gives it to every form
/// of the same server function (one per card).
#[cfg(feature = "hydrate")]
fn sent_form() -> Option<leptos::web_sys::Element> {
    let storage = session_storage()?;
    let sent = storage.get_item(SENT_FORM_KEY).ok().flatten();
    let _ = storage.remove_item(SENT_FORM_KEY);
    let sent = sent?;
    let action = sent.split('\n').next().unwrap_or_default().to_owned();
    let (same, others): (Vec<_>, Vec<_>) = all("form")
        .into_iter()
        .filter(|form| form.get_attribute("action").as_deref() == Some(action.as_str()))
        .partition(|form| identity(form) == sent);
    let form = same.into_iter().next()?;
    let refused = window()
        .location()
        .search()
        .is_ok_and(|search| search.contains("__err="));
    if refused {
        others.iter().for_each(forget_refusal);
    }
    Some(form)
}

/// Puts the keyboard back in or near the sent form (see the module's
/// documentation), unless the reader is already somewhere on the page.
#[cfg(feature = "hydrate")]
fn return_focus(form: &leptos::web_sys::Element) {
    use leptos::wasm_bindgen::JsCast;

    let nothing_focused = document()
        .active_element()
        .is_none_or(|element| element.tag_name().eq_ignore_ascii_case("body"));
    if !nothing_focused {
        return;
    }
    let target = form
        .query_selector("[aria-invalid=\"true\"]")
        .ok()
        .flatten()
        .or_else(|| {
            form.closest("details")
                .ok()
                .flatten()
                .and_then(|details| details.query_selector("summary").ok().flatten())
        })
        .or_else(|| form.query_selector("[type=submit]").ok().flatten());
    if let Some(target) =
        target.and_then(|target| target.dyn_into::<leptos::web_sys::HtmlElement>().ok())
    {
        let _ = target.focus();
    }
}

/// Takes a refusal off a form that was not the one sent.
#[cfg(feature = "hydrate")]
fn forget_refusal(form: &leptos::web_sys::Element) {
    let marked = form.query_selector_all("[aria-invalid], .notice-error, .field-error");
    for element in elements::<leptos::web_sys::Element>(marked) {
        if element.has_attribute("aria-invalid") {
            let _ = element.remove_attribute("aria-invalid");
        } else if element.class_list().contains("notice-error") {
            element.remove();
        } else {
            element.set_text_content(None);
        }
    }
}

/// A form refused by the server comes back with its problems marked; when it
/// sits in a folded `<details>`, the `<details>` opens so they can be read.
#[cfg(feature = "hydrate")]
fn open_details_around_problems() {
    for problem in all("details [aria-invalid=\"true\"], details .notice-error") {
        if let Ok(Some(details)) = problem.closest("details") {
            let _ = details.set_attribute("open", "");
        }
    }
}

#[cfg(feature = "hydrate")]
fn show_print_buttons() {
    for button in all(&format!("[{PRINT_ATTRIBUTE}]")) {
        let _ = button.remove_attribute("hidden");
    }
}

/// Chromium (seen in 156) gives an input other than a plain text field (date,
/// time, number, checkbox, radio) that the app renders in the browser inside
/// a closed `<details>` no layout box:
/// once the `<details>` opens, the control shows nothing and cannot be used
/// (forms rendered by the server are fine; the bug appears after a list
/// reloads in place, which the matching board does). Setting such an input's
/// type again builds its box, so every `<details>` that opens does it for the
/// controls it holds, their checked state kept.
#[cfg(feature = "hydrate")]
fn repair_controls_in_opened_details(event: &leptos::web_sys::Event) {
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys::{Element, HtmlInputElement};

    let Some(details) = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
        .filter(|element| element.has_attribute("open"))
    else {
        return;
    };
    let controls = details.query_selector_all("input:not([type=hidden]):not([type=text])");
    for input in elements::<HtmlInputElement>(controls) {
        let (kind, checked) = (input.type_(), input.checked());
        input.set_type("text");
        input.set_type(&kind);
        input.set_checked(checked);
    }
}
