"""On PostgreSQL, writes nobody reads the result of travel with the next statement of the transaction:
they are seen by later reads, kept by the commit, dropped by a rollback, and one that fails makes the
transaction fail rather than vanish."""
from __future__ import annotations

from datetime import datetime

import pytest
from peewee import IntegrityError

from db.models import Person
from db.prepared import Prepared
from tests.conftest import migrated_database

SET_NAME = Prepared(lambda id, name: Person.update(name=name).where(Person.id == id), "id", "name")
ADD_PERSON = Prepared(lambda email, name, at: Person.insert(email=email, name=name, created_at=at), "email", "name", "at")
NOW = datetime(2025, 3, 4, 12, 0)


@pytest.fixture
def db(pg_url):
    with migrated_database(pg_url) as database:
        yield database


def person(email: str) -> Person:
    return Person.create(email=email, name="", created_at=NOW)


def test_a_deferred_write_waits_for_the_next_statement_and_is_seen_by_it(db):
    ann = person("ann@example.test")
    with db.atomic():
        SET_NAME.defer(id=ann.id, name="Ann Lee")
        assert db._held()                                   # not sent yet: no round trip of its own
        assert Person.get_by_id(ann.id).name == "Ann Lee"   # sent with this read, before it
        assert not db._held()


def test_the_commit_sends_what_is_held(db):
    ann = person("ann@example.test")
    with db.atomic():
        SET_NAME.defer(id=ann.id, name="Ann Lee")
    assert Person.get_by_id(ann.id).name == "Ann Lee"


def test_a_rollback_drops_what_is_held(db):
    ann = person("ann@example.test")
    with pytest.raises(RuntimeError):
        with db.atomic():
            SET_NAME.defer(id=ann.id, name="Ann Lee")
            raise RuntimeError("give up")
    assert Person.get_by_id(ann.id).name == ""
    assert not db._held()


def test_a_failing_deferred_write_fails_its_transaction(db):
    person("ann@example.test")
    with pytest.raises(IntegrityError):
        with db.atomic():
            ADD_PERSON.defer(email="bob@example.test", name="Bob", at=NOW)
            ADD_PERSON.defer(email="ann@example.test", name="Ann again", at=NOW)   # unique email
    assert Person.select().where(Person.email == "bob@example.test").count() == 0


def test_outside_a_transaction_nothing_waits(db):
    ann = person("ann@example.test")
    SET_NAME.defer(id=ann.id, name="Ann Lee")
    assert not db._held()
    assert Person.get_by_id(ann.id).name == "Ann Lee"
