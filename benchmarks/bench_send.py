"""Send throughput: queued emails delivered over SMTP by ``flush_outbox``, next to raw aiosmtplib.

    python benchmarks/bench_send.py                      # 10,000 emails, sqlite and postgres
    python benchmarks/bench_send.py --count 1000 --db sqlite

The SMTP server (aiosmtpd) runs in its own process. The outbox is filled with real acknowledgements: a few
introductions are processed through the product to render them, then cloned (fresh Message-ID and
recipient each) with insert_many. In the same run:

* baseline: aiosmtplib on one reused connection sending the same bytes, nothing else;
* product: ``flush_outbox`` (claim, send a batch per connection, record), with the rate limit lifted and
  the product's default ``outbox.batch_size`` (and ``outbox.durable_marks``, unless --durable-marks).

Target (issue 9): product >= 80% of the baseline. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import re
import shutil
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

TARGET = 0.80


def render_acknowledgements(base: Path, db_url: str, templates: int = 40) -> list[bytes]:
    """Process a few introductions with the product (Maildir in, file out) and return the queued bytes."""
    from db.models import Outbound
    from mailer.cycle import CycleReport, poll_inbox, start

    maildir = base / "maildir"
    for sub in ("new", "cur", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    factory = c.MailFactory(seed=3)
    for i in range(templates):
        _, _, raw = factory.message(["intro_en_plain", "intro_en_html", "intro_de", "intro_fr", "lead_en"][i % 5])
        (maildir / "new" / f"{i:05d}.eml").write_bytes(raw)
    config = c.build_config(base, c.config_dict(base, db_url))
    app = start(config)
    source = app.source(config.inboxes[0])
    source.open()
    poll_inbox(app, config.inboxes[0], source, datetime.now(timezone.utc), CycleReport())
    source.close()
    rows = [bytes(r.raw) for r in Outbound.select(Outbound.raw).where(Outbound.kind == "acknowledgement")]
    Outbound.delete().execute()
    return rows


def queue_clones(templates: list[bytes], count: int) -> list[tuple[str, bytes]]:
    """insert_many ``count`` queued rows cloned from the templates; returns (recipient, raw) per row."""
    from db.models import Outbound, database, naive

    now = naive(datetime.now(timezone.utc)) - timedelta(seconds=5)
    out, rows = [], []
    for i in range(count):
        raw = templates[i % len(templates)]
        mid = f"bench-{i}-{time.time_ns()}@example.test"
        raw = re.sub(rb"(?im)^Message-ID:.*$", f"Message-ID: <{mid}>".encode(), raw, count=1)
        to = f"person{i}@example{i % 97}.test"
        out.append((to, raw))
        rows.append({"message_id": mid, "kind": "acknowledgement", "to_addr": to, "subject": "Thanks",
                     "raw": raw, "next_attempt_at": now, "deadline": now + timedelta(days=3), "created_at": now})
    with database.obj.atomic():
        for start in range(0, len(rows), 500):
            Outbound.insert_many(rows[start:start + 500]).execute()
    return out


async def raw_send(port: int, mails: list[tuple[str, bytes]]) -> int:
    import aiosmtplib

    smtp = aiosmtplib.SMTP(hostname="127.0.0.1", port=port, timeout=30)
    await smtp.connect()
    ok = 0
    for to, raw in mails:
        errors, _ = await smtp.sendmail(c.TRACKING, [to], raw)
        ok += not errors
    await smtp.quit()
    return ok


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=10_000, help="emails per database (default 10,000)")
    ap.add_argument("--db", default="sqlite,postgres", help="comma-separated: sqlite,postgres")
    ap.add_argument("--batch-size", type=int, default=None,
                    help="outbox.batch_size for the product run (default: the product's default)")
    ap.add_argument("--durable-marks", action="store_true",
                    help="outbox.durable_marks = true (PostgreSQL: every handover mark waits for the disk)")
    ap.add_argument("--rounds", type=int, default=3,
                    help="baseline and product take turns this many times on the same emails; the best of each "
                         "is compared, so a moment of load on this shared machine does not decide the ratio")
    ap.add_argument("--profile", metavar="PREFIX", help="cProfile the first product run to PREFIX-<db>.prof")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args(argv)
    c.quiet_logs()
    from db.models import Outbound
    from mailer.cycle import CycleReport, flush_outbox, start

    dbs = c.databases_from(args.db)
    base = c.scratch_dir()
    sink = c.SmtpSink()
    results: dict = {"count": args.count, "machine": c.machine_note(), "runs": {}}
    print(f"send: {args.count:,} emails per database; SMTP sink in its own process on port {sink.port}; "
          f"{results['machine']}", flush=True)
    try:
        for db in dbs:
            with c.database_url(db, base) as url:
                (base / db).mkdir(exist_ok=True)
                templates = render_acknowledgements(base / db, url)
                c.close_database()
                outbox = {"batch_size": args.batch_size} if args.batch_size else {}
                if args.durable_marks:
                    outbox["durable_marks"] = True
                config = c.build_config(base / db, c.config_dict(base / db, url, smtp_port=sink.port,
                                                                 outbox=outbox))
                app = start(config)
                mails = queue_clones(templates, args.count)
                mean = sum(len(r) for _, r in mails) / len(mails)
                rounds = []
                for n in range(args.rounds):
                    if n:          # the same emails again: queued as they were before the first round
                        (Outbound.update(status="queued", sent_at=None, claimed_at=None, attempts=0, last_error="")
                         .execute())
                    t0 = time.perf_counter()
                    sent_raw = asyncio.run(raw_send(sink.port, mails))
                    base_s = time.perf_counter() - t0
                    report = CycleReport()
                    profiler = cProfile.Profile() if args.profile and n == 0 else None
                    t0 = time.perf_counter()
                    if profiler:
                        profiler.enable()
                    flush_outbox(app, datetime.now(timezone.utc) + timedelta(minutes=2 * n), report)
                    if profiler:
                        profiler.disable()
                        prof = f"{args.profile}-{db}.prof"
                        profiler.dump_stats(prof)
                    seconds = time.perf_counter() - t0
                    rounds.append((c.rate(sent_raw, base_s), c.rate(report.sent, seconds), report, seconds))
                    print(f"    round {n + 1}: baseline {c.num(rounds[-1][0])}/s, product {c.num(rounds[-1][1])}/s",
                          flush=True)
                left = Outbound.select().where(Outbound.status != "sent").count()
                c.close_database()
            baseline = max(r[0] for r in rounds)
            _, product, report, seconds = max(rounds, key=lambda r: r[1])
            sent_raw = report.sent
            ratio = product / baseline
            results["runs"][db] = {"per_s": product, "baseline_per_s": baseline, "ratio": ratio, "sent": report.sent,
                                   "send_failed": report.send_failed, "not_sent": left, "seconds": seconds,
                                   "batch_size": config.outbox.batch_size, "mean_bytes": mean, "ok": ratio >= TARGET}
            c.print_ratio(f"send {db}", product, baseline, TARGET)
            print(f"    sent {report.sent:,} in {seconds:.1f} s, failed {report.send_failed}, left unsent {left}; "
                  f"batch_size {config.outbox.batch_size}; mean {mean:,.0f} bytes", flush=True)
            if args.profile:
                pstats.Stats(f"{args.profile}-{db}.prof").sort_stats("cumulative").print_stats(15)
    finally:
        sink.stop()
        shutil.rmtree(base, ignore_errors=True)
    c.write_json(args.json, results)
    return results


if __name__ == "__main__":
    main()
