"""The transactional outbox: queueing decided mail, claiming it for sending, recording what happened.

``queue`` is called inside the transaction that made the decision, so an email exists exactly when the
decision does. The sender claims rows, sends them, and reports each result back here as soon as it has
it (one commit per email), so a crash repeats at most the one email that was on the wire.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import random
import re
import select
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime, timedelta

from peewee import Database, fn

from mailer.compose import Composer, Draft, make_message_id

from .connection import is_postgres
from .models import Outbound, Person, Referral, naive
from .prepared import Prepared

log = logging.getLogger("referloop")

STALE_CLAIM = timedelta(minutes=15)
# Seconds a confirmed delivery may wait before it is written (together with later ones): the handover
# mark already keeps it from going out twice; recording deliveries in bulk halves the writes per email.
RECORD_DELIVERIES_EVERY = 1.0
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


def suppressed(person: Person | None, allow_opted_out: bool = False, address: str = "") -> str | None:
    """Why mail to this person (or address) must not go out, or None."""
    if not address.isascii():
        return "the address is not ASCII, and this service does not send SMTPUTF8 mail"
    if person is None:
        return None
    if person.bouncing_at is not None:
        return "address is bouncing"
    if person.opted_out_at is not None and not allow_opted_out:
        return "person opted out"
    return None


def is_answer(kind: str) -> bool:
    return kind in ANSWER_KINDS or kind.startswith(ANSWER_PREFIXES)


def _answer_kinds() -> object:
    kinds = Outbound.kind.in_(ANSWER_KINDS)
    for prefix in ANSWER_PREFIXES:
        kinds = kinds | Outbound.kind.startswith(prefix)
    return kinds


_ANSWERS_SINCE = Prepared(lambda address, since: Outbound.select(fn.COUNT(Outbound.id)).where(
    (Outbound.to_addr == address) & _answer_kinds() & (Outbound.created_at > since)), "address", "since")
_QUEUED_FIELDS = ("message_id", "kind", "referral", "person", "to_addr", "subject", "raw", "next_attempt_at",
                  "deadline", "created_at")
_INSERT_QUEUED = Prepared(lambda **m: Outbound.insert(**m), *_QUEUED_FIELDS)


def answers_in_last_hour(address: str, now: datetime) -> int:
    """Answers already decided for ``address`` in the hour before ``now`` (queued, sent or failed alike:
    what counts is that we decided to answer)."""
    return _ANSWERS_SINCE.scalar(address=address.lower(), since=naive(now) - timedelta(hours=1)) or 0


def queue(composer: Composer, draft: Draft, *, kind: str, now: datetime, deadline: timedelta,
          referral: Referral | None = None, person: Person | None = None,
          not_before: datetime | None = None, allow_opted_out: bool = False,
          max_answers_per_hour: int | None = None) -> Outbound | None:
    """Render and store one email; None when the recipient must not get mail.

    ``max_answers_per_hour`` (``inbox.max_replies_per_sender_per_hour``) caps answers (see
    :data:`ANSWER_KINDS`) to one address: beyond it the answer is refused, which is what ends a loop
    with an automaton that slipped past the auto-reply checks. None keeps the old, uncapped behaviour.
    """
    refusal = suppressed(person, allow_opted_out, draft.to.email)
    if refusal:
        log.info("no %s to %r: %s", kind, draft.to.email, refusal)
        return None
    if (max_answers_per_hour is not None and is_answer(kind)
            and answers_in_last_hour(draft.to.email, now) >= max_answers_per_hour):
        return None
    message_id = make_message_id(composer.domain, now, draft.token)
    subject, raw = composer.render(draft, message_id, now)
    start = naive(not_before or now)
    fields = dict(message_id=message_id.strip("<>").lower(), kind=kind, referral=referral, person=person,
                  to_addr=draft.to.email.lower(), subject=subject, raw=raw, next_attempt_at=start,
                  deadline=start + deadline, created_at=naive(now))
    new_id = _INSERT_QUEUED.insert_id(**dict(fields, referral=referral.id if referral else None,
                                             person=person.id if person else None))
    row = Outbound(id=new_id, **fields)
    row._dirty.clear()
    return row


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


# The claim's transaction on PostgreSQL, in one round trip. Its commit need not wait for the disk (see
# :func:`claim`). Bitmap scans are off: the due rows are best read in due order from the index on
# (status, next_attempt_at), stopping at the limit. Right after mail was queued in bulk the statistics
# still count few queued rows, and the planner then prefers a bitmap scan that reads and sorts every
# queued row for each claim (5 ms instead of 0.1 ms per claim of 100 rows out of 10,000).
_CLAIM_SETTINGS = "SET LOCAL synchronous_commit TO OFF; SET LOCAL enable_bitmapscan TO OFF"

# UPDATE ... RETURNING: PostgreSQL, and SQLite from 3.35 (older SQLite reads the claimed rows back).
_SQLITE_RETURNING = sqlite3.sqlite_version_info >= (3, 35, 0)


def claim(db: Database, now: datetime, limit: int, stale: timedelta = STALE_CLAIM,
          release_stale: bool = True) -> list[Outbound]:
    """Take up to ``limit`` due rows for sending, in due order. On PostgreSQL rows are locked with SKIP
    LOCKED so several instances never take the same email; on SQLite the transaction takes the write
    lock first (IMMEDIATE) for the same effect between threads. With ``release_stale``, claims older
    than ``stale`` (a sender that died mid-batch; live senders refresh theirs) are released first.

    One statement claims and returns the rows. On PostgreSQL the claim's commit does not wait for the
    disk: a claim lost to a server crash only leaves its emails queued, and any later commit that
    waits for the disk (such as a handover mark) makes it durable first, the log being written in order.
    See :data:`_CLAIM_SETTINGS` for how the due rows are found there.
    """
    now_n = naive(now)
    postgres = is_postgres(db)
    with (db.atomic() if postgres else db.atomic("IMMEDIATE")):
        if postgres:
            db.execute_sql(_CLAIM_SETTINGS)
        if release_stale:
            _release(Outbound.claimed_at < now_n - stale, Outbound.claimed_at)
        due = (Outbound.select(Outbound.id)
               .where((Outbound.status == "queued") & (Outbound.next_attempt_at <= now_n))
               .order_by(Outbound.next_attempt_at).limit(limit))
        if postgres:
            due = due.for_update("FOR UPDATE SKIP LOCKED")
        take = Outbound.update(status="sending", claimed_at=now_n)
        if postgres or _SQLITE_RETURNING:
            rows = list(take.where(Outbound.id.in_(due) & (Outbound.status == "queued")).returning(Outbound))
        else:
            ids = [row.id for row in due]
            if not ids:
                return []
            take.where(Outbound.id.in_(ids) & (Outbound.status == "queued")).execute()
            rows = list(Outbound.select().where(Outbound.id.in_(ids) & (Outbound.status == "sending")))
    rows.sort(key=lambda r: (r.next_attempt_at, r.id))
    return rows


def backoff(attempts: int) -> timedelta:
    """1 min, 2, 4, ... capped at 6 h, with jitter so a recovering server is not hit all at once."""
    base = min(timedelta(minutes=2 ** max(attempts - 1, 0)), MAX_BACKOFF)
    return base * random.uniform(0.8, 1.2)


def record(db: Database, results: list[SendResult], now: datetime, still_claimed: list[int] = (),
           handing_over: int | None = None, durable: bool = True) -> bool:
    """Mark each claimed row sent, retried later, or failed for good (with the reason), in one transaction.

    Deliveries are one UPDATE together; only failures read their row (for the attempt count and the
    deadline). ``handing_over`` marks the next email in the same commit, which halves the commits per
    email; ``still_claimed`` refreshes the claims of a batch still being sent.

    Returns False when ``handing_over`` was given but that email is no longer claimed for sending (its
    claim was released as stale and it may be another sender's now): it must not be handed over then.

    The common case, deliveries only, takes a fast path (SQL written once, one round trip on
    PostgreSQL): it runs once per email sent. ``durable=False`` lets that path's commit on PostgreSQL
    return before the disk flush (see :class:`Bookkeeper`); everything else always waits for it.
    """
    now_n = naive(now)
    if not still_claimed and all(r.ok for r in results):
        return _deliveries_and_handover(db, [r.outbound_id for r in results], now_n, handing_over, durable)
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
            if row is None or row.status not in ("sending", "handing_over"):
                continue   # no longer ours (a released claim another sender finished): leave it alone
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
            return _deliveries_and_handover(db, [], now_n, handing_over)
    return True


# The two statements run for every email sent, as SQL text written once instead of being built by
# peewee each time (~100 us apiece): ``{at}`` is the time of the deliveries, ``{ids}`` their ids,
# ``{id}`` the email being handed over.
_SENT_SQL = ('UPDATE "outbound" SET "status" = \'sent\', "sent_at" = {at}, "claimed_at" = NULL, '
             '"last_error" = \'\', "attempts" = "attempts" + 1 WHERE "id" {ids}')
_HANDOVER_SQL = 'UPDATE "outbound" SET "status" = \'handing_over\' WHERE "id" = {id} AND "status" = \'sending\''


def _deliveries_and_handover(db: Database, delivered: list[int], now_n: datetime,
                             handing_over: int | None, durable: bool = True) -> bool:
    """Mark ``delivered`` sent and ``handing_over`` as being handed over, in one transaction (on the
    caller's connection; :class:`Bookkeeper` has the PostgreSQL variant on a connection of its own).
    On PostgreSQL both statements go in one message, which runs as one implicit transaction: a single
    round trip. ``durable=False``: that commit does not wait for the disk flush."""
    statements: list[tuple[str, list]] = []
    if delivered:
        if is_postgres(db):
            sent = _SENT_SQL.format(at="%s", ids="= ANY(%s)"), [now_n, list(delivered)]
        else:
            ids = "IN (" + ", ".join("?" * len(delivered)) + ")"
            sent = _SENT_SQL.format(at="?", ids=ids), [Outbound.sent_at.db_value(now_n), *delivered]
        statements.append(sent)
    if handing_over is not None:    # last, so that the row count reported is the mark's
        statements.append((_HANDOVER_SQL.format(id=db.param), [handing_over]))
    if not statements:
        return True
    if is_postgres(db):
        if not durable and not db.in_transaction():
            statements.insert(0, ("SET LOCAL synchronous_commit TO OFF", []))
        cursor = db.execute_sql("; ".join(sql for sql, _ in statements), [p for _, ps in statements for p in ps])
    else:
        with db.atomic():
            for sql, params in statements:
                cursor = db.execute_sql(sql, params)
    return handing_over is None or cursor.rowcount == 1


class Bookkeeper:
    """The sender's commits during one flush: :meth:`start` begins one and returns a waiter whose
    ``result()`` is True once it is committed (False: the handover mark found its email no longer
    claimed; an exception: nothing was committed).

    On PostgreSQL the per-email commit (deliveries and the next handover mark) goes out on a second,
    non-blocking connection the moment it is started, so the database works on it while the message
    travels to the SMTP server; ``result()`` collects the answer. Everything else (failures, claim
    refreshes; SQLite always) runs when its result is asked for, on the caller's connection, under
    ``turn`` (the in-process turn-taking SQLite needs).

    ``durable_marks=False`` (``outbox.durable_marks``) lets those per-email commits on PostgreSQL return
    without waiting for the disk flush (``synchronous_commit`` off, on that connection only): a crash
    of referloop still finds every mark, and only a crash of the PostgreSQL server itself can lose the
    last fraction of a second of them (up to 3 x ``wal_writer_delay``, 0.6 s by default), so that
    those emails are sent again. Failures and claim refreshes always wait for the disk (claims never
    need to, see :func:`claim`).
    """

    def __init__(self, db: Database, turn: AbstractContextManager | None = None, durable_marks: bool = True,
                 overlap: bool = True) -> None:
        self.db = db
        self.turn = turn if turn is not None else nullcontext()
        self.durable_marks = durable_marks
        self._pipe: _Pipe | None | bool = None if overlap and is_postgres(db) else False
        self._inflight: _InFlight | None = None
        # SQLite checkpoints the log inside a COMMIT once it is long enough (milliseconds): inside a
        # handover commit that would hold back the dot with the mark already made, widening the one
        # moment in which a crash loses an email. The checkpoints happen between batches instead.
        self._autocheckpoint: int | None = None
        if not is_postgres(db):
            self._autocheckpoint = db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0]
            db.execute_sql("PRAGMA wal_autocheckpoint = 0")

    def start(self, results: list[SendResult], now: datetime, still_claimed: list[int] = (),
              handing_over: int | None = None) -> "_InFlight | _Deferred":
        self._drain()
        if still_claimed or not all(r.ok for r in results) or self._open_pipe() is None:
            return _Deferred(lambda: self._record(results, now, still_claimed, handing_over))
        if not results and handing_over is None:
            return _Deferred(lambda: True)
        try:
            self._inflight = self._pipe.send([r.outbound_id for r in results], naive(now), handing_over)
        except Exception:
            self._close_pipe()
            raise
        return self._inflight

    def _record(self, results, now, still_claimed, handing_over) -> bool:
        with self.turn:
            return record(self.db, results, now, still_claimed, handing_over, durable=self.durable_marks)

    def _open_pipe(self) -> "_Pipe | None":
        if self._pipe is None:
            try:
                self._pipe = _Pipe(self.db, self.durable_marks)
            except Exception as exc:  # noqa: BLE001 - the main connection does the work then
                log.warning("outbox: no second database connection (%s); committing on the main one", exc)
                self._pipe = False
        return self._pipe or None

    def _drain(self) -> None:
        """A commit nobody waited for (a sender that gave up on an email) is collected first."""
        if self._inflight is not None and not self._inflight.done:
            try:
                self._inflight.result()
            except Exception:  # noqa: BLE001 - its waiter would have reported it
                pass
        self._inflight = None

    def _close_pipe(self) -> None:
        if self._pipe:
            self._pipe.close()
        self._pipe = False

    def checkpoint(self) -> None:
        """Between batches: what SQLite's automatic checkpoint would have done (nothing on PostgreSQL)."""
        if self._autocheckpoint:
            self.db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")

    def close(self) -> None:
        self._drain()
        self._close_pipe()
        if self._autocheckpoint is not None:
            self.db.execute_sql(f"PRAGMA wal_autocheckpoint = {int(self._autocheckpoint)}")
            self.checkpoint()

    def __enter__(self) -> "Bookkeeper":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _Deferred:
    """A commit that runs when its result is first asked for."""

    def __init__(self, work: Callable[[], bool]) -> None:
        self._work: Callable[[], bool] | None = work

    def result(self) -> bool:
        work, self._work = self._work, None
        if work is None:
            raise RuntimeError("result() asked for twice")
        return work()


class _Pipe:
    """A non-blocking psycopg2 connection (autocommit) with the two per-email statements prepared."""

    def __init__(self, db: Database, durable: bool) -> None:
        import psycopg2

        self.conn = psycopg2.connect(database=db.database, async_=1, **db.connect_params)
        _wait(self.conn)
        self.cursor = self.conn.cursor()
        setup = [f"PREPARE referloop_sent (timestamp, bigint[]) AS {_SENT_SQL.format(at='$1', ids='= ANY($2)')}",
                 f"PREPARE referloop_handover (bigint) AS {_HANDOVER_SQL.format(id='$1')}"]
        if not durable:
            setup.append("SET synchronous_commit TO OFF")
        for sql in setup:
            self.cursor.execute(sql)
            _wait(self.conn)

    def send(self, delivered: list[int], now_n: datetime, handing_over: int | None) -> "_InFlight":
        """Send one commit (one implicit transaction); its answer is collected by ``_InFlight.result``."""
        statements, params = [], []
        if delivered:
            statements.append("EXECUTE referloop_sent(%s, %s)")
            params += [now_n, delivered]
        if handing_over is not None:    # last, so that the row count reported is the mark's
            statements.append("EXECUTE referloop_handover(%s)")
            params.append(handing_over)
        self.cursor.execute("; ".join(statements), params)
        return _InFlight(self, handing_over is not None)

    def close(self) -> None:
        try:
            self.conn.close()
        except Exception:  # noqa: BLE001 - closing a broken connection
            pass


class _InFlight:
    def __init__(self, pipe: _Pipe, marks: bool) -> None:
        self.pipe, self.marks, self.done = pipe, marks, False

    def result(self) -> bool:
        if self.done:
            raise RuntimeError("result() asked for twice")
        self.done = True
        _wait(self.pipe.conn)
        return not self.marks or self.pipe.cursor.rowcount == 1


def _wait(conn) -> None:
    """Drive a non-blocking psycopg2 connection until its current operation is complete."""
    from psycopg2.extensions import POLL_OK, POLL_READ, POLL_WRITE

    while True:
        state = conn.poll()
        if state == POLL_OK:
            return
        if state == POLL_READ:
            select.select([conn.fileno()], [], [])
        elif state == POLL_WRITE:
            select.select([], [conn.fileno()], [])
        else:
            raise OSError(f"unexpected state from the database connection: {state}")


def sent_in_last_minute(now: datetime) -> int:
    return (Outbound.select(fn.COUNT(Outbound.id))
            .where((Outbound.status == "sent") & (Outbound.sent_at > naive(now) - timedelta(minutes=1)))
            .scalar() or 0)
