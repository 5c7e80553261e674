"""Under the strict policy only mail the receiving server vouches for is acted on; commands that touch a
person's data (report, stop) need that proof always."""
from __future__ import annotations

from datetime import datetime, timezone

from db.models import InboundMessage, Person
from db.queries import referral_rows
from tests.harness import Harness, intro

T0 = datetime(2025, 1, 14, 18, 0, tzinfo=timezone.utc)
MARCUS = "Marcus Bell <marcus@mailbox.example>"
DANA = "Dana Whitfield <dana@whitfieldcpa.example>"
HANNAH = "Hannah Price <hannah@priceceramics.example>"
TRUSTED = "Authentication-Results: mx.example.test; dkim=pass header.d=mailbox.example; " \
          "spf=pass smtp.mailfrom=marcus@mailbox.example; dmarc=pass header.from=mailbox.example\n"
FORGED_BY_SENDER = "Authentication-Results: mx.attacker.example; dmarc=pass header.from=mailbox.example\n"
FAILING = "Authentication-Results: mx.example.test; spf=fail smtp.mailfrom=marcus@mailbox.example; " \
          "dmarc=fail header.from=mailbox.example\n"


def strict(tmp_path) -> Harness:
    return Harness(tmp_path, security={"require_authenticated_sender": True,
                                       "trusted_authserv_id": "mx.example.test"})


def with_header(header: str, raw: bytes) -> bytes:
    return header.encode() + raw


def test_spoofed_from_without_trusted_results_creates_nothing(tmp_path):
    h = strict(tmp_path)
    h.deliver(intro(MARCUS, DANA, HANNAH, T0))
    h.deliver(with_header(FORGED_BY_SENDER, intro(MARCUS, DANA, HANNAH, T0)))
    h.deliver(with_header(FAILING, intro(MARCUS, DANA, HANNAH, T0)))
    h.cycle(T0)

    assert referral_rows() == []
    assert h.sent() == []
    rows = list(InboundMessage.select())
    assert len(rows) == 3
    assert all(r.status == "quarantined" and r.reason.startswith("unauthenticated sender") for r in rows)
    assert len(list((h.inbox / ".Referloop.Quarantine" / "cur").iterdir())) == 3


def test_mail_the_trusted_server_vouches_for_is_recorded(tmp_path):
    h = strict(tmp_path)
    h.deliver(with_header(TRUSTED, intro(MARCUS, DANA, HANNAH, T0)))
    h.cycle(T0)
    assert len(referral_rows()) == 1


def test_stop_command_needs_an_authenticated_sender_even_when_the_policy_is_open(tmp_path):
    h = Harness(tmp_path, security={"trusted_authserv_id": "mx.example.test"})
    stop = (b"From: Marcus Bell <marcus@mailbox.example>\nTo: track+stop@example.test\nSubject: stop\n"
            b"Message-ID: <stop-1@mailbox.example>\nDate: Tue, 14 Jan 2025 10:00:00 -0800\n\nstop\n")
    h.deliver(stop)
    h.cycle(T0)
    assert Person.select().where(Person.opted_out_at.is_null(False)).count() == 0
    assert InboundMessage.get().status == "quarantined"

    h.deliver(with_header(TRUSTED, stop.replace(b"stop-1", b"stop-2")))
    h.cycle(T0)
    assert Person.get(Person.email == "marcus@mailbox.example").opted_out_at is not None
    [confirmation] = h.sent()
    assert confirmation["To"].addresses[0].addr_spec == "marcus@mailbox.example"


def test_the_personal_unsubscribe_address_stops_without_authentication_and_only_for_its_owner(tmp_path):
    from parsers.tokens import stop_token
    from tests.conftest import SECRET

    h = Harness(tmp_path, security={"trusted_authserv_id": "mx.example.test"})
    token = stop_token(SECRET.encode(), "marcus@mailbox.example")
    unsubscribe = (f"From: Marcus Bell <marcus@mailbox.example>\nTo: track+stop-{token}@example.test\n"
                   "Subject: stop\nMessage-ID: <u-1@mailbox.example>\nDate: Tue, 14 Jan 2025 10:00:00 -0800\n\n"
                   "stop\n").encode()
    h.deliver(unsubscribe.replace(b"marcus@mailbox.example>\nTo", b"eve@attacker.example>\nTo")
              .replace(b"u-1@", b"u-0@"))
    h.deliver(unsubscribe)
    h.cycle(T0)

    opted_out = [p.email for p in Person.select().where(Person.opted_out_at.is_null(False))]
    assert opted_out == ["marcus@mailbox.example"]
    assert [r.status for r in InboundMessage.select().order_by(InboundMessage.id)] == ["quarantined", "done"]
