"""Dovecot restarted under a working daemon thread: it reconnects with backoff, logs the outage once
(not per attempt), and every introduction ends up recorded and acknowledged once."""
from __future__ import annotations

import logging
import threading

import pytest

from db.models import Referral
from mailer.cycle import start
from mailer.daemon import watch_inbox
from tests.conftest import build_config, imap_inbox, smtp_outbox
from tests.reliability.support import in_reply_to, intros, wait_for

pytestmark = pytest.mark.servers


def test_dovecot_restart_mid_run(dovecot, smtp, tmp_path, caplog):
    user = dovecot.new_user()
    mail = intros(80, tag="dr")
    dovecot.multiappend(user, mail[:60])
    app = start(build_config(tmp_path, inbox=imap_inbox(dovecot, user, batch_size=10, idle_seconds=2, timeout=3),
                             outbox=smtp_outbox(smtp, max_per_minute=100000)))
    caplog.set_level(logging.INFO, logger="referloop")
    thread = threading.Thread(target=watch_inbox, args=(app, app.config.inbox), daemon=True)
    thread.start()
    try:
        assert wait_for(lambda: Referral.select().count() >= 10, timeout=30)
        dovecot.kill()
        assert wait_for(lambda: "unavailable" in caplog.text, timeout=15)
        app.stop.wait(2.0)                   # a few reconnect attempts fail while it is down
        dovecot.restart()
        dovecot.multiappend(user, mail[60:])
        assert wait_for(lambda: len(smtp.handler.messages) >= 80, timeout=60), caplog.text[-2000:]
    finally:
        app.stop.set()
        thread.join(timeout=15)
    outages = [r for r in caplog.records if "unavailable" in r.getMessage()]
    back = [r for r in caplog.records if "back after" in r.getMessage()]
    print(f"\ndovecot restart: outage logged {len(outages)} time(s); {back[0].getMessage() if back else ''}")
    assert Referral.select().count() == 80
    assert len(in_reply_to(smtp.handler.messages)) == 80 and len(smtp.handler.messages) == 80
    assert len(outages) == 1 and len(back) == 1
    assert dovecot.count(user, "INBOX") == 0
