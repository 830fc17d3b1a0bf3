"""Fills a Mentorat database with other pairs' history, for scripts/bench.sh.

Usage: big_database.py <database> [pairs] [goals per pair] [meetings per pair]

Run after `server demo-data` and `server large-demo` on the same file: each
of the large cohort's first <pairs> mentees (5,000 by default) gets an active
pair with a mentor of that cohort, with <goals> goals (20) and <meetings>
meetings (10), so 100,000 goals and 50,000 meetings belong to pairs other
than the demo's. Seeded and deterministic; one transaction.
"""
import random
import sqlite3
import sys

def main() -> None:
    path = sys.argv[1]
    pairs = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
    goals_per_pair = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    meetings_per_pair = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    rng = random.Random(42)
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys = ON")
    cohort = db.execute("SELECT id FROM cohorts WHERE code = 'demo-grande-echelle'").fetchone()
    if cohort is None:
        sys.exit("run `server large-demo` on this database first")
    cohort_id = cohort[0]
    mentees = [row[0] for row in db.execute(
        "SELECT id FROM profiles WHERE cohort_id = ? AND role = 'mentee' "
        "AND id NOT IN (SELECT mentee_profile_id FROM pairs WHERE status IN ('proposed', 'active')) "
        "ORDER BY id LIMIT ?", (cohort_id, pairs))]
    mentors = [row[0] for row in db.execute(
        "SELECT id FROM profiles WHERE cohort_id = ? AND role = 'mentor' ORDER BY id", (cohort_id,))]
    if len(mentees) < pairs or not mentors:
        sys.exit(f"the large cohort has {len(mentees)} free mentees and {len(mentors)} mentors")
    stamp = "2026-09-01T12:00:00Z"
    with db:
        for index, mentee in enumerate(mentees):
            mentor = mentors[index % len(mentors)]
            pair_id = db.execute(
                "INSERT INTO pairs (cohort_id, mentee_profile_id, mentor_profile_id, status, score, "
                "mentee_answer, mentor_answer, proposed_at, activated_at) "
                "VALUES (?, ?, ?, 'active', 60, 'accepted', 'accepted', ?, ?)",
                (cohort_id, mentee, mentor, stamp, stamp)).lastrowid
            db.executemany(
                "INSERT INTO goals (pair_id, title, success_criterion, agreement, agreement_side, "
                "created_at, updated_at) VALUES (?, ?, 'Critère', 'agreed', 'mentee', ?, ?)",
                [(pair_id, f"Objectif {goal} ({rng.randrange(1000)})", stamp, stamp)
                 for goal in range(goals_per_pair)])
            db.executemany(
                "INSERT INTO meetings (pair_id, starts_at, duration_minutes, modality, agreement, "
                "agreement_side, created_at, updated_at) VALUES (?, ?, 60, 'video', 'agreed', "
                "'mentor', ?, ?)",
                [(pair_id, f"2026-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}T18:00:00Z",
                  stamp, stamp) for _ in range(meetings_per_pair)])
    counts = db.execute("SELECT (SELECT COUNT(*) FROM pairs), (SELECT COUNT(*) FROM goals), "
                        "(SELECT COUNT(*) FROM meetings)").fetchone()
    print(f"pairs {counts[0]}, goals {counts[1]}, meetings {counts[2]}")

if __name__ == "__main__":
    main()
