"""A local Maildir as the inbox: the embedded default, and handy for tests and demos.

New mail is whatever sits in the Maildir's own new/ and cur/; handled mail moves to Maildir++
subfolders (``.Referloop.Processed`` and so on), so the root only ever holds unhandled mail.
"""
from __future__ import annotations

import mailbox
import threading
from pathlib import Path

from db.inbox import Fetched

from .config import InboxConfig
from .sources import folder_for


class MaildirSource:
    uses_cursor = False

    def __init__(self, path: Path, inbox: InboxConfig) -> None:
        self.path = Path(path)
        self.inbox = inbox
        self.name = f"maildir:{self.path.resolve()}"
        self.box: mailbox.Maildir | None = None

    def open(self) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        self.box = mailbox.Maildir(str(self.path), create=True)

    def close(self) -> None:
        self.box = None

    def uidvalidity(self) -> int:
        return 0

    def fetch_after(self, last_uid: int, limit: int, max_bytes: int) -> list[Fetched]:
        assert self.box is not None
        found: list[tuple[float, str]] = []
        for sub in ("new", "cur"):
            for entry in (self.path / sub).iterdir():
                if entry.name.startswith("."):
                    continue
                key = entry.name.split(mailbox.Maildir.colon, 1)[0]
                found.append((entry.stat().st_mtime, key))
        out: list[Fetched] = []
        for _, key in sorted(found)[:limit]:
            try:
                size = (self.path / self.box._lookup(key)).stat().st_size
            except (KeyError, OSError):
                continue
            raw = None if size > max_bytes else self.box.get_bytes(key)
            out.append(Fetched(uid=key, size=size, raw=raw))
        return out

    def _folder(self, key: str) -> mailbox.Maildir:
        assert self.box is not None
        name = folder_for(self.inbox, key).replace("/", ".")
        try:
            return self.box.get_folder(name)
        except mailbox.NoSuchMailboxError:
            return self.box.add_folder(name)

    def move(self, uids: list[str], folder_key: str) -> None:
        assert self.box is not None
        target = self._folder(folder_key)
        for key in uids:
            try:
                src = self.path / self.box._lookup(key)
            except KeyError:
                continue  # already moved (a crash after the move, before it was recorded)
            dest = Path(target._path) / "cur" / (key + mailbox.Maildir.colon + "2,S")
            src.rename(dest)

    def wait_for_mail(self, timeout: float, stop: threading.Event) -> None:
        stop.wait(timeout)

    def idle_supported(self) -> bool:
        return False

    def describe(self) -> dict[str, str]:
        return {"kind": "maildir", "path": str(self.path)}
