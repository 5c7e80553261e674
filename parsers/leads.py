"""Contact details passed on in a lead: the person who needs the service is not on the email.

A lead names its contact in the body ("Daniel Kim / dkim.home@... / (503) 555-0148"), gives only a
phone number ("her cell is (512) 555-0123"), or forwards the contact's own request. This module
finds who that contact is; :mod:`parsers.introduction` decides whether the message is a lead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .addresses import is_automated
from .mime import parse_addresses
from .text import Forwarded, fold

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}(?![\w-])")
# Phone numbers: 7 to 15 digits in the usual groupings, bounded so no input makes it backtrack far.
# After a country code the first group may be one digit ("+33 6 12 34 56 78"); later groups may have
# five digits, as German numbers are written ("030 23125 417"), and a mobile subscriber number seven or
# eight ("0151 5550134").
# (UK numbers have five-digit area codes and six-digit subscriber numbers: "01632 960284", "07700 900618")
PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[ .-]?(?:\(0\)[ .-]?)?\d{1,4}|(?:\(\d{1,5}\)[ .-]?)?\d{2,5})"
                   r"(?:[ .-]\d{2,8}){1,4}(?![\w])")
_NAME_LINE = re.compile(r"^\s*([A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){1,3})\s*$")
_NAME_IN_TEXT = re.compile(r"\b([A-ZÀ-Ý][a-zß-ÿ'’-]+(?:\s+[A-ZÀ-Ý][a-zß-ÿ'’-]+){1,2})\b")
_NOT_NAMES = frozenset({
    "nachbarin", "nachbar", "kollegin", "kollege", "freundin", "freund", "schwester", "bruder", "mutter", "vater",
    "tochter", "sohn", "kundin", "kunde", "schwagerin", "schwager", "tante", "onkel", "cousine", "cousin",
    "ihre", "ihr", "seine", "sein", "meine", "mein", "unsere", "deine", "adresse", "nummer", "e-mail", "telefon",
    "handy", "mail", "kontakt", "name", "son", "sa", "ses", "mon", "ma", "numero", "adresse", "su", "sus", "mi",
    "correo", "direccion", "telefono", "movil", "contacto", "nombre", "cell", "number", "address", "phone",
    "hi", "hey", "hello", "dear", "thanks", "thank", "the", "and", "her", "his", "she", "he", "they", "we",
    "i", "my", "our", "sent", "best", "regards", "mobile", "cell", "phone", "tel", "email", "e-mail",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "hola", "hallo", "bonjour", "te", "le", "la", "el", "los", "las", "un", "una", "der", "die", "das",
})


@dataclass(frozen=True)
class LeadContact:
    """What the body says about the contact: at least an address or a phone number."""

    email: str | None
    phone: str | None
    name: str | None
    forwarded: bool = False     # the contact's own message was forwarded


# Numbers that are references, not phones: "Rechnung Nr. 2025-0417", "invoice #2025-0417", "Auftrag 4711-22"
_REFERENCE_BEFORE = re.compile(r"(?i:\b(?:nr|no|n°|nº|num|#|invoice|rechnung|facture|factura|order|auftrag|commande|"
                               r"pedido|ref|reference|référence|referencia|kundennummer|iban|konto|account)\b[.:#]?\s*)$")


def phone_numbers(text: str) -> list[tuple[int, str]]:
    found = []
    for m in PHONE.finditer(text[:20_000]):
        if _REFERENCE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        digits = sum(ch.isdigit() for ch in m.group())
        if 7 <= digits <= 15 and not re.fullmatch(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}", m.group()):
            found.append((m.start(), m.group().strip()))
    return found


def _name_from_address(text: str, email: str) -> str | None:
    """The capitalised name in the text that the address spells ("Julia Hahn" for julia.hahn@)."""
    parts = {p for p in re.split(r"[._+\-\d]+", fold(email.split("@")[0])) if len(p) >= 2}
    if not parts:
        return None
    for m in _NAME_IN_TEXT.finditer(text[:20_000]):
        words = m.group(1).split()
        folded = [fold(w) for w in words]
        if folded[0] in parts and (len(folded) == 1 or folded[1] in parts or len(parts) == 1):
            return " ".join(words[:2])
    return None


def _name_near(text: str, pos: int, known: set[str]) -> str | None:
    """A "First Last" line right above ``pos``, or a capitalised full name earlier in the text."""
    line_start = text.rfind("\n", 0, pos) + 1
    prev_end = line_start - 1
    for _ in range(2):
        if prev_end <= 0:
            break
        prev_start = text.rfind("\n", 0, prev_end) + 1
        line = text[prev_start:prev_end]
        m = _NAME_LINE.match(line)
        if m and fold(m.group(1).split()[0]) not in _NOT_NAMES and fold(m.group(1)) not in known:
            return m.group(1)
        if line.strip() and not EMAIL.search(line) and not phone_numbers(line):
            break
        prev_end = prev_start - 1
    return _name_in_text(text[:pos], known)


def _name_in_text(text: str, known: set[str]) -> str | None:
    best = None
    for m in _NAME_IN_TEXT.finditer(text[-3000:]):
        words = m.group(1).split()
        if fold(words[0]) in _NOT_NAMES:
            if len(words) < 3:
                continue
            words = words[1:]
        name = " ".join(words)
        # a relative may share the writer's last name ("my mom Linda Adams"): the first name decides
        if fold(name) in known or fold(words[0]) in known:
            continue
        best = name
    return best


_FORM_NAME = re.compile(r"^\s*(?:full name|your name|name|nombre|nom|vorname und nachname)\s*:\s*(.{2,60}?)\s*$",
                        re.IGNORECASE | re.MULTILINE)


_FORM_EMAIL = re.compile(r"^[ \t]*(?:e-?mail|email address|e-mail-adresse|correo(?: electr[oó]nico)?|courriel|"
                         r"adresse e-?mail|mail)[ \t]*:[ \t]*<?([\w.+-]{1,64}@[\w.-]{1,200})>?[ \t]*$",
                         re.IGNORECASE | re.MULTILINE)
_FORM_PHONE = re.compile(r"^[ \t]*(?:phone|telephone|tel|telefon|tel[ée]fono|t[ée]l[ée]phone|mobile|handy|m[oó]vil|"
                         r"portable)\.?[ \t]*:[ \t]*(\+?[\d ()./-]{6,30})[ \t]*$", re.IGNORECASE | re.MULTILINE)


def pasted_form(text: str, exclude: set[str]) -> LeadContact | None:
    """The person of a web-form submission pasted into the mail without its headers.

    Webmasters and receptionists paste or forward "New submission / Name: ... / Email: ... / Message:"
    blocks, often below their sign-off or under a bare "Mensaje original" line: the Name and Email
    fields, on lines of their own, are the person asking, not the writer.
    """
    text = text[:20_000]
    if "@" not in text or ":" not in text:
        return None
    name = _FORM_NAME.search(text)
    field = _FORM_EMAIL.search(text)
    if name is None or field is None:
        return None
    email = field.group(1).lower().rstrip(".")
    if email in exclude or is_automated(email):
        return None
    phone = _FORM_PHONE.search(text)
    return LeadContact(email, phone.group(1).strip() if phone else None, name.group(1), forwarded=True)


def _form_contact(text: str, exclude: set[str], known_names: set[str]) -> LeadContact | None:
    """The person a forwarded form notification is about: its email field, name field and phone."""
    for m in EMAIL.finditer(text[:20_000]):
        email = m.group().lower().rstrip(".")
        if email in exclude or is_automated(email):
            continue
        name = _FORM_NAME.search(text[:20_000])
        phones = phone_numbers(text)
        return LeadContact(email, phones[0][1] if phones else None,
                           name.group(1) if name else _name_from_address(text, email), forwarded=True)
    return None


# A pasted voicemail notification: "Voicemail from (541) 555-0163", "Message vocal de 06 55 50 01 77",
# "Mensaje de voz de ...", "Sprachnachricht von ...". The caller is the contact.
_VOICEMAIL = re.compile(r"(?i)\b(?:voice ?mail|message vocal|mensaje de voz|nota de voz|sprachnachricht|"
                        r"mailbox-nachricht|anrufbeantworter)[ \t]{0,3}(?:from|de|von|:)[ \t]{0,3}:?[ \t]{0,3}")


def voicemail_contact(text: str) -> LeadContact | None:
    """The caller of a voicemail pasted into the mail, by the number the notification shows.

    Such a transcript often sits below the sender's sign-off, where phone numbers are normally the
    sender's own; the notification line says whose number it is.
    """
    for m in _VOICEMAIL.finditer(text[:20_000]):
        found = phone_numbers(text[m.end():m.end() + 40])
        if found and found[0][0] == 0:
            return LeadContact(None, found[0][1], None)
    return None


_VCARD_LINE = re.compile(r"^(?:item\d+\.)?(FN|EMAIL|TEL)(?:;[^:\n]{0,200})?:(.{1,200})$", re.IGNORECASE | re.MULTILINE)


def vcard_contact(card: str, exclude: set[str]) -> LeadContact | None:
    """The person of an attached contact card (vCard): FN, EMAIL and TEL lines, folded lines joined."""
    text = re.sub(r"\r?\n[ \t]", "", card[:8000])
    name = email = phone = None
    for m in _VCARD_LINE.finditer(text):
        key, value = m.group(1).upper(), m.group(2).strip()
        if key == "FN" and name is None:
            name = value.replace("\\,", ",") or None
        elif key == "EMAIL" and email is None:
            found = EMAIL.search(value)
            if found and found.group().lower() not in exclude:
                email = found.group().lower()
        elif key == "TEL" and phone is None:
            phone = value.removeprefix("tel:") or None
    if email is None and phone is None:
        return None
    return LeadContact(email, phone, name)


def find_contact(new_text: str, forwarded: tuple[Forwarded, ...], exclude: set[str],
                 known_names: set[str], phones: bool = True,
                 links: tuple[tuple[str, str], ...] = ()) -> LeadContact | None:
    """The contact of a lead, from body details or a forwarded request; None when nothing is given.

    ``exclude`` holds addresses that cannot be the contact (sender, recipients, tracker);
    ``known_names`` the folded names and name words of those people; ``phones=False`` ignores phone
    numbers (in a signature they are the sender's own); ``links`` are (words, address) of HTML
    mailto links, whose address the text conversion hides.
    """
    for m in EMAIL.finditer(new_text):
        email = m.group().lower().rstrip(".")
        if email in exclude or email.split("@")[0] in ("noreply", "no-reply", "info", "hello", "office"):
            continue
        phones = [p for pos, p in phone_numbers(new_text) if abs(pos - m.start()) < 200]
        name = _name_from_address(new_text, email) or _name_near(new_text, m.start(), known_names)
        return LeadContact(email, phones[0] if phones else None, name)
    for text, email in links:
        # an HTML mailto link whose words (a name) appear in the new text
        if email not in exclude and text and text in new_text and "@" not in text:
            pos = new_text.index(text)
            near = [p for p_pos, p in phone_numbers(new_text) if abs(p_pos - pos) < 200]
            return LeadContact(email, near[0] if near else None, text)
    for fwd in forwarded:
        senders = parse_addresses([fwd.get("from")]) if fwd.get("from") else ()
        for a in senders:
            if is_automated(a.email):
                # a web-form notification: the person is in its "Email:" field, not the robot sender
                found = _form_contact(fwd.text, exclude | {a.email}, known_names)
                if found is not None:
                    return found
                continue
            form = pasted_form(fwd.text, exclude | {a.email})
            if form is not None:
                # a portal's inquiry ("HomeScout Leads", "ImmoPortal Anfragen"): its Name and Email fields
                # are the person asking, not the portal that sent it
                return form
            if a.email not in exclude:
                phones = phone_numbers(fwd.text)
                return LeadContact(a.email, phones[0][1] if phones else None, a.name or None, forwarded=True)
    found = phone_numbers(new_text) if phones else []
    if found:
        pos, phone = found[0]
        return LeadContact(None, phone, _name_near(new_text, pos, known_names))
    return None


__all__ = ["LeadContact", "find_contact", "pasted_form", "vcard_contact", "voicemail_contact", "EMAIL", "PHONE", "phone_numbers"]
