"""Who in an introduction gives the service (provider) and who needs it (contact).

How people write introductions decides the method. A paragraph is usually addressed to one party
("Dana, Hannah runs a pottery studio...") and describes the other; sentences say what a person
needs ("is looking for", "sucht", "cherche", "necesita") or what they did for the writer ("did our
taxes", "redid our backyard", "betreut meine Firma", "a transformé notre appartement") or what they
are ("the realtor who", "l'architecte qui"). So the text is read sentence by sentence:

1. a vocative at the start of a sentence ("Dana,", "Hi Mark,", "Bea:", "Carlos meet ...") sets who
   is being spoken to; "you" then means that person;
2. every cue phrase is credited to the nearest actor before it in the same sentence: a named party,
   "he/she/they" (the party last talked about), "you" (the addressee) or "I/we" (the writer, who is
   not a party, so the cue is dropped);
3. each party sums provider and contact evidence; the difference decides, and a lack of direction
   with "you two should compare notes" wording makes a peer introduction.

Every regex runs once over the (bounded) text; attribution is a binary search over actor positions.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from .categories import Hit, Vocabulary
from .cues import (BOTH, BOTH_WORDS, FIRST_PERSON_TRIGGERS, FIRST_SUBJECTS, NO_DEAL, NOT_WORK, PEER, PERSON_ART, PRESENTATIVE,
                   ROLE_CUES, SECOND, THIRD_ACTORS, WEAK_PEER, WORK_VERB_BEFORE)
from .names import WORD, Mention, Person, name_index
from .sentences import Sentence, inner_vocative, split_sentences, starts_with_mention_of, trailing_vocative, vocative
from .text import Tokens, fold, fold_aligned


@dataclass
class Evidence:
    """What the text says about one party: summed provider and contact cues, and which ones."""

    provider: float = 0.0
    contact: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def lean(self) -> float:
        """Positive: provider; negative: contact."""
        return self.provider - self.contact


@dataclass
class Reading:
    """The analysis of one text: sentences, who is named where, and role evidence per party."""

    text: str
    folded: str
    sentences: list[Sentence]
    mentions: list[Mention]
    evidence: dict[str, Evidence]
    peer_score: float
    hits: list[Hit]
    hit_owner: list[str | None]          # for each category hit: the party its sentence is about
    hit_need: list[bool]                 # for each category hit: it follows a need cue in its sentence
    addressed: set[str]
    cue_count: int
    no_deal: bool = False                # the writer says nobody is buying: a peer introduction
    group_need: float = 0.0              # need said of a counted group ("two friends who are looking")


def _inside_mention(hit: Hit, mentions: list[Mention], m_starts: list[int]) -> bool:
    """A category word that is part of a person's name ("Familie Schneider", "Harbor Law" is not)."""
    k = bisect_right(m_starts, hit.start) - 1
    return k >= 0 and mentions[k].start <= hit.start < mentions[k].end and not mentions[k].company


_ACTOR_WORDS = THIRD_ACTORS | FIRST_SUBJECTS | SECOND


def _actor_word(word: str) -> str:
    """The word an actor test looks at: "she's" -> "she", "l'avocat" -> "l"."""
    return (word.split("'")[0] or word) if "'" in word else word


def _actor_words(toks: Tokens) -> list[tuple[str, int]]:
    """(actor word, position) of the pronouns and subjects in the text, in order.

    Only the distinct words of the text are tested, so the per-word loop is a single set probe; a
    word without an apostrophe is its own actor word, so those are found by one set intersection.
    """
    wanted = {w for w in _ACTOR_WORDS.intersection(toks.index) if "'" not in w}
    wanted.update(w for w in toks.index if "'" in w and _actor_word(w) in _ACTOR_WORDS)
    if not wanted:
        return []
    return [(_actor_word(w), start) for w, start in zip(toks.words, toks.starts) if w in wanted]


_SOLD_WITH = re.compile(r"(?:has |have |had )?(?:sold|bought|listed|closed|bought and sold)\b")


def read_roles(text: str, people: list[Person], referrer: Person | None, vocab: Vocabulary,
               toks: Tokens | None = None, default_addressee: str | None = None) -> Reading:
    """Analyse ``text`` (the new text of an introduction) for the given parties.

    ``toks`` may pass the text's tokens when the caller already has them (same folded text).
    """
    if toks is None:
        toks = Tokens(fold_aligned(text).replace("\n", " "))
    folded = toks.folded
    parties = {p.email for p in people}
    index = name_index(tuple(people) + ((referrer,) if referrer else ()))
    mentions = index.mentions(text)
    self_email = referrer.email if referrer else None
    m_starts = [m.start for m in mentions]
    spans = split_sentences(text)

    # Actors: named parties, pronouns and the writer, by position.
    actor_pos: list[int] = []
    actor_who: list[str] = []     # party email, "@third", "@you", "@self"
    mention_at = {m.start: m for m in mentions}
    for m in mentions:
        actor_pos.append(m.start)
        actor_who.append("@self" if m.email == self_email else m.email)
    formal = _FORMAL_GERMAN.search(text[:400]) is not None
    for w, start in _actor_words(toks):
        if w in THIRD_ACTORS:
            if w == "sie" and text[start:start + 1] == "S" and (
                    (start > 1 and text[start - 2:start].strip() not in (".", "!", "?", ""))
                    or (formal and _PLURAL_VERB_AFTER.match(folded, start + 3))):
                # capital "Sie" inside a sentence; or, in a letter to "Herr Schulte", "Sie haben ..." with
                # the verb of "you" (not "Sie zieht": she; among first names, "Sie haben": they)
                actor_pos.append(start)
                actor_who.append("@you")
                continue
            actor_pos.append(start)
            actor_who.append("@third")
        elif w in FIRST_SUBJECTS:
            actor_pos.append(start)
            actor_who.append("@self")
        elif w in SECOND:
            actor_pos.append(start)
            actor_who.append("@you")
    if mentions:
        order = sorted(range(len(actor_pos)), key=actor_pos.__getitem__)
        actor_pos = [actor_pos[k] for k in order]
        actor_who = [actor_who[k] for k in order]
    del mention_at

    hits = vocab.find_tokens(toks)
    person_nouns = [h.start for h in hits if h.term.person]
    has_both = toks.has_any(BOTH_WORDS)
    # Sentences with their addressee and the party each pronoun refers to.
    sentences: list[Sentence] = []
    addressee: str | None = default_addressee
    addressed_all: set[str] = set()
    topic_at: list[tuple[int, str | None, str | None]] = []   # (sentence start, topic, addressee)
    topic: str | None = None
    for start, end in spans:
        voc, vend = vocative(text, start, end, mentions, m_starts, parties)
        if len(voc) == 1 and _listed_not_addressed(text, folded, start, vend, person_nouns):
            voc, vend = [], start
        if len(voc) == 1:
            addressee = voc[0]
            addressed_all.add(addressee)
            topic = None
        elif len(voc) > 1:
            addressee = None
            topic = None
        elif addressee and addressed_all and len(parties) == 2 and FIRM_SALUTATION.match(text, start):
            # "Aurélie, voici le traiteur ... Madame, Monsieur, Aurélie organise ...": a salutation to
            # a firm turns to the other party
            addressee = next(p for p in parties if p != addressee)
            addressed_all.add(addressee)
            topic = None
        elif has_both and BOTH.search(folded, start, end):
            addressee = None
        elif addressee and starts_with_mention_of(text, start, end, mentions, m_starts, addressee):
            # "Tom, Dr. Lee is ... Tom has a mole ...": the addressee is now talked about, not to
            addressee = None
        sent_addressee = addressee
        if not voc:
            trailing = trailing_vocative(text, start, end, mentions, m_starts, parties)
            if trailing:
                sent_addressee = trailing
                addressed_all.add(trailing)
            else:
                inner = inner_vocative(text, start, end, mentions, m_starts, parties)
                if inner:
                    # "Now that the offer is through, Siobhan, you will need a conveyancer": spoken to from here on
                    sent_addressee = addressee = inner
                    addressed_all.add(inner)
                    topic = None
        sentences.append(Sentence(start, end, sent_addressee, vend))
        if topic is None and addressee and len(parties) == 2:
            topic = next(p for p in parties if p != addressee)
        topic_at.append((start, topic, addressee))
        # the topic for the next sentence: the last party named here other than the addressee
        lo, hi = bisect_left(m_starts, vend), bisect_left(m_starts, end)
        for m in mentions[lo:hi]:
            if m.email in parties and m.email != addressee:
                topic = m.email
    sent_starts = [s.start for s in sentences]

    evidence = {p: Evidence() for p in parties}
    cue_count = 0
    need_pos: list[tuple[int, int]] = []   # (position, sentence index) of need cues
    needy_in: dict[int, set[str]] = {}     # sentence index -> parties said to need something there

    def with_partners(k: int, lo: int) -> list[str]:
        """Mention k and the parties joined to it by "and": "Mark and Susan ... want"."""
        found = [mentions[k].email]
        while k > 0 and mentions[k - 1].start >= lo:
            gap = text[mentions[k - 1].end:mentions[k].start]
            if gap.strip().lower() in ("and", "&", "und", "et", "y", "e") and mentions[k - 1].email in parties:
                found.append(mentions[k - 1].email)
                k -= 1
            else:
                break
        return found

    def resolve(pos: int, sidx: int, lo_limit: int) -> list[str]:
        """The parties an actor reference before ``pos`` stands for, within the sentence."""
        j = bisect_right(actor_pos, pos) - 1
        # "del que te hablé", "dont je t'ai parlé", "von dem ich dir erzählt habe": "you" inside a
        # relative clause is its object, not who acts in the main clause
        while j >= 0 and actor_pos[j] >= lo_limit and actor_who[j] in ("@you", "@self") and (
                _RELATIVE_BEFORE.search(folded, max(0, actor_pos[j] - 14), actor_pos[j]) or
                # "the fella I mentioned who mows our lawn": "who" starts a clause of its own
                _WHO_BETWEEN.match(folded, actor_pos[j], pos + 1)):
            j -= 1
        if j < 0 or actor_pos[j] < lo_limit:
            return []
        who = actor_who[j]
        if who == "@self":
            return []
        sent = sentences[sidx]
        if who == "@you":
            return [sent.addressee] if sent.addressee else []
        if who == "@third":
            # the last party named in this sentence before the pronoun, else the running topic
            k = bisect_right(m_starts, actor_pos[j]) - 1
            while k >= 0 and mentions[k].start >= sent.vocative_end:
                if mentions[k].email in parties and mentions[k].email != sent.addressee:
                    return with_partners(k, sent.vocative_end)
                k -= 1
            # (the group may be named in the sentence before: "My sellers close on the 25th. So they need")
            group_from = sentences[sidx - 1].start if sidx > 0 and topic_at[sidx][2] == topic_at[sidx - 1][2] else sent.vocative_end
            if folded.startswith("they", actor_pos[j]) and _UNNAMED_GROUP.search(folded, group_from, actor_pos[j]) and \
                    not any(group_from <= m.start < actor_pos[j] and m.email in parties for m in mentions):
                # "finishing a pool for a couple in Mount Gravatt and they want a deck": the pronoun is
                # the people just mentioned without a name, not the running topic
                return []
            topic = topic_at[sidx][1]
            return [topic] if topic else []
        if who in parties:
            k = bisect_right(m_starts, actor_pos[j]) - 1
            return with_partners(k, sent.vocative_end) if k >= 0 and mentions[k].email == who else [who]
        return []

    matches: list[tuple[int, int, str, str, float]] = []
    for cue, role, weight in ROLE_CUES.triggered(toks):
        for m in cue.finditer(toks, checked=True):
            matches.append((m.start(), m.end(), m.group(), role, weight))
    for pos in toks.positions(FIRST_PERSON_TRIGGERS):
        w = _work_verb_before(folded, pos)
        if w is None:
            continue
        if folded.endswith("with ", 0, pos) and _SOLD_WITH.match(w.group()):
            continue   # "she sold her condo with me": the writer's client, not someone working for the writer
        end_fp = folded.find(" ", pos)
        end_fp = len(folded) if end_fp < 0 else end_fp
        if folded.startswith((" permission", " consent", " the ok", " the go-ahead", " her permission", " his permission",
                              " a phone number", " a number", " her number", " his number", " their number",
                              " her details", " his details", " her email", " his email"), end_fp):
            # "Kristen has given us permission to share this", "she only gave me a phone number":
            # consent or contact details, not work done for us
            continue
        matches.append((w.start(), end_fp, folded[w.start():end_fp], "P", 3.0))
    matches.sort()
    group_need = 0.0
    m_ends = sorted(m.end for m in mentions)
    parties_at_end = {m.end for m in mentions if m.email in parties}
    for start_pos, end_pos, matched, role, weight in matches:
        pos = start_pos
        sidx = max(0, bisect_right(sent_starts, pos) - 1)
        sent = sentences[sidx]
        if matched.startswith("a ") and text[start_pos] in "àÀ":
            continue   # "à côté de la nôtre": the preposition, which folds to the verb "a"
        if role == "P" and matched.startswith(",") and start_pos < sent.vocative_end:
            # "Frau Schulte, die Firma meldet sich": the comma ends a vocative, not an apposition
            continue
        if role in ("CY", "PY", "PO"):
            # said of the one spoken to ("you mentioned you're hiring": needs; "could you take a look":
            # provides) or of the other of two ("Fer, ... te puede ayudar": the other provides)
            others = [p for p in parties if p != sent.addressee]
            who = sent.addressee if role != "PO" else (others[0] if sent.addressee and len(others) == 1 else None)
            if who:
                if role == "CY":
                    evidence[who].contact += weight
                else:
                    evidence[who].provider += weight
                evidence[who].notes.append(f"{role}+{weight:g} {matched!r}")
                cue_count += 1
            continue
        if role == "PA":
            k = bisect_left(m_starts, end_pos)
            if k < len(mentions) and mentions[k].start - end_pos <= 3 and mentions[k].email in parties:
                who = mentions[k].email
                evidence[who].provider += weight
                evidence[who].notes.append(f"P+{weight:g} {matched!r}")
                cue_count += 1
            continue
        if role == "C" and _NOUN_SUBJECT_BEFORE.search(folded, max(0, pos - 25), pos) and \
                not _mention_ends_near(mentions, pos - 3, pos):
            # "the WDO the lender wants", "was die Bank verlangt": the need of someone not on the email
            continue
        if role != "P" and _counted_group_before(folded, pos, sent.start, m_ends, parties_at_end):
            # "je te présente deux amies qui cherchent", "dos clientes que necesitan": the need is the
            # group's (listed next), not the person spoken to
            group_need += weight
            continue
        noun_relative = _NOUN_RELATIVE_BEFORE.search(folded, max(0, pos - 40), pos) if role == "P" else None
        if noun_relative is not None and _COPULA_BEFORE.search(folded, max(0, noun_relative.start() - 8), noun_relative.start()):
            # "Merle ist die UX-Designerin, die bei uns ... gemacht hat": the noun is what the subject is
            noun_relative = None
        if role == "P" and (noun_relative is not None or _UNNAMED_DOER.search(folded, max(0, pos - 30), pos)) and \
                not _mention_ends_near(mentions, pos - 7, pos):
            # "connect Halden Logistics with the search firm that found our last two CFOs", "you asked
            # who shot our menu photos": the work is someone's not named there
            continue
        inverted = _INVERTED_SUBJECT.match(folded, end_pos)
        if inverted is not None and inverted.group().strip() == "el" and text[inverted.start() + 1] != "é":
            inverted = None   # "nos arregló el calentador": the article, not "él"
        if inverted is not None and role in ("C", "P") and text[inverted.start() + 1].islower() and \
                not _SUBJECT_BEFORE.search(folded, max(0, pos - 6), pos):
            # (not "ich möchte Sie ...", where "Sie" is the one spoken to, nor "ich möchte sie ...")
            # "Danach braucht sie eine gute Physio", "necesita ella": the subject follows the verb
            pos = inverted.end()
        elif role in ("C", "P") and _AND_BEFORE.search(folded, max(0, pos - 5), pos):
            # "Farah saw the photos you took of us and wants the same": a second verb shares the
            # sentence's first subject, whoever was named in between
            lo = sent.vocative_end if sent.vocative_end <= pos else sent.start
            k = bisect_left(actor_pos, lo)
            if k < len(actor_pos) and actor_pos[k] < pos and actor_who[k] not in ("@self", "@you") and \
                    not any(actor_who[j] in parties and actor_who[j] != actor_who[k]
                            for j in range(k + 1, bisect_left(actor_pos, pos))):
                pos = actor_pos[k] + 1
        elif matched.startswith(_FIRST_PERSON_OBJECT):
            # "Maître Girard nous a défendus", "nos arregló la fuga": the writer is the object, the
            # actor comes before
            pos -= 1
        owners = resolve(pos, sidx, sent.vocative_end if sent.vocative_end <= pos else sent.start)
        if not owners:
            continue
        cue_count += 1
        if role != "P":
            need_pos.append((end_pos, sidx))
            needy_in.setdefault(sidx, set()).update(owners)
        for who in owners:
            if role == "P":
                evidence[who].provider += weight
            else:
                evidence[who].contact += weight
            evidence[who].notes.append(f"{role}+{weight:g} {matched!r}")

    # Service nouns said of a party: "José is the landscaper who", "Ellen Park, the financial planner",
    # "Renee Holloway (insurance)", "l'architecte qui", "she's been my dentist".
    hit_owner: list[str | None] = []
    hit_need: list[bool] = []
    if mentions:
        hits = [h for h in hits if not _inside_mention(h, mentions, m_starts)]
    # "the inspection the lender wants": a third party's own demand names no service of this introduction
    hits = [h for h in hits
            if not (h.term.person and folded.endswith("the ", 0, h.start) and _THIRD_PARTY_DEMANDS.match(folded, h.end))]
    for h in hits:
        sidx = max(0, bisect_right(sent_starts, h.start) - 1)
        sent = sentences[sidx]
        owner = _noun_owner(text, folded, h, mentions, m_starts, sent, parties)
        if owner is not None and h.term.person and (folded[max(0, h.start - 3):h.start] in ("'s ", "s' ") or
                                                    _OWN_PROVIDER.search(folded, max(0, h.start - 30), h.start) or
                                                    _NOUN_AFTER_TRADE.match(folded, h.end) or
                                                    _FAMILY_ROLE_BEFORE.search(folded, max(0, h.start - 12), h.start)):
            # "Deepa aunty's doctor told her", "Lupe is bringing her accountant, Dana": someone's own
            # doctor, not what they are; "a mortgage broker friend": the friend is the broker
            owner = None
        if owner is not None and h.term.person:
            # "Lucy is a wedding photographer who needs an accountant": her own trade, weakly
            weight = 0.5 if any(owner in needy for needy in needy_in.values()) else 3.0
            evidence[owner].provider += weight
            evidence[owner].notes.append(f"P+{weight:g} is a {h.text!r}")
            cue_count += 1
        elif owner is not None and _parenthesised(folded, h, text):
            evidence[owner].provider += 2
            evidence[owner].notes.append(f"P+2 ({h.text})")
        elif owner is not None and _LINE_LABEL_BEFORE.fullmatch(text, text.rfind("\n", 0, h.start) + 1, h.start) and \
                _LABEL_DASH.match(text, h.end):
            # "📸 Photography — Nina Park", "Steuerberatung: Frau Ott": a service labelling a line, then who
            evidence[owner].provider += 3
            evidence[owner].notes.append(f"P+3 {h.text!r} — name")
        if owner is None:
            owners = resolve(h.start, sidx, sent.start)
            owner = owners[0] if owners else None
        hit_owner.append(owner)
        hit_need.append(any(s == sidx and p <= h.start for p, s in need_pos))
    # "🎧 Music — Petra Bloom.": a line labelled with what someone offers, then their name; and the
    # other way round, "Luis Ferreira - photography.", "Gus Adeyemi - Smoke & Salt catering."
    hit_starts = [h.start for h in hits]
    for i, m in enumerate(mentions):
        if m.email not in parties:
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        label = _LABELLED_LINE.fullmatch(text, line_start, m.start)
        if label is not None and fold(label.group(1)).split()[0] not in _NOT_LABELS and \
                not any((o.email == m.email or o.email in parties) and line_start <= o.start < m.start
                        for o in mentions[max(0, i - 3):i]):
            # (not "Paddy Quinn – Quinn's Butchers": a name and the firm, both his, on a contact card; nor
            # "Jess – Adrian owns ...": a party spoken to, then another named)
            evidence[m.email].provider += 2
            evidence[m.email].notes.append(f"P+2 line label {label.group(1)!r}")
            continue
        after_for = _FOR_THE_SERVICE.match(text, m.end)
        if after_for is not None and m.email in parties:
            k = bisect_left(hit_starts, after_for.end())
            if k < len(hits) and hits[k].start == after_for.end() and not hits[k].term.person:
                # "Ridgeline for the plumbing rough in and Kev Sullivan for electric": each named for a service
                evidence[m.email].provider += 2
                evidence[m.email].notes.append(f"P+2 for the {hits[k].text!r}")
                continue
        if _FOR_SERVICE_AFTER.match(text, m.end) and _BULLETED_NAME.fullmatch(text, line_start, m.start) and \
                not any(o.email == m.email and line_start <= o.start < m.start for o in mentions[max(0, i - 3):i]):
            # "- Physiotherapie Hietzing für die Kräftigung ...", "- Maestro Ramiro para toda la obra negra":
            # a listed party and what they are for
            evidence[m.email].provider += 2
            evidence[m.email].notes.append("P+2 listed for a service")
            continue
        if _LINE_LABEL_BEFORE.fullmatch(text, line_start, m.start):
            dash = _NAME_THEN_DASH.match(text, m.end)
            if dash is None or _SENTENCE_AFTER_DASH.match(text, dash.end()):
                # ("Jordan - these are the folks who walk Biscuit": spoken to, then a sentence)
                continue
            k = bisect_left(hit_starts, dash.end())
            next_mention = next((o.start for o in mentions[i + 1:] if o.email != m.email), len(text))
            if k < len(hits) and hits[k].start - dash.end() <= 30 and hits[k].start < next_mention and \
                    "\n" not in text[dash.end():hits[k].start]:
                evidence[m.email].provider += 2
                evidence[m.email].notes.append(f"P+2 name - {hits[k].text!r}")
    # "Dr. Rahman": a title that only providers carry here.
    titled: set[str] = set()
    for m in mentions:
        if m.email in parties and m.email not in titled and \
                text[max(0, m.start - 4):m.start].lower().replace(" ", "") in ("dr.", "dr"):
            titled.add(m.email)   # once per person, however often the title is written
            evidence[m.email].provider += 1
            evidence[m.email].notes.append("P+1 Dr.")

    peer = float(PEER.count(toks)) + 0.4 * WEAK_PEER.count(toks)
    return Reading(text, folded, sentences, mentions, evidence, peer, hits, hit_owner, hit_need,
                   addressed_all, cue_count, NO_DEAL.search(toks) is not None, group_need)


_THIRD_PARTY_DEMANDS = re.compile(r"s? (?:wants|needs|requires|required|requested|asks|asked|insists|demands)\b")
_NOUN_SUBJECT_BEFORE = re.compile(r"\bthe (?:lender|bank|landlord|insurer|insurance|council|city|school|agent|buyer's agent|"
                                  r"seller|seller's agent|surveyor|valuer|court|tax office|employer|hoa|strata) $|"
                                  r"\b(?:die bank|der vermieter|die versicherung|el banco|la banque|le banquier|la mairie) $")
_WHO_BETWEEN = re.compile(r"(?:i|we)(?: have| had|'ve)? (?:mentioned|told you about|talked about|spoke about|recommended|"
                          r"met|know|knew|use|used)(?: to you)? (?:who|that) ")


def _work_verb_before(folded: str, pos: int) -> re.Match | None:
    """The verb of work done for the writer before "our"/"me" at ``pos``: "who mows our lawn". A verb
    that is no work ("the fella I mentioned who mows our lawn") is passed over for a later one."""
    lo = max(0, pos - 70)
    for _ in range(3):
        w = WORK_VERB_BEFORE.search(folded, lo, pos)
        if w is None:
            return None
        words = w.group().split()
        verb = words[1] if words[0] in ("has", "have", "had") else words[0]
        if verb in NOT_WORK or (verb == "do" and w.group().strip() != "do") or \
                _PERMISSION.search(folded, w.start(), pos):
            # ("has given permission for us to share": consent, not work)
            # ("do" only right before: "they do our books", not "do let me know")
            lo = w.start() + w.group().index(verb) + len(verb)
            continue
        return w
    return None


_PERMISSION = re.compile(r"\b(?:permission|consent|the ok|the go-ahead|her blessing|his blessing)\b")
# "Mrs. Kay is the primary caregiver for her husband": a role in the family, not a trade
_FAMILY_ROLE_BEFORE = re.compile(r"\b(?:primary|family|main|unpaid|sole|full-time family) $")
_OWN_PROVIDER = re.compile(r"\b(?:her|his|their|your) (?:[\w-]+ )?$")
_NOUN_AFTER_TRADE = re.compile(r" (?:friend|colleague|buddy|pal|neighbou?r|mate|cousin|sister|brother)s?\b")
_UNNAMED_GROUP = re.compile(r"\b(?:a|an|some|two|three|the|my|our) (?:young |lovely |retired |new |local )?(?:couple|family|clients|"
                            r"customers|neighbou?rs|homeowners|buyers|sellers|tenants|parents|in-laws|friends)\b")


# A relative clause about a counted group: "two of my neighbors have trees that", "deux amies qui",
# "dos clientes míos de la calle Real que", "zwei Nachbarn, die".
_RELATIVE_END = re.compile(r"\b(?:who|that|which|qui|que|die|welche)(?: \w+){0,2} $")
_COUNT_WORD = re.compile(r"\b(?:two|three|four|both|several|deux|trois|quatre|plusieurs|dos|tres|cuatro|varios|varias|"
                         r"zwei|drei|vier|mehrere|beide)\b")


# A counted group as the subject right before the need: "zwei meiner Kunden suchen", "two of my clients need",
# "deux de mes clients cherchent", "dos de mis clientes buscan"
_COUNTED_SUBJECT = re.compile(
    r"\b(?:two|three|four|both|several|deux|trois|quatre|plusieurs|dos|tres|cuatro|varios|varias|zwei|drei|vier|mehrere|beide)"
    r" (?:(?:of )?(?:my|our) |meiner |unserer |de (?:mis|nuestros|nuestras|mes|nos) )?(?:\w+ )?"
    r"(?:clients|customers|friends|neighbours|neighbors|members|patients|kunden|mandanten|freunde|freundinnen|nachbarn|"
    r"bekannte|patienten|clientes|amigos|amigas|vecinos|socios|pacientes|amis|amies|voisins)(?: [\w']+){0,3} $")
_BOTH_BEFORE = re.compile(r"(?<!you )(?<!u )(?<!vous )(?<!ihr )\b(both|beide|tous les deux|ambos|los dos) $")


def _counted_group_before(folded: str, pos: int, sent_start: int, m_ends: list[int], party_ends: set[int]) -> bool:
    """A need cue inside a relative clause whose antecedent is a counted group of people, not a party, or
    said right after such a group ("zwei meiner Kunden suchen")."""
    lo = max(sent_start, pos - 80)
    window = folded[lo:pos]
    if _COUNTED_SUBJECT.search(window):
        return True
    if _BOTH_BEFORE.search(window):
        # "... saw your work and both want the same": a group of people not on the email, unless a party
        # is named just before ("Tom and Ana both need")
        k = bisect_right(m_ends, pos) - 1
        return not (k >= 0 and m_ends[k] in party_ends and pos - m_ends[k] <= 20)
    rel = _RELATIVE_END.search(window)
    if rel is None:
        return False
    before = lo + rel.start()
    # "Hannah, who needs": the antecedent is a named party
    k = bisect_right(m_ends, before) - 1
    if k >= 0 and m_ends[k] in party_ends and before - m_ends[k] <= 3:
        return False
    return _COUNT_WORD.search(folded, max(sent_start, before - 60), before) is not None


_LIST_BULLET = re.compile(r"\s*(?:[-*•·–—]|\d{1,2}[.)])\s")
# After "Name," a relative pronoun describes the person named ("Anika Rao, who designed our office").
_RELATIVE_AFTER = re.compile(r"[ \t]*(?:who|which|qui|que|quien|der|die|el cual|la cual)\b")
_LABELLED_LINE = re.compile(r"[^\w\n]{0,6}([A-ZÀ-Ý][\w&/' ]{1,28}?)[ \t]{1,2}[—–][ \t]{1,2}")
_NOT_LABELS = frozenset({"hi", "hello", "hey", "dear", "hallo", "hola", "bonjour", "salut", "thanks", "thank", "cheers",
                         "ps", "p", "note", "re", "fwd", "subject", "from", "to", "cc", "sent", "date", "von", "an", "de",
                         "objet", "asunto", "para", "good", "morning", "buenos", "guten", "liebe", "lieber", "chere", "cher"})
_NAME_THEN_DASH = re.compile(r"(?:\s+(?:at|from|of|von|de|du|chez)\s+[^\n—–-]{1,30}?)?[ \t]{1,2}[—–-][ \t]{1,2}")
_LINE_LABEL_BEFORE = re.compile(r"[^\w\n]{0,6}")
_LABEL_DASH = re.compile(r"[ \t]{0,2}[—–:-][ \t]{0,2}")
# The one who did the work is not named there: "you asked who shot our photos", "que es quien lleva ..."
_UNNAMED_DOER = re.compile(r"\b(?:asked|ask|asking|wondering|wondered|know|knew|remember|find out|sure) (?:me |us )?who $|"
                           r"\b(?:que es|es|c'est|ist) (?:quien|qui|lui qui|elle qui|der|die) $")
# "the search firm that found our CFOs", "hier die beiden, die bei uns alles gemacht haben": the work
# is the noun's (German puts a comma before every relative clause)
_NOUN_RELATIVE_BEFORE = re.compile(r"\b(?:the|a|an) (?:[\w-]+ ){1,3}(?:that|which) $|"
                                   r"\b(?:die|den|der|das|dem|ein|eine|einen) (?:[\w-]+ )?[\w-]+, $|"
                                   # "les deux entreprises qui ont fait le nôtre", "los dos que nos hicieron"
                                   r"\b(?:les|des|los|las) (?:deux |trois |dos |tres )?[\w'-]+ (?:qui|que) $")


def _mention_ends_near(mentions: list[Mention], lo: int, hi: int) -> bool:
    return any(lo <= m.end <= hi for m in mentions)


FIRM_SALUTATION = re.compile(r"\s*(?:Madame,? Monsieur|Mesdames,? Messieurs|Dear Sir or Madam|Dear Sir/Madam|"
                              r"Sehr geehrte Damen und Herren|Estimados señores|Señores|Dear Sirs|To whom it may concern)\s*[,:]", re.IGNORECASE)
_NEED_IN_PARENS = re.compile(r"\b(?:new|needs?|looking|his|her|their|my|our|first|nouveau|nouvelle|neue[rs]?|nuevo|nueva)\b")
# "for the", "para la", "für die": a name followed by what they are for
_FOR = r"[ \t]+(?:for|para|pour|per|für|fur)[ \t]+(?:(?:the|your|all the|any|la|el|los|las|le|les|die|den|das|tout le|toda la|todo|toute|alle) )?"
# (after an aside: "Two Brothers Moving (dispatch is copied) for the move")
_FOR_THE_SERVICE = re.compile(r"(?:[ \t]*\([^()\n]{0,40}\))?" + _FOR, re.IGNORECASE)
_BULLETED_NAME = re.compile(r"[ \t]*(?:[-*•·–—]|\d{1,2}[.)])[ \t]+(?:[\w.]+[ \t]+){0,3}")
_FOR_SERVICE_AFTER = re.compile(_FOR + r"|"
                                # "1. Schreinerei Baumann (info@): Einbauschränke ...", "2. Elektro Fässler, Herr Roland Fässler: ..."
                                r"(?:[ \t]*\([^()\n]{0,30}\))?(?:,[^:\n]{0,40})?[ \t]*[:–—][ \t]+\S")
_COPULA_BEFORE = re.compile(r"(?<!\bhere)(?<!\bthere)(?<!\bthat)(?<!\bwhat)(?<!\bit)(?<!\bthis)(?<!\bdas)(?<!\bhier)(?<!\bc')"
                            r"(?:\b(?:ist|is|es|est|was|war|era|etait)|'s) $")
_SENTENCE_AFTER_DASH = re.compile(r"\s*(?:these|this|here|meet|he|she|they|you|i|we|it|that|those|there|as|so|just|quick|"
                                  r"er|sie|das|hier|wie|il|elle|voici|comme|ella|este|esta|aqui|como)\b", re.IGNORECASE)
_FORMAL_GERMAN = re.compile(r"\b(?:Sehr geehrte[rs]?|Guten (?:Tag|Morgen|Abend),? (?:Herr|Frau)|Grüezi,? (?:Herr|Frau)|Liebe[rs]? (?:Herr|Frau))\b")
_PLURAL_VERB_AFTER = re.compile(r" (?:haben|hatten|sind|waren|werden|wurden|konnen|konnten|kennen|kannten|[a-z]+ten|"
                                r"[a-z]+ieren|[a-z]+en)\b")
_AND_BEFORE = re.compile(r"\b(?:and|und|et|y) $")
_SUBJECT_BEFORE = re.compile(r"\b(?:ich|wir|du|ihr|er|sie|es|yo|je|nous|il|elle|on|i|we|he|she|they) $")
_INVERTED_SUBJECT = re.compile(r" (?:sie|er|ella|el|elle|il)\b")
_FIRST_PERSON_OBJECT = ("nous ", "m'", "me ", "nos ", "uns ", "mir ", "mich ", "us ")
_RELATIVE_BEFORE = re.compile(r"\b(?:del que|de la que|de quien|dont|von dem|von der|von denen|that|whom)(?: je| ich| i)? ?$")
_WORDS_BEFORE_NOUN = re.compile(r"\s*" + PERSON_ART + r"?(?:[\w'-]+\s+){0,2}")
_PRESENTATIVE = re.compile(r"\s*" + PRESENTATIVE + r"\b")
_PRESENTED_NOUN = re.compile(r"\b" + PRESENTATIVE + r"\s+" + PERSON_ART + r"?(?:[\w'-]+\s+){0,2}?$")


def _listed_not_addressed(text: str, folded: str, start: int, vend: int, person_nouns: list[int]) -> bool:
    """A name at the start of a list item or followed by what the person is, is not spoken to.

    "- Sergio Luna, electricista: ...", "Anika Rao, architect - she'll ...", "Sarah Cohen, courtière
    en crédit immobilier, qui ..." present a person; a vocative ("Dana, Hannah runs ...") goes on with a
    clause. Without this, the description would be read as said *to* the person, and dropped.
    """
    if _LIST_BULLET.match(text, start):
        return True
    if _PRESENTATIVE.match(folded, vend):
        return False  # "Marc, voici le traiteur ...": Marc is spoken to, the caterer presented to him
    if text[vend - 1:vend] != "!" and _RELATIVE_AFTER.match(folded, vend):
        # ("Hola Elena!\n\nQué ilusión ...": an exclamation after a greeting, no relative clause)
        return True
    k = bisect_left(person_nouns, vend)
    if k < len(person_nouns) and person_nouns[k] - vend <= 30:
        gap = _WORDS_BEFORE_NOUN.match(folded, vend)
        # ("Petra, Jana ist Fotografin": a verb between makes it a clause said to Petra)
        return gap is not None and gap.end() >= person_nouns[k] and "\n" not in folded[vend:person_nouns[k]] and \
            _COPULA.isdisjoint(folded[vend:person_nouns[k]].split())
    return False


_COPULA = frozenset({"is", "was", "ist", "war", "est", "etait", "es", "era", "fue", "has", "hat", "are", "sind", "son"})


def read_subject(subject: str, people: list[Person], vocab: Vocabulary,
                 mentions: list[Mention] | None = None) -> dict[str, Evidence]:
    """Provider evidence from a subject line: "Intro: Sara (tax prep) <> Jim", "Meet Aisha – the best
    realtor in Portland", "Intro: Jess <> Dr. Rahman". Only trades said of a name count there.

    ``mentions`` may pass the subject's mentions of ``people`` when the caller has looked them up
    already (the caller tests whether the subject names anyone first): names are read only once.
    """
    evidence = {p.email: Evidence() for p in people}
    parties = set(evidence)
    if mentions is None:
        mentions = name_index(tuple(people)).mentions(subject)
    if not mentions:
        return evidence
    folded = fold_aligned(subject)
    m_starts = [m.start for m in mentions]
    sentence = Sentence(0, len(subject), None, 0)
    for h in vocab.find(folded):
        if _inside_mention(h, mentions, m_starts):
            continue
        owner = _noun_owner(subject, folded, h, mentions, m_starts, sentence, parties)
        if owner is not None and not h.term.person and _NEED_IN_PARENS.search(folded, folded.rfind("(", 0, h.start) + 1, h.start):
            continue   # "Jordan (new puppy!)": what the person has or needs, not what they offer
        if owner is not None and _YOUR_BEFORE.search(folded, max(0, h.start - 20), h.start) and \
                any(m.email == owner and m.end <= h.start for m in mentions):
            # "Maker Summit: your illustrator and photographer": someone found for the one named
            evidence[owner].contact += 2
            evidence[owner].notes.append(f"subject: your {h.text}")
            continue
        if owner is not None and (h.term.person or _parenthesised(folded, h, subject)):
            evidence[owner].provider += 3 if h.term.person else 2
            evidence[owner].notes.append(f"subject: {h.text}")
    for m in mentions:
        if m.email in parties and subject[max(0, m.start - 4):m.start].lower().replace(" ", "") in ("dr.", "dr"):
            evidence[m.email].provider += 1
        following = folded[m.end:m.end + 30].split()
        if m.email in parties and following and following[0] in _NEED_VERBS:
            # "Maricel necesita dentista", "Tom needs a plumber"
            evidence[m.email].contact += 3
            evidence[m.email].notes.append(f"subject: {following[0]}")
    return evidence


_YOUR_BEFORE = re.compile(r"\b(?:your|ur|tu|tus|votre|vos|ton|ta|dein|deine|ihr|ihre|su|sus)\s(?:new\s|nuevo\s|nueva\s|neuer\s|neue\s)?$")
_APPOSITION = re.compile(
    r"\s*(?:\((?:cc'?d?|cced|copied|in cc|bcc'?d|en copie|en copia|in kopie)\)\s*)?"
    r"(?:,|—|–|-|\(|:|is|was|'s|ist|est|es|has been|'s been|this is|ist unser|ist mein)?\s*"
    r"(?:,|—|–|-|\()?\s*" + PERSON_ART + r"?(?:[\w'-]+\s+){0,3}?$")


# "Maricel necesita dentista", "Tom needs a plumber": what the person needs, not what they are.
_NEED_VERBS = frozenset("need needs needed wants seeks necesita necesitan busca buscan quiere sucht suchen braucht "
                        "brauchen cherche cherchent veut".split())


def _noun_owner(text: str, folded: str, hit: Hit, mentions: list[Mention], m_starts: list[int],
                sent: Sentence, parties: set[str]) -> str | None:
    """The party a service noun is said of: "<party>, the <noun>", "<party> is a great <noun>",
    "<party> (<noun>)" or "<pronoun> is the <noun>"."""
    k = bisect_left(m_starts, hit.start) - 1
    lo = max(sent.start, sent.vocative_end)
    if k >= 0 and mentions[k].start >= lo and mentions[k].email in parties:
        between = folded[mentions[k].end:hit.start]
        if len(between) <= 40 and "." not in between and _APPOSITION.fullmatch(between) and \
                _NEED_VERBS.isdisjoint(between.split()):
            return mentions[k].email
    # "she's been my dentist", "he is a plumber": a pronoun right before.
    before = folded[max(lo, hit.start - 40):hit.start]
    if sent.addressee and _PRESENTED_NOUN.search(before):
        # "Marc, voici le traiteur dont je te parlais": the one presented to the addressee, named
        # next ("here's the accountant, Dana") or, with two parties, the other one
        k2 = bisect_left(m_starts, hit.end)
        if k2 < len(mentions) and mentions[k2].email in parties and mentions[k2].start < sent.end and \
                mentions[k2].start - hit.end <= 30 and _AFTER_NOUN.fullmatch(folded[hit.end:mentions[k2].start]):
            return mentions[k2].email
        others = [p for p in parties if p != sent.addressee]
        if len(others) == 1:
            return others[0]
    if sent.addressee and _YOU_ARE.search(before):
        # "je lui ai dit que vous étiez l'un des derniers chaumiers", "you're the best accountant I know"
        return sent.addressee
    m = _PRONOUN_IS.search(before)
    if m is None and lo >= hit.start - 40:
        # "Es la fisio a la que...", "C'est l'orthophoniste qui...": a sentence that starts with the
        # verb, its subject the person just talked about
        m = _BARE_IS.match(before)
    if m:
        j = bisect_left(m_starts, hit.start) - 1
        while j >= 0 and mentions[j].start >= sent.start:
            if mentions[j].email in parties and mentions[j].email != sent.addressee:
                return mentions[j].email
            j -= 1
        others = [p for p in parties if p != sent.addressee]
        if sent.addressee and len(others) == 1:
            return others[0]
    # "the plumber I mentioned, Carlos" / "here's the accountant, Dana"
    k2 = bisect_left(m_starts, hit.end)
    if k2 < len(mentions) and mentions[k2].email in parties and mentions[k2].start < sent.end:
        between = folded[hit.end:mentions[k2].start]
        if len(between) <= 30 and _AFTER_NOUN.fullmatch(between):
            return mentions[k2].email
    return None


_PRONOUN_IS = re.compile(r"\b(?:(she|he|they)('s| is| was|'s been| has been| are|'re| were|'ve been| have been)|"
                         r"(?:ella|el) es|(?:ellas|ellos) son|(?:elle|il) est|(?:elles|ils) sont|(?:sie|er) ist|sie sind)\s+" + PERSON_ART + r"?(?:[\w'-]+\s+){0,3}?$")
_YOU_ARE = re.compile(r"\b(?:you are|you're|you were|vous etes|vous etiez|tu es|tu etais|sie sind|du bist|usted es|eres)\s+"
                      r"(?:(?:the|a|an|one of the|l'un des|l'une des|un des|une des|le|la|un|une|der|die|ein|eine|el|la|uno de los|una de las)\s+)?"
                      r"(?:[\w'-]+\s+){0,2}?$")
_BARE_IS = re.compile(r"\s*(?:es|c'est|c'est l'|ist)\s*" + PERSON_ART + r"?(?:[\w'-]+\s+){0,2}?$")
_AFTER_NOUN = re.compile(r"\s*(i|we)?\s*(mentioned|told you about|use|used)?\s*[,:—–-]?\s*")


def _parenthesised(folded: str, hit: Hit, text: str = "") -> bool:
    """A service in brackets after a name: "Renee Holloway (insurance)". Not a firm's name in brackets,
    "Marisol (Eastside Food Bank)": where someone works, written in capitals, is not what they offer."""
    open_at = folded.rfind("(", max(0, hit.start - 30), hit.start)
    if open_at < 0 or ")" in folded[open_at:hit.start]:
        return False
    close = folded.find(")", hit.end, hit.end + 30)
    if close < 0:
        return False
    words = WORD.findall(text[open_at + 1:close]) if text else []
    return not (len(words) >= 2 and all(w[0].isupper() for w in words))


__all__ = ["Evidence", "Reading", "read_roles", "split_sentences"]
