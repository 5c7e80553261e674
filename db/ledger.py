"""The reciprocity ledger: for one person, what went back and forth with each partner.

Everything here is a handful of grouped queries over indexed columns (referrer, provider, party_a,
party_b), so a person with ten thousand referrals costs a few aggregate rows per partner, never a row
per referral in Python.

Semantics, from the person's side (issue 7):

* **given**: the person was the referrer and the partner the provider: the person sent the partner
  business. **received**: the partner was the referrer and the person the provider.
  Introductions and leads are counted separately; ``total`` is both.
* **Peer introductions** (no provider: two people introduced to each other, no direction of business)
  are *introductions made*, not business. When the person introduced the partner to someone, the
  partner's ``intros_made`` rises; when the partner introduced the person to someone,
  ``intros_received`` does. They never enter given, received or the balance, but they do count as an
  exchange for ``last_exchange``.
* The **contact** of a directed referral is the business being sent, not a partner: a referral does
  not make its referrer and its contact partners.
* **balance** = given.total - received.total. Positive: the person has sent the partner more than came
  back; negative: the partner has been the more generous one.
* **open**: introduced, no_contact or in_touch, and not historical. Imported history is never followed
  up, so its outcome is unknown rather than pending, and it must not look like something to chase.
* **won value**: amounts of won referrals summed per currency; an amount without a currency is in the
  deployment's currency (``default_currency``).
* **last_exchange**: the latest introduction date of any referral between the two, in either direction.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Iterable

from peewee import JOIN, Case, fn

from .models import Person, Referral, naive, utc

OPEN_STATUSES = ("introduced", "no_contact", "in_touch")
CENT = Decimal("0.01")


def _decimal(value) -> Decimal:
    """SUM over a DECIMAL column is a float on SQLite and a Decimal on PostgreSQL: one form for both."""
    if value is None:
        return Decimal(0)
    return Decimal(str(value)).quantize(CENT)


def _datetime(value) -> datetime | None:
    """MAX over a datetime column comes back as text on SQLite."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


@dataclass
class Tally:
    """Referrals in one direction: counts by kind, outcomes, and won value per currency."""

    introductions: int = 0
    leads: int = 0
    won: int = 0
    won_value: dict[str, Decimal] = field(default_factory=dict)
    open: int = 0

    @property
    def total(self) -> int:
        return self.introductions + self.leads

    def add(self, kind: str, currency: str, count: int, won: int, won_value: Decimal, open_: int) -> None:
        if kind == "lead":
            self.leads += count
        else:
            self.introductions += count
        self.won += won
        self.open += open_
        if won_value:
            self.won_value[currency] = self.won_value.get(currency, Decimal(0)) + won_value

    def merge(self, other: "Tally") -> None:
        self.introductions += other.introductions
        self.leads += other.leads
        self.won += other.won
        self.open += other.open
        for currency, value in other.won_value.items():
            self.won_value[currency] = self.won_value.get(currency, Decimal(0)) + value

    def to_json(self) -> dict:
        return {"introductions": self.introductions, "leads": self.leads, "total": self.total, "won": self.won,
                "won_value": {c: str(v) for c, v in sorted(self.won_value.items())}, "open": self.open}


@dataclass
class PartnerLine:
    """The exchange between the person and one partner."""

    partner_id: int
    email: str
    name: str
    category: str | None = None
    given: Tally = field(default_factory=Tally)
    received: Tally = field(default_factory=Tally)
    intros_made: int = 0
    intros_received: int = 0
    last_exchange: datetime | None = None

    @property
    def balance(self) -> int:
        return self.given.total - self.received.total

    @property
    def label(self) -> str:
        return self.name or self.email

    @property
    def activity(self) -> int:
        return self.given.total + self.received.total + self.intros_made + self.intros_received

    def seen(self, when: datetime | None) -> None:
        when = _datetime(when)
        if when is not None and (self.last_exchange is None or when > self.last_exchange):
            self.last_exchange = when

    def to_json(self) -> dict:
        return {"email": self.email, "name": self.name, "category": self.category,
                "given": self.given.to_json(), "received": self.received.to_json(),
                "intros_made": self.intros_made, "intros_received": self.intros_received,
                "balance": self.balance,
                "last_exchange": utc(self.last_exchange).isoformat() if self.last_exchange else None}


@dataclass
class Ledger:
    """One person's ledger: a line per partner (most active first) and the totals."""

    person_id: int | None
    email: str
    name: str
    partners: list[PartnerLine] = field(default_factory=list)
    given: Tally = field(default_factory=Tally)
    received: Tally = field(default_factory=Tally)
    intros_made: int = 0          # peer introductions the person made, each counted once
    intros_received: int = 0      # peer introductions that included the person

    def partner(self, email: str) -> PartnerLine | None:
        email = email.strip().lower()
        return next((p for p in self.partners if p.email == email), None)

    @property
    def last_exchange(self) -> datetime | None:
        dates = [p.last_exchange for p in self.partners if p.last_exchange]
        return max(dates) if dates else None

    @property
    def empty(self) -> bool:
        return not self.partners

    def to_json(self) -> dict:
        return {"email": self.email, "name": self.name, "given": self.given.to_json(),
                "received": self.received.to_json(), "intros_made": self.intros_made,
                "intros_received": self.intros_received,
                "partners": [p.to_json() for p in self.partners]}


def _rows(query) -> list[tuple]:
    """Plain rows straight from the driver: aggregate rows need no model conversion, and skipping it
    halves the cost of a ledger with thousands of groups."""
    return query.model._meta.database.execute_sql(*query.sql()).fetchall()


def _directed(where, partner_col) -> list[tuple]:
    """Directed referrals per partner, kind and currency, with conditional sums for the outcomes: few
    groups, and (with the covering indexes on referral) read from the index alone in its order."""
    won = Referral.status == "won"
    is_open = Referral.status.in_(OPEN_STATUSES) & (Referral.historical == False)  # noqa: E712
    return _rows(Referral.select(
        partner_col, Referral.kind, Referral.currency, fn.COUNT(Referral.id),
        fn.SUM(Case(None, [(won, 1)], 0)), fn.SUM(Case(None, [(won, Referral.amount)], 0)),
        fn.SUM(Case(None, [(is_open, 1)], 0)), fn.MAX(Referral.introduced_at), fn.MAX(Referral.category))
        .where(where).group_by(partner_col, Referral.kind, Referral.currency))


def _peer(where, partner_col) -> list[tuple]:
    return _rows(Referral.select(partner_col, fn.COUNT(Referral.id), fn.MAX(Referral.introduced_at))
                 .where(where).group_by(partner_col))


def person_ledger(person: Person | None, default_currency: str = "USD") -> Ledger:
    """The full ledger of one person (an unknown person has an empty one)."""
    if person is None:
        return Ledger(None, "", "")
    pid = person.id
    lines: dict[int, PartnerLine] = {}

    def line(partner_id: int) -> PartnerLine:
        found = lines.get(partner_id)
        if found is None:
            found = lines[partner_id] = PartnerLine(partner_id, "", "")
        return found

    ledger = Ledger(pid, person.email, person.name)
    for side, where, column in (
            ("given", (Referral.referrer == pid) & Referral.provider.is_null(False) & (Referral.provider != pid),
             Referral.provider),
            ("received", (Referral.provider == pid) & (Referral.referrer != pid), Referral.referrer)):
        for partner_id, kind, currency, n, won, value, open_, last, category in _directed(where, column):
            entry = line(partner_id)
            tally = entry.given if side == "given" else entry.received
            tally.add(kind, currency or default_currency, int(n), int(won or 0), _decimal(value), int(open_ or 0))
            entry.seen(last)
            if side == "given" and category and not entry.category:
                entry.category = category
    for column in (Referral.party_a, Referral.party_b):
        for partner_id, n, last in _peer((Referral.referrer == pid) & Referral.provider.is_null()
                                         & column.is_null(False), column):
            entry = line(partner_id)
            entry.intros_made += n
            entry.seen(last)
            if column is Referral.party_a:
                ledger.intros_made += n
    for partner_id, n, last in _peer(((Referral.party_a == pid) | (Referral.party_b == pid))
                                     & Referral.provider.is_null() & (Referral.referrer != pid), Referral.referrer):
        entry = line(partner_id)
        entry.intros_received += n
        entry.seen(last)
        ledger.intros_received += n
    lines.pop(pid, None)
    if lines:
        for partner_id, email, name in _rows(Person.select(Person.id, Person.email, Person.name)
                                             .where(Person.id.in_(list(lines)))):
            lines[partner_id].email, lines[partner_id].name = email, name
        missing = [p.partner_id for p in lines.values() if p.category is None and p.received.total]
        for partner_id, category in partner_categories(missing).items():
            lines[partner_id].category = category
    ledger.partners = sorted(lines.values(), key=lambda p: (
        -p.activity, -(p.last_exchange.timestamp() if p.last_exchange else 0.0), p.email))
    for entry in ledger.partners:
        ledger.given.merge(entry.given)
        ledger.received.merge(entry.received)
    return ledger


def ledger_for_email(email: str, default_currency: str = "USD") -> Ledger:
    person = Person.get_or_none(Person.email == email.strip().lower())
    ledger = person_ledger(person, default_currency)
    if person is None:
        ledger.email = email.strip().lower()
    return ledger


def partner_categories(partner_ids: Iterable[int]) -> dict[int, str]:
    """What each partner does: the category of the latest referral they were the provider of."""
    ids = list(dict.fromkeys(partner_ids))
    if not ids:
        return {}
    latest: dict[int, tuple[datetime, str]] = {}
    for provider_id, category, last in _rows(
            Referral.select(Referral.provider, Referral.category, fn.MAX(Referral.introduced_at))
            .where(Referral.provider.in_(ids) & Referral.category.is_null(False))
            .group_by(Referral.provider, Referral.category)):
        last = _datetime(last)
        if provider_id not in latest or last > latest[provider_id][0]:
            latest[provider_id] = (last, category)
    return {pid: category for pid, (_, category) in latest.items()}


# ---------------------------------------------------------------------------------------------- periods
@dataclass
class PeriodNumbers:
    """What happened in one window: referrals introduced in it, and those won (closed) in it."""

    given: Tally = field(default_factory=Tally)
    received: Tally = field(default_factory=Tally)
    intros_made: int = 0

    @property
    def empty(self) -> bool:
        return not (self.given.total or self.received.total or self.given.won or self.received.won
                    or self.intros_made)


def _in(column, start: datetime, end: datetime):
    return (column >= naive(start)) & (column < naive(end))


def period_numbers(person: Person, windows: dict[str, tuple[datetime, datetime]],
                   default_currency: str = "USD") -> dict[str, PeriodNumbers]:
    """Numbers for several windows at once (e.g. the month and the year): two grouped queries, with one
    conditional sum per window and measure, whatever the number of windows."""
    out = {name: PeriodNumbers() for name in windows}
    won = Referral.status == "won"
    for side in ("given", "received"):
        if side == "given":
            where = Referral.referrer == person.id
        else:
            where = (Referral.provider == person.id) & (Referral.referrer != person.id)
        peer = Referral.provider.is_null()
        cols = [Referral.kind, peer.alias("peer"), Referral.currency]
        for start, end in windows.values():
            cols += [fn.SUM(Case(None, [(_in(Referral.introduced_at, start, end), 1)], 0)),
                     fn.SUM(Case(None, [(won & _in(Referral.closed_at, start, end), 1)], 0)),
                     fn.SUM(Case(None, [(won & _in(Referral.closed_at, start, end), Referral.amount)], 0))]
        query = (Referral.select(*cols).where(where)
                 .group_by(Referral.kind, Referral.provider.is_null(), Referral.currency).tuples())
        for row in query:
            kind, is_peer, currency = row[0], bool(row[1]), row[2] or default_currency
            for i, name in enumerate(windows):
                introduced, won_n, won_value = row[3 + 3 * i: 6 + 3 * i]
                numbers = out[name]
                if is_peer:
                    if side == "given":
                        numbers.intros_made += int(introduced or 0)
                    continue
                tally = numbers.given if side == "given" else numbers.received
                if kind == "lead":
                    tally.leads += int(introduced or 0)
                else:
                    tally.introductions += int(introduced or 0)
                if won_n:
                    tally.won += int(won_n)
                    value = _decimal(won_value)
                    if value:
                        tally.won_value[currency] = tally.won_value.get(currency, Decimal(0)) + value
    return out


# ---------------------------------------------------------------------------------------------- stale
@dataclass(frozen=True)
class OpenItem:
    """An open referral the person is part of that has not moved for a while."""

    referral_id: int
    role: str                 # referrer | provider
    kind: str
    referrer_label: str
    provider_label: str
    contact_label: str
    party_labels: tuple[str, ...]
    status: str
    introduced_at: datetime
    idle_days: int


def stale_open(person: Person, now: datetime, idle: timedelta = timedelta(days=30), limit: int = 5) -> list[OpenItem]:
    """Open referrals the person made or received that have not changed in ``idle``: worth a nudge."""
    Ref, Prov, Cont, A, B = (Person.alias() for _ in range(5))
    cutoff = naive(now) - idle
    query = (Referral.select(Referral.id, Referral.kind, Referral.status, Referral.introduced_at, Referral.updated_at,
                             Referral.referrer, Referral.contact_name,
                             Ref.name, Ref.email, Prov.name, Prov.email, Cont.name, Cont.email,
                             A.name, A.email, B.name, B.email)
             .join_from(Referral, Ref, on=(Referral.referrer == Ref.id))
             .join_from(Referral, Prov, JOIN.LEFT_OUTER, on=(Referral.provider == Prov.id))
             .join_from(Referral, Cont, JOIN.LEFT_OUTER, on=(Referral.contact == Cont.id))
             .join_from(Referral, A, on=(Referral.party_a == A.id))
             .join_from(Referral, B, JOIN.LEFT_OUTER, on=(Referral.party_b == B.id))
             .where(((Referral.referrer == person.id) | (Referral.provider == person.id))
                    & Referral.status.in_(OPEN_STATUSES) & (Referral.historical == False)  # noqa: E712
                    & (Referral.updated_at < cutoff))
             .order_by(Referral.updated_at, Referral.id).limit(limit).tuples())
    items = []
    for (rid, kind, status, introduced, updated, referrer_id, contact_name, rn, re_, pn, pe, cn, ce, an, ae,
         bn, be) in query:
        updated = _datetime(updated)
        items.append(OpenItem(
            referral_id=rid, role="referrer" if referrer_id == person.id else "provider", kind=kind,
            referrer_label=rn or re_, provider_label=(pn or pe or ""),
            contact_label=(cn or ce or contact_name or "your contact"),
            party_labels=tuple(x for x in (an or ae, (bn or be) if be else None) if x),
            status=status, introduced_at=_datetime(introduced),
            idle_days=(naive(now) - updated).days if updated else 0))
    return items
