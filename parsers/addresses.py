"""Recognising our own tracking addresses, with or without a ``+tag``, wherever they appear."""
from __future__ import annotations

import functools
import re

from .mime import Decoded, parse_addresses
from .model import Tracking

# Headers that show the envelope recipient when the tracker was BCC'd.
ENVELOPE_HEADERS = ("delivered-to", "x-original-to", "envelope-to", "x-envelope-to", "x-delivered-to")

# Local parts no person writes from or reads: "do not reply" in the four languages, form and site senders.
_AUTOMATED_LOCAL = re.compile(
    r"^(no-?reply|do-?not-?reply|donotreply|no-?responder|no-?responda|no-?contestar|ne-?pas-?repondre|"
    r"nepasrepondre|ne-?repondez-?pas|keine-?antwort|nicht-?antworten|noanswer|forms?|webforms?|website|wordpress|"
    r"notifications?|notificaciones|mailer|mailer-daemon|system|bounce|auto)([._+-].*)?$", re.IGNORECASE)


def is_automated(address: str) -> bool:
    """An address that sends form notifications or must not be answered: never a party to a referral."""
    return bool(_AUTOMATED_LOCAL.match(address.split("@")[0]))


def split_address(address: str) -> tuple[str, str | None, str]:
    """``local+tag@domain`` -> (local, tag, domain); lowercase."""
    address = address.strip().lower()
    local, _, domain = address.rpartition("@")
    base, plus, tag = local.partition("+")
    return base, (tag if plus else None), domain


@functools.lru_cache(maxsize=64)
def _bases(addresses: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    return frozenset((base, domain) for base, _, domain in map(split_address, addresses))


def is_tracking(address: str, tracking: Tracking) -> bool:
    """True for any of our addresses, plus-tagged or not, in any letter case."""
    return _is_tracking(address, tracking.addresses)


@functools.lru_cache(maxsize=4096)
def _is_tracking(address: str, ours: tuple[str, ...]) -> bool:
    base, _, domain = split_address(address)
    return (base, domain) in _bases(ours)


def tracking_tag(address: str, tracking: Tracking) -> str | None:
    """The ``+tag`` of one of our addresses, or None."""
    if not is_tracking(address, tracking):
        return None
    return split_address(address)[1] or None


def recipients(decoded: Decoded) -> list[str]:
    """Every address the message was sent to: To, Cc and the envelope headers of a BCC'd copy."""
    found = [a.email for a in parse_addresses(decoded.get_all_raw("to") + decoded.get_all_raw("cc"))]
    for name in ENVELOPE_HEADERS:
        values = decoded.get_all_raw(name)
        if values:
            found += [a.email for a in parse_addresses(values)]
    return found


def addressed_to_us(decoded: Decoded, tracking: Tracking) -> bool:
    return any(is_tracking(a, tracking) for a in recipients(decoded))


def plus_tags(decoded: Decoded, tracking: Tracking) -> list[str]:
    """The plus-tags of our addresses among the recipients, in header order, deduplicated."""
    tags: list[str] = []
    for address in recipients(decoded):
        tag = tracking_tag(address, tracking)
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def receiving_mailbox(raw: bytes) -> str | None:
    """The mailbox a stored message was delivered to, plus-tag removed; without delivery headers, the
    first recipient named like a tracking address (``track@``, ``referrals@``, ...), if any.

    Used only offline by ``referloop parse`` when no tracking address is configured: a message as
    stored by the tracking mailbox names that mailbox in its delivery headers. ``X-Original-To`` and
    ``Envelope-To`` keep the address before alias expansion, so they come before ``Delivered-To``
    (which may name an internal mailbox); an envelope address that is also in To/Cc wins outright.
    """
    from email.parser import BytesHeaderParser
    from email.policy import compat32

    try:
        headers = BytesHeaderParser(policy=compat32).parsebytes(raw[:200_000])
    except Exception:  # noqa: BLE001
        return None
    candidates: list[str] = []
    try:
        visible = [f"{b}@{d}" for b, _, d in (split_address(a.email) for a in
                   parse_addresses([str(v) for v in headers.get_all("to", []) + headers.get_all("cc", [])]))]
    except Exception:  # noqa: BLE001
        visible = []
    for name in ("x-original-to", "envelope-to", "x-envelope-to", "delivered-to", "x-delivered-to"):
        try:
            values = [str(v) for v in headers.get_all(name, [])]
        except Exception:  # noqa: BLE001
            continue
        for found in parse_addresses(values):
            base, _, domain = split_address(found.email)
            candidates.append(f"{base}@{domain}")
    if not candidates:
        # A file saved without delivery headers (exported, or copied from the To/Cc side): the tracker
        # is then the one recipient whose mailbox name says what it is for; "track@" before "referrals@",
        # which is as often a clinic's or a firm's own intake inbox.
        named = [v for v in visible if v.partition("@")[0] in TRACKER_NAMES]
        return next((v for v in named if v.partition("@")[0] in STRONG_TRACKER_NAMES), named[0] if named else None)
    return next((c for c in candidates if c in visible), candidates[0])


# Mailbox names people give a tracking address (before any +tag).
TRACKER_NAMES = frozenset({"track", "tracker", "tracking", "referloop", "referral", "referrals", "intros",
                           "introductions", "refer", "log"})
STRONG_TRACKER_NAMES = frozenset({"track", "tracker", "tracking", "referloop"})
