# Shared by the bench scripts (sourced, not run): a step banner, the release
# build unless BENCH_SKIP_BUILD=1, a work folder removed on exit with the
# server it started, waiting for that server, and a demo person's session.

step() { printf '\n\033[1m==> %s\033[0m\n' "$*" >&2; }

release_build() {
  if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    step "Release build (cargo leptos build --release --precompress --split)"
    cargo leptos build --release --precompress --split >&2
  fi
}

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

wait_for_server() { # until $ADDR answers /healthz; the log if the server died
  until curl -fsS -o /dev/null "http://$ADDR/healthz" 2>/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 0.02
  done
}

session_of() { # $1 = email, $2 = password → "mentorat_session=…" (also in $work/jar)
  curl -fsS -o /dev/null -c "$work/jar" -H 'Accept: application/json' \
    --data-urlencode "email=$1" --data-urlencode "password=$2" --data-urlencode 'next=' \
    "http://$ADDR/api/log_in"
  awk '$6 == "mentorat_session" { print $6 "=" $7 }' "$work/jar"
}
