"""The transactional outbox: queueing decided mail, claiming it for sending, recording what happened.

``queue`` is called inside the transaction that made the decision, so an email exists exactly when the
decision does. The sender claims rows, sends them, and reports each result back here as soon as it has
it (one commit per email), so a crash repeats at most the one email that was on the wire.
"""
from __future__ import annotations

import hashlib
import hmac
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from peewee import Database, fn

from mailer.compose import Composer, Draft, make_message_id

from .connection import is_postgres
from .models import Outbound, Person, Referral, naive

STALE_CLAIM = timedelta(minutes=15)
MAX_BACKOFF = timedelta(hours=6)
# Kinds that answer a person's email (as opposed to scheduled mail): capped per address and hour so
# that two automatons mailing each other can never keep a conversation going.
ANSWER_KINDS = ("acknowledgement", "clarify", "stop_confirmation", "report", "help")
ANSWER_PREFIXES = ("notice_",)
VERP_TAG = "bounce"
_VERP = re.compile(rf"^[^+@]+\+{VERP_TAG}-(\d+)-([0-9a-f]{{10}})@", re.IGNORECASE)


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


def is_answer(kind: str) -> bool:
    return kind in ANSWER_KINDS or kind.startswith(ANSWER_PREFIXES)


def answers_in_last_hour(address: str, now: datetime) -> int:
    """Answers already decided for ``address`` in the hour before ``now`` (queued, sent or failed alike:
    what counts is that we decided to answer)."""
    kinds = Outbound.kind.in_(ANSWER_KINDS)
    for prefix in ANSWER_PREFIXES:
        kinds = kinds | Outbound.kind.startswith(prefix)
    return (Outbound.select(fn.COUNT(Outbound.id))
            .where((Outbound.to_addr == address.lower()) & kinds
                   & (Outbound.created_at > naive(now) - timedelta(hours=1)))
            .scalar() or 0)


def queue(composer: Composer, draft: Draft, *, kind: str, now: datetime, deadline: timedelta,
          referral: Referral | None = None, person: Person | None = None,
          not_before: datetime | None = None, allow_opted_out: bool = False,
          max_answers_per_hour: int | None = None) -> Outbound | None:
    """Render and store one email; None when the recipient must not get mail.

    ``max_answers_per_hour`` (``inbox.max_replies_per_sender_per_hour``) caps answers (see
    :data:`ANSWER_KINDS`) to one address: beyond it the answer is refused, which is what ends a loop
    with an automaton that slipped past the auto-reply checks. None keeps the old, uncapped behaviour.
    """
    if suppressed(person, allow_opted_out):
        return None
    if (max_answers_per_hour is not None and is_answer(kind)
            and answers_in_last_hour(draft.to.email, now) >= max_answers_per_hour):
        return None
    message_id = make_message_id(composer.domain, now, draft.token)
    subject, raw = composer.render(draft, message_id, now)
    start = naive(not_before or now)
    return Outbound.create(
        message_id=message_id.strip("<>").lower(),
        kind=kind,
        referral=referral,
        person=person,
        to_addr=draft.to.email.lower(),
        subject=subject,
        raw=raw,
        next_attempt_at=start,
        deadline=start + deadline,
        created_at=naive(now),
    )


# ---------------------------------------------------------------------- VERP
def _verp_mac(secret: bytes, outbound_id: int) -> str:
    return hmac.new(secret, f"{VERP_TAG}:{outbound_id}".encode(), hashlib.sha256).hexdigest()[:10]


def verp_address(address: str, outbound_id: int, secret: bytes) -> str:
    """The SMTP envelope sender for one email: ``local+bounce-<id>-<mac>@domain``. A DSN comes back to
    this address, so the bounce names the email (and so the person) even when the DSN quotes nothing.
    The MAC stops anyone from marking an arbitrary address as bouncing by mailing a forged one."""
    local, _, domain = address.lower().partition("@")
    return f"{local.split('+')[0]}+{VERP_TAG}-{outbound_id}-{_verp_mac(secret, outbound_id)}@{domain}"


def verp_outbound_id(address: str, secret: bytes) -> int | None:
    """The outbound id a VERP address stands for, or None when it is not one of ours (bad MAC)."""
    m = _VERP.match(address.strip().strip("<>"))
    if not m:
        return None
    outbound_id = int(m.group(1))
    return outbound_id if hmac.compare_digest(m.group(2).lower(), _verp_mac(secret, outbound_id)) else None


# ---------------------------------------------------------------------- claiming and recording
# An email is marked "handing_over" in a commit made just before the end-of-data dot is written: from
# then on the server may have it. A claim that died before that point was certainly not delivered and goes
# back to the queue; one that died after it is recorded as sent (unconfirmed, with this reason) rather
# than sent twice. The only way to lose an email is a crash between that commit and the socket write.
HANDOVER_UNCONFIRMED = ("sent without confirmation: the sender stopped after handing the message to the "
                        "server, before the server's answer was recorded")


def _release(where, sent_at) -> int:
    """Dead claims: not yet handed over -> queued again; handed over -> sent, unconfirmed."""
    released = (Outbound.update(status="queued", claimed_at=None)
                .where((Outbound.status == "sending") & where).execute())
    (Outbound.update(status="sent", sent_at=sent_at, claimed_at=None, last_error=HANDOVER_UNCONFIRMED)
     .where((Outbound.status == "handing_over") & where).execute())
    return released


def release_claims(db: Database) -> int:
    """Release every claim. Only for a single instance at start (SQLite): any claim found then belongs
    to a process that died. Returns how many emails go back to the queue."""
    with db.atomic():
        return _release(Outbound.id.is_null(False), Outbound.claimed_at)


def claim(db: Database, now: datetime, limit: int, stale: timedelta = STALE_CLAIM) -> list[Outbound]:
    """Take up to ``limit`` due rows for sending. On PostgreSQL rows are locked with SKIP LOCKED so
    several instances never take the same email; on SQLite the transaction takes the write lock first
    (IMMEDIATE) for the same effect between threads. Claims older than ``stale`` (a sender that died
    mid-batch; live senders refresh theirs with every email) are released first."""
    now_n = naive(now)
    postgres = is_postgres(db)
    with (db.atomic() if postgres else db.atomic("IMMEDIATE")):
        _release(Outbound.claimed_at < now_n - stale, Outbound.claimed_at)
        query = (Outbound.select(Outbound.id)
                 .where((Outbound.status == "queued") & (Outbound.next_attempt_at <= now_n))
                 .order_by(Outbound.next_attempt_at, Outbound.id).limit(limit))
        if postgres:
            query = query.for_update("FOR UPDATE SKIP LOCKED")
        ids = [row.id for row in query]
        if not ids:
            return []
        (Outbound.update(status="sending", claimed_at=now_n)
         .where(Outbound.id.in_(ids) & (Outbound.status == "queued")).execute())
    return list(Outbound.select().where(Outbound.id.in_(ids) & (Outbound.status == "sending"))
                .order_by(Outbound.next_attempt_at, Outbound.id))


def backoff(attempts: int) -> timedelta:
    """1 min, 2, 4, ... capped at 6 h, with jitter so a recovering server is not hit all at once."""
    base = min(timedelta(minutes=2 ** max(attempts - 1, 0)), MAX_BACKOFF)
    return base * random.uniform(0.8, 1.2)


def record(db: Database, results: list[SendResult], now: datetime, still_claimed: list[int] = (),
           handing_over: int | None = None) -> None:
    """Mark each claimed row sent, retried later, or failed for good (with the reason), in one transaction.

    Deliveries are one UPDATE together; only failures read their row (for the attempt count and the
    deadline). ``handing_over`` marks the next email in the same commit, which halves the commits per
    email; ``still_claimed`` refreshes the claims of a batch still being sent."""
    now_n = naive(now)
    with db.atomic():
        ok = [r.outbound_id for r in results if r.ok]
        if ok:
            (Outbound.update(status="sent", sent_at=now_n, claimed_at=None, last_error="",
                             attempts=Outbound.attempts + 1)
             .where(Outbound.id.in_(ok)).execute())
        for result in results:
            if result.ok:
                continue
            row = Outbound.get_or_none(Outbound.id == result.outbound_id)
            if row is None:
                continue
            row.attempts += 1
            row.claimed_at = None
            if result.permanent:
                row.status, row.last_error = "failed", result.error[:1000]
            else:
                retry_at = now_n + backoff(row.attempts)
                if retry_at > row.deadline:
                    row.status = "failed"
                    row.last_error = f"gave up at the retry deadline; last error: {result.error[:900]}"
                else:
                    row.status, row.next_attempt_at, row.last_error = "queued", retry_at, result.error[:1000]
            row.save(only=[Outbound.attempts, Outbound.claimed_at, Outbound.status, Outbound.last_error,
                           Outbound.next_attempt_at])
        if still_claimed:
            (Outbound.update(claimed_at=now_n)
             .where(Outbound.id.in_(list(still_claimed)) & Outbound.status.in_(("sending", "handing_over")))
             .execute())
        if handing_over is not None:
            (Outbound.update(status="handing_over")
             .where((Outbound.id == handing_over) & (Outbound.status == "sending")).execute())


def sent_in_last_minute(now: datetime) -> int:
    return (Outbound.select(fn.COUNT(Outbound.id))
            .where((Outbound.status == "sent") & (Outbound.sent_at > naive(now) - timedelta(minutes=1)))
            .scalar() or 0)
