"""Real mail servers for tests: Dovecot (IMAP) from a generated config in a temp dir, and aiosmtpd
(SMTP) capturing what it receives. Nothing under /etc or /var is touched; two runs can coexist."""
from __future__ import annotations

import email
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from email.policy import default as default_policy
from pathlib import Path

import imapclient
from contextlib import contextmanager

DOVECOT_CONF = """\
protocols = imap
listen = 127.0.0.1
base_dir = {base}/run
state_dir = {base}/state
instance_name = {instance}
log_path = {base}/dovecot.log
info_log_path = {base}/dovecot.log
default_internal_user = {internal_user}
default_internal_group = {internal_group}
default_login_user = {login_user}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {base}/users
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {base}/users
  default_fields = uid={mail_uid} gid={mail_gid} home={base}/mail/%d/%n
}}
mail_location = maildir:~/Maildir
mail_fsync = never
namespace inbox {{
  inbox = yes
  separator = /
}}
recipient_delimiter = +
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
protocol imap {{
  mail_max_userip_connections = 500
}}
"""

PASSWORD = "secret-pw"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


class Dovecot:
    """One Dovecot instance with many ready-made users, so every test gets an empty mailbox."""

    def __init__(self, users: int = 200) -> None:
        self.base = Path(tempfile.mkdtemp(prefix="rl-dc-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
        os.chmod(self.base, 0o711)
        self.port = free_port()
        self.users = [f"u{i:03d}@example.test" for i in range(users)]
        self._next = 0
        self._lock = threading.Lock()
        self.proc: subprocess.Popen | None = None

    def start(self) -> "Dovecot":
        if os.geteuid() == 0:
            mail_uid = mail_gid = 65534
            internal_user, internal_group, login_user = "dovecot", "dovecot", "dovenull"
        else:
            import grp
            import pwd

            me = pwd.getpwuid(os.getuid()).pw_name
            mail_uid, mail_gid = os.getuid(), os.getgid()
            internal_user, internal_group, login_user = me, grp.getgrgid(os.getgid()).gr_name, me
        (self.base / "mail").mkdir()
        if os.geteuid() == 0:
            os.chown(self.base / "mail", mail_uid, mail_gid)
        (self.base / "users").write_text("".join(f"{u}:{{PLAIN}}{PASSWORD}::::::\n" for u in self.users))
        conf = self.base / "dovecot.conf"
        conf.write_text(DOVECOT_CONF.format(base=self.base, instance=f"rl{self.port}", port=self.port,
                                            mail_uid=mail_uid, mail_gid=mail_gid, internal_user=internal_user,
                                            internal_group=internal_group, login_user=login_user))
        self.proc = subprocess.Popen(["dovecot", "-F", "-c", str(conf)], start_new_session=True,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            wait_for_port(self.port)
        except RuntimeError:
            err = self.proc.stderr.read().decode(errors="replace") if self.proc.poll() is not None else ""
            raise RuntimeError(f"dovecot did not start: {err}") from None
        return self

    def restart(self) -> None:
        self.kill()
        self.proc = subprocess.Popen(["dovecot", "-F", "-c", str(self.base / "dovecot.conf")], start_new_session=True,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(self.port)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        self.kill()
        shutil.rmtree(self.base, ignore_errors=True)

    def new_user(self) -> str:
        with self._lock:
            user = self.users[self._next]
            self._next += 1
            return user

    def client(self, user: str) -> imapclient.IMAPClient:
        c = imapclient.IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=10)
        c.login(user, PASSWORD)
        return c

    def append(self, user: str, raw: bytes, folder: str = "INBOX") -> None:
        with self.client(user) as c:
            c.append(folder, raw)

    def multiappend(self, user: str, raws: list[bytes], folder: str = "INBOX") -> None:
        """Seed many messages fast (100 per MULTIAPPEND command)."""
        with self.client(user) as c:
            if not c.folder_exists(folder):
                c.create_folder(folder)
            for start in range(0, len(raws), 100):
                c.multiappend(folder, raws[start:start + 100])

    def recreate_folder(self, user: str, folder: str) -> None:
        """Delete a folder and create it again: a new UIDVALIDITY, and UIDs start over at 1."""
        with self.client(user) as c:
            if c.folder_exists(folder):
                c.delete_folder(folder)
            c.create_folder(folder)

    def uidvalidity(self, user: str, folder: str) -> int:
        with self.client(user) as c:
            return int(c.folder_status(folder, ["UIDVALIDITY"])[b"UIDVALIDITY"])

    def count(self, user: str, folder: str) -> int:
        with self.client(user) as c:
            if not c.folder_exists(folder):
                return 0
            return int(c.folder_status(folder, ["MESSAGES"])[b"MESSAGES"])


@dataclass
class Captured:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes

    @property
    def message(self) -> email.message.EmailMessage:
        return email.message_from_bytes(self.content, policy=default_policy)


@dataclass
class SmtpCapture:
    """An aiosmtpd handler that keeps every message and can answer chosen codes per recipient."""

    messages: list[Captured] = field(default_factory=list)
    # recipient -> list of replies to give in turn (e.g. ["451 try later", "250 OK"]); empty: accept
    script: dict[str, list[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            replies = self.script.get(address.lower())
            if replies:
                reply = replies.pop(0) if len(replies) > 1 else replies[0]
                if not reply.startswith("250"):
                    return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append(Captured(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content)))
        return "250 Message accepted for delivery"

    def reset(self) -> None:
        with self.lock:
            self.messages.clear()
            self.script.clear()

    def to(self, address: str) -> list[Captured]:
        with self.lock:
            return [m for m in self.messages if address.lower() in (r.lower() for r in m.rcpt_tos)]


class SmtpServer:
    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.handler = SmtpCapture()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def start(self) -> "SmtpServer":
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()


def postgres_reachable(admin_url: str) -> bool:
    import psycopg2

    try:
        psycopg2.connect(admin_url, connect_timeout=3).close()
        return True
    except Exception:  # noqa: BLE001 - any failure means: not usable here
        return False


@contextmanager
def scratch_postgres(admin_url: str, prefix: str = "rl_test_"):
    """A fresh PostgreSQL database for one test or benchmark, dropped afterwards; yields its URL."""
    import uuid

    import psycopg2

    name = f"{prefix}{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(admin_url)
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{admin_url.rsplit('/', 1)[0]}/{name}"
    finally:
        from db.models import database

        try:
            if database.obj is not None and not database.obj.is_closed():
                database.obj.close()
        except Exception:  # noqa: BLE001 - closing a connection to a database about to be dropped
            pass
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
