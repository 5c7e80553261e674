"""The fast MIME reader builds exactly the tree the stdlib parser builds, or declines.

``parsers.mime._fast_parse`` re-implements the stdlib ``FeedParser`` for ordinary mail. Whenever it
returns a message, every header, payload, preamble, epilogue and default type must equal what
``email.message_from_bytes`` (compat32) gives for the same bytes; it returns None for whatever it
does not reproduce. Checked on every fixture and corpus message, on variants with other line ends,
and on generated and mutated messages.
"""
from __future__ import annotations

import email
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from email.policy import compat32

from parsers import mime

from .test_hostile_input import messages

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "tests" / "fixtures").rglob("*.eml")) + sorted((ROOT.parent / "shared" / "corpus").rglob("*.eml"))
_CHECKS = [HealthCheck.too_slow, HealthCheck.data_too_large]


def _tree(msg: email.message.Message) -> tuple:
    payload = msg._payload  # noqa: SLF001 - the comparison is of the parser's raw result
    return (msg._headers, msg.get_default_type(), msg.preamble, msg.epilogue, msg.get_unixfrom(),  # noqa: SLF001
            [_tree(p) for p in payload] if isinstance(payload, list) else payload)


def _composite(raw: bytes) -> bool:
    cut = min(e for e in (raw.find(b"\n\n"), raw.find(b"\r\n\r\n"), len(raw)) if e >= 0)
    return bool(mime._COMPOSITE_TYPE.search(raw, 0, min(cut, 200_000)))  # noqa: SLF001


def _check(raw: bytes) -> bool:
    """Compare the fast reader with the stdlib on ``raw``; True when the fast reader took it."""
    composite = _composite(raw)
    fast = mime._fast_parse(raw, composite)  # noqa: SLF001
    if fast is None:
        return False
    if composite:
        reference = email.message_from_bytes(raw, policy=compat32)
    else:
        reference = mime._HEADERS_ONLY.parsebytes(raw, headersonly=True)  # noqa: SLF001
    assert _tree(fast) == _tree(reference)
    return True


@pytest.mark.parametrize("path", SOURCES or [pytest.param(None, marks=pytest.mark.skip)], ids=lambda p: p and p.name)
def test_fixture_messages_read_as_the_stdlib_reads_them(path: Path):
    raw = path.read_bytes()
    _check(raw)
    _check(raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    _check(raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r"))


def test_ordinary_multipart_mail_takes_the_fast_path():
    taken = sum(_check(p.read_bytes()) for p in SOURCES)
    assert taken >= 0.8 * len(SOURCES)


@pytest.mark.parametrize("raw", [
    b"From: a@b.example\nContent-Type: multipart/mixed; boundary=zz\n\npre\n--zz\n\nnaked\n--zz--\n",
    b"From: a@b.example\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: text/plain\n--zz--",
    b"From: a@b.example\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\n\nx\n--zz--  \n\nepilogue\n",
    b"From: a@b.example\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\n\nx\n--zz--",
    b"From: a@b.example\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\n\nx\n--zz\n--zz--\n",
    b"From: a@b.example\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\n\nx\n--zzz\n--zz--\n",
    b"From: a@b.example\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\nbody without headers\n--zz--\n",
    b"From: a@b.example\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: multipart/alternative;"
    b" boundary=yy\n\n--yy\n\ninner\n--zz\n\nouter cut the inner short\n--zz--\n",
    b"From: a@b.example\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: multipart/alternative;"
    b" boundary=yy\n\n--yy\n\na\n--yy--\nepi\n--zz\nContent-Type: message/rfc822\n\nFrom: x@y\n\nz\n--zz--\n",
    b"From: a@b.example\nContent-Type: multipart/digest; boundary=zz\n\n--zz\n\nFrom: x@y\n\nz\n--zz--\n",
    b"From a@b.example Mon Jan 1\nFrom: a@b.example\n\nbody\n",
    b" continued first\nFrom: a@b.example\n\nbody\n",
    b"From: a@b.example\n:no name\n\nbody\n",
    b"From: a@b.example\nnot a header line\nbody\n",
    b"From: a@b.example\nContent-Type: multipart/mixed\n\nno boundary\n",
    b"From: a@b.example\nContent-Type: multipart/mixed; boundary=zz\n\nno parts at all\n",
    b"From: a@b.example\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\n\ntruncated",
    b"From: a@b.example\nSubject: form\x0cfeed\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\n\nx\n--zz--\n",
    b"From: a@b.example\nContent-Type: multipart/mixed; boundary=\"a b\"\n\n--a b\n\nx\n--a b--\n",
    b"From: a@b.example\nContent-Type: text/plain\n\n--zz\nnot a boundary here\n",
])
def test_edge_cases_match_or_decline(raw: bytes):
    _check(raw)


@settings(max_examples=1500, deadline=None, derandomize=True, suppress_health_check=_CHECKS)
@given(messages(), st.sampled_from([b"\r\n", b"\n", b"\r"]))
def test_generated_messages_read_as_the_stdlib_reads_them(raw: bytes, eol: bytes):
    _check(raw)
    _check(raw.replace(b"\r\n", eol))


@settings(max_examples=800, deadline=None, derandomize=True, suppress_health_check=_CHECKS)
@given(st.sampled_from(SOURCES or [Path(__file__)]),
       st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from([b"\n", b"\r\n", b"--", b"\n\n", b" ", b":", b"\r",
                                                                   b"\n--", b"=", b"\x0b", b"From "])),
                max_size=6), st.integers(0, 20_000))
def test_mutated_messages_read_as_the_stdlib_reads_them(path: Path, edits: list[tuple[int, bytes]], cut: int):
    data = bytearray(path.read_bytes())
    for pos, chunk in edits:
        pos = pos % (len(data) + 1)
        data[pos:pos] = chunk
    _check(bytes(data[: max(cut, len(data) // 2)]))


# Header text as the parser holds it: ASCII, with 8-bit bytes as surrogate escapes.
_param_text = st.text(alphabet=st.sampled_from(list(' \t\r\n;="\\<>*\'%-_.:/aAbBzZ09') + ["\udc80", "\udce9"]),
                      max_size=30) | st.text(alphabet="aZ09-_.=:/?' ", max_size=20)


@settings(max_examples=1500, deadline=None, derandomize=True, suppress_health_check=_CHECKS)
@given(st.lists(st.tuples(st.sampled_from(["boundary", "BOUNDARY", "charset", "boundary*", "boundary*0", "x"]),
                          st.one_of(_param_text, _param_text.map(lambda t: f'"{t}"'))), max_size=4),
       st.sampled_from(["multipart/mixed", " Multipart/Alternative ", "multipart/x=y"]), st.sampled_from([";", "; ", ";\r\n "]))
def test_boundary_is_read_as_the_stdlib_reads_it(params: list[tuple[str, str]], ctype: str, sep: str):
    value = ctype + "".join(f"{sep}{k}={v}" for k, v in params)
    msg = email.message.Message(policy=compat32)
    msg.set_raw("Content-Type", value)
    try:
        expected: object = msg.get_boundary()
    except Exception as exc:  # noqa: BLE001 - the stdlib raises on some junk; so must the shortcut
        expected = type(exc)
    try:
        got: object = mime._boundary(msg)  # noqa: SLF001
    except Exception as exc:  # noqa: BLE001
        got = type(exc)
    assert got == expected
