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


def _directed(owner_col, partner_col, ids: list[int], where) -> list[tuple]:
    """Directed referrals per owner, partner, kind and currency, with conditional sums for the outcomes:
    few groups, read (with the covering indexes on referral) from the index alone."""
    won = Referral.status == "won"
    is_open = Referral.status.in_(OPEN_STATUSES) & (Referral.historical == False)  # noqa: E712
    return _rows(Referral.select(
        owner_col, partner_col, Referral.kind, Referral.currency, fn.COUNT(Referral.id),
        fn.SUM(Case(None, [(won, 1)], 0)), fn.SUM(Case(None, [(won, Referral.amount)], 0)),
        fn.SUM(Case(None, [(is_open, 1)], 0)), fn.MAX(Referral.introduced_at), fn.MAX(Referral.category))
        .where(owner_col.in_(ids) & where).group_by(owner_col, partner_col, Referral.kind, Referral.currency))


def _peer(owner_col, partner_col, ids: list[int], where) -> list[tuple]:
    return _rows(Referral.select(owner_col, partner_col, fn.COUNT(Referral.id), fn.MAX(Referral.introduced_at))
                 .where(owner_col.in_(ids) & Referral.provider.is_null() & where).group_by(owner_col, partner_col))


def person_ledger(person: Person | None, default_currency: str = "USD") -> Ledger:
    """The full ledger of one person (an unknown person has an empty one)."""
    if person is None:
        return Ledger(None, "", "")
    return ledgers_for([person], default_currency)[person.id]


def ledgers_for(people: list[Person], default_currency: str = "USD") -> dict[int, Ledger]:
    """The ledgers of several people at once, with the same few queries as for one (batch work such as
    the monthly digests pays the query overhead once per batch, not once per person)."""
    ledgers = {p.id: Ledger(p.id, p.email, p.name) for p in people}
    ids = list(ledgers)
    if not ids:
        return {}
    lines: dict[int, dict[int, PartnerLine]] = {pid: {} for pid in ids}

    def line(owner: int, partner_id: int) -> PartnerLine:
        found = lines[owner].get(partner_id)
        if found is None:
            found = lines[owner][partner_id] = PartnerLine(partner_id, "", "")
        return found

    for side, owner_col, partner_col in (("given", Referral.referrer, Referral.provider),
                                         ("received", Referral.provider, Referral.referrer)):
        rows = _directed(owner_col, partner_col, ids,
                         Referral.provider.is_null(False) & (Referral.provider != Referral.referrer))
        for owner, partner_id, kind, currency, n, won, value, open_, last, category in rows:
            entry = line(owner, partner_id)
            tally = entry.given if side == "given" else entry.received
            tally.add(kind, currency or default_currency, int(n), int(won or 0), _decimal(value), int(open_ or 0))
            entry.seen(last)
            if side == "given" and category and not entry.category:
                entry.category = category
    for column in (Referral.party_a, Referral.party_b):
        for owner, partner_id, n, last in _peer(Referral.referrer, column, ids, column.is_null(False)):
            entry = line(owner, partner_id)
            entry.intros_made += n
            entry.seen(last)
            if column is Referral.party_a:
                ledgers[owner].intros_made += n
        for owner, partner_id, n, last in _peer(column, Referral.referrer, ids, Referral.referrer != column):
            entry = line(owner, partner_id)
            entry.intros_received += n
            entry.seen(last)
            ledgers[owner].intros_received += n
    for owner in ids:
        lines[owner].pop(owner, None)
    partner_ids = {pid for owned in lines.values() for pid in owned}
    if partner_ids:
        names = {pid: (email, name) for pid, email, name in _rows(
            Person.select(Person.id, Person.email, Person.name).where(Person.id.in_(list(partner_ids))))}
        missing = {p.partner_id for owned in lines.values() for p in owned.values()
                   if p.category is None and p.received.total}
        categories = partner_categories(missing)
        for owned in lines.values():
            for entry in owned.values():
                entry.email, entry.name = names.get(entry.partner_id, ("", ""))
                if entry.category is None:
                    entry.category = categories.get(entry.partner_id)
    for owner, ledger in ledgers.items():
        ledger.partners = sorted(lines[owner].values(), key=lambda p: (
            -p.activity, -(p.last_exchange.timestamp() if p.last_exchange else 0.0), p.email))
        for entry in ledger.partners:
            ledger.given.merge(entry.given)
            ledger.received.merge(entry.received)
    return ledgers


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
    """Numbers for several windows at once (e.g. the month and the year)."""
    return period_numbers_for([person.id], windows, default_currency)[person.id]


def period_numbers_for(ids: list[int], windows: dict[str, tuple[datetime, datetime]],
                       default_currency: str = "USD") -> dict[int, dict[str, PeriodNumbers]]:
    """Numbers per person and window: two grouped queries with one conditional sum per window and
    measure, whatever the number of people or windows."""
    out = {pid: {name: PeriodNumbers() for name in windows} for pid in ids}
    if not ids:
        return out
    won = Referral.status == "won"
    for side, owner_col, where in (("given", Referral.referrer, True),
                                   ("received", Referral.provider, Referral.referrer != Referral.provider)):
        peer = Referral.provider.is_null()
        cols = [owner_col, Referral.kind, peer, Referral.currency]
        for start, end in windows.values():
            cols += [fn.SUM(Case(None, [(_in(Referral.introduced_at, start, end), 1)], 0)),
                     fn.SUM(Case(None, [(won & _in(Referral.closed_at, start, end), 1)], 0)),
                     fn.SUM(Case(None, [(won & _in(Referral.closed_at, start, end), Referral.amount)], 0))]
        query = (Referral.select(*cols).where(owner_col.in_(ids) & where)
                 .group_by(owner_col, Referral.kind, peer, Referral.currency))
        for row in _rows(query):
            owner, kind, is_peer, currency = row[0], row[1], bool(row[2]), row[3] or default_currency
            for i, name in enumerate(windows):
                introduced, won_n, won_value = row[4 + 3 * i: 7 + 3 * i]
                numbers = out[owner][name]
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
    return stale_open_for([person.id], now, idle, limit)[person.id]


def stale_open_for(ids: list[int], now: datetime, idle: timedelta = timedelta(days=30),
                   limit: int = 5) -> dict[int, list[OpenItem]]:
    """:func:`stale_open` for several people: the oldest ``limit`` each, found on narrow rows first and
    described (with names) only for those kept."""
    out: dict[int, list[OpenItem]] = {pid: [] for pid in ids}
    if not ids:
        return out
    cutoff = naive(now) - idle
    wanted = set(ids)
    stale = (Referral.status.in_(OPEN_STATUSES) & (Referral.historical == False)  # noqa: E712
             & (Referral.updated_at < cutoff))
    picked: dict[int, list[tuple[int, str]]] = {pid: [] for pid in ids}
    keep: set[int] = set()
    for rid, referrer_id, provider_id in _rows(
            Referral.select(Referral.id, Referral.referrer, Referral.provider)
            .where((Referral.referrer.in_(ids) | Referral.provider.in_(ids)) & stale)
            .order_by(Referral.updated_at, Referral.id)):
        for owner, role in ((referrer_id, "referrer"), (provider_id, "provider")):
            if owner in wanted and len(picked[owner]) < limit and (not picked[owner] or picked[owner][-1][0] != rid):
                picked[owner].append((rid, role))
                keep.add(rid)
    if not keep:
        return out
    Ref, Prov, Cont, A, B = (Person.alias() for _ in range(5))
    query = (Referral.select(Referral.id, Referral.kind, Referral.status, Referral.introduced_at, Referral.updated_at,
                             Referral.contact_name, Ref.name, Ref.email, Prov.name, Prov.email, Cont.name,
                             Cont.email, A.name, A.email, B.name, B.email)
             .join_from(Referral, Ref, on=(Referral.referrer == Ref.id))
             .join_from(Referral, Prov, JOIN.LEFT_OUTER, on=(Referral.provider == Prov.id))
             .join_from(Referral, Cont, JOIN.LEFT_OUTER, on=(Referral.contact == Cont.id))
             .join_from(Referral, A, on=(Referral.party_a == A.id))
             .join_from(Referral, B, JOIN.LEFT_OUTER, on=(Referral.party_b == B.id))
             .where(Referral.id.in_(list(keep))))
    described = {}
    for (rid, kind, status, introduced, updated, contact_name, rn, re_, pn, pe, cn, ce, an, ae, bn, be) in _rows(query):
        updated = _datetime(updated)
        described[rid] = dict(
            referral_id=rid, kind=kind, referrer_label=rn or re_, provider_label=(pn or pe or ""),
            contact_label=(cn or ce or contact_name or "your contact"),
            party_labels=tuple(x for x in (an or ae, (bn or be) if be else None) if x),
            status=status, introduced_at=_datetime(introduced),
            idle_days=(naive(now) - updated).days if updated else 0)
    for owner, chosen in picked.items():
        out[owner] = [OpenItem(role=role, **described[rid]) for rid, role in chosen]
    return out
