"""The ``referloop`` command line. Each subcommand is a thin shell over one module."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import datetime, timezone
from pathlib import Path

from .config import ConfigError, check_secret, config_path, load, readable_by_others_with_password

log = logging.getLogger("referloop")


def _now(text: str | None) -> datetime:
    if not text:
        return datetime.now(timezone.utc)
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ConfigError(f"--now: not an ISO-8601 time: {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _app(args: argparse.Namespace, need_secret: bool = True):
    from .cycle import start

    cfg = load(args.config)
    if need_secret:
        check_secret(cfg)
    if readable_by_others_with_password(cfg.path):
        log.warning("%s holds a password or secret and is readable by other users; run chmod 600 on it", cfg.path)
    return start(cfg)


def _cmd_parse(args: argparse.Namespace) -> int:
    from .parse_command import parse_files

    addresses: tuple[str, ...] = ()
    synonyms: tuple[tuple[str, str], ...] = ()
    if args.tracking_address:
        addresses = tuple(a.lower() for a in args.tracking_address)
    elif args.config or config_path(None).exists():
        cfg = load(args.config)
        addresses = cfg.all_addresses
        synonyms = tuple(cfg.categories.items())
    return parse_files(args.files, addresses, synonyms)


def _cmd_once(args: argparse.Namespace) -> int:
    from .cycle import run_cycle

    app = _app(args)
    try:
        report = run_cycle(app, _now(args.now))
    finally:
        app.close()
    print(report.line())
    return 1 if report.errors else 0


def _cmd_run(args: argparse.Namespace) -> int:
    from .daemon import run

    return run(_app(args))


def _cmd_referrals(args: argparse.Namespace) -> int:
    from db.queries import referral_rows

    _app(args, need_secret=False)
    rows = referral_rows()
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    if not rows:
        print("no referrals recorded yet")
        return 0
    print(f"{'id':>5}  {'status':<12} {'kind':<12} {'referrer':<28} {'provider':<28} {'contact':<28} category")
    for r in rows:
        print(f"{r['id']:>5}  {r['status']:<12} {r['kind']:<12} {r['referrer']:<28} {r['provider'] or '-':<28} "
              f"{r['contact'] or '-':<28} {r['category'] or '-'}")
    return 0


def _cmd_db(args: argparse.Namespace) -> int:
    from db.connection import open_database
    from db.migrations import current_version, upgrade

    cfg = load(args.config)
    db = open_database(cfg.database.url, cfg.base_dir)
    steps = upgrade(db)
    print("\n".join(steps) if steps else f"schema is up to date (version {current_version(db)})")
    return 0


def _cmd_inbox(args: argparse.Namespace) -> int:
    from db import inbox as inbox_store
    from db.queries import inbound_rows

    _app(args, need_secret=False)
    if args.retry is not None:
        if not inbox_store.retry(args.retry):
            print(f"no stored message #{args.retry} to retry", file=sys.stderr)
            return 1
        print(f"message #{args.retry} queued again; it is processed in the next cycle")
        return 0
    statuses = ("quarantined", "rejected") if args.failed else None
    for row in inbound_rows(statuses, args.limit):
        print(f"#{row['id']:<6} {row['status']:<12} {row['received_at']:<20} {row['sender'] or '-':<30} "
              f"{row['reason'][:80]}")
    return 0


def _cmd_outbox(args: argparse.Namespace) -> int:
    from db.queries import outbound_rows

    _app(args, need_secret=False)
    for row in outbound_rows(args.limit):
        print(f"#{row['id']:<6} {row['status']:<9} {row['kind']:<18} {row['to']:<30} "
              f"attempts {row['attempts']}  {row['when']}  {row['error'][:60]}")
    return 0


def _cmd_doctor(args: argparse.Namespace) -> int:
    from .doctor import run_checks

    return run_checks(args.config)


def _cmd_demo(args: argparse.Namespace) -> int:
    from .demo import run_demo

    return run_demo(Path(args.dir) if args.dir else None)


def _cmd_init(args: argparse.Namespace) -> int:
    from .init_command import write_local_config

    path = config_path(args.config)
    print(write_local_config(path, force=args.force))
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="referloop", description="Email-native referral tracker.")
    ap.add_argument("--config", help="config file (default ./referloop.toml or $REFERLOOP_CONFIG)")
    ap.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="the daemon: watch the inbox, send what is due")
    p.set_defaults(func=_cmd_run)
    p = sub.add_parser("once", help="one full cycle, then exit")
    p.add_argument("--now", help="run as of this ISO-8601 time (default: now)")
    p.set_defaults(func=_cmd_once)
    p = sub.add_parser("parse", help="parse .eml files offline; one JSON object per line")
    p.add_argument("files", nargs="+")
    p.add_argument("--tracking-address", action="append",
                   help="our tracking address (repeatable); default: the config's, else the Delivered-To")
    p.set_defaults(func=_cmd_parse)
    p = sub.add_parser("referrals", help="list recorded referrals")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.set_defaults(func=_cmd_referrals)
    p = sub.add_parser("inbox", help="list stored inbound mail")
    p.add_argument("--failed", action="store_true", help="only quarantined and rejected messages")
    p.add_argument("--retry", type=int, metavar="ID", help="process a stored message again")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=_cmd_inbox)
    p = sub.add_parser("outbox", help="list queued, failed and recently sent mail")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=_cmd_outbox)
    p = sub.add_parser("db", help="database maintenance")
    p.add_argument("action", choices=["upgrade"])
    p.set_defaults(func=_cmd_db)
    p = sub.add_parser("doctor", help="check config, database, IMAP and SMTP")
    p.set_defaults(func=_cmd_doctor)
    p = sub.add_parser("demo", help="show the whole loop on bundled sample mail, with a simulated clock")
    p.add_argument("--dir", help="keep the demo's files here (default: a temporary folder)")
    p.set_defaults(func=_cmd_demo)
    from .ledger_commands import add_subcommands

    add_subcommands(sub)
    p = sub.add_parser("init", help="write a referloop.toml for the embedded default (Maildir, files, SQLite)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=_cmd_init)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr)
    try:
        return int(args.func(args) or 0)
    except ConfigError as exc:
        print(f"referloop: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
