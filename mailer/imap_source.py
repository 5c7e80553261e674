"""An IMAP mailbox as the inbox (imapclient).

Never trusts ``\\Seen``: fetches by UID above the stored cursor with ``BODY.PEEK[]`` (reading does not
mark anything), checks ``RFC822.SIZE`` before downloading, and moves handled mail with MOVE when the
server offers it (else COPY + ``\\Deleted`` + UID EXPUNGE). Every call has a socket timeout.
"""
from __future__ import annotations

import shlex
import socket
import ssl
import subprocess
import threading

import imapclient
from imapclient.exceptions import IMAPClientError

from db.inbox import Fetched

from .config import InboxConfig
from .sources import SourceError, folder_for

FETCH_CHUNK = 100


def oauth2_token(command: str, timeout: int = 30) -> str:
    """Run the configured token command (as mbsync and msmtp do) and return its first output line."""
    try:
        out = subprocess.run(shlex.split(command), capture_output=True, text=True, timeout=timeout, check=True)
    except (OSError, subprocess.SubprocessError) as exc:
        raise SourceError(f"oauth2_token_command failed: {type(exc).__name__}") from None
    token = out.stdout.strip().splitlines()[0] if out.stdout.strip() else ""
    if not token:
        raise SourceError("oauth2_token_command printed no token")
    return token


def tls_context(ca_file: str = "") -> ssl.SSLContext:
    return ssl.create_default_context(cafile=ca_file or None)


def connect(inbox: InboxConfig) -> imapclient.IMAPClient:
    """A logged-in client for the inbox's server: TLS with certificate checks (or STARTTLS), a timeout on
    every call, password or XOAUTH2. Raises the library's and the socket's own errors."""
    tls = tls_context(inbox.ca_file) if inbox.security != "none" else None
    client = imapclient.IMAPClient(inbox.host, port=inbox.port, ssl=inbox.security == "tls",
                                   ssl_context=tls if inbox.security == "tls" else None,
                                   timeout=inbox.timeout, use_uid=True)
    if inbox.security == "starttls":
        client.starttls(tls)
    if inbox.oauth2_token_command:
        client.oauth2_login(inbox.username, oauth2_token(inbox.oauth2_token_command))
    else:
        client.login(inbox.username, inbox.password)
    return client


class ImapSource:
    uses_cursor = True

    def __init__(self, inbox: InboxConfig) -> None:
        self.inbox = inbox
        self.name = f"imap://{inbox.username}@{inbox.host}:{inbox.port}/{inbox.folder}"
        self.client: imapclient.IMAPClient | None = None
        self._uidvalidity = 0
        self.capabilities: tuple[bytes, ...] = ()
        self.delimiter = "/"

    # -------------------------------------------------------------- connection
    def open(self) -> None:
        cfg = self.inbox
        try:
            client = connect(cfg)
            self.capabilities = tuple(client.capabilities())
            folders = client.list_folders()
            if folders:
                delim = folders[0][1]
                self.delimiter = delim.decode() if isinstance(delim, bytes) else (delim or "/")
            info = client.select_folder(cfg.folder)
            self._uidvalidity = int(info.get(b"UIDVALIDITY", 0))
            self.client = client
            for key in ("processed", "failed", "quarantine"):
                self._ensure(folder_for(cfg, key))
        except IMAPClientError as exc:
            raise SourceError(f"IMAP {cfg.host}:{cfg.port}: {self._reason(exc)}") from None
        except (OSError, socket.timeout, ssl.SSLError) as exc:
            raise SourceError(f"IMAP {cfg.host}:{cfg.port}: cannot connect: {exc}") from None

    @staticmethod
    def _reason(exc: Exception) -> str:
        text = str(exc)
        if "authenticat" in text.lower() or "login" in text.lower():
            return f"login failed ({text[:120]})"
        return text[:200]

    def close(self) -> None:
        if self.client is not None:
            try:
                self.client.logout()
            except Exception:  # noqa: BLE001 - closing a dead connection
                pass
            self.client = None

    def _folder(self, name: str) -> str:
        return name.replace("/", self.delimiter) if self.delimiter != "/" else name

    def _ensure(self, name: str) -> None:
        assert self.client is not None
        folder = self._folder(name)
        if not self.client.folder_exists(folder):
            try:
                self.client.create_folder(folder)
            except IMAPClientError:
                if not self.client.folder_exists(folder):
                    raise

    # -------------------------------------------------------------- reading
    def uidvalidity(self) -> int:
        """Selects the folder again (cheap) so a folder deleted and recreated since the last poll is seen
        with its new UIDVALIDITY, and the stored cursor is reset instead of skipping reused UIDs."""
        assert self.client is not None
        try:
            info = self.client.select_folder(self.inbox.folder)
        except IMAPClientError as exc:
            raise SourceError(f"IMAP select {self.inbox.folder} failed: {str(exc)[:200]}") from None
        except (OSError, socket.timeout) as exc:
            raise SourceError(f"IMAP connection lost: {exc}") from None
        self._uidvalidity = int(info.get(b"UIDVALIDITY", 0))
        return self._uidvalidity

    def idle_supported(self) -> bool:
        return b"IDLE" in self.capabilities

    def fetch_after(self, last_uid: int, limit: int, max_bytes: int) -> list[Fetched]:
        """Up to ``limit`` messages with UID above ``last_uid``. A ``UID n:*`` search always returns the
        highest UID even when it is below n, so the result is filtered."""
        assert self.client is not None
        try:
            self.client.noop()
            uids = sorted(u for u in self.client.search(["UID", f"{last_uid + 1}:*"]) if u > last_uid)[:limit]
            if not uids:
                return []
            # Sizes first: an oversized message is recorded from its size alone, never downloaded.
            sizes = {uid: data.get(b"RFC822.SIZE", 0) for uid, data in self.client.fetch(uids, ["RFC822.SIZE"]).items()}
            small = [u for u in uids if sizes.get(u, 0) <= max_bytes]
            bodies: dict[int, bytes] = {}
            for start in range(0, len(small), FETCH_CHUNK):
                chunk = small[start:start + FETCH_CHUNK]
                for uid, data in self.client.fetch(chunk, ["BODY.PEEK[]"]).items():
                    bodies[uid] = data.get(b"BODY[]") or b""
        except IMAPClientError as exc:
            raise SourceError(f"IMAP fetch failed: {str(exc)[:200]}") from None
        except (OSError, socket.timeout) as exc:
            raise SourceError(f"IMAP connection lost: {exc}") from None
        out = []
        for uid in uids:
            if uid in sizes and sizes[uid] > max_bytes:
                out.append(Fetched(str(uid), int(sizes[uid]), None))
            elif uid in bodies:
                out.append(Fetched(str(uid), len(bodies[uid]), bodies[uid]))
        return out

    # -------------------------------------------------------------- moving
    def move(self, uids: list[str], folder_key: str) -> None:
        assert self.client is not None
        folder = self._folder(folder_for(self.inbox, folder_key))
        ids = [int(u) for u in uids]
        try:
            if b"MOVE" in self.capabilities:
                self.client.move(ids, folder)
            else:
                self.client.copy(ids, folder)
                self.client.add_flags(ids, [imapclient.DELETED])
                if b"UIDPLUS" in self.capabilities:
                    self.client.uid_expunge(ids)
                else:
                    self.client.expunge()
        except IMAPClientError as exc:
            raise SourceError(f"IMAP move to {folder} failed: {str(exc)[:200]}") from None
        except (OSError, socket.timeout) as exc:
            raise SourceError(f"IMAP connection lost: {exc}") from None

    # -------------------------------------------------------------- waiting
    def wait_for_mail(self, timeout: float, stop: threading.Event) -> None:
        """IDLE when offered (a hint only: the caller fetches afterwards anyway), else sleep. The caller
        keeps ``timeout`` under 5 minutes, so IDLE is re-issued before NATs and servers drop it."""
        assert self.client is not None
        if not self.idle_supported():
            stop.wait(timeout)
            return
        try:
            self.client.idle()
            remaining = timeout
            while remaining > 0 and not stop.is_set():
                step = min(1.0, remaining)
                responses = self.client.idle_check(timeout=step)
                remaining -= step
                if any(r[1] in (b"EXISTS", b"RECENT") for r in responses if isinstance(r, tuple) and len(r) > 1):
                    break
            self.client.idle_done()
        except IMAPClientError as exc:
            raise SourceError(f"IMAP IDLE failed: {str(exc)[:200]}") from None
        except (OSError, socket.timeout) as exc:
            raise SourceError(f"IMAP connection lost during IDLE: {exc}") from None

    def describe(self) -> dict[str, str]:
        caps = b" ".join(self.capabilities).decode(errors="replace")
        return {"kind": "imap", "host": f"{self.inbox.host}:{self.inbox.port}", "folder": self.inbox.folder,
                "capabilities": caps}
