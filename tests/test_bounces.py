"""A delivery failure for one of our emails marks that address as bouncing: no more mail goes there,
and the referrer hears about it in the next update. Matched by the VERP envelope sender, or by the
Message-ID the report quotes."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from db.models import Checkin, Person
from mailer.cycle import run_cycle, start
from tests.conftest import build_config, imap_inbox, smtp_outbox
from tests.harness import intro, reply

pytestmark = pytest.mark.servers
T0 = datetime(2025, 1, 14, 18, 0, tzinfo=timezone.utc)

DSN = """From: Mail Delivery System <MAILER-DAEMON@mx.whitfieldcpa.example>
To: {to}
Subject: Undelivered Mail Returned to Sender
Date: Wed, 29 Jan 2025 15:00:05 +0000
Message-ID: <dsn-{n}@mx.whitfieldcpa.example>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b"

--b
Content-Type: text/plain

I'm sorry to have to inform you that your message could not be delivered.

--b
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.whitfieldcpa.example

Final-Recipient: rfc822; dana@whitfieldcpa.example
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 user unknown

--b--
"""


@pytest.mark.parametrize("quote_message_id", [False, True])
def test_bounced_address_gets_no_more_mail_and_the_referrer_is_told(dovecot, imap_user, smtp, tmp_path,
                                                                      quote_message_id):
    app = start(build_config(tmp_path, inbox=imap_inbox(dovecot, imap_user), outbox=smtp_outbox(smtp)))
    dovecot.append(imap_user, intro("Marcus Bell <marcus@mailbox.example>", "Dana Whitfield <dana@whitfieldcpa.example>",
                                    "Hannah Price <hannah@priceceramics.example>", T0, message_id="<i-b@mail.example>"))
    run_cycle(app, T0)
    smtp.handler.messages.clear()
    run_cycle(app, T0 + timedelta(days=14))
    [to_dana] = smtp.handler.to("dana@whitfieldcpa.example")
    assert to_dana.mail_from.startswith("track+bounce-")
    hannahs = smtp.handler.to("hannah@priceceramics.example")[0].message

    dsn = DSN.format(to=to_dana.mail_from, n=int(quote_message_id))
    if quote_message_id:   # the report quotes our Message-ID, and comes to the plain address
        dsn = dsn.replace(to_dana.mail_from, "track@example.test").replace(
            "--b--", f"--b\nContent-Type: text/rfc822-headers\n\nMessage-ID: {to_dana.message['Message-ID']}\n\n--b--")
    dovecot.append(imap_user, dsn.encode())
    smtp.handler.messages.clear()
    run_cycle(app, T0 + timedelta(days=15))

    dana = Person.get(Person.email == "dana@whitfieldcpa.example")
    assert dana.bouncing_at is not None
    assert Checkin.select().where((Checkin.person == dana) & (Checkin.status == "scheduled")).count() == 0
    assert smtp.handler.messages == []                       # a bounce is never answered

    dovecot.append(imap_user, reply(hannahs, "Hannah Price <hannah@priceceramics.example>",
                                    "We met and it's going well.", T0 + timedelta(days=16)))
    run_cycle(app, T0 + timedelta(days=16))
    [update] = smtp.handler.to("marcus@mailbox.example")
    assert "dana@whitfieldcpa.example bounces" in " ".join(update.message.get_body(("plain",)).get_content().split())
    run_cycle(app, T0 + timedelta(days=28))
    assert smtp.handler.to("dana@whitfieldcpa.example") == []


def test_mail_to_our_envelope_sender_is_never_taken_for_a_person():
    from parsers import Tracking, parse_message

    vacation = (b"From: Dana Whitfield <dana@whitfieldcpa.example>\n"
                b"To: track+bounce-12-0123456789@example.test\nSubject: Re: Checking in\n"
                b"Message-ID: <v-1@whitfieldcpa.example>\nDate: Wed, 29 Jan 2025 15:00:05 +0000\n\n"
                b"Hired! $5,000\n")
    parsed = parse_message(vacation, Tracking(("track@example.test",)))
    assert (parsed.kind, parsed.ignore_reason) == ("ignore", "auto_reply")
