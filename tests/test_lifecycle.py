"""The referral lifecycle with the clock in hand: check-ins to both sides, replies, updates, thank-yous,
no_response, opt-out, downtime catch-up and the send window. Local Maildir, file outbox, SQLite."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from db.models import Checkin, Event, InboundMessage, Person
from db.queries import referral_rows
from tests.harness import Harness, intro, reply, text_of

T0 = datetime(2025, 1, 14, 18, 0, tzinfo=timezone.utc)          # a Tuesday
MARCUS = "Marcus Bell <marcus@mailbox.example>"
DANA = "Dana Whitfield <dana@whitfieldcpa.example>"             # the provider
HANNAH = "Hannah Price <hannah@priceceramics.example>"          # the contact


def days(n: float) -> timedelta:
    return timedelta(days=n)


@pytest.fixture
def h(tmp_path) -> Harness:
    harness = Harness(tmp_path)
    harness.deliver(intro(MARCUS, DANA, HANNAH, T0, message_id="<intro-1@mail.example>"))
    harness.cycle(T0)
    [ack] = harness.sent()
    assert ack["To"].addresses[0].addr_spec == "marcus@mailbox.example"
    return harness


def checkins_by_person(messages) -> dict[str, object]:
    return {m["To"].addresses[0].addr_spec: m for m in messages if m["Subject"].startswith(("Checking in", "Following up"))}


def test_both_people_get_their_own_checkin_after_two_weeks(h):
    h.cycle(T0 + days(13))
    assert h.sent() == []

    h.cycle(T0 + days(14))
    sent = checkins_by_person(h.sent())

    assert set(sent) == {"dana@whitfieldcpa.example", "hannah@priceceramics.example"}
    dana, hannah = sent["dana@whitfieldcpa.example"], sent["hannah@priceceramics.example"]
    assert dana["Reply-To"] != hannah["Reply-To"]
    assert str(dana["Reply-To"]).startswith("track+") and str(dana["Reply-To"]).endswith("@example.test")
    assert dana["List-Unsubscribe"].strip() == f"<mailto:{dana['Reply-To']}?subject=stop&body=stop>"
    assert dana["Auto-Submitted"] == "auto-generated"
    assert "Hannah Price" in dana["Subject"] and "Dana Whitfield" in hannah["Subject"]
    body = text_of(dana)
    assert body.startswith("## Reply above this line ##")
    assert "mailto:track+" in body and "body=Hired" in body
    assert "introduced you to Dana Whitfield" in text_of(hannah)
    assert "introduced you to Hannah Price" in text_of(dana)


def test_won_reply_updates_and_thanks_the_referrer_and_stops_checkins(h):
    h.cycle(T0 + days(14))
    dana_checkin = checkins_by_person(h.sent())["dana@whitfieldcpa.example"]

    h.deliver(reply(dana_checkin, DANA, "Great news, she hired us. $4,500 for the year.", T0 + days(15)))
    h.cycle(T0 + days(15))

    [row] = referral_rows()
    assert (row["status"], row["amount"], row["currency"]) == ("won", 4500.0, "USD")
    sent = h.sent()
    assert [m["To"].addresses[0].addr_spec for m in sent] == ["marcus@mailbox.example"] * 2
    update, thanks = sent
    assert update["In-Reply-To"] == "<intro-1@mail.example>"
    assert "turned into business" in text_of(update)
    assert "Hannah Price" in text_of(thanks) and "Dana" in text_of(thanks)
    assert "4,500" not in text_of(thanks)                      # amounts are private by default

    h.cycle(T0 + days(28))
    h.cycle(T0 + days(60))
    assert h.sent() == []


def test_amount_is_in_the_thank_you_only_when_sharing_is_on(tmp_path):
    h = Harness(tmp_path, privacy={"share_amounts": True})
    h.deliver(intro(MARCUS, DANA, HANNAH, T0))
    h.cycle(T0)
    h.cycle(T0 + days(14))
    dana_checkin = checkins_by_person(h.sent())["dana@whitfieldcpa.example"]
    h.deliver(reply(dana_checkin, DANA, "Hired, $4,500.", T0 + days(15)))
    h.cycle(T0 + days(15))
    thanks = [m for m in h.sent() if m["Subject"].startswith("Thank you")]
    assert len(thanks) == 1 and "$4,500" in text_of(thanks[0])


def test_no_answer_ends_in_no_response_and_the_referrer_is_told(h):
    h.cycle(T0 + days(14))
    assert len(h.sent()) == 2
    h.cycle(T0 + days(28))
    followups = h.sent()
    assert len(followups) == 2 and all(m["Subject"].startswith("Following up") for m in followups)

    h.cycle(T0 + days(41))
    assert h.sent() == []
    h.cycle(T0 + days(42))

    [row] = referral_rows()
    assert row["status"] == "no_response"
    [told] = h.sent()
    assert told["To"].addresses[0].addr_spec == "marcus@mailbox.example"
    assert "heard nothing back" in text_of(told)


def test_stop_reply_opts_that_person_out_and_confirms_once(h):
    h.cycle(T0 + days(14))
    hannah_checkin = checkins_by_person(h.sent())["hannah@priceceramics.example"]

    h.deliver(reply(hannah_checkin, HANNAH, "Stop", T0 + days(15)))
    h.cycle(T0 + days(15))
    [confirmation] = h.sent()
    assert confirmation["To"].addresses[0].addr_spec == "hannah@priceceramics.example"
    assert "won't send you" in text_of(confirmation)

    h.cycle(T0 + days(28))
    assert list(checkins_by_person(h.sent())) == ["dana@whitfieldcpa.example"]
    assert Person.get(Person.email == "hannah@priceceramics.example").opted_out_at is not None


def test_a_week_of_downtime_sends_only_the_latest_due_checkin_once(h):
    h.cycle(T0 + days(35))          # both offsets (14 d and 28 d) are past: send only the 28-day one

    sent = h.sent()
    assert len(sent) == 2 and all(m["Subject"].startswith("Following up") for m in sent)
    assert Checkin.select().where(Checkin.status == "skipped").count() == 2
    h.cycle(T0 + days(35, ))
    assert h.sent() == []


def test_reply_all_on_the_introduction_thread_means_in_touch_and_tells_the_referrer_once(h):
    thread = intro(MARCUS, DANA, HANNAH, T0, message_id="<intro-1@mail.example>")
    from tests.harness import parse

    original = parse(thread)
    h.deliver(reply(original, DANA, "Thanks Marcus! Hannah, happy to help. How is Thursday?", T0 + days(1)))
    h.deliver(reply(original, HANNAH, "Thursday works, see you then.", T0 + days(1, )))
    h.cycle(T0 + days(1))

    assert referral_rows()[0]["status"] == "in_touch"
    [update] = h.sent()
    assert update["To"].addresses[0].addr_spec == "marcus@mailbox.example"
    assert "in touch" in text_of(update)


def test_unclear_answer_gets_one_clarifying_email(h):
    h.cycle(T0 + days(14))
    dana_checkin = checkins_by_person(h.sent())["dana@whitfieldcpa.example"]

    h.deliver(reply(dana_checkin, DANA, "Who is this again?", T0 + days(15)))
    h.deliver(reply(dana_checkin, DANA, "Sorry, what do you mean?", T0 + days(15)))
    h.cycle(T0 + days(15))

    [clarify] = h.sent()
    assert clarify["To"].addresses[0].addr_spec == "dana@whitfieldcpa.example"
    assert "body=Hired" in text_of(clarify)
    assert referral_rows()[0]["status"] == "introduced"


def test_later_more_final_answer_supersedes_and_the_providers_word_wins(h):
    h.cycle(T0 + days(14))
    sent = checkins_by_person(h.sent())
    dana, hannah = sent["dana@whitfieldcpa.example"], sent["hannah@priceceramics.example"]

    h.deliver(reply(hannah, HANNAH, "We're talking, meeting next week.", T0 + days(15)))
    h.cycle(T0 + days(15))
    assert referral_rows()[0]["status"] == "in_touch"

    h.deliver(reply(hannah, HANNAH, "I hired Dana, great work so far.", T0 + days(16)))
    h.cycle(T0 + days(16))
    assert referral_rows()[0]["status"] == "won"

    h.deliver(reply(dana, DANA, "Unfortunately it wasn't a fit, she went with another firm.", T0 + days(17)))
    h.cycle(T0 + days(17))
    assert referral_rows()[0]["status"] == "lost"
    assert Event.select().where(Event.kind == "contradiction").count() == 1


def test_send_window_follows_each_recipients_own_time_zone(tmp_path):
    h = Harness(tmp_path, schedule={"send_window": "09:00-17:00", "send_days": "mon-fri"})
    start = datetime(2025, 1, 14, 17, 30, tzinfo=timezone.utc)       # Tue 09:30 in UTC-8, Wed 02:30 in UTC+9
    dana_pst = "Dana Whitfield <dana@whitfieldcpa.example>"
    h.deliver(intro(MARCUS, dana_pst, HANNAH, start - days(14), message_id="<intro-tz@mail.example>"))
    h.cycle(start - days(14))
    from tests.harness import parse

    original = parse(intro(MARCUS, dana_pst, HANNAH, start - days(14), message_id="<intro-tz@mail.example>"))
    pst = datetime(2025, 1, 1, 9, 0, tzinfo=timezone(timedelta(hours=-8)))
    kst = datetime(2025, 1, 1, 9, 0, tzinfo=timezone(timedelta(hours=9)))
    h.deliver(reply(original, DANA, "Happy to help!", pst))
    h.deliver(reply(original, HANNAH, "Thank you both!", kst))
    h.cycle(start - days(14) + timedelta(minutes=1))
    h.sent()

    h.cycle(start)
    assert list(checkins_by_person(h.sent())) == ["dana@whitfieldcpa.example"]

    h.cycle(datetime(2025, 1, 14, 23, 59, tzinfo=timezone.utc))     # Wed 08:59 in UTC+9: still closed
    assert h.sent() == []
    h.cycle(datetime(2025, 1, 15, 0, 0, tzinfo=timezone.utc))       # Wed 09:00 in UTC+9
    assert list(checkins_by_person(h.sent())) == ["hannah@priceceramics.example"]


def test_every_change_is_an_event_with_its_source(h):
    h.cycle(T0 + days(14))
    dana_checkin = checkins_by_person(h.sent())["dana@whitfieldcpa.example"]
    h.deliver(reply(dana_checkin, DANA, "Signed, $3,000", T0 + days(15)))
    h.cycle(T0 + days(15))

    events = [(e.kind, e.source.split(":")[0]) for e in Event.select().order_by(Event.id)]
    assert events[0] == ("created", "message")
    assert ("checkin_sent", "job") in events
    assert ("reply", "message") in events and ("status", "message") in events
    status = Event.get(Event.kind == "status")
    assert (status.old_status, status.new_status) == ("introduced", "won")
    assert json.loads(Event.get(Event.kind == "reply").detail)["amount"] == "3000"


def test_a_configured_alias_may_answer_for_a_person(tmp_path):
    h = Harness(tmp_path, tracking={"aliases": {"dana@whitfieldcpa.example": ["dana.w@gmail.example"]}})
    h.deliver(intro(MARCUS, DANA, HANNAH, T0))
    h.cycle(T0)
    h.cycle(T0 + days(14))
    dana_checkin = checkins_by_person(h.sent())["dana@whitfieldcpa.example"]

    h.deliver(reply(dana_checkin, "Dana W <dana.w@gmail.example>", "We're talking next week.", T0 + days(15)))
    h.cycle(T0 + days(15))

    assert referral_rows()[0]["status"] == "in_touch"


def test_replying_stop_to_an_acknowledgement_opts_the_referrer_out(tmp_path):
    h = Harness(tmp_path)
    h.deliver(intro(MARCUS, DANA, HANNAH, T0))
    h.cycle(T0)
    [ack] = h.sent()

    h.deliver(reply(ack, MARCUS, "stop", T0 + days(1)))
    h.cycle(T0 + days(1))

    assert Person.get(Person.email == "marcus@mailbox.example").opted_out_at is not None
    [confirmation] = h.sent()
    assert confirmation["To"].addresses[0].addr_spec == "marcus@mailbox.example"


def test_stop_in_reply_to_mail_sent_to_someone_else_is_not_obeyed(tmp_path):
    h = Harness(tmp_path)
    h.deliver(intro(MARCUS, DANA, HANNAH, T0))
    h.cycle(T0)
    [ack] = h.sent()

    h.deliver(reply(ack, "Eve Mallory <eve@attacker.example>", "stop", T0 + days(1)))
    h.cycle(T0 + days(1))

    assert Person.select().where(Person.opted_out_at.is_null(False)).count() == 0
    assert InboundMessage.select().order_by(InboundMessage.id.desc()).get().status == "quarantined"


def test_the_same_introduction_sent_again_is_one_referral_with_one_set_of_checkins(h):
    for n in range(5):
        h.deliver(intro(MARCUS, DANA, HANNAH, T0 + timedelta(hours=n), message_id=f"<again-{n}@mail.example>"))
    h.cycle(T0 + timedelta(hours=6))

    assert len(referral_rows()) == 1
    assert h.sent() == []
    h.cycle(T0 + days(14))
    assert len(h.sent()) == 2


def test_a_newer_status_replaces_an_update_still_waiting_to_go_out(h):
    h.cycle(T0 + days(14))
    sent = checkins_by_person(h.sent())
    h.deliver(reply(sent["hannah@priceceramics.example"], HANNAH, "We met, going well.", T0 + days(15)))
    h.deliver(reply(sent["dana@whitfieldcpa.example"], DANA, "She signed! $2,000", T0 + days(15)))
    h.cycle(T0 + days(15))

    subjects = [m["Subject"] for m in h.sent()]
    assert len(subjects) == 2                       # one update (won) and the thank-you, not three
    assert any(s.startswith("Thank you") for s in subjects)


def test_mail_to_the_referrer_carries_their_own_unsubscribe_address(tmp_path):
    from parsers.tokens import stop_token
    from tests.conftest import SECRET

    h = Harness(tmp_path)
    h.deliver(intro(MARCUS, DANA, HANNAH, T0))
    h.cycle(T0)
    [ack] = h.sent()
    token = stop_token(SECRET.encode(), "marcus@mailbox.example")
    assert ack["List-Unsubscribe"].strip() == f"<mailto:track+stop-{token}@example.test?subject=stop>"
