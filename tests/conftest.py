"""Shared fixtures: real Dovecot and aiosmtpd servers (one each per test session), fresh mailboxes and
databases per test, and a config builder. Pure tests use none of these and stay fast."""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from peewee import Database

from db.connection import open_database
from db.migrations import upgrade
from mailer.config import Config, from_dict
from tests.servers import PASSWORD, Dovecot, SmtpServer, postgres_reachable, scratch_postgres

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
SECRET = "test-secret-0123456789abcdef"
PG_ADMIN_URL = os.environ.get("REFERLOOP_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def dovecot():
    server = Dovecot().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def smtp_server():
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def smtp(smtp_server):
    smtp_server.handler.reset()
    yield smtp_server
    smtp_server.handler.reset()


@pytest.fixture
def imap_user(dovecot):
    return dovecot.new_user()


@pytest.fixture
def pg_url():
    """A fresh PostgreSQL database for one test, dropped afterwards. CI must have PostgreSQL up."""
    if not postgres_reachable(PG_ADMIN_URL):
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_URL}")
        pytest.skip("PostgreSQL not running")
    with scratch_postgres(PG_ADMIN_URL) as url:
        yield url


@contextmanager
def migrated_database(url: str) -> Iterator[Database]:
    """The database at ``url``, open and with its schema up to date; closed afterwards."""
    database = open_database(url)
    upgrade(database)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'referloop.db'}"
    return request.getfixturevalue("pg_url")


def build_config(tmp_path: Path, *, inbox: dict, outbox: dict, db_url: str | None = None,
                 address: str = "track@example.test", **sections) -> Config:
    data = {
        "tracking": {"address": address, "secret": SECRET, **sections.pop("tracking", {})},
        "inbox": inbox,
        "outbox": outbox,
        "database": {"url": db_url or f"sqlite:///{tmp_path / 'referloop.db'}"},
        "schedule": {"send_window": "always", **sections.pop("schedule", {})},
        **sections,
    }
    return from_dict(data, path=str(tmp_path / "referloop.toml"), env={}, base_dir=str(tmp_path))


def imap_inbox(dovecot: Dovecot, user: str, **extra) -> dict:
    return {"kind": "imap", "host": "127.0.0.1", "port": dovecot.port, "security": "none",
            "username": user, "password": PASSWORD, "address": "track@example.test", **extra}


def smtp_outbox(server: SmtpServer, **extra) -> dict:
    return {"kind": "smtp", "host": "127.0.0.1", "port": server.port, "security": "none",
            "password": "unused", **extra}


LOCAL_CONFIG = """
[tracking]
address = "track@example.test"
secret = "{secret}"
[inbox]
kind = "maildir"
path = "inbox"
{inbox_extra}
[outbox]
kind = "file"
path = "outbox"
[database]
url = "sqlite:///referloop.db"
{tail}
"""


def write_local_config(folder: Path, inbox_extra: str = "", tail: str = "") -> Path:
    """A private referloop.toml for the embedded default (Maildir in, files out, SQLite) in ``folder``,
    with its Maildir created, as a person running the command line would have it."""
    path = folder / "referloop.toml"
    path.write_text(LOCAL_CONFIG.format(secret=SECRET, inbox_extra=inbox_extra, tail=tail))
    path.chmod(0o600)
    for sub in ("new", "cur", "tmp"):
        (folder / "inbox" / sub).mkdir(parents=True, exist_ok=True)
    return path
