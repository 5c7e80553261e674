"""The report and help commands: a report only for an authenticated sender, only to that sender, only
about their own referrals; help for anyone, at most once a day."""
from __future__ import annotations

import email
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.policy import default as default_policy

import pytest

from db.commands import reply_help, reply_report
from db.models import Outbound, Person
from parsers import parse_message
from parsers.tokens import stop_token
from tests.conftest import SECRET
from tests.test_digest import make_app, seed_joe_and_steve
from tests.test_ledger import T0, person, referral

NOW = datetime(2025, 4, 10, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def app(tmp_path):
    application = make_app(tmp_path)
    yield application
    application.db.close()


def command(app, sender: str, to: str = "track+report@example.test", subject: str = "",
            reply_to: str | None = None):
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    if reply_to:
        msg["Reply-To"] = reply_to
    msg["Subject"] = subject
    msg["Message-ID"] = "<cmd-1@client.example>"
    msg["Date"] = "Thu, 10 Apr 2025 12:00:00 +0000"
    msg.set_content("please")
    parsed = parse_message(msg.as_bytes(), app.workflow.tracking_for("track@example.test"))
    assert parsed.kind == "command", parsed.detail
    return parsed


def sent(kind: str | None = None) -> list[email.message.EmailMessage]:
    query = Outbound.select().order_by(Outbound.id)
    if kind:
        query = query.where(Outbound.kind == kind)
    return [email.message_from_bytes(bytes(o.raw), policy=default_policy) for o in query]


def text(msg) -> str:
    return " ".join(msg.get_body(("plain",)).get_content().split())


def test_authenticated_sender_gets_their_own_ledger_and_nothing_else(app):
    seed_joe_and_steve()
    referral(person("joe@books.example"), person("zed@elsewhere.example", "Zed Secret"),
             person("client99@example.com", "Client Ninety-nine"))                 # not Marta's business
    parsed = command(app, "Marta Lind <marta@design.example>", reply_to="attacker@evil.example")
    marta = Person.get(email="marta@design.example")

    reason = reply_report(app.workflow, parsed, marta, NOW, authenticated=True)

    assert reason.startswith("report sent to marta@design.example")
    [msg] = sent("report")
    assert [a.addr_spec for a in msg["To"].addresses] == ["marta@design.example"]  # never the Reply-To
    assert msg["Subject"] == "Your referral ledger"
    assert msg["In-Reply-To"] == "<cmd-1@client.example>"
    body = text(msg)
    assert "Joe Park (accountant)" in body and "Steve Ortiz (plumber)" in body
    assert "Referrals you gave 10 10" in body and "Referrals you received 5 5" in body
    assert "Zed" not in body and "Ninety-nine" not in body


def test_report_goes_to_the_sender_even_if_given_someone_elses_person(app):
    seed_joe_and_steve()
    parsed = command(app, "marta@design.example")
    joe = Person.get(email="joe@books.example")

    reply_report(app.workflow, parsed, joe, NOW, authenticated=True)

    [msg] = sent("report")
    assert msg["To"].addresses[0].addr_spec == "marta@design.example"
    assert "Joe Park (accountant)" in text(msg)                                    # Marta's ledger, not Joe's


def test_unauthenticated_sender_gets_a_note_without_figures_once_a_day(app):
    seed_joe_and_steve()
    parsed = command(app, "marta@design.example", to="track@example.test", subject="report")
    marta = Person.get(email="marta@design.example")

    first = reply_report(app.workflow, parsed, marta, NOW, authenticated=False)
    second = reply_report(app.workflow, parsed, marta, NOW + timedelta(hours=1), authenticated=False)

    assert first == "report refused: marta@design.example is not authenticated"
    assert second.endswith("(already told today)")
    assert sent("report") == []
    [note] = sent("report_refused")
    assert note["To"].addresses[0].addr_spec == "marta@design.example"
    body = text(note)
    assert "haven't sent any figures" in body
    assert "Joe" not in body and "Steve" not in body and "10" not in body
    reply_report(app.workflow, parsed, marta, NOW + timedelta(days=1), authenticated=False)
    assert len(sent("report_refused")) == 2                                        # a new day, one more note


def test_report_for_someone_without_referrals(app):
    parsed = command(app, "New Person <new@person.example>")
    reason = reply_report(app.workflow, parsed, None, NOW, authenticated=True)
    [msg] = sent("report")
    assert reason.startswith("report sent")
    assert "I don't have any referrals recorded for this address yet" in text(msg)


def test_report_answers_an_opted_out_person_but_never_a_bouncing_address(app):
    seed_joe_and_steve()
    Person.update(opted_out_at=T0).where(Person.email == "marta@design.example").execute()
    Person.update(bouncing_at=T0).where(Person.email == "joe@books.example").execute()

    reply_report(app.workflow, command(app, "marta@design.example"), None, NOW, authenticated=True)
    reason = reply_report(app.workflow, command(app, "joe@books.example"), None, NOW, authenticated=True)

    assert [m["To"].addresses[0].addr_spec for m in sent("report")] == ["marta@design.example"]
    assert reason == "report not sent: address is bouncing"


@pytest.mark.parametrize("sender", ["marta@design.example", "stranger@unknown.example"])
def test_help_explains_the_commands_to_anyone_once_a_day(app, sender):
    seed_joe_and_steve()
    parsed = command(app, sender, to="track+help@example.test")

    assert reply_help(app.workflow, parsed, NOW) == f"help sent to {sender}"
    assert reply_help(app.workflow, parsed, NOW + timedelta(hours=2)) == f"help already sent to {sender} today"

    [msg] = sent("help")
    assert msg["To"].addresses[0].addr_spec == sender
    assert msg["Auto-Submitted"] == "auto-replied"
    body = text(msg)
    person = Person.get_or_none(Person.email == sender)
    stop = f"track+stop-{stop_token(SECRET.encode(), sender)}@example.test" if person else "track+stop@example.test"
    for address in ("track+report@example.test", stop, "track+help@example.test"):
        assert address in body
    assert "Joe" not in body and "Steve" not in body                              # help holds no data
    html = msg.get_body(("html",)).get_content()
    assert f'href="mailto:{stop}?subject=stop"' in html


def test_help_to_an_address_that_needs_smtputf8_is_refused_with_the_reason(app):
    raw = ("From: Zoë <zoë@example.test>\nTo: track+help@example.test\nSubject: help\n"
           "Message-ID: <cmd-utf8@client.example>\nDate: Thu, 10 Apr 2025 12:00:00 +0000\n\nhelp\n").encode()
    parsed = parse_message(raw, app.workflow.tracking_for("track@example.test"))
    assert parsed.kind == "command" and parsed.sender.email == "zoë@example.test"

    assert reply_help(app.workflow, parsed, NOW) == ("help not sent: the address is not ASCII, and this "
                                                     "service does not send SMTPUTF8 mail")
    assert sent() == []
