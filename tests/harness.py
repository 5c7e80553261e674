"""A small driver for workflow tests: a Maildir inbox, a file outbox and SQLite, all real and local,
with the clock in the test's hands. Tests read: deliver mail, run a cycle at a time, look at what went out."""
from __future__ import annotations

import email
import itertools
from datetime import datetime
from email.message import EmailMessage
from email.policy import default as default_policy
from email.utils import format_datetime, make_msgid
from pathlib import Path

from mailer.config import Config
from mailer.cycle import App, CycleReport, run_cycle, start
from tests.conftest import build_config

_counter = itertools.count(1)


class Harness:
    def __init__(self, tmp_path: Path, db_url: str | None = None, **sections) -> None:
        self.inbox = tmp_path / "inbox"
        for sub in ("new", "cur", "tmp"):
            (self.inbox / sub).mkdir(parents=True, exist_ok=True)
        self.outbox = tmp_path / "outbox"
        sections.setdefault("digest", {"enabled": False})   # monthly digests have their own tests
        self.config: Config = build_config(tmp_path, inbox={"kind": "maildir", "path": str(self.inbox)},
                                           outbox={"kind": "file", "path": str(self.outbox)}, db_url=db_url,
                                           **sections)
        self.app: App = start(self.config)
        self._seen: set[str] = set()

    def deliver(self, raw: bytes) -> None:
        (self.inbox / "new" / f"{next(_counter):06d}.eml").write_bytes(raw)

    def cycle(self, now: datetime) -> CycleReport:
        return run_cycle(self.app, now)

    def sent(self) -> list[EmailMessage]:
        """Mail that went out since the last call, oldest first."""
        out = []
        for path in sorted(self.outbox.glob("*.eml")) if self.outbox.exists() else []:
            if path.name in self._seen:
                continue
            self._seen.add(path.name)
            out.append(email.message_from_bytes(path.read_bytes(), policy=default_policy))
        return out


def text_of(msg: EmailMessage) -> str:
    return " ".join(msg.get_body(("plain",)).get_content().split())


def reply(to_msg: EmailMessage, sender: str, body: str, when: datetime, keep_plus: bool = True,
          quote: bool = True) -> bytes:
    """An answer to one of our emails, as a mail client writes it: threaded, quoting the original."""
    msg = EmailMessage()
    msg["From"] = sender
    target = to_msg["Reply-To"] or to_msg["From"]
    if not keep_plus:
        local, _, domain = str(target.addresses[0].addr_spec if hasattr(target, "addresses") else target).partition("@")
        target = f"{local.split('+')[0]}@{domain}"
    msg["To"] = str(target)
    msg["Subject"] = f"Re: {to_msg['Subject']}"
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = make_msgid(domain="client.example")
    msg["In-Reply-To"] = to_msg["Message-ID"]
    msg["References"] = to_msg["Message-ID"]
    quoted = ""
    if quote:
        original = to_msg.get_body(("plain",)).get_content()
        quoted = f"\n\nOn {format_datetime(when)}, Referloop wrote:\n" + "\n".join(
            "> " + line for line in original.splitlines())
    msg.set_content(body + quoted)
    return msg.as_bytes()


def intro(referrer: str, provider: str, contact: str, when: datetime, message_id: str | None = None,
          body: str | None = None, tracking: str = "track@example.test") -> bytes:
    """A plain introduction: the referrer introduces the contact to the provider, the tracker in Cc."""
    p_name, p_addr = email.utils.parseaddr(provider)
    c_name, c_addr = email.utils.parseaddr(contact)
    msg = EmailMessage()
    msg["From"] = referrer
    msg["To"] = f"{contact}, {provider}"
    msg["Cc"] = tracking
    msg["Subject"] = f"Intro: {c_name.split()[0]} <> {p_name.split()[0]}"
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = message_id or make_msgid(domain="mail.example")
    msg.set_content(body or (
        f"Hi {c_name.split()[0]} and {p_name.split()[0]},\n\n"
        f"{c_name.split()[0]}, meet {p_name}, the accountant I mentioned. {p_name.split()[0]} has done our "
        f"taxes for years and is great.\n\n"
        f"{p_name.split()[0]}, {c_name.split()[0]} is looking for help with her bookkeeping.\n\n"
        "I'll let you two take it from here.\n\nMarcus\n"))
    return msg.as_bytes()


def parse(raw: bytes) -> EmailMessage:
    return email.message_from_bytes(raw, policy=default_policy)
