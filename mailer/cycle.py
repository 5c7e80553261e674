"""One cycle of the service: fetch and store new mail, process it, move it aside, run due work, flush
the outbox. ``referloop once`` runs exactly this; the daemon runs the same steps from its threads.

Order matters for never losing mail: store (with the cursor) -> process (workflow commits) -> move on
the server. A crash anywhere repeats at most the step that was interrupted, and dedup keys make that safe.
On the way out, each email's result is committed as soon as the server answered, so a crash repeats at
most the one email that was on the wire.
"""
from __future__ import annotations

import logging
import threading
import time
from contextlib import AbstractContextManager, nullcontext
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from peewee import Database

from db import inbox as inbox_store
from db import outbox
from db.connection import is_postgres
from db.locks import MailboxLock, mailbox_lock
from db.models import Outbound
from db.workflow import Workflow

from .compose import Composer
from .config import Config, InboxConfig
from .parse_workers import Ahead, ParseWorkers
from .senders import Sender, make_sender
from .sources import Source, SourceError, make_source

log = logging.getLogger("referloop")


@dataclass
class CycleReport:
    fetched: int = 0
    processed: int = 0
    failed: int = 0
    moved: int = 0
    due: dict[str, int] = field(default_factory=dict)
    sent: int = 0
    send_failed: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        due = ", ".join(f"{k} {v}" for k, v in self.due.items() if v) or "nothing due"
        text = (f"fetched {self.fetched}, processed {self.processed}, failed {self.failed}, moved {self.moved}; "
                f"{due}; sent {self.sent}, send failures {self.send_failed}")
        return text + (f"; errors: {'; '.join(self.errors)}" if self.errors else "")


class App:
    """Everything a cycle needs, built once from the configuration."""

    def __init__(self, config: Config, db: Database, sender: Sender | None = None) -> None:
        from parsers import Address

        self.config = config
        self.db = db
        template_dir = config.resolve(config.templates.directory) if config.templates.directory else None
        self.composer = Composer(Address(config.tracking.name, config.tracking.address.lower()), template_dir)
        self.workflow = Workflow(config, self.composer, db)
        self.sender = sender or make_sender(config)
        self.parse_workers = ParseWorkers.for_machine(config.processing.worker_count)
        self.stop = threading.Event()
        # SQLite turns a read-then-write transaction that meets another thread's write into an instant
        # "database is locked" (no busy wait, to avoid deadlock). With one instance, taking turns inside
        # the process avoids that; PostgreSQL needs no such thing.
        self.db_turn: AbstractContextManager = nullcontext() if is_postgres(db) else threading.RLock()

    def close(self) -> None:
        """Stop the parse workers; the database connection closes with the process."""
        self.parse_workers.close()

    def source(self, inbox: InboxConfig) -> Source:
        return make_source(self.config, inbox)

    def lock(self, name: str, inbox: InboxConfig) -> MailboxLock:
        return mailbox_lock(self.db, name, inbox.failover_seconds)

    def envelope_from(self, row: Outbound) -> str:
        """VERP: a bounce names the email it is about, whatever the DSN quotes."""
        return outbox.verp_address(self.config.tracking.address, row.id, self.config.secret_bytes)


def process_stored(app: App, inbox: InboxConfig, source_name: str, address: str, now: datetime,
                   report: CycleReport, ahead: Ahead | None = None) -> None:
    """Work through stored rows of one mailbox once. A failing message is counted and left for the next
    cycle; after ``inbox.max_attempts`` attempts it is quarantined with its reason. A message whose
    attempts ran out without a recorded failure killed the process each time: it is quarantined too,
    before it can do so again.

    Messages never tried before go through in groups, one commit per group; a message that was tried
    already (it failed, or the process stopped during it or its group) goes through alone, so one message
    that kills the process can only ever take its own attempts, and a death in a group charges nobody."""
    max_attempts = inbox.max_attempts
    tried: set[int] = set()
    while not app.stop.is_set():
        rows = [r for r in inbox_store.pending(source_name, 200 + len(tried)) if r.id not in tried]
        if not rows:
            return
        fresh = [r for r in rows if inbox_store.never_tried(r)]
        for row in rows:
            if app.stop.is_set():
                return
            if inbox_store.never_tried(row):
                continue
            tried.add(row.id)
            with app.db_turn:
                process_one(app, row, address, max_attempts, now, report)
        groups = [fresh[start:start + GROUP_SIZE] for start in range(0, len(fresh), GROUP_SIZE)]
        tried.update(r.id for r in fresh)
        for group, parsed in zip(groups, _parsed_groups(app, groups, address, ahead)):
            if app.stop.is_set():
                return
            process_group(app, group, parsed, address, max_attempts, now, report)


def _parsed_groups(app: App, groups: list[list], address: str, ahead: Ahead | None):
    """Each group's parse results in order: started ahead when the batch was fetched, else parsed now
    (the next group in a worker while this one is recorded)."""
    if ahead is not None and all(ahead.covers(r.uid, bytes(r.raw or b"")) for g in groups for r in g):
        for group in groups:
            yield [ahead.take(r.uid) for r in group]
        return
    yield from app.parse_workers.pipeline([[bytes(r.raw or b"") for r in g] for g in groups],
                                          app.workflow.tracking_for(address))


# Messages decided per commit. On PostgreSQL a commit waits for the disk, so grouping is most of the
# speed of a backlog; a group stays small enough that a crash repeats little.
GROUP_SIZE = 50


def process_one(app: App, row, address: str, max_attempts: int, now: datetime, report: CycleReport) -> None:
    if row.attempts >= max_attempts:
        inbox_store.quarantine(row, f"{row.attempts} attempts, the last one cut off (the process stopped "
                                    f"while handling it); last error: {row.reason or 'none'}", now)
        report.failed += 1
        return
    inbox_store.begin_attempt(row)
    try:
        app.workflow.process_inbound(row, address, now)
        report.processed += 1
    except Exception as exc:  # noqa: BLE001 - one bad message must not stop the others
        _failed(app, row, exc, max_attempts, now, report)


def process_group(app: App, rows: list, parsed: list, address: str, max_attempts: int, now: datetime,
                  report: CycleReport) -> None:
    """Several first attempts in one transaction. The messages were parsed before (see
    mailer/parse_workers.py), so the transaction only records.

    Optimistic: the whole group goes through without a savepoint per message (two statements each,
    each a round trip on PostgreSQL). If any message fails, the group is rolled back and redone with
    each message in its own savepoint, so a failing message rolls back only its own work."""
    with app.db_turn:
        inbox_store.begin_group(app.db, rows)
        if not any(isinstance(result, Exception) for result in parsed):
            try:
                with app.db.atomic():
                    for row, result in zip(rows, parsed):
                        app.workflow.process_inbound(row, address, now, parsed=result, savepoint=False)
                report.processed += len(rows)
                return
            except Exception as exc:  # noqa: BLE001 - redone below, message by message
                log.info("a group of %s messages was rolled back (%s: %s); redoing them one by one",
                         len(rows), type(exc).__name__, exc)
        with app.db.atomic():
            for row, result in zip(rows, parsed):
                try:
                    if isinstance(result, Exception):
                        raise result
                    app.workflow.process_inbound(row, address, now, parsed=result)
                    report.processed += 1
                except Exception as exc:  # noqa: BLE001 - one bad message must not stop the others
                    row.attempts += 1   # an error names its message, unlike a death mid-group
                    _failed(app, row, exc, max_attempts, now, report)


def _failed(app: App, row, exc: Exception, max_attempts: int, now: datetime, report: CycleReport) -> None:
    log.error("message #%s failed (attempt %s)", row.id, row.attempts, exc_info=exc)
    inbox_store.attempt_failed(row, f"{type(exc).__name__}: {exc}", max_attempts, now)
    report.failed += 1


def move_finished(source: Source, source_name: str, uidvalidity: int, report: CycleReport,
                  db_turn: AbstractContextManager = nullcontext()) -> None:
    """Move handled mail on the server, only after the workflow committed; recorded afterwards, so a
    crash in between repeats a move of mail that is already gone, which is harmless."""
    while True:
        rows = inbox_store.unmoved(source_name, uidvalidity)
        if not rows:
            return
        by_folder: dict[str, list] = defaultdict(list)
        for row in rows:
            by_folder[row.target_folder].append(row)
        for folder, items in by_folder.items():
            source.move([r.uid for r in items], folder)
            with db_turn:
                inbox_store.mark_moved([r.id for r in items])
            report.moved += len(items)


def poll_inbox(app: App, inbox: InboxConfig, source: Source, now: datetime, report: CycleReport,
               after_batch: Callable[[], None] | None = None) -> None:
    """Fetch everything new in batches; each batch is stored, processed and moved before the next.
    ``after_batch`` runs after each (the daemon flushes the outbox there, so acknowledgements do not
    wait for a long backlog)."""
    address = app.config.inbox_address(inbox)
    validity = source.uidvalidity()
    with app.db_turn:
        cursor = inbox_store.cursor(source.name, validity, now)
    last_uid = cursor.last_uid
    process_stored(app, inbox, source.name, address, now, report)   # leftovers of an interrupted cycle
    move_finished(source, source.name, validity, report, app.db_turn)
    while not app.stop.is_set():
        batch = source.fetch_after(last_uid, inbox.batch_size, inbox.max_bytes)
        if not batch:
            break
        # the workers parse the batch while it is stored (parsing needs no database)
        ahead = app.parse_workers.ahead([(item.uid, item.raw) for item in batch if item.raw is not None],
                                        app.workflow.tracking_for(address), GROUP_SIZE)
        with app.db_turn:
            inbox_store.store(app.db, source.name, validity, batch, now, inbox.max_bytes, source.uses_cursor)
        report.fetched += len(batch)
        if source.uses_cursor:
            last_uid = max(int(item.uid) for item in batch)
        process_stored(app, inbox, source.name, address, now, report, ahead)
        move_finished(source, source.name, validity, report, app.db_turn)
        if after_batch is not None:
            after_batch()
        if not source.uses_cursor and len(batch) < inbox.batch_size:
            break


def stale_claim_after(app: App) -> timedelta:
    """How old a claim must be before another sender may take the email over: one email can take at
    most a few SMTP steps of ``outbox.timeout`` each, and live senders refresh their claims per email."""
    return max(timedelta(seconds=10), timedelta(seconds=6 * app.config.outbox.timeout))


def flush_outbox(app: App, now: datetime, report: CycleReport) -> None:
    """Send due outbox rows within the rate limit, over one connection per batch.

    Each email is marked as handed over in a commit made after its message is written and before its
    end-of-data dot (see ``outbox.HANDOVER_UNCONFIRMED``), so the server reads the message meanwhile; on
    PostgreSQL that commit goes out on a connection of its own (:class:`outbox.Bookkeeper`). Deliveries
    are recorded in bulk with a later mark, at the latest after ``outbox.RECORD_DELIVERIES_EVERY``
    seconds and at the end of each batch; failures with the very next commit."""
    cfg = app.config.outbox
    started = time.monotonic()

    def clock() -> datetime:   # ``now`` moves on while a batch is sent, also under a simulated clock
        return now + timedelta(seconds=time.monotonic() - started)

    with outbox.Bookkeeper(app.db, app.db_turn, durable_marks=cfg.durable_marks) as books:
        room = 0          # of the rate limit; counted again whenever less than two batches' worth is left
        first = True      # stale claims are released once per flush
        while not app.stop.is_set():
            if room < 2 * cfg.batch_size:
                room = cfg.max_per_minute - outbox.sent_in_last_minute(clock())
            if room <= 0:
                return
            with app.db_turn:
                rows = outbox.claim(app.db, clock(), min(cfg.batch_size, room), stale_claim_after(app),
                                    release_stale=first)
            first = False
            if not rows:
                return
            room -= len(rows)
            waiting = [r.id for r in rows]
            pending: list[outbox.SendResult] = []     # results not yet committed
            failed = [False]                          # whether ``pending`` holds a failure
            refreshed = [time.monotonic()]
            recorded = [time.monotonic()]
            refresh_every = stale_claim_after(app).total_seconds() / 4

            def commit(handing_over: int | None = None) -> Callable[[], None]:
                """Start the commit of the next email's handover mark, with the results so far when they
                are due; returns the function that completes it (the sender calls it after writing the
                message, before the dot), which raises if the commit failed or the email is no longer
                claimed. On SQLite the commit runs in that function, while the server reads the message."""
                moment = time.monotonic()
                still = []
                if moment - refreshed[0] > refresh_every:
                    still, refreshed[0] = list(waiting), moment
                results = []
                if (handing_over is None or still or failed[0]
                        or moment - recorded[0] >= outbox.RECORD_DELIVERIES_EVERY):
                    results, recorded[0] = list(pending), moment
                done = books.start(results, clock(), still, handing_over)

                def wait() -> None:
                    marked = done.result()
                    del pending[:len(results)]
                    if results:
                        failed[0] = not all(r.ok for r in pending)
                    if not marked:
                        raise RuntimeError(f"outbound #{handing_over} is no longer claimed by this sender")
                return wait

            def on_result(result: outbox.SendResult) -> None:
                waiting.remove(result.outbound_id)
                pending.append(result)
                if result.ok:
                    report.sent += 1
                else:
                    failed[0] = True
                    report.send_failed += 1
                    log.warning("outbound #%s not delivered (%s): %s", result.outbound_id,
                                "permanent" if result.permanent else "will retry", result.error[:200])

            results = app.sender.send_batch(rows, envelope_from=app.envelope_from, on_result=on_result,
                                            on_handover=lambda outbound_id: commit(handing_over=outbound_id))
            commit()()
            books.checkpoint()
            if waiting:   # a sender that did not report everything: record what it returned
                late = [r for r in results if r.outbound_id in waiting]
                books.start(late, clock()).result()
            if any(not r.ok and not r.permanent for r in results):
                return  # the server is struggling: back off until the next cycle


def run_due(app: App, now: datetime) -> dict[str, int]:
    with app.db_turn:
        return app.workflow.run_due(now)


def poll_locked(app: App, inbox: InboxConfig, source: Source, now: datetime, report: CycleReport) -> None:
    """``referloop once`` on a shared PostgreSQL database: poll only when no daemon polls this mailbox."""
    lock = app.lock(source.name, inbox)
    if not lock.acquire():
        report.errors.append(f"{source.name}: another instance is polling it; skipped")
        return
    try:
        source.open()
        poll_inbox(app, inbox, source, now, report)
    finally:
        source.close()
        lock.release()


def run_cycle(app: App, now: datetime, sources: dict[int, Source] | None = None) -> CycleReport:
    """Fetch and process every inbox, run due work, flush the outbox. Inbox errors are reported, not
    raised, so due work and sending still happen when a mailbox is down."""
    report = CycleReport()
    for index, inbox in enumerate(app.config.inboxes):
        given = (sources or {}).get(index)
        try:
            if given is None:
                poll_locked(app, inbox, app.source(inbox), now, report)
            else:
                poll_inbox(app, inbox, given, now, report)
        except SourceError as exc:
            report.errors.append(str(exc))
    report.due = run_due(app, now)
    flush_outbox(app, now, report)
    return report


def start(config: Config, sender: Sender | None = None) -> App:
    """Open the database, bring its schema up to date, and build the App."""
    from db.connection import open_database
    from db.migrations import upgrade

    db = open_database(config.database.url, config.base_dir)
    upgrade(db)
    return App(config, db, sender)
