"""Where mail goes out: an SMTP server (aiosmtplib, one connection reused per batch) or a folder of
.eml files (the embedded default, like Django's file email backend). Both return one result per email."""
from __future__ import annotations

import asyncio
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol

import aiosmtplib

from db.models import Outbound
from db.outbox import SendResult

from .config import Config, OutboxConfig
from .imap_source import oauth2_token, tls_context


class Sender(Protocol):
    def send_batch(self, rows: list[Outbound], envelope_from: str) -> list[SendResult]: ...
    def check(self) -> str: ...


def permanent(code: int) -> bool:
    """5xx is permanent except 552 (mailbox full is often temporary in practice); 4xx retries."""
    return 500 <= code < 600 and code != 552


class FileSender:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def send_batch(self, rows: list[Outbound], envelope_from: str) -> list[SendResult]:
        self.path.mkdir(parents=True, exist_ok=True)
        results = []
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
        return results

    def check(self) -> str:
        self.path.mkdir(parents=True, exist_ok=True)
        if not os.access(self.path, os.W_OK):
            raise OSError(f"{self.path} is not writable")
        return f"writes .eml files to {self.path}"


class SmtpSender:
    def __init__(self, cfg: OutboxConfig) -> None:
        self.cfg = cfg

    def _client(self) -> aiosmtplib.SMTP:
        cfg = self.cfg
        return aiosmtplib.SMTP(
            hostname=cfg.host, port=cfg.port, timeout=cfg.timeout,
            use_tls=cfg.security == "tls", start_tls=True if cfg.security == "starttls" else False,
            tls_context=tls_context(cfg.ca_file) if cfg.security != "none" else None,
        )

    async def _login(self, smtp: aiosmtplib.SMTP) -> None:
        cfg = self.cfg
        if cfg.oauth2_token_command:
            import base64

            token = oauth2_token(cfg.oauth2_token_command)
            blob = base64.b64encode(f"user={cfg.username}\x01auth=Bearer {token}\x01\x01".encode()).decode()
            response = await smtp.execute_command(b"AUTH", b"XOAUTH2", blob.encode())
            if response.code != 235:
                raise aiosmtplib.SMTPAuthenticationError(response.code, response.message)
        elif cfg.username and cfg.password:
            await smtp.login(cfg.username, cfg.password)

    async def _send_all(self, rows: list[Outbound], envelope_from: str) -> list[SendResult]:
        results: list[SendResult] = []
        smtp: aiosmtplib.SMTP | None = None
        for row in rows:
            try:
                if smtp is None or not smtp.is_connected:
                    smtp = self._client()
                    await smtp.connect()
                    await self._login(smtp)
                errors, _ = await smtp.sendmail(envelope_from, [row.to_addr], bytes(row.raw))
                if errors:
                    code, message = next(iter(errors.values()))
                    results.append(SendResult(row.id, False, permanent(code), f"{code} {message}"))
                else:
                    results.append(SendResult(row.id, True))
            except aiosmtplib.SMTPRecipientsRefused as exc:
                first = exc.recipients[0] if exc.recipients else None
                code = first.code if first else 550
                results.append(SendResult(row.id, False, permanent(code), f"{code} {first.message if first else exc}"))
            except aiosmtplib.SMTPResponseException as exc:
                results.append(SendResult(row.id, False, permanent(exc.code), f"{exc.code} {exc.message}"))
                if exc.code in (421,) or isinstance(exc, aiosmtplib.SMTPAuthenticationError):
                    smtp = await self._drop(smtp)
            except (aiosmtplib.SMTPException, OSError, asyncio.TimeoutError) as exc:
                results.append(SendResult(row.id, False, False, f"{type(exc).__name__}: {exc}"[:300]))
                smtp = await self._drop(smtp)
        await self._drop(smtp)
        return results

    @staticmethod
    async def _drop(smtp: aiosmtplib.SMTP | None) -> None:
        if smtp is not None and smtp.is_connected:
            try:
                await smtp.quit()
            except Exception:  # noqa: BLE001
                smtp.close()
        return None

    def send_batch(self, rows: list[Outbound], envelope_from: str) -> list[SendResult]:
        return asyncio.run(self._send_all(rows, envelope_from))

    def check(self) -> str:
        async def probe() -> str:
            smtp = self._client()
            await smtp.connect()
            await self._login(smtp)
            ext = ", ".join(sorted(smtp.esmtp_extensions)) or "none"
            await smtp.quit()
            return f"connected to {self.cfg.host}:{self.cfg.port}; extensions: {ext}"
        return asyncio.run(probe())


def make_sender(config: Config) -> Sender:
    if config.outbox.kind == "file":
        return FileSender(config.resolve(config.outbox.path))
    return SmtpSender(config.outbox)
