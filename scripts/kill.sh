#!/usr/bin/env bash
# The crash-safety kill harness (issue 22 item 2, docs/RELIABILITY.md): starts
# the release server on a fresh database with the demo program, has six people
# write at once through the real server functions (messages, goals and their
# agreement, meetings, feedback), kills the server with SIGKILL at a random
# moment, checks with it down that every acknowledged write is there, that no
# change is half-written and that PRAGMA integrity_check is ok, restarts it,
# and does it again: 1,000 times by default, then prints the counts. Exits
# non-zero if any check failed. Not part of scripts/test.sh.
#   scripts/kill.sh            # 1,000 kills of the release server (builds it)
#   scripts/kill.sh 50         # fifty
#   MENTORAT_KILL_SERVER=target/tests/debug/server scripts/kill.sh 20
#                              # an already built server, no release build
#   scripts/kill.sh 100 --durability full --seed 7
#                              # further arguments go to the harness (--help)
# Expects ./scripts/setup.sh to have run once.
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-1000}"
shift || true

server="${MENTORAT_KILL_SERVER:-}"
if [ -z "$server" ]; then
    cargo build --release -p server
    server=target/release/server
fi
if [ ! -x "$server" ]; then
    echo "kill.sh: no server binary at $server" >&2
    exit 1
fi

# The harness is built as the tests are (scripts/test.sh): same folder, same
# flags, so after the test run only the harness itself compiles.
export CARGO_TARGET_DIR="${MENTORAT_TEST_TARGET_DIR:-target/tests}"
export RUSTFLAGS="${RUSTFLAGS:-} --cfg erase_components"
cargo build -p server --example kill_harness
"$CARGO_TARGET_DIR/debug/examples/kill_harness" --server "$server" --kills "$kills" "$@"
