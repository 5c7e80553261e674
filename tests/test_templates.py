"""Templates: both parts, one-tap answers, our reply marker, and overrides from a directory."""
from __future__ import annotations

from datetime import datetime, timezone

from db.views import one_tap_options
from mailer.compose import Composer, Draft, reply_subject
from parsers.model import Address
from parsers.trimming import REPLY_MARKER
from tests.harness import parse

NOW = datetime(2025, 1, 28, 15, 0, tzinfo=timezone.utc)
SENDER = Address("Referloop", "track@example.test")


class View:
    kind = "introduction"
    sentence = "You introduced Alice Ng to Bob Ruiz."
    subject_line = "your introduction of Alice Ng to Bob Ruiz"
    thread_subject = "Intro: Alice <> Bob"
    referrer_label = "Marcus Bell"
    referrer_first = "Marcus"
    provider_label = "Bob Ruiz"
    provider_first = "Bob"
    contact_label = "Alice Ng"
    category = "accountant"
    status = "introduced"
    introduced_on = "January 14"


def checkin_draft() -> Draft:
    reply_to = "track+abc234@example.test"
    return Draft(template="checkin", to=Address("Bob Ruiz", "bob@ruizcpa.example"), reply_to=reply_to,
                 list_unsubscribe="mailto:track+stop@example.test?subject=stop", token="abc234",
                 context={"recipient_first": "Bob", "sender_name": "Referloop", "tracking_address": SENDER.email,
                          "referral": View(), "role": "provider", "seq": 0, "other_label": "Alice Ng",
                          "other_first": "Alice", "options": one_tap_options(reply_to, "Checking in")})


def test_checkin_has_both_parts_one_tap_links_and_the_marker():
    subject, raw = Composer(SENDER).render(checkin_draft(), "<20250128150000.abc234@example.test>", NOW)
    msg = parse(raw)
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert subject == "Checking in: your introduction to Alice Ng"
    assert text.startswith(REPLY_MARKER) and REPLY_MARKER in html
    for word in ("Hired", "Talking", "No%20contact%20yet", "Not%20a%20fit"):
        assert f"mailto:track+abc234@example.test?subject=Re%3A%20Checking%20in&amp;body={word}" in html
    assert msg["List-Unsubscribe"] == "<mailto:track+stop@example.test?subject=stop>"
    assert msg["Message-ID"] == "<20250128150000.abc234@example.test>"


def test_a_template_directory_overrides_bundled_templates_by_name(tmp_path):
    (tmp_path / "checkin.subject.j2").write_text("How are things with {{ other_label }}?")
    subject, _ = Composer(SENDER, tmp_path).render(checkin_draft(), "<x@example.test>", NOW)
    assert subject == "How are things with Alice Ng?"


def test_reply_subject_adds_one_re():
    assert reply_subject("Re: RE: Aw: Checking in") == "Re: Checking in"
    assert reply_subject("Intro") == "Re: Intro"


def test_non_ascii_header_is_encoded_words_that_decode_to_the_same_text():
    import email
    from email.policy import default

    from mailer.compose import header_line

    value = "Merci pour la présentation de Zoë Müller à José Núñez — comptabilité, 日本語"
    line = header_line("Subject", value)
    assert line.isascii() and all(len(part) <= 78 for part in line.split(b"\r\n"))
    assert email.message_from_bytes(line + b"\r\n", policy=default)["subject"] == value
