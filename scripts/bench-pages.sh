#!/usr/bin/env bash
# Pages on a phone, for docs/PERFORMANCE.md: Lighthouse's mobile run (its
# default: a mid-range phone, CPU slowed 4×, slow 4G) in Debian's Chromium,
# against a release server with the demo data, for the home page, the mentor
# dashboard (Marc Tremblay) and the mentee page (Amina Diallo), signed in:
# performance score, layout shift, time to interactive, total blocking time,
# largest paint and bytes. Targets (issue 18): score ≥ 95, layout shift ≤ 0.02,
# interactive ≤ 1.5 s. Then, in Playwright's Chromium with the same
# throttling (end2end/bench/interactive.mjs), the time until each signed-in
# page answers a click once its script has run (target ≤ 1.5 s).
# Lighthouse comes from the package registry (bench/lighthouse), Playwright
# from end2end's packages. BENCH_SKIP_BUILD=1 reuses the last release build.
set -euo pipefail
cd "$(dirname "$0")/.."

ADDR="${BENCH_ADDR:-127.0.0.1:3340}"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"

# shellcheck source=scripts/bench-common.sh
source scripts/bench-common.sh

release_build
if [ ! -x bench/lighthouse/node_modules/.bin/lighthouse ]; then
  step "Lighthouse (npm ci in bench/lighthouse)"
  (cd bench/lighthouse && npm ci --no-audit --no-fund) >&2
fi


MENTORAT_DATABASE_PATH="$work/pages.sqlite3" MENTORAT_DEMO_DATA=true MENTORAT_ADDR="$ADDR" \
  MENTORAT_LOG=warn LEPTOS_SITE_ROOT=target/site LEPTOS_ENV=PROD target/release/server >"$work/server.log" 2>&1 &
server_pid=$!
wait_for_server

mentor=$(session_of marc.tremblay@demo.mentorat.example demo-mentor-2025)
mentee=$(session_of amina.diallo@demo.mentorat.example demo-mentee-2025)

audit() { # $1 = path, $2 = cookie (or empty) → one table row
  local path="$1" cookie="$2" report="$work/report.json"
  local headers=()
  [ -z "$cookie" ] || headers=(--extra-headers "{\"Cookie\": \"$cookie\"}")
  step "Lighthouse on $path"
  bench/lighthouse/node_modules/.bin/lighthouse "http://$ADDR$path" --quiet \
    --chrome-path="$CHROMIUM" --chrome-flags="--headless=new --no-sandbox" \
    --only-categories=performance --output=json --output-path="$report" "${headers[@]}" >&2
  python3 - "$report" "$path" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
audits = report["audits"]
final = report.get("finalDisplayedUrl", "")
if not final.endswith(sys.argv[2]):
    sys.exit(f"{sys.argv[2]} ended on {final}: not signed in?")
def value(name):
    return audits[name].get("numericValue") or 0
score = round((report["categories"]["performance"]["score"] or 0) * 100)
print(f"| `{sys.argv[2]}` | {score} | {value('cumulative-layout-shift'):.3f} | "
      f"{value('interactive') / 1000:.1f} s | {value('total-blocking-time'):.0f} ms | "
      f"{value('largest-contentful-paint') / 1000:.1f} s | {value('total-byte-weight') / 1024:.0f} KB |")
PY
}

rows=$(
  audit / ""
  audit /mentor "$mentor"
  audit /mentee "$mentee"
)

step "A click once the page's script has run (Playwright, CPU 4×, slow 4G)"
[ -d end2end/node_modules/@playwright/test ] || (cd end2end && npm ci --no-audit --no-fund) >&2
clicks=$(cd end2end && CHROMIUM_PATH="$CHROMIUM" node bench/interactive.mjs "http://$ADDR") || true
click_rows=$(python3 - "$clicks" <<'PY'
import json, sys
for line in sys.argv[1].splitlines():
    run = json.loads(line)
    met = "met" if run["total_ms"] <= 1500 else "not met"
    print(f"| `{run['page']}` | {run['link_visible_ms'] / 1000:.1f} s | {run['hydrated_ms'] / 1000:.2f} s | "
          f"{run['click_response_ms'] / 1000:.2f} s | **{run['total_ms'] / 1000:.2f} s** ({met}) |")
PY
)

cat <<REPORT

## Pages on a phone — $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m)

\`scripts/bench-pages.sh\`: Lighthouse $(bench/lighthouse/node_modules/.bin/lighthouse --version) (mobile: CPU 4× slower, slow 4G),
$("$CHROMIUM" --version 2>/dev/null | head -1), release server with the demo data.

| page | performance score | layout shift | interactive | blocking time | largest paint | bytes |
|---|---|---|---|---|---|---|
$rows

A click once the page's script has run (\`end2end/bench/interactive.mjs\`: CPU 4×, 150 ms, 1.6 Mbit/s,
an empty cache at the start that works after, as on a phone; 412 px wide): from
navigation until the link is shown, until the app
has run (its islands work), then from the click until the new page has loaded
and its own script has run (a page load: the pages are the server's). Target: ≤ 1.5 s in all.

| page | link shown | hydrated | click answered | in all |
|---|---|---|---|---|
$click_rows
REPORT
