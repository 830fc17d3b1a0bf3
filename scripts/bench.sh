#!/usr/bin/env bash
# Baseline figures for docs/PERFORMANCE.md, measured in one run on this machine:
#   - release WASM and JS sizes (raw, gzip -9, brotli -q 11) and the bytes a
#     browser downloads (the precompressed files the server sends);
#   - server start-up time on an empty database (until /healthz answers);
#   - requests/s and p99 latency at 64 connections: the home page (SSR + SQLite)
#     next to a trivial axum route (/livez) served by the same process.
# Only loopback is targeted; every load run is bounded in time.
# BENCH_SKIP_BUILD=1 reuses the last release build.
set -euo pipefail
cd "$(dirname "$0")/.."

ADDR="${BENCH_ADDR:-127.0.0.1:3310}"
DURATION="${BENCH_DURATION:-10s}"
CONNECTIONS=64
THREADS=2
RUNS_STARTUP=5
# The script a first visit may download (WASM + JS, as sent), in KB.
BUDGET_FIRST_LOAD_KB=150

# shellcheck source=scripts/bench-common.sh
source scripts/bench-common.sh

for tool in wrk brotli curl gzip; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    step "Installing $tool (Debian)"
    apt-get install -y -qq "$tool" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "$tool"; }
  fi
done

release_build

pkg="target/site/pkg"
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

load() { # $1 = path → "requests/s p99"
  local output rps p99
  output=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://$ADDR$1")
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$output")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$output")
  errors=$(awk '/Non-2xx|Socket errors/' <<<"$output")
  [ -z "$errors" ] || { echo "$output" >&2; echo "load run on $1 had errors" >&2; exit 1; }
  printf '%s %s' "$rps" "$p99"
}

step "Load: $CONNECTIONS connections, $DURATION per route"
start_server "$work/loaded.sqlite3" true
until curl -fsS -o /dev/null "http://$ADDR/healthz" 2>/dev/null; do sleep 0.05; done
curl -fsS -o /dev/null "http://$ADDR/" # warm-up
read -r home_rps home_p99 <<<"$(load /)"
read -r trivial_rps trivial_p99 <<<"$(load /livez)"
wire() { # $1 = file under /pkg → bytes a browser accepting brotli downloads
  curl -fsS -o /dev/null -H 'Accept-Encoding: gzip, deflate, br' -w '%{size_download}' "http://$ADDR/pkg/$1"
}
wire_wasm=$(wire mentorat.wasm)
wire_js=$(wire mentorat.js)
wire_css=$(wire mentorat.css)
stop_server

cat <<REPORT

## Baseline — $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m)

### Release bundle (bytes)
| file | raw | gzip -9 | brotli -q 11 |
|---|---|---|---|
$(size_row "$pkg/mentorat.wasm")
$(size_row "$pkg/mentorat.js")
$(size_row "$pkg/mentorat.css")

On the wire (brotli, as served): WASM $wire_wasm, JS $wire_js, CSS $wire_css;
first load of any page $(((wire_wasm + wire_js) / 1024)) KB of script (budget: $BUDGET_FIRST_LOAD_KB KB).

### Server start-up on an empty database (create file, migrate, listen, first /healthz)
median of $RUNS_STARTUP runs: **${startup_median} ms** (runs: ${startups[*]} ms)

### Throughput at $CONNECTIONS connections (wrk, $THREADS threads, $DURATION, same process, loopback)
| route | requests/s | p99 latency |
|---|---|---|
| \`/\` home page (SSR, SQLite, demo data) | $home_rps | $home_p99 |
| \`/livez\` trivial axum route | $trivial_rps | $trivial_p99 |
REPORT

first_load_kb=$(((wire_wasm + wire_js) / 1024))
if [ "$first_load_kb" -gt "$BUDGET_FIRST_LOAD_KB" ]; then
  echo "over budget: a first load downloads $first_load_kb KB of script (budget $BUDGET_FIRST_LOAD_KB KB)" >&2
  exit 1
fi
