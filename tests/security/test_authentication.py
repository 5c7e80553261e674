"""Authenticated senders: only the receiving server's Authentication-Results header counts, and it must
show DMARC pass, or SPF/DKIM pass aligned with the From domain. The examples are shaped like the
headers real providers write (folded lines, comments, vendor extensions)."""
from __future__ import annotations

from email.message import EmailMessage

import pytest

from parsers import Tracking, parse_message
from parsers.authentication import AuthVerdict, aligned, sender_authenticated

GMAIL = ("mx.google.com;\r\n       dkim=pass header.i=@example.com header.s=20230601 header.b=AbCdEf12;\r\n"
         "       spf=pass (google.com: domain of bob@example.com designates 209.85.220.41 as permitted sender)"
         " smtp.mailfrom=bob@example.com;\r\n       dmarc=pass (p=NONE sp=NONE dis=NONE) header.from=example.com")
GMAIL_SPOOFED = ("mx.google.com;\r\n       spf=fail (google.com: domain of ceo@example.com does not designate "
                 "198.51.100.7 as permitted sender) smtp.mailfrom=ceo@example.com;\r\n"
                 "       dmarc=fail (p=REJECT sp=REJECT dis=REJECT) header.from=example.com")
GMAIL_NO_DMARC_DKIM_ONLY = ("mx.google.com; dkim=pass header.i=@news.example.com header.s=k1 header.b=Zz9;"
                            " spf=softfail (google.com: transitioning) smtp.mailfrom=bounce@esp.example")
M365 = ("spf=pass (sender IP is 209.85.221.54)\r\n smtp.mailfrom=example.com; dkim=pass (signature was verified)"
        "\r\n header.d=example.com;dmarc=pass action=none header.from=example.com;compauth=pass\r\n reason=100")
M365_FAIL = ("spf=fail (sender IP is 198.51.100.7) smtp.mailfrom=example.com; dkim=none (message not signed)"
             " header.d=none;dmarc=fail action=oreject header.from=example.com;compauth=fail reason=000")
M365_BESTGUESS = ("spf=none (sender IP is 198.51.100.7) smtp.mailfrom=example.com; dkim=none (message not signed)"
                  " header.d=none;dmarc=bestguesspass action=none header.from=example.com;compauth=pass reason=109")
FASTMAIL = ("mx6.messagingengine.com;\r\n    dkim=pass (2048-bit rsa key sha256) header.d=example.com"
            " header.i=@example.com header.b=abc header.a=rsa-sha256 header.s=fm1 x-bits=2048;\r\n"
            "    dmarc=pass policy.published-domain-policy=none policy.applied-disposition=none"
            " policy.evaluated-disposition=none (p=none,d=none,d.eval=none) policy.policy-from=p"
            " header.from=example.com;\r\n    iprev=pass smtp.remote-ip=203.0.113.5 (mail.example.com);\r\n"
            "    spf=pass smtp.mailfrom=bob@example.com smtp.helo=mail.example.com")
FASTMAIL_DKIM_OTHER_DOMAIN = ("mx6.messagingengine.com; dkim=pass (2048-bit rsa key sha256) header.d=sendgrid.net"
                              " header.i=@sendgrid.net header.b=x1; dmarc=none (p=none) header.from=example.com;"
                              " spf=pass smtp.mailfrom=bounces+123@sendgrid.net")
# Postfix with policyd-spf, OpenDKIM and OpenDMARC: one header per check, same id, stacked.
PF_DMARC_PASS = "mail.example.org; dmarc=pass (p=none dis=none) header.from=example.com"
PF_DMARC_FAIL = "mail.example.org; dmarc=fail (p=reject dis=none) header.from=example.com"
PF_DKIM_PASS = ("mail.example.org;\r\n\tdkim=pass (2048-bit key; unprotected) header.d=example.com"
                " header.i=@example.com header.a=rsa-sha256 header.s=default header.b=XyZ12345")
PF_DKIM_PASS_SUB = "mail.example.org; dkim=pass (1024-bit key) header.d=mail.example.com header.s=s"
PF_SPF_PASS = ("mail.example.org; spf=pass (sender SPF authorized) smtp.mailfrom=example.com"
               " (client-ip=203.0.113.5; helo=mail.example.com; envelope-from=bob@example.com)")
PF_SPF_FAIL = "mail.example.org; spf=fail (sender SPF not authorized) smtp.mailfrom=example.com"
PF_NONE = "mail.example.org 1; none"

FORGED_OTHER_ID = "attacker.example; dmarc=pass header.from=example.com; spf=pass smtp.mailfrom=example.com"
FORGED_OUR_ID_DMARC = "mx.google.com; dmarc=pass (p=NONE) header.from=example.com"
FORGED_OUR_ID_DKIM = "mail.example.org; dkim=pass header.d=example.com header.s=x"

CASES = [
    # (name, headers top first, From domain, trusted id, expected ok)
    ("gmail: dmarc, spf and dkim pass", (GMAIL,), "example.com", "mx.google.com", True),
    ("gmail: the id matches case-insensitively", (GMAIL,), "Example.COM", "MX.Google.Com", True),
    ("gmail: spoofed From fails spf and dmarc", (GMAIL_SPOOFED,), "example.com", "mx.google.com", False),
    ("gmail: dkim pass from a subdomain aligns", (GMAIL_NO_DMARC_DKIM_ONLY,), "example.com", "mx.google.com", True),
    ("gmail: dkim of news.example.com does not vouch for other.example",
     (GMAIL_NO_DMARC_DKIM_ONLY,), "other.example", "mx.google.com", False),
    ("m365: header without authserv-id", (M365,), "example.com", "protection.outlook.com", True),
    ("m365: composite pass is not a dmarc pass", (M365_BESTGUESS,), "example.com", "protection.outlook.com", False),
    ("m365: fail", (M365_FAIL,), "example.com", "protection.outlook.com", False),
    ("m365: an id-less header is not trusted for another id", (M365,), "example.com", "mx.google.com", False),
    ("fastmail: pass", (FASTMAIL,), "example.com", "mx6.messagingengine.com", True),
    ("fastmail: dkim by the ESP and spf for the ESP are not aligned",
     (FASTMAIL_DKIM_OTHER_DOMAIN,), "example.com", "mx6.messagingengine.com", False),
    ("postfix: stacked headers, dmarc pass on top", (PF_DMARC_PASS, PF_DKIM_PASS, PF_SPF_PASS),
     "example.com", "mail.example.org", True),
    ("postfix: dkim only, aligned", (PF_DKIM_PASS,), "example.com", "mail.example.org", True),
    ("postfix: dkim from a subdomain of the From domain", (PF_DKIM_PASS_SUB,), "example.com", "mail.example.org", True),
    ("postfix: spf only, domain-only mailfrom", (PF_SPF_PASS,), "example.com", "mail.example.org", True),
    ("postfix: spf fail alone", (PF_SPF_FAIL,), "example.com", "mail.example.org", False),
    ("postfix: 'none' means nothing was checked", (PF_NONE,), "example.com", "mail.example.org", False),
    ("forged: another id's pass is ignored", (FORGED_OTHER_ID,), "example.com", "mx.google.com", False),
    ("forged: another id's pass below the trusted fail", (GMAIL_SPOOFED, FORGED_OTHER_ID),
     "example.com", "mx.google.com", False),
    ("forged: our id's dmarc pass below the real dmarc fail is overruled",
     (GMAIL_SPOOFED, FORGED_OUR_ID_DMARC), "example.com", "mx.google.com", False),
    ("forged: our id below a foreign header is not in the trusted run",
     (PF_SPF_FAIL, "relay.example.net; none", FORGED_OUR_ID_DKIM), "example.com", "mail.example.org", False),
    ("forged: our id's aligned dkim pass under the real dmarc fail is overruled",
     (PF_DMARC_FAIL, FORGED_OUR_ID_DKIM), "example.com", "mail.example.org", False),
    ("a dmarc fail is final even beside an aligned dkim pass", (PF_DMARC_FAIL, PF_DKIM_PASS),
     "example.com", "mail.example.org", False),
    ("dmarc none (no policy) falls back to aligned dkim",
     ("mail.example.org; dmarc=none (p=none) header.from=example.com", PF_DKIM_PASS), "example.com",
     "mail.example.org", True),
    ("a dmarc fail for another From domain does not decide ours",
     ("mail.example.org; dmarc=fail header.from=other.example", PF_DKIM_PASS), "example.com",
     "mail.example.org", True),
    ("limitation: a server that writes no dkim result cannot overrule a forged one below it",
     ("mail.example.org; spf=fail smtp.mailfrom=example.com", FORGED_OUR_ID_DKIM), "example.com",
     "mail.example.org", True),
    ("several instances: a foreign filter above ours does not hide ours",
     ("spamfilter.example.org; dkim=fail header.d=example.com", GMAIL), "example.com", "mx.google.com", True),
    ("several instances: only the trusted one is read", (FORGED_OTHER_ID, PF_SPF_FAIL, FORGED_OTHER_ID),
     "example.com", "mail.example.org", False),
    ("no header at all", (), "example.com", "mx.google.com", False),
    ("empty trusted id trusts nothing", (GMAIL,), "example.com", "", False),
    ("blank trusted id trusts nothing", (GMAIL,), "example.com", "   ", False),
    ("no From domain", (GMAIL,), "", "mx.google.com", False),
    ("dmarc pass for another From domain", (PF_DMARC_PASS,), "bank.example", "mail.example.org", False),
    ("dmarc pass that does not name the domain", ("mx.google.com; dmarc=pass",), "example.com",
     "mx.google.com", False),
    ("unreadable trusted header", ("mx.google.com; dmarc=pass header.from=example.com ;;; ===",), "example.com", "mx.google.com", False),
    ("garbage", ("\x00\x01;;;===", "(((", ";"), "example.com", "mx.google.com", False),
    ("huge header is not parsed", ("mx.google.com; dmarc=pass header.from=example.com (" + "x" * 9000 + ")",),
     "example.com", "mx.google.com", False),
    ("dkim via header.i only", ("mx.google.com; dkim=pass header.i=@example.com header.s=s",),
     "example.com", "mx.google.com", True),
    ("dkim pass with neither d nor i", ("mx.google.com; dkim=pass header.s=s",), "example.com", "mx.google.com", False),
    ("spf pass on helo only", ("mx.google.com; spf=pass smtp.helo=mail.example.com",),
     "example.com", "mx.google.com", False),
    ("spf pass for a look-alike domain", ("mx.google.com; spf=pass smtp.mailfrom=x@evilexample.com",),
     "example.com", "mx.google.com", False),
    ("spf pass for a suffix-appended domain", ("mx.google.com; spf=pass smtp.mailfrom=x@example.com.evil.org",),
     "example.com", "mx.google.com", False),
    ("dkim by a child of a public suffix does not align with the suffix",
     ("mx.google.com; dkim=pass header.d=evil.co.uk",), "co.uk", "mx.google.com", False),
]


@pytest.mark.parametrize(("headers", "domain", "trusted", "ok"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_real_world_headers(headers, domain, trusted, ok):
    verdict = sender_authenticated(headers, domain, trusted)
    assert isinstance(verdict, AuthVerdict)
    assert verdict.ok is ok, verdict.reason
    assert verdict.reason.strip()


def test_a_pass_names_the_method_and_the_server():
    verdict = sender_authenticated((GMAIL,), "example.com", "mx.google.com")
    assert verdict.reason == "dmarc=pass for example.com (by mx.google.com)"


def test_a_refusal_says_what_was_found():
    verdict = sender_authenticated((GMAIL_SPOOFED,), "example.com", "mx.google.com")
    assert verdict.reason == "mx.google.com did not authenticate example.com: dmarc=fail"
    verdict = sender_authenticated((PF_SPF_FAIL,), "example.com", "mail.example.org")
    assert verdict.reason == "mail.example.org did not authenticate example.com: spf=fail"


def test_a_missing_header_names_the_server_expected():
    assert "mx.google.com" in sender_authenticated((FORGED_OTHER_ID,), "example.com", "mx.google.com").reason


@pytest.mark.parametrize(("a", "b", "ok"), [
    ("example.com", "example.com", True),
    ("example.com.", "EXAMPLE.com", True),
    ("mail.example.com", "example.com", True),
    ("example.com", "deep.mail.example.com", True),
    ("a.example.com", "b.example.com", False),   # stricter than DMARC: documented
    ("evilexample.com", "example.com", False),
    ("example.com.evil.org", "example.com", False),
    ("evil.co.uk", "co.uk", False),
    ("x.com", "com", False),
    ("", "example.com", False),
])
def test_relaxed_alignment_approximation(a, b, ok):
    assert aligned(a, b) is ok


def _message(from_addr: str, auth_results: list[str]) -> bytes:
    msg = EmailMessage()
    for value in auth_results:
        msg["Authentication-Results"] = value
    msg["From"] = from_addr
    msg["To"] = "track@example.test"
    msg["Subject"] = "hello"
    msg.set_content("hi")
    return msg.as_bytes()


def test_headers_reach_the_check_top_first_through_the_parser():
    raw = _message("Bob <bob@example.com>", ["mx.google.com; dmarc=fail header.from=example.com",
                                             "mx.google.com; dmarc=pass header.from=example.com"])
    parsed = parse_message(raw, Tracking(("track@example.test",)))
    assert parsed.authentication_results[0].endswith("dmarc=fail header.from=example.com")
    domain = parsed.sender.email.rpartition("@")[2]
    assert not sender_authenticated(parsed.authentication_results, domain, "mx.google.com").ok


def test_never_raises_on_odd_types_of_text():
    for value in ("\r\n", "mx.google.com", "mx.google.com;", "mx.google.com; dmarc", "=;=;=", "é; dmarc=pass",
                  "mx.google.com; dmarc=pass (unclosed comment header.from=example.com"):
        verdict = sender_authenticated((value,), "example.com", "mx.google.com")
        assert verdict.ok is False, value
