"""Importing past introductions from the user's own mail (``referloop import --folder Sent``).

In the user's Sent folder the tracking address is usually *not* on the mail (that is why it is history),
but the parser only reads introductions addressed to a tracking address. Rather than a second parser,
:func:`read_sent_introduction` gives the message a synthetic envelope recipient (``X-Original-To``, the
header a BCC'd copy carries) on a reserved ``.invalid`` domain that is added to the tracking addresses,
then runs the normal :func:`parsers.parse_message`. So the same classification order applies (auto
replies, answers to our check-ins and commands are not introductions) and the same people are found.
Only messages *from* the user count: the configured inbox username, its ``tracking.aliases``, and any
``--from`` address.

Nothing is sent and nothing on the server changes: the folder is opened read-only and fetched with
``BODY.PEEK[]``. Referrals are recorded with ``historical=True`` (dated by the message, no check-ins),
under the inbox's tracking address and the message's Message-ID, the same dedup key the live path uses:
re-running the import, or importing a message that was also copied to the tracker, adds nothing twice.
``--dry-run`` does the same work inside transactions that are rolled back, so its counts are exact.
"""
from __future__ import annotations

import mailbox
import socket
import ssl
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

from imapclient.exceptions import IMAPClientError

from db.inbox import message_key
from db.models import naive
from parsers import ParsedMessage, Tracking, parse_message

from .config import Config, InboxConfig
from .imap_source import connect
from .sources import SourceError

SYNTHETIC_ADDRESS = "referloop-history@import.invalid"
FETCH_CHUNK = 50


# ---------------------------------------------------------------------------------------------- parsing
def sent_tracking(config: Config) -> Tracking:
    """The deployment's tracking addresses plus the synthetic one every imported message is 'sent' to."""
    return Tracking((SYNTHETIC_ADDRESS,) + config.all_addresses, tuple(config.categories.items()))


def read_sent_introduction(raw: bytes, tracking: Tracking) -> ParsedMessage:
    """Parse one message from the user's own mail as if the tracker had been copied (pure)."""
    newline = b"\r\n" if b"\r\n" in raw[:2000] else b"\n"
    return parse_message(b"X-Original-To: " + SYNTHETIC_ADDRESS.encode() + newline + raw, tracking)


def own_addresses(config: Config, inbox: InboxConfig, extra: list[str] | None = None) -> set[str]:
    """The addresses that are the user: the inbox login (when it is an address), its aliases, ``--from``."""
    own = {a.strip().lower() for a in (extra or []) if "@" in a}
    if "@" in inbox.username:
        own.add(inbox.username.strip().lower())
    for key, aliases in config.tracking.aliases.items():
        group = {key.lower(), *(a.lower() for a in aliases)}
        if group & own:
            own |= group
    return own


# ---------------------------------------------------------------------------------------------- reading
@dataclass(frozen=True)
class Folder:
    """Messages of one folder: how many, and an iterator of their bytes (None when too large)."""

    total: int
    messages: Iterator[bytes | None]


def imap_folder(inbox: InboxConfig, folder: str, since: datetime | None) -> tuple[Folder, object]:
    """Open ``folder`` read-only with the inbox's connection settings; returns the folder and the client
    (to log out of when done)."""
    try:
        client = connect(inbox)
        if not client.folder_exists(folder):
            client.logout()
            raise SourceError(f"IMAP {inbox.host}: no folder {folder!r}")
        client.select_folder(folder, readonly=True)
        criteria = ["SENTSINCE", since.date()] if since else ["ALL"]
        uids = sorted(client.search(criteria))
        sizes = {uid: int(data.get(b"RFC822.SIZE", 0))
                 for uid, data in (client.fetch(uids, ["RFC822.SIZE"]).items() if uids else [])}
    except IMAPClientError as exc:
        raise SourceError(f"IMAP {inbox.host}:{inbox.port}: {str(exc)[:200]}") from None
    except (OSError, socket.timeout, ssl.SSLError) as exc:
        raise SourceError(f"IMAP {inbox.host}:{inbox.port}: cannot connect: {exc}") from None

    def messages() -> Iterator[bytes | None]:
        for start in range(0, len(uids), FETCH_CHUNK):
            chunk = uids[start:start + FETCH_CHUNK]
            small = [u for u in chunk if sizes.get(u, 0) <= inbox.max_bytes]
            try:
                bodies = client.fetch(small, ["BODY.PEEK[]"]) if small else {}
            except (IMAPClientError, OSError) as exc:
                raise SourceError(f"IMAP fetch failed: {str(exc)[:200]}") from None
            for uid in chunk:
                yield bodies[uid].get(b"BODY[]") if uid in bodies else None

    return Folder(len(uids), messages()), client


def maildir_folder(path: Path, folder: str) -> Folder:
    """A Maildir++ subfolder (``Sent`` is ``.Sent`` beside the inbox's new/ and cur/)."""
    try:
        box = mailbox.Maildir(str(path), create=False).get_folder(folder.replace("/", "."))
    except (mailbox.NoSuchMailboxError, FileNotFoundError):
        raise SourceError(f"maildir {path}: no folder {folder!r}") from None
    keys = sorted(box.keys())
    return Folder(len(keys), (box.get_bytes(k) for k in keys))


# ---------------------------------------------------------------------------------------------- progress
class Progress:
    """A plain text bar on stderr; on a terminal it redraws in place, elsewhere it prints every 10%."""

    def __init__(self, total: int, stream: TextIO | None = None, width: int = 30) -> None:
        self.total, self.width = total, width
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_decile = -1

    def update(self, done: int, found: int) -> None:
        if self.total <= 0:
            return
        decile = done * 10 // self.total
        if not self.tty and decile == self._last_decile and done != self.total:
            return
        self._last_decile = decile
        filled = self.width * done // self.total
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{self.total} messages, {found} introductions"
        self.stream.write(("\r" + line) if self.tty else (line + "\n"))
        self.stream.flush()

    def finish(self) -> None:
        if self.tty and self.total > 0:
            self.stream.write("\n")
            self.stream.flush()


# ---------------------------------------------------------------------------------------------- import
@dataclass
class ImportReport:
    scanned: int = 0
    from_you: int = 0
    too_large: int = 0
    introductions: int = 0      # messages with at least one referral
    referrals: int = 0          # referrals found in them
    recorded: int = 0           # new referrals (would be recorded, in a dry run)
    already: int = 0            # found but recorded before

    def line(self, folder: str, dry_run: bool) -> str:
        verb = "would record" if dry_run else "recorded"
        return (f"{folder}: scanned {self.scanned} messages, {self.from_you} from you, {self.introductions} "
                f"introductions with {self.referrals} referrals; {verb} {self.recorded}, "
                f"already recorded {self.already}" + (f", {self.too_large} too large to read" if self.too_large else ""))


def import_messages(workflow, messages: Iterator[bytes | None], *, mailbox_address: str, own: set[str],
                    since: datetime | None, dry_run: bool, now: datetime, source: str,
                    progress: Progress | None = None) -> ImportReport:
    """Record the introductions among ``messages`` as historical referrals; sends nothing."""
    tracking = sent_tracking(workflow.config)
    report = ImportReport()
    for raw in messages:
        report.scanned += 1
        if raw is None:
            report.too_large += 1
        else:
            _one(workflow, raw, tracking, report, mailbox_address, own, since, dry_run, now, source)
        if progress:
            progress.update(report.scanned, report.introductions)
    if progress:
        progress.finish()
    return report


class _DryRun(Exception):
    """Raised inside a dry run's transaction so that everything it wrote is rolled back."""


def _one(workflow, raw: bytes, tracking: Tracking, report: ImportReport, mailbox_address: str, own: set[str],
         since: datetime | None, dry_run: bool, now: datetime, source: str) -> None:
    parsed = read_sent_introduction(raw, tracking)
    if parsed.sender is None or parsed.sender.email not in own:
        return
    report.from_you += 1
    if parsed.kind not in ("introduction", "lead") or not parsed.referrals:
        return
    if since is not None and parsed.date is not None and naive(parsed.date) < naive(since):
        return
    report.introductions += 1
    report.referrals += len(parsed.referrals)
    key = message_key(raw)
    new = 0
    try:
        with workflow.db.atomic():
            for found in parsed.referrals:
                if workflow.record_referral(found, parsed, mailbox_address, key, now, source, historical=True):
                    new += 1
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    report.recorded += new
    report.already += len(parsed.referrals) - new


def run_import(app, *, folder: str, since: datetime | None, dry_run: bool, now: datetime,
               inbox_index: int = 0, extra_from: list[str] | None = None,
               progress_stream: TextIO | None = None) -> ImportReport:
    """Scan one folder of the configured inbox (IMAP, or a Maildir++ subfolder) and import from it."""
    config: Config = app.config
    inbox = config.inboxes[inbox_index]
    own = own_addresses(config, inbox, extra_from)
    if not own:
        raise SourceError("can't tell which messages are yours: the inbox username is not an address; "
                          "name your address with --from")
    client = None
    if inbox.kind == "imap":
        found, client = imap_folder(inbox, folder, since)
    else:
        found = maildir_folder(config.resolve(inbox.path), folder)
    try:
        progress = Progress(found.total, progress_stream)
        return import_messages(app.workflow, found.messages, mailbox_address=config.inbox_address(inbox), own=own,
                               since=since, dry_run=dry_run, now=now, source=f"import:{folder}"[:60],
                               progress=progress)
    finally:
        if client is not None:
            try:
                client.logout()
            except Exception:  # noqa: BLE001 - closing a dead connection
                pass
