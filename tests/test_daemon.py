"""``referloop run`` as a process: it picks up mail by itself and stops cleanly on SIGTERM."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from tests.conftest import FIXTURES, write_local_config


def wait_for(predicate, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_run_acknowledges_new_mail_and_stops_on_sigterm(tmp_path):
    write_local_config(tmp_path, inbox_extra="poll_interval = 1",
                       tail='[schedule]\nsend_window = "always"\ndue_interval = 1')
    proc = subprocess.Popen([sys.executable, "-m", "mailer.cli", "run"], cwd=tmp_path,
                            env={**os.environ, "PYTHONPATH": str(FIXTURES.parents[1])},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        (tmp_path / "inbox" / "new" / "intro.eml").write_bytes(
            (FIXTURES / "e2e" / "intro_accountant_cc_tracker.eml").read_bytes())
        assert wait_for(lambda: any((tmp_path / "outbox").glob("*acknowledgement.eml"))), proc.stderr
        started = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        assert time.monotonic() - started < 10
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "stopped" in proc.stderr.read()
