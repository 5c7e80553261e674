"""The lifecycle and reply routing against real Dovecot and aiosmtpd: check-ins go out over SMTP, answers
are APPENDed to the tracking mailbox addressed to their tokens, and the next cycle acts on them."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from db.models import InboundMessage
from db.queries import referral_rows
from mailer.cycle import run_cycle, start
from tests.conftest import build_config, imap_inbox, smtp_outbox
from tests.harness import intro, reply

pytestmark = pytest.mark.servers

T0 = datetime(2025, 1, 14, 18, 0, tzinfo=timezone.utc)
MARCUS = "Marcus Bell <marcus@mailbox.example>"
DANA = "Dana Whitfield <dana@whitfieldcpa.example>"
HANNAH = "Hannah Price <hannah@priceceramics.example>"


@pytest.fixture
def world(dovecot, imap_user, smtp, tmp_path):
    config = build_config(tmp_path, inbox=imap_inbox(dovecot, imap_user), outbox=smtp_outbox(smtp))
    app = start(config)
    dovecot.append(imap_user, intro(MARCUS, DANA, HANNAH, T0, message_id="<intro-rs@mail.example>"))
    run_cycle(app, T0)
    [ack] = smtp.handler.messages
    assert ack.rcpt_tos == ["marcus@mailbox.example"]
    smtp.handler.messages.clear()
    run_cycle(app, T0 + timedelta(days=14))
    checkins = {m.rcpt_tos[0]: m.message for m in smtp.handler.messages}
    assert set(checkins) == {"dana@whitfieldcpa.example", "hannah@priceceramics.example"}
    smtp.handler.messages.clear()

    def answer(raw: bytes, when: datetime):
        dovecot.append(imap_user, raw)
        return run_cycle(app, when)

    return app, checkins, answer, smtp, dovecot, imap_user


def test_won_reply_thanks_the_referrer_and_ends_the_checkins(world):
    app, checkins, answer, smtp, dovecot, user = world

    answer(reply(checkins["dana@whitfieldcpa.example"], DANA, "Won it! $4,500 for the year.", T0 + timedelta(days=15)),
           T0 + timedelta(days=15))

    [row] = referral_rows()
    assert (row["status"], row["amount"], row["currency"]) == ("won", 4500.0, "USD")
    to_marcus = [m.message for m in smtp.handler.to("marcus@mailbox.example")]
    assert len(to_marcus) == 2
    assert any(m["In-Reply-To"] == "<intro-rs@mail.example>" for m in to_marcus)
    assert any(m["Subject"].startswith("Thank you") for m in to_marcus)
    assert dovecot.count(user, "Referloop/Processed") == 2

    smtp.handler.messages.clear()
    run_cycle(app, T0 + timedelta(days=28))
    run_cycle(app, T0 + timedelta(days=60))
    subjects = [m.message["Subject"] for m in smtp.handler.messages]
    assert not [s for s in subjects if s.startswith(("Checking in", "Following up"))]
    assert all(s.startswith("Your referrals") for s in subjects)         # only the monthly digests


def test_reply_whose_plus_address_was_stripped_routes_through_references(world):
    app, checkins, answer, smtp, *_ = world

    answer(reply(checkins["hannah@priceceramics.example"], HANNAH, "We're talking, meeting Thursday.",
                 T0 + timedelta(days=15), keep_plus=False), T0 + timedelta(days=15))

    assert referral_rows()[0]["status"] == "in_touch"


def test_forged_token_changes_nothing_and_is_recorded(world):
    app, checkins, answer, smtp, dovecot, user = world
    genuine = reply(checkins["dana@whitfieldcpa.example"], DANA, "Hired, $9,999", T0 + timedelta(days=15))
    local_token = genuine.split(b"To: track+", 1)[1].split(b"@", 1)[0]
    forged = genuine.replace(local_token, local_token[:-3] + (b"aaa" if local_token[-3:] != b"aaa" else b"bbb"))

    answer(forged, T0 + timedelta(days=15))

    assert referral_rows()[0]["status"] == "introduced"
    row = InboundMessage.select().order_by(InboundMessage.id.desc()).get()
    assert row.status == "rejected" and "token" in row.reason
    assert dovecot.count(user, "Referloop/Failed") == 1


def test_token_of_another_person_and_a_stranger_apply_nothing(world):
    app, checkins, answer, smtp, *_ = world
    danas = checkins["dana@whitfieldcpa.example"]

    answer(reply(danas, HANNAH, "Hired! $1,000", T0 + timedelta(days=15)), T0 + timedelta(days=15))
    answer(reply(danas, "Eve Mallory <eve@attacker.example>", "Not a fit", T0 + timedelta(days=15)),
           T0 + timedelta(days=15, hours=1))

    assert referral_rows()[0]["status"] == "introduced"
    reasons = [r.reason for r in InboundMessage.select().where(InboundMessage.status == "rejected")]
    assert len(reasons) == 2 and all("check-in went to dana@whitfieldcpa.example" in r for r in reasons)
    explained = {m.rcpt_tos[0] for m in smtp.handler.messages}
    assert explained == {"hannah@priceceramics.example", "eve@attacker.example"}   # one polite note each
    answer(reply(danas, "Eve Mallory <eve@attacker.example>", "Not a fit!", T0 + timedelta(days=15)),
           T0 + timedelta(days=15, hours=2))
    assert len(smtp.handler.to("eve@attacker.example")) == 1                        # at most one per day
