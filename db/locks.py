"""One poller per mailbox across instances sharing PostgreSQL: a session-level advisory lock.

The lock lives on a dedicated connection per watcher thread, so it is held exactly as long as that
connection lives: when the holder dies (even by kill -9) PostgreSQL ends the session and releases the
lock, and another instance takes the mailbox over at its next try (every ``failover_seconds / 3``).
TCP keepalives bound how long a holder that vanished from the network keeps it.

Correctness never depends on this lock (unique constraints do that); it only keeps several instances
from doing the same IMAP work. On SQLite there is no lock: SQLite means one instance.
"""
from __future__ import annotations

import hashlib
import logging
import os
from typing import Protocol

log = logging.getLogger("referloop")


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for a mailbox name (advisory locks take a bigint)."""
    return int.from_bytes(hashlib.sha256(f"referloop:mailbox:{name}".encode()).digest()[:8], "big", signed=True)


class MailboxLock(Protocol):
    def acquire(self) -> bool: ...
    def held(self) -> bool: ...
    def release(self) -> None: ...


class NoLock:
    """SQLite: a single instance owns every mailbox."""

    def acquire(self) -> bool:
        return True

    def held(self) -> bool:
        return True

    def release(self) -> None:
        return None


class AdvisoryLock:
    """``pg_try_advisory_lock`` on its own autocommit connection, never shared with other work."""

    def __init__(self, dsn_kwargs: dict, name: str, failover_seconds: int = 30) -> None:
        self.dsn_kwargs = dsn_kwargs
        self.name = name
        self.key = lock_key(name)
        self.failover_seconds = max(3, failover_seconds)
        self.conn = None
        self._held = False

    def _connect(self):
        import psycopg2

        idle = max(1, self.failover_seconds // 3)
        conn = psycopg2.connect(
            **self.dsn_kwargs, connect_timeout=max(2, idle),
            application_name=f"referloop-lock pid={os.getpid()}",
            keepalives=1, keepalives_idle=idle, keepalives_interval=max(1, idle // 2), keepalives_count=2,
            options=f"-c statement_timeout={self.failover_seconds * 1000}")
        conn.autocommit = True
        return conn

    def acquire(self) -> bool:
        """Try once; True when this thread now polls the mailbox. Connection errors count as "not held"."""
        if self._held and self.held():
            return True
        try:
            if self.conn is None or self.conn.closed:
                self.conn = self._connect()
            with self.conn.cursor() as cur:
                cur.execute("SELECT pg_try_advisory_lock(%s)", (self.key,))
                self._held = bool(cur.fetchone()[0])
        except Exception as exc:  # noqa: BLE001 - the database being away means we do not hold it
            log.warning("mailbox lock for %s: %s", self.name, str(exc).strip()[:200])
            self._drop()
        return self._held

    def held(self) -> bool:
        """Still ours? A dead lock connection means the lock is gone (another instance may have it)."""
        if not self._held or self.conn is None or self.conn.closed:
            self._held = False
            return False
        try:
            with self.conn.cursor() as cur:
                cur.execute("SELECT 1")
            return True
        except Exception:  # noqa: BLE001
            self._drop()
            return False

    def release(self) -> None:
        if self.conn is not None and not self.conn.closed and self._held:
            try:
                with self.conn.cursor() as cur:
                    cur.execute("SELECT pg_advisory_unlock(%s)", (self.key,))
            except Exception:  # noqa: BLE001 - closing the session releases it anyway
                pass
        self._drop()

    def _drop(self) -> None:
        self._held = False
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:  # noqa: BLE001
                pass
        self.conn = None


def mailbox_lock(db, name: str, failover_seconds: int) -> MailboxLock:
    """The right lock for this database: advisory on PostgreSQL, none on SQLite."""
    from .connection import is_postgres

    if not is_postgres(db):
        return NoLock()
    params = dict(db.connect_params)
    params["dbname"] = db.database
    return AdvisoryLock({k: v for k, v in params.items() if v is not None}, name, failover_seconds)
