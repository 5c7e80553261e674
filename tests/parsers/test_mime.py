"""Decoding any MIME into headers and readable text (``parsers.mime.decode``)."""
from __future__ import annotations

import base64

import pytest

from parsers.envelope import read_envelope
from parsers.mime import Unparseable, decode

HEAD = "From: Ann Lee <ann@a.example>\nTo: Bob <bob@b.example>\nSubject: hi\nMIME-Version: 1.0\n"


def msg(body_headers: str, body: str | bytes) -> bytes:
    data = body if isinstance(body, bytes) else body.encode("utf-8")
    return (HEAD + body_headers + "\n").encode("utf-8") + data


def test_quoted_printable_utf8():
    d = decode(msg("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n",
                   "Caf=C3=A9 au lait, soft=\nbreak"))
    assert d.text == "Café au lait, softbreak"


def test_base64_body():
    payload = base64.b64encode("Grüße aus Köln".encode()).decode()
    d = decode(msg("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n", payload))
    assert d.text == "Grüße aus Köln"


def test_latin1_declared_and_used():
    d = decode(msg("Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n",
                   "Réunion à Genève".encode("latin-1")))
    assert d.text == "Réunion à Genève"


def test_latin1_declared_but_utf8_sent():
    d = decode(msg("Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n",
                   "Réunion à Genève".encode("utf-8")))
    assert d.text == "Réunion à Genève"


def test_unknown_charset_falls_back():
    d = decode(msg("Content-Type: text/plain; charset=x-made-up\n", "naïve".encode("utf-8")))
    assert d.text == "naïve"


def test_windows_1252_quotes_without_declared_charset():
    d = decode(msg("Content-Type: text/plain\nContent-Transfer-Encoding: 8bit\n", "It\x92s \x93fine\x94".encode("latin-1")))
    assert d.text == "It’s “fine”"


def test_format_flowed_soft_breaks_are_joined():
    d = decode(msg("Content-Type: text/plain; charset=utf-8; format=flowed\n", "one long \nline\n-- \nsig"))
    assert d.text.splitlines()[:2] == ["one long line", "-- "]


def test_rfc2047_names_split_before_decoding():
    raw = ("From: =?utf-8?Q?M=C3=BCller=2C_Sabine?= <s@x.example>\n"
           "To: =?utf-8?B?Sm9zw6kgw4FsdmFyZXo=?= <jose@y.example>, \"Nguyen, Linh\" <linh@z.example>\n"
           "Subject: =?utf-8?Q?Intro=3A_Zo=C3=AB_=E2=86=94_Jos=C3=A9?=\n\nbody").encode()
    env = read_envelope(decode(raw))
    assert env.sender is not None and env.sender.name == "Müller, Sabine"
    assert [(a.name, a.email) for a in env.to] == [("José Álvarez", "jose@y.example"), ("Nguyen, Linh", "linh@z.example")]
    assert env.subject == "Intro: Zoë ↔ José"


def test_raw_utf8_in_headers():
    raw = "From: Björn Lindqvist <b@x.example>\nTo: a@b.example\nSubject: Grüße\n\nhi".encode()
    d = decode(raw)
    assert d.get("subject") == "Grüße"
    assert read_envelope(d).sender.name == "Björn Lindqvist"


def test_html_only_becomes_readable_text():
    html = "<html><body><p>Hi <b>Ann</b> &amp; Bob,</p><p>Meet&nbsp;Cy.</p><style>p{}</style></body></html>"
    d = decode(msg("Content-Type: text/html; charset=utf-8\n", html))
    assert d.text_from_html
    assert "Hi Ann & Bob," in d.text and "Meet Cy." in d.text and "p{}" not in d.text


def test_plain_text_preferred_over_html():
    raw = msg('Content-Type: multipart/alternative; boundary="b"\n',
              "--b\nContent-Type: text/plain\n\nplain words\n--b\nContent-Type: text/html\n\n<p>html words</p>\n--b--\n")
    d = decode(raw)
    assert d.text.strip() == "plain words" and not d.text_from_html


def test_placeholder_plain_part_uses_html():
    raw = msg('Content-Type: multipart/alternative; boundary="b"\n',
              "--b\nContent-Type: text/plain\n\nThis message is in HTML format.\n--b\n"
              "Content-Type: text/html\n\n<p>Bob, meet Cy.</p>\n--b--\n")
    assert decode(raw).text.strip() == "Bob, meet Cy."


def test_attachments_are_noted_not_read():
    vcard = base64.b64encode(b"BEGIN:VCARD\nFN:Ellen Park\nEND:VCARD").decode()
    raw = msg('Content-Type: multipart/mixed; boundary="m"\n',
              "--m\nContent-Type: text/plain\n\nsee card\n--m\n"
              'Content-Type: text/vcard; name="Ellen Park.vcf"\nContent-Disposition: attachment; filename="Ellen Park.vcf"\n'
              f"Content-Transfer-Encoding: base64\n\n{vcard}\n--m\n"
              'Content-Type: image/png; name="logo.png"\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--m--\n')
    d = decode(raw)
    assert d.text.strip() == "see card"
    assert d.attachments == ("Ellen Park.vcf (text/vcard)", "logo.png (image/png)")


def test_inline_text_parts_around_an_image_are_joined():
    raw = msg('Content-Type: multipart/mixed; boundary="m"\n',
              "--m\nContent-Type: text/plain\n\nfirst half\n--m\n"
              'Content-Type: image/jpeg; name="a.jpg"\nContent-Disposition: inline; filename="a.jpg"\n\nxx\n--m\n'
              "Content-Type: text/plain\n\nsecond half\n--m--\n")
    assert decode(raw).text.split() == ["first", "half", "second", "half"]


def test_forwarded_message_attachment_is_read():
    raw = msg('Content-Type: multipart/mixed; boundary="m"\n',
              "--m\nContent-Type: text/plain\n\nsee below\n--m\nContent-Type: message/rfc822\n\n"
              "From: Lisa Tran <lisa@p.example>\nSubject: quote?\nContent-Type: text/plain\n\nDo you know movers?\n--m--\n")
    d = decode(raw)
    assert len(d.attached_messages) == 1
    attached = d.attached_messages[0]
    assert dict(attached.headers)["from"] == "Lisa Tran <lisa@p.example>"
    assert attached.text.strip() == "Do you know movers?"


def test_depth_and_part_limits_are_recorded():
    body = "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(1, 40))
    d = decode(msg('Content-Type: multipart/mixed; boundary="b0"\n', "--b0\n" + body + "Content-Type: text/plain\n\ndeep\n"))
    assert any("nesting" in p for p in d.problems)


@pytest.mark.parametrize("raw", [b"", b"   \n", b"no headers here\n\njust text"])
def test_unreadable_input_raises_unparseable(raw: bytes):
    with pytest.raises(Unparseable):
        decode(raw)


def test_nul_bytes_are_dropped():
    assert decode(msg("Content-Type: text/plain\n", b"a\0b")).text == "ab"


def test_message_id_is_read_from_the_raw_header_block_only():
    from parsers.envelope import raw_message_id

    folded = b"From: a@x.example\r\nMessage-ID:\r\n <Abc.1@X.example>\r\nSubject: hi\r\n\r\nMessage-ID: <body@x>\r\n"
    assert raw_message_id(folded) == "abc.1@x.example"
    assert raw_message_id(b"Subject: none\n\nMessage-ID: <in-body@x.example>\n") is None
    assert raw_message_id(b"message-id : <spaced@x.example>\n\nbody") == "spaced@x.example"


def test_an_encoded_word_whose_charset_name_is_not_ascii_is_kept_as_written():
    from parsers.mime import decode_header_value

    assert decode_header_value("=?\x0b\u20acf-8?q?Svenja?= <s@x.example>").endswith("<s@x.example>")
