"""Opening the database named by ``database.url``: SQLite (WAL) by default, PostgreSQL for several
instances. The connection is bound to the model proxy; nothing else holds it."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from typing import Any

from peewee import Database, PostgresqlDatabase, SqliteDatabase, __exception_wrapper__

from .models import database

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "normal",
    "foreign_keys": 1,
    "busy_timeout": 15000,
    "cache_size": -16000,
}


class PostgresDatabase(PostgresqlDatabase):
    """PostgreSQL, where writes whose result nobody reads travel with the next statement.

    Every statement is a round trip to the server; recording an introduction takes a dozen. Inside a
    transaction, :meth:`defer_sql` holds a write (an event, check-in rows, the message's own status) and
    sends it in the same round trip as the next statement, or with the commit. Order is kept, so later
    reads see the writes. A deferred write that fails raises from the statement it travelled with, still
    inside the same transaction, which the caller then rolls back; a rollback drops what is held."""

    def _held(self) -> list[bytes]:
        held = getattr(self._state, "deferred", None)
        if held is None:
            held = self._state.deferred = []
        return held

    def defer_sql(self, sql: str, params: list[Any]) -> None:
        if not self.in_transaction():
            self.execute_sql(sql, params)    # outside a transaction nothing may wait
            return
        self._held().append(self.cursor().mogrify(sql, params))

    def _execute_cursor(self, sql: str, params: Any, **cursor_options: Any):
        held = self._held()
        if not held:
            return super()._execute_cursor(sql, params, **cursor_options)
        if sql.lstrip().upper().startswith("ROLLBACK"):
            held.clear()
            return super()._execute_cursor(sql, params, **cursor_options)
        cursor = self.cursor(**cursor_options)
        batch = [*held, cursor.mogrify(sql, params or ())]
        held.clear()
        self._log_query(sql, params)
        with __exception_wrapper__:
            cursor.execute(b";".join(batch))
        return cursor

    def _flush(self) -> None:
        held = self._held()
        if held:
            batch = list(held)
            held.clear()
            with __exception_wrapper__:
                self.cursor().execute(b";".join(batch))

    def commit(self):
        self._flush()
        return super().commit()

    def rollback(self):
        self._held().clear()
        return super().rollback()


def open_database(url: str, base_dir: str | Path = ".") -> Database:
    """Connect, bind to the models, and return the database (migrations are separate)."""
    db = make_database(url, base_dir)
    database.initialize(db)
    db.connect(reuse_if_open=True)
    return db


def make_database(url: str, base_dir: str | Path = ".") -> Database:
    if url.startswith("sqlite://"):
        path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url[len("sqlite://"):]
        if path in ("", ":memory:"):
            return SqliteDatabase(":memory:", pragmas=SQLITE_PRAGMAS)
        p = Path(path)
        if not p.is_absolute():
            p = Path(base_dir) / p
        p.parent.mkdir(parents=True, exist_ok=True)
        return SqliteDatabase(str(p), pragmas=SQLITE_PRAGMAS, timeout=15)
    parsed = urlparse(url)
    if parsed.scheme in ("postgresql", "postgres"):
        return PostgresDatabase(
            unquote(parsed.path.lstrip("/")) or "postgres",
            user=unquote(parsed.username or "") or None,
            password=unquote(parsed.password or "") or None,
            host=parsed.hostname or None,
            port=parsed.port or 5432,
        )
    raise ValueError(f"unsupported database url {url!r}")


def is_postgres(db: Database) -> bool:
    return isinstance(db, PostgresqlDatabase)
