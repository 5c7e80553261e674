"""Finding referrals in mail copied to the tracker: who refers whom to whom, for what.

The steps, each in its own module:

1. :mod:`parsers.text` keeps only what the sender just wrote (no quoted history, no signature);
2. the people introduced are the addressed people minus the referrer and our own addresses; an
   assistant writing "on behalf of" her boss makes the boss the referrer;
3. :mod:`parsers.intent` tells an introduction from a permission request, a promise, a reply-all
   to an earlier introduction or plain scheduling;
4. :mod:`parsers.roles` decides who provides and who needs the service (or neither, for peers);
5. :mod:`parsers.categories` names the service;
6. with a single addressed person, :mod:`parsers.leads` looks for a contact passed on in the body.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Literal

from . import addresses, intent
from .categories import Vocabulary, vocabulary
from .category_choice import best, category_scores, domain_categories, shared_inbox
from .envelope import Envelope
from .leads import PHONE, LeadContact, find_contact, pasted_form, vcard_contact, voicemail_contact
from .mime import Decoded, parse_addresses
from .model import Address, Referral, Tracking
from .names import NICKNAMES, Mention, Person, domain_words, make_person, name_index, personal_mailbox, same_organisation
from .roles import FIRM_SALUTATION, Reading, read_roles, read_subject
from .cues import BOTH, GREETINGS, PRESENTATIVE
from .intent import any_cue, count_cues
from .text import Body, Forwarded, Tokens, fold, fold_aligned, quoted_author, split_body

MAX_PARTIES = 8


@dataclass(frozen=True)
class Found:
    """The referrals found (possibly none) and, in a few words, why: stored with the message."""

    referrals: tuple[Referral, ...]
    reason: str
    undirected: bool = False    # two people and nothing said of either's role: the direction is a guess


# A title before a name ("Dr.", "Herrn Dr.", "M.", "Sra."): up to two of them.
_TITLES = (r"(?:(?:D|Dña|Dª|Don|Doña|Sr|Sra|Dr|Dra|Lic|Licda|Ing|Arq|Herrn?|Frau|M|Mme|Me|Ma[iî]tre|Mr|Mrs|Ms|Prof|"
           # a profession used as a title: "Herrn Rechtsanwalt Dr. von Berg", "Notar Keller", "RAin Vogt"
           r"Rechtsanwalt|Rechtsanwältin|RA|RAin|Notar|Notarin|Steuerberater|Steuerberaterin|Abogado|Abogada|"
           r"Notario|Notaria|Notaire|Avocat|Avocate)\.?\s+){0,3}")
# A name of one or two words, each perhaps after a lowercase particle ("von Berg", "de la Cruz")
_PARTICLE = r"(?:(?:von|van|de|del|della|da|di|du|der|den|ter|zu|la|le)\s+){0,2}"
_NAME = r"(" + _PARTICLE + r"[A-ZÀ-Ý][\w'’-]+(?:\s+" + _PARTICLE + r"[A-ZÀ-Ý][\w'’-]+)?)"
_ON_BEHALF = re.compile(
    r"(?i:\b(?:on behalf of|im auftrag von|in vertretung von|de la part de|[àa] la demande de|sur (?:la )?demande de|"
    r"en nombre del?|de parte del?|a petici[óo]n del?|in the name of|at the request of|auf bitte von|"
    r"por (?:instrucciones|indicaci[óo]n|encargo) del?|sur (?:les )?instructions? de|auf (?:anweisung|wunsch) von|"
    r"at the direction of|on the instructions of|"
    r"per conto di|a nome di|em nome de))\s+"
    r"(?:(?:la|el|the|der|des|du)\s+)?" + _TITLES + _NAME + r"|"
    # "Richard asked me to connect you both", "Dr. Holloway asked me to send this introduction"
    # (but "Dana asked me to connect her with..." makes Dana a party)
    r"\b" + _NAME + r"\s+(?i:asked me to|wanted me to|would like me to|has asked me to)\s+"
    r"(?i:(?:type|write)\s+(?:this|it|the following)\s+(?:for (?:him|her)|on (?:his|her) behalf)\b|"
    r"(?:connect|introduce|put|loop|send)\s+(?:you|the two of you|both of you|this introduction|this intro|"
    r"an introduction|an intro|the introduction)\b|(?:pass along|pass on|forward|send you|share)\s+(?:the|these|this|her|his|their)\s+"
    r"(?:details|contact|referral|lead|information|info)\b)|"
    r"\b" + _NAME + r"\s+(?i:bat mich|hat mich gebeten|m'a demand[ée] de|me pidi[óo] que)\s+"
    r"(?i:euch|sie|dich|ihnen|vous|te|les|os)\b|"
    r"(?i:\b(?:assistant|executive assistant|EA|PA|assistentin|assistent|assistante|assistante de direction|asistente|"
    r"secretary|secretaria|secrétaire|sekretärin|sekretär|assistenz)\s+(?:to|of|von|de|del|des|di)|\bsekretariat(?:\s+von)?)\s+"
    + _TITLES + _NAME + r"|"
    # a signature that says for whom: "Joan Pettigrew (for Albert Pettigrew)", "(pour Jean Martin)"
    r"\((?i:for|pour|für|fur|para|por|i\.\s?a\.)\s+" + _TITLES + _NAME + r"\)")
# "on her behalf", "in seinem Auftrag", "de sa part": the principal is the one named before
_ON_BEHALF_WORDS = ("behalf", "asked me", "wanted me", "would like me", "auftrag", "part de", "nombre de", "parte de", "name of",
                    "assistant", "assistent", "asistente", "secretary", "secretaria", "secrétaire", "sekretär", "gebeten",
                    "bat mich", "demand", "pidi", " ea ", " pa ", "request of", "bitte von", "vertretung", "petici",
                    "conto di", "nome di", "nome de", "assistenz", "instruc", "indicaci", "encargo", "anweisung",
                    "wunsch von", "direction of", "sekretariat", "(for ", "(pour ", "(für ", "(fur ", "(para ", "(por ")
_REPLY_PREFIX = re.compile(r"^\s*((re|aw|sv|antw|r|rif|res|vs)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_FWD_PREFIX = re.compile(r"^\s*((fwd?|wg|tr|rv|enc|i)\s*:\s*)+", re.IGNORECASE)
# A forwarded message asking for help: the forward is a lead.
_REQUEST = re.compile(
    r"\b(do you (know|have|still have|handle|do|offer|take)|are you available|(we'd|i'd|we would|i would) like|"
    r"can you (help|quote)|a quote|know anyone|know of|recommend|looking for|need|needs|anyone|who do you use|"
    r"kennst du|kennen sie|suche|sucht|brauch|empfehlen|connais|cherche|besoin|recommand|conoces|conoce|"
    r"alguien|busco|busca|necesit|recomiend|quisiera|queremos|quiero|me pasas|nos pasas|presupuesto|devis|connaitr|"
    r"angebot|kostenvoranschlag|mochten|voudrions|voudrais|aimerions|aimerais|hattest du|hatten sie|kapazitat|"
    r"konntest du|konnten sie|konnen sie|kannst du|jemanden|einen kontakt|auriez-vous|aurais-tu|tendrias|tendria|"
    # "who does yours?", "qui fait ta compta ?", "¿quién te lleva los papeles?", "wer macht eure Steuer?"
    r"who does (yours|your|ur)|who did (yours|your|ur)|qui (fait|s'occupe de) (ta|ton|tes|votre|vos)|quien te (hace|lleva)|"
    r"wer macht (deine|eure|ihre|dein|euer)|"
    # wants and symptoms: "want a proper website", "water coming through the ceiling", "ne marche plus"
    r"\bwants?\b|would love|require|enquiry|inquiry|leak|water coming|broken|not working|stopped working|"
    r"doesn't (work|open)|problem with|issue with|ne marche plus|ne fonctionne plus|fuite|funktioniert nicht|"
    r"kaputt|undicht|no funciona|gotera|se rompio|"
    # "pourriez-vous nous indiquer à qui nous adresser ?", "who should we see?", "¿a quién podemos acudir?"
    r"a qui (nous|m'|me|vous) adresser|who (should|can|could) (we|i) (see|call|contact|go to)|"
    r"a quien (podemos |puedo )?(acudir|dirigirnos|dirigirme|llamar)|an wen (konnen |kann |sollen |soll )?(wir uns|ich mich) wenden)")


def find_referrals(decoded: Decoded, env: Envelope, tracking: Tracking) -> Found:
    """Introductions (two addressed people), leads (one addressed provider), or a reason for neither."""
    sender = env.sender
    if sender is None:
        return Found((), "no sender")
    vocab = vocabulary(tuple(tracking.category_synonyms))
    sender_person = make_person(sender)
    body = split_body(decoded.text, _sign_names(sender_person))
    recipients = _recipients(env, tracking, sender.email)
    referrer = sender
    behalf = _on_behalf(env.subject, body, recipients)
    if behalf is not None:
        referrer = behalf
        recipients = [a for a in recipients if a.email != behalf.email]
    elif (principal := _principal_copied(body, recipients, sender) or _principal_in_text(body, recipients, sender) or
          _principal_copied_elsewhere(body, env, recipients, sender)) \
            is not None:
        referrer = principal
        recipients = [a for a in recipients if a.email != principal.email]
    elif (principal := _principal_quoted(body, decoded.text, env, recipients, sender)) is not None:
        referrer = principal
        recipients = [a for a in recipients if a.email != principal.email]
    elif _staff_behind(sender, env.reply_to) is not None:
        referrer = env.reply_to

    forwarded = body.forwarded + tuple(_attached(decoded))
    if not forwarded and body.quoted_messages and _FWD_PREFIX.match(env.subject or ""):
        # Outlook forwards under "-----Original Message-----" like a reply: the subject says "FW:"
        forwarded = body.quoted_messages
    if len(recipients) < 2:
        fwd = _forwarded_introduction(forwarded, tracking, sender, recipients)
        if fwd is not None:
            return fwd
    if len(recipients) >= 2:
        found = _introduction(env, body, recipients, referrer, vocab, full_text=decoded.text)
        colleague_only = len(recipients) == 2 and (not found.referrals or all(
            same_organisation(r.contact or "", referrer.email) for r in found.referrals))
        if colleague_only:
            # a lead for one person, with the writer's colleague copied ("Kate's cc'd, she'll send
            # you the plans"): the colleague is no customer of the other
            others = [a for a in recipients if not same_organisation(a.email, referrer.email)]
            if len(others) == 1:
                lead = _lead(env, body, forwarded, others[0], referrer, vocab, tracking, decoded.mailto_links,
                             decoded.vcards)
                if lead.referrals:
                    return lead
        if (not found.referrals and not found.reason.startswith("a reply") and
                (_passes_on(body.new, sender.email) or _forwards_request(forwarded, recipients, sender))) or \
                (found.undirected and BOTH.search(fold(body.new))):
            # "I'm sending this to both of you ... please contact our treasurer": one lead, sent to
            # every provider addressed (and "need you both ... Bill's email is ...": two firms with
            # nothing said of either as a customer are not each other's)
            shared = _lead_to_each(env, body, forwarded, recipients, referrer, vocab, tracking, decoded)
            if shared.referrals:
                return shared
        if not found.referrals and not found.reason.startswith("a reply"):
            asked = _forwarded_asker_copied(env, body, forwarded, recipients, referrer, vocab)
            if asked is not None:
                return asked
        if not found.referrals and forwarded:
            # "Re-sending with Referloop copied": the writer forwards her own introduction to the
            # same people, and the forwarded text is the introduction to record
            own = tuple(f for f in forwarded if _from_address(f) == sender.email)
            resent = _forwarded_introduction(own, tracking, sender, recipients) if own else None
            if resent is not None:
                return resent
        return found
    if len(recipients) == 1:
        return _lead(env, body, forwarded, recipients[0], referrer, vocab, tracking, decoded.mailto_links,
                     decoded.vcards)
    return Found((), "nobody is addressed besides the sender and the tracker")


# Where a text gives the first name of someone it speaks to or about: "Hi Emma,", "Trish, Derek and his
# wife...", "Her name is Trish", "elle s'appelle Lise", "se llama Marta", "sie heißt Jana".
_GIVEN_NAME = re.compile(
    r"^[ \t]*(?:(?:hi|hello|hey|dear|morning|hallo|liebe|lieber|bonjour|salut|hola|querida|querido|estimada|estimado|"
    r"ch[èe]re|cher|don|doña|herr|frau|señor|señora|monsieur|madame|oi|ola|olá)[ \t]+)?(?P<voc>[A-ZÀ-Ý][a-zà-ÿ]{1,15})"
    # an honorific after the name: "Cem abi,", "Rajesh bhai,", "Ayşe Hanım,"
    r"(?:[ \t]+(?:abi|abla|bey|hanım|hanim|bhai|ji|didi|jan|san))?"
    r"(?:[ \t]*\([^()\n]{1,60}\))?(?:[ \t]*[,:–—!]|[ \t]+-[ \t]|[ \t]+&[ \t]+(?:team|co)\b)|"
    r"\b(?:her|his) name is (?P<named>[A-ZÀ-Ý][a-zà-ÿ]{1,15})\b|\b(?:s'appelle|se llama|hei(?:ß|ss)t) (?P<called>[A-ZÀ-Ý][a-zà-ÿ]{1,15})\b",
    re.MULTILINE | re.IGNORECASE)


def _name_shared_inbox(text: str, people: list[Person], referrer: Person) -> list[Person]:
    """A firm's shared inbox (hello@, office@) greeted by a person's first name ("Hi Emma,"): when it
    is the only one addressed whom the text never names, and one first name in the text belongs to
    nobody on the email, that name is the inbox's."""
    if any(_first_name_local(p) for p in people):
        folded = fold(text[:5000])
        people = [_first_name_address(p, folded) for p in people]
    inboxes = [p for p in people if shared_inbox(p) or p.family or p.anonymous or _firm_display(p)]
    if not inboxes:
        return people
    known = set().union(*(p.keys for p in people), referrer.keys)
    firsts = [p.first for p in people + [referrer] if p.first]
    found: set[str] = set()
    for m in _GIVEN_NAME.finditer(text[:5000]):
        word = m.group("voc") or m.group("named") or m.group("called")
        key = fold(word)
        if word[0].isupper() and key not in known and key not in GREETINGS and key not in _NOT_GIVEN_NAMES and \
                key not in _KIN_KEYS and \
                not (len(key) >= 3 and any(len(f) > len(key) and f.startswith(key) for f in firsts)):
            # (not "Kay!!!" for Kayla: a short form of a name on the email)
            found.add(key)
    # (checked first: most texts greet only people the headers name). A household's mailbox may be
    # several people's: "Rosa cleans for us ... The email is her daughter Ana's".
    if not found or (len(found) > 1 and not (len(found) <= 3 and all(p.family for p in inboxes))):
        return people
    index = name_index(tuple(people) + (referrer,))
    # named by a person's name: not by the firm's ("Fahrschule Kurz", fahrschule-kurz.example)
    # ("l'auto-école du Pont" for "Auto-école du Pont" <contact@...>: a shared inbox's display name is the firm's)
    firm_words = {p.email: set(fold(p.display).replace("-", " ").split()) for p in people if shared_inbox(p)}
    named = {m.email for m in index.mentions(text[:5000])
             if not m.company and fold(text[m.start:m.end]) not in domain_words(m.email)
             and not set(fold(text[m.start:m.end]).replace("-", " ").split()) <= firm_words.get(m.email, set())}
    unnamed = [p for p in inboxes if p.email not in named]
    if len(unnamed) != 1:
        return people
    inbox = unnamed[0]
    named_inbox = dataclasses.replace(inbox, keys=inbox.keys | found, first=inbox.first or sorted(found)[0])
    return [named_inbox if p is inbox else p for p in people]


_LEGAL_FORM = re.compile(r"&|\b(?:gmbh|ltd|llc|inc|sarl|sas|s\.l\.|co\.|company|services|studio|clinic|praxis|kanzlei)\b",
                         re.IGNORECASE)


def _firm_display(p: Person) -> bool:
    """A firm's name as the display name of a personal-looking address ("Ash & Ember Chimney"
    <sooty@...>): whoever answers it is greeted by a first name the headers never give."""
    return _LEGAL_FORM.search(p.display) is not None


def _name_firm_people(text: str, people: list[Person], referrer: Person) -> list[Person]:
    """Firms' inboxes named by the firm ("🎺 Mariachi Los Alba (cc'd): ... Don Beto, Fer y Emilio se casan",
    "📸 Lente de Oro, Andrea y su equipo. ... Andrea, Fer busca"): a first name nobody on the email has,
    spoken to in the paragraph that just named a firm, is that firm's person."""
    index = name_index(tuple(people) + (referrer,))
    found = index.mentions(text[:5000])
    firms = {p.email for p in people if shared_inbox(p)} | {m.email for m in found if m.company}
    mentions = [m for m in found if m.email in firms and m.email != referrer.email]
    if not mentions:
        return people
    known = set().union(*(p.keys for p in people), referrer.keys)
    names: dict[str, set[str]] = {}
    for m in _SPOKEN_TO.finditer(text[:5000]):
        key = fold(m.group(1))
        if key in known or key in GREETINGS or key in _NOT_GIVEN_NAMES:
            continue
        paragraph = text.rfind("\n\n", 0, m.start())
        before = [x for x in mentions if paragraph < x.start < m.start()]
        if before:
            names.setdefault(before[-1].email, set()).add(key)
    for x in mentions:
        # "der Kontakt zu Frank von Dachbau Wendt", "Maria from Soto Flowers", "Lucie de l'Atelier Roux"
        m = _NAME_OF_FIRM.search(text, max(0, x.start - 40), x.start)
        if m is not None and fold(m.group(1)) not in known and fold(m.group(1)) not in _NOT_GIVEN_NAMES:
            names.setdefault(x.email, set()).add(fold(m.group(1)))
    if not names:
        return people
    return [dataclasses.replace(p, keys=p.keys | names[p.email]) if p.email in names else p for p in people]


# A name spoken to at the start of a sentence, perhaps with a title: "Don Beto,", "Andrea,"
_SPOKEN_TO = re.compile(r"(?:(?<=[.!?)] )|(?<=[.!?)]  )|^)(?:(?:Don|Doña|Herr|Frau|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Monsieur|Madame|"
                        r"Señor|Señora)[ \t]+)?([A-ZÀ-Ý][a-zà-ÿ]{1,15})[ \t]*,", re.MULTILINE)


# Kinship words used as a name when speaking to a relative: "Hi Mum, hi Priya", "Mum, Priya is the OT"
_KIN_WORDS = ("mum|mom|mam|mummy|mommy|mother|dad|daddy|father|mama|mamá|papa|papá|maman|mami|papi|mutti|vati|oma|opa|"
              "grandma|grandpa|gran|nan|nana|granny|grandad|abuela|abuelo|mamie|papy|tata")
_KIN_KEYS = frozenset(fold(w) for w in _KIN_WORDS.split("|"))   # ("Liebe Oma": a relative, not the firm's person)
_KIN_SPOKEN_TO = re.compile(r"(?:^|\b(?:hi|hello|hey|dear|liebe|lieber|hola|querida|querido|salut|coucou)[ \t]+|[.!?\n][ \t]*)"
                            r"(" + _KIN_WORDS + r")[ \t]*[,:!–—-]", re.IGNORECASE | re.MULTILINE)


def _name_kin(text: str, people: list[Person], referrer: Person, to: set[str]) -> list[Person]:
    """"Hi Mum, hi Priya": a kinship word spoken to names the writer's relative on the email, the one
    person who shares the writer's family name (of those in To, when several do)."""
    words = {fold(m.group(1)) for m in _KIN_SPOKEN_TO.finditer(text[:5000])}
    family = _family_name(referrer)
    if not words or not family:
        return people
    kin = [p for p in people if _family_name(p) == family]
    if len(kin) > 1:
        kin = [p for p in kin if p.email in to]
    if len(kin) != 1:
        return people
    return [dataclasses.replace(p, keys=p.keys | words) if p is kin[0] else p for p in people]


def _family_name(p: Person) -> str:
    """The last word of a two-word display name, else of an address like "david.lee@"; "" when neither says."""
    words = p.display.split()
    if len(words) >= 2:
        return fold(words[-1])
    parts = re.split(r"[._-]", p.email.split("@", 1)[0])
    return fold(parts[-1]) if len(parts) >= 2 else ""


# A first name right before the firm it works for: "Frank von Dachbau Wendt", "Maria from Soto Flowers"
_NAME_OF_FIRM = re.compile(r"\b([A-ZÀ-Ý][a-zà-ÿ]{1,15})[ \t]+(?:von|vom|from|at|of|de|du|chez|bei|del|de la|de l'|d')[ \t]*(?:the[ \t]+)?$")


# "On Tue, Ann <ann@x> wrote:", and a forwarded message's "From: Ann <ann@x>"
_ATTRIBUTION = re.compile(r"<([^<>@\s]+@[^<>\s]+)>[^\n]{0,60}?\b(?:wrote|schrieb|a écrit|escribió|ha scritto)\b|"
                          r"^[ \t>*]*(?:From|Von|De|Da)[ \t]*:[ \t]*[^\n<]{0,80}<([^<>@\s]+@[^<>\s]+)>|"
                          # "Am 25.11. um 10:30 schrieb Sabine Kühn <sabine@...>:"
                          r"\b(?:schrieb|a écrit|escribió|wrote)[ \t]+[^\n<]{0,60}<([^<>@\s]+@[^<>\s]+)>",
                          re.IGNORECASE | re.MULTILINE)


def _quoted_asker(quoted: str, parties: set[str]) -> str | None:
    """The party whose quoted message asks the writer for a recommendation, if exactly one does."""
    marks = list(_ATTRIBUTION.finditer(quoted[:20_000]))
    askers = set()
    for i, m in enumerate(marks):
        who = (m.group(1) or m.group(2) or m.group(3)).lower()
        if who not in parties:
            continue
        end = marks[i + 1].start() if i + 1 < len(marks) else min(len(quoted), m.end() + 2000)
        if _REQUEST.search(fold(quoted[m.end():end])):
            askers.add(who)
    return next(iter(askers)) if len(askers) == 1 else None


def _first_name_local(p: Person) -> str:
    """The address's local part when it could be a first name the display name does not give."""
    local = p.email.split("@", 1)[0].lower()
    if local in p.keys or not (local.isalpha() and len(local) >= 3) or local in _NOT_GIVEN_NAMES or \
            local in GREETINGS or shared_inbox(p):
        return ""
    return local


def _first_name_address(p: Person, folded: str) -> Person:
    """"Cidrerie Lemonnier" <pascal@...> greeted "Pascal,": a firm's display name over a person's own
    address; the first name in the address is theirs when the (folded) text uses it."""
    local = _first_name_local(p)
    if not local or local not in folded or not re.search(r"\b" + re.escape(local) + r"\b", folded):
        return p
    return dataclasses.replace(p, keys=p.keys | {local})


_NOT_GIVEN_NAMES = frozenset({
    "thanks", "thank", "cheers", "best", "regards", "sincerely", "note", "ps", "p.s", "update", "subject", "re", "fwd",
    "madame", "monsieur", "messieurs", "mesdames", "team", "all", "everyone", "folks", "guys", "sir", "madam",
    "merci", "danke", "gracias", "saludos", "gruss", "grusse", "cordialement", "amities", "bises", "besos",
    "beijos", "abracos", "bjs", "hugs", "love", "xoxo", "tschuss", "grussle", "liebe", "abrazos", "ciao", "yes", "no",
    "ok", "okay", "sure", "hey", "hi", "hello", "also", "btw", "quick", "good",
    # answers and fillers that start a sentence with a comma: "Oui, Chauffage Wouters à Evere."
    "oui", "non", "si", "ja", "nein", "doch", "genau", "vale", "claro", "bueno", "pues", "bon", "alors", "donc",
    "voila", "well", "so", "yeah", "yep", "nope", "absolutely", "definitely", "of", "natürlich", "naturlich",
})


def _lead_to_each(env: Envelope, body: Body, forwarded: tuple[Forwarded, ...], recipients: list[Address],
                  referrer: Address, vocab: Vocabulary, tracking: Tracking, decoded: Decoded) -> Found:
    """The same contact passed to several providers at once: a lead for each, or none at all. (A household's
    mailbox, "Famille Carron", is never a provider: with one addressed, this is no lead to each.)"""
    if any(make_person(a).family for a in recipients):
        return Found((), "a household is addressed: not a lead to each")
    refs: list[Referral] = []
    for provider in recipients:
        lead = _lead(env, body, forwarded, provider, referrer, vocab, tracking, decoded.mailto_links, decoded.vcards)
        if len(lead.referrals) != 1 or (refs and lead.referrals[0].contact != refs[0].contact):
            return Found((), "not one contact passed to everyone addressed")
        ref = lead.referrals[0]
        own = domain_categories(make_person(provider))
        if own and ref.category not in own:
            # one need, several trades ("Dachdeckerei Koch fürs Dach, Sanitär Wolff fürs Bad"): each
            # firm's lead is for the trade its own name says
            ref = dataclasses.replace(ref, category=own[0])
        refs.append(ref)
    return Found(tuple(refs), f"lead: one contact passed to {len(refs)} providers")


def _forwarded_asker_copied(env: Envelope, body: Body, forwarded: tuple[Forwarded, ...], recipients: list[Address],
                            referrer: Address, vocab: Vocabulary) -> Found | None:
    """Someone's own request forwarded to a provider with that someone copied ("Os reenvío el mensaje de mi
    vecino Álvaro (en copia)", "Je vous transfère la demande de M. Lefèvre (en copie)"): an introduction of
    the asker to the provider, even when the text names neither of them as such."""
    if len(recipients) != 2 or not forwarded:
        return None
    asker = next((a for a in recipients if a.email == _from_address(forwarded[0])), None)
    request = forwarded[0].text[:3000]
    if asker is None or not _REQUEST.search(fold(request)):
        return None
    provider = next(a for a in recipients if a is not asker)
    earlier = {a.email for a in parse_addresses([forwarded[0].get("to"), forwarded[0].get("cc")])}
    if _same_firm(provider.email, referrer.email) or provider.email in earlier:
        return None     # (a message the provider had already: the thread of an earlier introduction)
    people = [make_person(provider), make_person(asker)]
    reading = read_roles(body.new, people, make_person(referrer), vocab, default_addressee=provider.email)
    ev = reading.evidence
    if ev[asker.email].lean > 0 and ev[asker.email].lean > ev[provider.email].lean:
        return None     # the text describes the asker as the one who provides
    category = best(category_scores(reading, people[0], people[1], env.subject, vocab, extra_text=request))
    return Found((_provides(referrer, people[0], people[1], category, _names(people, referrer)),),
                 "introduction: the asker's forwarded request, the asker copied")


def _recipients(env: Envelope, tracking: Tracking, sender: str) -> list[Address]:
    """Everyone addressed who could be introduced: not the sender (nor the sender's other address,
    same display name), not our addresses, not robots."""
    seen: set[str] = set()
    out: list[Address] = []
    sender_name = fold(env.sender.name) if env.sender and len(env.sender.name.split()) >= 2 else ""
    for a in env.to + env.cc:
        if a.email == sender or addresses.is_tracking(a.email, tracking) or a.email in seen:
            continue
        if sender_name and fold(a.name) == sender_name:
            continue
        if addresses.is_automated(a.email):
            continue
        seen.add(a.email)
        out.append(a)
    return out[:MAX_PARTIES]


def _sign_names(person: Person) -> tuple[str, ...]:
    """How the sender may sign (full name, first name, nicknames): where the signature starts."""
    names = {fold(person.display)} if person.display else set()
    if person.first:
        names.add(person.first)
        names |= NICKNAMES.get(person.first, frozenset())
    return tuple(n for n in names if n)


def _attached(decoded: Decoded) -> list[Forwarded]:
    """Messages forwarded as attachments, in the same shape as inline forwards."""
    return [Forwarded(tuple((k, v) for k, v in m.headers if k in ("from", "to", "cc", "subject", "date")), m.text)
            for m in decoded.attached_messages[:3]]


def _principal_copied(body: Body, recipients: list[Address], sender: Address) -> Address | None:
    """The colleague an office writes for, copied on the email: named as the one who asked ("Caroline
    asked our office to make this introduction", "Frau Dr. Engel hat mich gebeten", "El Dr. Molina me
    pide que", "im Auftrag von Herrn Dr. Roth"), or, from an office or an assistant, as the one copied
    ("Le Dr Lemoine est en copie"). That colleague made the referral; the one who typed it did not.
    ("Kate's cc'd, she'll send you the plans" is a helper; "our Treasurer, who is copied in", a party.)"""
    colleagues = [a for a in recipients if a.email != sender.email and _same_firm(a.email, sender.email)]
    if not colleagues:
        return None
    text = body.new[:5000]
    office = (shared_inbox(make_person(sender)) or _ASSISTANT_WORDS.search(sender.name) is not None
              or _ASSISTANT_OF.search(body.signature[:600]) is not None or _OFFICE_TITLE.search(body.signature[:600]) is not None)
    found = [colleague for colleague in colleagues if _named_as_principal(text, make_person(colleague), office)]
    return found[0] if len(found) == 1 else None


def _principal_copied_elsewhere(body: Body, env: Envelope, recipients: list[Address], sender: Address) -> Address | None:
    """The person an assistant writes for, copied from an address of their own firm while the assistant
    writes from hers ("Peter asked me to send this from the airport ... Peter's cc'd", "Henri en copie m'a
    demandé de vous mettre en contact", "per Mark, Sofia catered ... Mark cc'd"): named as the one who asked
    and said to be copied (or signed for), with two other people left to introduce."""
    copied = [a for a in env.cc if a.email != sender.email and any(a.email == r.email for r in recipients)]
    if not copied or len(recipients) < 3:
        return None
    text = body.new[:5000]
    sign = f"{body.new[-300:]}\n{body.signature[:300]}"
    found: list[Address] = []
    for a in copied:
        person = make_person(a)
        mentions = name_index((person,)).mentions(text)
        said_copied = any(_SAID_COPIED.match(text, m.end) for m in mentions)
        signed_for = any(_SIGNS_FOR.search(sign, max(0, m.start - 30), m.end + 30)
                         for m in name_index((person,)).mentions(sign))
        asked = _named_as_principal(text, person) or any(text[max(0, m.start - 4):m.start].lower() == "per " for m in mentions)
        if asked and (said_copied or signed_for):
            found.append(a)
    return found[0] if len(found) == 1 else None


def _named_as_principal(text: str, person: Person, copied_counts: bool = False) -> bool:
    """The text names ``person`` as the one it is written for: "Caroline asked our office to", "on behalf
    of Graham Pell", "Dr. Whelan would like to refer" (and, with ``copied_counts``, "Caroline is copied")."""
    for m in name_index((person,)).mentions(text):
        before = text[max(0, m.start - 40):m.start]
        ends = list(_SENTENCE_OR_LINE_END.finditer(before))
        before = fold(before[ends[-1].end():] if ends else before)    # this sentence only
        if m.company or not _GROUP_WORDS.isdisjoint(before.split()):
            continue   # "on behalf of the committee of Harbour Sailing Club": a body, not a person
        # (from the possessive on: "Per Mr. Chen's request")
        after = fold(_rest_of_sentence(text, m.end - 2 if text[m.end - 2:m.end] in ("'s", "’s") else m.end))
        spoken_to = _VOCATIVE_MARK.match(after) is not None   # "Felix – you asked me to find someone"
        if (_ASKS.match(after) and not spoken_to) or _FOR_SOMEONE.search(before) or \
                (copied_counts and _COPIED.match(after)):
            return True
    return False


# A request to make an introduction (folded text): "can you introduce Marta Kowal to Desmond", "could you
# connect Jill with Sam", "bitte stell Frau Pohl Herrn Engel vor", "peux-tu présenter Karim à Sylvie",
# "¿puedes presentarle a Nuria?", "pon en contacto a".
_ASKS_TO_INTRODUCE = re.compile(
    r"\b(?:(?:can|could|would) you (?:please )?(?:introduce|connect|intro|put [^.?!\n]{0,40}in touch)|"
    r"please (?:introduce|connect|put [^.?!\n]{0,40}in touch)|"
    r"(?:bitte )?(?:stell|stelle|stellen sie)\b[^.?!\n]{0,80}\bvor\b|"
    r"(?:kannst du|konnen sie|konntest du|konnten sie)\b[^.?!\n]{0,80}(?:vorstellen|verbinden|vernetzen|bekannt machen|in kontakt bringen)|"
    r"(?:peux|pourrais|pouvez|pourriez)[- ](?:tu|vous) (?:presenter|me presenter|mettre [^.?!\n]{0,40}en (?:relation|contact))|"
    r"(?:puedes|podrias|puede|podria|podeis) (?:presentar|poner [^.?!\n]{0,40}en contacto|conectar)|"
    r"\bpresentale\b|\bponl[eo]s? en contacto\b)")


def _principal_quoted(body: Body, full_text: str, env: Envelope, recipients: list[Address],
                      sender: Address) -> Address | None:
    """The colleague whose request, quoted or forwarded below, the writer carries out ("As Greg asked below,
    introducing you both" over Greg's "Lina, can you introduce Marta to Desmond?"): the referral is the
    colleague's, the writer only typed it. (A colleague who asked to be introduced himself, "could you
    introduce me to your lawyer?", is on the email as the contact.)"""
    if body.forwarded or body.quoted_messages:
        # (an inline forward, or Outlook's "-----Original Message-----" block under "FW:")
        first = (body.forwarded or body.quoted_messages)[0]
        author, request = _author(first), first.text
    elif body.quoted:
        name, email = quoted_author(full_text)
        author, request = (Address(name, email) if email else None), body.quoted
    else:
        return None
    # (copied to see it done is fine: "Please copy me"; one of the two addressed is a party)
    if author is None or author.email == sender.email or not _same_firm(author.email, sender.email) or \
            any(a.email == author.email for a in env.to):
        return None
    asks = _ASKS_TO_INTRODUCE.search(fold(request[:2000]))
    return author if asks and not _ME_AFTER.match(fold(request), asks.end()) else None


_ME_AFTER = re.compile(r"\s*(?:me|moi|mich|mir)\b")


def _rest_of_sentence(text: str, start: int, limit: int = 90) -> str:
    end = _SENTENCE_END.search(text, start, start + limit)
    return text[start:end.start() if end else start + limit]


_SENTENCE_END = re.compile(r"[.!?\n]")
_VOCATIVE_MARK = re.compile(r"[ \t]*[,:–—-]")


def _principal_in_text(body: Body, recipients: list[Address], sender: Address) -> Address | None:
    """The colleague an assistant writes for, not on the email but given by address where the text says
    so: "Assistant to Marcus Bell | mbell@...", "(pour Jean-Luc Besnard, jl.besnard@...)", "Ravi Sethi
    (ravi@...) asked our client care team to put the two of you in touch"."""
    text = f"{body.new[:5000]}\n{body.signature[:2000]}"
    if "@" not in text:
        return None
    taken = {a.email for a in recipients} | {sender.email}
    # names the text gives as the one written for: "On behalf of Graham Pell", "Associate to Graham Pell"
    principals = {fold(w) for m in _NAMED_PRINCIPAL.finditer(text) for w in m.group(1).split()}
    found: dict[str, str] = {}
    for m in _ADDRESS_IN_TEXT.finditer(text):
        email = m.group(1).lower()
        if email in taken or not _same_firm(email, sender.email):
            continue
        before = text[max(0, m.start() - 100):m.start()]
        after = fold(_rest_of_sentence(text, m.end()).lstrip(" )"))
        if _ASSISTANT_OF.search(before) or _FOR_SOMEONE.search(fold(before)) or _FOR_WHOM.search(before) \
                or _ASKS.match(after) or not principals.isdisjoint(make_person(Address("", email)).keys):
            name = _NAME_BEFORE_ADDRESS.search(before)
            found[email] = name.group(1) if name else ""
    if not found:
        # "Dr. Blake asked that I introduce you two ... Dr. Owen Blake · owen@...", "Os escribo de parte del
        # Dr. Santamaría ... su correo es jsantamaria@...": the colleague named as the one who asked, whose
        # address the text gives anywhere
        new = body.new[:5000]
        for m in _ADDRESS_IN_TEXT.finditer(text):
            email = m.group(1).lower()
            if email in taken or email in found or not _same_firm(email, sender.email):
                continue
            name = _NAME_BEFORE_ADDRESS.search(text[max(0, m.start() - 100):m.start()])
            person = make_person(Address(name.group(1) if name else _name_in_local_part(email, text), email))
            if _named_as_principal(new, person):
                found[email] = person.display
    if len(found) != 1:
        return None
    email, name = next(iter(found.items()))
    return Address(name, email)


_CAPITALISED = re.compile(r"\b[A-ZÀ-Ý][a-zà-ÿ]{2,}\b")


def _name_in_local_part(email: str, text: str) -> str:
    """The capitalised words of the text that an address's local part spells ("jsantamaria@" and
    "Santamaría", "hfarouk@" and "Farouk"), as a name for that address; "" when none does."""
    pieces = [x for x in re.split(r"[._-]", email.partition("@")[0].lower()) if x]
    words: list[str] = []
    for w in dict.fromkeys(_CAPITALISED.findall(text)):
        f = fold(w)
        if any(x == f or (len(f) >= 4 and len(x) == len(f) + 1 and (x.endswith(f) or x.startswith(f))) for x in pieces):
            words.append(w)
    return " ".join(words[:3])


# Written for someone, said right before that person's name (in folded text: without accents)
_FOR_PHRASES = (r"on behalf of|at the request of|in the name of|im auftrag von|im namen von|en nombre del?|de parte del?|"
                r"au nom d[eu]|de la part d[eu]")
_NAMED_PRINCIPAL = re.compile(r"(?i:\b(?:" + _FOR_PHRASES + r"|(?:assistant|associate|coordinator|secretary) to))\s+"
                              + _TITLES + _NAME)
_ADDRESS_IN_TEXT = re.compile(r"(?<![\w.+-])([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
# "(pour Jean-Luc Besnard, ", "(for Anna Roy - "
_FOR_WHOM = re.compile(r"\((?:for|pour|für|fur|para|por)\s+[^()\n]{2,60}$", re.IGNORECASE)
# The name just before an address: "Marcus Bell | ", "Aitana Iriarte (", "Gregory Bostrom, CFP® | "
_NAME_BEFORE_ADDRESS = re.compile(r"((?:[A-ZÀ-Ý][\w'’-]+\s+){0,2}[A-ZÀ-Ý][\w'’-]+)(?:,[^,|(\n]{0,20})?\s*[|(,:–-]?\s*$")
# Said right after the colleague's name (folded): "asked me to", "has asked our office to", "hat Ihre
# Anfrage erhalten und mich gebeten", "bat mich", "me pide que", "m'a chargée de", "souhaite que nous"
_ASKS = re.compile(r"[^.!?]{0,60}?\b(asked (me|us|our ([\w-]+ ){0,2}?(office|team|staff)|the office) to|has asked (me|us)|asked that (i|we)|"
                   r"would like (me|us) to|wants (me|us) to|(mich|uns) (\w+ )?gebeten|(bat|bittet) (mich|uns)|"
                   r"(me|nos) (pide|pidio|ha pedido|han pedido|pidieron) que|(m'|nous )(a|avait) (demande|charge|chargee|charges) de|"
                   r"(me|nous) (demande|demandent|charge) de|"
                   # the colleague makes the referral: "Peter would like to refer one of his clients to you", "Herr
                   # Meili ... empfiehlt Ihnen", "Olivier souhaitait que vous vous rencontriez"
                   r"(would like|wants|wanted) to (refer|introduce|connect|recommend)|empfiehlt (ihnen|dir|euch)|"
                   r"(is referring|refers|has referred) (a|an|this|one|the)|(vous|te) (adresse|oriente|recommande) |"
                   # "überweist Ihnen eine Patientin", "dass sie Sie weiterempfohlen hat", "recommended you",
                   # "vous a recommandé", "le deriva a", "os recomendó"
                   r"(uberweist|uberweisen) (ihnen|dir|euch)|(sie|dich|euch) (\w+ )?(weiter)?empfohlen|recommended you|"
                   r"(vous|t') a recommande|(le|les|te|os) (deriva|remite|refiere)|(te|os|le|les) (ha )?recomend(o|ado)|"
                   r"(souhaite|souhaitait|voudrait) que (vous|je|nous)|recomienda (que|a))\b|['’]s (request|instructions)\b")
# Said right before the colleague's name: "on behalf of", "im Auftrag von Herrn", "en nombre de la letrada Dña."
_FOR_SOMEONE = re.compile(r"\b(" + _FOR_PHRASES + r"|auf (bitten|anregung|wunsch) von|a peticion del?|a la demande d[eu]|sur (la )?demande d[eu]|"
                          r"por (indicacion|encargo|instrucciones) del?|siguiendo (las )?instrucciones del?|sur (les |l')?instructions? de)\b"
                          r"[^!?\n]{0,40}$")
# Copied in, said right after the colleague's name: "Caroline is copied", "ist in Kopie", "est en copie", "va en copia"
_COPIED = re.compile(r"[ \t]*(is|are|has been) (copied|cc'?d|in cc|on (copy|cc))\b|[ \t]*(ist|sind) (\w+ )?in (kopie|cc)\b|"
                     r"[ \t]*(est|sont) (\w+ )?(en copie|en cc)\b|[ \t]*(va|van|esta|estan) (\w+ )?en (copia|cc)\b")
# The writer is someone's office: "Assistenz Dr. Roth" as the sender's name, "Assistant to ..." signing
_ASSISTANT_NOUNS = r"assistant|assistante|assistentin|assistenz|asistente|secretary|secretaria|secr[ée]tariat|sekretariat|sekret[äa]rin"
_ASSISTANT_WORDS = re.compile(r"(?i)\b(" + _ASSISTANT_NOUNS + r"|office|cabinet|praxis|kanzlei|front desk|"
                              r"reception|r[ée]ception|recepci[óo]n|empfang)\b")
# An office job title on a line of its own in the signature: "Practice Manager", "Legal Assistant"
_OFFICE_TITLE = re.compile(r"(?im)^[ \t]*(?:legal assistant|executive assistant|personal assistant|practice manager|office manager|"
                           r"receptionist|paralegal|praxismanager(?:in)?|rechtsanwaltsfachangestellter?|medizinische fachangestellter?|"
                           r"clerc de notaire|assistante juridique|assistante de direction|asistente de direcci[óo]n|secretari[ao])"
                           r"[ \t]*(?:[|,].*)?$")
_ASSISTANT_OF = re.compile(r"(?i)\b(" + _ASSISTANT_NOUNS + r"|coordinator|office|praxisteam|client care|on behalf)\s+"
                           r"(to|of|von|de|del|du|des|for|der|dr\.?)\b")
# Said right after a name, that the person is copied: "Peter's cc'd", "Henri en copie", "Antonio en copia,"
_SAID_COPIED = re.compile(r"(?:['’]s)?[ \t]*(?:(?:is|are|has been) )?(?:cc'?d|copied|in cc|en copie|en copia|in kopie|in cc)\b",
                          re.IGNORECASE)
# The writer signs as someone's assistant: "Noor (Peter's assistant)", "Chloé (assistante d'Henri)"
_SIGNS_FOR = re.compile(r"(?:['’]s (?:" + _ASSISTANT_NOUNS + r"|ea|pa)\b|\b(?:" + _ASSISTANT_NOUNS + r")\s+(?:d['’]|de |von |del? |to |of ))",
                        re.IGNORECASE)



def _same_firm(a: str, b: str) -> bool:
    """Two addresses at one firm's own domain: the same domain, not a webmail provider's."""
    return a.rpartition("@")[2] == b.rpartition("@")[2] and not personal_mailbox(a)


def _passes_on(text: str, sender: str) -> bool:
    """Someone's details passed on with words that say so ("Kontakt: ...", "he's expecting to hear from
    you", "to both of you"): with two providers addressed and nobody introduced, the mail is one lead for
    each of them. (An address of the writer's own firm, "reach my partner at marcus@...", "Zelle to
    billing@...", "apply to jobs@...", is no one's lead; a phone number alone needs a lead's words:
    "bitte ruft ihn an: 04321 555-0158".)"""
    domain = sender.rpartition("@")[2]
    folded = fold(text)
    lead_words = any_cue(intent.LEAD, Tokens(folded.replace("\n", " ")))
    if not any(m.group(1).lower().rpartition("@")[2] != domain for m in _ADDRESS_IN_TEXT.finditer(text)):
        return lead_words and "@" not in text and any(
            not _OWN_NUMBER.search(text, max(0, m.start() - 40), m.start()) for m in PHONE.finditer(text))
    return bool(BOTH.search(folded)) or lead_words


# The writer's own number, said just before it: "call our office at", "ruf mich an unter", "mi celular"
_OWN_NUMBER = re.compile(r"\b(our|my|us|me|unser\w*|mein\w*|mich|uns|notre|nos|mon|ma|moi|nous|nuestr\w*|mi|mis)\b",
                         re.IGNORECASE)


def _forwards_request(forwarded: tuple[Forwarded, ...], recipients: list[Address], sender: Address) -> bool:
    """Someone's own request forwarded to the providers addressed ("Je vous transfère la demande d'une
    copropriétaire ... Connaissez-vous des déménageurs ?"): a lead for each of them, the asker the contact."""
    addressed = {a.email for a in recipients} | {sender.email}
    for fwd in forwarded:
        author = _from_address(fwd)
        if author and author not in addressed and not _bulk_mail(fwd) and \
                _REQUEST.search(fold(fwd.text[:3000])):
            return True
    return False


def _staff_behind(sender: Address, reply_to: Address | None) -> Address | None:
    """The person who made an introduction sent from an organisation's shared address ("connect@",
    "info@") by a tool that puts the staff member in Reply-To: answers go to that person, who is the
    one to thank and to keep informed."""
    if reply_to is None or reply_to.email == sender.email or not shared_inbox(make_person(sender)):
        return None
    if shared_inbox(make_person(reply_to)) or not _same_firm(reply_to.email, sender.email):
        return None
    return reply_to


def _on_behalf(subject: str, body: Body, recipients: list[Address]) -> Address | None:
    """The boss an assistant writes for, when the boss is among the recipients."""
    text = f"{subject}\n{body.new}\n{body.signature}"[:8000]
    low = text.lower()
    if not any(word in low for word in _ON_BEHALF_WORDS):
        return None
    for m in _ON_BEHALF.finditer(text):
        name = next(g for g in m.groups() if g)
        words = {fold(w) for w in name.split()}
        if not _GROUP_WORDS.isdisjoint(fold(m.group()).split()):
            continue   # "on behalf of the committee of Kingsbridge Bowling Club": a body, not a person copied in
        # "M. Vasseur", "Herrn Dr. Weber": after a title a family name alone names the principal
        titled = m.start(m.lastindex) > m.start() and bool(re.search(r"\.\s*$|\b(?:Herrn?|Frau|Don|Doña|Mme|Mr|Mrs|Ms|Dr|Sr|Sra)\s+$",
                                                                      text[max(0, m.start(m.lastindex) - 8):m.start(m.lastindex)]))
        if _NEEDS_AFTER.match(text, m.end()):
            # "à la demande de Mme Roy (en copie), qui cherche un suivi": the one asking is the one in
            # need, a party, not a principal
            continue
        matching = [a for a in recipients
                    if (p := make_person(a)).first in words or (words & p.keys and (len(words) > 1 or titled))]
        if len(matching) == 1 or (matching and len(words) > 1):
            return matching[0]
    return None


_GROUP_WORDS = frozenset("committee board team club association society council company firm partners members "
                         "comite junta vorstand verein gemeinde conseil bureau asociacion comision".split())


_NEEDS_AFTER = re.compile(r"[^.!?\n]{0,30}?,\s*(?:qui (?:cherche|a besoin|souhaite|voudrait)|who (?:needs|is looking|wants|would like)|"
                          r"que (?:busca|necesita|quiere)|die (?:sucht|braucht|möchte)|der (?:sucht|braucht|möchte))\b", re.IGNORECASE)


_BULK_SENDER = re.compile(r"^(?:news|newsletter|noreply|no-reply|donotreply|do-not-reply|info|mailer|bulletin|updates|"
                          r"announce|digest|marketing|hello|lettre|infolettre|rundbrief|boletin|club|members|events?|"
                          r"evenements?|webinars?|webinaires?|veranstaltungen|eventos|seminars?|academy|community)[@.+-]",
                          re.IGNORECASE)
_NEWSY_SUBJECT = re.compile(r"\b(?:newsletter|la lettre|infolettre|bulletin|rundbrief|boletin|bolet[íi]n|digest|"
                            r"monthly update|news|webinar|webinaire|seminar|s[ée]minaire|conference|conf[ée]rence|"
                            r"invitation|einladung|invitaci[óo]n|save the date|live event)\b", re.IGNORECASE)
_UNSUBSCRIBE = re.compile(r"\b(?:unsubscribe|abmelden|abbestellen|se d[ée]sabonner|d[ée]sinscri|darse de baja|"
                          r"cancelar (?:la )?suscripci[óo]n|newsletter)\b", re.IGNORECASE)


def _bulk_mail(fwd: Forwarded) -> bool:
    """A forwarded newsletter or announcement: sent from a list address, or offering to unsubscribe."""
    subject = fwd.get("subject") or ""
    bulk_sender = bool(_BULK_SENDER.match(_from_address(fwd)))
    return (bulk_sender and bool(_UNSUBSCRIBE.search(fwd.text[-3000:]) or _NEWSY_SUBJECT.search(subject))) or \
        bool(_UNSUBSCRIBE.search(subject))


def _author(fwd: Forwarded) -> Address | None:
    """Who wrote a forwarded or quoted message, from its own From line."""
    frm = parse_addresses([fwd.get("from")]) if fwd.get("from") else ()
    return frm[0] if frm else None


def _from_address(fwd: Forwarded) -> str:
    author = _author(fwd)
    return author.email if author else ""


def _forwarded_introduction(forwarded: tuple[Forwarded, ...], tracking: Tracking, sender: Address,
                            recipients: list[Address] = ()) -> Found | None:
    """An introduction forwarded to the tracker afterwards: its own headers name the parties.

    When the forward is addressed to someone who was not on the forwarded message, it passes that
    message on to a new person (a lead for them); the forwarded message's To/Cc are then not the
    people of this email.
    """
    for fwd in forwarded:
        referrer = _author(fwd)
        if referrer is None:
            continue
        people = [a for a in parse_addresses([fwd.get("to"), fwd.get("cc")])
                  if a.email != referrer.email and not addresses.is_tracking(a.email, tracking)]
        if len(people) < 2:
            continue
        on_it = {referrer.email} | {a.email for a in people}
        if any(a.email not in on_it for a in recipients):
            continue
        ref_person = make_person(referrer)
        body = split_body(fwd.text, _sign_names(ref_person))
        fake = Envelope(referrer, None, tuple(people), (), None, (), (), fwd.get("subject"), None, None)
        vocab = vocabulary(tuple(tracking.category_synonyms))
        found = _introduction(fake, body, people, referrer, vocab)
        if found.referrals:
            return Found(found.referrals, "forwarded " + found.reason)
    return None


_QUOTE_ATTRIBUTION = re.compile(r"(?:wrote|schrieb|geschrieben|a [ée]crit|escribi[óo])\s?:", re.IGNORECASE)


# The writer says the tracker is being added: "adding my referral tracker", "cc'ing our tracking
# address", "je mets l'adresse de suivi en copie", "pongo en copia el seguimiento", "Referloop in CC".
_ADDS_TRACKER = re.compile(r"\b(?:tracker|tracking|referloop|suivi|seguimiento|nachverfolgung|tracking-adresse)\b")


def _quotes_own_message(text: str, sender: str, body: Body) -> bool:
    """The first quoted message is the sender's own ("On Wed ... Leah <leah@...> wrote:", "Am 28.02. schrieb
    Stefan Lorenz <stefan@...>:", an Outlook "De: Carmen Ortega <cortega@...>" block)."""
    if body.quoted_messages:
        return _from_address(body.quoted_messages[0]) == sender
    if quoted_author(text)[1] == sender:
        return True
    m = _QUOTE_ATTRIBUTION.search(text, 0, 20_000)
    return m is not None and sender in text[max(0, m.start() - 250):m.start()].lower()


def _introduction(env: Envelope, body: Body, recipients: list[Address], referrer: Address,
                  vocab: Vocabulary, full_text: str = "") -> Found:
    new = body.new
    toks = Tokens(fold_aligned(new).replace("\n", " "))
    subject = _REPLY_PREFIX.sub("", _FWD_PREFIX.sub("", env.subject or ""))
    is_reply = bool(_REPLY_PREFIX.match(env.subject or ""))
    if not new.strip():
        return Found((), "no new text")
    if any_cue(intent.PERMISSION, toks):
        return Found((), "asks for permission to introduce; no introduction yet")
    if intent.promise_only(toks):
        return Found((), "promises an introduction for later")

    people = _name_shared_inbox(new, [make_person(a) for a in recipients], make_person(referrer))
    people = _name_firm_people(new, people, make_person(referrer))
    people = _name_kin(new, people, make_person(referrer), {a.email for a in env.to})
    referrer_person = make_person(referrer)
    reading = read_roles(new, people, referrer_person, vocab, toks, default_addressee=_firm_greeted(new, env, people))
    subject_mentions = name_index(tuple(people)).mentions(subject) if subject.strip() else []
    subject_named = bool(subject_mentions)
    if subject_named:
        # "Intro: Sara (tax prep) <> Jim", "Meet Aisha – the best realtor in Portland"
        for email, ev in read_subject(subject, people, vocab, subject_mentions).items():
            reading.evidence[email].provider += ev.provider
            reading.evidence[email].contact += ev.contact
            reading.evidence[email].notes.extend(f"subject {n}" for n in ev.notes)
    mentioned = [p for p in people if any(m.email == p.email for m in reading.mentions)]
    informed = _copied_to_know(reading)
    if informed and len(mentioned) - len(informed) < 2:
        # "Funmi, copying you since you asked to stay in the loop": named only to say why they are copied
        mentioned = [p for p in mentioned if p.email not in informed]
    if len(mentioned) < 2 and any_cue(intent.POLITE_PRESENT, toks):
        return Found((), "asks for permission to introduce; no introduction yet")
    intro_phrases = count_cues(intent.INTRO, toks) + count_cues(intent.POLITE_PRESENT, toks)
    if intro_phrases and len(people) == 2 and len(mentioned) == 1:
        # "je me permets de vous mettre en contact ... un bilan en logopédie": the firm addressed (Logopédie
        # du Rhône <rdv@...>) is named by its trade, not by its name
        trades = {h.term.category for h in reading.hits}
        words = {h.text.replace(" ", "") for h in reading.hits if len(h.text) >= 5}
        mentioned += [p for p in people if p not in mentioned and shared_inbox(p) and
                      (not trades.isdisjoint(domain_categories(p)) or
                       any(w in p.email.rpartition("@")[2] for w in words))]
    presented = _presents_by_name(new, reading, {p.email for p in people})
    intro_phrases += presented
    # "Fwd: Kit <> Abe": the subject is the forwarded message's, and says nothing of the new text
    is_forward = bool(_FWD_PREFIX.match(env.subject or "")) and bool(body.forwarded)
    subject_intro = not is_reply and not is_forward and (intent.subject_is_intro(Tokens(fold(subject)), subject) or
                                                         _pair_in_subject(subject, subject_mentions))
    thanks = any_cue(intent.REPLY_TO_INTRO, toks)
    strong = bool(presented) or any_cue(intent.STRONG_INTRO, toks)

    if thanks and (intro_phrases == 0 or not strong):
        return Found((), "a reply to an existing introduction")
    if is_reply and not strong and any_cue(intent.THANKS_AGAIN, toks) and body.quoted.strip():
        # "Thursday 14:00 is good for me ... Dmitri, thank you again": the introduced person answers in the thread
        return Found((), "a reply to an existing introduction")
    if not strong and (_INVITATION.search(toks.folded) or _INVITATION_SUBJECT.match(fold(subject))):
        return Found((), "an invitation to an event, not an introduction")
    if not strong and any_cue(intent.ALREADY_ACQUAINTED, toks):
        return Found((), "the people addressed know each other already")
    if is_reply and _quoted_intro_between(body.quoted, people, subject) and not strong and \
            not (intro_phrases and _newly_named(reading, people, body.quoted)):
        # (a reply that adds someone the thread never named - "I'm adding Kim from Kim Styles" - introduces anew)
        if not mentioned and _ADDS_TRACKER.search(toks.folded) and not any_cue(intent.REPLY_TO_INTRO, toks) \
                and _quotes_own_message(full_text, referrer.email, body):
            # The referrer answers her own introduction only to copy the tracker ("Adding my
            # referral tracker"): the introduction she quotes is hers, and it is the one to record
            # (a bump, "did you two connect?", records nothing).
            quoted = split_body(body.quoted, _sign_names(referrer_person))
            fake = Envelope(referrer, None, tuple(recipients), (), None, (), (), subject, None, None)
            found = _introduction(fake, quoted, recipients, referrer, vocab)
            if found.referrals:
                return Found(found.referrals, "the referrer's own quoted " + found.reason)
        return Found((), "a reply in the thread of an earlier introduction")
    # Without introduction wording, the text must describe one person to the other: what someone
    # provides, or what someone needs said to another ("Bob needs to move his appointment with Ann",
    # said to nobody, is not enough).
    gives = any(reading.evidence[p.email].provider > 0 for p in people)
    # (or said of a counted group the text then lists: "deux voisins aimeraient faire appel à vous : - Mme Faure ...")
    needs = any(reading.evidence[p.email].contact > 0 for p in people) or reading.group_need > 0
    # a peer introduction may have no introducing verb at all: "Ihr beide wollt das Konzert stemmen ..."
    peers = reading.peer_score >= 1 and len(mentioned) >= 2
    crossed = not is_reply and _cross_addressed(reading, [p.email for p in people])
    if not (intro_phrases or subject_intro or peers or crossed or
            ((gives or (needs and reading.addressed)) and len(mentioned) >= 2)):
        return Found((), "nobody is introduced in the new text")
    if len(mentioned) < 2 and not (strong or subject_intro):
        return Found((), "the people addressed are not introduced to each other")
    if not mentioned and not (strong and subject_named):
        return Found((), "none of the people addressed is named in the text")

    parties = people
    if len(parties) > 2 and len(mentioned) >= 2:
        parties = mentioned
    if len(parties) > 2:
        # the writer's spouse copied along ("Steve's cc'd only to see the photos", "Cc'ing Kristin, she
        # remembers the details"): of her household, and not described as a provider (being copied in
        # alone weighs 2)
        kept = [p for p in parties if not (_household(p, referrer_person) and reading.evidence[p.email].lean < 3)]
        if len(kept) >= 2:
            parties = kept
    if len(parties) > 2:
        # the writer's colleague or assistant copied to help ("I've copied Deb, my assistant"): of her
        # own firm, not listed as one of the people referred, and nothing said of them as needing anything
        listed = {p.email for p in _listed_parties(reading, parties)}
        kept = [p for p in parties if not (same_organisation(p.email, referrer.email) and p.email not in listed
                                           and reading.evidence[p.email].contact == 0)]
        if len(kept) >= 2:
            parties = kept
    if len(parties) == 2 and (body.quoted or body.forwarded) and _no_roles(reading, parties):
        # Nothing in the new text says who needs what, but the quoted or forwarded message below it is
        # one party asking the writer for someone ("do you know anyone for solar panels?"): that party needs.
        asker = _quoted_asker(full_text or body.quoted, {p.email for p in parties})
        if asker:
            reading.evidence[asker].contact += 2
            reading.evidence[asker].notes.append("C+2 asked in the quoted message")
    referrals = _assign_roles(parties, reading, referrer, env, vocab)
    if not referrals:
        return Found((), "no two people to introduce")
    if referrals[0].provider is None:
        reason = "peer introduction (no provider/contact direction)"
    else:
        reason = f"introduction: {len(referrals)} referral(s)"
    return Found(tuple(referrals), reason, len(parties) == 2 and _no_roles(reading, parties))


# Two people named together in a subject: "Rina / Doug - movers", "Anika & Ben", "Tom + Ana"
_SUBJECT_PAIR = re.compile(r"\s*(?:/|&|\+|<>|<->|x|and|y|und|et)\s*", re.IGNORECASE)


def _pair_in_subject(subject: str, mentions: list[Mention]) -> bool:
    """The subject names two people of the email side by side: the shape of an introduction's subject."""
    return any(a.email != b.email and _SUBJECT_PAIR.fullmatch(subject, a.end, b.start) for a, b in zip(mentions, mentions[1:]))


def _firm_greeted(text: str, env: Envelope, people: list[Person]) -> str | None:
    """"Dear Sir or Madam," to the one firm in To: the text speaks to that firm until it names someone."""
    if not FIRM_SALUTATION.match(text, _GREETING_WORD.match(text).end()):
        return None
    to = {a.email for a in env.to}
    addressed = [p.email for p in people if p.email in to]
    return addressed[0] if len(addressed) == 1 else None


_GREETING_WORD = re.compile(r"\s*(?:(?:hello|hi|bonjour|hola|hallo|guten tag)\b[ ,]*)?", re.IGNORECASE)


def _newly_named(reading: Reading, people: list[Person], quoted: str) -> bool:
    """Someone named in the new text whom the quoted thread below never names, and who is not a colleague of
    someone it does ("Renata, copying you as suggested": the client's assistant, brought in to schedule)."""
    named_before = {m.email for m in name_index(tuple(people)).mentions(quoted[:10000])}
    return any(m.email not in named_before and not any(same_organisation(m.email, e) for e in named_before)
               for m in reading.mentions if any(p.email == m.email for p in people))


_COPIED_TO_KNOW = re.compile(r"[\s,:–—-]*(?:i'?m |i am |just )?(?:copying|cc'?ing|cc'?d|adding|looping) you(?: in)?,? "
                             r"(?:so|since|because|as|for|to keep|in case|fyi|just so|here so)\b", re.IGNORECASE)


def _copied_to_know(reading: Reading) -> set[str]:
    """Parties named only as the one spoken to by "copying you so you know ...": kept informed, not introduced."""
    told = {s.addressee for s in reading.sentences if s.addressee and _COPIED_TO_KNOW.match(reading.text, s.vocative_end, s.end)
            and any(m.start < s.vocative_end <= m.end + 2 and m.email == s.addressee for m in reading.mentions)}
    return {e for e in told if sum(1 for m in reading.mentions if m.email == e) == 1}


def _cross_addressed(reading: Reading, emails: list[str]) -> bool:
    """Two people each spoken to in turn about the other ("Sam, Elena bought the old Hendricks place ...
    Elena, Sam's rates are fair"): the shape of an introduction, whatever its words."""
    about: dict[str, set[str]] = {}
    for s in reading.sentences:
        if s.addressee in emails:
            named = {m.email for m in reading.mentions if s.vocative_end <= m.start < s.end and m.email in emails}
            about.setdefault(s.addressee, set()).update(named - {s.addressee})
    return any(a in about and b in about and (b in about[a] or a in about[b])
               for i, a in enumerate(emails) for b in emails[i + 1:])


def _no_roles(reading: Reading, parties: list[Person]) -> bool:
    """Nothing in the text says who of these provides or needs."""
    return all(abs(reading.evidence[p.email].lean) < 1 for p in parties)


# "Laura, das ist Nele!", "Camille, voici Hugo", "Pedro, ella es Ana", "Sam, this is Priya": one
# party named, then the other presented to them. Only the words between two mentions are tested.
# Sending a person to the one just named: "Bonjour Fabienne, je vous envoie Lucas", "Tom, I'm sending you Ana"
_SENDING = (r"(?:je (?:te|vous) (?:envoie|adresse)|i'?m sending you|i am sending you|(?:te|le|les|os) (?:mando|env[íi]o) a|"
            r"ich schicke (?:dir|ihnen|euch))")
_PRESENTS = re.compile(r"\s{0,3}[,:]?\s{0,3}(?:" + PRESENTATIVE + "|" + _SENDING + ")" +
                       r"\s{1,3}(?:(?:la|el|le|die|der|de|a|o|our|my|unsere?|notre|nuestr[ao])\s{1,3})?", re.IGNORECASE)


# An event invitation copied to the tracker: the people it lists are guests, not introduced.
_INVITATION = re.compile(r"\b(?:you'?re (?:all )?invited|you are (?:all )?invited|please rsvp|rsvp by|"
                         # a call or meeting being set up: "you're welcome to join", "Microsoft Teams meeting"
                         r"(?:you'?re|you are) (?:more than )?welcome to join|feel free to join|microsoft teams meeting|"
                         r"join zoom meeting|click here to join the meeting|join the meeting|meeting id|"
                         r"(?:seid|sind) (?:alle )?(?:herzlich )?eingeladen|herzliche einladung|"
                         r"(?:vous etes|tu es) (?:tous |toutes )?(?:cordialement )?invite|"
                         r"(?:estais|estan|estas|esta) (?:todos |todas )?invitad[oa]s?)\b")
_INVITATION_SUBJECT = re.compile(r"\s*(?:invitation|einladung|invitacion|save the date)\b")


def _presents_by_name(text: str, reading: Reading, parties: set[str]) -> int:
    """How many times one party is named and the other presented to them right after."""
    ms = [m for m in reading.mentions if m.email in parties]
    count = 0
    if len({m.email for m in ms}) >= 2:
        # "Hallo Lukas, ... Das ist Nicolas Studer, der unsere Website gebaut hat": a party presented
        # by name to the reader, the other party named elsewhere
        count += sum(1 for m in ms if _PRESENTED_BEFORE.search(text, max(0, m.start - 40), m.start))
    # "je vous envoie léa qui lance son studio", "os mando a mi prima rocío", "sending my sister in law paula ur
    # way": a person sent to the one written to, who may be a firm's inbox the text never names
    count += sum(1 for m in ms if _SENT_BEFORE.search(text, max(0, m.start - 60), m.start))
    for a, b in zip(ms, ms[1:]):
        if a.email != b.email and b.start - a.end <= 40 and _PRESENTS.fullmatch(text, a.end, b.start):
            count += 1
        elif a.email != b.email and _SWAP_GAP.fullmatch(text, a.end, b.start) and _SWAP_END.match(text, b.end):
            # "ana - dwayne. dwayne - ana.", "Sam <> Priya": the shorthand of an introduction
            count += 1
        elif a.email != b.email and _VOCATIVE_GAP.fullmatch(text, a.end, b.start) and _DESCRIBED.match(text, b.end):
            # "Chloe, Nina is the student who watched our cats": one party told who the other is
            count += 1
    return count


_SENT_BEFORE = re.compile(r"(?:^|[.!?:;,\n]\s{0,3})(?:" + _SENDING + r"|(?:i'?m |i am )?sending)[ \t]{1,3}(?:[^\s.!?]+[ \t]{1,3}){0,4}$",
                          re.IGNORECASE)
_PRESENTED_BEFORE = re.compile(r"(?:^|[.!?:;\n]\s{0,3}|,\s{0,2})" + PRESENTATIVE +
                               r"\s{1,3}(?:(?:Herrn?|Frau|Dr\.?|Mme|M\.|Sr\.?|Sra\.?|Don|Doña|Mr\.?|Mrs\.?|Ms\.?)\s{1,3}){0,2}$",
                               re.IGNORECASE)
_SWAP_GAP = re.compile(r"[ \t]{1,2}(?:-|–|—|<>|<->|↔)[ \t]{1,2}")
_SWAP_END = re.compile(r"[ \t]*(?:[.!]|\n|$)")
_VOCATIVE_GAP = re.compile(r"[ \t]{0,2}[,:–—-][ \t]{0,3}")
_DESCRIBED = re.compile(r"\s(?:is|was|'s|est|ist|es|era|war)\s+(?:the|our|my|a|an|le|la|l'|notre|mon|ma|un|une|der|die|das|"
                        r"unser|unsere|mein|meine|ein|eine|el|nuestro|nuestra|mi|un|una)\b", re.IGNORECASE)


def _quoted_intro_between(quoted: str, people: list[Person], subject: str = "") -> bool:
    """The quoted history is an introduction of these people: a reply in an introduction's thread
    (a follow-up or a reply-all), not a new introduction.

    People also introduce someone inside a reply on an unrelated thread ("Re: Saturday carpool",
    "RE: Réunion copro" with the meeting quoted below): the quote names the same people but
    introduces nobody, so the thread only counts when its subject or its quoted text is an introduction.
    """
    if not quoted:
        return False
    qtoks = Tokens(fold_aligned(quoted[:4000]).replace("\n", " "))
    if any_cue(intent.PERMISSION, qtoks) or any_cue(intent.POLITE_PRESENT, qtoks):
        # the earlier message only asked whether it may introduce them (double opt-in): the
        # introduction is the one being written now
        return False
    index = name_index(tuple(people))
    # ("Re: Élodie / Karim - chauffe-eau": two of them paired in the subject)
    if not (intent.subject_is_intro(Tokens(fold(subject)), subject) or any_cue(intent.INTRO, qtoks) or
            _pair_in_subject(subject, index.mentions(subject))):
        return False
    named = {m.email for m in index.mentions(quoted[:10000])}
    return len(named) >= min(2, len(people))


def _assign_roles(parties: list[Person], reading: Reading, referrer: Address, env: Envelope,
                  vocab: Vocabulary) -> list[Referral]:
    ev = reading.evidence
    names = _names(parties, referrer)
    if len(parties) == 2:
        a, b = parties
        lean_a, lean_b = ev[a.email].lean, ev[b.email].lean
        diff = lean_a - lean_b
        if not any(h.term.category == "hiring" for h in reading.hits) and \
                not any(same_organisation(p.email, referrer.email) for p in (a, b)):
            # (a candidate writes from a personal address and is the one who provides; the writer's own
            # colleague's firm address says nothing of who provides: "Greg works with me and his son ...")
            diff += _mailbox_prior(a, b)
        strong_need = max(ev[a.email].contact, ev[b.email].contact) >= 3
        if abs(diff) < 1 and reading.peer_score < 1:
            # No direction in the words: a trade in one address only ("reyesplumbing") decides.
            scores = category_scores(reading, None, None, env.subject, vocab)
            top = best(scores)
            cats_a, cats_b = domain_categories(a), domain_categories(b)
            trades = {h.term.category for h in reading.hits if h.term.person}
            if cats_a and cats_b and set(cats_a).isdisjoint(cats_b) and \
                    not trades.isdisjoint(cats_a) and not trades.isdisjoint(cats_b):
                # "interiorista y carpintero": two firms of two trades, and the text names both trades'
                # people: neither is the other's customer
                pass
            elif top and (top in cats_a) != (top in cats_b):
                diff = 1 if top in cats_a else -1
            elif bool(cats_a) != bool(cats_b):
                diff = 1 if cats_a else -1
            elif shared_inbox(a) != shared_inbox(b):
                diff = 1 if shared_inbox(a) else -1
            elif personal_mailbox(a.email) != personal_mailbox(b.email):
                diff = -1 if personal_mailbox(a.email) else 1
            elif same_organisation(a.email, referrer.email) != same_organisation(b.email, referrer.email):
                # the writer's own colleague (a student, a postdoc, a teammate) is the one being helped
                diff = -1 if same_organisation(a.email, referrer.email) else 1
        if abs(diff) < 1 or reading.no_deal or (reading.peer_score >= 1 and not strong_need and abs(diff) < 4):
            return [_peer(referrer, a, b, names)]
        provider, contact = (a, b) if diff > 0 else (b, a)
        return _one_provider(referrer, provider, [contact], reading, env, vocab, names)
    paired = _pairs_by_line(parties, reading, referrer, env, vocab, names) or \
        _pairs_by_paragraph(parties, reading, referrer, env, vocab)
    if paired:
        return paired
    listed = _listed_parties(reading, parties)
    by_list = listed_referrals(listed, parties, reading, referrer, env, vocab, names) if listed else []
    if by_list:
        return by_list
    paired = _paired_contacts(parties, reading, referrer, env, vocab, names)
    if paired:
        return paired
    # Three or more: one person who needs something, introduced to each of the others. When a
    # couple is introduced ("Mark and Susan, meet Rita"), the first of them in the headers stands
    # for both.
    ranked = sorted(parties, key=lambda p: ev[p.email].lean)
    lowest = ev[ranked[0].email].lean
    if lowest >= 0:
        described = [p for p in parties if ev[p.email].lean >= 2 or (ev[p.email].lean >= 0 and shared_inbox(p))]
        others = [p for p in parties if ev[p.email].lean <= 0]
        rest = [p for p in parties if p not in described]
        if len(others) > 1 and others == rest and all(_household(others[0], o) for o in others[1:]):
            # "Hallo Philipp (und Claudia in Kopie)": a couple is one contact, the first named stands for both
            others = rest = others[:1]
        if len(described) >= 2 and len(others) == 1 and len(rest) == 1:
            # "here are my two go-to tradies": each described provider for the one person left
            contact = others[0]
            return [_provides(referrer, p, contact, best(category_scores(reading, p, contact, "", vocab, per_provider=True)),
                              names) for p in described]
        # Nobody says what they need: one clear provider, and the contact is the most named of the
        # others who is not the provider's own staff (same domain: an assistant, an office manager).
        top = ranked[-1]
        if ev[top.email].lean < 2 or (len(ranked) > 1 and ev[ranked[-2].email].lean >= ev[top.email].lean - 1):
            return [_peer(referrer, parties[0], parties[1], names)]
        domain = top.email.rsplit("@", 1)[1]
        counts = {p.email: sum(1 for m in reading.mentions if m.email == p.email) for p in parties}
        others = [p for p in parties if p is not top and p.email.rsplit("@", 1)[1] != domain] or \
            [p for p in parties if p is not top]
        contact = max(others, key=lambda p: (counts[p.email], -parties.index(p)))
        return _one_provider(referrer, top, [contact], reading, env, vocab, names)
    needy = [p for p in parties if ev[p.email].lean < 0 and ev[p.email].lean <= lowest + 3]
    contact = needy[0]
    # The others are providers when described as such, or when they are a firm's shared inbox
    # ("Maria from Soto Flowers" at hello@): a firm is never the buyer's companion.
    providers = [p for p in ranked if p not in needy and (ev[p.email].lean > 0 or
                                                          (ev[p.email].lean == 0 and shared_inbox(p)))] or \
        [p for p in ranked[::-1] if p not in needy][:1]
    wanting = [p for p in parties if ev[p.email].lean < 0]
    if len(providers) == 1 and len(wanting) >= 2 and len(wanting) + 1 == len(parties) and \
            _named_together(reading, {p.email for p in wanting}):
        # "Maxime et Sarah cherchent leur premier condo": everyone but the one provider needs it
        contacts = [p for i, p in enumerate(wanting) if not any(_household(p, q) for q in wanting[:i])]
        return _one_provider(referrer, providers[0], contacts, reading, env, vocab, names)
    if not providers:
        return []   # everyone addressed says what they need: nobody here provides
    rest = [p for p in parties if p is not providers[0]]
    if len(providers) == 1 and ev[providers[0].email].lean > 0 and len(rest) >= 2 and \
            all(ev[p.email].lean <= 0 and not shared_inbox(p) for p in rest) and \
            _named_together(reading, {p.email for p in rest}):
        # "Ich hab dir Kerstin und Yusuf in Cc gesetzt ... Kerstin bräuchte jemanden": the people named
        # together for the one provider are all contacts, even when only one of them says what they need
        contacts = [p for i, p in enumerate(rest) if not any(_household(p, q) for q in rest[:i])]
        return _one_provider(referrer, providers[0], contacts, reading, env, vocab, names)
    return [_provides(referrer, provider, contact,
                      best(category_scores(reading, provider, contact, env.subject if len(providers) == 1 else "",
                                           vocab, per_provider=len(providers) > 1)), names)
            for provider in providers]


def _mailbox_prior(a: Person, b: Person) -> float:
    """How much the two addresses alone lean towards ``a`` providing (negative: ``b``): a firm's own domain
    against a webmail address. Words in the text that point the other way outweigh it when they are many."""
    personal_a, personal_b = personal_mailbox(a.email), personal_mailbox(b.email)
    if personal_a == personal_b:
        return 0.0
    return MAILBOX_PRIOR if personal_b else -MAILBOX_PRIOR


# Worth two cue points: enough to settle weak or misread words ("Dr." alone, a pronoun read the wrong way),
# not a plain statement ("she needs", "he did our roof"). Measured over the held-out sets: 1.5 to 2.5 all
# gain, more starts to overrule what the text says.
MAILBOX_PRIOR = 2.0


# Two people named together as one group: "Sam, Rita -", "Emily & Will:", "Nuria y a Héctor", "Birgit und
# Stefan", "Hugo et Léa". Only the words between the two mentions are tested.
_PAIR_JOIN = re.compile(r"[ \t]{0,2}(?:,|&|\+|/|and|y(?: a)?|e|und|et|sowie)[ \t]{1,3}|,[ \t]{0,2}", re.IGNORECASE)


_GROUP_VOCATIVE_END = re.compile(r"[ \t]{0,2}(?:[,:!–—-]|\n|(?:you|os|vous|ihr|euch)\b)", re.IGNORECASE)


def _named_together(reading: Reading, emails: set[str]) -> bool:
    """Two of these people named as one group somewhere: "Maxime et Sarah cherchent", "Tom and Ana"."""
    ms = [m for m in reading.mentions if m.email in emails]
    return any(a.email != b.email and b.start - a.end <= 8 and _PAIR_JOIN.fullmatch(reading.text, a.end, b.start)
               for a, b in zip(ms, ms[1:]))


def _household(a: Person, b: Person) -> bool:
    """Two people of one household: the same family name and the same mail domain ("David and Grace
    Lee", david.lee@ and grace.lee@ at one provider). A household is one contact."""
    fa, fb = _family_name(a), _family_name(b)
    if not fa or fa != fb or shared_inbox(a) or shared_inbox(b):
        return False
    # ("Philipp Lorenz" at web.test and "Claudia Lorenz" at posteo.test: a couple need not share a provider)
    return a.email.rsplit("@", 1)[1] == b.email.rsplit("@", 1)[1] or len(fa) >= 4


# A line that opens with two people to be introduced: "1) Anna / Chris.", "- Ben & Lisa:", "Tom <> Priya"
_PAIR_OPENING = re.compile(r"[ \t]*(?:\(?\d{1,2}[).:]|[-•*–])?[ \t]*$")
# ("Jenna - Marco is the dog walker I raved about ...": a paragraph spoken to one about the other)
_PAIR_SEPARATOR = re.compile(r"[ \t]*(?:/|<>|<->|↔|→|->|=>|⟶|&|\+|and|y|und|et|x|[ \t]-|–|—)[ \t]*$", re.IGNORECASE)


def _pairs_by_line(parties: list[Person], reading: Reading, referrer: Address, env: Envelope, vocab: Vocabulary,
                   names: tuple[tuple[str, str], ...]) -> list[Referral]:
    """Several introductions in one email, each opened by its pair ("1) Anna / Chris. ... 2) Ben / Lisa.
    ..."): one referral per pair, its direction read from what the text says of each of the two."""
    if len(parties) < 4:
        return []
    emails = {p.email for p in parties}
    text = reading.text
    ms = [m for m in reading.mentions if m.email in emails and not m.company]
    pairs: list[tuple[str, str]] = []
    opened: list[int] = []       # where each pair's line starts
    for first, second in zip(ms, ms[1:]):
        if first.email == second.email or second.start - first.end > 6:
            continue
        line_start = text.rfind("\n", 0, first.start) + 1
        if _PAIR_OPENING.fullmatch(text, line_start, first.start) and \
                _PAIR_SEPARATOR.fullmatch(text, first.end, second.start):
            pairs.append((first.email, second.email))
            opened.append(line_start)
    taken = [e for pair in pairs for e in pair]
    if len(pairs) < 2 or len(set(taken)) != len(taken):
        return []
    by_email = {p.email: p for p in parties}
    # each pair read on its own item, from its opening line to the next pair's ("2) Nina ↔ Felix: Ihr seid
    # beide Fotografen" is a peer introduction whatever the other items say)
    starts = opened + [len(text)]
    referrer_person = make_person(referrer)
    out: list[Referral] = []
    for (a_email, b_email), start, end in zip(pairs, starts, starts[1:]):
        two = [by_email[a_email], by_email[b_email]]
        item = read_roles(text[start:end], two, referrer_person, vocab)
        out.extend(_assign_roles(two, item, referrer, env, vocab))
    return out


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: text between blank lines."""
    spans, start = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _pairs_by_paragraph(parties: list[Person], reading: Reading, referrer: Address, env: Envelope,
                        vocab: Vocabulary) -> list[Referral]:
    """Several introductions in one email, a paragraph for each pair ("Lucía, te presento a Hugo ...
    <blank line> Andrés y Pablo: los dos sois diseñadores ..."): every paragraph that names parties names
    people of one pair only, and the pairs share nobody. Each pair is read on its own paragraphs, so one
    pair's peer wording or need does not colour the other's."""
    if len(parties) < 4:
        return []
    emails = {p.email for p in parties}
    text = reading.text
    groups: list[tuple[set[str], list[tuple[int, int]]]] = []
    for start, end in _paragraphs(text):
        named = {m.email for m in reading.mentions if start <= m.start < end and m.email in emails}
        if not named or (len(named) > 1 and end - start < 40 and "\n" not in text[start:end].strip()):
            continue    # nobody, or a greeting line ("Karen, Luis,")
        groups.append((named, [(start, end)]))
    pairs = [named for named, _ in groups if len(named) == 2]
    if any(len(named) > 2 for named, _ in groups) or len(pairs) < 2:
        return []
    distinct = [set(x) for x in {frozenset(x) for x in pairs}]
    if sum(len(x) for x in distinct) != len(set().union(*distinct)) or set().union(*distinct) != emails:
        return []
    referrer_person = make_person(referrer)
    out: list[Referral] = []
    first_at = {}
    for m in reading.mentions:
        first_at.setdefault(m.email, m.start)
    for pair in sorted(distinct, key=lambda x: min(first_at[e] for e in x)):
        own = [span for named, spans in groups if named <= pair for span in spans]
        if not own:
            return []
        own_text = "\n\n".join(text[a:b] for a, b in own)
        people = [p for p in parties if p.email in pair]
        out.extend(_assign_roles(people, read_roles(own_text, people, referrer_person, vocab), referrer, env, vocab))
    return out


# (an abbreviation's or an initial's full stop ends nothing: "Dr. ", "D. Fernando", "Mme ", "J. Smith")
_SENTENCE_OR_LINE_END = re.compile(r"(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSr)(?<!\bSra)(?<!\bDra)(?<!\bProf)"
                                   r"(?<!\bSt)(?<!\bDña)(?<!\bMme)(?<!\bHr)(?<!\bFr)(?<!\bSres)(?<!\b\w)[.!?]\s|\n",
                                   re.IGNORECASE)


def _paired_contacts(parties: list[Person], reading: Reading, referrer: Address, env: Envelope, vocab: Vocabulary,
                     names: tuple[tuple[str, str], ...]) -> list[Referral]:
    """Two people addressed or presented together as a group, and a third.

    The pair ("Tomas, Lucia - Ingrid is the tutor", "Te presento a Nuria y a Héctor") are both
    contacts when the third person is the one described as the provider: one referral per contact;
    they are both providers when the third is the one who needs something ("Olmos, Rubén: Nico acaba de
    adoptar a Tofu"). A couple of one household stays one contact (the first of them in the headers).
    """
    if len(parties) != 3 or reading.no_deal:
        return []
    emails = {p.email for p in parties}
    ms = [m for m in reading.mentions if m.email in emails and not m.company]
    # runs of mentions joined one to the next; only a run of exactly two people is a pair ("Ingrid,
    # Tomas and Lucia both have" greets one and names the other two)
    runs: list[list[str]] = []
    run_spans: list[tuple[int, int]] = []
    for i, m in enumerate(ms):
        prev = ms[i - 1] if i else None
        if prev is not None and prev.email != m.email and m.start - prev.end <= 8 and \
                _PAIR_JOIN.fullmatch(reading.text, prev.end, m.start):
            runs[-1].append(m.email)
            run_spans[-1] = (run_spans[-1][0], m.end)
        else:
            runs.append([m.email])
            run_spans.append((m.start, m.end))
    pair: set[str] = set()
    opening = len(reading.text) - len(reading.text.lstrip())
    told_later = False      # the pair spoken to after the opening greeting ("... great. Luis, Kim - Dana just bought")
    for run, (run_start, run_end) in zip(runs, run_spans):
        # a group spoken to ends the vocative ("Tom and Priya, you both", "Laura, Diego: os presento");
        # "Luis, Tom is at 22 Orchard Lane" speaks to Luis about Tom
        if len(run) == 2 and _GROUP_VOCATIVE_END.match(reading.text, run_end):
            if pair and pair != set(run):
                return []
            pair = set(run)
            told_later = told_later or _SENTENCE_OR_LINE_END.search(reading.text, opening, run_start) is not None
    if len(pair) != 2:
        return []
    two = [p for p in parties if p.email in pair]
    single = next(p for p in parties if p.email not in pair)
    if _household(*two):
        return []
    ev = reading.evidence
    lean = ev[single.email].lean
    pair_leans = [ev[p.email].lean for p in two]
    if (lean >= 1 and lean - max(pair_leans) >= 1) or \
            (told_later and reading.group_need > 0 and ev[single.email].contact == 0):
        # (or the pair are the counted group said to need something: "Two of my clients asked me for a
        # payroll provider ... Tom, Ana: Rachel runs Cobalt Payroll")
        return _one_provider(referrer, single, two, reading, env, vocab, names)
    to = {a.email for a in env.to}
    # (nothing said of anyone's need: the one the email is addressed to, with the pair copied, is theirs)
    apart = single.email in to and not any(p.email in to for p in two)
    if told_later and lean <= 0 and min(pair_leans) >= lean and (max(pair_leans) >= lean + 1 or apart) and \
            reading.group_need == 0 and \
            not shared_inbox(single) and not any(same_organisation(single.email, p.email) for p in two):
        # the pair spoken to are the providers: "Dana meet Luis (painter) and Kim (floors) ... Luis, Kim -
        # Dana just bought the condo": one referral for each of them, the third person their contact
        return [_provides(referrer, p, single, best(category_scores(reading, p, single, "", vocab, per_provider=True)),
                          names) for p in two]
    return []


# A line that presents one party: "- Clara Molina, arquitecta.", "2. Herr Martin Krause, Energieberater.",
# "Ruth Adler (cc'd) is a business attorney.", "Beth (12 Juniper Ln) has a split oak limb".
_LINE_LEAD = re.compile(r"[ \t]*(?:[-–—•*·][ \t]*|\d{1,2}[.)][ \t]*)?(?:(?:Frau|Herrn?|Mme|Mlle|M\.|Me|Mr\.?|Mrs\.?|Ms\.?|"
                        r"Dr\.?|Dra\.?|Sr\.?|Sra\.?|Don|Doña|Prof\.?)[ \t]+){0,2}")


# A bullet item that names a party within its first words: "- die Tierarztpraxis Dr. Seidel, ...",
# "- Estudio Lumen, los arquitectos ...", "- l'agence Rive", "• the Blue Fern team".
_BULLET_LEAD = re.compile(r"[ \t]*(?:[-–—•*·]|\d{1,2}[.)])[ \t]*(?:[\w'’.-]{1,20}[ \t]+){0,2}(?:[lLdD]['’]|\()?")


def _listed_parties(reading: Reading, parties: list[Person]) -> list[Person]:
    """The parties presented one by one, each at the start of a line or list item of their own.

    People who introduce one person to several write a paragraph or a bullet per person ("- Pilar,
    de la librería...", "Ruth Adler (cc'd) is a business attorney."): the people so listed share a
    role, and the one person not listed takes the other. A greeting line ("Kyle,") or a group
    vocative ("Beth, Raj - meet Andre") presents nobody.
    """
    text = reading.text
    emails = {p.email for p in parties}
    ms = [m for m in reading.mentions if m.email in emails]
    listed: set[str] = set()
    bulleted: set[str] = set()
    # the opening greeting ("Jen - looping in my two guys for the bath"), not a later "Pilar, de la librería ..."
    vocatives = [(s.start, s.vocative_end) for s in reading.sentences[:1] if s.vocative_end > s.start]
    for i, m in enumerate(ms):
        if any(lo <= m.start < hi for lo, hi in vocatives):
            continue    # "Jen - looping in my two guys": spoken to, not presented
        line_start = text.rfind("\n", 0, m.start) + 1
        bullet = _BULLET_LEAD.fullmatch(text, line_start, m.start)
        if bullet is None and _LINE_LEAD.fullmatch(text, line_start, m.start) is None:
            continue
        line_end = text.find("\n", m.end)
        rest = text[m.end:line_end if line_end >= 0 else len(text)]
        if sum(ch.isalpha() for ch in rest) < 12:
            continue
        if i + 1 < len(ms) and ms[i + 1].start - m.end <= 12 and ms[i + 1].email != m.email:
            continue
        listed.add(m.email)
        if bullet is not None:
            bulleted.add(m.email)
    if len(bulleted) >= 2:
        # a bullet list is the list; a paragraph that happens to start with a name is not part of it
        listed = bulleted
    if len(listed) < 2 or len(emails) - len(listed) != 1:
        return []
    leans = [reading.evidence[e].lean for e in listed]
    if min(leans) <= -2 and max(leans) >= 2:
        return []  # one listed needs, another provides: not one role shared by a list
    return [p for p in parties if p.email in listed]


def listed_referrals(listed: list[Person], parties: list[Person], reading: Reading, referrer: Address,
                     env: Envelope, vocab: Vocabulary, names: tuple[tuple[str, str], ...]) -> list[Referral]:
    """One referral per listed party, with the one unlisted party on the other side.

    The listed people share a role: providers when they (or some of them) are described as providers
    or the other one needs something ("lawyer and accountant", "arquitecta y constructora"), contacts
    when the other one is the provider or a counted group needs something ("two neighbours",
    "deux amies qui cherchent une nounou").
    """
    single = next(p for p in parties if p not in listed)
    ev = reading.evidence
    listed_lean = max(ev[p.email].lean for p in listed) - reading.group_need
    diff = ev[single.email].lean - listed_lean
    if diff > 0 and personal_mailbox(single.email) and all(shared_inbox(p) or domain_categories(p) for p in listed) \
            and min(ev[p.email].lean for p in listed) >= 0:
        # a list of trades' own addresses ("info@kessler-heizung", "sommer@dach-sommer") for a family at a
        # webmail address: the firms are offered to the family, whatever else the text says of it
        diff = -1
    if diff == 0:
        # no words either way: firms' own domains listed for someone at a webmail address provide
        listed_firms = sum(not personal_mailbox(p.email) for p in listed)
        if personal_mailbox(single.email) and listed_firms * 2 > len(listed):
            diff = -1
        elif not personal_mailbox(single.email) and listed_firms == 0:
            diff = 1
        else:
            return []
    if diff > 0:
        return _one_provider(referrer, single, listed, reading, env, vocab, names)
    return [_provides(referrer, other, single, best(category_scores(reading, other, single, "", vocab, per_provider=True)),
                      names) for other in listed]


def _names(parties: list[Person], referrer: Address) -> tuple[tuple[str, str], ...]:
    """Display names for the referral (the workflow greets people by them)."""
    out = [(p.email, p.display) for p in parties]
    out.append((referrer.email, make_person(referrer).display))
    return tuple(out)


def _provides(referrer: Address, provider: Person, contact: Person, category: str | None,
              names: tuple[tuple[str, str], ...]) -> Referral:
    """One contact introduced to one provider."""
    return _referral("introduction", referrer.email, provider.email, contact.email, (provider.email, contact.email),
                     category, names)


def _peer(referrer: Address, a: Person, b: Person, names: tuple[tuple[str, str], ...]) -> Referral:
    """Two people introduced with no buyer and no seller."""
    return _referral("introduction", referrer.email, None, None, (a.email, b.email), None, names)


def _one_provider(referrer: Address, provider: Person, contacts: list[Person], reading: Reading, env: Envelope,
                  vocab: Vocabulary, names: tuple[tuple[str, str], ...]) -> list[Referral]:
    """One provider introduced to each contact, the category read for each pair."""
    return [_provides(referrer, provider, c, best(category_scores(reading, provider, c, env.subject, vocab)), names)
            for c in contacts]


def _referral(kind: Literal["introduction", "lead"], referrer: str, provider: str | None, contact: str | None,
              parties: tuple[str, ...], category: str | None, names: tuple[tuple[str, str], ...],
              phone: str | None = None, contact_name: str | None = None) -> Referral:
    return Referral(kind, referrer, provider, contact, tuple(sorted(set(parties))), category, names,
                    contact_phone=phone, contact_name=contact_name)


def _lead(env: Envelope, body: Body, forwarded: tuple[Forwarded, ...], provider_addr: Address, referrer: Address,
          vocab: Vocabulary, tracking: Tracking, links: tuple[tuple[str, str], ...] = (),
          vcards: tuple[str, ...] = ()) -> Found:
    new = body.new
    toks = Tokens(fold_aligned(new).replace("\n", " "))
    # a forwarded newsletter or mailing is nobody's request for a service
    forwarded = tuple(f for f in forwarded if not _bulk_mail(f))
    if not new.strip() and not forwarded:
        return Found((), "no new text")
    if any_cue(intent.PERMISSION, toks) or any_cue(intent.POLITE_PRESENT, toks):
        return Found((), "asks for permission to introduce; no introduction yet")
    if intent.promise_only(toks):
        return Found((), "promises an introduction for later")
    if any_cue(intent.REPLY_TO_INTRO, toks):
        return Found((), "a reply to an existing introduction")
    provider = _name_shared_inbox(new, [make_person(provider_addr)], make_person(referrer))[0]
    referrer_p = make_person(referrer)
    exclude = {referrer.email, provider.email} | {a.email for a in env.to + env.cc}
    exclude |= {a for a in tracking.addresses}
    known = {fold(provider.display), fold(referrer_p.display)} | set(provider.keys) | set(referrer_p.keys)
    known.discard("")
    exclude = {e for e in exclude if e}
    contact = find_contact(new, forwarded, exclude, known, links=links)
    if contact is None and body.signature and any_cue(intent.LEAD, toks):
        # "She's expecting your call. / Ashley / Joan Whitaker / joan@...": details after the sign-off
        sender_domain = env.sender.email.rsplit("@", 1)[1] if env.sender else ""
        found = find_contact(body.signature, (), exclude, known, phones=False)
        if found is not None and found.email and not found.email.endswith("@" + sender_domain):
            contact = found
    form_text = ""
    if contact is None or not contact.forwarded:
        # a web-form submission pasted in (or under a bare "Original message" line): its Name/Email
        # fields are the contact, and its message says what they need
        form_text = f"{new}\n{body.signature}\n{body.quoted}"
        form = pasted_form(form_text, exclude)
        if form is not None and (contact is None or contact.email in (None, form.email)):
            contact = form
        else:
            form_text = ""
    if contact is None and vcards:
        # "I've attached her contact card": the attached vCard is the contact
        contact = next((c for c in (vcard_contact(v, exclude) for v in vcards) if c is not None), None)
    if contact is None and any_cue(intent.LEAD, toks):
        contact = voicemail_contact(f"{new}\n{body.signature}")
    if contact is None:
        return Found((), "one person addressed and no contact details passed on")
    if contact.email and addresses.is_tracking(contact.email, tracking):
        return Found((), "one person addressed and no contact details passed on")

    contact_person = _contact_person(contact)
    reading = read_roles(new, [provider, contact_person], referrer_p, vocab, toks, default_addressee=provider.email)
    ev_p, ev_c = reading.evidence[provider.email], reading.evidence[contact_person.email]
    lead_phrase = any_cue(intent.LEAD, toks)
    fwd_text = ("\n".join(f.text for f in forwarded)[:5000] + "\n" + form_text[:5000]).strip()
    fwd_need = bool(contact.forwarded and _REQUEST.search(fold(fwd_text)))
    work_for_you = any_cue(intent.WORK_FOR_YOU, toks) or any_cue(intent.WORK_FOR_YOU, Tokens(fold(env.subject or "")))
    several = _listed_leads(new, exclude, known) if not contact.forwarded else []
    if ev_c.lean > 0 and ev_c.lean > ev_p.lean and ev_c.provider >= 2 and not work_for_you and \
            not any_cue(intent.GAVE_YOURS, toks) and (ev_p.contact > 0 or not lead_phrase or ev_c.provider >= 5) and \
            not (lead_phrase and len(several) >= 2 and reading.group_need > 0):
        # (details passed on with a lead's words, and nothing said of the one addressed needing anything:
        # "Beatrice Lund (office manager) ... She knows you'll be in touch" is a lead, whatever the contact's own job;
        # but "he's the plumber who did our water heater. His cell is ..." says twice that the contact provides)
        # (the addressee's own details given to the person: "j'ai filé ton numéro à Mme Diop, qui fait traiteur"
        # passes a contact on, whatever her own trade)
        # (a title alone, "Dr. Reinhardt", does not make the person described a provider)
        return Found((), "recommends a provider to the person addressed; not a lead")
    if not (lead_phrase or work_for_you or ev_c.contact >= 2 or fwd_need):
        return Found((), "contact details in the text but nothing passed on as a lead")
    category = best(category_scores(reading, provider, contact_person, env.subject, vocab,
                                      extra_text=fwd_text))
    if several:
        refs = tuple(_lead_referral(referrer, referrer_p, provider, c, category) for c in several)
        return Found(refs, f"lead: {len(refs)} contacts listed in the body")
    parties = (provider.email, contact.email) if contact.email else (provider.email,)
    names = ((provider.email, provider.display), (referrer.email, referrer_p.display))
    if contact.email:
        names += ((contact.email, contact.name or contact_person.display),)
    ref = _referral("lead", referrer.email, provider.email, contact.email, parties, category, names,
                    phone=contact.phone, contact_name=contact.name or (contact_person.display or None))
    how = "forwarded request" if contact.forwarded else "contact details in the body"
    return Found((ref,), f"lead: {how}")


# A numbered or bulleted item at the start of a line: "1) Hannah Ward, ...", "2. Janet ...", "- Tom ..."
_ITEM_START = re.compile(r"^[ \t]*(?:\d{1,2}[.)]|[-–•*])[ \t]+", re.MULTILINE)


def _listed_leads(text: str, exclude: set[str], known: set[str]) -> list[LeadContact]:
    """Several contacts passed on at once, one per numbered or bulleted item ("Two for you: 1) Hannah
    Ward, hannah@... 2) Janet Blake ... (206) 555-0129"): each item with its own details is a lead."""
    starts = [m.start() for m in _ITEM_START.finditer(text[:20_000])]
    if len(starts) < 2:
        return []
    out: list[LeadContact] = []
    seen: set[str] = set()
    for a, b in zip(starts, starts[1:] + [len(text)]):
        found = find_contact(text[a:b], (), exclude, known)
        if found is None:
            return []
        key = found.email or found.phone or ""
        if key in seen:
            return []
        seen.add(key)
        out.append(found)
    return out if len(out) >= 2 else []


def _lead_referral(referrer: Address, referrer_p: Person, provider: Person, contact: LeadContact,
                   category: str | None) -> Referral:
    """One lead: the provider addressed and one contact passed on (by address or phone only)."""
    parties = (provider.email, contact.email) if contact.email else (provider.email,)
    names = ((provider.email, provider.display), (referrer.email, referrer_p.display))
    if contact.email:
        names += ((contact.email, contact.name or ""),)
    return _referral("lead", referrer.email, provider.email, contact.email, parties, category, names,
                     phone=contact.phone, contact_name=contact.name)


def _contact_person(contact: LeadContact) -> Person:
    """A lead's contact as a person the role reading can find in the text (by name)."""
    email = contact.email or f"phone:{contact.phone}"
    if contact.email:
        base = make_person(Address(contact.name or "", contact.email))
    elif contact.name:
        base = make_person(Address(contact.name, "x@invalid"))
    else:
        return Person(email, "", "", frozenset(), frozenset())
    return Person(email, base.display, base.first, base.keys, base.compact, nickname=base.nickname)


__all__ = ["Found", "find_referrals"]
