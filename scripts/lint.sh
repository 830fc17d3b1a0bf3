#!/usr/bin/env bash
# Formatting and clippy (warnings denied), per package and target: the app is
# compiled for the server (ssr) and for the browser (hydrate, wasm32) separately,
# never with `--workspace`, which would unify both feature sets.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${MENTORAT_TEST_TARGET_DIR:-target/tests}"

cargo fmt --all --check
cargo clippy -p app --features ssr --all-targets -- -D warnings
cargo clippy -p server --all-targets -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings
