#!/usr/bin/env bash
# Sets up the machine (idempotent), then builds and starts Mentorat with the demo
# program on an embedded SQLite file, at http://127.0.0.1:3000. Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
export MENTORAT_DEMO_DATA=true
export MENTORAT_DATABASE_PATH="${MENTORAT_DATABASE_PATH:-data/mentorat.sqlite3}"
printf '\nBuilding and starting Mentorat (first build: about 10 minutes on 2 cores)…\n'
printf 'Then open http://127.0.0.1:3000\n\n'
exec cargo leptos serve --release --precompress --split
