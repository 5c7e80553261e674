"""The reciprocity subcommands: ``referloop ledger EMAIL``, ``referloop export``, ``referloop import``.

:func:`add_subcommands` registers them on the main parser; each handler takes the parsed arguments and
returns an exit code, like the other subcommands.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime, timezone
from typing import TextIO

from .config import ConfigError, load


def _app(args: argparse.Namespace):
    from .cycle import start

    return start(load(args.config))


def _date(text: str) -> datetime:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2025-01-31: {text!r}") from None
    return datetime(day.year, day.month, day.day)


# ---------------------------------------------------------------------------------------------- ledger
def _won(tally) -> str:
    from db.views import money

    values = ", ".join(money(v, c) for c, v in sorted(tally.won_value.items()) if v)
    return f"{tally.won}" + (f" ({values})" if values else "")


def format_ledger(ledger, limit: int | None = None) -> str:
    """The ledger as a table for a terminal."""
    who = f"{ledger.name} <{ledger.email}>" if ledger.name else ledger.email
    if ledger.empty:
        return f"{who}: no referrals recorded"
    lines = [
        f"Ledger of {who}",
        f"  gave {ledger.given.total} ({ledger.given.leads} leads), won {_won(ledger.given)}, open {ledger.given.open}",
        f"  received {ledger.received.total} ({ledger.received.leads} leads), won {_won(ledger.received)}, "
        f"open {ledger.received.open}",
        f"  peer introductions made {ledger.intros_made}, received {ledger.intros_received}",
        "",
        f"{'partner':<36} {'category':<14} {'gave':>5} {'recv':>5} {'bal':>5}  {'won gave':<16} {'won recv':<16} "
        f"{'open g/r':>8} {'peer m/r':>8}  last",
    ]
    partners = ledger.partners[:limit] if limit else ledger.partners
    for p in partners:
        label = f"{p.name} <{p.email}>" if p.name else p.email
        last = f"{p.last_exchange:%Y-%m-%d}" if p.last_exchange else "-"
        lines.append(f"{label[:36]:<36} {(p.category or '-')[:14]:<14} {p.given.total:>5} {p.received.total:>5} "
                     f"{p.balance:>+5}  {_won(p.given)[:16]:<16} {_won(p.received)[:16]:<16} "
                     f"{f'{p.given.open}/{p.received.open}':>8} {f'{p.intros_made}/{p.intros_received}':>8}  {last}")
    if limit and len(ledger.partners) > limit:
        lines.append(f"... and {len(ledger.partners) - limit} more partners (--limit 0 shows all)")
    return "\n".join(lines)


def cmd_ledger(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from db.ledger import ledger_for_email

    out = out or sys.stdout
    app = _app(args)
    ledger = ledger_for_email(args.email, app.config.tracking.currency)
    if args.json:
        out.write(json.dumps(ledger.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(format_ledger(ledger, args.limit or None) + "\n")
    return 0 if not ledger.empty else 1


# ---------------------------------------------------------------------------------------------- export
def cmd_export(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from .export import export_rows, write_csv, write_json

    _app(args)
    rows = export_rows(args.since)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as handle:
            n = (write_csv if args.format == "csv" else write_json)(rows, handle)
    else:
        n = (write_csv if args.format == "csv" else write_json)(rows, out or sys.stdout)
    print(f"exported {n} referrals", file=sys.stderr)
    return 0


# ---------------------------------------------------------------------------------------------- import
def cmd_import(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from .history_import import run_import
    from .sources import SourceError

    out = out or sys.stdout
    app = _app(args)
    if not 0 <= args.inbox < len(app.config.inboxes):
        raise ConfigError(f"--inbox {args.inbox}: the config has {len(app.config.inboxes)} inbox(es)")
    try:
        report = run_import(app, folder=args.folder, since=args.since, dry_run=args.dry_run,
                            now=datetime.now(timezone.utc), inbox_index=args.inbox, extra_from=args.sender)
    except SourceError as exc:
        print(f"referloop import: {exc}", file=sys.stderr)
        return 1
    out.write(report.line(args.folder, args.dry_run) + ("  (dry run: nothing was stored)" if args.dry_run else "")
              + "\n")
    return 0


def add_subcommands(subparsers) -> None:
    """Register ``ledger``, ``export`` and ``import`` on the main parser's subparsers."""
    p = subparsers.add_parser("ledger", help="one person's referrals given and received, per partner")
    p.add_argument("email")
    p.add_argument("--json", action="store_true", help="the ledger as one JSON object")
    p.add_argument("--limit", type=int, default=50, help="partners to show (0: all; default 50)")
    p.set_defaults(func=cmd_ledger)

    p = subparsers.add_parser("export", help="all referrals as CSV or JSON, streamed")
    p.add_argument("--format", choices=["csv", "json"], default="csv")
    p.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="only referrals introduced on or after")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of standard output")
    p.set_defaults(func=cmd_export)

    p = subparsers.add_parser("import", help="record past introductions from a folder of your own mail")
    p.add_argument("--folder", default="Sent", help="the folder to scan (default Sent)")
    p.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="only mail sent on or after this day")
    p.add_argument("--dry-run", action="store_true", help="show what would be recorded; store nothing")
    p.add_argument("--from", dest="sender", action="append", metavar="ADDRESS",
                   help="an address of yours (repeatable; default: the inbox username and its aliases)")
    p.add_argument("--inbox", type=int, default=0, help="which [[inbox]] to use (default the first)")
    p.set_defaults(func=cmd_import)
