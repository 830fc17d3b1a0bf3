#!/usr/bin/env bash
# The matching board at scale, for docs/PERFORMANCE.md: a release server with the
# demo program and the large cohort (5,000 mentees × 1,000 mentors), signed in as
# the demo coordinator, in one run on this machine:
#   - get_board: the first request (loads the cohort), then the median of the
#     next ones (kept in memory until something changes), with a selected
#     mentee's ranked mentors, and after a change (loaded again);
#   - run_matching: end to end next to the engine's own time (from the log),
#     and the size of the draft sent to the browser;
#   - get_board with the kept draft: as kept, with a second page of pairs
#     explained, and after a change (the draft computed again).
# BENCH_SKIP_BUILD=1 reuses target/release/server. Only loopback is targeted.
set -euo pipefail
cd "$(dirname "$0")/.."

ADDR="${BENCH_ADDR:-127.0.0.1:3320}"
MENTEES="${BENCH_MENTEES:-5000}"
MENTORS="${BENCH_MENTORS:-1000}"
RUNS=9
COHORT=demo-grande-echelle

# shellcheck source=scripts/bench-common.sh
source scripts/bench-common.sh

release_build


export MENTORAT_DATABASE_PATH="$work/board.sqlite3" MENTORAT_ADDR="$ADDR" LEPTOS_SITE_ROOT=target/site LEPTOS_ENV=PROD
step "Demo program and the large cohort ($MENTEES × $MENTORS)"
MENTORAT_LOG=warn target/release/server demo-data >&2
MENTORAT_LOG=warn target/release/server large-demo --mentees "$MENTEES" --mentors "$MENTORS" >&2

MENTORAT_LOG=info target/release/server >"$work/server.log" 2>&1 &
server_pid=$!
wait_for_server

session_of coordination@demo.mentorat.example demo-coordination >/dev/null
jar="$work/jar"

call() { # $1 = server function, then form fields → "milliseconds bytes"
  local name="$1"; shift
  local fields=()
  for field in "$@"; do fields+=(--data-urlencode "$field"); done
  curl -fsS -o "$work/last.json" -b "$jar" -H 'Accept: application/json' \
    -w '%{time_total} %{size_download}\n' "${fields[@]}" "http://$ADDR/api/$name" |
    awk '{ printf "%.1f %d", $1 * 1000, $2 }'
}
median_of() { # $RUNS calls of "$@" → median milliseconds
  local times=()
  for _ in $(seq 1 "$RUNS"); do
    read -r ms _ <<<"$(call "$@")"
    times+=("$ms")
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}

step "get_board"
read -r first_ms board_bytes <<<"$(call get_board "cohort=$COHORT")"
mentee=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mentees"]["items"][0]["profile_id"])' "$work/last.json")
warm_ms=$(median_of get_board "cohort=$COHORT")
read -r _ selected_bytes <<<"$(call get_board "cohort=$COHORT" "mentee=$mentee")"
selected_ms=$(median_of get_board "cohort=$COHORT" "mentee=$mentee")
filtered_ms=$(median_of get_board "cohort=$COHORT" "q=a" "page=2")
# A change the board reads (a lock on one pair): the next request loads again.
mentor=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["mentors"]["items"][0]["profile_id"])' "$work/last.json")
call set_pair_constraint "cohort=$COHORT" "mentee=$mentee" "mentor=$mentor" "kind=locked" >/dev/null
read -r changed_ms _ <<<"$(call get_board "cohort=$COHORT")"
call set_pair_constraint "cohort=$COHORT" "mentee=$mentee" "mentor=$mentor" "kind=none" >/dev/null

step "run_matching"
runs=()
for _ in 1 2 3; do
  read -r ms draft_bytes <<<"$(call run_matching "cohort=$COHORT")"
  runs+=("$ms")
done
engine=$(sed 's/\x1b\[[0-9;]*m//g' "$work/server.log" | grep -o 'elapsed_ms=[0-9]*' | tail -3 | cut -d= -f2 | sort -n | head -1 || true)
best_run=$(printf '%s\n' "${runs[@]}" | sort -n | head -1)

step "get_board with the kept draft"
read -r _ kept_bytes <<<"$(call get_board "cohort=$COHORT")"
kept_ms=$(median_of get_board "cohort=$COHORT")
read -r _ page_bytes <<<"$(call get_board "cohort=$COHORT" "shown=40")"
page_ms=$(median_of get_board "cohort=$COHORT" "shown=40")
call set_pair_constraint "cohort=$COHORT" "mentee=$mentee" "mentor=$mentor" "kind=forbidden" >/dev/null
read -r rerun_ms _ <<<"$(call get_board "cohort=$COHORT")"
call set_pair_constraint "cohort=$COHORT" "mentee=$mentee" "mentor=$mentor" "kind=none" >/dev/null

cat <<REPORT

## The board at $MENTEES × $MENTORS — $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m)

\`scripts/bench-board.sh\`: release server, signed in as the coordinator, curl on
loopback; medians of $RUNS requests unless said.

| request | time (ms) | response (bytes) |
|---|---|---|
| \`get_board\`, first request (loads the cohort) | $first_ms | $board_bytes |
| \`get_board\`, cohort kept in memory | $warm_ms | $board_bytes |
| \`get_board\` with a selected mentee (8 mentors ranked, explained) | $selected_ms | $selected_bytes |
| \`get_board\` searched ("a"), page 2 | $filtered_ms | — |
| \`get_board\` after a change (loaded again) | $changed_ms | — |
| \`run_matching\` end to end, best of 3 (engine alone: $engine ms) | $best_run | $draft_bytes |
| \`get_board\` with the kept draft (20 pairs explained) | $kept_ms | $kept_bytes |
| \`get_board\` with the kept draft, 40 pairs explained (\`shown=40\`) | $page_ms | $page_bytes |
| \`get_board\` with the kept draft after a change (draft computed again) | $rerun_ms | — |
REPORT
