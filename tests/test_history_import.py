"""History import: past introductions in the user's own Sent folder (no tracker on them) become
historical referrals; nothing is sent, nothing is recorded twice, a dry run stores nothing."""
from __future__ import annotations

import io
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

import pytest

from db.models import Checkin, Outbound, Referral
from mailer.cycle import start
from mailer.history_import import Progress, read_sent_introduction, run_import, sent_tracking
from tests.conftest import build_config, imap_inbox
from tests.harness import Harness, intro

SINCE = datetime(2025, 1, 1)
NOW = datetime(2025, 6, 1, 12, 0, tzinfo=timezone.utc)
START = datetime(2025, 1, 6, 9, 30, tzinfo=timezone.utc)


def past_intro(sender: str, i: int, when: datetime, tracker: str | None = None) -> bytes:
    """An introduction as it sits in the sender's Sent folder: usually without the tracking address."""
    msg = EmailMessage()
    msg["From"] = f"Marcus Bell <{sender}>"
    msg["To"] = f"Hannah Price{i} <hannah{i}@ceramics.example>, Dana Whitfield{i} <dana{i}@cpa.example>"
    if tracker:
        msg["Cc"] = tracker
    msg["Subject"] = f"Intro: Hannah <> Dana ({i})"
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<past-{i}@mail.example>"
    msg.set_content("Hi Hannah and Dana,\n\nHannah, meet Dana Whitfield, the accountant I mentioned. Dana has "
                    "done our taxes for years and is great.\n\nDana, Hannah is looking for help with her "
                    "bookkeeping.\n\nI'll let you two take it from here.\n\nMarcus\n")
    return msg.as_bytes()


def note(sender: str, to: str, i: int, when: datetime) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = f"Lunch on Friday? ({i})"
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<note-{i}@mail.example>"
    msg.set_content("Are you free for lunch on Friday?\n")
    return msg.as_bytes()


def sent_folder(user: str) -> list[bytes]:
    """200 past emails: 150 introductions since January, 10 older ones, 20 ordinary notes, and 20 that
    someone else sent (a shared mailbox) introducing people too."""
    mails = [past_intro(user, i, START + timedelta(hours=20 * i)) for i in range(150)]
    mails += [past_intro(user, 150 + i, datetime(2024, 6, 1, tzinfo=timezone.utc) + timedelta(days=i))
              for i in range(10)]
    mails += [note(user, f"friend{i}@example.com", i, START + timedelta(days=i)) for i in range(20)]
    mails += [past_intro("assistant@mail.example", 200 + i, START + timedelta(days=i)) for i in range(20)]
    return mails


def counts() -> tuple[int, int, int]:
    return Referral.select().count(), Outbound.select().count(), Checkin.select().count()


def test_a_sent_introduction_is_read_without_the_tracker_on_it(tmp_path):
    config = build_config(tmp_path, inbox={"kind": "maildir", "path": str(tmp_path / "in")},
                          outbox={"kind": "file", "path": str(tmp_path / "out")})
    parsed = read_sent_introduction(past_intro("marcus@mailbox.example", 1, START), sent_tracking(config))
    assert parsed.kind == "introduction", parsed.detail
    [found] = parsed.referrals
    assert found.referrer == "marcus@mailbox.example"
    assert set(found.parties) == {"hannah1@ceramics.example", "dana1@cpa.example"}


def test_import_from_a_real_imap_sent_folder_dry_run_then_real_then_again(dovecot, tmp_path):
    user = dovecot.new_user()
    with dovecot.client(user) as client:
        client.create_folder("Sent")
        for raw in sent_folder(user):
            client.append("Sent", raw)
    app = start(build_config(tmp_path, inbox=imap_inbox(dovecot, user),
                             outbox={"kind": "file", "path": str(tmp_path / "outbox")}))

    progress = io.StringIO()
    dry = run_import(app, folder="Sent", since=SINCE, dry_run=True, now=NOW, progress_stream=progress)
    assert (dry.scanned, dry.from_you, dry.introductions, dry.recorded, dry.already) == (190, 170, 150, 150, 0)
    assert counts() == (0, 0, 0)
    bars = progress.getvalue().splitlines()
    assert bars[-1] == f"[{'#' * 30}] 190/190 messages, 150 introductions"
    assert 5 <= len(bars) <= 12                                     # about every tenth, not every message

    real = run_import(app, folder="Sent", since=SINCE, dry_run=False, now=NOW, progress_stream=io.StringIO())
    assert (real.introductions, real.recorded, real.already) == (150, 150, 0)
    assert counts() == (150, 0, 0)                                   # no email, no check-ins
    first = Referral.select().order_by(Referral.introduced_at).first()
    assert first.historical and first.introduced_at == datetime(2025, 1, 6, 9, 30)
    assert first.referrer.email == user and first.mailbox == "track@example.test"

    again = run_import(app, folder="Sent", since=SINCE, dry_run=False, now=NOW, progress_stream=io.StringIO())
    assert (again.introductions, again.recorded, again.already) == (150, 0, 150)
    assert counts() == (150, 0, 0)
    assert dovecot.count(user, "Sent") == 200                        # the folder is untouched


def test_maildir_subfolder_and_an_intro_already_recorded_live(tmp_path):
    h = Harness(tmp_path)
    live = intro("Marcus Bell <marcus@mailbox.example>", "Dana Whitfield <dana@cpa.example>",
                 "Hannah Price <hannah@ceramics.example>", START, message_id="<live-1@mail.example>")
    h.deliver(live)
    h.cycle(START)
    assert Referral.select().count() == 1
    sent = tmp_path / "inbox" / ".Sent"
    for sub in ("new", "cur", "tmp"):
        (sent / sub).mkdir(parents=True)
    (sent / "cur" / "1.eml").write_bytes(live)                        # the same email, from the Sent side
    (sent / "cur" / "2.eml").write_bytes(past_intro("marcus@mailbox.example", 7, START))

    report = run_import(h.app, folder="Sent", since=SINCE, dry_run=False, now=NOW,
                        extra_from=["Marcus@Mailbox.example"], progress_stream=io.StringIO())

    assert (report.scanned, report.introductions, report.recorded, report.already) == (2, 2, 1, 1)
    assert Referral.select().where(Referral.historical == True).count() == 1  # noqa: E712


def test_import_needs_to_know_whose_mail_it_is(tmp_path):
    from mailer.sources import SourceError

    h = Harness(tmp_path)
    with pytest.raises(SourceError, match="--from"):
        run_import(h.app, folder="Sent", since=None, dry_run=True, now=NOW)


def test_progress_bar_redraws_in_place_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Tty()
    bar = Progress(4, out, width=8)
    for i in range(1, 5):
        bar.update(i, i // 2)
    bar.finish()
    assert out.getvalue() == ("\r[##......] 1/4 messages, 0 introductions\r[####....] 2/4 messages, 1 introductions"
                              "\r[######..] 3/4 messages, 1 introductions\r[########] 4/4 messages, 2 introductions\n")
