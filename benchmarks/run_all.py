"""Run every issue-9 benchmark and print a Markdown summary for README's "Performance" section.

    python benchmarks/run_all.py                 # spec sizes (takes a while)
    python benchmarks/run_all.py --quick         # small sizes, a minute or two
    python benchmarks/run_all.py --db sqlite --only ingest,send

Each benchmark runs as its own process (so one cannot skew another's memory), prints its own figures as
it goes, and hands its numbers back through a JSON file. Figures are ratios against raw baselines measured
in the same run where the spec asks for one; absolute numbers depend on the machine and its load.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _common as c  # noqa: E402

FULL = {"ingest": ["--count", "10000"], "send": ["--count", "10000"], "latency": ["--count", "200"],
        "due": ["--referrals", "1000000"], "memory": ["--counts", "10000,50000"]}
QUICK = {"ingest": ["--count", "1000"], "send": ["--count", "1000"], "latency": ["--count", "20"],
         "due": ["--referrals", "50000", "--due", "500"], "memory": ["--counts", "1000,5000"]}


def run(name: str, extra: list[str], out: Path) -> dict | None:
    cmd = [sys.executable, str(HERE / f"bench_{name}.py"), *extra, "--json", str(out)]
    print(f"\n$ {' '.join(Path(a).name if a.endswith('.py') else a for a in cmd[1:-2])}", flush=True)
    code = subprocess.call(cmd)
    if code != 0 or not out.exists():
        print(f"{name}: failed (exit {code})", flush=True)
        return None
    return json.loads(out.read_text())


def table(results: dict[str, dict | None]) -> str:
    rows = ["| Benchmark | Result | Baseline (same run) | Ratio / figure | Target | |", "|---|---|---|---|---|---|"]

    def mark(ok: bool) -> str:
        return "met" if ok else "**missed**"

    ingest = results.get("ingest")
    for db, r in (ingest or {}).get("runs", {}).items():
        rows.append(f"| Ingest, {db} ({ingest['count']:,} varied emails: fetch, parse, store, ack queued) | "
                    f"{c.num(r['per_s'])} emails/s | {c.num(r['baseline_per_s'])}/s (FETCH + stdlib parse) | "
                    f"{c.pct(r['ratio'])} | >= 50% | {mark(r['ok'])} |")
    send = results.get("send")
    for db, r in (send or {}).get("runs", {}).items():
        rows.append(f"| Send, {db} ({send['count']:,} queued emails over SMTP) | {c.num(r['per_s'])} emails/s | "
                    f"{c.num(r['baseline_per_s'])}/s (aiosmtplib, one connection) | {c.pct(r['ratio'])} | >= 80% | "
                    f"{mark(r['ok'])} |")
    lat = results.get("latency")
    if lat:
        rows.append(f"| Latency, {lat['db']} (IDLE, APPEND -> ack received; {lat['measured']} intros) | "
                    f"p50 {lat['p50'] * 1000:,.0f} ms | Dovecot's IDLE push alone ~500 ms | "
                    f"p95 {lat['p95'] * 1000:,.0f} ms | p95 < 1 s | {mark(lat['ok'])} |")
    due = results.get("due")
    for db, r in (due or {}).get("runs", {}).items():
        rows.append(f"| Due check-ins, {db} ({due['referrals']:,} referrals, {r['found']:,} due) | "
                    f"{r['median_ms']:.1f} ms median | SQL alone {r['sql_only_median_ms']:.1f} ms | "
                    f"{r['median_ms']:.1f} ms | < 50 ms | {mark(r['ok'])} |")
    mem = results.get("memory")
    if mem:
        pts = ", ".join(f"{p['total_peak_mb']:.0f} MB after {p['messages']:,}" for p in mem["checkpoints"])
        rows.append(f"| Memory, {mem['db']} (peak RSS of the service, parse workers included) | {pts} | started at "
                    f"{mem['started']['started_rss_mb']:.0f} MB | {mem['growth_per_10k_mb']:+.1f} MB per 10,000 | "
                    f"< 200 MB, flat | {mark(mem['ok'])} |")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes for a fast check")
    ap.add_argument("--only", default="ingest,send,latency,due,memory", help="comma-separated subset")
    ap.add_argument("--db", default="sqlite,postgres",
                    help="databases for ingest, send and due (latency and memory use the first)")
    args = ap.parse_args()
    sizes = QUICK if args.quick else FULL
    wanted = [n.strip() for n in args.only.split(",") if n.strip()]
    first_db = args.db.split(",")[0]
    results: dict[str, dict | None] = {}
    with tempfile.TemporaryDirectory(prefix="rl-bench-results-") as tmp:
        for name in wanted:
            db = ["--db", first_db] if name in ("latency", "memory") else ["--db", args.db]
            results[name] = run(name, sizes[name] + db, Path(tmp) / f"{name}.json")
    print(f"\n## Performance\n\nMeasured with `python benchmarks/run_all.py{' --quick' if args.quick else ''}` on "
          f"{c.machine_note()} (loopback Dovecot and aiosmtpd; figures vary with load).\n")
    print(table(results))


if __name__ == "__main__":
    main()
