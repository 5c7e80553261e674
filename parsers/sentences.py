"""Sentences of an introduction, and who each one is said to.

A vocative at the start of a sentence ("Dana,", "Hi Mark,", "Bea:", "Carlos meet Emily") or at its
end ("You came to mind, Marcus.") names the addressee; "you" then means that person, and the
addressee stays until another vocative, a greeting to both, or a sentence that talks about them.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .cues import ABBREV, GREETINGS
from .names import WORD, Mention


@dataclass
class Sentence:
    """A span of the text and the party it is said to (None: to both, or unknown)."""

    start: int
    end: int
    addressee: str | None
    vocative_end: int          # text before this offset is the vocative ("Dana, ")


# An emoji followed by a space ends a sentence in mobile mail ("the photos are unreal 📸 Tom meet Jess").
_BOUNDARY = re.compile(r"\n|[.!?;]+(?=[\s\"')\]]|$)|[\U0001F300-\U0001FAFF\u2600-\u27BF]+(?= )")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: blank lines, short greeting lines and sentence punctuation end a sentence."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    for b in _BOUNDARY.finditer(text):
        i = b.start()
        if text[i] == "\n":
            line_start = text.rfind("\n", 0, i) + 1
            line = text[line_start:i].rstrip()
            nxt = text[i + 1:i + 2]
            if not (nxt == "\n" or nxt == "" or (len(line) < 60 and line.endswith((",", ":", "–", "—", "-", "!")))
                    or (len(line) < 45 and line and not line.endswith((".", "?", ",")) and nxt.isupper()
                        and len(line.split()) <= 5)):
                continue
        elif text[i] == ".":
            j = i - 1
            while j >= 0 and j > i - 8 and (text[j].isalpha() or text[j] == "."):
                j -= 1
            word = text[j + 1:i].lower()
            if word in ABBREV or (len(word) == 1 and word.isalpha()):
                continue
            if i > 0 and text[i - 1].isdigit() and text[b.end():b.end() + 1] == " " and (
                    text[b.end() + 1:b.end() + 2].islower() or _ORDINAL_BEFORE.search(text, max(0, i - 12), i)):
                # a German ordinal ("in der 10. und braucht", "im 2. OG", "am 3. März"): the sentence goes on
                continue
        end = b.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, n))
    return spans


_TITLE_DOT = re.compile(r"\b(dr|mr|mrs|ms|prof|sr|sra|mme|m|st)\.", re.IGNORECASE)
_VOC_END = ("meet ", "meet,", "this is", "here's", "here is", "je te", "je vous", "te presento", "les presento",
            "darf ich", "ich m", "ich stelle", "voici", "les presento", "os presento")
_VOC_JOIN = ("and ", "& ", "et ", "und ", "y ", "e ")


_ORDINAL_BEFORE = re.compile(r"\b(?:im|am|der|die|das|den|dem|des|zum|zur|vom|ab|bis|seit|ihr|ihre|ihrem|seine|seinem)\s\d{1,3}$")
_GROUP_NOUN = re.compile(r"(?i:team|folks|crew|[ée]quipe|equipo)[ \t]{0,3}(?=[,:–—!-])")


# "Bonjour à l'équipe de la Coopérative,", "Hello to the team at Brightside,", "Hola al equipo de Lumen,":
# a firm greeted as its team
_TEAM_WORDS = frozenset("à a l'équipe l'equipe équipe equipe de la du des le to the team at of al equipo del an das "
                        "ans von der die everyone all folks gang".split())


def vocative(text: str, start: int, end: int, mentions: list[Mention], m_starts: list[int],
              parties: set[str]) -> tuple[list[str], int]:
    """Parties addressed at the start of a sentence ("Dana,", "Hi Mark,", "Bea:", "Tariq, Renee –",
    "Hi Hannah and Dana,", "Carlos meet Emily").

    A run of names counts only up to the last name that is followed by punctuation or "meet":
    "Courtney, Raj and his partner are moving" addresses Courtney alone. Returns the addressed
    parties and where the vocative ends.
    """
    addressed: list[str] = []
    confirmed: list[str] = []
    confirmed_end = start
    pos = start
    i = bisect_left(m_starts, start)
    while i < len(mentions) and mentions[i].start < end:
        gap = text[pos:mentions[i].start]
        words = [w.lower() for w in WORD.findall(gap)]
        bare = _TITLE_DOT.sub(" ", gap)
        team = not addressed and any(w in _TEAM_WORDS for w in words)
        if any(w not in GREETINGS and not (team and w in _TEAM_WORDS) for w in words) or len(words) > (7 if team else 4) \
                or any(c in bare for c in ".!?;"):
            break
        m = mentions[i]
        if m.email not in parties:
            break
        addressed.append(m.email)
        after = text[m.end:m.end + 16]
        stripped = after.lstrip(" ")
        low = stripped.lower()
        pos = m.end + (len(after) - len(stripped))
        group = _GROUP_NOUN.match(text, pos)
        if group is not None:
            # "Lumen team -", "équipe Dupont :": a company inbox addressed as its team
            pos = group.end()
            stripped = text[pos:pos + 16]
            low = stripped.lower()
        if stripped[:2] in (".,", ".:"):
            # "Dra., mi amiga Jimena ...": a title's dot, then the vocative's comma
            pos, stripped, low = pos + 1, stripped[1:], low[1:]
        if stripped[:1] == "," and _RELATIVE_AFTER_COMMA.match(low, 1):
            # "Jeremy Ong, whose family office is ...": a sentence about him, not to him
            break
        if stripped[:1] in (",", ":", "–", "—", "-", "!", "\n") or low.startswith(_VOC_END) or (
                not confirmed and low.startswith(("you ", "your ", "u ", "you'", "i ", "can you", "could you", "would you",
                                                  "please ", "did you", "have you", "do you", "are you", "this is"))) or (
                # "frank my neighbor jorge's furnace died": a name typed without a capital as the message's
                # first word speaks to that person
                not confirmed and text[m.start:m.start + 1].islower() and not text[:m.start].strip()):
            confirmed = list(addressed)
            confirmed_end = pos + (1 if stripped[:1] in (",", ":", "–", "—", "-", "!") else 0)
            if low.startswith(_VOC_END):
                break
            pos = confirmed_end
            i += 1
            continue
        if low.startswith(_VOC_JOIN):
            pos += low.index(" ") + 1
            i += 1
            continue
        if i + 1 < len(mentions) and mentions[i + 1].start == pos and mentions[i + 1].email != m.email:
            # "alice victor - jasmine's leaving the agency": two people addressed with nothing between
            i += 1
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        gap = text[pos:nxt.start] if nxt is not None else ""
        gap_words = {w.lower() for w in WORD.findall(gap)}
        if nxt is not None and nxt.email == m.email and len(gap) <= 12 and gap_words and gap_words <= _TEAM_WORDS and \
                all(c.isalpha() or c.isspace() for c in gap):
            # "Equipo de Turia:": the firm's team and its name, one vocative
            addressed.pop()
            pos = nxt.start
            i += 1
            continue
        break
    if confirmed and _on_contact_card(text, mentions[bisect_left(m_starts, start)].start):
        return [], start
    return confirmed, confirmed_end


_RELATIVE_AFTER_COMMA = re.compile(r"\s*(?:who|whose|whom|which|qui|dont|quien|quienes|cuyo|cuya|dessen|deren|"
                                   # "Ray Dominguez, copied, is closing on ...": an aside, not a vocative
                                   r"copied|cc'?d|cced|also copied|en copie|en copia|in cc|in kopie)\b")


# A line of contact details: a phone number or an address alone, perhaps after a label.
_DETAILS_LINE = re.compile(r"[ \t]*(?:(?:tel|phone|mobile|cell|t[ée]l|m[óo]vil|handy|e-?mail|mail)\.?:?[ \t]*)?"
                           r"(?:\+?[\d(][\d ()./-]{6,24}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6})[ \t]*",
                           re.IGNORECASE)


def _on_contact_card(text: str, name_at: int) -> bool:
    """"Paddy Quinn – Quinn's Butchers, Naas" above a phone number is a contact card, not someone
    spoken to."""
    line_end = text.find("\n", name_at)
    if line_end < 0:
        return False
    next_end = text.find("\n", line_end + 1)
    return _DETAILS_LINE.fullmatch(text, line_end + 1, next_end if next_end >= 0 else len(text)) is not None


def starts_with_mention_of(text: str, start: int, end: int, mentions: list[Mention], m_starts: list[int],
                            email: str) -> bool:
    k = bisect_left(m_starts, start)
    if k >= len(mentions) or mentions[k].start >= end or mentions[k].email != email:
        return False
    # "Tom has a mole", "Frau Dr. Schulz eröffnet ...": only titles before the name
    return _TITLES_ONLY.fullmatch(text, start, mentions[k].start) is not None and \
        text[mentions[k].end:mentions[k].end + 1] not in (",", ":")


_TITLES_ONLY = re.compile(r"\s*(?:(?:Herrn?|Frau|Dr\.?|Prof\.?|Mr\.?|Mrs\.?|Ms\.?|Mme|M\.|Me|Ma[iî]tre|Sr\.?|Sra\.?|"
                          r"D\.|Dª|Don|Doña|Madame|Monsieur)\s+){0,3}")


def trailing_vocative(text: str, start: int, end: int, mentions: list[Mention], m_starts: list[int],
                       parties: set[str]) -> str | None:
    """A party named at the very end of a sentence after a comma: "You came to mind, Marcus."."""
    k = bisect_left(m_starts, end) - 1
    if k < 0 or mentions[k].start < start or mentions[k].email not in parties:
        return None
    m = mentions[k]
    before = text[max(start, m.start - 3):m.start]
    after = text[m.end:end].strip()
    if "," in before and after in ("", ".", "!", "?", "!!", "...", ":)", "!)") and m.start - start > 15:
        return m.email
    return None


# After a name set off by commas inside a sentence, what shows it is spoken to: "..., Siobhan, you will need"
_SPOKEN_AFTER = re.compile(r",[ \t]*(?:you|your|you'|u |can you|could you|would you|please|do you|tu |vous |du |sie |usted |te |le )",
                           re.IGNORECASE)


def inner_vocative(text: str, start: int, end: int, mentions: list[Mention], m_starts: list[int],
                   parties: set[str]) -> str | None:
    """A party named between commas inside a sentence, then spoken to: "Now that the offer is through,
    Siobhan, you will need a conveyancer"."""
    k = bisect_left(m_starts, start)
    while k < len(mentions) and mentions[k].start < end:
        m = mentions[k]
        if m.email in parties and m.start - start > 3 and text[max(start, m.start - 2):m.start].strip() == "," and \
                _SPOKEN_AFTER.match(text, m.end, end):
            return m.email
        k += 1
    return None

