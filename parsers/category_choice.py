"""Choosing a referral's category from the words around its provider and its contact.

Vocabulary hits (:mod:`parsers.categories`) are weighed by where they stand: said of the provider
("the realtor who found our house") or as the object of the contact's need ("needs a website")
counts double; said of the contact's own trade ("runs a dental practice") counts half, while a
problem of theirs ("her roof is leaking") keeps its weight; part of a
firm's name ("Kessler Family Dental") counts only for the provider's own firm. The subject line and
a trade in the provider's address ("reyesplumbing") add to it.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right

from .categories import Vocabulary
from .names import Person, address_words, personal_mailbox
from .roles import Reading
from .text import fold, fold_aligned

# Domain words that hint at a provider's trade ("reyesplumbing", "harborlaw", "oeztuerk-steuer").
DOMAIN_HINTS: tuple[tuple[str, str], ...] = (
    ("bookkeep", "bookkeeping"), ("cpa", "accounting"), ("account", "accounting"), ("asesor", "accounting"),
    ("steuer", "tax"), ("tax", "tax"), ("law", "legal"), ("legal", "legal"), ("avocat", "legal"),
    ("abogad", "legal"), ("anwalt", "legal"), ("plumb", "plumbing"), ("electric", "electrical"),
    ("hvac", "hvac"), ("heating", "hvac"), ("heizung", "hvac"), ("elektro", "electrical"), ("sanitaer", "plumbing"),
    ("sanitar", "plumbing"), ("plomb", "plumbing"), ("fontaner", "plumbing"), ("roof", "roofing"), ("dach", "roofing"), ("elec", "electrical"), ("deck", "carpentry"), ("carpent", "carpentry"), ("wood", "carpentry"), ("cabinetry", "carpentry"), ("floor", "flooring"), ("parkett", "flooring"), ("vermessung", "surveying"), ("geometre", "surveying"), ("topograf", "surveying"), ("cabinets", "carpentry"), ("zimmerei", "carpentry"), ("tischler", "carpentry"), ("schreiner", "carpentry"), ("fliesen", "tiling"), ("signage", "signage"), ("piscin", "pool"), ("pools", "pool"), ("paysag", "landscaping"), ("archi", "architecture"), ("upholster", "upholstery"),
    ("remodel", "renovation"), ("renov", "renovation"), ("build", "construction"), ("construct", "construction"),
    ("architect", "architecture"), ("interior", "interior-design"), ("garden", "landscaping"),
    ("landscap", "landscaping"), ("lawn", "landscaping"), ("clean", "cleaning"), ("paint", "painting"),
    ("moving", "moving"), ("movers", "moving"), ("pest", "pest-control"), ("walks", "pet-care"),
    ("paws", "pet-care"), ("pet", "pet-care"), ("vet", "veterinary"), ("tutor", "tutoring"),
    ("coach", "coaching"), ("fitness", "fitness"), ("yoga", "fitness"), ("pilates", "fitness"), ("fenc", "fencing"), ("locksmith", "locksmith"), ("fahrschul", "driving-lessons"), ("autoescuela", "driving-lessons"), ("autoecole", "driving-lessons"), ("drivingschool", "driving-lessons"), ("osteo", "osteopathy"), ("inspect", "inspection"), ("physio", "physiotherapy"), ("chiro", "chiropractic"),
    ("dental", "dentistry"), ("dentist", "dentistry"), ("orthodon", "dentistry"), ("ortodon", "dentistry"), ("clinic", "medical"), ("therap", "therapy"),
    ("photo", "photography"), ("video", "videography"), ("cater", "catering"), ("kitchen", "catering"),
    ("event", "event-planning"), ("mechanic", "auto-repair"), ("auto", "auto-repair"), ("garage", "auto-repair"),
    ("pest", "pest-control"), ("psicolog", "therapy"), ("psycholog", "therapy"), ("counsel", "therapy"), ("flor", "florist"), ("branding", "branding"), ("pixel", "web-design"),
    ("webdesign", "web-design"), ("websites", "web-design"), ("webdev", "web-design"), ("design", "graphic-design"), ("software", "software-development"),
    ("network", "it"), ("tech", "it"), ("market", "marketing"), ("translat", "translation"),
    ("talent", "recruiting"), ("recruit", "recruiting"), ("staffing", "recruiting"), ("consult", "consulting"),
    ("insur", "insurance"), ("mortgage", "mortgage"), ("lending", "mortgage"), ("wealth", "financial-planning"),
    ("financial", "financial-planning"), ("realty", "real-estate"), ("homes", "real-estate"),
    ("realestate", "real-estate"), ("immobili", "real-estate"), ("property", "property-management"),
    # the same trades as German, French and Spanish firms name themselves
    ("umzug", "moving"), ("umzueg", "moving"), ("demenag", "moving"), ("mudanz", "moving"),
    ("traiteur", "catering"), ("tierarzt", "veterinary"), ("veterin", "veterinary"), ("hundeschul", "pet-care"),
    ("notar", "notary"), ("notaire", "notary"), ("fotograf", "photography"), ("maler", "painting"),
    ("peintre", "painting"), ("pintor", "painting"), ("pintur", "painting"), ("schreiner", "carpentry"), ("tischler", "carpentry"),
    ("menuis", "carpentry"), ("carpinter", "carpentry"), ("fuster", "carpentry"), ("tasacion", "appraisal"), ("apprais", "appraisal"), ("chimney", "chimney"), ("kaminfeg", "chimney"), ("rauchfang", "chimney"), ("ramoneu", "chimney"), ("ramonag", "chimney"), ("lohnbu", "payroll"), ("ergo", "occupational-therapy"), ("chauffag", "hvac"), ("clima", "hvac"), ("removal", "moving"), ("lockand", "locksmith"), ("concrete", "concrete"), ("sharpen", "knife-sharpening"), ("glass", "glazing"), ("costura", "tailoring"), ("billing", "medical-billing"), ("clock", "clock-repair"), ("horlog", "clock-repair"), ("uhrmacher", "clock-repair"), ("reloj", "clock-repair"), ("ebanist", "carpentry"), ("garten", "landscaping"), ("jardin", "landscaping"),
    ("reinigung", "cleaning"), ("nettoy", "cleaning"), ("limpiez", "cleaning"), ("arquitect", "architecture"),
    ("statik", "engineering"), ("tragwerk", "engineering"), ("structural", "engineering"),
    ("orthophon", "speech-therapy"), ("logopad", "speech-therapy"), ("logoped", "speech-therapy"),
    ("zahnarzt", "dentistry"), ("dentaire", "dentistry"), ("fisio", "physiotherapy"), ("kinesi", "physiotherapy"),
    ("comptab", "accounting"), ("versicher", "insurance"), ("assuranc", "insurance"), ("seguros", "insurance"),
    ("traduc", "translation"), ("uebersetz", "translation"), ("fleur", "florist"), ("blumen", "florist"),
    ("elektri", "electrical"), ("inmobili", "real-estate"), ("reforma", "renovation"), ("plomer", "plumbing"), ("escriban", "notary"), ("bakery", "catering"), ("backerei", "catering"), ("patisserie", "catering"), ("pasteleria", "catering"), ("electricien", "electrical"), ("electricist", "electrical"),
)
# Local parts of shared business mailboxes: whoever writes from "info@" or "commandes@" is a firm.
_SHARED_LOCALS = frozenset({
    "info", "hello", "hallo", "hola", "bonjour", "hi", "contact", "contacto", "kontakt", "office", "buero", "bureau",
    "oficina", "team", "equipe", "equipo", "admin", "bookings", "booking", "orders", "commandes", "commande",
    "pedidos", "reservas", "reservations", "reservierung", "termine", "citas", "rdv", "appointments", "studio",
    "estudio", "atelier", "praxis", "kanzlei", "cabinet", "clinic", "clinica", "clinique", "agence", "agency",
    "agencia", "shop", "tienda", "boutique", "store", "laden", "werkstatt", "taller", "accueil", "reception",
    "recepcion", "empfang", "frontdesk", "enquiries", "inquiries", "sales", "ventas", "ventes", "vertrieb",
    "service", "servicio", "support", "care", "kunden", "clientes", "projects", "quotes", "angebote",
    "presupuestos", "devis", "mail", "post", "welcome", "new", "hey", "contrataciones", "reservaciones", "eventos",
    "events", "enquiry", "inquiry", "anfragen", "anfrage", "demandes", "consultas", "consultation", "connect",
    "membership", "members", "community", "referrals",
})

_UPPER_IT = re.compile(r"\bIT\b")


def _short_endings(stem: str) -> tuple[str, ...]:
    return (stem, stem + "s", stem + "ing", stem + "er", stem + "ers", stem + "pro", stem + "pros")


@functools.lru_cache(maxsize=4096)
def domain_categories(p: Person) -> tuple[str, ...]:
    """Trades named in a provider's domain ("reyesplumbing") or in its display name's words; at a mailbox
    provider, in the address's own words ("plomberie.mertens@", "didier.bricolage@") other than the
    person's names."""
    local, _, domain = p.email.partition("@")
    own = address_words(fold(local))
    # ("Flor Díaz" <flor.diaz@>: a person's own names, which the address repeats, are not trades)
    display = " ".join(w for w in p.display.split() if fold(w) not in own)
    personal = personal_mailbox(p.email)
    # (a mailbox provider's name is no trade: "posteo" holds "osteo", "fastmail" nothing)
    found = _domain_categories("" if personal else domain.split(".")[0], display)
    if personal:
        # (long stems only: "flor.diaz@" is Flor, not a florist)
        found += tuple(dict.fromkeys(DOMAIN_HINTS[i][1] for w in own for i in sorted(_long_stems_in(w))
                                     if DOMAIN_HINTS[i][1] not in found))
    return found


@functools.lru_cache(maxsize=4096)
def _domain_categories(domain_label: str, display: str) -> tuple[str, ...]:
    hints = set(_label_hints(fold(domain_label)))
    for word in display.split():
        hints.update(_word_hints(fold(word)))
    return tuple(dict.fromkeys(DOMAIN_HINTS[i][1] for i in sorted(hints)))


# DOMAIN_HINTS looked up by the strings that can match them, so a label or word costs a few dictionary
# probes, not a scan of every hint: long stems by themselves, short stems by each of their endings.
def _index(pairs) -> dict[str, tuple[int, ...]]:
    out: dict[str, list[int]] = {}
    for key, i in pairs:
        out.setdefault(key, []).append(i)
    return {k: tuple(v) for k, v in out.items()}


_BY_LONG_STEM = _index((stem, i) for i, (stem, _) in enumerate(DOMAIN_HINTS) if len(stem) > 4)
_BY_SHORT_ENDING = _index((e, i) for i, (stem, _) in enumerate(DOMAIN_HINTS) if len(stem) <= 4
                          for e in dict.fromkeys(_short_endings(stem)))
_BY_SHORT_STEM = _index((stem, i) for i, (stem, _) in enumerate(DOMAIN_HINTS) if len(stem) <= 4)
_LONGEST_STEM = max(map(len, _BY_LONG_STEM))
_LONGEST_ENDING = max(map(len, _BY_SHORT_ENDING))


@functools.lru_cache(maxsize=8192)
def _label_hints(label: str) -> tuple[int, ...]:
    """Hints in a domain label: a long stem anywhere ("oeztuerk-steuer"); a short stem at the end
    ("saidvet", "beckerroofing") or as a part of it, not inside a name ("petrova", "lawson")."""
    found: set[int] = set(_long_stems_in(label))
    for k in range(1, min(len(label), _LONGEST_ENDING) + 1):
        found.update(_BY_SHORT_ENDING.get(label[-k:], ()))
    for part in label.split("-"):
        found.update(_BY_SHORT_STEM.get(part, ()))
    return tuple(found)


@functools.lru_cache(maxsize=8192)
def _long_stems_in(word: str) -> frozenset[int]:
    """Hints whose long stem stands anywhere in the word ("oeztuerk-steuer", "ramonage.bertin")."""
    return frozenset(i for start in range(len(word)) for end in range(start + 5, min(len(word), start + _LONGEST_STEM) + 1)
                     for i in _BY_LONG_STEM.get(word[start:end], ()))


@functools.lru_cache(maxsize=8192)
def _word_hints(word: str) -> tuple[int, ...]:
    """Hints in a display name's word: starting with a long stem, or a short stem with its ending."""
    found: set[int] = set(_BY_SHORT_ENDING.get(word, ()))
    for end in range(5, min(len(word), _LONGEST_STEM) + 1):
        found.update(_BY_LONG_STEM.get(word[:end], ()))
    return tuple(found)


_LONG_STEMS = tuple(stem for stem, _ in DOMAIN_HINTS if len(stem) > 4)


def shared_inbox(p: Person) -> bool:
    """A firm's shared mailbox ("info@", "commandes@", "fontaneria@"): a business, never a private buyer.

    Introductions put a firm on the email when it is the one to do the work, so with no direction in
    the words, the shared inbox is the provider."""
    return _shared_local(p.email.split("@", 1)[0])


@functools.lru_cache(maxsize=4096)
def _shared_local(local_part: str) -> bool:
    local = fold(local_part).split("+", 1)[0]
    return local in _SHARED_LOCALS or local.startswith(_LONG_STEMS)


def category_scores(reading: Reading, provider: Person | None, contact: Person | None, subject: str,
                     vocab: Vocabulary, per_provider: bool = False, extra_text: str = "") -> dict[str, float]:
    scores: dict[str, float] = {}
    text = reading.text
    sentences = reading.sentences
    starts = [s.start for s in sentences]
    for hit, owner, need in zip(reading.hits, reading.hit_owner, reading.hit_need):
        w = hit.term.weight
        original = text[hit.start:hit.end]
        if hit.text == "it":
            if original != "IT":
                continue
            w = 2.0
        elif vocab.is_ambiguous(hit):
            w *= 0.5
        sidx = max(0, bisect_right(starts, hit.start) - 1)
        sent = sentences[sidx]
        capitalised = original[:1].isupper() and _in_proper_name(text, hit.start, hit.end)
        is_provider = provider is not None and owner == provider.email
        if capitalised and not is_provider and hit.term.category != "it":
            # part of a proper name ("Kessler Family Dental"): only the provider's own firm counts
            if not (provider and hit.term.category in domain_categories(provider)):
                continue
        if per_provider and provider is not None:
            if not (is_provider or (need and sent.addressee == provider.email)):
                continue
        if is_provider:
            w *= 2
        elif need:
            w *= 2
        elif contact is not None and owner == contact.email and hit.term.weight > 1:
            # the contact's own trade ("runs a dental practice"); their problems ("roof leaking",
            # weak hints) keep their weight
            w *= 0.5
        scores[hit.term.category] = scores.get(hit.term.category, 0.0) + w
    if subject:
        for hit in _subject_hits(vocab, subject):
            if hit.text == "it" and not _UPPER_IT.search(subject):
                continue
            scores[hit.term.category] = scores.get(hit.term.category, 0.0) + hit.term.weight * 2
    if extra_text:
        for hit in vocab.find(fold_aligned(extra_text)):
            if hit.text == "it":
                continue
            scores[hit.term.category] = scores.get(hit.term.category, 0.0) + hit.term.weight * 0.5
    if provider is not None:
        for cat in domain_categories(provider):
            scores[cat] = scores.get(cat, 0.0) + 2.0
    return scores


@functools.lru_cache(maxsize=256)
def _subject_hits(vocab: Vocabulary, subject: str) -> tuple:
    return tuple(vocab.find(fold_aligned(subject)))


def _in_proper_name(text: str, start: int, end: int) -> bool:
    """A capitalised word next to another capitalised word: part of a firm's name ("Kessler Family
    Dental", "Harbor Law"), unlike a German noun standing alone ("einen Elektriker")."""
    before = text[max(0, start - 25):start].rstrip(" &")
    prev = before.split()[-1] if before.split() else ""
    after = text[end:end + 25].lstrip(" &")
    nxt = after.split()[0] if after.split() else ""
    return (prev[:1].isupper() and not before.endswith((".", "!", "?", ":", "\n")) and prev.lower() not in _NOT_NAME_WORDS) \
        or (nxt[:1].isupper() and nxt.lower().strip(".,;:!?") not in _NOT_NAME_WORDS)


_NOT_NAME_WORDS = frozenset({"i", "a", "the", "my", "our", "her", "his", "their", "and", "or", "der", "die", "das",
                             "ein", "eine", "einen", "le", "la", "les", "un", "une", "el", "los", "las", "una"})


# A job to fill is "hiring", unless a recruiter is part of it: then the service is the recruiter's.
_SERVICE_BEHIND = {"hiring": "recruiting"}


def best(scores: dict[str, float]) -> str | None:
    if not scores:
        return None
    for job, service in _SERVICE_BEHIND.items():
        if scores.get(job) and scores.get(service):
            scores = dict(scores)
            scores[service] += scores.pop(job)
    cat, score = max(scores.items(), key=lambda kv: kv[1])
    return cat if score >= 1.5 else None


__all__ = ["DOMAIN_HINTS", "best", "category_scores", "domain_categories", "shared_inbox"]
