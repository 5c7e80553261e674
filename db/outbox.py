"""The transactional outbox: queueing decided mail, claiming it for sending, recording what happened.

``queue`` is called inside the transaction that made the decision, so an email exists exactly when the
decision does. The sender claims rows, sends them, and reports each result back here.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from peewee import Database, fn

from mailer.compose import Composer, Draft, make_message_id

from .models import Outbound, Person, Referral, naive

STALE_CLAIM = timedelta(minutes=15)
MAX_BACKOFF = timedelta(hours=6)


@dataclass(frozen=True)
class SendResult:
    """What one delivery attempt gave: ``ok``, or a temporary or permanent failure with the reason."""

    outbound_id: int
    ok: bool
    permanent: bool = False
    error: str = ""


def suppressed(person: Person | None, allow_opted_out: bool = False) -> str | None:
    """Why mail to this person must not go out, or None."""
    if person is None:
        return None
    if person.bouncing_at is not None:
        return "address is bouncing"
    if person.opted_out_at is not None and not allow_opted_out:
        return "person opted out"
    return None


def queue(composer: Composer, draft: Draft, *, kind: str, now: datetime, deadline: timedelta,
          referral: Referral | None = None, person: Person | None = None,
          not_before: datetime | None = None, allow_opted_out: bool = False) -> Outbound | None:
    """Render and store one email; None when the recipient must not get mail."""
    if suppressed(person, allow_opted_out):
        return None
    message_id = make_message_id(composer.domain, now, draft.token)
    subject, raw = composer.render(draft, message_id, now)
    start = naive(not_before or now)
    return Outbound.create(
        message_id=message_id.strip("<>").lower(),
        kind=kind,
        referral=referral,
        person=person,
        to_addr=draft.to.email,
        subject=subject,
        raw=raw,
        next_attempt_at=start,
        deadline=start + deadline,
        created_at=naive(now),
    )


def claim(db: Database, now: datetime, limit: int) -> list[Outbound]:
    """Take up to ``limit`` due rows for sending. On PostgreSQL rows are locked with SKIP LOCKED so
    several instances never take the same email; stale claims of a crashed sender are released."""
    now_n = naive(now)
    with db.atomic():
        (Outbound.update(status="queued", claimed_at=None)
         .where((Outbound.status == "sending") & (Outbound.claimed_at < now_n - STALE_CLAIM)).execute())
        query = (Outbound.select(Outbound.id)
                 .where((Outbound.status == "queued") & (Outbound.next_attempt_at <= now_n))
                 .order_by(Outbound.next_attempt_at, Outbound.id).limit(limit))
        from .connection import is_postgres

        if is_postgres(db):
            query = query.for_update("FOR UPDATE SKIP LOCKED")
        ids = [row.id for row in query]
        if not ids:
            return []
        Outbound.update(status="sending", claimed_at=now_n).where(Outbound.id.in_(ids)).execute()
    return list(Outbound.select().where(Outbound.id.in_(ids)).order_by(Outbound.next_attempt_at, Outbound.id))


def backoff(attempts: int) -> timedelta:
    """1 min, 2, 4, ... capped at 6 h, with jitter so a recovering server is not hit all at once."""
    base = min(timedelta(minutes=2 ** max(attempts - 1, 0)), MAX_BACKOFF)
    return base * random.uniform(0.8, 1.2)


def record(db: Database, results: list[SendResult], now: datetime) -> None:
    """Mark each claimed row sent, retried later, or failed for good."""
    now_n = naive(now)
    with db.atomic():
        for result in results:
            row = Outbound.get_by_id(result.outbound_id)
            row.attempts += 1
            row.claimed_at = None
            if result.ok:
                row.status, row.sent_at, row.last_error = "sent", now_n, ""
            elif result.permanent:
                row.status, row.last_error = "failed", result.error[:1000]
            else:
                retry_at = now_n + backoff(row.attempts)
                if retry_at > row.deadline:
                    row.status = "failed"
                    row.last_error = f"gave up at the retry deadline; last error: {result.error[:900]}"
                else:
                    row.status, row.next_attempt_at, row.last_error = "queued", retry_at, result.error[:1000]
            row.save()


def sent_in_last_minute(now: datetime) -> int:
    return (Outbound.select(fn.COUNT(Outbound.id))
            .where((Outbound.status == "sent") & (Outbound.sent_at > naive(now) - timedelta(minutes=1)))
            .scalar() or 0)
