//! Generates the `i18n` module from `locales/*.json` (French first, then English).
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");

    let out_dir = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set by cargo")?;
    let i18n_mod_directory = PathBuf::from(out_dir).join("i18n");

    // French is the program's language and the default; English is complete too.
    // `interpolate_display` lets `td_string!` fill placeholders outside views (dates).
    let options = ParseOptions::default().interpolate_display(true);
    let cfg = Config::new("fr")?.add_locale("en")?.parse_options(options);
    let translations_infos = TranslationsInfos::parse(cfg)?;
    translations_infos.emit_diagnostics();
    translations_infos.rerun_if_locales_changed();
    translations_infos.generate_i18n_module(i18n_mod_directory)?;
    Ok(())
}
