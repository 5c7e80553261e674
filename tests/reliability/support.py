"""Helpers for the reliability tests: many distinct introductions, a daemon config file, the daemon as
a subprocess, and counting what reached the SMTP server."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from tests.conftest import ROOT, SECRET
from tests.harness import intro
from tests.servers import PASSWORD

NOW = datetime(2025, 1, 14, 19, 0, tzinfo=timezone.utc)


def intros(count: int, tracking: str = "track@example.test", tag: str = "r") -> list[bytes]:
    """``count`` distinct introductions, each from its own referrer (so no per-sender limit applies)."""
    return [intro(f"Marcus Lee{i} <marcus.{tag}{i}@mailbox.example>", f"Bob Ruiz <bob.{tag}{i}@ruizcpa.example>",
                  f"Alice Ng <alice.{tag}{i}@ngstudio.example>", NOW,
                  message_id=f"<intro-{tag}-{i}@mailbox.example>", tracking=tracking)
            for i in range(count)]


def daemon_config(path: Path, *, imap_port: int, user: str, smtp_port: int, db_url: str,
                  folder: str = "INBOX", extra_inbox: str = "", extra_outbox: str = "") -> Path:
    path.write_text(f"""
[tracking]
address = "track@example.test"
secret = "{SECRET}"
[inbox]
kind = "imap"
host = "127.0.0.1"
port = {imap_port}
security = "none"
username = "{user}"
password = "{PASSWORD}"
address = "track@example.test"
folder = "{folder}"
poll_interval = 1
idle_seconds = 5
timeout = 5
batch_size = 25
failover_seconds = 3
{extra_inbox}
[outbox]
kind = "smtp"
host = "127.0.0.1"
port = {smtp_port}
security = "none"
password = "unused"
timeout = 2
max_per_minute = 100000
batch_size = 20
{extra_outbox}
[database]
url = "{db_url}"
[schedule]
send_window = "always"
due_interval = 1
""")
    path.chmod(0o600)
    return path


def start_daemon(config: Path, log: Path) -> subprocess.Popen:
    """``python -m mailer.cli --config X run`` in its own session, logging to a file."""
    handle = open(log, "ab")
    return subprocess.Popen([sys.executable, "-m", "mailer.cli", "--config", str(config), "run"],
                            cwd=config.parent, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=handle, stderr=handle, start_new_session=True)


def wait_for(predicate, timeout: float = 60.0, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def message_ids(captured) -> Counter:
    """How often each Message-ID reached the SMTP server."""
    return Counter(str(m.message["Message-ID"]).strip().lower() for m in captured)


def in_reply_to(captured) -> Counter:
    """How often each introduction was answered (acknowledgements thread to it)."""
    return Counter(str(m.message["In-Reply-To"]).strip().lower() for m in captured if m.message["In-Reply-To"])
