"""Reply-address tokens: which check-in and which person a reply answers, and proof that we issued it.

A token is base32 (lowercase, no padding) of ``varint(checkin id) varint(issue day) mac[:10]`` where
the MAC is HMAC-SHA256 keyed by ``tracking.secret`` over the id, the day and the recipient's address.
Base32 rather than base64 because some mail servers lowercase the local part; ten MAC bytes (80 bits)
keep the address short while making forgery hopeless. The recipient is bound into the MAC, so a token
forwarded to someone else does not verify for them.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass
from datetime import date
from typing import Literal

EPOCH = date(2020, 1, 1)
MAC_BYTES = 10
MAX_TOKEN_CHARS = 64


@dataclass(frozen=True)
class TokenClaim:
    checkin_id: int
    issued_day: int
    mac: bytes


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _read_varint(data: bytes, pos: int) -> tuple[int, int]:
    value = shift = 0
    while pos < len(data) and shift <= 56:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, pos
        shift += 7
    raise ValueError("truncated varint")


def _mac(secret: bytes, checkin_id: int, issued_day: int, recipient: str) -> bytes:
    msg = b"referloop-reply\0%d\0%d\0%s" % (checkin_id, issued_day, recipient.strip().lower().encode())
    return hmac.new(secret, msg, hashlib.sha256).digest()[:MAC_BYTES]


def make_token(secret: bytes, checkin_id: int, recipient: str, issued: date) -> str:
    day = (issued - EPOCH).days
    body = _varint(checkin_id) + _varint(day)
    raw = body + _mac(secret, checkin_id, day, recipient)
    return base64.b32encode(raw).decode().rstrip("=").lower()


def read_token(token: str) -> TokenClaim | None:
    """Parse a token's structure without trusting it; None when it is not one of ours at all."""
    if not token or len(token) > MAX_TOKEN_CHARS:
        return None
    text = token.strip().upper()
    text += "=" * (-len(text) % 8)
    try:
        raw = base64.b32decode(text)
        checkin_id, pos = _read_varint(raw, 0)
        day, pos = _read_varint(raw, pos)
    except (binascii.Error, ValueError):
        return None
    mac = raw[pos:]
    if len(mac) != MAC_BYTES:
        return None
    # Only the canonical spelling counts: the unused bits of the last character must be zero, so an
    # altered token never verifies.
    if base64.b32encode(raw).decode().rstrip("=").lower() != token.strip().lower():
        return None
    return TokenClaim(checkin_id, day, mac)


Verdict = Literal["ok", "forged", "expired"]


def verify_token(secret: bytes, claim: TokenClaim, recipient: str, today: date, max_age_days: int) -> Verdict:
    """Constant-time check that we issued this token to this recipient, and that it is still valid."""
    expected = _mac(secret, claim.checkin_id, claim.issued_day, recipient)
    if not hmac.compare_digest(expected, claim.mac):
        return "forged"
    if (today - EPOCH).days - claim.issued_day > max_age_days:
        return "expired"
    return "ok"


STOP_TOKEN_CHARS = 16


def stop_token(secret: bytes, recipient: str) -> str:
    """A personal unsubscribe token: 80 bits of HMAC over the address, so ``local+stop-TOKEN@domain``
    stops exactly the person we sent it to, without needing an authenticated sender."""
    mac = hmac.new(secret, b"referloop-stop\0" + recipient.strip().lower().encode(), hashlib.sha256).digest()
    return base64.b32encode(mac[:MAC_BYTES]).decode().rstrip("=").lower()[:STOP_TOKEN_CHARS]


def verify_stop_token(secret: bytes, recipient: str, token: str) -> bool:
    return hmac.compare_digest(stop_token(secret, recipient), (token or "").strip().lower()[:64])
