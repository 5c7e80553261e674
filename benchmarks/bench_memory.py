"""Peak memory of ingest: RSS of a fresh process after 10,000 and after 50,000 messages.

    python benchmarks/bench_memory.py                    # checkpoints 10,000 and 50,000, SQLite
    python benchmarks/bench_memory.py --counts 1000,5000 --db postgres

Peak RSS counts the parse worker processes too (their VmHWM), so the figure is what the service needs.
A child process does only what the daemon does (start, then ``poll_inbox`` on a Dovecot mailbox);
this process seeds the mailbox with MULTIAPPEND up to each checkpoint and asks the child to catch up, and
the child reports its peak RSS (getrusage ru_maxrss) and current RSS after each checkpoint. Message
generation and seeding stay out of the measured process.
Target (issue 9): peak < 200 MB, and not growing with the count. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common as c  # noqa: E402

TARGET_MB = 200.0


def rss_now_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        import os

        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return float("nan")


def peak_of(pid: int) -> float:
    """A live process's peak RSS (VmHWM) in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def child(config_json: str) -> None:
    """Process mail each time a line arrives on stdin; answer with one JSON line."""
    c.quiet_logs()
    from mailer.cycle import CycleReport, poll_inbox, start

    data = json.loads(config_json)
    base = Path(data.pop("_base"))
    config = c.build_config(base, data)
    app = start(config)
    inbox = config.inboxes[0]
    source = app.source(inbox)
    source.open()
    print(json.dumps({"started_rss_mb": rss_now_mb(),
                      "started_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)
    processed = 0
    for _line in sys.stdin:
        report = CycleReport()
        t0 = time.perf_counter()
        poll_inbox(app, inbox, source, datetime.now(timezone.utc), report)
        processed += report.processed
        print(json.dumps({"processed": processed, "failed": report.failed, "seconds": time.perf_counter() - t0,
                          "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                          "workers_peak_mb": sum(peak_of(pid) for pid in app.parse_workers.pids()),
                          "rss_mb": rss_now_mb()}), flush=True)
    source.close()


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--counts", "--count", default="10000,50000", dest="counts",
                    help="comma-separated checkpoints in messages (default 10000,50000)")
    ap.add_argument("--db", default="sqlite", help="sqlite or postgres (default sqlite)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args(argv)
    if args.child:
        child(args.child)
        return {}
    counts = sorted(int(x) for x in args.counts.split(",") if x.strip())
    db = (c.databases_from(args.db) or ["sqlite"])[0]
    base = c.scratch_dir()
    dovecot = c.start_dovecot()
    results: dict = {"db": db, "machine": c.machine_note(), "checkpoints": []}
    proc = None
    try:
        with c.database_url(db, base) as url:
            user = dovecot.new_user()
            data = c.config_dict(base, url, imap_port=dovecot.port, imap_user=user)
            data["_base"] = str(base)
            proc = subprocess.Popen([sys.executable, __file__, "--child", json.dumps(data)], cwd=str(c.ROOT),
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError("the measured child process did not start (see its error above)")
            started = json.loads(line)
            results["started"] = started
            print(f"memory {db}: child started at {started['started_rss_mb']:.0f} MB RSS; checkpoints "
                  f"{', '.join(f'{n:,}' for n in counts)}; {results['machine']}", flush=True)
            factory = c.MailFactory(seed=11, people=max(counts[-1] // 3, 50))
            seeded = 0
            for n in counts:
                while seeded < n:
                    step = min(5000, n - seeded)
                    c.seed_mailbox(dovecot, user, [raw for _, _, raw in factory.messages(step)])
                    seeded += step
                proc.stdin.write("go\n")
                proc.stdin.flush()
                line = proc.stdout.readline()
                if not line:
                    raise RuntimeError("the measured child process died (see its error above)")
                point = json.loads(line)
                point["messages"] = n
                point["total_peak_mb"] = point["peak_mb"] + point["workers_peak_mb"]
                results["checkpoints"].append(point)
                print(f"memory {db}: after {n:,} messages peak RSS {point['total_peak_mb']:.0f} MB: this process "
                      f"{point['peak_mb']:.0f} MB + parse workers {point['workers_peak_mb']:.0f} MB (now {point['rss_mb']:.0f} "
                      f"MB; this step {point['seconds']:.0f} s, processed {point['processed']:,}, failed "
                      f"{point['failed']})", flush=True)
            proc.stdin.close()
            proc.wait(timeout=60)
            c.close_database()
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
        dovecot.stop()
        shutil.rmtree(base, ignore_errors=True)
    points = results["checkpoints"]
    peak = max(p["total_peak_mb"] for p in points)
    growth = points[-1]["total_peak_mb"] - points[0]["total_peak_mb"] if len(points) > 1 else 0.0
    span = points[-1]["messages"] - points[0]["messages"] if len(points) > 1 else 0
    per_10k = growth / span * 10_000 if span else 0.0
    flat = growth < 0.1 * points[0]["total_peak_mb"]
    results.update(peak_mb=peak, growth_mb=growth, growth_per_10k_mb=per_10k, ok=peak < TARGET_MB and flat)
    print(f"memory {db}: peak {peak:.0f} MB; growth from {points[0]['messages']:,} to {points[-1]['messages']:,} "
          f"messages {growth:+.1f} MB ({per_10k:+.1f} MB per 10,000) (target < {TARGET_MB:.0f} MB and flat: "
          f"{c.verdict(results['ok'])})", flush=True)
    c.write_json(args.json, results)
    return results


if __name__ == "__main__":
    main()
