"""The monthly digest: each active person's numbers, top partners, open referrals worth a nudge and the
imbalances worth acting on, queued once per person and month.

What is decided here, and why:

* **Who** gets a digest: everyone who gave or received a referral (was its referrer or its provider)
  introduced in the twelve months before the end of the reported month, unless they opted out or
  their address bounces. Contacts and peer-introduced people don't: they never asked to be tracked.
* **When**: from ``[digest] day`` of each month on, about the previous calendar month (and its year to
  date); each message waits for the recipient's send window like other scheduled mail. A daemon that
  was down on that day catches up later in the month.
* **Idempotent**: a :class:`DigestSent` row (unique person and month) is written in the same
  transaction as the outbox row, so two runs, or two instances, never queue a second copy.
* **Nudges**: when a partner has sent the person at least ``[reciprocity] nudge_after`` more referrals
  than went back, the digest suggests giving back, naming the partner and their category. The other
  way round (the person sent much more than came back) is mentioned too, as an invitation to tell the
  partner what work they're after. Either is made at most once per pair and quarter
  (:class:`NudgeSent`), so a standing imbalance does not nag every month.
* **Amounts**: the value of business won from referrals the person *gave* belongs to the partner, so
  it is shown only with ``[privacy] share_amounts``; the value of business the person *received* is
  their own and always shown.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from peewee import IntegrityError

from mailer.compose import Draft
from parsers.tokens import stop_token
from parsers import Address

from . import outbox
from .ledger import Ledger, OpenItem, PartnerLine, PeriodNumbers, Tally, ledgers_for, partner_categories, \
    period_numbers_for, stale_open_for
from .models import DigestSent, NudgeSent, Person, Referral, naive
from .views import money

TOP_PARTNERS = 5
MAX_IMBALANCES = 3
MAX_OPEN = 5
TEXT_BAR = 20
ACTIVE_FOR = timedelta(days=365)
BATCH = 200


# ---------------------------------------------------------------------------------------------- periods
@dataclass(frozen=True)
class Period:
    """The month a digest reports on, its year to date, and the quarter nudges are counted in."""

    key: str            # "2025-03"
    label: str          # "March 2025"
    start: datetime     # naive UTC
    end: datetime
    year_start: datetime
    year_label: str
    quarter: str        # quarter of the sending time, e.g. "2025-Q2"


def quarter_of(now: datetime) -> str:
    return f"{now.year}-Q{(now.month - 1) // 3 + 1}"


def reported_period(now: datetime) -> Period:
    """The calendar month before ``now`` (UTC)."""
    now_n = naive(now)
    first = datetime(now_n.year, now_n.month, 1)
    start = (first - timedelta(days=1)).replace(day=1)
    return Period(key=f"{start:%Y-%m}", label=f"{start:%B %Y}", start=start, end=first,
                  year_start=datetime(start.year, 1, 1), year_label=str(start.year), quarter=quarter_of(now_n))


def digest_due(now: datetime, day: int) -> bool:
    """From the configured day of the month on (the last day, in months shorter than ``day``)."""
    now_n = naive(now)
    last = calendar.monthrange(now_n.year, now_n.month)[1]
    return now_n.day >= max(1, min(day, last))


# ---------------------------------------------------------------------------------------------- content
@dataclass(frozen=True)
class NumberRow:
    label: str
    month: str
    year: str


@dataclass(frozen=True)
class PartnerBar:
    label: str
    category: str
    given: int
    received: int
    given_pct: int          # bar widths, 0..100, relative to the busiest partner shown
    received_pct: int
    given_text: str         # the same bars for the plain-text part
    received_text: str


@dataclass(frozen=True)
class Imbalance:
    partner_id: int
    kind: str               # give_back | ask_back
    sentence: str


@dataclass
class DigestContent:
    """Everything one person's digest says, prepared for the templates (no rows, only text and numbers)."""

    person: Person
    period: Period
    numbers: list[NumberRow] = field(default_factory=list)
    partners: list[PartnerBar] = field(default_factory=list)
    open_items: list[str] = field(default_factory=list)
    imbalances: list[Imbalance] = field(default_factory=list)
    quiet_month: bool = False

    def context(self) -> dict:
        return {"period_label": self.period.label, "year_label": self.period.year_label,
                "numbers": self.numbers, "partners": self.partners, "open_items": self.open_items,
                "imbalances": [i.sentence for i in self.imbalances], "quiet_month": self.quiet_month}


def _values(tally: Tally) -> str:
    return ", ".join(money(v, c) for c, v in sorted(tally.won_value.items()) if v)


def _count(n: int, value: str = "") -> str:
    return f"{n} ({value})" if value and n else str(n)


def number_rows(month: PeriodNumbers | Ledger, year: PeriodNumbers | Ledger, share_amounts: bool) -> list[NumberRow]:
    """The small table of figures: the same rows in the HTML and the text part."""
    def given_won(x) -> str:
        return _count(x.given.won, _values(x.given) if share_amounts else "")

    def received_won(x) -> str:
        return _count(x.received.won, _values(x.received))

    rows = [
        NumberRow("Referrals you gave", str(month.given.total), str(year.given.total)),
        NumberRow("  of which leads", str(month.given.leads), str(year.given.leads)),
        NumberRow("Referrals you received", str(month.received.total), str(year.received.total)),
        NumberRow("  of which leads", str(month.received.leads), str(year.received.leads)),
        NumberRow("Won from referrals you gave", given_won(month), given_won(year)),
        NumberRow("Won from referrals you received", received_won(month), received_won(year)),
    ]
    if month.intros_made or year.intros_made:
        rows.append(NumberRow("Introductions between peers", str(month.intros_made), str(year.intros_made)))
    return rows


def _bar_pct(n: int, top: int) -> int:
    if n <= 0 or top <= 0:
        return 0
    return max(3, round(100 * n / top))


def _text_bar(n: int, top: int) -> str:
    if n <= 0 or top <= 0:
        return ""
    return "#" * max(1, round(TEXT_BAR * n / top))


def partner_bars(ledger: Ledger, limit: int = TOP_PARTNERS) -> list[PartnerBar]:
    """The busiest partners by referrals exchanged, with bars scaled to the largest number shown."""
    lines = [p for p in ledger.partners if p.given.total or p.received.total]
    lines.sort(key=lambda p: (-(p.given.total + p.received.total), p.email))
    lines = lines[:limit]
    top = max((max(p.given.total, p.received.total) for p in lines), default=0)
    return [PartnerBar(label=p.label, category=p.category or "", given=p.given.total, received=p.received.total,
                       given_pct=_bar_pct(p.given.total, top), received_pct=_bar_pct(p.received.total, top),
                       given_text=_text_bar(p.given.total, top), received_text=_text_bar(p.received.total, top))
            for p in lines]


STATUS_WORDS = {"introduced": "no news yet", "no_contact": "they haven't connected yet",
                "in_touch": "they're in touch, no outcome yet"}


def _day(when: datetime) -> str:
    return f"{when:%B} {when.day}"


def open_sentence(item: OpenItem) -> str:
    state = STATUS_WORDS.get(item.status, item.status)
    if item.role == "provider":
        first = item.referrer_label.split()[0] if item.referrer_label else "they"
        return (f"{item.contact_label}, whom {item.referrer_label} sent you on {_day(item.introduced_at)}: {state}. "
                f"If anything came of it, a one-line reply to the check-in lets {first} know.")
    if item.provider_label:
        what = f"Your introduction of {item.contact_label} to {item.provider_label}"
    else:
        what = f"Your introduction of {' and '.join(item.party_labels)}"
    return f"{what} on {_day(item.introduced_at)}: {state}. A friendly nudge might help."


def _first(label: str) -> str:
    return label.split()[0] if label and "@" not in label.split()[0] else label


def imbalance_sentence(line: PartnerLine, kind: str, category: str | None) -> str:
    first = _first(line.label)
    if kind == "give_back":
        back = "none back yet" if line.given.total == 0 else f"{line.given.total} back"
        text = f"{line.label} has sent you {line.received.total} referrals, and you've sent {back}."
        if category:
            article = "an" if category[:1].lower() in "aeiou" else "a"
            return text + (f" If you meet someone who needs {article} {category}, {first} would be glad "
                           "of the introduction.")
        return text + f" If someone comes to mind who could use {first}'s help, an introduction is a kind way to say thanks."
    back = "none came back yet" if line.received.total == 0 else f"{line.received.total} came back"
    return (f"You've sent {line.label} {line.given.total} referrals, and {back}. "
            f"{first} may simply not know what kind of work you're looking for; a short note could help.")


def find_imbalances(ledger: Ledger, nudge_after: int, done: set[int],
                    limit: int = MAX_IMBALANCES) -> list[tuple[PartnerLine, str]]:
    """Partners out of balance by at least ``nudge_after``, largest first, leaving out ``done`` (the
    partners already mentioned to this person this quarter)."""
    if nudge_after <= 0:
        return []
    found = [(p, "give_back" if p.balance < 0 else "ask_back") for p in ledger.partners
             if abs(p.balance) >= nudge_after and p.partner_id not in done]
    found.sort(key=lambda pk: (pk[1] != "give_back", -abs(pk[0].balance), pk[0].email))
    return found[:limit]


def build_digest(person: Person, now: datetime, *, nudge_after: int, share_amounts: bool,
                 default_currency: str = "USD", period: Period | None = None) -> DigestContent:
    """Read everything one digest says; writes nothing."""
    return build_digests([person], now, nudge_after=nudge_after, share_amounts=share_amounts,
                         default_currency=default_currency, period=period)[person.id]


def build_digests(people: list[Person], now: datetime, *, nudge_after: int, share_amounts: bool,
                  default_currency: str = "USD", period: Period | None = None) -> dict[int, DigestContent]:
    """The digests of a batch of people, read with a fixed number of queries for the whole batch."""
    period = period or reported_period(now)
    ids = [p.id for p in people]
    ledgers = ledgers_for(people, default_currency)
    numbers = period_numbers_for(ids, {"month": (period.start, period.end), "year": (period.year_start, period.end)},
                                 default_currency)
    open_items = stale_open_for(ids, now, limit=MAX_OPEN)
    done: dict[int, set[int]] = {pid: set() for pid in ids}
    for person_id, partner_id in NudgeSent.select(NudgeSent.person, NudgeSent.partner).where(
            NudgeSent.person.in_(ids) & (NudgeSent.quarter == period.quarter)).tuples():
        done[person_id].add(partner_id)
    found = {pid: find_imbalances(ledgers[pid], nudge_after, done[pid]) for pid in ids}
    categories = partner_categories(p.partner_id for pairs in found.values() for p, kind in pairs
                                    if kind == "give_back" and not p.category)
    out = {}
    for person in people:
        pid = person.id
        out[pid] = DigestContent(
            person=person, period=period,
            numbers=number_rows(numbers[pid]["month"], numbers[pid]["year"], share_amounts),
            partners=partner_bars(ledgers[pid]),
            open_items=[open_sentence(i) for i in open_items[pid]],
            imbalances=[Imbalance(p.partner_id, kind,
                                  imbalance_sentence(p, kind, p.category or categories.get(p.partner_id)))
                        for p, kind in found[pid]],
            quiet_month=numbers[pid]["month"].empty,
        )
    return out


# ---------------------------------------------------------------------------------------------- mail
def plus_address(address: str, tag: str) -> str:
    local, _, domain = address.lower().partition("@")
    return f"{local}+{tag}@{domain}"


def base_context(config, person: Person | None) -> dict:
    """What every reciprocity template may use: who we are and the command addresses. The stop address
    is the person's own signed one, so it works without an authenticated sender."""
    address = config.tracking.address.lower()
    stop = plus_address(address, f"stop-{stop_token(config.secret_bytes, person.email)}") if person else \
        plus_address(address, "stop")
    return {"recipient_first": person.first_name if person else "there", "sender_name": config.tracking.name,
            "tracking_address": address, "stop_address": stop,
            "report_address": plus_address(address, "report"), "help_address": plus_address(address, "help")}


def digest_draft(config, content: DigestContent) -> Draft:
    person = content.person
    context = {**base_context(config, person), **content.context()}
    return Draft(template="digest", to=Address(person.name, person.email), context=context,
                 list_unsubscribe=f"mailto:{context['stop_address']}?subject=stop")


def _recipients(period: Period, limit: int | None) -> list[int]:
    """People active in the twelve months before the period's end, reachable, without this digest yet."""
    since, until = period.end - ACTIVE_FOR, period.end
    window = (Referral.introduced_at >= since) & (Referral.introduced_at < until)
    referrers = Referral.select(Referral.referrer).where(window)
    providers = Referral.select(Referral.provider).where(window & Referral.provider.is_null(False))
    already = DigestSent.select(DigestSent.person).where(DigestSent.period == period.key)
    query = (Person.select(Person.id)
             .where(Person.opted_out_at.is_null() & Person.bouncing_at.is_null()
                    & (Person.id.in_(referrers) | Person.id.in_(providers)) & Person.id.not_in(already))
             .order_by(Person.id))
    if limit:
        query = query.limit(limit)
    return [pid for (pid,) in query.tuples()]


def queue_digest(workflow, content: DigestContent, now: datetime) -> bool:
    """Record and queue one person's digest (and note its nudges) in one savepoint; False when it was
    already decided elsewhere or the person can't get mail."""
    person, period = content.person, content.period
    if outbox.suppressed(person):
        return False
    try:
        with workflow.db.atomic():
            DigestSent.create(person=person, period=period.key, created_at=naive(now))
            if content.imbalances:
                NudgeSent.insert_many([{"person": person.id, "partner": i.partner_id, "quarter": period.quarter,
                                        "created_at": naive(now)} for i in content.imbalances]).execute()
            opening = workflow.window.next_opening(now, person.utc_offset_minutes)
            workflow.send(digest_draft(workflow.config, content), "digest", now, person=person, not_before=opening)
    except IntegrityError:
        return False
    return True


def queue_monthly_digests(workflow, now: datetime, limit: int | None = None) -> int:
    """Queue this month's digests that are due and not yet decided; returns how many were queued.

    Safe to call every cycle: before ``[digest] day`` it does nothing, afterwards it only finds people
    still without a digest for the month. ``limit`` bounds the work of one call. Each batch of people is
    read with a fixed number of queries and committed in one transaction."""
    config = workflow.config
    if not config.digest.enabled or not digest_due(now, config.digest.day):
        return 0
    period = reported_period(now)
    queued = 0
    ids = _recipients(period, limit)
    for start in range(0, len(ids), BATCH):
        people = list(Person.select().where(Person.id.in_(ids[start:start + BATCH])).order_by(Person.id))
        contents = build_digests(people, now, nudge_after=config.reciprocity.nudge_after,
                                 share_amounts=config.privacy.share_amounts,
                                 default_currency=config.tracking.currency, period=period)
        with workflow.db.atomic():
            for person in people:
                queued += queue_digest(workflow, contents[person.id], now)
    return queued


def render_digest_html(workflow, email: str, now: datetime, path: str | Path) -> Path:
    """One person's digest as an HTML file (for the demo and for checking the design); writes nothing
    to the database and records no nudges."""
    person = Person.get(Person.email == email.strip().lower())
    config = workflow.config
    content = build_digest(person, now, nudge_after=config.reciprocity.nudge_after,
                           share_amounts=config.privacy.share_amounts, default_currency=config.tracking.currency)
    _, _, html = workflow.composer.render_parts(digest_draft(config, content))
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    return target


__all__ = ["queue_monthly_digests", "queue_digest", "build_digest", "render_digest_html", "reported_period",
           "digest_due", "Period", "DigestContent", "base_context", "number_rows", "partner_bars", "build_digests"]
