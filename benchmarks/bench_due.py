"""Due work at scale: how long the selection of due check-ins takes among 1,000,000 referrals.

    python benchmarks/bench_due.py                       # 1,000,000 referrals, sqlite and postgres
    python benchmarks/bench_due.py --referrals 100000 --db sqlite

Seeds people, referrals and their check-ins with insert_many in big transactions (most check-ins long
sent, skipped or cancelled, some scheduled in the future, ``--due`` of them due now), then times the query
``Workflow.run_due`` uses to find due check-ins (same where, order and limit, rows materialized as models)
several times and reports the median; also the no_response selection run_due makes, and each plan.
``--due``/4 referrals are past their expiry.
PostgreSQL is ANALYZEd after seeding (autovacuum would do that); SQLite is left as the product leaves it.
Target (issue 9): < 50 ms on SQLite and on PostgreSQL. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

TARGET_MS = 50.0
NOW = datetime(2025, 6, 2, 12, 0)
CHUNK = 1000


def seed(db, referrals: int, due: int, checkins_per: int, rng: random.Random) -> dict:
    from db.models import Checkin, Person, Referral

    people = max(referrals // 5, 10)
    t0 = time.perf_counter()
    with db.atomic():
        rows = [(f"p{i}@bench{i % 913}.example", f"Person {i}", NOW - timedelta(days=900)) for i in range(people)]
        for s in range(0, people, CHUNK):
            Person.insert_many(rows[s:s + CHUNK], fields=[Person.email, Person.name, Person.created_at]).execute()
    r_fields = [Referral.id, Referral.dedup_key, Referral.kind, Referral.referrer, Referral.provider, Referral.contact,
                Referral.party_a, Referral.party_b, Referral.category, Referral.status, Referral.mailbox,
                Referral.thread_refs, Referral.subject, Referral.introduced_at, Referral.updated_at,
                Referral.expires_at, Referral.historical, Referral.in_touch_notified]
    c_fields = [Checkin.referral, Checkin.person, Checkin.role, Checkin.seq, Checkin.due_at, Checkin.status,
                Checkin.clarified]
    statuses = ["won", "lost", "no_response", "closed", "in_touch", "introduced"]
    due_at = set(rng.sample(range(referrals * checkins_per), min(due, referrals * checkins_per)))
    # run_due clears expires_at as it declares no_response, so only a few are past at any time
    expired = set(rng.sample(range(referrals), min(max(due // 4, 1), referrals)))
    n_checkins = 0
    for block in range(0, referrals, 100_000):
        with db.atomic():
            r_rows, c_rows = [], []
            for i in range(block, min(block + 100_000, referrals)):
                a, b, ref = (rng.randrange(1, people + 1) for _ in range(3))
                if a == b:
                    b = a % people + 1
                introduced = NOW - timedelta(minutes=rng.randrange(0, 3 * 365 * 24 * 60))
                status = rng.choice(statuses)
                expires = None
                if i in expired:
                    status, expires = "introduced", NOW - timedelta(minutes=rng.randrange(1, 600))
                elif status == "introduced" and rng.random() < 0.3:
                    expires = NOW + timedelta(minutes=rng.randrange(1, 42 * 24 * 60))
                r_rows.append((i + 1, f"{i:064x}", "introduction", ref, a, b, a, b, "accounting", status, c.TRACKING,
                               "", "Intro", introduced, introduced, expires, False, False))
                for k in range(checkins_per):
                    slot = i * checkins_per + k
                    when = introduced + timedelta(days=14 * (1 + k // 2))
                    if slot in due_at:
                        cstatus, when = "scheduled", NOW - timedelta(minutes=rng.randrange(1, 600))
                    elif when > NOW:
                        cstatus = "scheduled"
                    else:
                        cstatus = rng.choice(["sent", "sent", "skipped", "cancelled"])
                    c_rows.append((i + 1, a if k % 2 == 0 else b, "provider" if k % 2 == 0 else "contact", k // 2,
                                   when, cstatus, False))
            for s in range(0, len(r_rows), CHUNK):
                Referral.insert_many(r_rows[s:s + CHUNK], fields=r_fields).execute()
            for s in range(0, len(c_rows), CHUNK):
                Checkin.insert_many(c_rows[s:s + CHUNK], fields=c_fields).execute()
            n_checkins += len(c_rows)
    return {"people": people, "checkins": n_checkins, "seed_seconds": time.perf_counter() - t0}


def due_query(limit: int = 5000):
    """The selection Workflow.run_due makes (db.claims.due_query), as the product builds it."""
    from db.claims import due_query as product_due_query

    return product_due_query(NOW, limit)


def expiry_query(limit: int = 5000):
    from db.models import Referral
    from db.workflow import OPEN

    return Referral.select().where(Referral.status.in_(OPEN) & (Referral.expires_at <= NOW)).limit(limit)


def timed(fn, repeat: int) -> tuple[list[float], int]:
    fn()  # warm the cache once
    times, n = [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times, n


def plan(db, query) -> str:
    from db.connection import is_postgres

    sql, params = query.sql()
    prefix = "EXPLAIN " if is_postgres(db) else "EXPLAIN QUERY PLAN "
    rows = db.execute_sql(prefix + sql, params).fetchall()
    return " | ".join(str(r[-1]) for r in rows)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--referrals", "--count", type=int, default=1_000_000, dest="referrals",
                    help="referrals seeded (default 1,000,000)")
    ap.add_argument("--checkins-per-referral", type=int, default=2)
    ap.add_argument("--due", type=int, default=1000, help="check-ins due now (default 1,000)")
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--db", default="sqlite,postgres", help="comma-separated: sqlite,postgres")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args(argv)
    c.quiet_logs()
    from db.connection import is_postgres, open_database
    from db.migrations import upgrade

    dbs = c.databases_from(args.db)
    base = c.scratch_dir()
    results: dict = {"referrals": args.referrals, "due": args.due, "machine": c.machine_note(), "runs": {}}
    print(f"due: {args.referrals:,} referrals, {args.checkins_per_referral} check-ins each, {args.due:,} due; "
          f"median of {args.repeat}; {results['machine']}", flush=True)
    try:
        for name in dbs:
            with c.database_url(name, base) as url:
                db = open_database(url, base)
                upgrade(db)
                info = seed(db, args.referrals, args.due, args.checkins_per_referral, random.Random(7))
                if is_postgres(db):
                    db.execute_sql("ANALYZE")
                print(f"  {name}: seeded {args.referrals:,} referrals and {info['checkins']:,} check-ins in "
                      f"{info['seed_seconds']:.0f} s", flush=True)
                models, found = timed(lambda: len(list(due_query())), args.repeat)

                def sql_only() -> int:
                    sql, params = due_query().sql()
                    return len(db.execute_sql(sql, params).fetchall())

                raw_ms, _ = timed(sql_only, args.repeat)
                exp_ms, expired = timed(lambda: len(list(expiry_query())), args.repeat)
                med = c.median(models)
                run = {"median_ms": med, "min_ms": min(models), "max_ms": max(models), "found": found,
                       "sql_only_median_ms": c.median(raw_ms), "expiry_median_ms": c.median(exp_ms),
                       "expired_found": expired, "plan": plan(db, due_query()), "expiry_plan": plan(db, expiry_query()),
                       "ok": med < TARGET_MS, **info}
                results["runs"][name] = run
                print(f"due {name}: {med:.1f} ms median to find {found:,} due check-ins (min {min(models):.1f}, max "
                      f"{max(models):.1f}; SQL alone {run['sql_only_median_ms']:.1f} ms) (target < {TARGET_MS:.0f} ms: "
                      f"{c.verdict(run['ok'])})", flush=True)
                print(f"    plan: {run['plan']}", flush=True)
                print(f"    no_response selection: {run['expiry_median_ms']:.1f} ms median ({expired:,} rows); plan: "
                      f"{run['expiry_plan']}", flush=True)
                db.close()
    finally:
        shutil.rmtree(base, ignore_errors=True)
    c.write_json(args.json, results)
    return results


if __name__ == "__main__":
    main()
