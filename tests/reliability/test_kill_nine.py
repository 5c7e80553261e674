"""kill -9 at random points while the daemon works through 500 introductions, restarted each time:
no referral lost or doubled, no email doubled at the SMTP server, and none missing except one a kill
caught between its handover mark and its final dot (recorded as sent without confirmation).

Why it holds: mail is stored with its cursor in one transaction, processed from stored rows (the
workflow commits the referral, its acknowledgement and the row's status together), moved last; each
email's result is committed the moment the server answered, and claims left by the dead process are
released at start (SQLite means one instance). No message is set aside as one that kills the process:
a death in a group charges none of its messages, and a message cut off alone goes behind the others.
"""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import time

import pytest

from tests.reliability.support import daemon_config, in_reply_to, intros, message_ids, start_daemon, wait_for

pytestmark = pytest.mark.servers

INTROS = 500
KILLS = 20


def _count(db_path, sql: str) -> int:
    if not db_path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:   # schema not created yet
        return 0


def _state(db_path) -> str:
    """What is left undone, for a failure message."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5) as conn:
        inbound = conn.execute("SELECT status, moved, attempts, COUNT(*) FROM inbound_message "
                               "GROUP BY status, moved, attempts").fetchall()
        outbound = conn.execute("SELECT status, COUNT(*) FROM outbound GROUP BY status").fetchall()
        referrals = conn.execute("SELECT COUNT(*) FROM referral").fetchone()[0]
        reasons = conn.execute("SELECT reason FROM inbound_message WHERE status != 'done' LIMIT 5").fetchall()
    return (f"referrals {referrals}; inbound (status, moved, attempts, n) {inbound}; outbound {outbound}; "
            f"reasons {reasons}\n")


def test_kill_nine_twenty_times_loses_and_doubles_nothing(dovecot, smtp, tmp_path):
    user = dovecot.new_user()
    dovecot.multiappend(user, intros(INTROS, tag="k"))
    db_path = tmp_path / "referloop.db"
    config = daemon_config(tmp_path / "referloop.toml", imap_port=dovecot.port, user=user, smtp_port=smtp.port,
                           db_url=f"sqlite:///{db_path}")
    rng = random.Random(9)

    def progress() -> int:
        return _count(db_path, "SELECT COUNT(*) FROM referral") + len(smtp.handler.messages)

    def all_done() -> bool:
        """Nothing left to do: every message stored, handled and moved, and no email waiting to go."""
        return (_count(db_path, "SELECT COUNT(*) FROM referral") >= INTROS
                and _count(db_path, "SELECT COUNT(*) FROM inbound_message WHERE moved = 0") == 0
                and _count(db_path, "SELECT COUNT(*) FROM outbound WHERE status IN "
                                    "('queued', 'sending', 'handing_over')") == 0)

    kills_at: list[int] = []
    for _ in range(KILLS):
        before = progress()
        proc = start_daemon(config, tmp_path / "daemon.log")
        try:
            # Kill only after some progress since the last kill, so the kills spread over the run (a
            # finished run has nothing left to progress: then the remaining kills come straight away).
            wait_for(lambda: progress() > before or all_done() or proc.poll() is not None, timeout=30, step=0.01)
            assert proc.poll() is None, (tmp_path / "daemon.log").read_text()[-3000:]
            time.sleep(rng.uniform(0.0, 0.3))
        finally:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        kills_at.append(progress())

    proc = start_daemon(config, tmp_path / "daemon.log")
    try:
        finished = wait_for(all_done, timeout=120)
        time.sleep(1.0)   # anything doubled would arrive now
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    assert finished, _state(db_path) + (tmp_path / "daemon.log").read_text()[-3000:]

    referrals = _count(db_path, "SELECT COUNT(*) FROM referral")
    distinct = _count(db_path, "SELECT COUNT(DISTINCT thread_id) FROM referral")
    ids = message_ids(smtp.handler.messages)
    answered = in_reply_to(smtp.handler.messages)
    doubled_mail = sum(n - 1 for n in ids.values() if n > 1)
    quarantined = _count(db_path, "SELECT COUNT(*) FROM inbound_message WHERE status = 'quarantined'")
    unconfirmed = _count(db_path, "SELECT COUNT(*) FROM outbound WHERE last_error LIKE 'sent without%'")
    most_attempts = _count(db_path, "SELECT MAX(attempts) FROM inbound_message")
    # SMTP cannot make a kill between an email's handover mark and its final dot harmless both ways: the
    # outbox never sends twice, so such an email (at most one per kill) is recorded as sent without
    # confirmation and is missing at the server. Anything else missing is a bug.
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        unconfirmed_ids = {f"<{row[0]}>" for row in conn.execute(
            "SELECT message_id FROM outbound WHERE last_error LIKE 'sent without%'")}
    lost = unconfirmed_ids - set(ids)
    print(f"\nkill -9: {len(kills_at)} kills at progress {kills_at}; referrals {referrals} "
          f"(distinct intros {distinct}), emails {len(smtp.handler.messages)}, doubled emails {doubled_mail}, "
          f"quarantined {quarantined} (most attempts on one message {most_attempts}), "
          f"sent-unconfirmed after a kill {unconfirmed}, lost at a kill {len(lost)}")
    assert len(kills_at) == KILLS
    assert referrals == distinct == INTROS and quarantined == 0  # 0 lost, 0 doubled, none set aside
    assert doubled_mail == 0 and len(lost) <= 2                # never twice; at most the email on the wire
    assert len(ids) + len(lost) == INTROS                      # every other acknowledgement arrived
    assert len(answered) + len(lost) == INTROS and set(answered.values()) == {1}
    assert dovecot.count(user, "INBOX") == 0
    assert dovecot.count(user, "Referloop/Processed") == INTROS
