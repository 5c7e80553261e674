"""IDLE on real Dovecot: the watcher picks new mail up within about a second (Dovecot's own notify
delay is 0.5 s) although its poll interval is an hour; without IDLE it polls every poll_interval."""
from __future__ import annotations

import threading
import time

import pytest

from db.models import Referral
from mailer import imap_source
from mailer.cycle import start
from mailer.daemon import watch_inbox
from tests.conftest import build_config, imap_inbox, smtp_outbox
from tests.reliability.support import intros, wait_for

pytestmark = pytest.mark.servers


def _watch(app):
    thread = threading.Thread(target=watch_inbox, args=(app, app.config.inbox), daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("idle", [True, False])
def test_new_mail_is_picked_up_promptly(dovecot, smtp, tmp_path, monkeypatch, idle):
    user = dovecot.new_user()
    if not idle:
        real_open = imap_source.ImapSource.open

        def open_without_idle(self):
            real_open(self)
            self.capabilities = tuple(c for c in self.capabilities if c != b"IDLE")

        monkeypatch.setattr(imap_source.ImapSource, "open", open_without_idle)
    app = start(build_config(tmp_path, inbox=imap_inbox(dovecot, user, poll_interval=3600 if idle else 1,
                                                        idle_seconds=3600), outbox=smtp_outbox(smtp)))
    thread = _watch(app)
    try:
        time.sleep(0.5)                     # the backlog pass is done; the watcher waits
        dovecot.append(user, intros(1, tag=f"idle{idle}")[0])
        started = time.monotonic()
        assert wait_for(lambda: len(smtp.handler.messages) == 1, timeout=10)
        took = time.monotonic() - started
    finally:
        app.stop.set()
        thread.join(timeout=10)
    assert Referral.select().count() == 1
    print(f"\n{'IDLE' if idle else 'polling every 1 s'}: acknowledged {took:.2f} s after the APPEND")
    assert took < (3.0 if idle else 4.0)
