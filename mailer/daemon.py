"""``referloop run``: the long-running service.

One thread per mailbox fetches, processes and waits (IDLE when offered, re-issued every
``inbox.idle_seconds``; polling every ``inbox.poll_interval`` otherwise). The main thread lets the
``schedule`` package wake due work and the outbox; every due time itself lives in the database.
SIGTERM or SIGINT stops cleanly after the current message.
"""
from __future__ import annotations

import logging
import random
import signal
import threading
from datetime import datetime, timezone

import schedule

from .config import InboxConfig
from .cycle import App, CycleReport, flush_outbox, poll_inbox
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
    """Backlog, wait, backlog again, forever; reconnect on any error."""
    backoff = Backoff()
    what = f"mailbox {inbox.username or inbox.path}"
    source = None
    while not app.stop.is_set():
        try:
            if source is None:
                source = app.source(inbox)
                source.open()
            report = CycleReport()
            poll_inbox(app, inbox, source, utcnow(), report)
            if report.fetched:
                log.info("%s: %s", what, report.line())
                flush_outbox(app, utcnow(), CycleReport())   # acknowledgements go out at once
            backoff.succeeded(what)
            source.wait_for_mail(min(inbox.idle_seconds, 300) if inbox.kind == "imap" else inbox.poll_interval,
                                 app.stop)
        except SourceError as exc:
            if source is not None:
                source.close()
                source = None
            app.stop.wait(backoff.failed(what, str(exc)))
        except Exception as exc:  # noqa: BLE001 - the watcher must survive anything and retry
            log.exception("unexpected error in %s", what)
            if source is not None:
                source.close()
                source = None
            app.stop.wait(backoff.failed(what, f"{type(exc).__name__}: {exc}"))
    if source is not None:
        source.close()


def due_and_outbox(app: App) -> None:
    try:
        now = utcnow()
        counts = app.workflow.run_due(now)
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
    log.info("stopped")
    return 0
