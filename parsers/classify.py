"""The one entry point: raw bytes in, a :class:`ParsedMessage` out, never an exception.

The order of the checks is the disposition table of the product, top to bottom: the first that
matches decides. Reading it answers "why was this message treated that way?".
"""
from __future__ import annotations

import re

from . import addresses, automatic, introduction, reply, tokens
from .envelope import Envelope, message_ids, read_envelope
from .mime import Decoded, Unparseable, decode
from .model import ParsedMessage, Tracking

COMMANDS = ("report", "stop", "help")
VERP_PREFIX = "bounce-"
STOP_PREFIX = "stop-"      # local+stop-TOKEN@: the personal unsubscribe address (List-Unsubscribe)
# Our check-in Message-IDs look like <YYYYMMDDHHMMSS.TOKEN@tracking-domain>.
_OUR_ID = re.compile(r"^\d{14}\.([a-z2-7]{4,64})@(.+)$")


def parse_message(raw: bytes, tracking: Tracking) -> ParsedMessage:
    """Classify and read one inbound message. Hostile or broken input yields ``unparseable``."""
    try:
        decoded = decode(raw)
    except Unparseable as exc:
        return ParsedMessage(kind="ignore", ignore_reason="unparseable", detail=str(exc))
    try:
        return _classify(decoded, tracking)
    except RecursionError:
        return ParsedMessage(kind="ignore", ignore_reason="unparseable", detail="structure nested too deeply")
    except Exception as exc:  # noqa: BLE001 - the daemon must never crash on mail; the reason is kept
        return ParsedMessage(kind="ignore", ignore_reason="unparseable",
                             detail=f"parser error: {type(exc).__name__}: {str(exc)[:200]}")


def token_from_references(env: Envelope, tracking: Tracking) -> str | None:
    """A reply whose plus-address was dropped still names our check-in in In-Reply-To/References."""
    domains = {a.rpartition("@")[2] for a in tracking.addresses}
    for mid in env.in_reply_to + tuple(reversed(env.references)):
        m = _OUR_ID.match(mid)
        if m and m.group(2) in domains:
            return m.group(1)
    return None


def answers_us(env: Envelope, tracking: Tracking) -> bool:
    """True when the message is a reply to a message with a Message-ID on one of our domains."""
    domains = {a.rpartition("@")[2] for a in tracking.addresses}
    return any(mid.rpartition("@")[2] in domains for mid in env.in_reply_to + env.references)


def _reply_tag(tag: str, env: Envelope, tracking: Tracking, only_us: bool) -> bool:
    """Whether a plus-tag on our address routes the message as a reply to a check-in.

    People also tag the tracking address for their own filing ("track+chapter-north@", "track+anna@")
    and copy it on ordinary introductions. A reply address carries a token of ours, so only a tag
    shaped like one (see :mod:`parsers.tokens`) makes a reply by itself. Any other tag counts only
    when the message answers one of our Message-IDs, or is written to nobody but us: an altered
    token sent back to the tracker alone is still a (rejected) reply, never an introduction.
    """
    if tokens.read_token(tag) is not None:
        return True
    return only_us or answers_us(env, tracking)


def _base(decoded: Decoded, env: Envelope, **kw) -> ParsedMessage:
    return ParsedMessage(
        message_id=env.message_id,
        in_reply_to=env.in_reply_to,
        references=env.references,
        subject=env.subject,
        sender=env.sender,
        reply_to=env.reply_to,
        to=env.to,
        cc=env.cc,
        date=env.date,
        utc_offset_minutes=env.utc_offset_minutes,
        attachments=decoded.attachments,
        authentication_results=tuple(decoded.get_all("authentication-results")),
        **kw,
    )


def _classify(decoded: Decoded, tracking: Tracking) -> ParsedMessage:
    env = read_envelope(decoded)
    if env.sender is None:
        return _base(decoded, env, kind="ignore", ignore_reason="unparseable", detail="no usable From address")
    if addresses.is_tracking(env.sender.email, tracking):
        return _base(decoded, env, kind="ignore", ignore_reason="from_self", detail="sent by a tracking address")

    # Mail to a VERP envelope sender (local+bounce-ID-MAC@) is by definition a delivery report or an
    # automatic answer (RFC 3834 sends those to the Return-Path): never an introduction or a reply.
    # read once: a pure function of the headers, needed again below for commands and tokens
    tags = addresses.plus_tags(decoded, tracking)
    verp = next((t for t in tags if t.startswith(VERP_PREFIX)), None)
    bounce = automatic.bounce_details(decoded, env)
    if bounce is not None:
        return _base(decoded, env, kind="ignore", ignore_reason="bounce", detail=bounce.reason,
                     bounced_message_ids=bounce.message_ids, bounced_recipients=bounce.recipients, verp_tag=verp)
    auto = automatic.why_automatic(decoded, env)
    if auto is not None:
        reason, detail = auto
        return _base(decoded, env, kind="ignore", ignore_reason=reason, detail=detail)
    if verp is not None:
        return _base(decoded, env, kind="ignore", ignore_reason="auto_reply",
                     detail="sent to our envelope sender address, so written by a machine")

    personal_stop = next((t for t in tags if t.startswith(STOP_PREFIX)), None)
    if personal_stop is not None:
        return _base(decoded, env, kind="command", command="stop", token=personal_stop[len(STOP_PREFIX):],
                     detail="stop, by a personal unsubscribe address")
    command = next((t for t in tags if t in COMMANDS), None)
    only_us = all(addresses.is_tracking(a.email, tracking) for a in env.to + env.cc)
    if command is None and not tags and only_us and env.subject.strip().lower() in COMMANDS:
        command = env.subject.strip().lower()
    if command is None and not tags and only_us and answers_us(env, tracking):
        # 'Reply "stop"' in the footer of an acknowledgement, update or digest: an answer to one of our
        # own messages that says only stop is the stop command (the workflow checks the thread).
        if reply.read_reply(decoded).outcome == "stop":
            return _base(decoded, env, kind="command", command="stop", detail="stop, by reply to our email")
    if command:
        return _base(decoded, env, kind="command", command=command, detail=f"command {command}")

    token = next((t for t in tags if t not in COMMANDS and _reply_tag(t, env, tracking, only_us)), None)
    source = "plus" if token else None
    if token is None:
        token = token_from_references(env, tracking)
        source = "references" if token else None
    if token is not None:
        return _base(decoded, env, kind="reply", token=token, token_source=source,
                     reply=reply.read_reply(decoded), detail=f"reply routed by {source}")

    if not addresses.addressed_to_us(decoded, tracking):
        return _base(decoded, env, kind="ignore", ignore_reason="no_introduction",
                     detail="the tracking address is not among the recipients")
    found = introduction.find_referrals(decoded, env, tracking)
    if not found.referrals:
        return _base(decoded, env, kind="ignore", ignore_reason="no_introduction", detail=found.reason)
    return _base(decoded, env, kind=found.referrals[0].kind, referrals=found.referrals, detail=found.reason)


__all__ = ["parse_message", "token_from_references", "message_ids", "COMMANDS"]
