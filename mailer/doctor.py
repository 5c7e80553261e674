"""``referloop doctor``: is everything this deployment needs reachable and configured? One row per check,
and the exit status says whether all passed."""
from __future__ import annotations

from collections.abc import Callable

from .config import ConfigError, check_secret, load, readable_by_others_with_password


def _row(name: str, check: Callable[[], str]) -> tuple[str, bool, str]:
    try:
        return name, True, check()
    except Exception as exc:  # noqa: BLE001 - every failure becomes a row, not a traceback
        return name, False, f"{type(exc).__name__}: {exc}"[:200]


def run_checks(config_file: str | None) -> int:
    try:
        cfg = load(config_file)
    except ConfigError as exc:
        print(f"FAIL  config      {exc}")
        return 2
    rows: list[tuple[str, bool, str]] = [("config", True, f"{cfg.path} is valid")]

    def secret() -> str:
        check_secret(cfg)
        if readable_by_others_with_password(cfg.path):
            raise ConfigError(f"{cfg.path} holds a secret and is readable by others (chmod 600)")
        return "set, and the file is private"

    def database() -> str:
        from db.connection import open_database
        from db.migrations import current_version, latest_version, upgrade

        db = open_database(cfg.database.url, cfg.base_dir)
        upgrade(db)
        return f"{cfg.database.url.split('@')[-1]} at schema version {current_version(db)}/{latest_version()}"

    rows.append(_row("secret", secret))
    rows.append(_row("database", database))
    for i, inbox in enumerate(cfg.inboxes):
        def inbox_check(inbox=inbox) -> str:
            from .sources import make_source

            source = make_source(cfg, inbox)
            source.open()
            try:
                info = source.describe()
                caps = info.get("capabilities", "")
                wanted = [c for c in ("IDLE", "MOVE", "UIDPLUS") if c in caps.split()]
                extra = f"; capabilities: {' '.join(wanted) or 'none of IDLE/MOVE/UIDPLUS'}" if caps else ""
                if info["kind"] == "maildir":
                    return f"Maildir {info['path']} readable"
                return f"{info['host']} folder {inbox.folder} reachable, logged in{extra}"
            finally:
                source.close()
        rows.append(_row(f"inbox{'' if len(cfg.inboxes) == 1 else i}", inbox_check))

    def outbox() -> str:
        from .senders import make_sender

        return make_sender(cfg).check()

    rows.append(_row("outbox", outbox))
    width = max(len(r[0]) for r in rows)
    for name, ok, detail in rows:
        print(f"{'ok  ' if ok else 'FAIL'}  {name:<{width}}  {detail}")
    return 0 if all(ok for _, ok, _ in rows) else 1
