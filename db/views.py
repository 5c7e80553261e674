"""What templates see of a referral: names, sentences and dates, prepared once, never raw rows."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from urllib.parse import quote

from mailer.compose import reply_subject

from .models import Person, Referral, utc

NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "AUD": "A$", "CAD": "C$", "JPY": "¥"}


def humanize(delta: timedelta) -> str:
    """14 days -> "two weeks"; 10 days -> "10 days"; 1 day -> "a day"."""
    days = delta.days
    if days and days % 7 == 0:
        weeks = days // 7
        return "a week" if weeks == 1 else f"{NUMBER_WORDS.get(weeks, weeks)} weeks"
    if days:
        return "a day" if days == 1 else f"{days} days"
    hours = int(delta.total_seconds() // 3600)
    return "an hour" if hours <= 1 else f"{hours} hours"


def money(amount: Decimal | None, currency: str | None) -> str:
    if amount is None:
        return ""
    text = f"{amount:,.2f}".replace(".00", "")
    sign = CURRENCY_SIGNS.get(currency or "")
    return f"{sign}{text}" if sign else f"{text} {currency or ''}".strip()


def first_name(person: Person | None, fallback: str = "") -> str:
    if person is None:
        return fallback.split()[0] if fallback else "there"
    return person.first_name


@dataclass(frozen=True)
class ReferralView:
    kind: str
    sentence: str
    subject_line: str
    thread_subject: str
    referrer_label: str
    referrer_first: str
    provider_label: str
    provider_first: str
    contact_label: str
    category: str
    status: str
    introduced_on: str


def referral_view(r: Referral) -> ReferralView:
    provider = r.provider
    contact = r.contact
    a, b = r.party_a, r.party_b
    contact_label = contact.label() if contact else (r.contact_name or "your contact")
    if r.kind == "lead":
        sentence = f"You passed {contact_label} on to {provider.label() if provider else a.label()} as a lead."
        subject_line = f"your referral of {contact_label} to {provider.label() if provider else a.label()}"
    elif provider and contact:
        sentence = f"You introduced {contact.label()} to {provider.label()}."
        subject_line = f"your introduction of {contact.label()} to {provider.label()}"
    else:
        other = b.label() if b else ""
        sentence = f"You introduced {a.label()} and {other} to each other."
        subject_line = f"your introduction of {a.label()} and {other}"
    when = utc(r.introduced_at)
    return ReferralView(
        kind=r.kind,
        sentence=sentence,
        subject_line=subject_line,
        thread_subject=r.subject or subject_line,
        referrer_label=r.referrer.label(),
        referrer_first=r.referrer.first_name,
        provider_label=provider.label() if provider else "",
        provider_first=first_name(provider),
        contact_label=contact_label,
        category=r.category or "",
        status=r.status,
        introduced_on=f"{when:%B} {when.day}" if when else "",
    )


ONE_TAP = (("Hired", "Hired"), ("Talking", "Talking"), ("No contact yet", "No contact yet"),
           ("Not a fit", "Not a fit"))


def one_tap_options(reply_address: str, subject: str) -> list[tuple[str, str]]:
    """``mailto:`` links that prefill the reply address, the subject and a one-word answer."""
    subj = quote(reply_subject(subject), safe="")
    return [(label, f"mailto:{reply_address}?subject={subj}&body={quote(body, safe='')}")
            for label, body in ONE_TAP]
