"""Claiming due check-ins so that, with several instances on one PostgreSQL database, each check-in is
sent by exactly one of them.

A check-in is claimed inside the transaction that sends it: the row is locked ``FOR UPDATE SKIP
LOCKED`` and re-read, so another instance either skips it (locked right now) or, once the first one
committed, no longer finds it ``scheduled``. The lock ends with the transaction, so a crash leaves
nothing to clean up. On SQLite (one instance) the transaction takes the write lock up front instead.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from peewee import Database

from .connection import is_postgres
from .models import Checkin, naive


def due_query(now: datetime, limit: int = 5000):
    """Scheduled check-ins due at ``now``, oldest first: the order walks the (status, due_at) index, so
    the cost follows the number due, not the number of check-ins."""
    return (Checkin.select(Checkin.id)
            .where((Checkin.status == "scheduled") & (Checkin.due_at <= naive(now)))
            .order_by(Checkin.due_at, Checkin.id).limit(limit))


def due_checkin_ids(db: Database, now: datetime, limit: int = 5000) -> list[int]:
    """Ids of scheduled check-ins due at ``now`` that no other instance is working on at this moment."""
    query = due_query(now, limit)
    if not is_postgres(db):
        return [row.id for row in query]
    with db.atomic():
        return [row.id for row in query.for_update("FOR UPDATE SKIP LOCKED")]


@contextmanager
def claimed_checkin(db: Database, checkin_id: int) -> Iterator[Checkin | None]:
    """A transaction holding the check-in: yields it when it is still ``scheduled`` and ours, else None.
    Everything done inside the ``with`` (queueing the email, marking it sent) commits together."""
    postgres = is_postgres(db)
    with (db.atomic() if postgres else db.atomic("IMMEDIATE")):
        query = Checkin.select().where((Checkin.id == checkin_id) & (Checkin.status == "scheduled"))
        if postgres:
            query = query.for_update("FOR UPDATE SKIP LOCKED")
        yield query.first()
