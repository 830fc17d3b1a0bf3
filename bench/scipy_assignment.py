"""The usual open-source formulation of the cohort problem, for the benchmark.

Reads the score matrix written by `matching matrix cohort.json out.bin`, repeats
each mentor once per free place, and solves it with
`scipy.optimize.linear_sum_assignment`. An excluded pair costs more than any
total of scores can make up for, so the solver matches as many mentees as it
can, then maximizes the total; pairs it is forced into at that cost are dropped.
Prints {"matched", "total_score", "solve_ms", "build_ms"} as JSON.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

EXCLUDED = 255


def main(path):
    raw = np.fromfile(path, dtype=np.uint8)
    rows, columns, locked, _ = raw[:16].view("<u4")
    locked_total = int(raw[16:24].view("<u8")[0])
    free = raw[24 : 24 + 4 * columns].view("<u4")
    scores = raw[24 + 4 * columns :].reshape(rows, columns)

    started = time.perf_counter()
    expanded = np.repeat(scores, free, axis=1)  # mentors repeated by capacity
    excluded = expanded == EXCLUDED
    big = 100.0 * (rows + 1)
    cost = np.where(excluded, big, 100.0 - expanded.astype(np.float64))
    built = time.perf_counter()
    mentee, place = linear_sum_assignment(cost)
    solved = time.perf_counter()

    kept = ~excluded[mentee, place]
    print(
        json.dumps(
            {
                "matched": int(kept.sum()) + int(locked),
                "total_score": int(expanded[mentee[kept], place[kept]].astype(np.int64).sum())
                + locked_total,
                "build_ms": (built - started) * 1000,
                "solve_ms": (solved - built) * 1000,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
