"""Reciprocity benchmarks: prints figures, asserts nothing.

    python benchmarks/bench_ledger.py            # all three, each on a fresh SQLite file
    python benchmarks/bench_ledger.py --only ledger|digests|export

Wall-clock and CPU time are both printed: on a shared machine the CPU figure is the steadier one.

Targets (issue 7): one person's ledger with 10,000 referrals across 500 partners in < 50 ms; monthly
digests for 10,000 people generated and queued in < 60 s; export of 100,000 referrals with flat memory
(peak RSS of an export process, for 10,000 and for 100,000 rows, should be about the same).
"""
from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.models import Person, Referral  # noqa: E402

APRIL_1 = datetime(2025, 4, 1, 10, 0, tzinfo=timezone.utc)
MARCH = datetime(2025, 3, 1)
STATUSES = ["introduced", "in_touch", "won", "lost", "no_contact", "won"]
CATEGORIES = ["accountant", "lawyer", "designer", "plumber", "photographer"]


def app_for(folder: Path):
    from mailer.config import from_dict
    from mailer.cycle import start

    config = from_dict({
        "tracking": {"address": "track@example.test", "secret": "bench-secret-0123456789"},
        "inbox": {"kind": "maildir", "path": str(folder / "inbox")},
        "outbox": {"kind": "file", "path": str(folder / "outbox")},
        "database": {"url": f"sqlite:///{folder / 'bench.db'}"},
        "schedule": {"send_window": "always"},
    }, path=str(folder / "referloop.toml"), env={}, base_dir=str(folder))
    return start(config)


def seed_people(db, n: int, prefix: str) -> list[int]:
    now = datetime(2024, 1, 1)
    rows = [{"email": f"{prefix}{i}@bench.example", "name": f"{prefix.title()} {i}", "created_at": now}
            for i in range(n)]
    with db.atomic():
        for start in range(0, n, 1000):
            Person.insert_many(rows[start:start + 1000]).execute()
    first = Person.get(Person.email == f"{prefix}0@bench.example").id
    return list(range(first, first + n))


def seed_referrals(db, specs, start_key: int = 0) -> int:
    """specs: iterable of (referrer, provider|None, contact|None, party_a, party_b, when, status)."""
    batch, n = [], start_key
    rng = random.Random(7)
    with db.atomic():
        for referrer, provider, contact, a, b, when, status in specs:
            n += 1
            won = status == "won"
            batch.append({"dedup_key": f"bench-{n}", "kind": "lead" if n % 7 == 0 and provider else "introduction",
                          "referrer": referrer, "provider": provider, "contact": contact, "party_a": a, "party_b": b,
                          "category": CATEGORIES[provider % len(CATEGORIES)] if provider else None,
                          "status": status, "amount": round(rng.uniform(100, 5000), 2) if won else None,
                          "currency": "USD" if won else None, "introduced_at": when,
                          "updated_at": when + timedelta(days=10), "closed_at": when + timedelta(days=10) if won else None,
                          "mailbox": "track@example.test", "subject": "Intro"})
            if len(batch) == 500:
                Referral.insert_many(batch).execute()
                batch = []
        if batch:
            Referral.insert_many(batch).execute()
    return n


def bench_ledger(folder: Path) -> None:
    from db.ledger import person_ledger

    app = app_for(folder)
    me = seed_people(app.db, 1, "me")[0]
    partners = seed_people(app.db, 500, "partner")
    contacts = seed_people(app.db, 2000, "contact")
    rng = random.Random(1)

    def specs():
        for i in range(10_000):
            partner, contact = partners[i % 500], rng.choice(contacts)
            when = MARCH - timedelta(days=rng.randint(0, 700))
            status = rng.choice(STATUSES)
            kind = i % 10
            if kind < 6:                                     # given
                yield me, partner, contact, contact, partner, when, status
            elif kind < 9:                                   # received
                yield partner, me, contact, contact, me, when, status
            else:                                            # peer introductions between partners
                other = partners[(i * 3 + 1) % 500]
                yield me, None, None, partner, other, when, "introduced"
        for i in range(40_000):                              # everyone else's business
            a, b = rng.sample(partners, 2)
            yield a, b, rng.choice(contacts), rng.choice(contacts), b, MARCH - timedelta(days=rng.randint(0, 700)), \
                rng.choice(STATUSES)

    t = time.perf_counter()
    seed_referrals(app.db, specs())
    app.db.execute_sql("ANALYZE")
    print(f"ledger: seeded 50,000 referrals (10,000 of one person, 500 partners) in {time.perf_counter() - t:.1f} s")
    person = Person.get_by_id(me)
    timings, cpu = [], []
    for _ in range(15):
        t, c = time.perf_counter(), time.process_time()
        ledger = person_ledger(person)
        timings.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    print(f"ledger: {len(ledger.partners)} partners, given {ledger.given.total}, received {ledger.received.total}, "
          f"peer {ledger.intros_made}; median {statistics.median(timings):.1f} ms wall "
          f"({statistics.median(cpu):.1f} ms CPU), best {min(timings):.1f} ms, first {timings[0]:.1f} ms "
          f"(target < 50 ms)")


def bench_digests(folder: Path) -> None:
    from db.digest import queue_monthly_digests
    from db.models import Outbound

    app = app_for(folder)
    people = seed_people(app.db, 10_000, "member")
    contacts = seed_people(app.db, 5000, "customer")
    rng = random.Random(2)

    def specs():
        for i in range(30_000):
            referrer = people[i % 10_000]
            provider = people[(i * 7 + rng.randint(1, 40)) % 10_000]
            contact = rng.choice(contacts)
            when = MARCH - timedelta(days=rng.randint(-27, 200))
            yield referrer, provider, contact, contact, provider, when, rng.choice(STATUSES)

    t = time.perf_counter()
    seed_referrals(app.db, specs())
    app.db.execute_sql("ANALYZE")
    print(f"digests: seeded 10,000 members with 30,000 referrals in {time.perf_counter() - t:.1f} s")
    t, c = time.perf_counter(), time.process_time()
    queued = queue_monthly_digests(app.workflow, APRIL_1)
    elapsed, cpu = time.perf_counter() - t, time.process_time() - c
    size = sum(len(r) for (r,) in Outbound.select(Outbound.raw).limit(200).tuples()) / 200
    print(f"digests: {queued} generated and queued in {elapsed:.1f} s wall, {cpu:.1f} s CPU "
          f"({elapsed / max(queued, 1) * 1000:.2f} ms each, "
          f"~{size / 1024:.0f} KiB per message; target < 60 s)")
    t = time.perf_counter()
    again = queue_monthly_digests(app.workflow, APRIL_1 + timedelta(hours=1))
    print(f"digests: a second call the same month queues {again} in {(time.perf_counter() - t) * 1000:.0f} ms")


def bench_export(folder: Path) -> None:
    app = app_for(folder)
    people = seed_people(app.db, 5000, "person")
    rng = random.Random(3)

    def specs():
        for i in range(100_000):
            a, b, c = rng.sample(people, 3)
            yield a, b, c, c, b, MARCH - timedelta(days=rng.randint(0, 900)), rng.choice(STATUSES)

    t = time.perf_counter()
    seed_referrals(app.db, specs())
    print(f"export: seeded 100,000 referrals in {time.perf_counter() - t:.1f} s")
    app.db.close()
    for since in ("2024-12-01", None):          # about 10,000 rows, then all 100,000
        for fmt in ("csv", "json"):
            cmd = [sys.executable, __file__, "--export-child", str(folder), fmt] + ([since] if since else [])
            t = time.perf_counter()
            out = subprocess.run(cmd, capture_output=True, text=True, check=True)
            print(f"export: {fmt:<4} {out.stdout.strip()} in {time.perf_counter() - t:.1f} s")


def export_child(folder: Path, fmt: str, since: str | None) -> None:
    """Runs in its own process so its peak RSS is the export's alone."""
    import os

    from mailer.export import export_rows, write_csv, write_json

    app_for(folder)
    start = datetime.fromisoformat(since) if since else None
    with open(os.devnull, "w", encoding="utf-8", newline="") as sink:
        n = (write_csv if fmt == "csv" else write_json)(export_rows(start), sink)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n:>7,} rows, peak RSS {peak:.0f} MiB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=["ledger", "digests", "export"])
    ap.add_argument("--export-child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.export_child:
        folder, fmt, *since = args.export_child
        export_child(Path(folder), fmt, since[0] if since else None)
        return
    for name, bench in (("ledger", bench_ledger), ("digests", bench_digests), ("export", bench_export)):
        if args.only in (None, name):
            with tempfile.TemporaryDirectory(prefix=f"rl-bench-{name}-") as tmp:
                bench(Path(tmp))


if __name__ == "__main__":
    main()
