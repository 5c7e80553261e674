"""``referloop run``: the long-running service.

One thread per mailbox fetches, processes and waits (IDLE when offered, re-issued every
``inbox.idle_seconds``; polling every ``inbox.poll_interval`` otherwise). The main thread lets the
``schedule`` package wake due work and the outbox; every due time itself lives in the database.
SIGTERM or SIGINT stops cleanly after the current message.

Several ``referloop run`` processes may share one PostgreSQL database: each mailbox is polled by one
of them at a time (an advisory lock, see db/locks.py), outbox rows and due check-ins are claimed with
SKIP LOCKED. SQLite means exactly one instance.
"""
from __future__ import annotations

import logging
import random
import signal
import threading
from datetime import datetime, timezone

import schedule

from db.connection import is_postgres
from db.outbox import release_claims

from .config import InboxConfig
from .cycle import App, CycleReport, flush_outbox, poll_inbox, run_due
from .sources import SourceError

log = logging.getLogger("referloop")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Backoff:
    """Exponential backoff with jitter, and an outage logged once rather than on every attempt."""

    def __init__(self, first: float = 1.0, cap: float = 300.0) -> None:
        self.first, self.cap, self.failures = first, cap, 0

    def failed(self, what: str, error: str) -> float:
        self.failures += 1
        if self.failures == 1:
            log.error("%s unavailable: %s (retrying with backoff)", what, error)
        delay = min(self.cap, self.first * 2 ** (self.failures - 1))
        return delay * random.uniform(0.5, 1.0)

    def succeeded(self, what: str) -> None:
        if self.failures:
            log.warning("%s back after %d failed attempt(s)", what, self.failures)
        self.failures = 0


def watch_inbox(app: App, inbox: InboxConfig) -> None:
    """Backlog, wait, backlog again, forever; reconnect on any error.

    With several instances on PostgreSQL, only the holder of the mailbox's advisory lock polls it; the
    others try again every ``failover_seconds / 3`` and take over when the holder's session ends.
    """
    backoff = Backoff()
    source = app.source(inbox)
    what = f"mailbox {source.name}"
    lock = app.lock(source.name, inbox)
    is_open = standing_by = False

    def flush_now() -> None:   # acknowledgements go out while a long backlog is still being worked on
        flush_outbox(app, utcnow(), CycleReport())

    while not app.stop.is_set():
        try:
            if not lock.acquire():
                if is_open:
                    source.close()
                    is_open = False
                if not standing_by:
                    log.info("%s is polled by another instance; standing by", what)
                    standing_by = True
                app.stop.wait(max(1.0, inbox.failover_seconds / 3))
                continue
            if standing_by:
                log.info("%s: taking over polling", what)
                standing_by = False
            if not is_open:
                source.open()
                is_open = True
            report = CycleReport()
            poll_inbox(app, inbox, source, utcnow(), report, after_batch=flush_now)
            if report.fetched:
                log.info("%s: %s", what, report.line())
            backoff.succeeded(what)
            wait = min(inbox.idle_seconds, 300) if source.idle_supported() else inbox.poll_interval
            source.wait_for_mail(wait, app.stop)
        except Exception as exc:  # noqa: BLE001 - the watcher must survive anything and retry
            if not isinstance(exc, SourceError):
                log.exception("unexpected error in %s", what)
            if is_open:
                source.close()
                is_open = False
            app.stop.wait(backoff.failed(what, str(exc) if isinstance(exc, SourceError)
                                         else f"{type(exc).__name__}: {exc}"))
    if is_open:
        source.close()
    lock.release()


def due_and_outbox(app: App) -> None:
    try:
        now = utcnow()
        counts = run_due(app, now)
        report = CycleReport(due=counts)
        flush_outbox(app, now, report)
        if report.sent or any(counts.values()):
            log.info("due work: %s", report.line())
    except Exception:  # noqa: BLE001 - a failing job is retried at its next run
        log.exception("due work failed")


def run(app: App) -> int:
    def stop(signum, _frame) -> None:
        log.info("signal %s: stopping after the current message", signum)
        app.stop.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if not is_postgres(app.db):
        # SQLite means one instance: an email still marked "sending" was cut off by a crash.
        released = release_claims(app.db)
        if released:
            log.warning("%d email(s) interrupted while sending are queued again", released)
    threads = [threading.Thread(target=watch_inbox, args=(app, inbox), name=f"inbox-{i}", daemon=True)
               for i, inbox in enumerate(app.config.inboxes)]
    for t in threads:
        t.start()
    jobs = schedule.Scheduler()
    jobs.every(app.config.schedule.due_interval).seconds.do(due_and_outbox, app)
    log.info("referloop running: %d mailbox(es), due work every %ss", len(threads), app.config.schedule.due_interval)
    due_and_outbox(app)
    while not app.stop.is_set():
        jobs.run_pending()
        app.stop.wait(1.0)
    for t in threads:
        t.join(timeout=60)
    app.close()
    log.info("stopped")
    return 0
