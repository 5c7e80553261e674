"""The whole path on real servers: an introduction APPENDed to Dovecot, one cycle, the referral stored,
the acknowledgement captured by aiosmtpd, the message moved aside; and the same on Maildir + files."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from db.queries import referral_rows
from mailer.cycle import run_cycle, start
from tests.conftest import FIXTURES, build_config, imap_inbox, smtp_outbox

NOW = datetime(2025, 1, 14, 19, 0, tzinfo=timezone.utc)
INTRO = (FIXTURES / "e2e" / "intro_accountant_cc_tracker.eml").read_bytes()
EXPECTED_SENTENCE = "You introduced Alice Ng to Bob Ruiz. I'll check in with both in two weeks."

pytestmark = pytest.mark.servers


def _one_paragraph(text: str) -> str:
    return " ".join(text.split())


def test_imap_introduction_is_recorded_acknowledged_and_moved(dovecot, imap_user, smtp, tmp_path):
    config = build_config(tmp_path, inbox=imap_inbox(dovecot, imap_user), outbox=smtp_outbox(smtp))
    dovecot.append(imap_user, INTRO)

    report = run_cycle(start(config), NOW)

    assert report.errors == []
    [referral] = referral_rows()
    assert referral["referrer"] == "marcus@mailbox.example"
    assert referral["parties"] == ["alice@ngstudio.example", "bob@ruizcpa.example"]
    assert (referral["provider"], referral["contact"]) == ("bob@ruizcpa.example", "alice@ngstudio.example")
    assert referral["status"] == "introduced"

    [ack] = smtp.handler.messages
    assert ack.rcpt_tos == ["marcus@mailbox.example"]
    msg = ack.message
    assert msg["In-Reply-To"] == "<intro-alice-bob-1@mailbox.example>"
    assert "<intro-alice-bob-1@mailbox.example>" in msg["References"]
    assert msg["Auto-Submitted"] == "auto-replied"
    assert msg["X-Auto-Response-Suppress"] == "All"
    assert msg["Message-ID"].endswith("@example.test>")
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert EXPECTED_SENTENCE in _one_paragraph(msg.get_body(("plain",)).get_content())
    assert EXPECTED_SENTENCE in _one_paragraph(msg.get_body(("html",)).get_content())

    assert dovecot.count(imap_user, "INBOX") == 0
    assert dovecot.count(imap_user, "Referloop/Processed") == 1

    second = run_cycle(start(config), NOW)
    assert (second.fetched, second.sent) == (0, 0)
    assert len(smtp.handler.messages) == 1


def test_maildir_and_file_outbox_run_the_same_flow(tmp_path):
    inbox = tmp_path / "inbox"
    for sub in ("new", "cur", "tmp"):
        (inbox / sub).mkdir(parents=True)
    (inbox / "new" / "1.eml").write_bytes(INTRO)
    config = build_config(tmp_path, inbox={"kind": "maildir", "path": str(inbox)},
                          outbox={"kind": "file", "path": str(tmp_path / "outbox")})

    run_cycle(start(config), NOW)

    assert len(referral_rows()) == 1
    [sent] = list((tmp_path / "outbox").glob("*.eml"))
    assert b"Auto-Submitted: auto-replied" in sent.read_bytes()
    assert list((inbox / "new").iterdir()) == []
    assert len(list((inbox / ".Referloop.Processed" / "cur").iterdir())) == 1
    again = run_cycle(start(config), NOW)
    assert (again.fetched, again.sent) == (0, 0)


@pytest.mark.parametrize("junk", [b"", b"\x00\x01\x02 not mail", b"no colon header line\n\nbody",
                                  b"Content-Type: multipart/mixed; boundary=x\n\n--x\n" * 3])
def test_any_bytes_are_recorded_and_moved_to_failed(dovecot, imap_user, smtp, tmp_path, junk):
    if not junk:
        junk = b"\r\n"   # IMAP cannot APPEND zero bytes; the closest thing is an empty message
    config = build_config(tmp_path, inbox=imap_inbox(dovecot, imap_user), outbox=smtp_outbox(smtp))
    dovecot.append(imap_user, junk)

    report = run_cycle(start(config), NOW)

    from db.models import InboundMessage

    [row] = InboundMessage.select()
    assert row.status == "rejected" and row.reason.startswith("unparseable")
    assert dovecot.count(imap_user, "Referloop/Failed") == 1
    assert report.sent == 0


def test_wrong_password_is_one_clear_error(dovecot, imap_user, smtp, tmp_path):
    config = build_config(tmp_path, inbox=imap_inbox(dovecot, imap_user, password="wrong"),
                          outbox=smtp_outbox(smtp))
    report = run_cycle(start(config), NOW)
    assert len(report.errors) == 1 and "login failed" in report.errors[0]
