#!/usr/bin/env bash
# Runs every test: unit tests, integration tests (HTTP through the real router on
# temporary SQLite files), and end-to-end journeys in Chromium.
# Expects ./scripts/setup.sh to have run once.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# Plain cargo runs get their own target folder: cargo-leptos builds with other
# flags (--cfg erase_components), and sharing target/ would rebuild everything each time.
export CARGO_TARGET_DIR="${MENTORAT_TEST_TARGET_DIR:-target/tests}"
# As cargo-leptos does for debug builds: erase component types, or the test
# binaries of the server grow to gigabytes and take minutes to link.
export RUSTFLAGS="${RUSTFLAGS:-} --cfg erase_components"
# CI builds once from a clean clone: incremental data would only take disk.
if [ "${CI:-}" = "true" ]; then export CARGO_INCREMENTAL=0; fi

step "Unit tests and translation checks (app)"
cargo test -p app --features ssr

step "Unit and integration tests (server)"
cargo test -p server

step "Matching engine: unit and property tests"
cargo test -p matching

unset CARGO_TARGET_DIR RUSTFLAGS

# The harnesses set the same target folder and flags themselves: the test
# binaries built above serve again.
step "Writers under contention, 30 seconds (the 10-minute run: scripts/soak.sh)"
./scripts/soak.sh 30

step "Crash safety: 20 SIGKILLs under a mixed workload (the 1,000-kill run: scripts/kill.sh)"
# The server the integration tests built (debug): the release build is the long run's.
MENTORAT_KILL_SERVER="${MENTORAT_TEST_TARGET_DIR:-target/tests}/debug/server" ./scripts/kill.sh 20

step "End-to-end tests in Chromium"
# A fresh database with the demo program, on ports apart from the dev server's.
e2e_dir="target/e2e"
rm -rf "$e2e_dir"
mkdir -p "$e2e_dir"
export MENTORAT_DATABASE_PATH="$e2e_dir/mentorat.sqlite3"
export MENTORAT_DEMO_DATA=true
export LEPTOS_SITE_ADDR="${MENTORAT_E2E_ADDR:-127.0.0.1:3210}"
export LEPTOS_RELOAD_PORT="${MENTORAT_E2E_RELOAD_PORT:-3211}"
export BASE_URL="http://$LEPTOS_SITE_ADDR"
# The journeys sign in, register and apply from one address far faster than
# people do: the per-address limit of the doors open to anyone (30 a minute,
# tested in server/tests/integration/accounts/limits.rs) would refuse them.
export MENTORAT_RATE_LIMIT_PER_CLIENT=1000
cargo leptos end-to-end --split
