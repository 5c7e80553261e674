"""The reciprocity ledger, checked against numbers a person can verify by hand.

The golden example: "I sent Joe ten referrals and got two back; Steve sent me three that closed and got
none." Both SQLite and PostgreSQL (where it runs) must give the same figures.
"""
from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from db.ledger import ledger_for_email, ledgers_for, partner_categories, period_numbers, period_numbers_for, \
    person_ledger, stale_open, stale_open_for
from db.models import Person, Referral
from tests.conftest import migrated_database

T0 = datetime(2025, 3, 3, 10, 0)
_keys = itertools.count(1)


@pytest.fixture
def db(db_url):
    with migrated_database(db_url) as database:
        yield database


@pytest.fixture
def sqlite_db(tmp_path):
    with migrated_database(f"sqlite:///{tmp_path / 'referloop.db'}") as database:
        yield database


def person(email: str, name: str = "") -> Person:
    found = Person.get_or_none(Person.email == email)
    return found or Person.create(email=email, name=name, created_at=T0)


def referral(referrer: Person, provider: Person | None, contact: Person | None, *, kind: str = "introduction",
             status: str = "introduced", amount: str | None = None, currency: str | None = None,
             category: str | None = None, when: datetime = T0, closed: datetime | None = None,
             parties: tuple[Person, ...] | None = None, historical: bool = False,
             updated: datetime | None = None) -> Referral:
    """A referral row as the workflow stores it (parties are the introduced people)."""
    if parties is None:
        parties = tuple(p for p in (contact, provider) if p is not None)
    won_at = closed or (when + timedelta(days=20) if status in ("won", "lost") else None)
    return Referral.create(
        dedup_key=f"k{next(_keys)}", kind=kind, referrer=referrer, provider=provider, contact=contact,
        party_a=parties[0], party_b=parties[1] if len(parties) > 1 else None, category=category,
        status=status, amount=Decimal(amount) if amount else None, currency=currency,
        introduced_at=when, updated_at=updated or won_at or when, closed_at=won_at, historical=historical)


@pytest.fixture
def joe_and_steve(db):
    """Me (Marta, a designer) with two partners: Joe the accountant and Steve the plumber."""
    me = person("marta@design.example", "Marta Lind")
    joe = person("joe@books.example", "Joe Park")
    steve = person("steve@pipes.example", "Steve Ortiz")
    clients = [person(f"client{i}@example.com", f"Client {i}") for i in range(20)]
    for i in range(10):                                   # I sent Joe ten referrals...
        referral(me, joe, clients[i], category="accountant", when=T0 + timedelta(days=i),
                 status="won" if i < 4 else "in_touch" if i < 6 else "lost" if i < 8 else "introduced",
                 amount="1000.50" if i < 3 else "250" if i == 3 else None, currency="EUR" if i == 3 else None)
    for i in range(2):                                    # ...and got two back, one of them a lead
        referral(joe, me, clients[10 + i], kind="lead" if i else "introduction", category="designer",
                 when=T0 + timedelta(days=30 + i), status="won" if i == 0 else "introduced", amount="800" if i == 0 else None)
    for i in range(3):                                    # Steve sent me three that closed, got none back
        referral(steve, me, clients[12 + i], category="designer", when=T0 + timedelta(days=40 + i),
                 status="won", amount="1200")
    referral(me, steve, clients[15], category="plumber", when=T0 - timedelta(days=400), status="introduced",
             parties=(clients[15], steve)).delete_instance()   # a deleted row leaves no trace
    Referral.create(dedup_key="other-plumber", kind="introduction", referrer=clients[16], provider=steve,
                    contact=clients[17], party_a=clients[17], party_b=steve, category="plumber",
                    introduced_at=T0, updated_at=T0)
    return me, joe, steve


def test_sent_joe_ten_and_got_two_back(joe_and_steve):
    ledger = ledger_for_email("Marta@Design.example")
    joe = ledger.partner("joe@books.example")

    assert (joe.given.introductions, joe.given.leads, joe.given.total) == (10, 0, 10)
    assert (joe.received.introductions, joe.received.leads, joe.received.total) == (1, 1, 2)
    assert joe.balance == 8
    assert joe.given.won == 4
    assert joe.given.won_value == {"USD": Decimal("3001.50"), "EUR": Decimal("250.00")}
    assert joe.given.open == 4                            # 2 in touch + 2 introduced; the lost ones are closed
    assert joe.received.won == 1 and joe.received.won_value == {"USD": Decimal("800.00")}
    assert joe.received.open == 1
    assert joe.category == "accountant"
    assert joe.last_exchange == T0 + timedelta(days=31)


def test_steve_sent_three_that_closed_and_got_none(joe_and_steve):
    ledger = ledger_for_email("marta@design.example")
    steve = ledger.partner("steve@pipes.example")

    assert steve.given.total == 0
    assert (steve.received.total, steve.received.won, steve.received.open) == (3, 3, 0)
    assert steve.received.won_value == {"USD": Decimal("3600.00")}
    assert steve.balance == -3
    assert steve.category == "plumber"                    # known from what others sent him
    assert steve.last_exchange == T0 + timedelta(days=42)


def test_totals_partners_order_and_the_other_side(joe_and_steve):
    ledger = ledger_for_email("marta@design.example")

    assert [p.email for p in ledger.partners] == ["joe@books.example", "steve@pipes.example"]
    assert (ledger.given.total, ledger.received.total) == (10, 5)
    assert ledger.received.won_value == {"USD": Decimal("4400.00")}
    assert all(not p.email.startswith("client") for p in ledger.partners)   # contacts are not partners

    joes = ledger_for_email("joe@books.example")
    marta = joes.partner("marta@design.example")
    assert (marta.given.total, marta.received.total, marta.balance) == (2, 10, -8)
    assert marta.category == "designer"


def test_peer_introductions_count_as_made_not_as_business(db):
    me, ann, bob, cat = (person(e) for e in ("me@x.example", "ann@x.example", "bob@x.example", "cat@x.example"))
    referral(me, None, None, parties=(ann, bob), when=T0)
    referral(me, None, None, parties=(ann, cat), when=T0 + timedelta(days=1))
    referral(ann, None, None, parties=(me, cat), when=T0 + timedelta(days=2))

    mine = person_ledger(me)
    assert mine.intros_made == 2 and mine.intros_received == 1
    assert (mine.given.total, mine.received.total) == (0, 0)
    a = mine.partner("ann@x.example")
    assert (a.intros_made, a.intros_received, a.balance) == (2, 1, 0)
    assert a.last_exchange == T0 + timedelta(days=2)
    assert mine.partner("bob@x.example").intros_made == 1
    assert mine.partner("cat@x.example").intros_made == 1
    assert person_ledger(cat).partner("ann@x.example").intros_received == 1


def test_unknown_person_has_an_empty_ledger(db):
    ledger = ledger_for_email("nobody@example.com")
    assert ledger.empty and ledger.email == "nobody@example.com" and ledger.given.total == 0


def test_historical_referrals_are_not_open(db):
    me, joe, c = person("me@x.example"), person("joe@x.example"), person("c@x.example")
    referral(me, joe, c, historical=True)
    line = person_ledger(me).partner("joe@x.example")
    assert (line.given.total, line.given.open) == (1, 0)


def test_period_numbers_count_introductions_by_date_and_wins_by_closing(joe_and_steve):
    me, _, _ = joe_and_steve
    march = (datetime(2025, 3, 1), datetime(2025, 4, 1))
    year = (datetime(2025, 1, 1), datetime(2025, 4, 1))
    numbers = period_numbers(me, {"month": march, "year": year})

    month = numbers["month"]
    assert month.given.introductions == 10                 # March 3..12
    assert month.given.won == 4                             # closed 20 days later: March 23..26
    assert month.given.won_value == {"USD": Decimal("3001.50"), "EUR": Decimal("250.00")}
    assert month.received.total == 0                        # Joe's came April 2
    assert numbers["year"].given.won == 4

    april = period_numbers(me, {"april": (datetime(2025, 4, 1), datetime(2025, 5, 1))})["april"]
    assert (april.given.total, april.received.introductions, april.received.leads) == (0, 4, 1)
    assert april.received.won == 1                          # Joe's closed April 22; Steve's close May 2..4


def test_stale_open_lists_quiet_open_referrals(joe_and_steve):
    me, _, _ = joe_and_steve
    items = stale_open(me, T0 + timedelta(days=60))
    assert [i.status for i in items] == ["in_touch", "in_touch", "introduced", "introduced"]
    assert items[0].provider_label == "Joe Park" and items[0].role == "referrer"
    assert stale_open(me, T0 + timedelta(days=60), limit=2)[1].contact_label == "Client 5"


def test_partner_categories_take_the_latest(db):
    a, b, c = person("a@x.example"), person("b@x.example"), person("c@x.example")
    referral(a, b, c, category="bookkeeper", when=T0)
    referral(c, b, a, category="accountant", when=T0 + timedelta(days=1))
    assert partner_categories([b.id, c.id]) == {b.id: "accountant"}


def test_batches_of_people_get_the_same_answers_as_one_at_a_time(joe_and_steve):
    """The digest reads people in batches; a batch must not mix up whose numbers are whose."""
    people = list(joe_and_steve)
    now = T0 + timedelta(days=60)
    windows = {"march": (datetime(2025, 3, 1), datetime(2025, 4, 1))}

    ledgers = ledgers_for(people)
    numbers = period_numbers_for([p.id for p in people], windows)
    stale = stale_open_for([p.id for p in people], now, limit=3)

    for p in people:
        assert ledgers[p.id].to_json() == person_ledger(p).to_json()
        assert numbers[p.id] == period_numbers(p, windows)
        assert stale[p.id] == stale_open(p, now, limit=3)
    assert len(stale[people[0].id]) == 3 and stale[people[1].id][0].role == "provider"


def test_ledger_uses_indexes_not_table_scans(sqlite_db):
    """The plans for every ledger query read by an index (a full scan would not scale to 10,000)."""
    me = person("me@x.example")
    queries = []
    original = sqlite_db.execute_sql

    def spy(sql, params=None, *args, **kwargs):
        if sql.lstrip().upper().startswith("SELECT"):
            queries.append((sql, params))
        return original(sql, params, *args, **kwargs)

    sqlite_db.execute_sql = spy
    try:
        person_ledger(me)
    finally:
        del sqlite_db.execute_sql
    referral_queries = [(s, p) for s, p in queries if 'FROM "referral"' in s]
    assert len(referral_queries) >= 5
    for sql, params in referral_queries:
        plan = " ".join(str(row) for row in sqlite_db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall())
        assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, (sql, plan)
