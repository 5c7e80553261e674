"""Who sent a message, to whom, when, and in which thread: read from its decoded headers."""
from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import datetime

from .mime import Decoded, parse_addresses
from .model import Address

_MSGID = re.compile(r"<([^<>\s]{1,250})>")


@dataclass(frozen=True)
class Envelope:
    sender: Address | None
    reply_to: Address | None
    to: tuple[Address, ...]
    cc: tuple[Address, ...]
    message_id: str | None
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    subject: str
    date: datetime | None
    utc_offset_minutes: int | None


def message_ids(value: str) -> tuple[str, ...]:
    """Message-IDs in a header, without angle brackets, lowercased (they compare case-insensitively
    in practice because some gateways rewrite their case)."""
    return tuple(m.lower() for m in _MSGID.findall(value or "")[:100])


# The first Message-ID field of the header block, with its continuation lines. ``.*`` stops at line ends
# and a continuation must start with a blank, so the match is linear in the header's length.
_MESSAGE_ID_FIELD = re.compile(rb"^message-id[ \t]*:(.*(?:\r?\n[ \t].*)*)", re.IGNORECASE | re.MULTILINE)
_HEAD_END = re.compile(rb"\r?\n\r?\n")


def raw_message_id(raw: bytes, limit: int = 100_000) -> str | None:
    """The normalized Message-ID read straight from the raw header block, without building a message:
    storing a fetched batch needs only this (for dedup), and a full header parse costs more than the
    rest of storing."""
    head = raw[:limit]
    end = _HEAD_END.search(head)
    found = _MESSAGE_ID_FIELD.search(head, 0, end.start() if end else len(head))
    if found is None:
        return None
    return normalize_message_id(found.group(1).decode("utf-8", "replace"))


def normalize_message_id(value: str) -> str | None:
    ids = message_ids(value)
    if ids:
        return ids[0]
    value = (value or "").strip().strip("<>").strip().lower()
    return value if value and " " not in value and len(value) <= 250 else None


def _date(value: str) -> tuple[datetime | None, int | None]:
    if not value:
        return None, None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None, None
    if parsed is None:
        return None, None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        return parsed, None
    offset = int(parsed.utcoffset().total_seconds() // 60)
    if not -14 * 60 <= offset <= 14 * 60:
        return parsed, None
    return parsed, offset


def read_envelope(decoded: Decoded) -> Envelope:
    """Addresses are read from the raw header values (split before decoding names)."""
    senders = parse_addresses(decoded.get_all_raw("from")[:1])
    reply_to = parse_addresses(decoded.get_all_raw("reply-to")[:1])
    date, offset = _date(decoded.get("date"))
    return Envelope(
        sender=senders[0] if senders else None,
        reply_to=reply_to[0] if reply_to else None,
        to=parse_addresses(decoded.get_all_raw("to")),
        cc=parse_addresses(decoded.get_all_raw("cc")),
        message_id=normalize_message_id(decoded.get("message-id")),
        in_reply_to=message_ids(decoded.get("in-reply-to")),
        references=message_ids(" ".join(decoded.get_all("references"))),
        subject=decoded.get("subject"),
        date=date,
        utc_offset_minutes=offset,
    )
