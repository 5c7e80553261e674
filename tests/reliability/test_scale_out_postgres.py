"""Several ``referloop run`` processes on one PostgreSQL database: one poller per mailbox (advisory
lock, taken over when the holder dies), outbox rows and due check-ins claimed with SKIP LOCKED."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from datetime import timedelta

import psycopg2
import pytest

from db import claims
from db.connection import make_database
from db.locks import mailbox_lock
from db.models import Checkin
from db.outbox import HANDOVER_UNCONFIRMED
from tests.harness import Harness
from tests.reliability.support import NOW, daemon_config, in_reply_to, intros, message_ids, start_daemon, wait_for

pytestmark = pytest.mark.servers
INTROS = 1000


def _count(url: str, sql: str) -> int:
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute(sql)
        return int(cur.fetchone()[0])


def _lock_holder_pid(url: str) -> int | None:
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                    "WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE 'referloop-lock%%' "
                    "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())")
        row = cur.fetchone()
    return int(re.search(r"pid=(\d+)", row[0]).group(1)) if row else None


def _lost(url: str, smtp) -> set[str]:
    """Emails the killed instance had marked as handed over that never reached the server. SMTP cannot
    make a kill between that mark's commit and the final dot harmless both ways; the outbox chooses
    never to send twice, so at most the one email on the killed instance's wire can be missing, and it
    is recorded as sent without confirmation."""
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute("SELECT message_id FROM outbound WHERE last_error = %s", (HANDOVER_UNCONFIRMED,))
        unconfirmed = {f"<{row[0]}>" for row in cur.fetchall()}
    return unconfirmed - set(message_ids(smtp.handler.messages))


def _state(url: str, smtp, tmp_path) -> str:
    """What a stalled run looks like, for the failure message: the queues and each daemon's last lines."""
    lines = [f"SMTP server received {len(smtp.handler.messages)}"]
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        for sql in ("SELECT status, attempts, moved, COUNT(*) FROM inbound_message GROUP BY 1, 2, 3",
                    "SELECT status, COUNT(*), MIN(last_error) FROM outbound GROUP BY 1"):
            cur.execute(sql)
            lines.append(f"{sql}: {cur.fetchall()}")
    for log in sorted(tmp_path.glob("i*/daemon.log")):
        lines.append(f"--- {log.parent.name}: " + " | ".join(log.read_text(errors="replace").splitlines()[-8:]))
    return "\n".join(lines)


def test_the_lock_passes_to_another_instance_when_the_holder_dies(pg_url):
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; sys.path.insert(0, '.');"
        "from db.connection import make_database; from db.locks import mailbox_lock;"
        f"l = mailbox_lock(make_database('{pg_url}'), 'imap://box', 3); assert l.acquire();"
        "print('held', flush=True); time.sleep(60)")], stdout=subprocess.PIPE, text=True,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    try:
        assert holder.stdout.readline().strip() == "held"
        other = mailbox_lock(make_database(pg_url), "imap://box", 3)
        assert not other.acquire()
        assert mailbox_lock(make_database(pg_url), "imap://another-box", 3).acquire()
        holder.kill()
        started = time.monotonic()
        assert wait_for(other.acquire, timeout=3, step=0.2)
        print(f"\nadvisory lock taken over {time.monotonic() - started:.2f} s after kill -9 of the holder")
        assert other.held()
        other.release()
    finally:
        holder.kill()
        holder.wait()


def test_due_checkins_are_claimed_once(pg_url, tmp_path):
    h = Harness(tmp_path, db_url=pg_url)
    for raw in intros(3, tag="ci"):
        h.deliver(raw)
    h.cycle(NOW)
    db = h.app.db
    later = NOW + timedelta(days=15)
    ids = claims.due_checkin_ids(db, later)
    assert len(ids) == 6
    other = psycopg2.connect(pg_url)
    try:
        with other.cursor() as cur:      # another instance is working on the first check-in right now
            cur.execute("SELECT id FROM checkin WHERE id = %s FOR UPDATE", (ids[0],))
            with claims.claimed_checkin(db, ids[0]) as locked:
                assert locked is None
            assert ids[0] not in claims.due_checkin_ids(db, later)
        other.rollback()
    finally:
        other.close()
    with claims.claimed_checkin(db, ids[1]) as locked:
        assert locked is not None
        locked.status = "sent"
        locked.save()
    with claims.claimed_checkin(db, ids[1]) as again:   # already sent by the first claimer
        assert again is None
    assert Checkin.get_by_id(ids[1]).status == "sent"


def test_three_instances_one_mailbox_one_killed(dovecot, smtp, pg_url, tmp_path):
    user = dovecot.new_user()
    dovecot.multiappend(user, intros(INTROS, tag="pg"))
    procs = []
    for i in range(3):
        (tmp_path / f"i{i}").mkdir()
        config = daemon_config(tmp_path / f"i{i}" / "referloop.toml", imap_port=dovecot.port, user=user,
                               smtp_port=smtp.port, db_url=pg_url)
        procs.append(start_daemon(config, tmp_path / f"i{i}" / "daemon.log"))
        if i == 0:   # the first creates the schema; the others start against it
            assert wait_for(lambda: _lock_holder_pid(pg_url) is not None, timeout=30)
    started = time.monotonic()
    try:
        assert wait_for(lambda: _count(pg_url, "SELECT COUNT(*) FROM referral") >= INTROS // 3, timeout=60)
        victim_pid = _lock_holder_pid(pg_url)
        victim = next(p for p in procs if p.pid == victim_pid)
        os.killpg(victim.pid, signal.SIGKILL)
        victim.wait(timeout=10)
        killed_at = _count(pg_url, "SELECT COUNT(*) FROM referral")
        assert wait_for(lambda: len(smtp.handler.messages) + len(_lost(pg_url, smtp)) >= INTROS
                        and _count(pg_url, "SELECT COUNT(*) FROM inbound_message WHERE moved = false") == 0,
                        timeout=120), _state(pg_url, smtp, tmp_path)
        took = time.monotonic() - started
        time.sleep(1.0)
    finally:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in procs:
            p.wait(timeout=30)
    survivor_logs = "".join((tmp_path / f"i{i}" / "daemon.log").read_text() for i in range(3))
    referrals = _count(pg_url, "SELECT COUNT(*) FROM referral")
    distinct = _count(pg_url, "SELECT COUNT(DISTINCT thread_id) FROM referral")
    ids = message_ids(smtp.handler.messages)
    doubled = sum(n - 1 for n in ids.values() if n > 1)
    lost = _lost(pg_url, smtp)
    print(f"\nscale-out: 3 instances, {INTROS} introductions, lock holder killed at {killed_at} referrals; "
          f"referrals {referrals} (distinct {distinct}), emails {len(smtp.handler.messages)}, doubled {doubled}, "
          f"lost at the kill {len(lost)}, took over: {'taking over polling' in survivor_logs}, {took:.1f} s")
    assert referrals == distinct == INTROS
    assert doubled == 0 and len(lost) <= 1
    assert len(ids) + len(lost) == INTROS and len(in_reply_to(smtp.handler.messages)) + len(lost) == INTROS
    assert "taking over polling" in survivor_logs
    assert dovecot.count(user, "INBOX") == 0
