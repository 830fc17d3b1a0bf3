//! Every text exists in both languages: a key in one translation file only, an
//! empty text, or placeholders that differ between languages fail the build's tests.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

fn flatten(prefix: &str, value: &Value, into: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(entries) => {
            for (key, child) in entries {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten(&path, child, into);
            }
        }
        Value::String(text) => {
            into.insert(prefix.to_owned(), text.clone());
        }
        other => {
            into.insert(prefix.to_owned(), other.to_string());
        }
    }
}

fn load(locale: &str) -> BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(format!("{locale}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let json: Value =
        serde_json::from_str(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let mut keys = BTreeMap::new();
    flatten("", &json, &mut keys);
    keys
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split("{{")
        .skip(1)
        .filter_map(|rest| rest.split("}}").next())
        .map(|name| name.trim().to_owned())
        .collect()
}

#[test]
fn french_and_english_have_the_same_keys() {
    let french = load("fr");
    let english = load("en");
    let only_french: Vec<&String> = french
        .keys()
        .filter(|key| !english.contains_key(*key))
        .collect();
    let only_english: Vec<&String> = english
        .keys()
        .filter(|key| !french.contains_key(*key))
        .collect();
    assert!(
        only_french.is_empty(),
        "keys missing in en.json: {only_french:?}"
    );
    assert!(
        only_english.is_empty(),
        "keys missing in fr.json: {only_english:?}"
    );
}

#[test]
fn no_text_is_empty() {
    for locale in ["fr", "en"] {
        let empty: Vec<String> = load(locale)
            .into_iter()
            .filter(|(_, text)| text.trim().is_empty())
            .map(|(key, _)| key)
            .collect();
        assert!(empty.is_empty(), "empty texts in {locale}.json: {empty:?}");
    }
}

#[test]
fn placeholders_match_between_languages() {
    let english = load("en");
    for (key, french_text) in load("fr") {
        if let Some(english_text) = english.get(&key) {
            assert_eq!(
                placeholders(&french_text),
                placeholders(english_text),
                "placeholders differ for {key}"
            );
        }
    }
}

/// Every key is used somewhere in the app's code (`t!(i18n, a.b)` and friends).
#[test]
fn every_text_is_used() {
    fn sources(folder: &Path, into: &mut String) {
        let Ok(entries) = std::fs::read_dir(folder) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, into);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                into.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    let mut code = String::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut code,
    );
    // The composers (`email!`, `composers!`) name keys under `emails` bare.
    let composers = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/outbox/compose.rs"),
    )
    .unwrap_or_default();
    let emails: Vec<String> = composers
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty())
        .map(|word| format!("emails.{word}"))
        .collect();
    code.push_str(&emails.join(" "));
    let unused: Vec<String> = load("fr")
        .into_keys()
        .filter(|key| !code.contains(key.as_str()))
        .collect();
    assert!(
        unused.is_empty(),
        "translation keys no code uses: {unused:?}"
    );
}
