"""Reply tokens: HMAC-SHA256 with the deployment's secret, bound to the recipient, valid for
``[security] token_days``. Only a token we issued, to that person, recently, applies an outcome; every
forgery, alteration, expiry or hand-over is refused, at the function and through the whole daemon."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.models import Checkin, Event, InboundMessage, Referral
from parsers.tokens import EPOCH, MAX_TOKEN_CHARS, TokenClaim, make_token, read_token, verify_token
from tests.conftest import SECRET
from tests.harness import Harness, intro

KEY = SECRET.encode()
TODAY = date(2025, 3, 1)
DANA_ADDR = "dana@whitfieldcpa.example"
B32 = "abcdefghijklmnopqrstuvwxyz234567"


def verdict(token: str, recipient: str = DANA_ADDR, secret: bytes = KEY, today: date = TODAY,
            max_age: int = 180) -> str:
    """What the daemon concludes from a token: ``unreadable`` or the verify verdict."""
    claim = read_token(token)
    if claim is None:
        return "unreadable"
    return verify_token(secret, claim, recipient, today, max_age)


GOOD = make_token(KEY, 4217, DANA_ADDR, TODAY)


# ------------------------------------------------------------------ the function


def test_a_token_we_issued_verifies_for_its_recipient():
    assert verdict(GOOD) == "ok"
    assert read_token(GOOD) == TokenClaim(4217, (TODAY - EPOCH).days, read_token(GOOD).mac)


def test_it_is_short_lowercase_base32_fit_for_a_plus_address():
    assert set(GOOD) <= set(B32) and len(GOOD) <= 32


def test_letter_case_and_recipient_spelling_do_not_matter():
    """Some servers change the case of the local part; addresses are compared lowercased."""
    assert verdict(GOOD.upper()) == "ok"
    assert verdict(GOOD, recipient=" Dana@WhitfieldCPA.example ") == "ok"


def test_another_persons_token_is_refused():
    assert verdict(GOOD, recipient="hannah@priceceramics.example") == "forged"


def test_a_token_made_with_another_secret_is_refused():
    other = make_token(b"another-secret-0123456789", 4217, DANA_ADDR, TODAY)
    assert verdict(other) == "forged"
    assert verdict(GOOD, secret=b"another-secret-0123456789") == "forged"


def one_char_changes(position: int) -> list[str]:
    return [GOOD[:position] + c + GOOD[position + 1:] for c in B32 if c != GOOD[position]]


@pytest.mark.parametrize("position", range(len(GOOD) - 1))
def test_altering_any_one_character_breaks_it(position):
    for altered in one_char_changes(position):
        assert verdict(altered) in ("unreadable", "forged"), altered


def test_altering_the_last_character_breaks_it_too():
    for altered in one_char_changes(len(GOOD) - 1):
        assert verdict(altered) in ("unreadable", "forged"), altered


def test_a_truncated_or_extended_token_is_refused():
    for n in range(len(GOOD)):
        assert verdict(GOOD[:n]) in ("unreadable", "forged"), GOOD[:n]
    for extra in ("a", "aa", "2", "77777777"):
        assert verdict(GOOD + extra) in ("unreadable", "forged")


def test_a_forged_token_for_a_real_checkin_id_is_refused():
    """Knowing the format and the check-in id does not help without the secret."""
    day = (TODAY - EPOCH).days
    claim = read_token(GOOD)
    for mac in (b"\x00" * 10, b"\xff" * 10, claim.mac[:-1] + bytes([claim.mac[-1] ^ 1])):
        assert verify_token(KEY, TokenClaim(4217, day, mac), DANA_ADDR, TODAY, 180) == "forged"


def test_changing_the_checkin_id_or_the_day_inside_a_token_is_refused():
    claim = read_token(GOOD)
    assert verify_token(KEY, TokenClaim(4218, claim.issued_day, claim.mac), DANA_ADDR, TODAY, 180) == "forged"
    assert verify_token(KEY, TokenClaim(4217, claim.issued_day + 30, claim.mac), DANA_ADDR, TODAY, 180) == "forged"


def test_a_token_expires_after_token_days():
    issued = TODAY - timedelta(days=180)
    token = make_token(KEY, 1, DANA_ADDR, issued)
    assert verdict(token, today=TODAY, max_age=180) == "ok"           # the last valid day
    assert verdict(token, today=TODAY + timedelta(days=1), max_age=180) == "expired"
    assert verdict(token, today=TODAY, max_age=30) == "expired"        # a shorter configured validity


def test_expiry_is_checked_only_after_the_mac():
    """An expired forgery says "forged", so a guesser learns nothing about what would be valid."""
    old = make_token(b"another-secret-0123456789", 1, DANA_ADDR, date(2020, 1, 2))
    assert verdict(old) == "forged"


@pytest.mark.parametrize("garbage", [
    "", " ", "=", "========", "0189", "!!!!", "a" * (MAX_TOKEN_CHARS + 1), "stop", "report", "help",
    "\x00\x00", "é", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "7777777777777777777777777777777777",
    "a=b", "a\r\nb", "👍",
])
def test_garbage_is_never_accepted(garbage):
    assert verdict(garbage) in ("unreadable", "forged")


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=B32 + B32.upper() + "=018!@ \r\n", max_size=80))
def test_random_strings_never_verify_and_never_raise(text):
    assert verdict(text) != "ok"


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=0, max_size=40))
def test_random_bytes_encoded_like_a_token_never_verify(raw):
    import base64

    token = base64.b32encode(raw).decode().rstrip("=").lower()
    assert verdict(token) != "ok"


# ------------------------------------------------------------------ through the daemon

T0 = datetime(2025, 1, 14, 18, 0, tzinfo=timezone.utc)
MARCUS = "Marcus Bell <marcus@mailbox.example>"
DANA = f"Dana Whitfield <{DANA_ADDR}>"
HANNAH = "Hannah Price <hannah@priceceramics.example>"


def answer(sender: str, to: str, body: str, when: datetime, in_reply_to: str | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = "Re: Checking in"
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = make_msgid(domain="client.example")
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    msg.set_content(body)
    return msg.as_bytes()


@pytest.fixture
def h(tmp_path):
    harness = Harness(tmp_path, security={"token_days": 30})
    harness.deliver(intro(MARCUS, DANA, HANNAH, T0, message_id="<intro-1@mail.example>"))
    harness.cycle(T0)
    harness.cycle(T0 + timedelta(days=14))
    harness.sent()
    yield harness
    harness.app.db.close()


def tokens() -> dict[str, tuple[int, str]]:
    """Each person's check-in id and the token we sent them (recomputed the way the workflow makes it)."""
    out = {}
    for checkin in Checkin.select().where(Checkin.status == "sent"):
        out[checkin.person.email] = (checkin.id, make_token(KEY, checkin.id, checkin.person.email,
                                                            checkin.sent_at.date()))
    return out


def nothing_applied() -> None:
    assert Checkin.select().where(Checkin.answered_at.is_null(False)).count() == 0
    assert [r.status for r in Referral.select()] == ["introduced"]
    assert Event.select().where(Event.kind.in_(["reply", "status", "opt_out"])).count() == 0


def hostile_answers(h) -> list[bytes]:
    when = T0 + timedelta(days=15)
    dana_id, dana_token = tokens()[DANA_ADDR]
    hannah_id, hannah_token = tokens()["hannah@priceceramics.example"]
    flipped = dana_token[:5] + ("a" if dana_token[5] != "a" else "b") + dana_token[6:]
    wrong_secret = make_token(b"guessed-secret-0123456789", dana_id, DANA_ADDR, when.date())
    forged_new_id = make_token(b"guessed-secret-0123456789", dana_id + 1000, DANA_ADDR, when.date())
    return [
        answer(DANA, f"track+{flipped}@example.test", "We got the job! Hired.", when),
        answer(DANA, f"track+{dana_token[:-3]}@example.test", "Hired", when),
        answer(DANA, f"track+{wrong_secret}@example.test", "Hired", when),
        answer(DANA, f"track+{forged_new_id}@example.test", "Hired", when),
        answer(DANA, "track+zzzzzzzzzzzzzzzzzzzzzzzz@example.test", "Hired", when),
        answer(DANA, f"track+{hannah_token}@example.test", "Hired", when),           # someone else's token
        answer(HANNAH, f"track+{dana_token}@example.test", "Not a fit, stop", when),   # forwarded to Hannah
        answer("Mallory <mallory@evil.example>", f"track+{dana_token}@example.test", "stop", when),
        # the plus-address dropped, the token only in the thread headers, altered
        answer(DANA, "track@example.test", "Hired", when,
               in_reply_to=f"<20250128180000.{flipped}@example.test>"),
    ]


def test_forged_altered_and_cross_person_tokens_apply_nothing(h):
    for raw in hostile_answers(h):
        h.deliver(raw)
    h.cycle(T0 + timedelta(days=15))

    nothing_applied()
    rows = list(InboundMessage.select().where(InboundMessage.kind == "reply"))
    assert len(rows) == 9
    assert {r.status for r in rows} == {"rejected"}
    assert all(("token" in r.reason) or ("the check-in went to" in r.reason) for r in rows), [r.reason for r in rows]


def test_an_expired_token_applies_nothing(h):
    _, dana_token = tokens()[DANA_ADDR]
    late = T0 + timedelta(days=14 + 31)
    h.deliver(answer(DANA, f"track+{dana_token}@example.test", "Hired!", late))
    h.cycle(late)

    [row] = InboundMessage.select().where(InboundMessage.kind == "reply")
    assert (row.status, row.reason) == ("rejected", "reply token expired")
    assert Checkin.select().where(Checkin.answered_at.is_null(False)).count() == 0
    assert Event.select().where(Event.kind == "reply").count() == 0


def test_the_genuine_token_still_works_after_the_attacks(h):
    for raw in hostile_answers(h):
        h.deliver(raw)
    h.cycle(T0 + timedelta(days=15))
    _, dana_token = tokens()[DANA_ADDR]
    h.deliver(answer(DANA, f"track+{dana_token}@example.test", "We're talking next week.", T0 + timedelta(days=16)))
    h.cycle(T0 + timedelta(days=16))

    assert [r.status for r in Referral.select()] == ["in_touch"]
