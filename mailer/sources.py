"""Where mail comes in: an IMAP mailbox or a local Maildir, behind one small interface."""
from __future__ import annotations

import threading
from typing import Protocol

from db.inbox import Fetched

from .config import Config, InboxConfig

FOLDER_KEYS = ("processed", "failed", "quarantine")


class SourceError(Exception):
    """The mailbox could not be reached or refused us; the text is one line for a person."""


class Source(Protocol):
    name: str
    uses_cursor: bool

    def open(self) -> None: ...
    def close(self) -> None: ...
    def uidvalidity(self) -> int: ...
    def fetch_after(self, last_uid: int, limit: int, max_bytes: int) -> list[Fetched]: ...
    def move(self, uids: list[str], folder_key: str) -> None: ...
    def wait_for_mail(self, timeout: float, stop: threading.Event) -> None: ...
    def idle_supported(self) -> bool: ...
    def describe(self) -> dict[str, str]: ...


def folder_for(inbox: InboxConfig, key: str) -> str:
    return {"processed": inbox.processed_folder, "failed": inbox.failed_folder,
            "quarantine": inbox.quarantine_folder}[key]


def make_source(config: Config, inbox: InboxConfig) -> Source:
    if inbox.kind == "maildir":
        from .maildir_source import MaildirSource

        return MaildirSource(config.resolve(inbox.path), inbox)
    from .imap_source import ImapSource

    return ImapSource(inbox)
