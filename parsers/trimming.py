"""Finding what a person wrote in a reply: quoted history and signatures trimmed away, and kept.

``trim_reply(text, html=None, sender_name=None)`` is a pure function returning :class:`Trimmed`
(``kept``, ``cut``). The order of the work:

1. our own marker (:data:`REPLY_MARKER`), quoted or not, in any case: everything below it is cut;
2. for HTML-only mail, the HTML structure: quote containers are dropped with an HTML parser before
   the rest is converted to text;
3. quoted history in the text: ``>`` blocks, attribution lines ("On ... wrote:", also wrapped over two
   lines and in other languages), Outlook header blocks with or without a rule above them. A block of
   ``>`` lines ends the quote when text follows it, so text written below the quote (bottom-posting)
   and between quoted parts is kept;
4. signatures, in each kept piece: the ``-- `` delimiter, client footers ("Sent from my iPhone"), legal
   disclaimers, and the name/title/contact block that follows a sign-off. A cut is only ever made
   *after* a sign-off, never at a polite word, and only when everything below it looks like a
   signature.

Every matcher works on one line (or two joined lines) of bounded length with plain string tests or
regexes without nested quantifiers, and the text scanned is capped, so crafted input cannot make the
work explode.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# The line our check-ins carry between the space for the answer and the check-in itself. Templates
# use this constant; the reply parser trusts it before any other rule.
REPLY_MARKER = "## Reply above this line ##"

MAX_TEXT_CHARS = 200_000     # text scanned; the rest of a longer reply is cut unread
MAX_LINE_CHARS = 1_000       # characters of one line any matcher looks at
MAX_HTML_CHARS = 1_000_000   # HTML parsed; longer HTML-only replies are read from their text
MAX_HTML_ELEMENTS = 50_000   # elements of an HTML reply looked at
MAX_SIGNATURE_LINES = 30     # a "signature" longer than this is probably part of the message


@dataclass(frozen=True)
class Trimmed:
    kept: str
    cut: str


# ---------------------------------------------------------------------------------------------
# Small helpers

def _norm(line: str) -> str:
    """One line, capped, without quote marks and surrounding blanks, lowercased, spaces collapsed."""
    return " ".join(line[:MAX_LINE_CHARS].lstrip(" \t>").split()).lower()


def _is_blank(line: str) -> bool:
    return not line.strip()


def _is_quoted(line: str) -> bool:
    # "> Hi Dana," / ">> earlier" / " > indented quote"
    return line[:MAX_LINE_CHARS].lstrip(" \t").startswith(">")


# ---------------------------------------------------------------------------------------------
# 1. Our own marker

_MARKER_WORDS = " ".join(REPLY_MARKER.strip("# ").lower().split())   # "reply above this line"


def is_marker(line: str) -> bool:
    """``## Reply above this line ##``, ``> ## REPLY ABOVE THIS LINE ##``, ``-- reply above this line --``."""
    core = _norm(line).strip("#-=_*[]() ").strip()
    return _MARKER_WORDS in core and len(core) <= len(_MARKER_WORDS) + 40


# ---------------------------------------------------------------------------------------------
# 2. Attribution lines that introduce a quote

# Each entry: (first word, endings of the line); the line must also name a date or an address.
# English, Gmail desktop:      "On Tue, Jan 28, 2025 at 7:00 AM Referloop <track@referloop.example> wrote:"
#   (Gmail wraps it:           "On Tue, Jan 28, 2025 at 7:00 AM Referloop <track@referloop.example>" / "wrote:")
# Gmail mobile:                "On Thu, Feb 27, 2025, 8:00 AM Referloop <track@referloop.example> wrote:"
# Apple Mail / iPhone:         "On Feb 1, 2025, at 9:00 AM, Referloop <track@referloop.example> wrote:"
# Yahoo:                       "On Monday, February 17, 2025 at 10:00:00 AM EST, Referloop <...> wrote:"
# Roundcube:                   "On 15.02.2025 16:00, Referloop wrote:"
# German (Thunderbird, Gmail): "Am 10.02.25 um 16:00 schrieb Referloop:"
#                              "Am Mo., 10. Feb. 2025 um 16:00 Uhr schrieb Referloop <track@referloop.example>:"
# French (Gmail, Apple):       "Le mar. 11 févr. 2025 à 16:00, Referloop <track@referloop.example> a écrit :"
# Spanish:                     "El jue, 6 mar 2025 a las 16:00, Referloop (<track@referloop.example>) escribió:"
# Italian:                     "Il giorno lun 3 feb 2025 alle ore 16:00 Referloop <...> ha scritto:"
# Dutch:                       "Op ma 3 feb. 2025 om 16:00 schreef Referloop <...>:"
# Portuguese:                  "Em seg., 3 de fev. de 2025 às 16:00, Referloop <...> escreveu:"
# Swedish / Danish / Norwegian: "Den 3 feb. 2025 kl. 16:00 skrev Referloop <...>:"
_ATTRIBUTION_FORMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("on", ("wrote:",)),
    ("am", ("schrieb:",)),
    ("le", ("a écrit:", "a écrit :")),
    ("el", ("escribió:", "escribio:")),
    ("il", ("ha scritto:",)),
    ("op", ("schreef:",)),
    ("em", ("escreveu:",)),
    ("den", ("skrev:",)),
)
# The writer named first, the date after:
#   "Referloop <track@referloop.example> schrieb am 10.02.2025 um 16:00:"
#   "Referloop <track@referloop.example> a écrit le 11/02/2025 à 16:00 :"
#   "2025-02-10 16:00 GMT+01:00 Referloop <track@referloop.example>:"
_WRITER_FIRST = re.compile(r"\b(schrieb am|a écrit le|escribió el|wrote on|ha scritto il)\b")
# Verbs that end a German/Dutch/Scandinavian attribution before the name: "... schrieb Referloop <x>:"
_VERB_BEFORE_NAME = {"am": "schrieb", "op": "schreef", "den": "skrev"}
_DATE_OR_ADDRESS = re.compile(r"\d|@")
# Plain "Referloop wrote:" (old Thunderbird, mailing lists) counts only right above ">" lines.
_WEAK_ATTRIBUTION_ENDINGS = ("wrote:", "schrieb:", "a écrit :", "a écrit:", "escribió:", "ha scritto:",
                             "schreef:", "escreveu:", "skrev:", "kirjoitti:", "napisał:")


def _strong_attribution(norm: str) -> bool:
    if len(norm) > 400 or not norm.endswith(":") or not _DATE_OR_ADDRESS.search(norm):
        return False
    first = norm.split(" ", 1)[0].rstrip(",")
    for word, endings in _ATTRIBUTION_FORMS:
        if first == word and norm.endswith(endings):
            return True
        verb = _VERB_BEFORE_NAME.get(word)
        if first == word and verb and f" {verb} " in norm:
            return True
    return bool(_WRITER_FIRST.search(norm))


def attribution_length(lines: list[str], i: int) -> int:
    """How many lines (1-3) the attribution starting at line ``i`` spans, or 0."""
    norm = _norm(lines[i])
    if not norm or len(norm) > 400:
        return 0
    if _strong_attribution(norm):
        return 1
    first = norm.split(" ", 1)[0]
    if first not in {w for w, _ in _ATTRIBUTION_FORMS} and not _DATE_OR_ADDRESS.search(norm[:40]):
        return 0
    joined = norm
    for extra in (1, 2):                       # wrapped over two or three lines
        if i + extra >= len(lines) or _is_blank(lines[i + extra]):
            break
        joined = f"{joined} {_norm(lines[i + extra])}"
        if len(joined) > 400:
            break
        if _strong_attribution(joined):
            return extra + 1
    return 0


# Any short line ending with ":" that names an address or a date, directly above quoted lines:
# "2025-03-17 16:00 GMT+01:00 Referloop <track@referloop.example>:", "Referloop <track@...>:"
_ADDRESS_OR_DATE = re.compile(r"@|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")


def _weak_attribution(lines: list[str], i: int) -> bool:
    """"Dana Whitfield wrote:" directly above quoted lines."""
    norm = _norm(lines[i])
    if len(norm) > 200 or _is_quoted(lines[i]) or not norm.endswith(":"):
        return False
    if not (norm.endswith(_WEAK_ATTRIBUTION_ENDINGS) or _ADDRESS_OR_DATE.search(norm)):
        return False
    j = _next_nonblank(lines, i + 1)
    return j is not None and _is_quoted(lines[j])


def _next_nonblank(lines: list[str], i: int, limit: int = 4) -> int | None:
    for j in range(i, min(len(lines), i + limit)):
        if not _is_blank(lines[j]):
            return j
    return None


# ---------------------------------------------------------------------------------------------
# 3. Outlook-style header blocks and separators (no ">" on the quoted lines)

# Outlook desktop / web / iOS:         "From: Referloop <track@referloop.example>"
#                                      "Sent: Wednesday, January 29, 2025 10:00 AM" / "To: ..." / "Subject: ..."
# Android ("-------- Original message --------"): "From: ..." / "Date: 18/2/25 2:00 am (GMT+11:00)" / ...
# German Outlook:  "Von: ..." / "Gesendet: ..." / "An: ..." / "Betreff: ..."
# French Outlook:  "De : ..." / "Envoyé : ..." / "À : ..." / "Objet : ..."
# Spanish Outlook: "De: ..." / "Enviado: ..." / "Para: ..." / "Asunto: ..."
# Italian, Dutch, Portuguese, Swedish: "Da:/Inviato:/A:/Oggetto:", "Van:/Verzonden:/Aan:/Onderwerp:",
#                  "De:/Enviada:/Para:/Assunto:", "Från:/Skickat:/Till:/Ämne:"
_FROM_KEYS = {"from", "von", "de", "van", "da", "från", "fra", "od", "от", "lähettäjä"}
_OTHER_KEYS = {
    "sent", "date", "to", "cc", "subject", "reply-to",
    "gesendet", "datum", "an", "betreff", "kopie",
    "envoyé", "envoye", "date d'envoi", "à", "a", "objet",
    "enviado", "enviada", "fecha", "para", "asunto", "assunto",
    "inviato", "data", "oggetto", "verzonden", "aan", "onderwerp",
    "skickat", "till", "ämne", "sendt", "til", "emne",
}


def _header_key(line: str) -> str | None:
    """"From: x" -> "from"; "*Von:* x" -> "von"; "De : x" -> "de"; None for other lines."""
    head = line[:60].strip(" \t>")
    key, sep, _ = head.partition(":")
    if not sep:
        return None
    key = key.strip(" *\t").lower()
    return key if 0 < len(key) <= 15 else None


def is_header_block(lines: list[str], i: int) -> bool:
    """A "From:" line followed within six lines by at least two other header lines."""
    if _header_key(lines[i]) not in _FROM_KEYS:
        return False
    others = 0
    for j in range(i + 1, min(len(lines), i + 7)):
        if _header_key(lines[j]) in _OTHER_KEYS:
            others += 1
    return others >= 2


# "-----Original Message-----"                      Outlook desktop, plain text
# "-------- Original message --------"             Android, Samsung, Outlook for Android
# "-----Ursprüngliche Nachricht-----"              German Outlook
# "-------- Message d'origine --------"            French
# "-------- Mensaje original --------"             Spanish
# "---------- Forwarded message ---------"         Gmail forward
# "Begin forwarded message:"                       Apple Mail forward
_SEPARATOR_WORDS = {
    "original message", "original-nachricht", "ursprüngliche nachricht", "message d'origine",
    "message d’origine", "mensaje original", "messaggio originale", "oorspronkelijk bericht",
    "mensagem original", "ursprungligt meddelande", "forwarded message", "weitergeleitete nachricht",
    "message transféré", "mensaje reenviado", "messaggio inoltrato", "doorgestuurd bericht",
}
_FORWARD_LINES = {"begin forwarded message:", "anfang der weitergeleiteten nachricht:",
                  "début du message réexpédié :", "inicio del mensaje reenviado:"}


def is_separator(lines: list[str], i: int) -> bool:
    raw = lines[i][:MAX_LINE_CHARS].strip(" \t>")
    if not raw:
        return False
    if raw[0] in "-_=*" and raw.strip("-_=* ").lower() in _SEPARATOR_WORDS:
        return True
    if _norm(raw) in _FORWARD_LINES:
        return True
    # Outlook's rule "________________________________" right above a header block
    if len(raw) >= 8 and set(raw) <= {"_"} or len(raw) >= 20 and set(raw) <= {"-"}:
        j = _next_nonblank(lines, i + 1, 3)
        return j is not None and _header_key(lines[j]) in _FROM_KEYS
    return False


# ---------------------------------------------------------------------------------------------
# 4. Signatures and client footers

# "Sent from my iPhone", "Sent from my Galaxy", "Sent from my Android phone", "Sent from Outlook for iOS",
# "Get Outlook for iOS", "Get Outlook for Android", "Sent from Mail for Windows", "Sent from Yahoo Mail for
# iPhone", "Sent via the Samsung Galaxy ...", "Envoyé de mon iPhone", "Envoyé depuis mon mobile",
# "Von meinem iPhone gesendet", "Gesendet von meinem Smartphone", "Enviado desde mi iPhone",
# "Enviado do meu iPhone", "Inviato da iPhone", "Verzonden vanaf mijn iPhone", "Skickat från min iPhone"
_FOOTER = re.compile(
    r"^(sent (from|with|via|using) .{1,60}|get outlook for (ios|android)|"
    r"(envoyé|envoye) (de|depuis) .{1,50}|von meinem .{1,50} gesendet|gesendet (von|mit) .{1,50}|"
    r"enviado (desde|de|do|con) .{1,50}|inviato da .{1,50}|verzonden (vanaf|met) .{1,50}|"
    r"skickat från .{1,50}|download outlook for .{1,30})$"
)


def is_footer(line: str) -> bool:
    norm = _norm(line)
    return len(norm) <= 80 and bool(_FOOTER.match(norm))


def is_delimiter(line: str) -> bool:
    """The RFC 3676 signature delimiter "-- " (often sent as "--" or "—" by mobile clients)."""
    return line.rstrip() in ("--", "-- ", "—", "---") or line == "-- "


# Legal notices and print reminders that follow a signature:
# "This email and any attachments are confidential and may be legally privileged. If you are not the
#  intended recipient, ..."; "This message may contain information that is privileged, confidential ...";
# "CONFIDENTIALITY NOTICE: ..."; "Please consider the environment before printing this email.";
# "Diese E-Mail enthält vertrauliche Informationen ..."; "Ce message et ses pièces jointes sont
#  confidentiels ..."; "Este mensaje es confidencial ..."
_DISCLAIMER = re.compile(
    r"(intended recipient|confidentiality notice|disclaimer|before printing|legally privileged|"
    r"privileged(,| and| or)? confidential|confidential(,| and| or)? (and|or)? ?privileged|attorney-client|"
    r"this (e-?mail|message|communication)[^.]{0,80}(confidential|privileged)|registered in (england|scotland)|"
    r"(diese|dieser) (e-?mail|nachricht)[^.]{0,60}vertraulich|vertrauliche informationen|"
    r"(ce|le présent) (message|courriel|e-?mail)[^.]{0,60}confidenti|destinataire (prévu|exclusif|de ce message)|"
    r"(este|el presente) (mensaje|correo)[^.]{0,60}confidencial|información confidencial)"
)


def is_disclaimer(line: str) -> bool:
    return len(line.strip()) >= 40 and bool(_DISCLAIMER.search(_norm(line)[:300]))


# Sign-off lines, matched whole (trailing punctuation allowed). English, German, French, Spanish,
# Italian, Dutch, Portuguese: "Thanks,", "Best regards", "Kind regards,", "Cheers", "Viele Grüße",
# "Mit freundlichen Grüßen", "LG", "Cordialement,", "Bien à vous", "Saludos,", "Un abrazo",
# "Cordiali saluti", "Met vriendelijke groet", "Atenciosamente", ...
_CLOSING = re.compile(
    r"^(thanks|thank you|many thanks|thanks again|thanks so much|thank you so much|thx|ty|cheers|best|"
    r"best regards|best wishes|kind regards|warm regards|warmest regards|regards|warmly|warm wishes|"
    r"all the best|sincerely|yours|yours truly|yours sincerely|talk soon|speak soon|take care|"
    r"have a (good|great|nice) (day|week|weekend)|rgds|br|"
    r"viele grüße|viele grüsse|liebe grüße|liebe grüsse|beste grüße|beste grüsse|herzliche grüße|"
    r"schöne grüße|freundliche grüße|mit freundlichen grüßen|mit freundlichen grüssen|grüße|grüsse|"
    r"gruß|gruss|lg|vg|mfg|danke|vielen dank|"
    r"cordialement|bien cordialement|bien à vous|bien a vous|merci|merci beaucoup|bonne journée|"
    r"bonne journee|amitiés|bises|salutations|bien amicalement|à bientôt|"
    r"saludos|un saludo|saludos cordiales|atentamente|gracias|muchas gracias|abrazos|un abrazo|"
    r"cordialmente|hasta pronto|"
    r"saluti|cordiali saluti|un saluto|grazie|"
    r"groeten|met vriendelijke groet|hartelijke groet|mvg|groetjes|bedankt|"
    r"obrigado|obrigada|abraços|atenciosamente|cumprimentos)[\s,.!:;\-–—]*$"
)
# "Thanks for the nudge," / "Thanks again for the intro," / "Merci pour le suivi,": a short line that
# starts like a closing and ends with a comma.
_CLOSING_START = re.compile(r"^(thanks|thank you|many thanks|cheers|best|merci|danke|gracias|grazie)\b")


def is_closing(line: str) -> bool:
    norm = _norm(line)
    if not norm or len(norm) > 60:
        return False
    if _CLOSING.match(norm):
        return True
    return norm.endswith(",") and len(norm.split()) <= 7 and bool(_CLOSING_START.match(norm))


# Words that are whole one-line answers, never a name: "Hired", "Talking", "Stop", ...
_NOT_NAMES = {"yes", "no", "nope", "yep", "yeah", "done", "hired", "signed", "talking", "stop", "won",
              "lost", "thanks", "thank", "you", "ok", "okay", "great", "hi", "hello", "hey", "dear",
              "unsubscribe", "not", "a", "fit", "contact", "yet", "sure", "ja", "nein", "oui", "non", "sí",
              "si", "hola", "bonjour", "hallo", "merci", "danke", "gracias"}
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_.'’\-]*([.'’\-][^\W\d_]*)*\.?$")


def is_name_line(line: str) -> bool:
    """A short line that can be a sign-off name: "Dana", "Bob", "José", "Mary-Kate O'Neil", "J.", "DW"."""
    s = line.strip()
    words = s.split()
    if not 1 <= len(words) <= 3 or len(s) > 40:
        return False
    if any(w.lower().strip(".") in _NOT_NAMES for w in words):
        return False
    return all(_NAME_WORD.match(w) and w[0].isupper() for w in words)


# Phone numbers, addresses, web sites, "|" separated title lines, company forms (LLC, Inc., GmbH, ...)
_CONTACT = re.compile(r"(\+?\(?\d[\d ().\-]{6,}\d|@|www\.|https?://|\.(com|org|net|example|test)\b|\||"
                      r"\b(?:llc|inc|ltd|gmbh|sarl|s\.a\.|s\.l\.|pllc|llp|plc|corp|b\.v\.)(?:\.|\b))", re.IGNORECASE)
_SMALL_WORDS = {"&", "|", "·", "•", "-", "–", "of", "and", "for", "de", "du", "des", "la", "le", "y", "e",
                "und", "für", "at", "the", "in", "et", "van", "von", "der", "di", "da", "a"}


def is_signature_line(line: str) -> bool:
    """Name, title, company, address, phone, web: short lines that are not prose."""
    s = line.strip()
    if not s:
        return True
    if len(s) > 90 or s.endswith("?") or s.lower().startswith(("p.s", "ps:", "ps ")):
        return False
    words = s.split()
    if len(words) > 10:
        return False
    if _CONTACT.search(s):
        return True
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    lower = [w for w in content if w[:1].islower()]
    if len(content) >= 3 and len(lower) * 2 >= len(content):
        return False                          # "she wants to start in May" is prose
    if len(words) >= 4 and s.endswith((".", "!")) and lower:
        return False
    return True


def _looks_like_signature(lines: list[str]) -> bool:
    count = 0
    for line in lines:
        if not line.strip():
            continue
        count += 1
        if count > MAX_SIGNATURE_LINES or not (is_signature_line(line) or is_disclaimer(line)):
            return False
    return count > 0


def _tail_start(lines: list[str], end: int) -> int:
    """Index from which a signature can start: at most MAX_SIGNATURE_LINES + 2 lines with text
    above the end, so that looking for a sign-off stays linear."""
    count = 0
    k = end
    while k > 0 and count <= MAX_SIGNATURE_LINES + 2:
        k -= 1
        if lines[k].strip():
            count += 1
    return k


def _name_tokens(sender_name: str | None) -> tuple[str, ...]:
    if not sender_name:
        return ()
    words = [w for w in re.split(r"[\s,]+", sender_name.strip().strip("'\"").lower()) if w][:4]
    return tuple(words)


def _starts_with_sender(line: str, tokens: tuple[str, ...]) -> bool:
    """"Gary Pruitt" / "Leo Santos Photography" / "Dr. Fatima Rahman, DDS" for sender "Fatima Rahman"."""
    if len(tokens) < 2:
        return False
    words = [w.strip(".,").lower() for w in line.split()][:6]
    for start in range(0, 2):                       # allow one title word before: "Dr.", "Mr."
        if words[start:start + 2] == list(tokens[:2]) or (
                len(tokens) > 2 and words[start:start + 2] == [tokens[0], tokens[-1]]):
            return True
    return False


def _strip_trailing_blank(lines: list[str]) -> int:
    end = len(lines)
    while end and _is_blank(lines[end - 1]):
        end -= 1
    return end


def _signoff_cut(lines: list[str], sender: tuple[str, ...]) -> int | None:
    """Index where the signature starts, found from a sign-off; None when there is none.

    The cut is made after "closing + name" ("Thanks for the nudge," / "Dana"), after a lone name
    line above a signature ("Peter" / "" / "Peter Brandt" / "Chief Operating Officer"), or at a
    line that starts with the sender's own full name ("Gary Pruitt" / "Pruitt Holdings LLC").
    Whatever is below must look like a signature; otherwise nothing is cut.
    """
    n = _strip_trailing_blank(lines)
    first_content = _next_nonblank(lines, 0, n) if n else None
    if first_content is None:
        return None
    for k in range(max(first_content, _tail_start(lines, n)), n):
        line = lines[k]
        if _is_blank(line):
            continue
        after_blank = k > 0 and _is_blank(lines[k - 1])
        # closing, then a name on the next line: cut below the name
        if is_closing(line):
            j = k + 1 if k + 1 < n and not _is_blank(lines[k + 1]) else None
            if j is not None and is_name_line(lines[j]) or (
                    j is not None and _starts_with_sender(lines[j], sender)):
                rest = lines[j + 1:n]
                if any(l.strip() for l in rest) and _looks_like_signature(rest):
                    return j + 1
            continue
        if k == first_content:
            continue
        # lone first name after a blank line, then a blank line (or the full name) and a signature block:
        # "Peter" / "" / "Peter Brandt" / "Chief Operating Officer";  "Peter" / "Peter Brandt" / "COO"
        if after_blank and is_name_line(line) and len(line.split()) <= 2 and k + 1 < n and (
                _is_blank(lines[k + 1]) or lines[k + 1].split()[:1] == line.split()[:1]):
            rest = lines[k + 1:n]
            if any(l.strip() for l in rest) and _looks_like_signature(rest):
                return k + 1
        # the sender's own full name starting a signature block
        if after_blank and _starts_with_sender(line, sender) and is_signature_line(line):
            rest = lines[k:n]
            if sum(1 for l in rest if l.strip()) >= 2 and _looks_like_signature(rest):
                return k
    return None


def _contact_block_cut(lines: list[str]) -> int | None:
    """A last paragraph made only of signature lines with a phone, address or web line in it."""
    n = _strip_trailing_blank(lines)
    start = n
    while start > 0 and not _is_blank(lines[start - 1]):
        start -= 1
    if start == 0 or not any(l.strip() for l in lines[:start]):
        return None
    block = lines[start:n]
    if 2 <= len(block) <= 8 and _looks_like_signature(block) and any(_CONTACT.search(l) for l in block):
        return start
    return None


def trim_signature(lines: list[str], sender_name: str | None = None) -> tuple[list[str], list[str]]:
    """(kept lines, cut lines) of one piece of new text."""
    sender = _name_tokens(sender_name)
    cut: list[str] = []

    def cut_at(index: int) -> None:
        nonlocal lines, cut
        cut = lines[index:] + cut
        lines = lines[:index]

    # "-- " delimiter: everything below is the signature
    for i, line in enumerate(lines):
        if i > 0 and is_delimiter(line) and any(l.strip() for l in lines[:i]):
            cut_at(i)
            break
    # client footers: "Sent from my iPhone"
    for i, line in enumerate(lines):
        if is_footer(line) and any(l.strip() for l in lines[:i]):
            cut_at(i)
            break
    # legal disclaimers and print reminders, with the rest of the message below them
    for i, line in enumerate(lines):
        if (i == 0 or _is_blank(lines[i - 1])) and is_disclaimer(line) and any(l.strip() for l in lines[:i]):
            cut_at(i)
            break
    index = _signoff_cut(lines, sender)
    if index is not None:
        cut_at(index)
    index = _contact_block_cut(lines)
    if index is not None:
        cut_at(index)
    return lines, cut


# ---------------------------------------------------------------------------------------------
# HTML-only replies: the quote is in the structure, so drop it there

# Containers that hold quoted history, by client:
#   Gmail:              <div class="gmail_quote"> (attribution in <div class="gmail_attr">) + <blockquote>
#   Apple Mail, iPhone: <blockquote type="cite"> (attribution inside or just above)
#   Thunderbird:        <div class="moz-cite-prefix">Am 10.02.25 um 16:00 schrieb ...:</div><blockquote>
#   Roundcube, others:  <p>On 15.02.2025 16:00, Referloop wrote:</p><blockquote type="cite">
#   Yahoo:              <div class="yahoo_quoted"> / id="ydp..yahoo_quoted_..."
_QUOTE_CLASSES = ("gmail_quote", "gmail_attr", "moz-cite-prefix", "moz-forward-container", "yahoo_quoted",
                  "protonmail_quote", "zmail_extra", "ms-outlook-mobile-reference-message")
# Where everything that follows (in document order) is the quoted message:
#   Outlook on the web / new Outlook: <div id="appendonsend"></div><hr><div id="divRplyFwdMsg">From: ...
#   Outlook desktop:    <div style="border:none;border-top:solid #E1E1E1 1.0pt"><p><b>From:</b> ...
_CUT_FROM_IDS = ("divrplyfwdmsg", "appendonsend", "mail-editor-reference-message-container")
# Signature containers: Gmail "gmail_signature", Outlook on the web id="Signature", Thunderbird
# "moz-signature", Roundcube id="signature", Yahoo class="signature".
_SIGNATURE_MARKS = ("gmail_signature", "moz-signature")
_SIGNATURE_IDS = ("signature",)


def _classes(el) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def _is_outlook_header_div(el) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    if "border-top:solid" not in style:
        return False
    text = " ".join((el.text_content() or "")[:300].split())
    return _header_key(text) in _FROM_KEYS


def split_html(html: str) -> tuple[str, str] | None:
    """(text of the new message, text of what was dropped) of an HTML reply; None when unreadable."""
    from lxml import etree, html as lxml_html

    from .mime import html_to_text

    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None
    drop: list = []
    cut_from = None
    stack = [root]
    visited = 0
    while stack:                      # depth-first, never descending into what is dropped
        el = stack.pop()
        visited += 1
        if visited > MAX_HTML_ELEMENTS:
            break
        if not isinstance(el.tag, str):
            continue
        marks = _classes(el)
        ident = (el.get("id") or "").lower()
        if el.tag == "blockquote" or any(c in marks for c in _QUOTE_CLASSES):
            drop.append(el)
            continue
        if any(c in marks for c in _SIGNATURE_MARKS) or ident in _SIGNATURE_IDS or \
                "signature" in (el.get("class") or "").lower().split():
            drop.append(el)
            continue
        if cut_from is None and (ident in _CUT_FROM_IDS or (el.tag == "div" and _is_outlook_header_div(el))):
            cut_from = el
            continue
        stack.extend(reversed(el))
    # the attribution paragraph right above a blockquote: "<p>On ..., Referloop wrote:</p>"
    for el in list(drop):
        if el.tag != "blockquote":
            continue
        prev = el.getprevious()
        for _ in range(3):
            if prev is None:
                break
            text = " ".join((prev.text_content() or "")[:500].split())
            if text:
                lines = [text]
                if attribution_length(lines, 0) or _norm(text).endswith(_WEAK_ATTRIBUTION_ENDINGS):
                    drop.append(prev)
                break
            prev = prev.getprevious()
    removed: list = []
    if cut_from is not None:
        node = cut_from
        while node is not None and node.tag not in ("body", "html"):
            for sib in list(node.itersiblings()):
                removed.append(sib)
            node = node.getparent()
        removed.insert(0, cut_from)
    removed += drop
    order = {el: i for i, el in enumerate(root.iter())} if len(removed) > 1 else {}
    removed.sort(key=lambda el: order.get(el, 0))
    pieces: list[str] = []
    for el in removed:
        if el.getparent() is None or not any(a is root for a in el.iterancestors()):
            continue                  # already dropped with an enclosing element
        # keep the tail text, which belongs to the parent, not to the dropped element
        tail = el.tail
        parent = el.getparent()
        pieces.append(etree.tostring(el, encoding="unicode", with_tail=False))
        prev = el.getprevious()
        if tail and tail.strip():
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(el)
    kept_html = etree.tostring(root, encoding="unicode")
    cut_text = html_to_text("<div>" + "</div><div>".join(pieces) + "</div>") if pieces else ""
    return html_to_text(kept_html), cut_text


# ---------------------------------------------------------------------------------------------
# The text walk

def _quote_block_end(lines: list[str], i: int) -> int:
    """End (exclusive) of the ">" block starting at ``i``: quoted and blank lines, and at most two
    unquoted lines squeezed between quoted ones right after a long quoted line (a client wrapped a
    quoted line without repeating the ">"; a short answer between short quoted lines is kept)."""
    n = len(lines)
    j = i
    while j < n:
        if _is_quoted(lines[j]) or _is_blank(lines[j]):
            j += 1
            continue
        if j > 0 and _is_quoted(lines[j - 1]) and len(lines[j - 1].strip(" >")) >= 50:
            k = j
            while k < n and k - j < 2 and not _is_blank(lines[k]) and not _is_quoted(lines[k]):
                k += 1
            if k < n and _is_quoted(lines[k]) and k > j:
                j = k
                continue
        break
    # leave trailing blank lines to whatever follows
    while j > i and _is_blank(lines[j - 1]):
        j -= 1
    return j


Piece = tuple[int, list[str]]          # (index of the first line, lines)


def _split_quotes(lines: list[str]) -> tuple[list[Piece], list[Piece]]:
    """Pieces of new text and quoted pieces, each with its position, walking the text once."""
    pieces: list[Piece] = [(0, [])]
    cut: list[Piece] = []
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        if _is_quoted(line):
            end = _quote_block_end(lines, i)
            cut.append((i, lines[i:end]))
            pieces.append((end, []))
            i = end
            continue
        span = attribution_length(lines, i)
        if span or _weak_attribution(lines, i):
            span = span or 1
            j = _next_nonblank(lines, i + span, 6)
            if j is not None and _is_quoted(lines[j]):
                end = _quote_block_end(lines, j)
                cut.append((i, lines[i:end]))
                pieces.append((end, []))
                i = end
                continue
            cut.append((i, lines[i:]))     # unmarked quote (indented or plain) below the attribution
            break
        if is_separator(lines, i) or is_header_block(lines, i):
            cut.append((i, lines[i:]))
            break
        pieces[-1][1].append(line)
        i += 1
    return [p for p in pieces if any(l.strip() for l in p[1])], cut


def _above_marker(lines: list[str], m: int) -> int:
    """Where the answer above our marker ends: an attribution line right above it is not part of it
    ("On Mar 17, 2025, Referloop via Lawson Kitchen <track@referloop.example> said:")."""
    end = m
    while end > 0 and _is_blank(lines[end - 1]):
        end -= 1
    if end > 0:
        norm = _norm(lines[end - 1])
        if norm.endswith(":") and _DATE_OR_ADDRESS.search(norm) and len(norm) <= 300:
            end -= 1
    return end


def _trim_text(text: str, sender_name: str | None) -> tuple[str, str]:
    overflow = ""
    if len(text) > MAX_TEXT_CHARS:
        text, overflow = text[:MAX_TEXT_CHARS], text[MAX_TEXT_CHARS:]
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    lines = text.split("\n")
    cuts: list[Piece] = []

    # Our marker first: what is above it is the answer, unless the person wrote below the quote.
    for m, line in enumerate(lines):
        if is_marker(line):
            end = _above_marker(lines, m)
            above, _ = _split_quotes(lines[:end])
            if above:
                cuts.append((end, lines[end:]))
                lines = lines[:end]
            break

    pieces, quoted = _split_quotes(lines)
    cuts += quoted
    kept_pieces: list[str] = []
    signatures: list[Piece] = []
    for start, piece in pieces:
        kept, cut = trim_signature(piece, sender_name)
        if any(l.strip() for l in kept):
            kept_pieces.append(_clean("\n".join(kept)))
        if cut:
            signatures.append((start + len(kept), cut))
    if not kept_pieces and pieces:                     # everything looked like a signature: keep it
        kept_pieces = [_clean("\n".join(p)) for _, p in pieces]
        signatures = []
    ordered = sorted(cuts + signatures, key=lambda piece: piece[0])
    cut_text = "\n".join("\n".join(p) for _, p in ordered if any(l.strip() for l in p))
    return "\n\n".join(kept_pieces), (cut_text + overflow).strip("\n")


def _clean(text: str) -> str:
    lines = [l.rstrip() for l in text.split("\n")]
    return "\n".join(lines).strip("\n").strip()


def trim_reply(text: str, html: str | None = None, sender_name: str | None = None) -> Trimmed:
    """What the person wrote (``kept``) and what was trimmed away (``cut``).

    ``html`` is used for HTML-only replies (give the raw HTML; ``text`` is then its conversion and
    serves as a fallback). ``sender_name`` (the From display name) helps to recognise a signature
    that starts with the writer's own name.
    """
    text = text or ""
    if html and len(html) <= MAX_HTML_CHARS:
        split = split_html(html)
        if split is not None:
            html_text, html_cut = split
            kept, cut = _trim_text(html_text, sender_name)
            if kept.strip() or not text.strip():
                return Trimmed(kept, "\n\n".join(part for part in (cut, html_cut) if part.strip()))
            # the structure hid everything (a client that wraps its whole message in a quote
            # container): read the converted text instead
    kept, cut = _trim_text(text, sender_name)
    return Trimmed(kept, cut)
