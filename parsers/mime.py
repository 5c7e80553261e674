"""Turn raw message bytes into headers and readable text, whatever the sender's client did.

Uses the stdlib ``compat32`` policy with explicit RFC 2047 helpers: it is several times faster than
``policy.default`` on real mail and never raises on malformed headers. Every walk is bounded (depth,
part count, decoded size) because the inbox is public and some mail is hostile.
"""
from __future__ import annotations

import codecs
import functools
import re
import email
import email.header
import email.errors
import email.message
import email.utils
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.feedparser import NLCRE as _NLCRE, headerRE as _HEADER_LINE_RE
from email.policy import compat32

from .model import Address

MAX_DEPTH = 12
MAX_PARTS = 200
MAX_TEXT_BYTES = 2_000_000      # decoded bytes kept per text part
MAX_RAW_BYTES = 40_000_000      # larger messages are not parsed at all


class Unparseable(ValueError):
    """The message cannot be read at all; the text says why (it is stored with the message)."""


@dataclass(frozen=True)
class AttachedMessage:
    """A message carried inside another (message/rfc822): a forward "as attachment"."""

    headers: tuple[tuple[str, str], ...]
    text: str


@dataclass(frozen=True)
class Decoded:
    """A message reduced to what the parsers read: decoded headers, its text, what was attached.

    ``raw_headers`` keeps the values before RFC 2047 decoding (8-bit bytes already read as text):
    address headers must be split before their display names are decoded.
    """

    headers: tuple[tuple[str, str], ...]
    text: str
    html: str | None
    text_from_html: bool
    content_type: str
    part_types: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()
    embedded_headers: tuple[str, ...] = field(default=(), repr=False)
    problems: tuple[str, ...] = ()
    raw_headers: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    attached_messages: tuple[AttachedMessage, ...] = field(default=(), repr=False)
    mailto_links: tuple[tuple[str, str], ...] = field(default=(), repr=False)   # (link text, address)
    vcards: tuple[str, ...] = field(default=(), repr=False)    # text of attached contact cards (vCard)

    @functools.cached_property
    def _index(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for key, value in self.headers:
            index.setdefault(key, []).append(value)
        return index

    @functools.cached_property
    def _raw_index(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for key, value in self.raw_headers or self.headers:
            index.setdefault(key, []).append(value)
        return index

    def get(self, name: str, default: str = "") -> str:
        """First value of a header (case-insensitive), decoded."""
        values = self._index.get(name.lower())
        return values[0] if values else default

    def get_all(self, name: str) -> list[str]:
        return list(self._index.get(name.lower(), ()))

    def get_all_raw(self, name: str) -> list[str]:
        """Values of a header before RFC 2047 decoding (for address headers); falls back to decoded."""
        return list(self._raw_index.get(name.lower(), ()))

    def has(self, name: str) -> bool:
        return name.lower() in self._index


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SURROGATE = re.compile("[\udc80-\udcff]")


def decode_header_value(value: object) -> str:
    """RFC 2047 words to text; never raises, folds whitespace, drops control characters.

    Most headers carry no encoded words: they take a fast path, since every message has dozens.
    """
    if value is None:
        return ""
    raw = str(value)
    if "=?" in raw:
        try:
            text = str(email.header.make_header(email.header.decode_header(raw)))
        except (email.errors.MessageError, LookupError, UnicodeError, ValueError, AssertionError):
            text = raw     # (CharsetError: a charset name that is not even ASCII)
    else:
        text = raw
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    return " ".join(text.split())


_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")


def _display_name(name: str) -> str:
    """A display name, decoded. Some encoders (Python's own ``email`` among them) write each word of a
    name as its own encoded word, and RFC 2047 says the spaces between encoded words vanish:
    "=?utf-8?q?Mart=C3=ADn?= =?utf-8?q?Fern=C3=A1ndez?=" reads "MartínFernández". Where a word ends
    and the next begins with a capital, the writer meant two words: the space is put back."""
    words = _ENCODED_WORD.findall(name)
    if len(words) < 2:
        return decode_header_value(name)
    parts = [decode_header_value(w) for w in words]
    glued = decode_header_value(name)
    if glued != "".join(parts):
        return glued   # plain words between the encoded ones: decoded as they are
    out = parts[0]
    for part in parts[1:]:
        out += (" " if out and part and part[0].isupper() and (out[-1].isalnum() or out[-1] == ".") else "") + part
    return out


def _address_pairs(value: str) -> list[tuple[str, str]]:
    try:
        return email.utils.getaddresses([value])
    except Exception:  # noqa: BLE001 - the stdlib address parser raises on some junk
        return []


@functools.lru_cache(maxsize=2048)
def _parse_one(value: str) -> tuple[Address, ...]:
    found: list[Address] = []
    for name, addr in _address_pairs(value[:20_000]):
        addr = addr.strip().strip("<>").strip()
        if "@" not in addr or " " in addr or len(addr) > 254:
            continue
        display = _display_name(name).strip().strip('"').strip("'").strip()
        addr = addr.lower()
        if display.lower() == addr:
            display = ""
        found.append(Address(display, addr))
    return tuple(found)


def parse_addresses(values: list[str]) -> tuple[Address, ...]:
    """Addresses from raw header values: split first, then decode each display name.

    Decoding before splitting would let an encoded comma in a name split one address into two. The
    same header is read by several rules, so single values are cached.
    """
    found: list[Address] = []
    seen: set[str] = set()
    for value in values[:50]:
        for address in _parse_one(str(value)):
            if address.email not in seen:
                seen.add(address.email)
                found.append(address)
    return tuple(found)


# Charset labels seen in the wild that Python does not know, or knows under another name.
_CHARSET_ALIASES = {
    "utf8": "utf-8", "utf-8mb4": "utf-8", "utf8mb4": "utf-8", "unicode-1-1-utf-7": "utf-7",
    "x-unknown": "", "unknown-8bit": "", "unknown": "", "default": "", "x-user-defined": "",
    "us-ascii": "utf-8", "ascii": "utf-8", "ansi_x3.4-1968": "utf-8",
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "x-mac-roman": "mac_roman", "macintosh": "mac_roman", "ks_c_5601-1987": "cp949",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "x-sjis": "shift_jis",
    "windows-874": "cp874", "iso-8859-8-i": "iso-8859-8", "x-euc-jp": "euc_jp",
}
# Labels under which senders often send UTF-8 anyway: valid UTF-8 wins over them.
_OFTEN_MISLABELLED = {"cp1252", "utf-8", "mac-roman", "latin-1"}


def _charset_text(payload: bytes, charset: str | None) -> str:
    """Decode with the declared charset, falling back sensibly when it is wrong or unknown."""
    cs = ""
    if charset:
        cs = charset.strip().strip('"').strip("'").lower()
        cs = _CHARSET_ALIASES.get(cs, cs)
        if cs:
            try:
                cs = codecs.lookup(cs).name
            except (LookupError, ValueError):
                cs = ""
    if not cs or cs in _OFTEN_MISLABELLED or cs.startswith("iso8859"):
        try:
            return payload.decode("utf-8")
        except UnicodeDecodeError:
            pass
    if cs and cs != "utf-8":
        try:
            return payload.decode(cs)
        except (UnicodeDecodeError, LookupError, ValueError):
            pass
    return payload.decode("cp1252", errors="replace")


def header_text(value: object) -> str:
    """A header value as stored by the parser, with raw 8-bit bytes read as UTF-8 (or cp1252).

    compat32 keeps undeclared 8-bit header bytes as surrogate escapes; clients that put raw UTF-8
    in headers are common enough that they must read correctly.
    """
    text = value if isinstance(value, str) else str(value)
    if not text.isascii() and _SURROGATE.search(text):
        data = text.encode("utf-8", "surrogateescape")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    return text


def _unflow(text: str, delsp: bool) -> str:
    """Join RFC 3676 format=flowed soft line breaks (a line ending in a space continues)."""
    out: list[str] = []
    buf = ""
    for line in text.split("\n"):
        if line.startswith(" "):
            line = line[1:]              # space-stuffing
        if line.endswith(" ") and line != "-- ":
            buf += line[:-1] if delsp else line
            continue
        out.append(buf + line)
        buf = ""
    if buf:
        out.append(buf)
    return "\n".join(out)


def html_to_text(html: str) -> str:
    """Readable text from HTML with a maintained converter; paragraphs separated by blank lines."""
    from inscriptis import get_text
    from inscriptis.model.config import ParserConfig

    try:
        text = get_text(html, ParserConfig(display_links=False, display_images=False))
    except Exception:  # noqa: BLE001 - a converter bug must not lose the message
        return ""
    lines = [line.strip() for line in text.replace("\xa0", " ").splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip()


def mailto_links(html: str) -> tuple[tuple[str, str], ...]:
    """(link text, address) of the mailto links of an HTML body.

    The text conversion shows a link's words, not its target: "<a href="mailto:joan@x">Joan
    Whitaker</a>" reads "Joan Whitaker", and a lead's contact address would be lost without this.
    """
    if "mailto:" not in html[:MAX_HTML_CHARS].lower():
        return ()
    try:
        from lxml import html as lxml_html

        doc = lxml_html.fromstring(html[:MAX_HTML_CHARS])
    except Exception:  # noqa: BLE001 - a parser failure only loses the links
        return ()
    found: list[tuple[str, str]] = []
    for anchor in doc.iter("a"):
        href = (anchor.get("href") or "").strip()
        if href.lower().startswith("mailto:"):
            address = href[7:].split("?")[0].strip()
            if "@" in address and len(address) <= 254:
                found.append((" ".join(anchor.text_content().split())[:200], address.lower()))
        if len(found) >= 50:
            break
    return tuple(found)


def _part_payload(part: email.message.Message, problems: list[str]) -> bytes:
    try:
        payload = part.get_payload(decode=True)
    except Exception as exc:  # noqa: BLE001 - stdlib decoders raise many types on junk
        problems.append(f"undecodable part: {type(exc).__name__}")
        return b""
    if not isinstance(payload, bytes):
        return b""
    if len(payload) > MAX_TEXT_BYTES:
        problems.append(f"text part truncated at {MAX_TEXT_BYTES} bytes")
        payload = payload[:MAX_TEXT_BYTES]
    return payload


_PARAM = re.compile(r';\s*([\w*.-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)')


def _content_type(part: email.message.Message) -> tuple[str, dict[str, str]]:
    """(type, parameters) from the Content-Type header, read once per part.

    A small reader instead of the stdlib's ``get_param``, which re-parses the header on each call;
    RFC 2231 continuations only matter for attachment names, which use the stdlib.
    """
    raw = part.get("content-type")
    if raw is None:
        default = part.get_default_type()
        return default, {}
    value = header_text(raw)
    main, _, rest = value.partition(";")
    ctype = main.strip().lower()
    if ctype.count("/") != 1 or " " in ctype:
        ctype = "text/plain"
    params: dict[str, str] = {}
    for m in _PARAM.finditer(";" + rest[:2000]):
        key = m.group(1).lower()
        val = m.group(2).strip()
        if len(val) >= 2 and val[0] == val[-1] == '"':
            val = val[1:-1]
        params.setdefault(key, val)
    return ctype, params


_VCARD_TYPES = frozenset({"text/vcard", "text/x-vcard", "text/directory"})
MAX_VCARD_CHARS = 8000


def _is_attachment(part: email.message.Message, ctype: str, params: dict[str, str]) -> bool:
    disposition = str(part.get("Content-Disposition", "")).lower()
    return disposition.startswith("attachment") or (
        bool(params.get("name") or params.get("name*")) and not ctype.startswith("text/")
    )


def _safe_content_type(part: email.message.Message) -> str:
    try:
        return _content_type(part)[0]
    except Exception:  # noqa: BLE001 - malformed parameters
        return "text/plain"


def _plain_text(part: email.message.Message, params: dict[str, str], problems: list[str]) -> str:
    payload = _part_payload(part, problems)
    text = _charset_text(payload, params.get("charset")).replace("\r\n", "\n").replace("\r", "\n")
    if params.get("format", "").lower() == "flowed":
        text = _unflow(text, params.get("delsp", "").lower() == "yes")
    return text


def _attachment_name(part: email.message.Message, params: dict[str, str]) -> str:
    try:
        name = part.get_filename() or params.get("name") or ""
    except Exception:  # noqa: BLE001 - RFC 2231 junk
        name = params.get("name") or ""
    return decode_header_value(name)


def _read_headers(msg: email.message.Message, limit: int) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """(decoded, raw) header pairs with lowercase names."""
    decoded: list[tuple[str, str]] = []
    raw: list[tuple[str, str]] = []
    for key, value in msg.raw_items():
        if len(raw) >= limit:
            break
        name = (key if key.isascii() else header_text(key)).strip().lower()
        text = value if isinstance(value, str) and value.isascii() else header_text(value)
        folded = " ".join(text.split())
        raw.append((name, folded))
        # plain ASCII without encoded words (most headers) needs no decoding
        plain = folded.isascii() and "=?" not in folded and folded.isprintable()
        decoded.append((name, folded if plain else decode_header_value(text)))
    return tuple(decoded), tuple(raw)


@dataclass
class _Walk:
    """What a bounded walk over a MIME tree collects."""

    problems: list[str] = field(default_factory=list)
    part_types: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    embedded: list[str] = field(default_factory=list)
    plain: list[str] = field(default_factory=list)
    htmls: list[str] = field(default_factory=list)
    attached: list[AttachedMessage] = field(default_factory=list)
    vcards: list[str] = field(default_factory=list)
    count: int = 0


def _walk(root: email.message.Message, out: _Walk, depth0: int = 0, nested: bool = False) -> None:
    """Collect text, attachments and forwarded messages; bounded in depth and part count."""
    stack: list[tuple[email.message.Message, int]] = [(root, depth0)]
    while stack:
        part, depth = stack.pop()
        out.count += 1
        if out.count > MAX_PARTS:
            out.problems.append(f"more than {MAX_PARTS} MIME parts; the rest ignored")
            return
        try:
            ctype, params = _content_type(part)
        except Exception:  # noqa: BLE001 - malformed parameters
            ctype, params = "text/plain", {}
        out.part_types.append(ctype)
        if ctype in ("message/rfc822", "message/global") and part.is_multipart():
            children = part.get_payload()
            child = children[0] if isinstance(children, list) and children else None
            if isinstance(child, email.message.Message):
                out.embedded.extend(f"{k}: {decode_header_value(header_text(v))}" for k, v in list(child.raw_items())[:100])
                if not nested and depth < MAX_DEPTH and not _is_attachment_report(out):
                    _attach(child, out, depth + 1)
            continue
        if ctype == "message/delivery-status" and part.is_multipart():
            # parsed by the stdlib as header blocks: per-message fields, then one per recipient
            children = part.get_payload()
            for block in children[:50] if isinstance(children, list) else ():
                if isinstance(block, email.message.Message):
                    out.embedded.extend(f"{k}: {decode_header_value(header_text(v))}" for k, v in list(block.raw_items())[:50])
            continue
        if part.is_multipart():
            if depth >= MAX_DEPTH:
                out.problems.append(f"MIME nesting deeper than {MAX_DEPTH}; the rest ignored")
                continue
            children = part.get_payload()
            if not isinstance(children, list):
                continue
            for child in reversed(children[:MAX_PARTS]):
                if isinstance(child, email.message.Message):
                    stack.append((child, depth + 1))
            continue
        if ctype in _VCARD_TYPES and len(out.vcards) < 3:
            # a contact card passed on with the mail: its text is read (purely) for a lead's contact
            out.vcards.append(_charset_text(_part_payload(part, out.problems), params.get("charset"))[:MAX_VCARD_CHARS])
        if _is_attachment(part, ctype, params):
            out.attachments.append(f"{_attachment_name(part, params) or 'unnamed'} ({ctype})")
            continue
        if ctype in ("message/delivery-status", "text/rfc822-headers", "message/rfc822-headers"):
            out.embedded.append(_charset_text(_part_payload(part, out.problems), "utf-8"))
            continue
        if ctype == "text/plain":
            out.plain.append(_plain_text(part, params, out.problems))
        elif ctype == "text/html":
            out.htmls.append(_charset_text(_part_payload(part, out.problems), params.get("charset")))
        elif ctype.startswith("text/") and ctype not in ("text/calendar", "text/vcard", "text/x-vcard"):
            continue
        elif not ctype.startswith("multipart/"):
            out.attachments.append(f"{_attachment_name(part, params) or 'unnamed'} ({ctype})")


def _is_attachment_report(out: _Walk) -> bool:
    return "message/delivery-status" in out.part_types


def _attach(child: email.message.Message, out: _Walk, depth: int) -> None:
    """Read a forwarded-as-attachment message: its headers and its text (one level only)."""
    inner = _Walk(count=out.count)
    _walk(child, inner, depth, nested=True)
    out.count = inner.count
    out.problems.extend(inner.problems)
    text = "\n\n".join(t for t in inner.plain if t.strip())
    if not text.strip() and inner.htmls:
        text = html_to_text(inner.htmls[0][:MAX_HTML_CHARS])
    headers, _ = _read_headers(child, 100)
    out.attached.append(AttachedMessage(headers, text.replace("\ufeff", "")))


_PLACEHOLDER = re.compile(r"^\s*(this (is a multi-?part )?message (is )?in (mime|html) format|"
                          r"your (email|mail) (client|program) does not support html)", re.IGNORECASE)
MAX_HTML_CHARS = 1_000_000


_BOUNDARY_PARAM = re.compile(rb'boundary\s*=\s*"?([^"\s;]{16,200})"?', re.IGNORECASE)
_CANONICAL = b"=_rl%d_boundary_="
# The rest of a boundary line after "--boundary", and line-end helpers, as the stdlib parser has them.
_BOUNDARY_REST = re.compile(r"(?P<end>--)?(?P<ws>[ \t]*)(?P<linesep>\r\n|\r|\n)?$")
_NLCRE_BOL = re.compile(r"(\r\n|\r|\n)")


def canonical_boundaries(raw: bytes) -> bytes:
    """The same message with each long MIME boundary renamed to a short fixed one.

    The stdlib parser compiles a regex for every distinct boundary; clients make boundaries unique
    per message, so that compile (over 100 µs) was the largest single cost of parsing ordinary mail.
    With canonical names the regex cache serves every message. Only boundaries of 16 characters or
    more are renamed: RFC 2046 forbids a boundary to occur in the content, and strings that long do
    not occur by accident, so renaming them everywhere changes nothing else.
    """
    head = raw[:200_000]
    if b"oundary" not in head and b"OUNDARY" not in head:
        return raw
    found = list(dict.fromkeys(m.group(1) for m in _BOUNDARY_PARAM.finditer(raw, 0, min(len(raw), 5_000_000))))[:50]
    for i, boundary in enumerate(sorted(found, key=len, reverse=True)):
        canonical = _CANONICAL % i
        if canonical in raw:
            continue
        raw = raw.replace(boundary, canonical)
    return raw


_HEADERS_ONLY = BytesParser(policy=compat32)
# Characters that str.splitlines() treats as line ends but the stdlib feed parser does not.
_OTHER_LINE_ENDS = re.compile(r"[\x0b\x0c\x1c-\x1e]")


class _Bail(Exception):
    """The fast reader met something only the stdlib parser handles (defects, message/* parts...)."""


class _FastReader:
    """A line-for-line re-implementation of the stdlib ``FeedParser`` for ordinary MIME.

    The stdlib parser feeds every line through a generator, a deque and a stack of boundary
    predicates, re-parses the Content-Type header on every type query and compiles a regex per
    boundary; on ordinary mail that was the largest single cost of reading a message. This reader
    walks a list of lines with the same rules (header lines, continuation lines, the blank separator,
    boundary lines at any outer level ending a part, the line end before a boundary belonging to the
    boundary) and builds the same ``compat32`` ``Message`` tree. Whatever it does not reproduce
    exactly -- a defect the stdlib would record, message/* parts, digests, a missing start or close
    boundary, Unix "From " lines, deep or wide trees -- raises :class:`_Bail`, and the caller uses the
    stdlib parser instead; so the result is always the one the stdlib would give.
    """

    __slots__ = ("lines", "i", "n", "eof", "parts")

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.i = 0
        self.n = len(lines)
        self.eof: list[str] = []        # separators of the enclosing multiparts, innermost last
        self.parts = 0

    def readline(self) -> str:
        """The next line, or "" at the end of input or at a boundary line of an enclosing multipart."""
        i = self.i
        if i >= self.n:
            return ""
        line = self.lines[i]
        if self.eof and line.startswith("--"):
            for sep in self.eof:
                if line.startswith(sep) and _BOUNDARY_REST.match(line, len(sep)):
                    return ""
        self.i = i + 1
        return line

    def entity(self, top: bool, composite: bool, depth: int) -> email.message.Message:
        """One entity (headers, then a text payload or a multipart's parts), as ``_parsegen`` reads it."""
        self.parts += 1
        if self.parts > MAX_PARTS or depth > MAX_DEPTH:
            raise _Bail
        msg = email.message.Message(policy=compat32)
        header_lines: list[str] = []
        while True:
            line = self.readline()
            if not line:
                break
            if not _HEADER_LINE_RE.match(line):
                if not _NLCRE.match(line):
                    raise _Bail                  # MissingHeaderBodySeparatorDefect
                break
            header_lines.append(line)
        ctype = self._headers(msg, header_lines)
        if not top or composite:
            if ctype is None or not ctype.isascii():
                ctype = msg.get_content_type()   # absent, or 8-bit: the stdlib's own reading
            else:
                ctype = ctype.partition(";")[0].strip().lower()
                if ctype.count("/") != 1:
                    ctype = "text/plain"
            maintype = ctype.partition("/")[0]
            if maintype == "message":
                raise _Bail
            if maintype == "multipart":
                self._multipart(msg, ctype, depth)
                return msg
        if self.eof:
            rest = self._rest()
        else:
            rest = self.lines[self.i:]
            self.i = self.n
        msg._payload = "".join(rest)  # noqa: SLF001 - what set_payload(str) does under compat32
        return msg

    def _rest(self) -> list[str]:
        out: list[str] = []
        while True:
            line = self.readline()
            if not line:
                return out
            out.append(line)

    @staticmethod
    def _headers(msg: email.message.Message, lines: list[str]) -> str | None:
        """``FeedParser._parse_headers`` with compat32's ``header_source_parse``; raises :class:`_Bail`
        on the cases the stdlib records as defects. Returns the first Content-Type value, if any."""
        headers = msg._headers  # noqa: SLF001 - what set_raw appends to
        ctype: str | None = None
        last: list[str] = []
        for line in lines:
            if line[0] in " \t":
                if not last:
                    raise _Bail                  # FirstHeaderLineIsContinuationDefect
                last.append(line)
                continue
            if last:
                ctype = _store_header(headers, last, ctype)
            if line.startswith("From ") or line[0] == ":":
                raise _Bail                      # unix-from lines, missing header names
            last = [line]
        if last:
            ctype = _store_header(headers, last, ctype)
        return ctype

    def _multipart(self, msg: email.message.Message, ctype: str, depth: int) -> None:
        boundary = _boundary(msg)
        if boundary is None or ctype == "multipart/digest":
            raise _Bail
        separator = "--" + boundary
        preamble: list[str] = []
        capturing = True
        while True:
            line = self.readline()
            if not line:
                raise _Bail                      # no start or no close boundary: stdlib defects
            mo = _BOUNDARY_REST.match(line, len(separator)) if line.startswith(separator) else None
            if mo is None:
                if not capturing:
                    raise _Bail
                preamble.append(line)
                continue
            if mo.group("end"):
                if capturing:
                    raise _Bail
                linesep = mo.group("linesep")
                break
            if capturing:
                if preamble:
                    preamble[-1] = _strip_eol(preamble[-1])
                    msg.preamble = "".join(preamble)
                capturing = False
            nxt = self.readline()
            if not nxt or (nxt.startswith(separator) and _BOUNDARY_REST.match(nxt, len(separator))):
                raise _Bail                      # empty or repeated boundaries: stdlib quirks
            self.i -= 1
            self.eof.append(separator)
            child = self.entity(False, True, depth + 1)
            self.eof.pop()
            if isinstance(child._payload, list):  # noqa: SLF001 - a multipart child
                epilogue = child.epilogue
                if epilogue == "":
                    child.epilogue = None
                elif epilogue is not None:
                    child.epilogue = _strip_eol(epilogue)
            elif isinstance(child._payload, str):  # noqa: SLF001
                child._payload = _strip_eol(child._payload)  # noqa: SLF001
            msg.attach(child)
        epilogue = [""] if linesep else []
        epilogue.extend(self._rest())
        if epilogue:
            bol = _NLCRE_BOL.match(epilogue[0])
            if bol:
                epilogue[0] = epilogue[0][bol.end():]
        msg.epilogue = "".join(epilogue)


def _store_header(headers: list[tuple[str, str]], lines: list[str], ctype: str | None) -> str | None:
    """Append one header as compat32's ``header_source_parse`` + ``set_raw`` do; track Content-Type."""
    name, value = lines[0].split(":", 1)
    value = value.lstrip(" \t") + "".join(lines[1:])
    value = value.rstrip("\r\n")
    headers.append((name, value))
    if ctype is None and name.lower() == "content-type":
        return value
    return ctype


def _strip_eol(text: str) -> str:
    """Without one final line end (``NLCRE_eol``): it belongs to the boundary that follows."""
    if text.endswith("\r\n"):
        return text[:-2]
    if text.endswith(("\r", "\n")):
        return text[:-1]
    return text


# A Content-Type value whose parameters need no RFC 2231, quoting or escaping rules: every
# parameter a plain token or a quoted string without quotes, backslashes, semicolons or <>.
_SIMPLE_CTYPE = re.compile(r"[ \t\r\n]*[!#-:?-\[\]-~]+(?:[ \t\r\n]*;[ \t\r\n]*[A-Za-z0-9_.-]+[ \t\r\n]*=[ \t\r\n]*"
                           r"(?:\"[ !#-:=?-\[\]-~]*\"|[!#-:=?-\[\]-~]+))*[ \t\r\n]*")
_SIMPLE_PARAM = re.compile(r";[ \t\r\n]*([A-Za-z0-9_.-]+)[ \t\r\n]*=[ \t\r\n]*(\"[ !#-:=?-\[\]-~]*\"|[!#-:=?-\[\]-~]+)")


def _boundary(msg: email.message.Message) -> str | None:
    """``msg.get_boundary()``, read directly when the header is simple (the stdlib splits, decodes
    and re-quotes every parameter on each call); any other header goes to the stdlib."""
    value = msg.get("content-type")
    if isinstance(value, str) and value.isascii() and _SIMPLE_CTYPE.fullmatch(value):
        for m in _SIMPLE_PARAM.finditer(value):
            if m.group(1).lower() == "boundary":
                found = m.group(2)
                if found[:1] == '"':
                    found = found[1:-1]
                return found.rstrip()
        return None
    return msg.get_boundary()


def _fast_parse(raw: bytes, composite: bool) -> email.message.Message | None:
    """The stdlib parse of ``raw`` by :class:`_FastReader`, or None when only the stdlib can do it."""
    text = raw.decode("ascii", "surrogateescape")
    if _OTHER_LINE_ENDS.search(text):
        return None
    reader = _FastReader(text.splitlines(True))
    try:
        return reader.entity(True, composite, 0)
    except _Bail:
        return None
# A top-level Content-Type naming a multipart or message type (possibly folded onto the next line).
_COMPOSITE_TYPE = re.compile(rb"(?im)^content-type:[ \t]*(?:\r?\n[ \t]+)?(?:multipart|message)/")


def _parse(raw: bytes) -> email.message.Message:
    """The stdlib parse, skipped for the body of single-part mail.

    A message that is not multipart is fully described by its headers plus the raw body, which the
    headers-only parse keeps as the payload (about a third of the cost of a full parse).
    """
    end = raw.find(b"\n\n")
    end2 = raw.find(b"\r\n\r\n")
    cut = min(e for e in (end, end2, len(raw)) if e >= 0)
    composite = bool(_COMPOSITE_TYPE.search(raw, 0, min(cut, 200_000)))
    fast = _fast_parse(raw, composite)
    if fast is not None:
        return fast
    if not composite:
        return _HEADERS_ONLY.parsebytes(raw, headersonly=True)
    return email.message_from_bytes(canonical_boundaries(raw), policy=compat32)


def decode(raw: bytes) -> Decoded:
    """Decode a raw message; raises :class:`Unparseable` (and nothing else) when nothing can be read."""
    try:
        return _decode(raw)
    except Unparseable:
        raise
    except RecursionError:
        raise Unparseable("MIME structure nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - hostile input must become a recorded reason, not a crash
        raise Unparseable(f"MIME decoding failed: {type(exc).__name__}: {str(exc)[:120]}") from None


def _decode(raw: bytes) -> Decoded:
    if not raw or not raw.strip():
        raise Unparseable("empty message")
    if len(raw) > MAX_RAW_BYTES:
        raise Unparseable(f"message larger than {MAX_RAW_BYTES} bytes")
    if b"\0" in raw:
        raw = raw.replace(b"\0", b"")
    try:
        msg = _parse(raw)
    except RecursionError:
        raise Unparseable("MIME structure nested too deeply") from None
    except Exception as exc:  # noqa: BLE001
        raise Unparseable(f"MIME parser failed: {type(exc).__name__}") from None

    headers, raw_headers = _read_headers(msg, 500)
    if not any(k in ("from", "to", "subject", "date", "message-id") for k, _ in headers):
        raise Unparseable("no message headers")

    walk = _Walk()
    _walk(msg, walk)
    html = walk.htmls[0] if walk.htmls else None
    plain = [t for t in walk.plain if t.strip()]
    text = "\n\n".join(plain)
    from_html = False
    links: tuple[tuple[str, str], ...] = ()
    if html and (not text.strip() or (len(text) < 200 and _PLACEHOLDER.match(text))):
        text = html_to_text(html[:MAX_HTML_CHARS])
        from_html = True
        links = mailto_links(html)
    text = text.replace("\ufeff", "")
    return Decoded(
        headers=headers,
        text=text,
        html=html,
        text_from_html=from_html,
        content_type=_safe_content_type(msg),
        part_types=tuple(walk.part_types),
        attachments=tuple(walk.attachments),
        embedded_headers=tuple(walk.embedded),
        problems=tuple(walk.problems),
        raw_headers=raw_headers,
        attached_messages=tuple(walk.attached),
        vcards=tuple(walk.vcards),
        mailto_links=links,
    )
