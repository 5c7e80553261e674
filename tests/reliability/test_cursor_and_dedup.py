"""Cursor and dedup on real Dovecot: the same message under two UIDs, a folder recreated (new
UIDVALIDITY, UIDs reused), and mail that is neither lost nor done twice; several mailboxes in one
deployment, each with its own address."""
from __future__ import annotations

import pytest

from db.models import InboundMessage, Mailbox, Referral
from mailer.cycle import run_cycle, start
from tests.conftest import build_config, imap_inbox, smtp_outbox
from tests.reliability.support import NOW, in_reply_to, intros

pytestmark = pytest.mark.servers


def test_same_message_under_two_uids_is_one_referral(dovecot, smtp, tmp_path):
    user = dovecot.new_user()
    [raw] = intros(1, tag="twice")
    dovecot.append(user, raw)
    dovecot.append(user, raw)
    app = start(build_config(tmp_path, inbox=imap_inbox(dovecot, user), outbox=smtp_outbox(smtp)))
    report = run_cycle(app, NOW)
    assert (report.fetched, report.moved) == (2, 2)
    assert Referral.select().count() == 1
    assert len(smtp.handler.messages) == 1
    assert dovecot.count(user, "Referloop/Processed") == 2 and dovecot.count(user, "INBOX") == 0
    assert [r.reason.startswith("duplicate of") for r in InboundMessage.select().order_by(InboundMessage.id)] \
        == [False, True]


def test_recreated_folder_rescans_safely(dovecot, smtp, tmp_path):
    """Keyed on UID alone, the second message (UID 1 again) would be skipped; keyed on nothing, the first
    would be recorded twice."""
    user = dovecot.new_user()
    first, second = intros(2, tag="uv")
    dovecot.multiappend(user, [first], folder="Watched")
    app = start(build_config(tmp_path, inbox=imap_inbox(dovecot, user, folder="Watched"), outbox=smtp_outbox(smtp)))
    run_cycle(app, NOW)
    validity = Mailbox.get().uidvalidity

    dovecot.recreate_folder(user, "Watched")
    dovecot.multiappend(user, [second, first], folder="Watched")   # UIDs 1 and 2 again
    assert dovecot.uidvalidity(user, "Watched") != validity
    report = run_cycle(app, NOW)

    assert report.fetched == 2
    assert Mailbox.get().uidvalidity == dovecot.uidvalidity(user, "Watched")
    assert Referral.select().count() == 2
    assert set(in_reply_to(smtp.handler.messages).values()) == {1} and len(smtp.handler.messages) == 2
    assert dovecot.count(user, "Watched") == 0


def test_mail_arriving_after_the_cursor_is_fetched_and_seen_flags_do_not_matter(dovecot, smtp, tmp_path):
    user = dovecot.new_user()
    batch = intros(7, tag="cur")
    dovecot.multiappend(user, batch[:3])
    app = start(build_config(tmp_path, inbox=imap_inbox(dovecot, user, batch_size=2), outbox=smtp_outbox(smtp)))
    assert run_cycle(app, NOW).fetched == 3
    with dovecot.client(user) as c:   # a person reads the new mail before we get to it
        c.select_folder("INBOX")
        c.append("INBOX", batch[3], flags=[b"\\Seen"])
        c.multiappend("INBOX", batch[4:])
    assert run_cycle(app, NOW).fetched == 4
    assert Referral.select().count() == 7 and len(smtp.handler.messages) == 7
    assert run_cycle(app, NOW).fetched == 0


def test_two_mailboxes_in_one_deployment(dovecot, smtp, tmp_path):
    north, south = dovecot.new_user(), dovecot.new_user()
    dovecot.append(north, intros(1, tracking=north, tag="n")[0])
    dovecot.append(south, intros(1, tracking=south, tag="s")[0])
    config = build_config(tmp_path, inbox=[imap_inbox(dovecot, north, address=north),
                                           imap_inbox(dovecot, south, address=south)], outbox=smtp_outbox(smtp))
    report = run_cycle(start(config), NOW)
    assert report.errors == [] and report.fetched == 2
    assert sorted(r.mailbox for r in Referral.select()) == sorted([north, south])
    assert dovecot.count(north, "Referloop/Processed") == dovecot.count(south, "Referloop/Processed") == 1
