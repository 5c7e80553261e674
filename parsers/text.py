"""The part of a message its sender just wrote: quoted history, forwards and signatures split off.

An introduction counts only in the new text: a quoted request ("do you know a roofer?") or an older
introduction below the reply must never produce referrals, and a signature must never produce
parties. Forwarded messages are kept apart, because a forwarded request is how many leads arrive.

Every rule here reads one line at a time with anchored, bounded regexes, and the text scanned is
capped, so hostile input costs linear time.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from .prefilter import literal_filter

MAX_SCAN_CHARS = 20_000   # new text beyond this is not read (introductions are short)
MAX_LINES = 1_500

# "On Tue, Jan 14, 2025 at 10:42 AM Marcus Bell <m@x> wrote:" in the languages we serve; it may be
# wrapped over up to three lines, so the start and the end are matched separately.
_ATTRIBUTION_START = re.compile(
    r"^\s*(on|am|le|el|op|il|em|den|p[åa]|w dniu|dne)\s+\S", re.IGNORECASE)
_ATTRIBUTION_END = re.compile(
    r"(wrote|writes|schrieb|geschrieben|a\s+[ée]crit|escribi[óo]|schreef|ha\s+scritto|escreveu|skrev|"
    r"napisa[łl])\s*:?\s*$", re.IGNORECASE)
# "2025-01-14 10:42 GMT-08:00 Marcus Bell <m@x>:" (older Gmail, many mobile clients)
_DATED_ATTRIBUTION = re.compile(r"^\s*\d{1,4}[-./]\d{1,2}[-./]\d{1,4}.{0,120}<[^<>\s]+@[^<>\s]+>\s*:\s*$")
_SEPARATOR = re.compile(
    r"^\s*[-_=*]{2,}\s*(original message|urspr[üu]ngliche nachricht|message d'origine|"
    r"mensaje original|oorspronkelijk bericht|messaggio originale|original-nachricht|"
    r"original meddelande|reply message)\s*[-_=*]{2,}\s*$", re.IGNORECASE)
_FORWARD_MARKER = re.compile(
    r"^\s*(?:[-_=*]{2,}\s*(forwarded message|weitergeleitete nachricht|message transf[ée]r[ée]|"
    r"mensaje reenviado|doorgestuurd bericht|messaggio inoltrato|mensagem encaminhada|"
    r"forwarded e-?mail)\s*[-_=*]{2,}|"
    r"(begin forwarded message|anfang der weitergeleiteten nachricht|d[ée]but du message r[ée]exp[ée]di[ée]|"
    r"inicio del mensaje reenviado|forwarded message)\s*:)\s*$",
    re.IGNORECASE)
_UNDERSCORE_RULE = re.compile(r"^\s*_{8,}\s*$")
# Outlook header blocks ("From: ... Sent: ... To: ... Subject: ..."), also translated; Thunderbird's
# French forward writes "Sujet : / Date : / De : / Pour :".
_HEADER_LINE = re.compile(
    r"^\s*\*?(from|von|de|van|da|fr[åa]n|fra|od|sent|gesendet|envoy[ée]|enviado|verzonden|inviato|"
    r"date|datum|fecha|data|to|an|[àa]|para|pour|aan|a|cc|kopie|subject|betreff|objet|sujet|asunto|onderwerp|"
    r"oggetto|assunto)\s*:\*?\s*(.*)$", re.IGNORECASE)
_FROM_WORDS = frozenset({"from", "von", "de", "van", "da", "från", "fran", "fra", "od"})
_SENT_WORDS = frozenset({"sent", "gesendet", "envoyé", "envoye", "enviado", "verzonden", "inviato",
                         "date", "datum", "fecha", "data"})
_FOOTER = re.compile(
    r"^\s*(sent from my \w+|sent from (mail|outlook|yahoo|samsung|gmail|proton)\b|sent via \w+|"
    r"get outlook for \w+|sent from outlook|von meinem \w+ gesendet|gesendet von meinem|"
    r"envoy[ée] de mon \w+|enviado desde mi \w+|enviado desde (outlook|correo)|inviato da|"
    r"verzonden vanaf mijn|download outlook|sent with \w+ mail)", re.IGNORECASE)
_SIGNATURE_DASHES = re.compile(r"^(--|-- |—|__)\s*$")
# Sign-offs on a line of their own; what follows is the signature.
CLOSING = re.compile(
    r"^\s*(best|best regards|best wishes|all best|all the best|regards|kind regards|warm regards|"
    r"warmest regards|warmly|warm wishes|many thanks|thanks|thank you|thanks so much|thanks again|"
    r"thanks a lot|thx|cheers|sincerely|yours|yours truly|talk soon|take care|speak soon|ciao|"
    r"with thanks|gratefully|respectfully|have a great (day|week|weekend)|"
    r"viele gr(ü|ue)(ß|ss)e|liebe gr(ü|ue)(ß|ss)e|beste gr(ü|ue)(ß|ss)e|herzliche gr(ü|ue)(ß|ss)e|"
    r"sch[öo]ne gr(ü|ue)(ß|ss)e|freundliche gr(ü|ue)(ß|ss)e|mit freundlichen gr(ü|ue)(ß|ss)en|"
    r"gr(ü|ue)(ß|ss)e|lg|vg|mfg|bis bald|"
    r"cordialement|bien cordialement|bien (à|a) (vous|toi)|amiti[ée]s|bises|belle (journ[ée]e|soir[ée]e)|"
    r"bonne (journ[ée]e|soir[ée]e)|merci|merci beaucoup|[àa] bient[ôo]t|"
    r"saludos|un saludo|saludos cordiales|atentamente|gracias|muchas gracias|abrazos|un abrazo|"
    r"besos|hasta pronto)\s*[,.!]*\s*$",
    re.IGNORECASE)

# Lines that could start a marker (quote, separator, header block, attribution, forward); a line
# that does not match can only be text.
_MAYBE_MARKER = re.compile(
    r"^\s*(?:[-_=*>\d]|(?:on|am|le|el|op|il|em|den|p[åa]|w|dne|from|von|de|van|da|fr[åa]n|fra|od|sent|gesendet|"
    r"envoy[ée]|enviado|verzonden|inviato|date|datum|fecha|data|to|an|[àa]|para|pour|aan|cc|kopie|subject|betreff|"
    r"objet|sujet|asunto|onderwerp|oggetto|assunto|begin|anfang|d[ée]but|inicio|forwarded)\b)", re.IGNORECASE)
_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f]+")
_ODD_BLANK = re.compile(r"[\t\u00a0\u2000-\u200b\u202f]")    # the blanks of _WS other than the space


@dataclass(frozen=True)
class Forwarded:
    """A message forwarded inline (or attached): its header lines and its text."""

    headers: tuple[tuple[str, str], ...]
    text: str

    def get(self, name: str) -> str:
        for key, value in self.headers:
            if key == name:
                return value
        return ""


@dataclass(frozen=True)
class Body:
    """The message text split by what it is."""

    new: str                      # what the sender wrote now, without signature or client footer
    signature: str = ""           # the sign-off and everything below it, up to the quote
    quoted: str = ""              # reply history (not forwarded)
    forwarded: tuple[Forwarded, ...] = field(default=())
    # Header blocks of the quoted history ("-----Original Message-----" / Outlook From-Sent-To), kept
    # so that a message whose own subject says "FW:" can read them as the forwarded message.
    quoted_messages: tuple[Forwarded, ...] = field(default=())


def fold(text: str) -> str:
    """Lowercase without accents (Öztürk -> ozturk) for matching names and words across spellings."""
    if text.isascii():
        return text.lower()
    if len(text) <= 40:
        return _fold_short(text)
    return _fold(text)


@functools.lru_cache(maxsize=8192)
def _fold_short(text: str) -> str:
    return _fold(text)


# Letters that Unicode does not decompose into a base letter and an accent: "Đức", "Łukasz", "Øster".
_UNDECOMPOSED = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "ħ": "h", "ı": "i", "ŧ": "t", "ð": "d"})


def _fold(text: str) -> str:
    text = text.lower().replace("ß", "ss").replace("’", "'").replace("æ", "ae").translate(_UNDECOMPOSED)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_ALIGNED: dict[int, str] = {}


def _aligned_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:
        low = ch
    if low == "’" or low == "‘":
        return "'"
    if ord(low) in _UNDECOMPOSED:
        return _UNDECOMPOSED[ord(low)]
    base = unicodedata.normalize("NFKD", low)[:1]
    return base if base and base.isascii() and base.isalpha() else low


def fold_aligned(text: str) -> str:
    """Like :func:`fold` but one character for one, so positions match the original text."""
    if text.isascii():
        return text.lower()
    missing = {ord(ch) for ch in set(text) if not ch.isascii()} - _ALIGNED.keys()
    for code in missing:
        if len(_ALIGNED) < 20_000:
            _ALIGNED[code] = _aligned_char(chr(code))
    table = _ALIGNED if not missing or len(_ALIGNED) < 20_000 else {
        **_ALIGNED, **{c: _aligned_char(chr(c)) for c in missing}}
    out = text.translate(table)
    return out.lower() if len(out) == len(text) else out


def transliterate(text: str) -> str:
    """German-style spelling of umlauts (Öztürk -> oeztuerk), as used in addresses and domains."""
    if text.isascii():
        return text.lower()
    return _transliterate(text) if len(text) <= 40 else _transliterate.__wrapped__(text)


@functools.lru_cache(maxsize=8192)
def _transliterate(text: str) -> str:
    text = text.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    return fold(text)


def _normalize(text: str) -> str:
    """Unix line ends; each run of blanks (tabs, no-break and thin spaces) one space.

    Most mail has no run to squeeze, and ``_WS.sub`` would still replace every single space by a
    space: the substring tests below find that case far faster (a text with no double space, tab or
    non-ASCII blank is left as it is by the substitution too).
    """
    text = text[:MAX_SCAN_CHARS * 3].replace("\r\n", "\n").replace("\r", "\n")
    if "  " not in text and "\t" not in text and (text.isascii() or _ODD_BLANK.search(text) is None):
        return text
    return _WS.sub(" ", text)


def _is_outlook_block(lines: list[str], i: int) -> bool:
    """A "From:" line followed within four lines by a "Sent:"/"Date:" line."""
    m = _HEADER_LINE.match(lines[i])
    if not m or fold(m.group(1)) not in _FROM_WORDS or not m.group(2).strip():
        return False
    for j in range(i + 1, min(i + 5, len(lines))):
        m2 = _HEADER_LINE.match(lines[j])
        if m2 and fold(m2.group(1)) in _SENT_WORDS:
            return True
    return False


def _is_attribution(lines: list[str], i: int) -> int:
    """How many lines an "On ... wrote:" attribution starting at line i spans (0 if none)."""
    line = lines[i]
    if _DATED_ATTRIBUTION.match(line):
        return 1
    if not _ATTRIBUTION_START.match(line) or len(line) > 400:
        return 0
    joined = line
    for span in range(1, 4):
        if _ATTRIBUTION_END.search(joined):
            return span
        if i + span >= len(lines) or not lines[i + span].strip():
            return 0
        joined = joined + " " + lines[i + span]
    return 0


_VERB_THEN_ADDRESS = re.compile(r"(wrote|schrieb|a\s+[ée]crit|escribi[óo])\b.{0,120}<[^<>\s]+@[^<>\s]+>\s*:\s*$",
                                re.IGNORECASE)
# the capitalised words right before the address: "8:02 AM Greg Sands <" -> "Greg Sands"
_NAME_BEFORE = re.compile(r"((?:[A-ZÀ-Ý][a-zà-ÿ'’-]+[ \t]+){0,2}[A-ZÀ-Ý][a-zà-ÿ'’-]+)[ \t]*\(?$")
_ADDRESS_IN_ATTRIBUTION = re.compile(r"<?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>?")


def quoted_author(text: str) -> tuple[str, str]:
    """(name, address) in the first "On ... Greg Sands <x@y> wrote:" line of a reply: who wrote the message
    quoted below (the writer may be acting on it: "As Greg asked below"). ("", "") when it gives none."""
    # (Apple Mail quotes its own attribution: "> Am 28.02.2025 um 17:40 schrieb Stefan Lorenz <s@x>:")
    lines = [line.lstrip("> ") for line in text.splitlines()[:MAX_LINES]]
    for i in range(len(lines)):
        # ("Am Mi., 5. Feb. 2025 um 08:41 Uhr schrieb Dr. Jens Albrecht <j@x>:": the name after the verb)
        span = _is_attribution(lines, i) or int(bool(_ATTRIBUTION_START.match(lines[i]) and
                                                     _VERB_THEN_ADDRESS.search(lines[i])))
        if span:
            joined = " ".join(lines[i:i + span])
            m = _ADDRESS_IN_ATTRIBUTION.search(joined)
            if not m:
                return "", ""
            name = _NAME_BEFORE.search(joined, 0, m.start())
            return (name.group(1) if name else ""), m.group(1).lower()
    return "", ""


def _read_forward(lines: list[str], start: int, unquoted: bool = False) -> tuple[Forwarded, int]:
    """Header lines of an inline forward (From/Date/Subject/To/Cc) and its text up to the next marker."""
    headers: list[tuple[str, str]] = []
    i = start
    while i < len(lines) and not lines[i].strip():
        i += 1
    if not unquoted and i < len(lines) and lines[i].lstrip().startswith(">"):
        # Apple Mail forwards under "Début du message réexpédié :" with every line quoted: read the
        # quoted block as the forwarded message
        end = i
        while end < len(lines) and (lines[end].lstrip().startswith(">") or not lines[end].strip()):
            end += 1
        block = [_QUOTE_PREFIX.sub("", line, count=1) for line in lines[i:end]]
        fwd, used = _read_forward(block, 0, unquoted=True)
        return fwd, i + used if used < len(block) else end
    last_key = ""
    while i < len(lines):
        m = _HEADER_LINE.match(lines[i])
        if m and m.group(2).strip():
            last_key = _header_key(m.group(1))
            headers.append((last_key, m.group(2).strip()))
            i += 1
            continue
        if last_key in ("to", "cc") and lines[i].startswith((" ", "\t")) and lines[i].strip():
            headers[-1] = (last_key, headers[-1][1] + " " + lines[i].strip())
            i += 1
            continue
        break
    body: list[str] = []
    while i < len(lines):
        if _FORWARD_MARKER.match(lines[i]) or _SEPARATOR.match(lines[i]) or _is_attribution(lines, i):
            break
        if _is_outlook_block(lines, i):
            break
        body.append(lines[i])
        i += 1
    return Forwarded(tuple(headers), "\n".join(body).strip()), i


_QUOTE_PREFIX = re.compile(r"^\s*> ?")


def _header_key(word: str) -> str:
    word = fold(word)
    if word in _FROM_WORDS:
        return "from"
    if word in _SENT_WORDS:
        return "date"
    if word in ("to", "an", "a", "para", "pour", "aan"):
        return "to"
    if word in ("cc", "kopie"):
        return "cc"
    return "subject"


def split_body(text: str, sender_names: tuple[str, ...] = ()) -> Body:
    """Split message text into new text, signature, quoted history and forwarded messages.

    ``sender_names`` (folded first name, nickname, full name) lets a bare name on its own line near
    the end mark where the signature starts ("Over to you two!\\nMaya").
    """
    lines = _normalize(text).split("\n")[:MAX_LINES]
    new: list[str] = []
    quoted: list[str] = []
    forwarded: list[Forwarded] = []
    quoted_messages: list[Forwarded] = []
    i = 0
    cut = False
    # Bottom-posting: "Le 29/01 à 18:00, Paulette a écrit :" and ">" lines first, the answer below. When
    # the message opens with a quote, the first plain text after the ">" lines is the new text.
    bottom_post = False
    after_quote = False
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        if not _MAYBE_MARKER.match(line):
            # most lines are plain text: one cheap test instead of every marker rule
            if cut and bottom_post and after_quote and stripped:
                cut = bottom_post = False
            (quoted if cut else new).append(line)
            i += 1
            continue
        if _FORWARD_MARKER.match(line):
            fwd, i = _read_forward(lines, i + 1)
            forwarded.append(fwd)
            cut = True
            continue
        if _SEPARATOR.match(line) or (_UNDERSCORE_RULE.match(line) and i + 1 < len(lines)
                                      and _is_outlook_block(lines, i + 1)):
            fwd, i = _read_forward(lines, i + 1)
            quoted.append(fwd.text)
            if fwd.headers:
                quoted_messages.append(fwd)
            cut = True
            continue
        if _is_outlook_block(lines, i):
            fwd, i = _read_forward(lines, i)
            if fwd.get("subject").lower().startswith(("fw:", "fwd:", "wg:", "tr:", "rv:")):
                forwarded.append(fwd)
            else:
                quoted.append(fwd.text)
                quoted_messages.append(fwd)
            cut = True
            continue
        span = _is_attribution(lines, i)
        if span:
            bottom_post = not cut and not any(n.strip() for n in new)
            cut = True
            i += span
            continue
        if stripped.startswith(">"):
            quoted.append(stripped.lstrip("> "))
            after_quote = True
            i += 1
            continue
        if cut:
            quoted.append(line)
        else:
            new.append(line)
        i += 1
    new_text, signature = _cut_signature(new, sender_names)
    return Body(new_text, signature, "\n".join(quoted)[:MAX_SCAN_CHARS], tuple(forwarded[:5]),
                tuple(quoted_messages[:5]))


def _cut_signature(lines: list[str], sender_names: tuple[str, ...]) -> tuple[str, str]:
    """Drop client footers, the "-- " signature, and the sign-off block at the end."""
    end = len(lines)
    for i, line in enumerate(lines):
        if _SIGNATURE_DASHES.match(line) or _FOOTER.match(line):
            end = i
            break
    body = lines[:end]
    cut = len(body)
    names = {n for n in sender_names if n}
    # A bare sender name (or initial) near the end ends the text; a sign-off just above it goes too.
    lo = max(0, len(body) - 25)
    for i in range(len(body) - 1, lo - 1, -1):
        candidate = fold(body[i].strip().lstrip("-–—~ ").rstrip(".,!"))
        if candidate and (candidate in names or (len(candidate) == 1 and any(n.startswith(candidate) for n in names))):
            cut = i
            break
    for i in range(min(cut, len(body)) - 1, max(-1, min(cut, len(body)) - 4), -1):
        if CLOSING.match(body[i]):
            cut = i
            break
        if body[i].strip() and i < cut - 1:
            break
    if cut == len(body):
        # No name line: a sign-off in the last lines, followed only by short signature lines.
        for i in range(len(body) - 1, max(-1, len(body) - 12), -1):
            if CLOSING.match(body[i]):
                rest = [r for r in body[i + 1:] if r.strip()]
                if all(len(r) < 90 for r in rest):
                    cut = i
                break
    text = "\n".join(body[:cut]).strip()
    signature = "\n".join(body[cut:] + lines[end:]).strip()
    return text[:MAX_SCAN_CHARS], signature[:4000]


_TOKEN = re.compile(r"[\w'-]+")


class Tokens:
    """The words of a folded text with their positions, computed once and shared by every rule."""

    __slots__ = ("folded", "words", "starts", "index")

    def __init__(self, folded: str) -> None:
        self.folded = folded
        matches = list(_TOKEN.finditer(folded))
        self.words: list[str] = [m.group() for m in matches]
        self.starts: list[int] = [m.start() for m in matches]
        index = set(self.words)
        for word in self.words:
            if "-" in word:
                # "pourriez-vous", "e-mail-adresse": a trigger may be one part of a hyphenated word
                index.update(word.split("-"))
        self.index: frozenset[str] = frozenset(index)    # for "does any trigger word occur?"

    def has_any(self, words: frozenset[str]) -> bool:
        return not words.isdisjoint(self.index)

    def positions(self, words: frozenset[str]) -> list[int]:
        """Character offsets of every occurrence of any of ``words``, in order."""
        if words.isdisjoint(self.index):
            return []
        return [start for word, start in zip(self.words, self.starts) if word in words]


_DOUBLE_S = re.compile(r"(?<!\\)ss")


def _with_sharp_s(pattern: str) -> str:
    """``pattern`` with every "ss" also matching "ß" ("heisst" / "heißt", "gross" / "groß"), where the regex
    allows it (a lookbehind must keep a fixed width)."""
    if "ss" not in pattern:
        return pattern
    both = _DOUBLE_S.sub("(?:ss|ß)", pattern)
    try:
        re.compile(both)
    except re.error:
        return pattern
    return both


class Cue:
    """A regex tried only when one of its trigger words occurs, and in long texts only near them.

    Rules are many and texts short: skipping the rules whose words are absent is what keeps the
    parser fast, and searching windows around triggers bounds the cost on long input.
    """

    __slots__ = ("triggers", "regex", "back", "ahead", "needs")
    LONG = 1500

    def __init__(self, triggers: str, pattern: str, back: int = 90, ahead: int = 220) -> None:
        words = triggers.split()
        # (aligned folding keeps "ß", one character for one: "heißt" must meet a rule written "heisst")
        self.triggers = frozenset(words + [w.replace("ss", "ß") for w in words if "ss" in w])
        pattern = _with_sharp_s(pattern)
        self.regex = re.compile(pattern)
        self.back = back
        self.ahead = ahead
        # Strings one of which every match contains (see parsers.prefilter): most triggered cues
        # match nothing, and finding that none of these strings occurs is much cheaper than the regex.
        self.needs = literal_filter(pattern)

    def finditer(self, toks: Tokens, checked: bool = False):
        if not checked and (not self.triggers or self.triggers.isdisjoint(toks.index)):
            return
        text = toks.folded
        if len(text) <= self.LONG:
            if self.needs is None or self.needs(text):
                yield from self.regex.finditer(text)
            return
        seen_end = -1
        for p in toks.positions(self.triggers):
            lo = max(0, p - self.back, seen_end)
            hi = min(len(text), p + self.ahead)
            if lo >= hi:
                continue
            for m in self.regex.finditer(text, lo, hi):
                if m.start() >= seen_end:
                    seen_end = m.end()
                    yield m

    def search(self, toks: Tokens):
        return next(self.finditer(toks), None)

    def count(self, toks: Tokens) -> int:
        return sum(1 for _ in self.finditer(toks))


class CueIndex:
    """Many cues, looked up by the words of a text: only the cues whose triggers occur are tried."""

    def __init__(self, items: tuple) -> None:
        self.items = items                       # (cue, payload...) tuples
        self._by_word: dict[str, list[int]] = {}
        for i, item in enumerate(items):
            for word in item[0].triggers:
                self._by_word.setdefault(word, []).append(i)
        self._words = frozenset(self._by_word)

    def triggered(self, toks: Tokens) -> list:
        present = self._words.intersection(toks.index)
        if not present:
            return []
        hit: set[int] = set()
        for word in present:
            hit.update(self._by_word[word])
        return [self.items[i] for i in sorted(hit)]


def any_cue(cues: tuple[Cue, ...], toks: Tokens) -> bool:
    return any(c.search(toks) is not None for c in cues)


def count_cues(cues: tuple[Cue, ...], toks: Tokens) -> int:
    return sum(c.count(toks) for c in cues)


__all__ = ["Tokens", "Cue", "CueIndex", "any_cue", "count_cues", "Body", "Forwarded", "split_body", "fold", "fold_aligned", "transliterate", "CLOSING", "MAX_SCAN_CHARS"]
