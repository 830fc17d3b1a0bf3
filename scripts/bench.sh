#!/usr/bin/env bash
# Baseline figures for docs/PERFORMANCE.md, measured in one run on this machine:
#   - release WASM and JS sizes (raw, gzip -9, brotli -q 11) and the bytes a
#     browser downloads (the precompressed files the server sends);
#   - server start-up time on an empty database (until /healthz answers);
#   - pages at saturation (wrk, 64 connections, same process): a trivial axum
#     route (/livez), the home page, the mentor dashboard (Marc Tremblay) and
#     the mentee page (Amina Diallo) signed in, with the demo data, then again
#     with 100,000 goals and 50,000 meetings of 5,000 other pairs in the
#     database (bench/big_database.py); targets: each page at least 10 % of
#     the trivial route's requests/s, the big database within 1.2× of the demo;
#   - an open-loop load (oha, a fixed 500 requests/s for 60 s, latency
#     corrected for coordinated omission) on the mentor dashboard: p99 and
#     errors (target p99 ≤ 25 ms, no error).
# Only loopback is targeted; every load run is bounded in time. oha is built
# from the registry into target/bench-tools. BENCH_SKIP_BUILD=1 reuses the
# last release build; BENCH_OPEN_SECONDS shortens the open-loop run.
set -euo pipefail
cd "$(dirname "$0")/.."

ADDR="${BENCH_ADDR:-127.0.0.1:3310}"
DURATION="${BENCH_DURATION:-10s}"
OPEN_RATE=500
OPEN_SECONDS="${BENCH_OPEN_SECONDS:-60}"
OHA_VERSION=1.16.0
oha="target/bench-tools/bin/oha"
CONNECTIONS=64
THREADS=2
RUNS_STARTUP=5
# The script a first visit may download (WASM + JS, as sent), in KB: any page
# (the main WASM and JS every page loads, plus the chunk of the page's lazy
# island when it has one), a public page (no island chunk), one chunk.
BUDGET_FIRST_LOAD_KB=150
BUDGET_PUBLIC_KB=100
BUDGET_CHUNK_KB=100

# shellcheck source=scripts/bench-common.sh
source scripts/bench-common.sh

for tool in wrk brotli curl gzip; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    step "Installing $tool (Debian)"
    apt-get install -y -qq "$tool" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$tool"; }
  fi
done

release_build
if [ ! -x "$oha" ]; then
  step "oha $OHA_VERSION (cargo install; TLS through the system OpenSSL, unused here)"
  cargo install --quiet --locked --no-default-features --features native-tls --version "$OHA_VERSION" --root target/bench-tools oha >&2
fi

pkg="target/site/pkg"
# A built file's name under $pkg: `mentorat.<hash>.wasm` with hash-files
# (Cargo.toml), `mentorat.wasm` without.
pkg_file() { # $1 = stem, $2 = extension → file name
  local found
  found=$(find "$pkg" -maxdepth 1 -type f \( -name "$1.$2" -o -name "$1.??????????????????????.$2" \) -printf '%f\n' | head -1)
  echo "${found:-$1.$2}"
}
size_row() {
  local file="$1"
  local raw gz br
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br=$(brotli -q 11 -c "$file" | wc -c)
  printf '| %s | %s | %s | %s |\n' "$(basename "$file")" "$raw" "$gz" "$br"
}


start_server() { # $1 = database file, $2 = demo data (true/false)
  MENTORAT_DATABASE_PATH="$1" MENTORAT_DEMO_DATA="$2" MENTORAT_ADDR="$ADDR" MENTORAT_LOG=warn \
    LEPTOS_SITE_ROOT=target/site LEPTOS_ENV=PROD target/release/server >"$work/server.log" 2>&1 &
  server_pid=$!
}
stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
now_ns() { date +%s%N; }

step "Start-up time on an empty database ($RUNS_STARTUP runs)"
startups=()
for run in $(seq 1 "$RUNS_STARTUP"); do
  rm -f "$work"/empty*.sqlite3*
  begin=$(now_ns)
  start_server "$work/empty-$run.sqlite3" false
  until curl -fsS -o /dev/null "http://$ADDR/healthz" 2>/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.005
  done
  end=$(now_ns)
  startups+=($(((end - begin) / 1000000)))
  stop_server
done
startup_median=$(printf '%s\n' "${startups[@]}" | sort -n | sed -n "$(((RUNS_STARTUP + 1) / 2))p")

load() { # $1 = path, $2 = cookie (optional) → "requests/s p99"
  local output rps p99
  output=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency ${2:+-H "Cookie: $2"} "http://$ADDR$1")
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$output")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$output")
  errors=$(awk '/Non-2xx|Socket errors/' <<<"$output")
  [ -z "$errors" ] || { echo "$output" >&2; echo "load run on $1 had errors" >&2; exit 1; }
  printf '%s %s' "$rps" "$p99"
}

# The four routes against the running server, into rps_<name>/p99_<name>_<label>.
measure_pages() { # $1 = label (demo, big)
  local mentor mentee
  mentor=$(session_of marc.tremblay@demo.mentorat.example demo-mentor-2025)
  mentee=$(session_of amina.diallo@demo.mentorat.example demo-mentee-2025)
  for page in "livez /livez" "home /" "mentor /mentor $mentor" "mentee /mentee $mentee"; do
    # shellcheck disable=SC2086
    set -- $page
    curl -fsS -o /dev/null ${3:+-H "Cookie: $3"} "http://$ADDR$2" # warm-up, and the page answers
    read -r "rps_$1_$label" "p99_$1_$label" <<<"$(load "$2" "${3:-}")"
  done
}

step "Load: $CONNECTIONS connections, $DURATION per route, demo data"
start_server "$work/loaded.sqlite3" true
wait_for_server
label=demo
measure_pages

# The issue's rate, then half of it: how the tail looks when the page is not
# saturated.
open_loop() { # $1 = requests/s → "p50 p99 achieved ok total"
  "$oha" --no-tui --output-format json -z "${OPEN_SECONDS}s" -q "$1" --latency-correction -c 32 \
    -H "Cookie: $mentor_cookie" "http://$ADDR/mentor" >"$work/open.json"
  python3 - "$work/open.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
codes = report.get("statusCodeDistribution", {})
ok = codes.get("200", 0)
# The requests still running when the time is up are cut, not failed.
errors = {k: v for k, v in report.get("errorDistribution", {}).items() if "deadline" not in k}
total = sum(codes.values()) + sum(errors.values())
pct = report["latencyPercentiles"]
print(f'{pct["p50"] * 1000:.1f} {pct["p99"] * 1000:.1f} {report["summary"]["requestsPerSec"]:.0f} {ok} {total}')
PY
}
mentor_cookie=$(session_of marc.tremblay@demo.mentorat.example demo-mentor-2025)
step "Open loop: $OPEN_RATE requests/s for ${OPEN_SECONDS}s on /mentor (oha, corrected latency)"
read -r open_p50 open_p99 open_rps open_ok open_total <<<"$(open_loop "$OPEN_RATE")"
half_rate=$((OPEN_RATE / 2))
step "Open loop: $half_rate requests/s for ${OPEN_SECONDS}s on /mentor"
read -r half_p50 half_p99 half_rps half_ok half_total <<<"$(open_loop "$half_rate")"
wire() { # $1 = file under /pkg → bytes a browser accepting brotli downloads
  curl -fsS -o /dev/null -H 'Accept-Encoding: gzip, deflate, br' -w '%{size_download}' "http://$ADDR/pkg/$1"
}
wire_wasm=$(wire "$(pkg_file mentorat wasm)")
wire_js=$(wire "$(pkg_file mentorat js)")
wire_css=$(wire "$(pkg_file mentorat css)")
# How long a browser keeps it (a year, unasked, when the name is its hash).
cache_wasm=$(curl -fsS -o /dev/null -D - "http://$ADDR/pkg/$(pkg_file mentorat wasm)" |
  tr -d '\r' | awk -F': ' 'tolower($1) == "cache-control" { print $2 }')
# The loader of lazy islands' chunks and its manifest load with every page.
wire_split=$(($(wire "$(pkg_file __wasm_split js)") + $(wire "$(pkg_file __wasm_split_manifest json)")))
# Each lazy island's chunk (its name says which island), as sent.
chunk_rows=""
largest_chunk=0
for chunk in "$pkg"/split_*.wasm; do
  [ -e "$chunk" ] || continue
  name=$(basename "$chunk")
  bytes=$(wire "$name")
  chunk_rows+="| \`$name\` | $bytes B | $(((wire_wasm + wire_js + wire_split + bytes) / 1024)) KB |"$'\n'
  [ "$bytes" -gt "$largest_chunk" ] && largest_chunk=$bytes
done
stop_server

step "The big database: the large cohort, 5,000 more pairs, 100,000 goals, 50,000 meetings"
cp "$work/loaded.sqlite3" "$work/big.sqlite3"
MENTORAT_DATABASE_PATH="$work/big.sqlite3" MENTORAT_LOG=warn target/release/server large-demo >&2
big_counts=$(python3 bench/big_database.py "$work/big.sqlite3")
echo "$big_counts" >&2
step "Load: $CONNECTIONS connections, $DURATION per route, big database"
start_server "$work/big.sqlite3" false
wait_for_server
label=big
measure_pages
stop_server

share() { python3 -c "import sys; print(f'{100 * float(sys.argv[1]) / float(sys.argv[2]):.1f} %')" "$1" "$2"; }
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.2f}×')" "$1" "$2"; }
pages_rows() {
  for page in "home|\`/\` home page" "mentor|\`/mentor\` mentor dashboard, signed in" "mentee|\`/mentee\` mentee page, signed in"; do
    local name="${page%%|*}" title="${page#*|}"
    local demo_rps="rps_${name}_demo" big_rps="rps_${name}_big" demo_p99="p99_${name}_demo" big_p99="p99_${name}_big"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$title" "${!demo_rps}" "${!demo_p99}" \
      "$(share "${!demo_rps}" "$rps_livez_demo")" "${!big_rps}" "${!big_p99}" \
      "$(share "${!big_rps}" "$rps_livez_big")" "$(ratio "${!demo_rps}" "${!big_rps}")"
  done
}

cat <<REPORT

## Baseline — $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m)

### Release bundle (bytes)
| file | raw | gzip -9 | brotli -q 11 |
|---|---|---|---|
$(size_row "$pkg/$(pkg_file mentorat wasm)")
$(size_row "$pkg/$(pkg_file mentorat js)")
$(size_row "$pkg/$(pkg_file mentorat css)")

On the wire (brotli, as served): WASM $wire_wasm, JS $wire_js, chunk loader $wire_split, CSS $wire_css
(\`Cache-Control: $cache_wasm\`);
first load of a page without a lazy island $(((wire_wasm + wire_js + wire_split) / 1024)) KB of script
(budget: $BUDGET_PUBLIC_KB KB for the public pages, $BUDGET_FIRST_LOAD_KB KB for any page).

| lazy island chunk | as sent | first load of its page |
|---|---|---|
${chunk_rows}
Budgets: a chunk ≤ $BUDGET_CHUNK_KB KB; its page's first load ≤ $BUDGET_FIRST_LOAD_KB KB.

### Server start-up on an empty database (create file, migrate, listen, first /healthz)
median of $RUNS_STARTUP runs: **${startup_median} ms** (runs: ${startups[*]} ms)

### Pages at saturation, $CONNECTIONS connections (wrk, $THREADS threads, $DURATION each, same process, loopback)
Big database: $big_counts.

| route | demo: requests/s | p99 | share of \`/livez\` | big: requests/s | p99 | share of \`/livez\` | demo / big |
|---|---|---|---|---|---|---|---|
| \`/livez\` trivial axum route | $rps_livez_demo | $p99_livez_demo | 100 % | $rps_livez_big | $p99_livez_big | 100 % | $(ratio "$rps_livez_demo" "$rps_livez_big") |
$(pages_rows)

Targets: each page ≥ 10 % of \`/livez\`; the big database within 1.2× of the demo.

### Open loop on \`/mentor\` (oha $OHA_VERSION, $OPEN_RATE requests/s fixed, ${OPEN_SECONDS}s, latency corrected for coordinated omission)
p50 ${open_p50} ms, **p99 ${open_p99} ms** (target ≤ 25 ms), $open_rps requests/s achieved, $open_ok of $open_total answered 200.
At half that rate ($half_rate requests/s): p50 ${half_p50} ms, p99 ${half_p99} ms, $half_ok of $half_total answered 200.
REPORT

status=0
if [ "$open_ok" != "$open_total" ] || [ "$half_ok" != "$half_total" ]; then
  echo "the open-loop runs had $((open_total - open_ok + half_total - half_ok)) errors" >&2
  status=1
fi
base_kb=$(((wire_wasm + wire_js + wire_split) / 1024))
if [ "$base_kb" -gt "$BUDGET_PUBLIC_KB" ]; then
  echo "over budget: every page downloads $base_kb KB of script (budget $BUDGET_PUBLIC_KB KB for the public pages)" >&2
  status=1
fi
if [ $((largest_chunk / 1024)) -gt "$BUDGET_CHUNK_KB" ]; then
  echo "over budget: an island's chunk is $((largest_chunk / 1024)) KB (budget $BUDGET_CHUNK_KB KB)" >&2
  status=1
fi
if [ $(((wire_wasm + wire_js + wire_split + largest_chunk) / 1024)) -gt "$BUDGET_FIRST_LOAD_KB" ]; then
  echo "over budget: the page of the largest chunk downloads $(((wire_wasm + wire_js + wire_split + largest_chunk) / 1024)) KB of script (budget $BUDGET_FIRST_LOAD_KB KB)" >&2
  status=1
fi
exit "$status"
