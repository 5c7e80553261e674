"""Opening the database named by ``database.url``: SQLite (WAL) by default, PostgreSQL for several
instances. The connection is bound to the model proxy; nothing else holds it."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from peewee import Database, PostgresqlDatabase, SqliteDatabase

from .models import database

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "normal",
    "foreign_keys": 1,
    "busy_timeout": 15000,
    "cache_size": -16000,
}


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
        return PostgresqlDatabase(
            unquote(parsed.path.lstrip("/")) or "postgres",
            user=unquote(parsed.username or "") or None,
            password=unquote(parsed.password or "") or None,
            host=parsed.hostname or None,
            port=parsed.port or 5432,
        )
    raise ValueError(f"unsupported database url {url!r}")


def is_postgres(db: Database) -> bool:
    return isinstance(db, PostgresqlDatabase)
