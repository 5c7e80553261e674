"""Names and subjects come from mail, so they are hostile until proven otherwise. Every bundled template
is rendered with hostile text in every string it shows, and the result must still be one well-formed
message: no header added through CR/LF, no markup in the HTML part, a single-line subject."""
from __future__ import annotations

import email
from datetime import datetime, timezone
from email.policy import default as default_policy
from pathlib import Path

import pytest
from jinja2 import meta

from db.views import one_tap_options
from mailer.compose import BUNDLED_DIR, Composer, Draft
from parsers.model import Address

NOW = datetime(2025, 1, 28, 15, 0, tzinfo=timezone.utc)
CSV_FORMULA = "=cmd|' /C calc'!A0"
HOSTILE = [
    CSV_FORMULA,
    "Eve\r\nBcc: victim@example.org",
    "Eve\nX-Injected: yes",
    "Eve\rX-Injected-Cr: yes",
    "Eve\r\n\r\n<html>body takeover</html>",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "</p></td></tr></table><script src=//evil.example/x.js></script>",
    "{{ 7*7 }} {% raw %}",
    "=?utf-8?q?Eve=0D=0ABcc:_victim@example.org?=",
    # what the parser hands on for a double-encoded From name / Subject (see the end-to-end test below)
    "=?utf-8?q?Eve=0D=0ABcc: victim@example.org?=",
    "x =?utf-8?b?RXZlDQpYLUluamVjdGVkOiB5ZXM=?= y",
    "Eve\x00\x1b[31m\x7f\u202egnp.exe",
    "Ünïcødé 名前 🙂",
    "+SUM(1,1)",
    "@HYPERLINK(\"http://evil.example\")",
    "A" * 3000,
]
def hostile_params() -> list:
    return [pytest.param(t, id=f"hostile{i}") for i, t in enumerate(HOSTILE)]


TEMPLATES = sorted(p.name[: -len(".subject.j2")] for p in Path(BUNDLED_DIR).glob("*.subject.j2"))
EXPECTED_TOP_HEADERS = {"from", "to", "subject", "date", "message-id", "auto-submitted",
                        "x-auto-response-suppress", "mime-version", "content-type", "reply-to",
                        "in-reply-to", "references", "list-unsubscribe"}
EXPECTED_PART_HEADERS = {"content-type", "content-transfer-encoding", "mime-version"}
NUMERIC = {"given": 7, "received": 3, "given_pct": 100, "received_pct": 43}


class Anything:
    """Whatever a template asks of it: hostile text for any attribute, numbers where it computes."""

    def __init__(self, text: str, **fixed) -> None:
        self._text = text
        self._fixed = fixed

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        if name in self._fixed:
            return self._fixed[name]
        if name in NUMERIC:
            return NUMERIC[name]
        return self._text

    def __str__(self) -> str:
        return self._text


def variables(template: str) -> set[str]:
    """Every variable any of the template's three parts (and what they extend) reads."""
    env = Composer(Address("Referloop", "track@example.test")).env
    names: set[str] = set()
    for part in ("subject", "txt", "html"):
        source = env.loader.get_source(env, f"{template}.{part}.j2")[0]
        names |= meta.find_undeclared_variables(env.parse(source))
    layout = env.loader.get_source(env, "_layout.html.j2")[0]
    names |= meta.find_undeclared_variables(env.parse(layout))
    return names - set(env.globals) - {"marker", "recipient", "reply_to"}


def context(template: str, text: str, variant: int) -> dict:
    """Hostile text in every string; ``variant`` flips each flag and kind so every branch is rendered."""
    flags = variant % 2 == 0
    special = {
        "referral": Anything(text, kind="lead" if flags else "introduction"),
        "options": [(text, href) for _, href in one_tap_options("track+abc234@example.test", text)],
        "bouncing": [text, f"{text}@example.org"] if flags else [],
        "numbers": [Anything(text), Anything("  " + text)],
        "partners": [Anything(text), Anything(text, category="")],
        "imbalances": [text, text],
        "open_items": [text] if flags else [],
        "seq": 0 if flags else 1,
        "role": "provider" if flags else "contact",
        "authenticated": variant in (0, 2),
        "has_data": variant in (0, 1),
        "quiet_month": not flags,
        "more_partners": 3 if flags else 0,
    }
    return {name: special.get(name, text) for name in variables(template)}


def render(template: str, text: str, variant: int) -> tuple[str, bytes]:
    composer = Composer(Address(text, "track@example.test"))
    draft = Draft(template=template, to=Address(text, "bob@ruizcpa.example"), context=context(template, text, variant),
                  in_reply_to="<intro-1@mail.example>", references=("<intro-1@mail.example>",),
                  reply_to="track+abc234@example.test",
                  list_unsubscribe="mailto:track+abc234@example.test?subject=stop")
    return composer.render(draft, "<20250128150000.abc234@example.test>", NOW)


def test_every_template_is_covered():
    assert len(TEMPLATES) >= 10
    assert {"acknowledgement", "checkin", "clarify", "notice", "status_update", "thank_you"} <= set(TEMPLATES)


@pytest.mark.parametrize("variant", range(3))
@pytest.mark.parametrize("text", hostile_params())
@pytest.mark.parametrize("template", TEMPLATES)
def test_hostile_text_cannot_add_headers_markup_or_lines(template, text, variant):
    subject, raw = render(template, text, variant)
    msg = email.message_from_bytes(raw, policy=default_policy)

    # the header set is ours alone, each once, at the top and in every part
    names = [k.lower() for k in msg.keys()]
    assert set(names) <= EXPECTED_TOP_HEADERS, names
    assert len(names) == len(set(names)), names
    assert msg.defects == []
    for part in msg.walk():
        if part is not msg:
            assert {k.lower() for k in part.keys()} <= EXPECTED_PART_HEADERS, part.keys()
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert b"\n" not in head.replace(b"\r\n", b"") and b"\r" not in head.replace(b"\r\n", b"")
    for line in head.split(b"\r\n"):      # a line is one of our headers, or a folded continuation
        if not line.startswith((b" ", b"\t")):
            assert line.split(b":", 1)[0].decode().lower() in EXPECTED_TOP_HEADERS, line

    # one recipient, one sender, one single-line subject
    assert [a.addr_spec for a in msg["To"].addresses] == ["bob@ruizcpa.example"]
    assert [a.addr_spec for a in msg["From"].addresses] == ["track@example.test"]
    for value in (subject, str(msg["Subject"]), msg["To"].addresses[0].display_name,
                  msg["From"].addresses[0].display_name):
        assert "\r" not in value and "\n" not in value and "\x00" not in value
    # (a long subject may be folded right after "Subject:", which parses back with a leading space)
    assert str(msg["Subject"]).strip() == subject and len(subject) <= 250

    # the HTML part carries the text, escaped, never as markup
    html = msg.get_body(("html",)).get_content()
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "<html>body takeover" not in html
    assert html.lower().count("<html") == 1 and html.lower().count("</html>") == 1
    assert msg.get_body(("plain",)) is not None


@pytest.mark.parametrize("template", TEMPLATES)
def test_the_hostile_text_really_reaches_the_html(template):
    """Guard against a vacuous pass: the escaped form of the payload is in the HTML part."""
    _, raw = render(template, "<script>alert(1)</script>", 0)
    html = email.message_from_bytes(raw, policy=default_policy).get_body(("html",)).get_content()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_display_name_cannot_smuggle_a_header():
    _, raw = render("notice", "Eve\r\nBcc: victim@example.org", 1)
    msg = email.message_from_bytes(raw, policy=default_policy)
    assert msg["Bcc"] is None
    assert msg["To"].addresses[0].display_name == "Eve Bcc: victim@example.org"


def test_a_double_encoded_name_and_subject_from_mail_add_no_header(tmp_path):
    """End to end: a stranger's introduction is refused by the sender policy, and the polite notice
    goes back to them with their (decoded once) name and subject in the headers."""
    from db.models import Outbound
    from tests.harness import Harness

    h = Harness(tmp_path, security={"accept_from": ["members.example"]})
    h.deliver(
        b"From: =?utf-8?q?=3D=3Futf-8=3Fq=3FEve=3D0D=3D0ABcc=3A_victim=40example=2Eorg=3F=3D?="
        b" <eve@evil.example>\r\nTo: Ann <ann@a.example>, Bob <bob@b.example>\r\nCc: track@example.test\r\n"
        b"Subject: =?utf-8?q?=3D=3Futf-8=3Fq=3FIntro=3D0D=3D0AX-Injected=3A_yes=3F=3D?=\r\n"
        b"Message-ID: <m1@evil.example>\r\nDate: Tue, 28 Jan 2025 15:00:00 +0000\r\n\r\n"
        b"Ann, meet Bob, the accountant I mentioned. Bob, Ann needs help with her books.\r\n")
    h.cycle(NOW)
    raws = [bytes(o.raw) for o in Outbound.select()]
    h.app.db.close()
    assert raws, "the policy notice was expected"
    for raw in raws:
        names = {k.lower() for k in email.message_from_bytes(raw, policy=default_policy).keys()}
        assert names <= EXPECTED_TOP_HEADERS, names
