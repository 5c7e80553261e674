"""The monthly digest: what it says (in both parts), whom it goes to, once a month, nudges once a quarter,
and hostile names that stay text."""
from __future__ import annotations

import email
import re
from datetime import datetime, timedelta, timezone
from email.policy import default as default_policy

import pytest

from db.digest import queue_monthly_digests, render_digest_html, reported_period
from db.models import DigestSent, NudgeSent, Outbound, Person
from mailer.cycle import start
from parsers.tokens import stop_token
from tests.conftest import SECRET, build_config
from tests.test_ledger import T0, person, referral

APRIL_1 = datetime(2025, 4, 1, 10, 0, tzinfo=timezone.utc)
HOSTILE = "=cmd|' /C calc'!A0"
SCRIPT = "Eve <script>alert(1)</script>"


def make_app(tmp_path, db_url: str | None = None, **sections):
    config = build_config(tmp_path, inbox={"kind": "maildir", "path": str(tmp_path / "inbox")},
                          outbox={"kind": "file", "path": str(tmp_path / "outbox")}, db_url=db_url, **sections)
    return start(config)


@pytest.fixture
def app(tmp_path, db_url):
    """SQLite, and PostgreSQL where it runs: the sums and groupings must agree."""
    application = make_app(tmp_path, db_url)
    yield application
    application.db.close()


def seed_joe_and_steve() -> None:
    """Marta sent Joe ten referrals in March and got two back; Steve sent her three that closed."""
    me = person("marta@design.example", "Marta Lind")
    joe = person("joe@books.example", "Joe Park")
    steve = person("steve@pipes.example", "Steve Ortiz")
    clients = [person(f"client{i}@example.com", f"Client {i}") for i in range(16)]
    for i in range(10):
        referral(me, joe, clients[i], category="accountant", when=T0 + timedelta(days=i),
                 status="won" if i < 2 else "introduced", amount="500" if i < 2 else None)
    for i in range(2):
        referral(joe, me, clients[10 + i], category="designer", when=T0 + timedelta(days=i))
    for i in range(3):
        referral(steve, me, clients[12 + i], category="designer", when=T0 + timedelta(days=i), status="won",
                 amount="1200")
    referral(clients[15], steve, clients[14], category="plumber", when=T0)


def digests(to: str | None = None) -> list[email.message.EmailMessage]:
    query = Outbound.select().where(Outbound.kind == "digest").order_by(Outbound.id)
    if to:
        query = query.where(Outbound.to_addr == to)
    return [email.message_from_bytes(bytes(o.raw), policy=default_policy) for o in query]


def parts(msg) -> tuple[str, str]:
    return msg.get_body(("plain",)).get_content(), msg.get_body(("html",)).get_content()


def flat(text: str) -> str:
    return " ".join(text.split())


def test_reports_on_the_previous_month_and_its_year():
    period = reported_period(datetime(2025, 1, 1, 9, tzinfo=timezone.utc))
    assert (period.key, period.label, period.year_label, period.quarter) == ("2024-12", "December 2024", "2024", "2025-Q1")
    assert period.start == datetime(2024, 12, 1) and period.end == datetime(2025, 1, 1)


def test_digest_has_numbers_partners_bars_and_a_kind_nudge_in_both_parts(app):
    seed_joe_and_steve()

    queued = queue_monthly_digests(app.workflow, APRIL_1)

    assert queued == 4          # Marta, Joe and Steve, and the client who referred to Steve; never a contact
    [msg] = digests("marta@design.example")
    assert msg["Subject"] == "Your referrals in March 2025"
    personal_stop = f"track+stop-{stop_token(SECRET.encode(), 'marta@design.example')}@example.test"
    assert msg["List-Unsubscribe"].strip() == f"<mailto:{personal_stop}?subject=stop>"
    text, html = parts(msg)
    for body in (flat(text), flat(re.sub(r"<[^>]+>", " ", html))):
        assert "Referrals you gave 10 10" in body
        assert "Referrals you received 5 5" in body
        assert "Won from referrals you received 3 ($3,600) 3 ($3,600)" in body
        assert "Won from referrals you gave 2 2" in body          # the partner's amounts stay private
        assert "Joe Park (accountant)" in body and "Steve Ortiz (plumber)" in body
        assert ("Steve Ortiz has sent you 3 referrals, and you&#39;ve sent none back yet" in body
                or "Steve Ortiz has sent you 3 referrals, and you've sent none back yet" in body)
        assert "needs a plumber, Steve would be glad of the introduction" in body
        assert "Joe Park 10 referrals, and 2 came back" in body
        assert personal_stop in body and "track+report@example.test" in body
    assert "gave      #################### 10" in text and "received  ####                 2" in text
    assert 'width="100%" height="12" bgcolor="#1a73e8"' in html          # Joe: the longest bar
    assert 'width="30%" height="12" bgcolor="#188038"' in html           # Steve: 3 of 10
    assert "<script" not in html and "<img" not in html.lower() and "http" not in html
    assert "class=" not in html


def test_digests_are_queued_once_a_month_and_only_from_the_configured_day(tmp_path):
    app = make_app(tmp_path, digest={"day": 3})
    seed_joe_and_steve()

    assert queue_monthly_digests(app.workflow, APRIL_1) == 0                       # April 1: not yet
    assert queue_monthly_digests(app.workflow, APRIL_1 + timedelta(days=2)) == 4   # April 3
    assert queue_monthly_digests(app.workflow, APRIL_1 + timedelta(days=5)) == 0   # already decided
    assert DigestSent.select().where(DigestSent.period == "2025-03").count() == 4
    assert len(digests()) == 4


def test_no_digest_for_opted_out_bouncing_or_inactive_people_or_when_disabled(tmp_path):
    app = make_app(tmp_path)
    seed_joe_and_steve()
    Person.update(opted_out_at=T0).where(Person.email == "joe@books.example").execute()
    Person.update(bouncing_at=T0).where(Person.email == "steve@pipes.example").execute()
    old = person("old@timer.example", "Old Timer")
    referral(old, person("p@x.example"), person("c@x.example"), when=T0 - timedelta(days=400))

    queue_monthly_digests(app.workflow, APRIL_1)

    assert {m["To"].addresses[0].addr_spec for m in digests()} == {"marta@design.example", "client15@example.com"}
    off = make_app(tmp_path / "off", digest={"enabled": False})
    seed_joe_and_steve()
    assert queue_monthly_digests(off.workflow, APRIL_1) == 0


def test_digest_waits_for_the_send_window(tmp_path):
    app = make_app(tmp_path, schedule={"send_window": "09:00-17:00", "send_days": "mon-fri"})
    seed_joe_and_steve()
    early = datetime(2025, 4, 1, 3, 0, tzinfo=timezone.utc)                        # a Tuesday, 03:00 UTC

    queue_monthly_digests(app.workflow, early)

    row = Outbound.get(Outbound.to_addr == "marta@design.example")
    assert row.next_attempt_at == datetime(2025, 4, 1, 9, 0)


def test_amounts_of_business_given_are_shown_only_when_shared(tmp_path):
    app = make_app(tmp_path, privacy={"share_amounts": True})
    seed_joe_and_steve()
    queue_monthly_digests(app.workflow, APRIL_1)
    text, _ = parts(digests("marta@design.example")[0])
    assert "Won from referrals you gave 2 ($1,000) 2 ($1,000)" in flat(text)


def test_nudges_at_most_once_per_pair_per_quarter(app):
    seed_joe_and_steve()
    nudge = "Steve Ortiz has sent you 3 referrals"

    def nudged(now: datetime) -> bool:
        before = Outbound.select().where(Outbound.to_addr == "marta@design.example").count()
        queue_monthly_digests(app.workflow, now)
        rows = list(Outbound.select().where(Outbound.to_addr == "marta@design.example").order_by(Outbound.id))
        assert len(rows) == before + 1, "one digest each month"
        text = email.message_from_bytes(bytes(rows[-1].raw), policy=default_policy).get_body(("plain",)).get_content()
        return nudge in flat(text)

    assert nudged(datetime(2025, 4, 1, 10, tzinfo=timezone.utc)) is True        # Q2: suggested
    assert nudged(datetime(2025, 5, 1, 10, tzinfo=timezone.utc)) is False       # same quarter: not again
    assert nudged(datetime(2025, 6, 1, 10, tzinfo=timezone.utc)) is False
    assert nudged(datetime(2025, 7, 1, 10, tzinfo=timezone.utc)) is True        # Q3: once more
    marta, steve = Person.get(email="marta@design.example"), Person.get(email="steve@pipes.example")
    assert [n.quarter for n in NudgeSent.select().where((NudgeSent.person == marta) & (NudgeSent.partner == steve))
            .order_by(NudgeSent.id)] == ["2025-Q2", "2025-Q3"]


def test_no_nudge_below_the_threshold(tmp_path):
    app = make_app(tmp_path, reciprocity={"nudge_after": 4})
    seed_joe_and_steve()
    queue_monthly_digests(app.workflow, APRIL_1)
    text, _ = parts(digests("marta@design.example")[0])
    assert "Steve Ortiz has sent you" not in text
    assert "Joe Park 10 referrals" in flat(text)                                  # 8 out of balance: still said


def test_hostile_names_stay_text(app):
    marta = person("marta@design.example", "Marta Lind")
    evil = person("x@y.example", HOSTILE)
    eve = person("eve@y.example", SCRIPT)
    for i in range(4):
        referral(evil, marta, person(f"c{i}@x.example", f"<b>Client</b> {i}"), when=T0 - timedelta(days=40 + i))
        referral(marta, eve, person(f"d{i}@x.example"), category="<i>fixer</i>", when=T0 + timedelta(days=i))

    queue_monthly_digests(app.workflow, APRIL_1)

    [msg] = digests("marta@design.example")
    text, html = parts(msg)
    assert "<script" not in html and "<i>fixer" not in html and "<b>Client" not in html
    assert "Eve &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "=cmd|&#39; /C calc&#39;!A0" in html
    assert "&lt;i&gt;fixer&lt;/i&gt;" in html                                   # a category is text too
    assert "&lt;b&gt;Client&lt;/b&gt; 0, whom =cmd|&#39; /C calc&#39;!A0 sent you" in html   # an open one
    assert SCRIPT in text and HOSTILE in text                                      # plain text is just text
    assert msg["Subject"] == "Your referrals in March 2025"                        # no names in headers


def test_render_digest_html_writes_one_file_and_records_nothing(app, tmp_path):
    seed_joe_and_steve()
    path = render_digest_html(app.workflow, "marta@design.example", APRIL_1, tmp_path / "demo" / "digest.html")
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Steve Ortiz" in html
    assert NudgeSent.select().count() == 0 and DigestSent.select().count() == 0 and Outbound.select().count() == 0


def balanced(html: str) -> bool:
    """Every element that is opened is closed, in order (mail clients forgive less than browsers)."""
    from html.parser import HTMLParser

    class Checker(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []
            self.ok = True

        def handle_starttag(self, tag, attrs) -> None:
            if tag not in ("meta", "br", "img", "hr"):
                self.stack.append(tag)

        def handle_endtag(self, tag) -> None:
            if not self.stack or self.stack.pop() != tag:
                self.ok = False

    checker = Checker()
    checker.feed(html)
    return checker.ok and not checker.stack


def test_digest_html_is_well_formed_tables_with_widths(app):
    seed_joe_and_steve()
    queue_monthly_digests(app.workflow, APRIL_1)
    for msg in digests():
        _, html = parts(msg)
        assert balanced(html)
        assert "<div" not in html and "<style" not in html                 # tables and inline styles only
        for cell in re.findall(r"<td[^>]*bgcolor[^>]*>", html):
            assert 'width="' in cell and 'height="12"' in cell
