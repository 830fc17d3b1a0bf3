//! Following the board's own addresses in place: a link or a search of the
//! board changes the address (the browser's history keeps it, so back and a
//! shared link work) and the board's query, which reloads the lists; the
//! island stays, and with it a draft on screen. Any other address, or a click
//! with a modifier (new tab…), is left to the browser.
use leptos::prelude::*;

use super::BoardQuery;

/// Where the board lives; its links all start so.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
const BOARD_PATH: &str = "/coordinator/matching";

/// A click on a link to a board address: followed in place.
pub fn follow_link(event: leptos::ev::MouseEvent, query: RwSignal<BoardQuery>) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;

        if event.default_prevented()
            || event.button() != 0
            || event.meta_key()
            || event.ctrl_key()
            || event.shift_key()
            || event.alt_key()
        {
            return;
        }
        let Some(link) = event
            .target()
            .and_then(|target| target.dyn_into::<leptos::web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
        else {
            return;
        };
        let Some(href) = link
            .get_attribute("href")
            .filter(|href| is_board_address(href))
        else {
            return;
        };
        event.prevent_default();
        go(&href, query);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (event, query);
}

/// A search form of the board (`method="get"`): its fields become the address.
pub fn follow_search(event: leptos::ev::SubmitEvent, query: RwSignal<BoardQuery>) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        use leptos::web_sys::{FormData, HtmlFormElement, UrlSearchParams};

        if event.default_prevented() {
            return;
        }
        let Some(form) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        let action = form.get_attribute("action").unwrap_or_default();
        if !form.method().eq_ignore_ascii_case("get") || !is_board_address(&action) {
            return;
        }
        let Some(search) = FormData::new_with_form(&form)
            .ok()
            .and_then(|data| UrlSearchParams::new_with_str_sequence_sequence(&data).ok())
            .map(|params| String::from(params.to_string()))
        else {
            return;
        };
        event.prevent_default();
        go(&format!("{BOARD_PATH}?{search}"), query);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (event, query);
}

/// Back and forward between board addresses show the board of each.
pub fn follow_back_and_forward(query: RwSignal<BoardQuery>) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::{closure::Closure, JsCast};

        let on_pop = Closure::<dyn Fn()>::new(move || {
            let search = window().location().search().unwrap_or_default();
            query.set(BoardQuery::from_query(&search));
        });
        if window()
            .add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref())
            .is_ok()
        {
            // The board is the page: it listens for the page's whole life.
            on_pop.forget();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = query;
}

/// Whether `href` is an address of the board itself (its query may differ).
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn is_board_address(href: &str) -> bool {
    href == BOARD_PATH || href.starts_with(&format!("{BOARD_PATH}?"))
}

#[cfg(feature = "hydrate")]
fn go(href: &str, query: RwSignal<BoardQuery>) {
    let pushed = window().history().and_then(|history| {
        history.push_state_with_url(&leptos::wasm_bindgen::JsValue::NULL, "", Some(href))
    });
    if pushed.is_err() {
        // No history to write in: an ordinary page load does the same.
        let _ = window().location().set_href(href);
        return;
    }
    let search = href
        .split_once('?')
        .map(|(_, search)| search)
        .unwrap_or_default();
    query.set(BoardQuery::from_query(search));
}

#[cfg(test)]
mod tests {
    use super::is_board_address;

    #[test]
    fn only_the_boards_own_addresses_are_followed_in_place() {
        assert!(is_board_address("/coordinator/matching"));
        assert!(is_board_address(
            "/coordinator/matching?cohort=hiver-2025&mentee=3"
        ));
        assert!(!is_board_address("/coordinator/matchings"));
        assert!(!is_board_address("/coordinator/pairs/4"));
        assert!(!is_board_address("/coordinator/cohorts"));
    }
}
