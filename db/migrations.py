"""Versioned schema migrations, applied automatically at start and by ``referloop db upgrade``.

A new database is created from the current models and stamped with the latest version; an existing one
runs every migration above its recorded version, in order, each in its own transaction. Migrations are
append-only: never edit one that has shipped.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from peewee import Database
from playhouse.migrate import PostgresqlMigrator, SqliteMigrator, migrate

from .connection import is_postgres
from .models import ALL_MODELS, SchemaVersion

Migration = tuple[int, str, Callable[[Database], None]]


def _v1_initial(db: Database) -> None:
    """The first schema; only ever applied through create_tables for new databases."""
    raise RuntimeError("version 1 is the baseline; a database without a version table is created fresh")


def _v2_reciprocity(db: Database) -> None:
    """Reciprocity (issue 7): nudge and digest bookkeeping tables, and the indexes the ledger reads by."""
    from .models import DigestSent, NudgeSent

    db.create_tables([NudgeSent, DigestSent], safe=True)
    migrator = migrator_for(db)
    ledger = ("kind", "currency", "status", "historical", "amount", "introduced_at", "category")
    migrate(migrator.add_index("referral", ("party_a_id", "provider_id"), False),
            migrator.add_index("referral", ("party_b_id", "provider_id"), False),
            migrator.add_index("referral", ("referrer_id", "provider_id") + ledger, False),
            migrator.add_index("referral", ("provider_id", "referrer_id") + ledger, False))


def _v3_outbox_rate_index(db: Database) -> None:
    """The rate limit counts mail sent in the last minute: an index by (status, sent_at) keeps that
    query independent of how much mail was ever sent."""
    migrate(migrator_for(db).add_index("outbound", ("status", "sent_at"), False))


MIGRATIONS: list[Migration] = [
    (1, "initial schema", _v1_initial),
    (2, "reciprocity: nudge and digest bookkeeping, ledger indexes", _v2_reciprocity),
    (3, "outbox: index for the sending rate limit", _v3_outbox_rate_index),
]


def latest_version() -> int:
    return MIGRATIONS[-1][0]


def migrator_for(db: Database):
    return PostgresqlMigrator(db) if is_postgres(db) else SqliteMigrator(db)


def current_version(db: Database) -> int | None:
    if not db.table_exists(SchemaVersion._meta.table_name):
        return None
    row = SchemaVersion.select().order_by(SchemaVersion.version.desc()).first()
    return row.version if row else 0


def upgrade(db: Database) -> list[str]:
    """Bring the schema to the latest version; returns a line per step taken."""
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    steps: list[str] = []
    with db.atomic():
        if is_postgres(db):
            # Two instances starting together must not migrate concurrently.
            db.execute_sql("SELECT pg_advisory_xact_lock(725000001)")
        version = current_version(db)
        if version is None:
            db.create_tables(ALL_MODELS, safe=True)
            SchemaVersion.insert(version=latest_version(), description="created", applied_at=now).execute()
            return [f"created schema at version {latest_version()}"]
    for number, description, step in MIGRATIONS:
        if number <= (version or 0):
            continue
        with db.atomic():
            step(db)
            SchemaVersion.insert(version=number, description=description, applied_at=now).execute()
        steps.append(f"applied {number}: {description}")
    return steps


__all__ = ["upgrade", "current_version", "latest_version", "MIGRATIONS", "migrator_for"]
