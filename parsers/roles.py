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
from .names import WORD, Mention, NameIndex, Person
from .text import fold_aligned

GREETINGS = frozenset({
    "hi", "hello", "hey", "dear", "morning", "good", "afternoon", "evening", "greetings", "hallo", "hi,",
    "liebe", "lieber", "liebes", "servus", "moin", "guten", "tag", "bonjour", "salut", "cher", "chere",
    "coucou", "hola", "querida", "querido", "queridos", "estimada", "estimado", "estimados", "buenos", "dias",
    "buenas", "and", "y", "et", "und", "&", "herr", "frau", "mr", "mrs", "ms", "dr", "m", "mme", "sr", "sra",
})
THIRD = frozenset({
    "he", "she", "they", "him", "her", "his", "hers", "their", "them", "theirs", "he's", "she's", "they're",
    "he'd", "she'd", "they'd", "he'll", "she'll", "they'll", "he'sbeen", "er", "sie", "ihm", "ihn", "sein",
    "seine", "seinen", "seiner", "seines", "ihre", "ihren", "ihrer", "ihres", "il", "elle", "ils", "elles",
    "lui", "son", "sa", "ses", "leur", "leurs", "el", "ella", "ellos", "ellas", "su", "sus", "who", "qui",
    "der", "die", "que", "quien",
})
FIRST = frozenset({
    "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "we", "we're", "we've", "we'd", "we'll", "us",
    "our", "ours", "myself", "ich", "mich", "mir", "mein", "meine", "meinen", "meiner", "meines", "wir",
    "uns", "unser", "unsere", "unseren", "unserer", "je", "j", "moi", "mon", "ma", "mes", "nous", "notre",
    "nos", "yo", "mi", "mis", "nosotros", "nuestro", "nuestra", "nuestros", "nuestras",
})
SECOND = frozenset({
    "you", "your", "yours", "you're", "you've", "you'd", "you'll", "yourself", "du", "dich", "dir", "dein",
    "deine", "deinen", "euch", "euer", "eure", "ihnen", "tu", "te", "toi", "ton", "ta", "tes", "vous",
    "votre", "vos", "tú", "ti", "usted", "ustedes", "os", "vosotros", "tus",
})
_BOTH = re.compile(r"\b(you two|you both|both of you|the two of you|you guys|y'all|all three of you|"
                   r"ihr beide|euch beide|sie beide|euch beiden|ihnen beiden|vous deux|tous les deux|"
                   r"toutes les deux|los dos|ustedes dos|vosotros dos|ambos|ambas)\b")
_ABBREV = frozenset({"dr", "mr", "mrs", "ms", "st", "jr", "sr", "inc", "co", "ltd", "vs", "etc", "e.g", "i.e",
                     "prof", "mt", "ft", "no", "approx", "hr", "mme", "nr", "bzw", "ca", "z.b", "sra", "av"})

_PERSON_ART = (r"(?:(?:the|a|an|our|my|his|her|their|your|l'|le|la|un|une|notre|mon|ma|der|die|ein|eine|"
               r"unser|unsere|mein|meine|el|la|un|una|nuestro|nuestra|mi)\s*)")

# (pattern, role, weight). Role "P": the actor provides; "C": the actor needs; "PA"/"CA": same, but
# credited to the party named right after the cue ("worked with Simone").
_CUES: tuple[tuple[str, str, float], ...] = (
    # --- needs (contact) ---
    (r"\b(is|are|'s|'re|been|was|were|still|currently|actively)\s+(looking|searching|shopping around|hunting)\s+(for|to)\b", "C", 3),
    (r"\b(looking|searching) for\b", "C", 2),
    (r"\b(on the hunt|in the market|on the lookout) for\b|\bin need of\b", "C", 3),
    (r"\b(needs?|needed|need(s|ed)? (help|someone|a|an|some))\b", "C", 3),
    (r"\b(wants?|wanted)\b|\b(would|'d) (like|love)\b|\b(is|are|'s|'re) (hoping|keen|eager|ready|planning|thinking)\b", "C", 2),
    (r"\b(hoping|hopes) (to|for)\b|\b(thinking|thought) (of|about)\b|\bconsidering\b|\bcould use\b|\bplans? to\b", "C", 2),
    (r"\b(struggling|struggles|overwhelmed|stuck|swamped with)\b|\basked (me )?(if|whether|for|about)\b|\binterested in\b", "C", 2),
    (r"\btrying to (find|get|sort|figure)\b|\brequires?\b|\b(has|have) been putting off\b|\bputting off\b", "C", 2),
    (r"\b(is|are|'s|'re) (leaking|broken|worried|nervous|stressed)\b|\b(died|broke|flooded|fallen behind|behind on)\b|\bhas outgrown\b", "C", 1),
    (r"\bjust (bought|moved|purchased|closed on|opened|started|launched|had|adopted|got)\b|\b(is|are|'s|'re) (moving|relocating|opening|starting|launching|expanding|closing on|getting married|expecting|renovating)\b", "C", 1),
    (r"\bwhen (he|she|they)'?s? (is )?ready\b|\bneeds? (to|a)\b", "C", 1),
    # German
    (r"\b(sucht|suchen|braucht|brauchen|benotigt|benotigen|mochte|mochten|wunscht|wunschen|will)\b|\bauf der suche\b", "C", 3),
    (r"\b(hatte gern|hatte gerne|wurde gern|wurde gerne|plant|planen|uberlegt|hat vor|interessiert sich)\b", "C", 2),
    # French
    (r"\b(cherche|cherchent|recherche|recherchent|a besoin|ont besoin|besoin d|souhaite|souhaitent|voudrait|voudraient|aimerait|aimeraient)\b", "C", 3),
    (r"\b(veut|veulent|envisage|envisagent|pense a|projette|a du mal)\b", "C", 2),
    (r"\bvient d'(acheter|emmenager|ouvrir)\b|\bvient de (s'installer|creer|lancer)\b", "C", 1),
    # Spanish
    (r"\b(busca|buscan|esta buscando|estan buscando|necesita|necesitan|le gustaria|les gustaria|desea|desean)\b", "C", 3),
    (r"\b(quiere|quieren|piensa|planea|requiere)\b|\bacaba de\b", "C", 2),
    # --- did work for the writer (provider) ---
    (r"\b(?:has |have |had )?(?:\w{2,}ed|did|done|built|made|found|got|gotten|took|taken|shot|kept|ran|redid|rebuilt|"
     r"sold|taught|gave|given|saved|put together|set up|drew|wrote|dug|laid|led|won|sorted out|sorted|"
     r"handles?|manages?|services|takes care of|took care of|looks after|looked after|maintains?|cleans?|"
     r"runs|works on|helps?|represents?|insures?|does|shoots|walks|watches|fixes|cuts|caters|designs|"
     r"photographs|tutors|coaches|treats|trains|takes?)\b(?:\s+[\w'-]+){0,5}?\s+(?:our|my|ours|mine|us|me)\b", "P", 3),
    (r"\b(has been|'s been|was|is|'s) (?:my|our) (?:\w+ )?(?:go-to|guy|gal|person|favorite|favourite)\b", "P", 3),
    (r"\b(?:a|ont|avait|m'a|nous a)\s+(?:\w+\s+){0,1}(?:\w+e|fait|refait|construit|aide|pris|mis|trouve|gere|suivi|"
     r"transforme|sauve|accompagne|conseille|renove|concu)\b(?:\s+[\w'-]+){0,4}?\s+(?:notre|nos|mon|ma|mes|nous|moi)\b", "P", 3),
    (r"\b(?:s'occupe de|gere|suit|accompagne|conseille)\s+(?:\w+\s+){0,3}?(?:notre|nos|mon|ma|mes)\b", "P", 3),
    (r"\b(?:hat|haben|betreut|betreuen|macht|erledigt|berat|verwaltet|baut|plant|kummert sich um|half|hilft)\b"
     r"(?:\s+[\w-]+){0,5}?\s+(?:unser|unsere|unseren|unserer|unserem|mein|meine|meinen|meiner|meinem|uns|mir|mich)\b", "P", 3),
    (r"\b(?:nos|me)\s+(?:\w+\s+)?(?:hizo|ayudo|arreglo|construyo|diseno|llevo|lleva|hace|ayuda|encontro|reformo|gestiona)\b", "P", 3),
    (r"\b(?:hizo|arreglo|reformo|construyo|lleva|llevo|gestiona|diseno)\b(?:\s+[\w-]+){0,4}?\s+(?:nuestra|nuestro|nuestros|nuestras|mi|mis)\b", "P", 3),
    # --- reputation (provider) ---
    (r"\b(the|my|our) (one|person|guy|go-to)\b[^.!?]{0,20}\b(i|we) (call|use|trust|go to|recommend)\b", "P", 3),
    (r"\bthe (right |best )?(person|one) to (talk to|call|speak to|see|ask)\b|\bis who (i|we) (use|call)\b", "P", 3),
    (r"\b(specializ|specialis|specialt)\w*\b|\b(is|are|'s) (an )?experts?\b|\bexpert in\b|\bspezialisiert\b|\bspecialise\b|\bespecializad", "P", 2),
    (r"\b(years|decades) of experience\b|\bdoes (great|amazing|excellent|beautiful|fantastic|wonderful) work\b", "P", 2),
    (r"\bdid (a|such a) (great|good|fantastic|amazing|wonderful|beautiful|terrific) job\b|\b(great|lovely|a pleasure) to work with\b", "P", 3),
    (r"\b(highly recommend|can't recommend|cannot recommend|recommend (him|her|them) (highly|enough))\b", "P", 2),
    (r"\bknows? (every|more|the|his|her|their|all)\b[^.!?]{0,60}\bbetter than\b|\bknows? (every|which|all the) \w+", "P", 2),
    (r"\b(runs|owns|founded|started) (a|an|his|her|their) (own )?([\w-]+ ){0,2}(firm|practice|agency|clinic|consultancy)\b", "P", 2),
    (r"\b(is|are|'s) (a )?(partner|principal|associate) (at|with|of)\b", "P", 2),
    (r"\b(thorough|responsive|reliable|trustworthy|meticulous|knowledgeable|reasonably priced|affordable|"
     r"brilliant with|great with|patient with|no-nonsense|quick to answer|zuverlassig|kompetent|fiable|"
     r"competente?|a un vrai talent|talentueu\w+|respecte les budgets|de confianza|muy profesional)\b", "P", 1),
    (r"\b(honest about|never once|never makes|always (on time|responsive|reliable)|books up fast|in demand)\b", "P", 1),
    (r"\b(his|her|their) (card|number|details|website|site) (is|are) (attached|below)\b", "P", 2),
    (r"\b(you can|you could) (also )?reach (him|her|them)\b", "P", 1),
    # --- about the addressee ("you") ---
    (r"\b(gave|passed|sent|shared|forwarded|handed) (\w+ )?(him|her|them|\w+)? ?your (number|details|contact|email|info|card|name)\b", "P", 3),
    (r"\bgave your (number|details|contact|email|info|card)\b|\b(spoke|speak|talked) (very )?(highly|well) of you\b|\bsang your praises\b|\braved about you\b", "P", 3),
    (r"\bhable (muy )?bien de ti\b|\bte recomende\b|\bje lui ai parle de (toi|vous)\b|\bich habe (dich|sie) empfohlen\b", "P", 3),
    (r"\byour (clinic|practice|office|firm|salon|agency|consultancy|services)\b", "P", 1),
    (r"\b(in good hands)\b", "C", 2),
    # --- named objects: the party after the cue provides ---
    (r"\b(worked with|have used|has used|we used|i used|we use|i use|we hired|i hired|hired|swear by|have been using|been working with|trust)\b", "PA", 2),
)
_CUE_REGEX = re.compile("|".join(f"(?P<c{i}>{p})" for i, (p, _, _) in enumerate(_CUES)))
_CUE_INFO = {f"c{i}": (role, weight) for i, (_, role, weight) in enumerate(_CUES)}

_PEER = re.compile(
    r"\b(compar(e|ing) notes|swap(ping)? (notes|stories|ideas)|trade notes|(a lot|lots|so much) in common|"
    r"same (conversations|space|boat|industry|challenges|growing pains|circles)|kindred spirits|no agenda|"
    r"co-?host|collaborat\w*|partner up|get on|get along|hit it off|like-minded|fellow \w+|"
    r"should (definitely )?(talk|meet|connect|know each other|get together|grab (a )?coffee)|you'd enjoy|"
    r"would enjoy (meeting|talking|comparing)|(both|each) (run|work|are|have)|you both run|"
    r"sich austauschen|austausch|echanger vos experiences|intercambiar (ideas|experiencias)|"
    r"keep coming up|just think you'd)\b")


@dataclass
class Evidence:
    provider: float = 0.0
    contact: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def lean(self) -> float:
        """Positive: provider; negative: contact."""
        return self.provider - self.contact


@dataclass
class Sentence:
    start: int
    end: int
    addressee: str | None
    vocative_end: int          # text before this offset is the vocative ("Dana, ")


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


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: blank lines, short greeting lines and sentence punctuation end a sentence."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    i = 0
    while i < n:
        ch = text[i]
        end_here = False
        if ch == "\n":
            line_start = text.rfind("\n", 0, i) + 1
            line = text[line_start:i].rstrip()
            nxt = text[i + 1:i + 2]
            if nxt == "\n" or nxt == "" or (len(line) < 60 and line.endswith((",", ":", "–", "—", "-", "!"))):
                end_here = True
            elif len(line) < 45 and line and not line.endswith((".", "?", ",")) and nxt.isupper() and \
                    len(line.split()) <= 5:
                end_here = True
        elif ch in ".!?;" and i + 1 < n and text[i + 1] in " \n\t\"')" or (ch in ".!?" and i + 1 == n):
            if ch == ".":
                j = i - 1
                while j >= 0 and (text[j].isalpha() or text[j] == "."):
                    j -= 1
                word = text[j + 1:i].lower()
                if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                    i += 1
                    continue
            end_here = True
        if end_here:
            if text[start:i + 1].strip():
                spans.append((start, i + 1))
            start = i + 1
        i += 1
    if text[start:].strip():
        spans.append((start, n))
    return spans


def _vocative(text: str, start: int, end: int, mentions: list[Mention], m_starts: list[int],
              parties: set[str]) -> tuple[list[str], int]:
    """Parties addressed at the start of a sentence ("Dana,", "Hi Mark,", "Bea:", "Tariq, Renee –").

    Returns the addressed parties and where the vocative ends.
    """
    addressed: list[str] = []
    pos = start
    i = bisect_left(m_starts, start)
    while True:
        # Only greeting words may come before the name.
        gap = text[pos:mentions[i].start] if i < len(mentions) and mentions[i].start < end else None
        if gap is None:
            break
        words = [w.lower() for w in WORD.findall(gap)]
        if any(w not in GREETINGS for w in words) or len(words) > 3 or any(c in gap for c in ".!?"):
            break
        m = mentions[i]
        if m.email not in parties:
            break
        after = text[m.end:m.end + 14]
        stripped = after.lstrip(" ")
        if stripped[:1] in (",", ":", "–", "—", "-", "!", "\n") or stripped.lower().startswith(
                ("meet ", "meet,", "this is", "here's", "here is", "and ", "& ", "et ", "und ", "y ",
                 "je te", "je vous", "te presento", "les presento", "darf ich", "ich m")):
            addressed.append(m.email)
            pos = m.end + (len(after) - len(stripped))
            low = stripped.lower()
            if low[:1] in (",", ":", "–", "—", "-", "!"):
                pos += 1
            if low.startswith(("and ", "& ", "et ", "und ", "y ")):
                pos += low.index(" ") + 1
                i += 1
                continue
            nxt = text[pos:pos + 12].lstrip().lower()
            i += 1
            if i < len(mentions) and mentions[i].start < end and (
                    nxt.startswith(tuple(g + " " for g in GREETINGS)) or text[pos:mentions[i].start].strip() == ""):
                continue
            break
        break
    return addressed, pos


def read_roles(text: str, people: list[Person], referrer: Person | None, vocab: Vocabulary) -> Reading:
    """Analyse ``text`` (the new text of an introduction) for the given parties."""
    folded = fold_aligned(text).replace("\n", " ")
    parties = {p.email for p in people}
    index = NameIndex(people + ([referrer] if referrer else []))
    mentions = index.mentions(text)
    self_email = referrer.email if referrer else None
    m_starts = [m.start for m in mentions]
    spans = split_sentences(text)

    # Actors: named parties, pronouns and the writer, by position.
    actor_pos: list[int] = []
    actor_who: list[str] = []     # party email, "@third", "@you", "@self"
    mention_at = {m.start: m for m in mentions}
    skip_to = -1
    for m in WORD.finditer(folded):
        s = m.start()
        if s < skip_to:
            continue
        if s in mention_at:
            mention = mention_at[s]
            skip_to = mention.end
            actor_pos.append(s)
            actor_who.append("@self" if mention.email == self_email else mention.email)
            continue
        w = m.group()
        base = w.split("'")[0] if "'" in w and w not in THIRD and w not in SECOND and w not in FIRST else w
        if base in THIRD or w in THIRD:
            if base == "sie" and text[s:s + 1] == "S" and s > 0 and text[s - 2:s].strip() not in (".", "!", "?", ""):
                actor_pos.append(s)
                actor_who.append("@you")
                continue
            if base in ("who", "qui", "der", "die", "que", "quien"):
                continue
            actor_pos.append(s)
            actor_who.append("@third")
        elif base in FIRST or w in FIRST:
            actor_pos.append(s)
            actor_who.append("@self")
        elif base in SECOND or w in SECOND:
            actor_pos.append(s)
            actor_who.append("@you")

    # Sentences with their addressee and the party each pronoun refers to.
    sentences: list[Sentence] = []
    addressee: str | None = None
    addressed_all: set[str] = set()
    topic_at: list[tuple[int, str | None, str | None]] = []   # (sentence start, topic, addressee)
    topic: str | None = None
    for start, end in spans:
        voc, vend = _vocative(text, start, end, mentions, m_starts, parties)
        if len(voc) == 1:
            addressee = voc[0]
            addressed_all.add(addressee)
            topic = None
        elif len(voc) > 1:
            addressee = None
            topic = None
        elif _BOTH.search(folded, start, end):
            addressee = None
        sentences.append(Sentence(start, end, addressee, vend))
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

    def resolve(pos: int, sidx: int, lo_limit: int) -> str | None:
        """The party an actor reference before ``pos`` stands for, within the sentence."""
        j = bisect_right(actor_pos, pos) - 1
        if j < 0 or actor_pos[j] < lo_limit:
            return None
        who = actor_who[j]
        if who == "@self":
            return None
        sent = sentences[sidx]
        if who == "@you":
            return sent.addressee
        if who == "@third":
            # the last party named in this sentence before the pronoun, else the running topic
            k = bisect_right(m_starts, actor_pos[j]) - 1
            while k >= 0 and mentions[k].start >= sent.vocative_end:
                if mentions[k].email in parties and mentions[k].email != sent.addressee:
                    return mentions[k].email
                k -= 1
            return topic_at[sidx][1]
        return who if who in parties else None

    for m in _CUE_REGEX.finditer(folded):
        role, weight = _CUE_INFO[m.lastgroup or ""]
        pos = m.start()
        sidx = max(0, bisect_right(sent_starts, pos) - 1)
        sent = sentences[sidx]
        if role == "PA":
            k = bisect_left(m_starts, m.end())
            if k < len(mentions) and mentions[k].start - m.end() <= 3 and mentions[k].email in parties:
                who = mentions[k].email
                evidence[who].provider += weight
                evidence[who].notes.append(f"P+{weight:g} {m.group()!r}")
                cue_count += 1
            continue
        who = resolve(pos, sidx, sent.vocative_end if sent.vocative_end <= pos else sent.start)
        if who is None:
            continue
        cue_count += 1
        if role == "P":
            evidence[who].provider += weight
        else:
            evidence[who].contact += weight
            need_pos.append((m.end(), sidx))
        evidence[who].notes.append(f"{role}+{weight:g} {m.group()!r}")

    # Service nouns said of a party: "José is the landscaper who", "Ellen Park, the financial planner",
    # "Renee Holloway (insurance)", "l'architecte qui", "she's been my dentist".
    hits = vocab.find(folded)
    hit_owner: list[str | None] = []
    hit_need: list[bool] = []
    for h in hits:
        sidx = max(0, bisect_right(sent_starts, h.start) - 1)
        sent = sentences[sidx]
        owner = _noun_owner(text, folded, h, mentions, m_starts, sent, parties)
        if owner is not None and h.term.person:
            evidence[owner].provider += 3
            evidence[owner].notes.append(f"P+3 is a {h.text!r}")
            cue_count += 1
        elif owner is not None and _parenthesised(folded, h):
            evidence[owner].provider += 2
            evidence[owner].notes.append(f"P+2 ({h.text})")
        hit_owner.append(owner if owner is not None else resolve(h.start, sidx, sent.start))
        hit_need.append(any(s == sidx and p <= h.start for p, s in need_pos))
    # "Dr. Rahman": a title that only providers carry here.
    for m in mentions:
        if m.email in parties and text[max(0, m.start - 4):m.start].lower().replace(" ", "") in ("dr.", "dr"):
            evidence[m.email].provider += 1
            evidence[m.email].notes.append("P+1 Dr.")

    peer = float(len(_PEER.findall(folded)))
    return Reading(text, folded, sentences, mentions, evidence, peer, hits, hit_owner, hit_need,
                   addressed_all, cue_count)


_APPOSITION = re.compile(
    r"\s*(?:,|—|–|-|\(|:|is|was|'s|ist|est|es|has been|'s been|this is|ist unser|ist mein)?\s*"
    r"(?:,|—|–|-|\()?\s*" + _PERSON_ART + r"?(?:[\w'-]+\s+){0,3}?$")


def _noun_owner(text: str, folded: str, hit: Hit, mentions: list[Mention], m_starts: list[int],
                sent: Sentence, parties: set[str]) -> str | None:
    """The party a service noun is said of: "<party>, the <noun>", "<party> is a great <noun>",
    "<party> (<noun>)" or "<pronoun> is the <noun>"."""
    k = bisect_left(m_starts, hit.start) - 1
    lo = max(sent.start, sent.vocative_end)
    if k >= 0 and mentions[k].start >= lo and mentions[k].email in parties:
        between = folded[mentions[k].end:hit.start]
        if len(between) <= 40 and "." not in between and _APPOSITION.fullmatch(between):
            return mentions[k].email
    # "she's been my dentist", "he is a plumber": a pronoun right before.
    before = folded[max(lo, hit.start - 40):hit.start]
    m = re.search(r"\b(she|he|they)('s| is| was|'s been| has been| are)\s+" + _PERSON_ART + r"?(?:[\w'-]+\s+){0,3}?$", before)
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
        if len(between) <= 30 and re.fullmatch(r"\s*(i|we)?\s*(mentioned|told you about|use|used)?\s*[,:—–-]?\s*", between):
            return mentions[k2].email
    return None


def _parenthesised(folded: str, hit: Hit) -> bool:
    open_at = folded.rfind("(", max(0, hit.start - 30), hit.start)
    return open_at >= 0 and ")" not in folded[open_at:hit.start] and ")" in folded[hit.end:hit.end + 30]


__all__ = ["Evidence", "Reading", "read_roles", "split_sentences"]
