#!/usr/bin/env bash
# Formatting and clippy (warnings denied), per package and target: the app is
# compiled for the server (ssr) and for the browser (hydrate, wasm32) separately,
# never with `--workspace`, which would unify both feature sets.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${MENTORAT_TEST_TARGET_DIR:-target/tests}"
# As cargo-leptos does for debug builds: erase component types, or the test
# binaries of the server grow to gigabytes and take minutes to link.
export RUSTFLAGS="${RUSTFLAGS:-} --cfg erase_components"
# CI builds once from a clean clone: incremental data would only take disk.
if [ "${CI:-}" = "true" ]; then export CARGO_INCREMENTAL=0; fi

cargo fmt --all --check
cargo clippy -p app --features ssr --all-targets -- -D warnings
cargo clippy -p server --all-targets -- -D warnings
cargo clippy -p matching --all-targets -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings
