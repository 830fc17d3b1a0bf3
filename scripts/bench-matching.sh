#!/usr/bin/env bash
# The matching engine against the usual open-source formulation, in one run:
# for seeded synthetic cohorts (100×30, 1,000×200, 5,000×1,000 mentees × mentors),
# the engine's whole solve (scoring included) next to
# scipy.optimize.linear_sum_assignment on the capacity-expanded score matrix
# (mentors repeated by free places, excluded pairs priced out). Checks that both
# reach the same optimum (matched count, then total score), prints both times,
# their ratio, and the worst time to rank one mentee's mentors.
# numpy and scipy come from the Python package registry into target/bench-venv.
set -euo pipefail
cd "$(dirname "$0")/.."

SEED="${BENCH_SEED:-42}"
SIZES="${BENCH_SIZES:-100x30 1000x200 5000x1000}"
RUNS="${BENCH_RUNS:-3}"
venv="target/bench-venv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

step() { printf '\n\033[1m==> %s\033[0m\n' "$*" >&2; }

if ! "$venv/bin/python" -c 'import numpy, scipy' 2>/dev/null; then
  step "Installing numpy and scipy into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet numpy scipy
fi

step "Building the engine (release)"
cargo build -p matching --release --bin matching --example generate >&2
bin="${CARGO_TARGET_DIR:-target}/release"

python_version=$("$venv/bin/python" -c 'import scipy, numpy, sys; print(f"Python {sys.version.split()[0]}, numpy {numpy.__version__}, scipy {scipy.__version__}")')
echo "Seed $SEED, best of $RUNS runs each; $python_version; $(nproc) cores."
echo
# The engine scores and proves on two cores when it has them; scipy's solver
# uses one. The engine pinned to one core (taskset) is measured too.
if command -v taskset >/dev/null; then one_core=(taskset -c 0); else one_core=(); fi
echo "| mentees × mentors | matched | total score | same optimum | engine (ms) | engine on one core (ms) | scipy LSA (ms) | scipy with matrix expansion (ms) | LSA / engine | LSA / engine on one core | one mentee's ranking, worst (ms) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
status=0
for size in $SIZES; do
  mentees="${size%x*}"
  mentors="${size#*x}"
  cohort="$work/cohort-$size.json"
  "$bin/examples/generate" "$mentees" "$mentors" "$SEED" > "$cohort"
  "$bin/matching" matrix "$cohort" "$work/matrix-$size.bin" >/dev/null
  best_engine=""; best_single=""; best_suggest=""; best_lsa=""; best_total=""
  for _ in $(seq "$RUNS"); do
    engine=$("$bin/matching" time "$cohort")
    single=$("${one_core[@]}" "$bin/matching" time "$cohort" | python3 -c 'import json,sys; print(json.load(sys.stdin)["solve_ms"])')
    if [ "${#one_core[@]}" = 0 ]; then single=nan; fi
    scipy=$("$venv/bin/python" bench/scipy_assignment.py "$work/matrix-$size.bin")
    read -r e_matched e_total e_ms e_suggest < <(python3 -c 'import json,sys; a=json.loads(sys.argv[1]); print(a["matched"], a["total_score"], a["solve_ms"], a["suggest_worst_ms"])' "$engine")
    read -r s_matched s_total s_ms s_build < <(python3 -c 'import json,sys; a=json.loads(sys.argv[1]); print(a["matched"], a["total_score"], a["solve_ms"], a["build_ms"])' "$scipy")
    if [ "$e_matched $e_total" != "$s_matched $s_total" ]; then
      echo "DIFFERENT OPTIMUM at $size: engine $e_matched/$e_total, scipy $s_matched/$s_total" >&2
      status=1
    fi
    best_engine=$(python3 -c "print(min(float('$e_ms'), float('${best_engine:-inf}')))")
    best_single=$(python3 -c "print(min(float('$single'), float('${best_single:-inf}')))")
    best_suggest=$(python3 -c "print(min(float('$e_suggest'), float('${best_suggest:-inf}')))")
    best_lsa=$(python3 -c "print(min(float('$s_ms'), float('${best_lsa:-inf}')))")
    best_total=$(python3 -c "print(min(float('$s_ms') + float('$s_build'), float('${best_total:-inf}')))")
  done
  same=$([ "$status" = 0 ] && echo yes || echo NO)
  python3 -c "
e, o, l, t, s = $best_engine, float('$best_single'), $best_lsa, $best_total, $best_suggest
print(f'| $mentees × $mentors | $e_matched | $e_total | $same | {e:.1f} | {o:.1f} | {l:.1f} | {t:.1f} | {l / e:.1f}× | {l / o:.1f}× | {s:.2f} |')"
done
exit "$status"
