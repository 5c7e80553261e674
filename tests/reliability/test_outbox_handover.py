"""The handover mark on a real SMTP server, SQLite and PostgreSQL: every email is marked "handing_over"
(visible to any other connection) before the server has its end-of-data dot; an email whose claim was
taken away is never handed over; a mark that cannot be made sends nothing and does not hang the sender."""
from __future__ import annotations

import sqlite3
import threading
import time

import psycopg2
import pytest
from aiosmtpd.controller import Controller

from db import outbox
from db.models import Outbound
from mailer.cycle import CycleReport, flush_outbox, poll_inbox, run_cycle, start
from tests.conftest import build_config, smtp_outbox
from tests.reliability.support import NOW, intros
from tests.servers import free_port

pytestmark = pytest.mark.servers


class StatusAtDot:
    """Accepts every message and notes, when its end-of-data dot has arrived, the status its outbound row
    has in the database as another connection sees it."""

    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self.seen: dict[str, str] = {}
        self.lock = threading.Lock()

    def status(self, message_id: str) -> str:
        sql = "SELECT status FROM outbound WHERE message_id = "
        if self.db_url.startswith("sqlite:///"):
            with sqlite3.connect(self.db_url[len("sqlite:///"):], timeout=15) as conn:
                return conn.execute(sql + "?", (message_id,)).fetchone()[0]
        conn = psycopg2.connect(self.db_url)
        try:
            with conn.cursor() as cur:
                cur.execute(sql + "%s", (message_id,))
                return cur.fetchone()[0]
        finally:
            conn.close()

    async def handle_DATA(self, server, session, envelope):
        head = bytes(envelope.content).split(b"\r\n\r\n", 1)[0].decode()
        message_id = next(line.split(":", 1)[1].strip().strip("<>").lower() for line in head.split("\r\n")
                          if line.lower().startswith("message-id:"))
        with self.lock:
            self.seen[message_id] = self.status(message_id)
        return "250 OK"


def _app(tmp_path, port: int, db_url: str, n: int, **outbox_extra):
    inbox = tmp_path / "inbox"
    for sub in ("new", "cur", "tmp"):
        (inbox / sub).mkdir(parents=True, exist_ok=True)
    for i, raw in enumerate(intros(n, tag="h")):
        (inbox / "new" / f"{i}.eml").write_bytes(raw)
    server = type("Server", (), {"port": port})
    config = build_config(tmp_path, inbox={"kind": "maildir", "path": str(inbox)}, db_url=db_url,
                          outbox=smtp_outbox(server, **{"max_per_minute": 1000, "batch_size": 4, **outbox_extra}))
    return start(config)


def _decide(app) -> None:
    """Process the introductions (queueing their acknowledgements) without sending anything."""
    inbox = app.config.inboxes[0]
    source = app.source(inbox)
    source.open()
    try:
        poll_inbox(app, inbox, source, NOW, CycleReport())
    finally:
        source.close()


@pytest.mark.parametrize("durable_marks", [False, True])
def test_every_email_is_marked_before_its_dot(db_url, tmp_path, durable_marks):
    handler = StatusAtDot(db_url)
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        app = _app(tmp_path, controller.port, db_url, 10, durable_marks=durable_marks)
        report = run_cycle(app, NOW)
    finally:
        controller.stop()
    assert (report.sent, report.send_failed) == (10, 0)
    assert len(handler.seen) == 10 and set(handler.seen.values()) == {"handing_over"}
    rows = list(Outbound.select())
    assert {(r.status, r.attempts, r.last_error, r.claimed_at) for r in rows} == {("sent", 1, "", None)}
    assert all(r.sent_at is not None for r in rows)


def test_an_email_no_longer_claimed_is_not_handed_over(db_url, smtp, tmp_path):
    """Another sender took the email over (its claim went stale) and finished it: this one must neither
    send it again nor touch its row."""
    app = _app(tmp_path, smtp.port, db_url, 3)
    _decide(app)
    assert smtp.handler.messages == [] and Outbound.select().count() == 3
    taken = Outbound.select().order_by(Outbound.id).first()
    real_send = app.sender.send_batch

    def send_batch(rows, **kwargs):
        Outbound.update(status="sent", attempts=7).where(Outbound.id == taken.id).execute()
        return real_send(rows, **kwargs)

    app.sender.send_batch = send_batch
    report = CycleReport()
    flush_outbox(app, NOW, report)
    assert (report.sent, report.send_failed) == (2, 1)
    assert smtp.handler.to(taken.to_addr) == []
    assert len(smtp.handler.messages) == 2
    row = Outbound.get_by_id(taken.id)
    assert (row.status, row.attempts) == ("sent", 7)


def test_a_mark_that_fails_sends_nothing_and_does_not_hang(db_url, smtp, tmp_path, monkeypatch):
    app = _app(tmp_path, smtp.port, db_url, 3, timeout=10)
    _decide(app)
    broken = Outbound.select().order_by(Outbound.id).first()
    real_start = outbox.Bookkeeper.start

    def start_mark(self, results, now, still_claimed=(), handing_over=None):
        if handing_over == broken.id:
            raise OSError("the database went away")
        return real_start(self, results, now, still_claimed, handing_over)

    monkeypatch.setattr(outbox.Bookkeeper, "start", start_mark)
    began = time.monotonic()
    report = CycleReport()
    flush_outbox(app, NOW, report)
    assert time.monotonic() - began < 5       # no QUIT inside DATA waiting for the timeout
    assert (report.sent, report.send_failed) == (2, 1)
    assert smtp.handler.to(broken.to_addr) == []
    row = Outbound.get_by_id(broken.id)
    assert row.status == "queued" and "the database went away" in row.last_error
    assert {r.status for r in Outbound.select().where(Outbound.id != broken.id)} == {"sent"}
