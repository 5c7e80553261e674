"""Mail written by machines is ignored with the right reason; mail written by people is not.

RFC 3834 ``Auto-Submitted`` (other than "no"), ``Precedence: bulk/junk/list/auto_reply``,
``X-Autoreply``/``X-Autorespond``, localized out-of-office subjects, list headers and bounces.
Exchange puts ``X-Auto-Response-Suppress`` on ordinary human mail, so that header alone means nothing.
"""
from __future__ import annotations

import pytest

from parsers import Tracking, parse_message

TRACKING = Tracking(("track@referloop.example",))
INTRO_BODY = ("Bob, meet Cy. Cy is a great plumber who fixed our pipes last year.\n\n"
              "Cy, Bob's water heater is leaking and he needs someone this week.\n\nAnn\n")


def message(extra: str = "", subject: str = "Intro: Bob <> Cy", sender: str = "Ann Lee <ann@a.example>",
            to: str = "Bob Ray <bob@b.example>, Cy Dee <cy@cyplumbing.example>", body: str = INTRO_BODY) -> bytes:
    return (f"From: {sender}\nTo: {to}\nCc: track@referloop.example\nSubject: {subject}\n{extra}"
            f"MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n{body}").encode()


def reason(raw: bytes) -> tuple[str, str | None]:
    parsed = parse_message(raw, TRACKING)
    return parsed.kind, parsed.ignore_reason


@pytest.mark.parametrize("header", [
    "Auto-Submitted: auto-replied", "Auto-Submitted: auto-generated", "Auto-Submitted: auto-notified; owner-email=x@y",
    "Precedence: junk", "Precedence: auto_reply", "X-Autoreply: yes", "X-Autorespond: on", "X-Loop: a.example",
])
def test_machine_headers_make_an_auto_reply(header: str):
    assert reason(message(header + "\n")) == ("ignore", "auto_reply")


@pytest.mark.parametrize("subject", [
    "Automatic reply: Checking in", "Out of Office: back Monday", "Abwesenheitsnotiz: Checking in",
    "Automatische Antwort: Ihre Nachricht", "Réponse automatique : Checking in", "Absence du bureau",
    "Respuesta automática: Checking in", "Fuera de la oficina", "Autoreply: Checking in", "Auto: Re: Intro", "Auto Response: Checking in", "Vacation reply",
    "En congé jusqu'au 3 avril", "Ausente: Re: Presentación",
])
def test_localized_out_of_office_subjects(subject: str):
    assert reason(message(subject=subject)) == ("ignore", "auto_reply")


@pytest.mark.parametrize("header", ["Auto-Submitted: no", "X-Auto-Response-Suppress: All",
                                    "X-Auto-Response-Suppress: DR, RN, NRN, OOF, AutoReply"])
def test_human_mail_markers_do_not_make_an_auto_reply(header: str):
    assert reason(message(header + "\n")) == ("introduction", None)


@pytest.mark.parametrize("headers", [
    "List-Id: Members <members.lists.a.example>\n",
    "Precedence: list\n",
    "List-Unsubscribe: <mailto:leave@a.example>\nPrecedence: bulk\n",
    "List-Unsubscribe: <https://a.example/u>\nList-Post: <mailto:l@a.example>\n",
    "List-Unsubscribe: <https://news.example/u/123>\n",
])
def test_list_traffic(headers: str):
    assert reason(message(headers)) == ("ignore", "mailing_list")


def test_bulk_without_list_headers_is_an_auto_reply():
    assert reason(message("Precedence: bulk\n")) == ("ignore", "auto_reply")


def test_bounce_from_mailer_daemon():
    raw = message(sender="Mail Delivery Subsystem <MAILER-DAEMON@mx.a.example>", subject="Undelivered Mail",
                  to="track+abc@referloop.example", body="Delivery failed: 550 5.1.1 user unknown\n")
    assert reason(raw) == ("ignore", "bounce")


def test_bounce_as_multipart_report():
    raw = ("From: postmaster@mx.a.example\nTo: track+abc@referloop.example\nSubject: failure notice\n"
           'MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary="r"\n\n'
           "--r\nContent-Type: text/plain\n\nfailed\n--r\nContent-Type: message/delivery-status\n\n"
           "Final-Recipient: rfc822; gone@b.example\nAction: failed\nStatus: 5.1.1\n\n--r--\n").encode()
    parsed = parse_message(raw, TRACKING)
    assert (parsed.kind, parsed.ignore_reason) == ("ignore", "bounce")
    assert parsed.bounced_recipients == ("gone@b.example",)


def test_from_the_tracking_address_itself_in_any_case():
    assert reason(message(sender="Referloop <TRACK@Referloop.example>")) == ("ignore", "from_self")
