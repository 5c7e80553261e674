"""The ``referloop`` command line. Each subcommand is a thin shell over one module."""
from __future__ import annotations

import argparse
import sys

from .config import ConfigError, config_path, load


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


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="referloop", description="Email-native referral tracker.")
    ap.add_argument("--config", help="config file (default ./referloop.toml or $REFERLOOP_CONFIG)")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse .eml files offline; one JSON object per line")
    p.add_argument("files", nargs="+")
    p.add_argument("--tracking-address", action="append",
                   help="our tracking address (repeatable); default: the config's, else the Delivered-To")
    p.set_defaults(func=_cmd_parse)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ConfigError as exc:
        print(f"referloop: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
