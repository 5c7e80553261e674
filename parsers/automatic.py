"""Mail written by machines: auto-replies, bounces and list traffic, which we must never answer.

Each rule is a small named predicate that returns why it matched, so the stored reason is readable.
Note: Exchange adds ``X-Auto-Response-Suppress`` to ordinary human mail; it proves nothing on its own,
and ``Auto-Submitted: no`` explicitly means a human wrote it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .envelope import Envelope, message_ids
from .mime import Decoded, parse_addresses

# Localized out-of-office subject prefixes (English, German, French, Spanish, Dutch, Italian, ...).
_OOO_SUBJECT = re.compile(
    r"^\s*(automatic reply|auto(matic)?[- ]?reply|autoreply|auto(matic)?[- ]?response|autoresponder|vacation reply|"
    r"out of (the )?office|ooo\b|away from (the )?office|"
    r"on vacation|abwesenheitsnotiz|automatische antwort|abwesend|r[ée]ponse automatique|absence du bureau|"
    r"absent\b|respuesta autom[áa]tica|fuera de la oficina|automatisch antwoord|afwezig|"
    r"risposta automatica|fuori ufficio|resposta autom[áa]tica|autosvar|automaattinen vastaus|auto\s*:|"
    r"ausente|en vacaciones|en cong[ée]|urlaubsabwesenheit|im urlaub|out of the office)",
    re.IGNORECASE,
)
_DAEMON = re.compile(r"^(mailer-daemon|postmaster|mail-daemon|mailerdaemon|bounces?)([+@]|$)", re.IGNORECASE)


@dataclass(frozen=True)
class Bounce:
    reason: str
    message_ids: tuple[str, ...]
    recipients: tuple[str, ...]


def _auto_submitted(d: Decoded) -> str | None:
    value = d.get("auto-submitted").strip().lower()
    if value and not value.startswith("no"):
        return f"Auto-Submitted: {value[:40]}"
    return None


def _precedence(d: Decoded) -> str | None:
    value = d.get("precedence").strip().lower()
    if value in ("bulk", "junk", "auto_reply", "auto-reply"):
        return f"Precedence: {value}"
    return None


def _autoreply_headers(d: Decoded) -> str | None:
    for name in ("x-autoreply", "x-autorespond", "x-autoresponder", "x-mailautoreply"):
        if d.has(name):
            return f"{name} header present"
    if d.get("x-auto-reply-from"):
        return "x-auto-reply-from header present"
    return None


def _ooo_subject(d: Decoded, env: Envelope) -> str | None:
    if _OOO_SUBJECT.match(env.subject or ""):
        return f"out-of-office subject {env.subject[:60]!r}"
    return None


def _loop(d: Decoded) -> str | None:
    return "X-Loop header present" if d.has("x-loop") else None


AUTO_REPLY_RULES = (_auto_submitted, _precedence, _autoreply_headers, _loop)


def _mailing_list(d: Decoded) -> str | None:
    if d.has("list-id"):
        return "List-Id header present"
    precedence = d.get("precedence").strip().lower()
    if precedence == "list":
        return "Precedence: list"
    if d.has("list-unsubscribe") and (precedence in ("bulk", "list") or d.has("list-post")):
        return "List-Unsubscribe with list headers"
    if d.has("list-unsubscribe"):
        # people's own mail never carries an unsubscribe link; newsletters and campaigns do
        return "List-Unsubscribe header present"
    return None


def bounce_details(d: Decoded, env: Envelope) -> Bounce | None:
    """A delivery status notification, with the Message-IDs and recipients it reports on."""
    reason = None
    if d.content_type == "multipart/report" or "message/delivery-status" in d.part_types:
        reason = "multipart/report delivery status notification"
    elif env.sender and _DAEMON.match(env.sender.email.partition("@")[0] + "@"):
        reason = f"sent by {env.sender.email}"
    elif d.has("return-path") and d.get("return-path").strip() in ("<>", ""):
        if re.search(r"(undeliver|delivery (status|failure)|returned mail|failure notice|unzustellbar|non remis)",
                     env.subject or "", re.IGNORECASE):
            reason = "empty Return-Path on a delivery failure"
    if reason is None:
        return None
    embedded = "\n".join(d.embedded_headers)
    ids = message_ids("\n".join(line for line in embedded.splitlines()
                                if line.lower().startswith(("message-id", "original-message-id"))))
    if not ids:
        ids = message_ids(" ".join(re.findall(r"(?im)^message-id:\s*(<[^>]+>)", d.text or "")))
    rcpts = []
    for line in embedded.splitlines():
        if line.lower().startswith(("final-recipient", "original-recipient")):
            rcpts += [a.email for a in parse_addresses([line.partition(";")[2]])]
    return Bounce(reason, ids, tuple(dict.fromkeys(rcpts)))


def why_automatic(d: Decoded, env: Envelope) -> tuple[str, str] | None:
    """(ignore_reason, detail) when a machine wrote this, else None. Bounces are checked first.

    List traffic is recognised before auto-reply markers because newsletters also carry
    ``Precedence: bulk`` or ``Auto-Submitted``; "mailing_list" is the more useful reason then.
    """
    listing = _mailing_list(d)
    if listing:
        return "mailing_list", listing
    for rule in AUTO_REPLY_RULES:
        detail = rule(d)
        if detail:
            return "auto_reply", detail
    if d.has("return-path") and d.get("return-path").strip() == "<>":
        return "auto_reply", "empty Return-Path"
    detail = _ooo_subject(d, env)
    if detail:
        return "auto_reply", detail
    return None
