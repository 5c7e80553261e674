"""Where mail goes out: an SMTP server (aiosmtplib, one connection reused per batch) or a folder of
.eml files (the embedded default, like Django's file email backend). Both return one result per email."""
from __future__ import annotations

import asyncio
import base64
import os
import socket
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Optional, Protocol, Union

import aiosmtplib

from db.models import Outbound
from db.outbox import SendResult

from .config import Config, OutboxConfig
from .imap_source import oauth2_token, tls_context
from .sources import SourceError


# The SMTP envelope sender: one address for all, or one per email (VERP, see db.outbox.verp_address).
EnvelopeFrom = Union[str, Callable[[Outbound], str]]
# Called with each result as soon as it is known, so it can be committed before the next email goes.
OnResult = Callable[[SendResult], None]
# Called with an email's id just before its final bytes (the end-of-data dot) are written: from then
# on the server may have it, so a crash must not lead to sending it again. It either commits the mark
# itself and returns None, or starts the commit and returns a function that waits for it: the message
# is then written while the mark is being committed, and the dot only once that function returned.
# If either raises, the dot is never written.
OnHandover = Callable[[int], Optional[Callable[[], None]]]


class HandoverFailed(Exception):
    """The handover mark could not be made: the email was not handed over (its dot never written)."""


def _handover(step: Callable, *args):
    try:
        return step(*args)
    except Exception as exc:
        raise HandoverFailed(f"{type(exc).__name__}: {exc}") from exc


class Sender(Protocol):
    def send_batch(self, rows: list[Outbound], envelope_from: EnvelopeFrom,
                   on_result: OnResult | None = None, on_handover: OnHandover | None = None) -> list[SendResult]: ...
    def check(self) -> str: ...


def envelope_for(envelope_from: EnvelopeFrom, row: Outbound) -> str:
    return envelope_from(row) if callable(envelope_from) else envelope_from


def permanent(code: int) -> bool:
    """5xx is permanent except 552 (mailbox full is often temporary in practice); 4xx retries."""
    return 500 <= code < 600 and code != 552


class FileSender:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def send_batch(self, rows: list[Outbound], envelope_from: EnvelopeFrom,
                   on_result: OnResult | None = None, on_handover: OnHandover | None = None) -> list[SendResult]:
        self.path.mkdir(parents=True, exist_ok=True)
        results: list[SendResult] = []
        for row in rows:
            stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
            final = self.path / f"{stamp}-{row.id:08d}-{row.kind}.eml"
            tmp = self.path / f".{final.name}.tmp"
            try:
                tmp.write_bytes(bytes(row.raw))
                os.replace(tmp, final)
                results.append(SendResult(row.id, True))
            except OSError as exc:
                results.append(SendResult(row.id, False, False, f"cannot write {final}: {exc.strerror}"))
            if on_result is not None:
                on_result(results[-1])
        return results

    def check(self) -> str:
        self.path.mkdir(parents=True, exist_ok=True)
        if not os.access(self.path, os.W_OK):
            raise OSError(f"{self.path} is not writable")
        return f"writes .eml files to {self.path}"


class SmtpSender:
    """One reused connection per batch; every email's result is reported as soon as it is known.

    Classification (the lesson of mail servers that retried a 550 for days): 4xx, 552, timeouts and
    connection errors are temporary; every other 5xx is permanent, with the server's words as reason.
    """

    def __init__(self, cfg: OutboxConfig) -> None:
        self.cfg = cfg
        self._local_hostname: str | None = None

    def _client(self) -> aiosmtplib.SMTP:
        cfg = self.cfg
        if self._local_hostname is None:
            # What aiosmtplib would look up for every connection, in a thread of a fresh executor (which
            # then costs more than the connection itself): once per sender is enough.
            self._local_hostname = socket.getfqdn()
        return aiosmtplib.SMTP(
            hostname=cfg.host, port=cfg.port, timeout=cfg.timeout, local_hostname=self._local_hostname,
            use_tls=cfg.security == "tls", start_tls=True if cfg.security == "starttls" else False,
            tls_context=tls_context(cfg.ca_file) if cfg.security != "none" else None,
        )

    async def _login(self, smtp: aiosmtplib.SMTP) -> None:
        cfg = self.cfg
        if cfg.oauth2_token_command:
            token = oauth2_token(cfg.oauth2_token_command)
            await xoauth2_login(smtp, cfg.username, token)
        elif cfg.username and cfg.password:
            await smtp.login(cfg.username, cfg.password)

    async def _connect(self) -> aiosmtplib.SMTP:
        smtp = self._client()
        await smtp.connect()
        try:
            await self._login(smtp)
        except BaseException:
            await self._drop(smtp)
            raise
        return smtp

    @staticmethod
    async def _transaction(smtp: aiosmtplib.SMTP, sender: str, row: Outbound,
                           on_handover: OnHandover | None) -> None:
        """MAIL, RCPT, DATA for one email. ``on_handover`` runs after the server said 354, right before
        the message and its end-of-data dot are written: until the dot nothing can have been delivered,
        from then on it may have been. When it returns a waiter, the message goes out while the mark is
        being committed, and the dot once the waiter returned. If the mark fails, the dot is never
        written (the connection is then closed, which makes the server drop the message)."""
        try:
            await smtp.mail(sender)
            await smtp.rcpt(row.to_addr)
        except aiosmtplib.SMTPResponseException:
            if smtp.is_connected:
                try:
                    await smtp.rset()
                except aiosmtplib.SMTPException:
                    pass
            raise
        protocol = smtp.protocol
        original = protocol.write

        def write(data: bytes) -> None:
            if on_handover is None or not data.endswith(b".\r\n") or data == b"DATA\r\n":
                original(data)
                return
            wait = _handover(on_handover, row.id)
            if wait is not None:
                original(data[:-3])         # the message up to and including its last line break...
                _handover(wait)             # ...the mark (this blocks the loop, which is the sender's own)...
                data = data[-3:]            # ...and only then the end-of-data dot
            original(data)

        protocol.write = write  # type: ignore[method-assign]
        try:
            await smtp.data(bytes(row.raw))
        finally:
            if smtp.protocol is protocol:
                del protocol.write

    async def _send_all(self, rows: list[Outbound], envelope_from: EnvelopeFrom,
                        on_result: OnResult | None, on_handover: OnHandover | None) -> list[SendResult]:
        results: list[SendResult] = []
        smtp: aiosmtplib.SMTP | None = None
        for row in rows:
            try:
                if smtp is None or not smtp.is_connected:
                    smtp = await self._connect()
                await self._transaction(smtp, envelope_for(envelope_from, row), row, on_handover)
                result = SendResult(row.id, True)
            except aiosmtplib.SMTPAuthenticationError as exc:
                # Our credentials, not the recipient: never a reason to give up on the email.
                result = SendResult(row.id, False, False, f"SMTP login failed: {exc.code} {exc.message}"[:300])
                smtp = await self._drop(smtp)
            except aiosmtplib.SMTPResponseException as exc:   # refused sender or recipient, or data
                result = SendResult(row.id, False, permanent(exc.code), f"{exc.code} {exc.message}")
                if exc.code == 421 or not permanent(exc.code):
                    smtp = await self._drop(smtp)
            except HandoverFailed as exc:
                result = SendResult(row.id, False, False, f"not sent: {exc}"[:300])
                # The server is inside DATA (maybe with the message but never its dot): no QUIT, which it
                # would take for message text; closing the connection makes it drop the message.
                smtp.close()
                smtp = None
            except (aiosmtplib.SMTPException, OSError, asyncio.TimeoutError, SourceError) as exc:
                result = SendResult(row.id, False, False, f"{type(exc).__name__}: {exc}"[:300])
                smtp = await self._drop(smtp)
            except Exception as exc:  # noqa: BLE001 - one email must not stop the others
                result = SendResult(row.id, False, False, f"not sent: {type(exc).__name__}: {exc}"[:300])
                smtp = await self._drop(smtp)
            results.append(result)
            if on_result is not None:
                on_result(result)
        await self._drop(smtp)
        return results

    @staticmethod
    async def _drop(smtp: aiosmtplib.SMTP | None) -> None:
        if smtp is not None and smtp.is_connected:
            try:
                await smtp.quit()
            except Exception:  # noqa: BLE001 - the connection is going away either way
                smtp.close()
        return None

    def send_batch(self, rows: list[Outbound], envelope_from: EnvelopeFrom,
                   on_result: OnResult | None = None, on_handover: OnHandover | None = None) -> list[SendResult]:
        return asyncio.run(self._send_all(rows, envelope_from, on_result, on_handover))

    def check(self) -> str:
        async def probe() -> str:
            smtp = await self._connect()
            ext = ", ".join(sorted(smtp.esmtp_extensions)) or "none"
            await smtp.quit()
            return f"connected to {self.cfg.host}:{self.cfg.port}; extensions: {ext}"
        return asyncio.run(probe())


def xoauth2_blob(username: str, token: str) -> str:
    """The SASL XOAUTH2 initial response (Gmail, Microsoft 365), base64-encoded."""
    return base64.b64encode(f"user={username}\x01auth=Bearer {token}\x01\x01".encode()).decode()


async def xoauth2_login(smtp: aiosmtplib.SMTP, username: str, token: str) -> None:
    """``AUTH XOAUTH2`` with the initial response. On a bad token the server answers 334 with a JSON
    error; the protocol wants an empty line back, after which the final 535 comes."""
    if smtp.is_ehlo_or_helo_needed:
        await smtp.ehlo()
    response = await smtp.execute_command(b"AUTH", b"XOAUTH2", xoauth2_blob(username, token).encode())
    if response.code == 334:
        detail = response.message
        response = await smtp.execute_command(b"")
        raise aiosmtplib.SMTPAuthenticationError(response.code, f"{response.message} ({detail})")
    if response.code != 235:
        raise aiosmtplib.SMTPAuthenticationError(response.code, response.message)


def make_sender(config: Config) -> Sender:
    if config.outbox.kind == "file":
        return FileSender(config.resolve(config.outbox.path))
    return SmtpSender(config.outbox)
