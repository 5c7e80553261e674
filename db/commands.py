"""Answers to the email commands ``report`` and ``help`` (``stop`` lives in the workflow).

Rules that keep a command from leaking anything:

* The answer goes only to the From address of the request, never to Reply-To or anyone else, and a
  report only ever describes the ledger of that same address.
* A report is sent only when the sender is authenticated (the caller decides, from DKIM/SPF/DMARC
  results). An unauthenticated request gets a short note without any data, at most one per address
  and day, so a forged From cannot make us mail someone repeatedly.
* Help holds no data; it too is limited to one per address and day, for the same reason.
* Both answer a person's own request, so they go out even to someone who opted out of our mail (as the
  stop confirmation does); a bouncing address gets nothing.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from peewee import IntegrityError

from mailer.compose import Draft
from parsers import Address, ParsedMessage

from . import outbox
from .digest import base_context, number_rows, open_sentence, partner_bars
from .ledger import period_numbers, person_ledger, stale_open
from .models import Notice, Person, naive

REPORT_PARTNERS = 10


def _once_a_day(address: str, reason: str, now: datetime) -> bool:
    """True the first time today for this address and reason (a unique row in the notice table)."""
    try:
        with Notice._meta.database.atomic():
            Notice.create(address=address, reason=reason, day=naive(now).strftime("%Y-%m-%d"))
    except IntegrityError:
        return False
    return True


def _threading(parsed: ParsedMessage) -> dict:
    ids = list(parsed.references[-10:]) + ([parsed.message_id] if parsed.message_id else [])
    return {"in_reply_to": f"<{parsed.message_id}>" if parsed.message_id else None,
            "references": tuple(f"<{i}>" for i in dict.fromkeys(ids))}


def _send(workflow, parsed: ParsedMessage, person: Person | None, template: str, kind: str, now: datetime,
          **context) -> bool:
    sender = parsed.sender
    assert sender is not None
    draft = Draft(template=template, to=Address(sender.name, sender.email),
                  context={**base_context(workflow.config, person), **context},
                  auto_submitted="auto-replied", **_threading(parsed))
    out = workflow.send(draft, kind, now, person=person, allow_opted_out=True)
    return out is not None


def _why_not_sent(person: Person | None, address: str) -> str:
    """Commands are answered even after an opt-out, so a refusal is the address or the answer cap."""
    return (outbox.suppressed(person, allow_opted_out=True, address=address)
            or "the cap on automatic answers to this address was reached")


def report_context(person: Person | None, now: datetime, share_amounts: bool, default_currency: str) -> dict:
    """The sender's own ledger, ready for the report templates."""
    ledger = person_ledger(person, default_currency)
    if person is None or ledger.empty:
        return {"has_data": False, "numbers": [], "partners": [], "more_partners": 0, "open_items": [],
                "year_label": str(naive(now).year)}
    now_n = naive(now)
    year = period_numbers(person, {"year": (datetime(now_n.year, 1, 1), now_n + timedelta(seconds=1))},
                          default_currency)["year"]
    bars = partner_bars(ledger, REPORT_PARTNERS)
    exchanged = sum(1 for p in ledger.partners if p.given.total or p.received.total)
    return {"has_data": True, "numbers": number_rows(year, ledger, share_amounts), "partners": bars,
            "more_partners": max(0, exchanged - len(bars)),
            "open_items": [open_sentence(i) for i in stale_open(person, now, limit=10)],
            "year_label": str(now_n.year)}


def reply_report(workflow, parsed: ParsedMessage, person: Person | None, now: datetime, authenticated: bool) -> str:
    """Queue the sender's ledger (or, unauthenticated, a note without data); returns the disposition reason."""
    sender = parsed.sender
    if sender is None:
        return "report: no sender address"
    if person is None or person.email != sender.email:
        person = Person.get_or_none(Person.email == sender.email)   # only ever the sender's own ledger
    if not authenticated:
        if not _once_a_day(sender.email, "report_unverified", now):
            return f"report refused: {sender.email} is not authenticated (already told today)"
        _send(workflow, parsed, person, "report", "report_refused", now, authenticated=False, has_data=False,
              numbers=[], partners=[], more_partners=0, open_items=[], year_label=str(naive(now).year))
        return f"report refused: {sender.email} is not authenticated"
    context = report_context(person, now, workflow.config.privacy.share_amounts, workflow.config.tracking.currency)
    if not _send(workflow, parsed, person, "report", "report", now, authenticated=True, **context):
        return f"report not sent: {_why_not_sent(person, sender.email)}"
    return f"report sent to {sender.email} ({len(context['partners'])} partners shown)"


def reply_help(workflow, parsed: ParsedMessage, now: datetime) -> str:
    """Queue the explanation of the service; returns the disposition reason."""
    sender = parsed.sender
    if sender is None:
        return "help: no sender address"
    if not _once_a_day(sender.email, "help", now):
        return f"help already sent to {sender.email} today"
    person = Person.get_or_none(Person.email == sender.email)
    if not _send(workflow, parsed, person, "help", "help", now):
        return f"help not sent: {_why_not_sent(person, sender.email)}"
    return f"help sent to {sender.email}"
