"""The outbox on a real SMTP server: temporary failures (421, 451, 552, connection refused) retry with
backoff until the deadline, other 5xx fail at once with the reason, the rate limit holds, every email
carries the loop-prevention headers and its own VERP envelope sender."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from db import outbox
from db.models import Outbound
from mailer.cycle import CycleReport, flush_outbox, run_cycle, start
from mailer.senders import SmtpSender
from tests.conftest import SECRET, build_config, smtp_outbox
from tests.reliability.support import NOW, intros

pytestmark = pytest.mark.servers


def _app(tmp_path, smtp, n: int, **outbox_extra):
    inbox = tmp_path / "inbox"
    for sub in ("new", "cur", "tmp"):
        (inbox / sub).mkdir(parents=True, exist_ok=True)
    for i, raw in enumerate(intros(n, tag="o")):
        (inbox / "new" / f"{i}.eml").write_bytes(raw)
    config = build_config(tmp_path, inbox={"kind": "maildir", "path": str(inbox)},
                          outbox=smtp_outbox(smtp, **{"max_per_minute": 1000, **outbox_extra}))
    return start(config)


def _flush(app, when) -> CycleReport:
    report = CycleReport()
    flush_outbox(app, when, report)
    return report


def test_421_then_451_retry_and_deliver_later_550_fails_at_once(smtp, tmp_path):
    app = _app(tmp_path, smtp, 3, max_per_minute=1000)
    smtp.handler.script["marcus.o0@mailbox.example"] = ["421 4.3.0 closing, try later", "451 4.3.0 try later",
                                                        "250 OK"]
    smtp.handler.script["marcus.o1@mailbox.example"] = ["550 5.1.1 no such user"]
    report = run_cycle(app, NOW)
    assert (report.sent, report.send_failed) == (1, 2)

    for step in range(1, 12):
        _flush(app, NOW + timedelta(minutes=5 * step))
    rows = {r.to_addr: r for r in Outbound.select()}
    ok, bad, fine = rows["marcus.o0@mailbox.example"], rows["marcus.o1@mailbox.example"], rows["marcus.o2@mailbox.example"]
    assert (ok.status, ok.attempts) == ("sent", 3)
    assert (bad.status, bad.attempts) == ("failed", 1) and bad.last_error.startswith("550")
    assert fine.status == "sent"
    assert len(smtp.handler.to("marcus.o0@mailbox.example")) == 1
    assert smtp.handler.to("marcus.o1@mailbox.example") == []
    print(f"\nretries: 421 then 451 delivered at attempt {ok.attempts}; 550 failed after {bad.attempts} attempt")


def test_552_and_a_dead_server_are_temporary_until_the_deadline(smtp, tmp_path):
    app = _app(tmp_path, smtp, 1)
    smtp.handler.script["marcus.o0@mailbox.example"] = ["552 5.2.2 mailbox full"]
    run_cycle(app, NOW)
    [row] = Outbound.select()
    assert row.status == "queued" and row.last_error.startswith("552")

    working = app.sender
    app.sender = SmtpSender(replace(app.config.outbox, port=1))     # nothing listens there
    _flush(app, NOW + timedelta(hours=1))
    app.sender = working
    row = Outbound.get_by_id(row.id)
    assert row.status == "queued" and row.attempts == 2 and "Connect" in row.last_error

    _flush(app, NOW + timedelta(days=4))            # past the 3-day deadline: given up, with the reason
    row = Outbound.get_by_id(row.id)
    assert row.status == "failed" and row.last_error.startswith("gave up at the retry deadline")


def test_rate_limit_and_headers_and_verp(smtp, tmp_path):
    app = _app(tmp_path, smtp, 5, max_per_minute=3)
    report = run_cycle(app, NOW)
    assert report.sent == 3
    assert _flush(app, NOW + timedelta(seconds=30)).sent == 0
    assert _flush(app, NOW + timedelta(seconds=70)).sent == 2
    for captured in smtp.handler.messages:
        msg = captured.message
        assert msg["Auto-Submitted"] in ("auto-replied", "auto-generated")
        assert msg["X-Auto-Response-Suppress"] == "All"
        row = Outbound.get(Outbound.message_id == str(msg["Message-ID"]).strip("<>").lower())
        assert captured.mail_from == outbox.verp_address("track@example.test", row.id, SECRET.encode())
        assert outbox.verp_outbound_id(captured.mail_from, SECRET.encode()) == row.id
    forged = outbox.verp_address("track@example.test", 1, b"another secret")
    assert outbox.verp_outbound_id(forged, SECRET.encode()) is None
    assert outbox.verp_outbound_id("track+bounce-1@example.test", SECRET.encode()) is None


def test_answers_to_one_address_are_capped_per_hour(tmp_path):
    from mailer.compose import Draft
    from parsers import Address

    from tests.harness import Harness

    h = Harness(tmp_path)
    draft = Draft(template="notice", to=Address("Bot", "bot@auto.example"),
                  context={"recipient_first": "there", "sender_name": "Referloop", "tracking_address": "t@x",
                           "explanation": "x", "original_subject": "y"})
    queued = [outbox.queue(h.app.composer, draft, kind="notice_policy", now=NOW + timedelta(minutes=i),
                           deadline=timedelta(days=3), max_answers_per_hour=2) for i in range(4)]
    assert [q is not None for q in queued] == [True, True, False, False]
    later = outbox.queue(h.app.composer, draft, kind="notice_policy", now=NOW + timedelta(minutes=70),
                         deadline=timedelta(days=3), max_answers_per_hour=2)
    assert later is not None
    # scheduled mail is not an answer; the old signature stays uncapped
    assert outbox.queue(h.app.composer, draft, kind="checkin", now=NOW, deadline=timedelta(days=3),
                        max_answers_per_hour=0) is not None
    assert outbox.queue(h.app.composer, draft, kind="notice_policy", now=NOW, deadline=timedelta(days=3)) is not None

