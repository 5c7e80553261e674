"""Reading a reply to a check-in: what the person wrote, and what it says happened."""
from __future__ import annotations

from .amounts import find_amount
from .mime import Decoded, parse_addresses
from .model import ReplyReading
from .outcome import classify_outcome
from .trimming import Trimmed, trim_reply


def trim_decoded(decoded: Decoded) -> Trimmed:
    """The new text of a decoded reply: the HTML structure is used only when there is no text part."""
    senders = parse_addresses(decoded.get_all("from")[:1])
    sender_name = senders[0].name if senders else None
    html = decoded.html if decoded.text_from_html else None
    return trim_reply(decoded.text, html, sender_name=sender_name)


def read_reply(decoded: Decoded) -> ReplyReading:
    """Trim the quote and signature, then read the outcome; an amount only for won business."""
    trimmed = trim_decoded(decoded)
    outcome = classify_outcome(trimmed.kept)
    amount, currency = (None, None)
    if outcome == "won":
        found = find_amount(trimmed.kept)
        if found is not None:
            amount, currency = found.value, found.currency
    return ReplyReading(outcome, amount, currency, trimmed.kept, trimmed.cut)
