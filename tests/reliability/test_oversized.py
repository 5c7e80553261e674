"""A message above inbox.max_bytes is quarantined from its RFC822.SIZE alone: never downloaded whole,
recorded with the reason, moved to the quarantine folder, and the mail after it still flows."""
from __future__ import annotations

import pytest

from db.models import InboundMessage, Referral
from mailer import imap_source
from mailer.cycle import run_cycle, start
from tests.conftest import build_config, imap_inbox, smtp_outbox
from tests.reliability.support import NOW, intros

pytestmark = pytest.mark.servers


def test_oversized_message_is_quarantined_without_download(dovecot, smtp, tmp_path, monkeypatch):
    user = dovecot.new_user()
    small = intros(2, tag="size")
    big = small[0].replace(b"Hi Alice", b"Hi Alice\n" + b"x" * 60_000)
    dovecot.multiappend(user, [big, small[1]])
    requested: list[tuple] = []
    original = imap_source.imapclient.IMAPClient.fetch

    def spy(self, messages, data, *args, **kwargs):
        requested.append((tuple(messages), tuple(data)))
        return original(self, messages, data, *args, **kwargs)

    monkeypatch.setattr(imap_source.imapclient.IMAPClient, "fetch", spy)
    config = build_config(tmp_path, inbox=imap_inbox(dovecot, user, max_bytes=20_000), outbox=smtp_outbox(smtp))
    run_cycle(start(config), NOW)

    bodies = [uids for uids, items in requested if "BODY.PEEK[]" in items]
    assert bodies == [(2,)]                                   # UID 1 (the big one) was never downloaded
    big_row = InboundMessage.get(InboundMessage.uid == "1")
    assert big_row.status == "quarantined" and big_row.raw is None
    assert "larger than inbox.max_bytes (20000)" in big_row.reason
    assert dovecot.count(user, "Referloop/Quarantine") == 1
    assert Referral.select().count() == 1 and dovecot.count(user, "Referloop/Processed") == 1
