"""``referloop demo``: the whole loop on bundled sample mail, with a simulated clock and a transcript of
every email the service sends. It uses the real pipeline (Maildir in, .eml files out, SQLite), only the
clock is simulated, and people's answers are written by the demo the way a mail client would."""
from __future__ import annotations

import email
import tempfile
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.policy import default as default_policy
from email.utils import format_datetime, make_msgid
from importlib import resources
from pathlib import Path
from typing import TextIO

from .config import from_dict
from .cycle import App, run_cycle, start

DAY0 = datetime(2025, 1, 13, 19, 0, tzinfo=timezone.utc)
TRACKING = "track@referloop.example"
ANSWERS = {
    "bob@ruizcpa.example": "Hi! Alice signed on yesterday: monthly bookkeeping plus her return, $4,500 for the year.",
    "alice@ngstudio.example": "We met last week and it went well, thanks for checking in.",
    "carlos@reyesplumbing.example": "Stop",
}


class Transcript:
    def __init__(self, out: TextIO, outbox: Path) -> None:
        self.out, self.outbox, self.seen = out, outbox, set()

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def new_mail(self) -> list[EmailMessage]:
        found = []
        for path in sorted(self.outbox.glob("*.eml")) if self.outbox.exists() else []:
            if path.name not in self.seen:
                self.seen.add(path.name)
                found.append(email.message_from_bytes(path.read_bytes(), policy=default_policy))
        return found

    def show_sent(self) -> list[EmailMessage]:
        mail = self.new_mail()
        if not mail:
            self.say("   (nothing sent)")
        for msg in mail:
            self.say(f"   -> To: {msg['To']}")
            self.say(f"      Subject: {msg['Subject']}")
            if msg["Reply-To"]:
                self.say(f"      Reply-To: {msg['Reply-To']}")
            body = msg.get_body(("plain",)).get_content().strip().splitlines()
            links = sum(1 for line in body if "mailto:" in line)
            for line in body:
                if line.strip() == "--":
                    break
                if "mailto:" in line or line.strip() == "Or tap one of these:":
                    continue
                if line.strip():
                    self.say(f"      | {line.rstrip()[:100]}")
            if links:
                self.say(f"      | ({links} one-tap answer links: mailto:{msg['Reply-To']}?body=...)")
            self.say()
        return mail


def _answer(to_msg: EmailMessage, text: str, when: datetime) -> bytes:
    msg = EmailMessage()
    msg["From"] = to_msg["To"]
    msg["To"] = to_msg["Reply-To"]
    msg["Subject"] = f"Re: {to_msg['Subject']}"
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = make_msgid(domain="client.example")
    msg["In-Reply-To"] = to_msg["Message-ID"]
    msg["References"] = to_msg["Message-ID"]
    quoted = "\n".join("> " + line for line in to_msg.get_body(("plain",)).get_content().splitlines())
    msg.set_content(f"{text}\n\nOn {to_msg['Date']}, Referloop wrote:\n{quoted}\n")
    return msg.as_bytes()


def _app(base: Path) -> App:
    for sub in ("new", "cur", "tmp"):
        (base / "inbox" / sub).mkdir(parents=True, exist_ok=True)
    config = from_dict({
        "tracking": {"address": TRACKING, "secret": "demo-secret-not-for-production"},
        "inbox": {"kind": "maildir", "path": "inbox"},
        "outbox": {"kind": "file", "path": "outbox"},
        "database": {"url": "sqlite:///referloop.db"},
        "schedule": {"send_window": "always"},
    }, path=str(base / "demo.toml"), env={}, base_dir=str(base))
    return start(config)


def run_demo(keep_dir: Path | None = None, out: TextIO | None = None) -> int:
    import sys

    out = out or sys.stdout
    # The folder is kept so the rendered digest and the .eml files can be opened afterwards.
    base = Path(keep_dir) if keep_dir else Path(tempfile.mkdtemp(prefix="referloop-demo-"))
    base.mkdir(parents=True, exist_ok=True)
    app = _app(base)
    t = Transcript(out, base / "outbox")
    inbox_new = base / "inbox" / "new"

    t.say(f"referloop demo: tracking address {TRACKING}; files in {base}")
    t.say()
    samples = sorted(p for p in resources.files("mailer").joinpath("samples").iterdir() if p.name.endswith(".eml"))
    t.say(f"== Day 0: {len(samples)} emails arrive at {TRACKING}")
    for i, sample in enumerate(samples):
        raw = sample.read_bytes()
        msg = email.message_from_bytes(raw, policy=default_policy)
        t.say(f"   <- From: {msg['From']}  Subject: {msg['Subject']}")
        (inbox_new / f"demo-{i}.eml").write_bytes(raw)
    report = run_cycle(app, DAY0)
    t.say(f"   cycle: {report.line()}")
    from db.models import InboundMessage

    for row in InboundMessage.select().order_by(InboundMessage.id):
        t.say(f"   #{row.id} {row.kind or '-'}: {row.reason}")
    t.say()
    t.show_sent()

    day14 = DAY0 + timedelta(days=14)
    t.say("== Day 14: check-ins fall due")
    run_cycle(app, day14)
    checkins = t.show_sent()

    day15 = DAY0 + timedelta(days=15)
    t.say("== Day 15: people answer their check-ins")
    for i, msg in enumerate(checkins):
        to = msg["To"].addresses[0].addr_spec
        if to in ANSWERS and msg["Reply-To"]:
            t.say(f"   <- {to}: {ANSWERS[to]!r}")
            (inbox_new / f"answer-{i}.eml").write_bytes(_answer(msg, ANSWERS[to], day15))
    run_cycle(app, day15)
    t.show_sent()

    day28 = DAY0 + timedelta(days=28)
    t.say("== Day 28: the second check-in, only where the referral is still open")
    run_cycle(app, day28)
    t.show_sent()

    day42 = DAY0 + timedelta(days=42)
    t.say("== Day 42: the cadence has run out")
    run_cycle(app, day42)
    t.show_sent()

    from db.queries import referral_rows

    t.say("== Referrals")
    for row in referral_rows():
        amount = f" {row['amount']:,.0f} {row['currency']}" if row["amount"] is not None else ""
        t.say(f"   #{row['id']} {row['kind']:<12} {row['status']:<12} {row['referrer']} -> "
              f"{row['contact'] or '(contact not on the email)'} to {row['provider'] or ', '.join(row['parties'])}"
              f" [{row['category'] or '-'}]{amount}")
    t.say()
    from db.digest import render_digest_html
    from db.ledger import ledger_for_email

    from .ledger_commands import format_ledger

    for address in ("marcus@bellprint.example", "bob@ruizcpa.example"):
        t.say(f"== Ledger of {address}")
        for line in format_ledger(ledger_for_email(address)).splitlines():
            t.say(f"   {line}")
        t.say()
    digest = base / "digest-marcus.html"
    render_digest_html(app.workflow, "marcus@bellprint.example", DAY0 + timedelta(days=20), digest)
    t.say(f"== Marcus's monthly digest, rendered to {digest} (open it in a browser)")
    return 0
