"""Schema migrations: a new database is created at the latest version; an old one, with data in it,
is upgraded in place without losing anything."""
from __future__ import annotations

import sqlite3

from db.connection import open_database
from db.migrations import current_version, latest_version, upgrade
from db.models import ALL_MODELS, InboundMessage, Person, Referral
from tests.conftest import FIXTURES


def test_a_new_database_is_created_at_the_latest_version(db_url):
    db = open_database(db_url)
    assert upgrade(db) == [f"created schema at version {latest_version()}"]
    assert current_version(db) == latest_version()
    assert upgrade(db) == []


def test_a_version_1_database_with_data_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as con:
        con.executescript((FIXTURES / "schema" / "v1_sqlite.sql").read_text())
    db = open_database(f"sqlite:///{path}")
    assert current_version(db) == 1

    steps = upgrade(db)

    assert len(steps) == latest_version() - 1
    assert current_version(db) == latest_version()
    for model in ALL_MODELS:            # every current column exists: selecting them all works
        list(model.select().limit(1))
    [referral] = Referral.select()
    assert referral.referrer.email == "marcus@mailbox.example"
    assert {p.email for p in Person.select()} >= {"dana@whitfieldcpa.example", "hannah@priceceramics.example"}
    assert b"Marcus" in bytes(InboundMessage.get().raw)


def test_an_upgraded_database_has_the_same_indexes_as_a_new_one(tmp_path):
    def indexes(path) -> set[tuple[str, str]]:
        with sqlite3.connect(path) as con:
            return set(con.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'index'"))

    old = tmp_path / "old.db"
    with sqlite3.connect(old) as con:
        con.executescript((FIXTURES / "schema" / "v1_sqlite.sql").read_text())
    upgrade(open_database(f"sqlite:///{old}"))
    new = tmp_path / "new.db"
    upgrade(open_database(f"sqlite:///{new}"))
    assert indexes(old) == indexes(new)
