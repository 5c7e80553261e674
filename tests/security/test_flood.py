"""A flood from one sender: ``[security] max_messages_per_hour`` holds, the rest is recorded as rejected
with the reason, no mail fans out from it, and everyone else's mail goes through in the same cycle."""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest

from db.models import InboundMessage, Notice, Outbound, Referral
from tests.harness import Harness, intro

T0 = datetime(2025, 1, 14, 18, 0, tzinfo=timezone.utc)
FLOODER = "Flo Odd <flo@spam.example>"
DANA = "Dana Whitfield <dana@whitfieldcpa.example>"
HANNAH = "Hannah Price <hannah@priceceramics.example>"
LIMIT = 60
FLOOD = 1000


@pytest.fixture(scope="module")
def flooded(tmp_path_factory):
    """One cycle over 1,000 introductions from one sender, with two from someone else among them."""
    h = Harness(tmp_path_factory.mktemp("flood"), security={"max_messages_per_hour": LIMIT})
    for i in range(FLOOD):
        if i == FLOOD // 2:
            h.deliver(intro("Marcus Bell <marcus@mailbox.example>", DANA, HANNAH, T0, message_id="<mid@mail.example>"))
        # Different people each time: the same introduction again would simply be one referral.
        h.deliver(intro(FLOODER, f"Dana Whitfield <dana{i}@whitfieldcpa.example>", HANNAH, T0,
                        message_id=f"<flood-{i}@spam.example>"))
    h.deliver(intro("Ruth Kay <ruth@kay.example>", DANA, HANNAH, T0, message_id="<last@kay.example>"))
    started = time.monotonic()
    report = h.cycle(T0)
    elapsed = time.monotonic() - started
    print(f"\nflood: {FLOOD + 2} messages in one cycle, {elapsed:.1f} s; {report.line()}")
    yield h, report, elapsed
    h.app.db.close()


def flood_rows():
    return InboundMessage.select().where(InboundMessage.sender == "flo@spam.example")


def test_exactly_the_limit_is_acted_on(flooded):
    _, report, _ = flooded
    assert report.fetched == FLOOD + 2 and report.failed == 0
    done = flood_rows().where(InboundMessage.status == "done")
    assert done.count() == LIMIT
    assert all(r.reason.startswith("recorded") for r in done)
    assert Referral.select().join_from(Referral, InboundMessage, on=(Referral.source == InboundMessage.id)).where(
        InboundMessage.sender == "flo@spam.example").count() == LIMIT


def test_the_rest_is_recorded_as_rejected_with_the_reason(flooded):
    rejected = flood_rows().where(InboundMessage.status == "rejected")
    assert rejected.count() == FLOOD - LIMIT
    assert {r.reason for r in rejected} == {f"more than {LIMIT} messages from flo@spam.example in an hour"}
    assert flood_rows().count() == FLOOD          # every one recorded, none lost


def test_the_flood_fans_out_to_nobody_beyond_the_limit(flooded):
    """Accepted introductions are acknowledged to their sender only, up to the cap on answers to one
    address (``inbox.max_replies_per_sender_per_hour``); rejected ones get no notice at all."""
    h, _, _ = flooded
    to_flooder = Outbound.select().where(Outbound.to_addr == "flo@spam.example")
    assert to_flooder.count() == min(LIMIT, h.config.inbox.max_replies_per_sender_per_hour)
    assert {o.kind for o in to_flooder} == {"acknowledgement"}
    assert Notice.select().where(Notice.address == "flo@spam.example").count() == 0
    assert Outbound.select().where(Outbound.to_addr.not_in(
        ["flo@spam.example", "marcus@mailbox.example", "ruth@kay.example"])).count() == 0


def test_other_senders_are_processed_in_the_same_cycle(flooded):
    for sender in ("marcus@mailbox.example", "ruth@kay.example"):
        [row] = InboundMessage.select().where(InboundMessage.sender == sender)
        assert row.status == "done" and row.reason.startswith("recorded"), row.reason
        assert Outbound.select().where((Outbound.to_addr == sender) & (Outbound.kind == "acknowledgement")).count() == 1


def test_the_daemon_stays_responsive(flooded):
    _, _, elapsed = flooded
    assert elapsed < 120, f"one cycle over the flood took {elapsed:.0f} s"


def test_the_limit_is_a_sliding_hour(flooded):
    h, _, _ = flooded
    h.deliver(intro(FLOODER, DANA, HANNAH, T0, message_id="<flood-later@spam.example>"))
    h.cycle(T0 + timedelta(minutes=30))
    later = InboundMessage.get(InboundMessage.message_id == "flood-later@spam.example")
    assert later.status == "rejected"

    h.deliver(intro(FLOODER, DANA, HANNAH, T0, message_id="<flood-next-hour@spam.example>"))
    h.cycle(T0 + timedelta(minutes=61))
    next_hour = InboundMessage.get(InboundMessage.message_id == "flood-next-hour@spam.example")
    assert next_hour.status == "done", next_hour.reason
