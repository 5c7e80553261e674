"""Recognising the tracking address wherever it appears: To, Cc, or the envelope headers of a Bcc'd
copy (Delivered-To, X-Original-To, Envelope-To), in any letter case, with or without a +tag."""
from __future__ import annotations

import pytest

from parsers.addresses import addressed_to_us, is_tracking, plus_tags, receiving_mailbox
from parsers.mime import decode
from parsers.model import Tracking

TRACKING = Tracking(("track@referloop.example", "intros@other.example"))


@pytest.mark.parametrize("address", ["track@referloop.example", "TRACK@Referloop.example",
                                     "track+abc123@referloop.example", "intros@other.example"])
def test_our_addresses(address: str):
    assert is_tracking(address, TRACKING)


@pytest.mark.parametrize("address", ["track@referloop.test", "tracker@referloop.example", "track@sub.referloop.example"])
def test_not_our_addresses(address: str):
    assert not is_tracking(address, TRACKING)


@pytest.mark.parametrize("header", ["To: track@referloop.example", "Cc: Referloop <TRACK@referloop.example>",
                                    "Delivered-To: track@referloop.example", "X-Original-To: track@referloop.example",
                                    "Envelope-To: track@referloop.example"])
def test_addressed_to_us_in_any_recipient_header(header: str):
    raw = f"From: a@a.example\nTo: b@b.example\n{header}\nSubject: x\n\nbody".encode()
    assert addressed_to_us(decode(raw), TRACKING)


def test_plus_tags_in_header_order_without_duplicates():
    raw = (b"From: a@a.example\nTo: track+k1@referloop.example, TRACK+k1@referloop.example\n"
           b"Delivered-To: track+k2@referloop.example\nSubject: x\n\nbody")
    assert plus_tags(decode(raw), TRACKING) == ["k1", "k2"]


def test_receiving_mailbox_prefers_the_address_before_alias_expansion():
    raw = (b"Delivered-To: intake@mail.referloop.example\nX-Original-To: track+z1@referloop.example\n"
           b"From: a@a.example\nTo: b@b.example\nSubject: x\n\nbody")
    assert receiving_mailbox(raw) == "track@referloop.example"


def test_receiving_mailbox_prefers_an_envelope_address_also_in_cc():
    raw = (b"Delivered-To: intake@mail.referloop.example\nDelivered-To: track@referloop.example\n"
           b"From: a@a.example\nTo: b@b.example\nCc: Track <TRACK@referloop.example>\nSubject: x\n\nbody")
    assert receiving_mailbox(raw) == "track@referloop.example"


def test_receiving_mailbox_without_delivery_headers():
    assert receiving_mailbox(b"From: a@a.example\nTo: b@b.example\n\nbody") is None


def test_receiving_mailbox_without_delivery_headers_prefers_track_to_a_clinics_referrals_inbox():
    raw = (b"From: a@a.example\nTo: Frank <frank@inbox.example>, Pinecrest Sleep <referrals@pinecrest.example>\n"
           b"Cc: track@referloop.example\nSubject: x\n\nbody")
    assert receiving_mailbox(raw) == "track@referloop.example"


def _classify(to: str, cc: str = "", extra: str = "") -> str:
    from parsers import parse_message
    raw = (f"From: Ann Lee <ann@a.example>\nTo: {to}\n" + (f"Cc: {cc}\n" if cc else "") + extra +
           "Subject: Re: Checking in\n\nHired them last week.\n").encode()
    return parse_message(raw, TRACKING).kind


def test_a_token_shaped_tag_is_a_reply_even_with_others_copied():
    from datetime import date
    from parsers.tokens import make_token
    token = make_token(b"k" * 32, 42, "ann@a.example", date(2025, 3, 1))
    assert _classify(f"track+{token}@referloop.example", "Bo <bo@b.example>") == "reply"


def test_a_filing_tag_with_people_copied_is_not_a_reply():
    assert _classify("track+chapter-north@referloop.example", "Bo <bo@b.example>, Cy <cy@c.example>") != "reply"


@pytest.mark.parametrize("to,extra", [
    ("track+notatoken@referloop.example", ""),        # written to us alone: an altered token, still a reply
    ("track+notatoken@referloop.example, Bo <bo@b.example>",
     "In-Reply-To: <20250301150000.abcdefgh@referloop.example>\n"),   # answers one of our messages
])
def test_an_odd_tag_is_a_reply_only_to_us_alone_or_in_our_thread(to: str, extra: str):
    assert _classify(to, extra=extra) == "reply"


def test_without_delivery_headers_the_recipient_named_like_a_tracker_is_the_mailbox():
    raw = (b"From: Ann <ann@a.example>\nTo: Bob <bob@b.example>, Cy <cy@c.example>\n"
           b"Cc: Track+bni@Referloop.example\nSubject: Intro\n\nBob, meet Cy.\n")
    assert receiving_mailbox(raw) == "track@referloop.example"


def test_without_delivery_headers_or_a_tracker_name_there_is_no_mailbox():
    raw = b"From: Ann <ann@a.example>\nTo: Bob <bob@b.example>\nCc: cy@c.example\nSubject: Hi\n\nHello.\n"
    assert receiving_mailbox(raw) is None
