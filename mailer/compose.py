"""Rendering outbound mail from ``templates/``: a plain-text and an HTML part, our loop-prevention
headers on every message, threading headers where we answer a conversation.

The workflow decides *what* to say (a :class:`Draft`); this module decides *how it looks on the wire*.
Bytes are rendered at decision time and stored in the outbox, so a retry sends the identical message.
"""
from __future__ import annotations

import binascii
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timezone
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
            auto_reload=False,   # templates are read once per process: no stat() per email
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

        Written directly rather than through ``email.generator``: the message always has the same
        shape (multipart/alternative, two UTF-8 quoted-printable parts), and the generator's generic
        folding cost ten times the templates themselves. Every header value passes through
        :func:`clean_header_text` or is ours, so nothing from mail can add a line."""
        subject, text, html = self.render_parts(draft)
        headers = [("From", _format_address(self.sender)), ("To", _format_address(draft.to)),
                   ("Subject", subject), ("Date", format_datetime(now.astimezone(timezone.utc))),
                   ("Message-ID", message_id)]
        if draft.reply_to:
            headers.append(("Reply-To", draft.reply_to))
        if draft.in_reply_to:
            headers.append(("In-Reply-To", draft.in_reply_to))
        refs = [r for r in draft.references if r]
        if refs:
            headers.append(("References", " ".join(refs[-20:])))
        headers += [("Auto-Submitted", draft.auto_submitted), ("X-Auto-Response-Suppress", "All")]
        if draft.list_unsubscribe:
            headers.append(("List-Unsubscribe", f"<{draft.list_unsubscribe}>"))
        headers += [(name, clean_header_text(value, 400)) for name, value in draft.extra_headers]
        # "=_" can never occur in quoted-printable text, so the boundary cannot collide with a body.
        boundary = f"=_referloop_{secrets.token_hex(12)}"
        headers += [("MIME-Version", "1.0"), ("Content-Type", f'multipart/alternative; boundary="{boundary}"')]
        out = [header_line(name, value) for name, value in headers]
        out.append(b"\r\n")
        for subtype, body in (("plain", text), ("html", html)):
            out.append(f"--{boundary}\r\nContent-Type: text/{subtype}; charset=\"utf-8\"\r\n"
                       "Content-Transfer-Encoding: quoted-printable\r\n\r\n".encode("ascii"))
            out.append(quoted_printable(body))
            out.append(b"\r\n")
        out.append(f"--{boundary}--\r\n".encode("ascii"))
        return subject, b"".join(out)


MAX_LINE = 78


def header_line(name: str, value: str) -> bytes:
    """One header field, CRLF-terminated: ASCII folded at spaces to 78 columns, anything else as
    RFC 2047 encoded words (UTF-8). A line break that reached a value anyway can never start a header."""
    if "\r" in value or "\n" in value:
        value = " ".join(value.split())
    if not value.isascii():
        return f"{name}: {encoded_words(value)}\r\n".encode("ascii")
    line = f"{name}: {value}"
    if len(line) <= MAX_LINE:
        return (line + "\r\n").encode("ascii")
    lines: list[str] = []
    current = f"{name}:"
    for word in value.split(" "):
        if not word:
            continue
        if len(current) + 1 + len(word) > MAX_LINE and current.strip() and current != f"{name}:":
            lines.append(current)
            current = ""
        current += " " + word
    lines.append(current)
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


# UTF-8 bytes per encoded word: 36 bytes make 48 base64 characters, so "=?utf-8?b?...?=" is 60 columns
# and a header name of up to 16 characters still fits the first line in 78.
_WORD_BYTES = 36


def encoded_words(value: str) -> str:
    """RFC 2047 base64 encoded words for a non-ASCII value, split between characters (a word may not
    end inside a UTF-8 sequence) and folded one word per line; a reader joins adjacent words without the
    folding space. The stdlib ``Header`` does the same with generic folding at many times the cost."""
    words: list[str] = []
    chunk = bytearray()
    for char in value:
        data = char.encode("utf-8", "replace")
        if len(chunk) + len(data) > _WORD_BYTES:
            words.append(_encoded_word(bytes(chunk)))
            chunk.clear()
        chunk += data
    if chunk:
        words.append(_encoded_word(bytes(chunk)))
    return "\r\n ".join(words)


def _encoded_word(data: bytes) -> str:
    return "=?utf-8?b?" + binascii.b2a_base64(data, newline=False).decode("ascii") + "?="


def quoted_printable(text: str) -> bytes:
    """A text body as UTF-8 quoted-printable with CRLF line ends (binascii does the work in C)."""
    data = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n").encode("utf-8")
    encoded = binascii.b2a_qp(data, quotetabs=False, istext=True, header=False)
    return encoded if encoded.endswith(b"\r\n") else encoded + b"\r\n"


def _format_address(addr: Address) -> str:
    return formataddr((clean_header_text(addr.name, 80), addr.email), charset="utf-8")
