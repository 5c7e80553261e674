"""One cycle of the service: fetch and store new mail, process it, move it aside, run due work, flush
the outbox. ``referloop once`` runs exactly this; the daemon runs it on a schedule.

Order matters for never losing mail: store (with the cursor) -> process (workflow commits) -> move on
the server. A crash anywhere repeats at most the step that was interrupted, and dedup keys make that safe.
"""
from __future__ import annotations

import logging
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from peewee import Database

from db import inbox as inbox_store
from db import outbox
from db.workflow import Workflow

from .compose import Composer
from .config import Config, InboxConfig
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
        self.stop = threading.Event()

    def source(self, inbox: InboxConfig) -> Source:
        return make_source(self.config, inbox)


def process_stored(app: App, source_name: str, address: str, now: datetime, report: CycleReport) -> None:
    """Work through stored rows of one mailbox once; a failing message is counted and left for the next
    cycle, and quarantined after ``inbox.max_attempts`` attempts."""
    max_attempts = app.config.inbox.max_attempts
    tried: set[int] = set()
    while not app.stop.is_set():
        rows = [r for r in inbox_store.pending(source_name, 200 + len(tried)) if r.id not in tried]
        if not rows:
            return
        for row in rows:
            if app.stop.is_set():
                return
            tried.add(row.id)
            inbox_store.begin_attempt(row)
            try:
                app.workflow.process_inbound(row, address, now)
                report.processed += 1
            except Exception as exc:  # noqa: BLE001 - one bad message must not stop the others
                log.exception("message #%s failed (attempt %s)", row.id, row.attempts)
                inbox_store.attempt_failed(row, f"{type(exc).__name__}: {exc}", max_attempts, now)
                report.failed += 1


def move_finished(source: Source, source_name: str, uidvalidity: int, report: CycleReport) -> None:
    rows = inbox_store.unmoved(source_name, uidvalidity)
    by_folder: dict[str, list] = defaultdict(list)
    for row in rows:
        by_folder[row.target_folder].append(row)
    for folder, items in by_folder.items():
        source.move([r.uid for r in items], folder)
        inbox_store.mark_moved([r.id for r in items])
        report.moved += len(items)


def poll_inbox(app: App, inbox: InboxConfig, source: Source, now: datetime, report: CycleReport) -> None:
    """Fetch everything new in batches; each batch is stored, processed and moved before the next."""
    address = app.config.inbox_address(inbox)
    validity = source.uidvalidity()
    cursor = inbox_store.cursor(source.name, validity, now)
    last_uid = cursor.last_uid
    process_stored(app, source.name, address, now, report)   # leftovers of an interrupted cycle
    move_finished(source, source.name, validity, report)
    while not app.stop.is_set():
        batch = source.fetch_after(last_uid, inbox.batch_size, inbox.max_bytes)
        if not batch:
            break
        inbox_store.store(app.db, source.name, validity, batch, now, inbox.max_bytes, source.uses_cursor)
        report.fetched += len(batch)
        if source.uses_cursor:
            last_uid = max(int(item.uid) for item in batch)
        process_stored(app, source.name, address, now, report)
        move_finished(source, source.name, validity, report)
        if not source.uses_cursor and len(batch) < inbox.batch_size:
            break


def flush_outbox(app: App, now: datetime, report: CycleReport) -> None:
    """Send due outbox rows within the rate limit, over one connection per batch."""
    cfg = app.config.outbox
    while not app.stop.is_set():
        room = cfg.max_per_minute - outbox.sent_in_last_minute(now)
        if room <= 0:
            return
        rows = outbox.claim(app.db, now, min(cfg.batch_size, room))
        if not rows:
            return
        results = app.sender.send_batch(rows, envelope_from=app.config.tracking.address.lower())
        outbox.record(app.db, results, now)
        report.sent += sum(1 for r in results if r.ok)
        report.send_failed += sum(1 for r in results if not r.ok)
        for result in results:
            if not result.ok:
                log.warning("outbound #%s not delivered: %s", result.outbound_id, result.error[:200])
        if any(not r.ok and not r.permanent for r in results):
            return  # the server is struggling: back off until the next cycle


def run_cycle(app: App, now: datetime, sources: dict[int, Source] | None = None) -> CycleReport:
    """Fetch and process every inbox, run due work, flush the outbox. Inbox errors are reported, not
    raised, so due work and sending still happen when a mailbox is down."""
    report = CycleReport()
    for index, inbox in enumerate(app.config.inboxes):
        source = (sources or {}).get(index)
        owned = source is None
        try:
            if owned:
                source = app.source(inbox)
                source.open()
            poll_inbox(app, inbox, source, now, report)
        except SourceError as exc:
            report.errors.append(str(exc))
        finally:
            if owned and source is not None:
                source.close()
    report.due = app.workflow.run_due(now)
    flush_outbox(app, now, report)
    return report


def start(config: Config, sender: Sender | None = None) -> App:
    """Open the database, bring its schema up to date, and build the App."""
    from db.connection import open_database
    from db.migrations import upgrade

    db = open_database(config.database.url, config.base_dir)
    upgrade(db)
    return App(config, db, sender)
