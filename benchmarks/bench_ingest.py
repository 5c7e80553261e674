"""Ingest throughput against real Dovecot, on SQLite and PostgreSQL, next to a raw baseline.

    python benchmarks/bench_ingest.py                    # 10,000 messages, sqlite and postgres
    python benchmarks/bench_ingest.py --count 1000 --db sqlite

Varied introductions (several languages and templates, leads, non-introductions, sizes from under 1 KB to
a few hundred KB) are MULTIAPPENDed to one mailbox per database. Then, in the same run:

* baseline: imapclient FETCH BODY.PEEK[] of the same messages + a stdlib (compat32) parse, nothing else;
* product: ``poll_inbox`` (fetch, store, parse, decide, record referrals, queue acknowledgements, move).

Target (issue 9): product >= 50% of the baseline. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

TARGET = 0.50


def ingest_once(dovecot, user: str, base: Path, db_url: str, profile: str | None = None) -> dict:
    from db.models import InboundMessage, Outbound, Referral
    from mailer.cycle import CycleReport, poll_inbox, start

    config = c.build_config(base, c.config_dict(base, db_url, imap_port=dovecot.port, imap_user=user))
    app = start(config)
    inbox = config.inboxes[0]
    source = app.source(inbox)
    source.open()
    report = CycleReport()
    profiler = cProfile.Profile() if profile else None
    t0 = time.perf_counter()
    if profiler:
        profiler.enable()
    poll_inbox(app, inbox, source, datetime.now(timezone.utc), report)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - t0
    source.close()
    if profiler:
        profiler.dump_stats(profile)
    statuses = Counter(r.status for r in InboundMessage.select(InboundMessage.status))
    out = {"seconds": seconds, "fetched": report.fetched, "processed": report.processed, "failed": report.failed,
           "moved": report.moved, "referrals": Referral.select().count(),
           "acks_queued": Outbound.select().where(Outbound.kind == "acknowledgement").count(),
           "outbound_queued": Outbound.select().count(), "statuses": dict(statuses)}
    c.close_database()
    return out


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10_000, help="messages per database (default 10,000)")
    ap.add_argument("--db", default="sqlite,postgres", help="comma-separated: sqlite,postgres")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--profile", metavar="PREFIX", help="write a cProfile of the product run to PREFIX-<db>.prof "
                                                        "and print its top functions")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args(argv)
    c.quiet_logs()
    dbs = c.databases_from(args.db)
    base = c.scratch_dir()
    dovecot = c.start_dovecot()
    results: dict = {"count": args.count, "tmpfs": c.on_tmpfs(base), "machine": c.machine_note(), "runs": {}}
    try:
        factory = c.MailFactory(seed=args.seed, people=max(args.count // 3, 50))
        messages = factory.messages(args.count)
        raws = [raw for _, _, raw in messages]
        mix = Counter(c.KINDS[t] for t, _, _ in messages)
        size = sum(map(len, raws))
        print(f"ingest: {args.count:,} messages ({mix['introduction']:,} introductions, {mix['lead']:,} leads, "
              f"{mix['other']:,} other), {size / 1e6:.1f} MB, median {sorted(map(len, raws))[len(raws) // 2]:,} "
              f"bytes; scratch on {'tmpfs' if results['tmpfs'] else 'disk'}; {results['machine']}", flush=True)
        for db in dbs:
            user = dovecot.new_user()
            seeded = c.seed_mailbox(dovecot, user, raws)
            print(f"  {db}: seeded {args.count:,} with MULTIAPPEND in {seeded:.1f} s", flush=True)
            n, base_s, _ = c.raw_fetch_parse(dovecot, user)
            baseline = c.rate(n, base_s)
            with c.database_url(db, base) as url:
                prof = f"{args.profile}-{db}.prof" if args.profile else None
                run = ingest_once(dovecot, user, base, url, prof)
            product = c.rate(run["processed"], run["seconds"])
            ratio = product / baseline
            run.update(baseline_per_s=baseline, baseline_seconds=base_s, per_s=product, ratio=ratio,
                       ok=ratio >= TARGET)
            results["runs"][db] = run
            c.print_ratio(f"ingest {db}", product, baseline, TARGET)
            print(f"    processed {run['processed']:,} in {run['seconds']:.1f} s (failed {run['failed']}, moved "
                  f"{run['moved']:,}); {run['referrals']:,} referrals, {run['acks_queued']:,} acknowledgements queued; "
                  f"statuses {run['statuses']}", flush=True)
            if prof:
                print(f"    profile {prof}: top 15 by cumulative time")
                pstats.Stats(prof).sort_stats("cumulative").print_stats(15)
    finally:
        dovecot.stop()
        shutil.rmtree(base, ignore_errors=True)
    c.write_json(args.json, results)
    return results


if __name__ == "__main__":
    main()
