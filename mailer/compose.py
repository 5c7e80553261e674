"""Rendering outbound mail from ``templates/``: a plain-text and an HTML part, our loop-prevention
headers on every message, threading headers where we answer a conversation.

The workflow decides *what* to say (a :class:`Draft`); this module decides *how it looks on the wire*.
Bytes are rendered at decision time and stored in the outbox, so a retry sends the identical message.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timezone
import io
from email.charset import QP, Charset
from email.generator import BytesGenerator
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.policy import compat32
from email.utils import format_datetime, formataddr
from pathlib import Path
from typing import Any, Literal

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

import templates as bundled_templates
from parsers.model import Address
from parsers.trimming import REPLY_MARKER

BUNDLED_DIR = Path(bundled_templates.__file__).parent


@dataclass(frozen=True)
class Draft:
    """What to send, before it has bytes: a template name, a recipient and the template's context."""

    template: str
    to: Address
    context: dict[str, Any]
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    reply_to: str | None = None
    list_unsubscribe: str | None = None
    auto_submitted: Literal["auto-replied", "auto-generated"] = "auto-generated"
    token: str | None = None
    extra_headers: tuple[tuple[str, str], ...] = field(default=())


def clean_header_text(value: str, limit: int = 200) -> str:
    """Text from mail (names, subjects) can never add a header line: no CR, LF or other controls."""
    text = "".join(ch if ch >= " " and ch != "\x7f" else " " for ch in str(value))
    # The stdlib header classes decode RFC 2047 words in values they are given, and would write a
    # decoded CR/LF out raw: break "=?" so text from mail is never taken for an encoded word.
    text = text.replace("=?", "= ?")
    return " ".join(text.split())[:limit]


def reply_subject(subject: str) -> str:
    """"Re: " once, however many times the subject was already answered."""
    text = subject.strip()
    while text[:3].lower() in ("re:", "aw:", "sv:") or text[:4].lower() == "réf:":
        text = text.split(":", 1)[1].strip()
    return f"Re: {text}" if text else "Re: your email"


def make_message_id(domain: str, now: datetime, token: str | None = None) -> str:
    """A Message-ID on our domain. Check-ins carry their reply token so a reply whose plus-address was
    dropped still routes through References; others get a random part that cannot look like a token."""
    stamp = now.astimezone(timezone.utc).strftime("%Y%m%d%H%M%S")
    if token:
        return f"<{stamp}.{token}@{domain}>"
    return f"<{stamp}.r{secrets.token_hex(8)}.rl@{domain}>"


class Composer:
    """Renders drafts with jinja2: HTML autoescaped, undefined variables an error, overridable templates."""

    def __init__(self, sender: Address, template_dir: str | Path | None = None) -> None:
        loaders = [FileSystemLoader(str(template_dir))] if template_dir else []
        loaders.append(FileSystemLoader(str(BUNDLED_DIR)))
        self.sender = sender
        self.env = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.globals["reply_marker"] = REPLY_MARKER
        self.env.filters["reply_subject"] = reply_subject

    @property
    def domain(self) -> str:
        return self.sender.email.rpartition("@")[2]

    def render_parts(self, draft: Draft) -> tuple[str, str, str]:
        """(subject, text, html) for a draft."""
        ctx = dict(draft.context, recipient=draft.to, reply_to=draft.reply_to)
        subject = self.env.get_template(f"{draft.template}.subject.j2").render(ctx)
        text = self.env.get_template(f"{draft.template}.txt.j2").render(ctx)
        html = self.env.get_template(f"{draft.template}.html.j2").render(ctx)
        return clean_header_text(subject, 250), text, html

    def render(self, draft: Draft, message_id: str, now: datetime) -> tuple[str, bytes]:
        """The final message bytes (CRLF line endings) and its subject.

        Built with the stdlib's compat32 classes: several times faster than ``EmailMessage`` with the
        modern policy, whose header objects dominated the cost of a cycle. Every header value passes
        through :func:`clean_header_text` or is ours, so nothing from mail can add a line."""
        subject, text, html = self.render_parts(draft)
        msg = MIMEMultipart("alternative")
        msg["From"] = _format_address(self.sender)
        msg["To"] = _format_address(draft.to)
        msg["Subject"] = _header(subject)
        msg["Date"] = format_datetime(now.astimezone(timezone.utc))
        msg["Message-ID"] = message_id
        if draft.reply_to:
            msg["Reply-To"] = draft.reply_to
        if draft.in_reply_to:
            msg["In-Reply-To"] = draft.in_reply_to
        refs = [r for r in draft.references if r]
        if refs:
            msg["References"] = " ".join(refs[-20:])
        msg["Auto-Submitted"] = draft.auto_submitted
        msg["X-Auto-Response-Suppress"] = "All"
        if draft.list_unsubscribe:
            msg["List-Unsubscribe"] = f"<{draft.list_unsubscribe}>"
        for name, value in draft.extra_headers:
            msg[name] = _header(clean_header_text(value, 400))
        for subtype, body in (("plain", text), ("html", html)):
            part = MIMENonMultipart("text", subtype)
            part.set_payload(body, charset=_UTF8_QP)
            msg.attach(part)
        out = io.BytesIO()
        BytesGenerator(out, mangle_from_=False, policy=_WIRE).flatten(msg)
        return subject, out.getvalue()


_UTF8_QP = Charset("utf-8")
_UTF8_QP.body_encoding = QP
_WIRE = compat32.clone(linesep="\r\n", max_line_length=78)


def _header(text: str) -> str | Header:
    """ASCII stays as it is (folded by the generator); anything else becomes RFC 2047 words."""
    return text if text.isascii() else Header(text, "utf-8")


def _format_address(addr: Address) -> str:
    return formataddr((clean_header_text(addr.name, 80), addr.email), charset="utf-8")
