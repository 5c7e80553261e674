"""Plain data that the parsers return.

Parsers are pure: bytes and text in, these dataclasses out. The workflow (``db/workflow.py``) takes
them, together with the clock, and decides what to record and send. Keeping the boundary as plain
data makes every parser testable without a server or a database, and lets ``referloop parse`` print
exactly what the daemon would act on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Literal

Kind = Literal["introduction", "lead", "reply", "command", "ignore"]
IgnoreReason = Literal[
    "auto_reply", "bounce", "mailing_list", "from_self", "no_introduction", "unparseable",
]
Outcome = Literal["won", "connected", "no_contact", "lost", "stop", "unknown"]
Command = Literal["report", "stop", "help"]


@dataclass(frozen=True)
class Address:
    """One mailbox as written in a header; ``email`` is always lowercase."""

    name: str
    email: str

    def display(self) -> str:
        return self.name or self.email


@dataclass(frozen=True)
class Tracking:
    """What the parser must know about the deployment: our own addresses and category words.

    ``addresses`` holds every tracking address of the deployment (several ``[[inbox]]`` entries may
    exist); the first is the one this mailbox answers for. Extra category synonyms come from config.
    """

    addresses: tuple[str, ...]
    category_synonyms: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Referral:
    """One referral found in an introduction or a lead.

    ``parties`` are the introduced people, sorted; ``provider``/``contact`` are None for a mutual
    introduction with no direction. ``names`` maps every address involved to the best display name
    known (header name, or the name used in the text).
    """

    kind: Literal["introduction", "lead"]
    referrer: str
    provider: str | None
    contact: str | None
    parties: tuple[str, ...]
    category: str | None
    names: tuple[tuple[str, str], ...] = ()
    contact_phone: str | None = None
    contact_name: str | None = None

    def to_json(self) -> dict:
        return {
            "referrer": self.referrer,
            "provider": self.provider,
            "contact": self.contact,
            "parties": list(self.parties),
            "category": self.category,
        }


@dataclass(frozen=True)
class ReplyReading:
    """What a reply to a check-in says, and what was trimmed away to find it."""

    outcome: Outcome
    amount: Decimal | None
    currency: str | None
    new_text: str
    cut_text: str


@dataclass(frozen=True)
class ParsedMessage:
    """Everything the workflow needs to decide about one inbound message.

    ``detail`` says in a few words why the message was classified as it was; it is stored with the
    message so that nothing is ever dropped without a recorded reason.
    """

    kind: Kind
    ignore_reason: IgnoreReason | None = None
    detail: str = ""
    message_id: str | None = None
    in_reply_to: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    subject: str = ""
    sender: Address | None = None
    reply_to: Address | None = None
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    date: datetime | None = None
    utc_offset_minutes: int | None = None
    referrals: tuple[Referral, ...] = ()
    token: str | None = None
    token_source: Literal["plus", "references"] | None = None
    command: Command | None = None
    reply: ReplyReading | None = None
    attachments: tuple[str, ...] = ()
    bounced_message_ids: tuple[str, ...] = ()
    bounced_recipients: tuple[str, ...] = ()
    verp_tag: str | None = None
    authentication_results: tuple[str, ...] = field(default=(), repr=False)

    def to_json(self) -> dict:
        """The schema of the shared corpus labels (intros and replies), plus a few extras."""
        out: dict = {
            "kind": self.kind,
            "ignore_reason": self.ignore_reason,
            "detail": self.detail,
            "referrals": [r.to_json() for r in self.referrals],
        }
        if self.reply is not None:
            out.update(
                outcome=self.reply.outcome,
                amount=float(self.reply.amount) if self.reply.amount is not None else None,
                currency=self.reply.currency,
                new_text=self.reply.new_text,
                token=self.token,
            )
        if self.command:
            out["command"] = self.command
        return out
