#!/usr/bin/env bash
# The long run of the writers-under-contention test (operations issue,
# item 3): 8 writers (messages and goals through the real server functions),
# 32 readers of the workspace and the retention run, for 10 minutes by
# default, then its figures (throughput, p50/p99 latency, errors).
# The test suite runs the same test for 3 seconds.
#   scripts/soak.sh            # 600 seconds
#   scripts/soak.sh 60         # one minute
# Expects ./scripts/setup.sh to have run once.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${MENTORAT_TEST_TARGET_DIR:-target/tests}"
export RUSTFLAGS="${RUSTFLAGS:-} --cfg erase_components"
export MENTORAT_SOAK_SECONDS="${1:-600}"
cargo test -p server --test integration -- --exact \
    contention::eight_writers_thirty_two_readers_and_the_retention_run_never_meet_a_locked_database \
    --nocapture
