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
from .names import WORD, Mention, Person, name_index
from .text import Cue, CueIndex, Tokens, fold_aligned

GREETINGS = frozenset({
    "prof", "professor", "doktor", "maitre", "maître", "madame", "monsieur", "senor", "señor", "senora", "señora",
    "don", "doña", "familie", "family", "sehr", "geehrte", "geehrter", "chère", "cher", "chers", "chères", "hallo",
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

# (triggers, pattern, role, weight). Role "P": the actor provides; "C": the actor needs; "PA": the
# party named right after the cue provides ("worked with Simone"); "PY": the addressee provides
# ("gave him your number"). A cue's regex runs only when one of its trigger words occurs in the
# text, which keeps the cost per message low with many cues.
_CUES: tuple[tuple[str, str, str, float], ...] = (
    # --- needs (contact) ---
    ("looking searching shopping hunting",
     r"\b(is|are|'s|'re|been|was|were|still|currently|actively)\s+(looking|searching|shopping around|hunting)\s+(for|to)\b"
     r"(?! (new |more |a few )?(clients|customers|work|projects|business|referrals|opportunities|leads))", "C", 3),
    ("looking searching", r"\b(looking|searching) for\b(?! (new |more |a few )?(clients|customers|work|projects|business|referrals|opportunities|leads))", "C", 2),
    ("looking searching seeking clients customers work projects referrals",
     r"\b(looking for|seeking|wants|needs|hoping for) (new |more |a few )?(clients|customers|projects|referrals|leads)\b|"
     r"\bgrow(ing)? (his|her|their) (practice|business|client base)\b", "P", 5),
    ("hunt market lookout need", r"\b(on the hunt|in the market|on the lookout) for\b|\bin need of\b", "C", 3),
    ("need needs needed needing", r"\b(needs?|needed|needing)\b(?! (new |more )?(clients|customers|referrals))", "C", 3),
    ("want wants wanted like love", r"\b(wants?|wanted)\b|\b(would|'d) (like|love)\b|\b(i'd|she'd|he'd|they'd) (like|love)\b", "C", 2),
    ("hoping keen eager ready planning thinking",
     r"\b(is|are|'s|'re) (hoping|keen|eager|ready|planning|thinking)\b|she's (hoping|keen|eager|ready|planning|thinking)\b|he's (hoping|keen|eager|ready|planning|thinking)\b|they're (hoping|keen|eager|ready|planning|thinking)\b", "C", 2),
    ("hoping hopes thinking thought considering use plan plans",
     r"\b(hoping|hopes) (to|for)\b|\b(thinking|thought) (of|about)\b|\bconsidering\b|\bcould (really |definitely |certainly |probably )?use\b|\bplans? to\b", "C", 2),
    ("struggling struggles overwhelmed stuck swamped asked interested",
     r"\b(struggling|struggles|overwhelmed|stuck|swamped with)\b|\basked (me )?(if|whether|for|about)\b|\binterested in\b", "C", 2),
    ("trying requires require putting", r"\btrying to (find|get|sort|figure)\b|\brequires?\b|\bputting off\b", "C", 2),
    ("leaking broken worried nervous stressed died broke flooded fallen behind outgrown",
     r"\b(is|are|'s|'re) (leaking|broken|worried|nervous|stressed)\b|(she's|he's|they're) (leaking|broken|worried|nervous|stressed)\b|\b(died|broke|flooded|fallen behind|behind on)\b|\bhas outgrown\b", "C", 1),
    ("just moving relocating opening starting launching expanding closing getting expecting renovating",
     r"\bjust (bought|moved|purchased|closed on|opened|started|launched|had|adopted|got)\b|(\b(is|are)|'s|'re) (moving|relocating|opening|starting|launching|expanding|closing on|getting married|expecting|renovating)\b", "C", 1),
    # German
    ("sucht suchen braucht brauchen benotigt benotigen mochte mochten wunscht wunschen suche",
     r"\b(sucht|suchen|braucht|brauchen|benotigt|benotigen|mochte|mochten|wunscht|wunschen)\b|\bauf der suche\b", "C", 3),
    ("hatte wurde plant planen uberlegt vor interessiert",
     r"\b(hatte gerne?|wurde gerne?|plant|planen|uberlegt|hat vor|interessiert sich)\b", "C", 2),
    # French
    ("cherche cherchent recherche recherchent besoin souhaite souhaitent voudrait voudraient aimerait aimeraient",
     r"\b(cherche|cherchent|recherche|recherchent|a besoin|ont besoin|besoin d|souhaite|souhaitent|voudrait|voudraient|aimerait|aimeraient)\b", "C", 3),
    ("veut veulent envisage envisagent pense projette mal",
     r"\b(veut|veulent|envisage|envisagent|pense a|projette|a du mal)\b", "C", 2),
    ("vient", r"\bvient d'(acheter|emmenager|ouvrir)\b|\bvient de (s'installer|creer|lancer)\b", "C", 1),
    # Spanish
    ("busca buscan buscando necesita necesitan gustaria desea desean",
     r"\b(busca|buscan|esta buscando|estan buscando|necesita|necesitan|le gustaria|les gustaria|desea|desean)\b", "C", 3),
    ("quiere quieren piensa planea requiere acaba", r"\b(quiere|quieren|piensa|planea|requiere)\b|\bacaba de\b", "C", 2),
    # --- did work for the writer (provider): see _WORK_FOR_US below ---
    ("go-to guy gal person favorite favourite",
     r"\b(has been|'s been|was|is|'s) (?:my|our) (?:\w+ )?(?:go-to|guy|gal|person|favorite|favourite)\b", "P", 3),
    ("notre nos mon ma mes nous moi",
     r"\b(?:a|ont|avait|m'a|nous a)\s+(?:\w+\s+){0,1}(?:\w+e|fait|refait|construit|aide|pris|mis|trouve|gere|suivi|"
     r"transforme|sauve|accompagne|conseille|renove|concu)\b(?:\s+[\w'-]+){0,4}?\s+(?:notre|nos|mon|ma|mes|nous|moi)\b", "P", 3),
    ("notre nos mon ma mes",
     r"\b(?:s'occupe de|gere|suit|accompagne|conseille)\s+(?:\w+\s+){0,3}?(?:notre|nos|mon|ma|mes)\b", "P", 3),
    ("unser unsere unseren unserer unserem mein meine meinen meiner meinem uns mir mich",
     r"\b(?:hat|haben|betreut|betreuen|macht|erledigt|berat|verwaltet|baut|plant|kummert sich um|half|hilft|behandelt|"
     r"unterrichtet|repariert|vertritt|versichert|begleitet|renoviert|gestaltet|fotografiert|berät|pflegt|beraten|"
     r"behandeln|unterstutzt|unterstutzen|hat uns|hatte)\b"
     r"(?:\s+[\w-]+){0,5}?\s+(?:unser|unsere|unseren|unserer|unserem|mein|meine|meinen|meiner|meinem|uns|mir|mich)\b", "P", 3),
    ("nos me", r"\b(?:nos|me)\s+(?:\w+\s+)?(?:hizo|ayudo|arreglo|construyo|diseno|llevo|lleva|hace|ayuda|encontro|reformo|gestiona)\b", "P", 3),
    ("nuestra nuestro nuestros nuestras mi mis",
     r"\b(?:hizo|arreglo|reformo|construyo|lleva|llevo|gestiona|diseno|trabajo con|ayudo a|atendio a|trato a|cuido a|"
     r"preparo|organizo|enseno a|encontro|vendio)\b(?:\s+[\w-]+){0,4}?\s+(?:nuestra|nuestro|nuestros|nuestras|mi|mis)\b", "P", 3),
    # --- reputation (provider) ---
    ("call use trust recommend", r"\b(the|my|our) (one|person|guy|go-to)\b[^.!?]{0,20}\b(i|we) (call|use|trust|go to|recommend)\b", "P", 3),
    ("person one who", r"\bthe (right |best )?(person|one) to (talk to|call|speak to|see|ask)\b|\bis who (i|we) (use|call)\b", "P", 3),
    ("specializes specialises specialized specialised specializing specialising specialist specialists specialty "
     "expert experts spezialisiert specialise especializado especializada specialisee specialise",
     r"\b(specializ|specialis|specialt)\w*\b|\b(is|are|'s) (an )?experts?\b|\bexpert in\b|\bspezialisiert\b|\bespecializad", "P", 2),
    ("experience work", r"\b(years|decades) of experience\b|\bdoes (great|amazing|excellent|beautiful|fantastic|wonderful) work\b", "P", 2),
    ("job work", r"\bdid (a|such a) (great|good|fantastic|amazing|wonderful|beautiful|terrific) job\b|\b(great|lovely|a pleasure) to work with\b", "P", 3),
    ("recommend", r"\b(highly recommend|can't recommend|cannot recommend|recommend (him|her|them) (highly|enough))\b", "P", 2),
    ("for living", r"\b(builds|designs|does|makes|creates|repairs|fixes|installs|cleans|paints|teaches|tutors|coaches|"
     r"photographs|shoots|caters|plans|organizes|organises|manages|handles|runs|offers|provides|sells|writes|translates|"
     r"develops|programs|treats|trains|walks|grooms|cuts|prepares|files|audits|insures|represents|recruits|places|"
     r"builds out|sets up|maintains|services|supports|advises|helps)\b(?:\s+[\w'&-]+){0,4}?\s+for (small businesses|businesses|"
     r"clients|companies|families|people|homeowners|restaurants|startups|half the|most of|all the|local|several|many|"
     r"dozens of|lots of|other|a living)\b|\bfor a living\b", "P", 3),
    ("wizard genius pro magician whiz rockstar master", r"\b(is|'s) (a|an|an absolute|a real|such a) (wizard|genius|pro|magician|whiz|rockstar|master|star)\b", "P", 2),
    ("mejor meilleur meilleure beste", r"\b(es (el|la) mejor|est (le|la) meilleur|ist (der|die) beste)\b", "P", 2),
    ("care", r"\b(will|'ll) take (great |good |such good )?care of (you|him|her|them)\b", "P", 3),
    ("freaking panicking desperate urgent urgently asap", r"\b(freaking out|panicking|desperate|urgent(ly)?|asap)\b", "C", 1),
    ("great fantastic amazing wonderful excellent terrific best brilliant awesome incredible genial super toll formidable genial",
     r"\b(is|'s|are|'re|was|ist|est|es) (just |really |truly |absolutely |so |simply )?(great|fantastic|amazing|wonderful|excellent|"
     r"terrific|the best|brilliant|awesome|incredible|super|toll|genial|formidable|genial)\b(?! (at finding|news))", "P", 2),
    ("know knows", r"\bknows? (every|more|the|his|her|their|all)\b[^.!?]{0,60}\bbetter than\b|\bknows? (every|which|all the) \w+", "P", 2),
    ("firm practice agency clinic consultancy",
     r"\b(runs|owns|founded|started) (a|an|his|her|their) (own )?([\w-]+ ){0,2}(firm|practice|agency|clinic|consultancy)\b", "P", 2),
    ("partner principal associate", r"\b(is|are|'s) (a )?(partner|principal|associate) (at|with|of)\b", "P", 2),
    ("thorough responsive reliable trustworthy meticulous knowledgeable priced affordable brilliant great patient "
     "no-nonsense quick zuverlassig kompetent fiable competent competente talent talentueux talentueuse budgets confianza profesional",
     r"\b(thorough|responsive|reliable|trustworthy|meticulous|knowledgeable|reasonably priced|affordable|"
     r"brilliant with|great with|patient with|no-nonsense|quick to answer|zuverlassig|kompetent|fiable|"
     r"competente?|a un vrai talent|talentueu\w+|respecte les budgets|de confianza|muy profesional)\b", "P", 1),
    ("honest never always books demand",
     r"\b(honest about|never once|never makes|always (on time|responsive|reliable)|books up fast|in demand)\b", "P", 1),
    ("attached below", r"\b(his|her|their) (card|number|details|website|site) (is|are) (attached|below)\b", "P", 2),
    ("reach", r"\b(you can|you could) (also )?reach (him|her|them)\b", "P", 1),
    # --- about the addressee ("you") ---
    ("your", r"\b(gave|passed|sent|shared|forwarded|handed|given) (\w+ )?(him|her|them|\w+)? ?your (number|details|contact|email|info|card|name)\b", "PY", 3),
    ("spoke speak talked praises raved told thought think came", r"\b(spoke|speak|talked) (very )?(highly|well) of you\b|\bsang your praises\b|\braved about you\b|\btold (him|her|them) about (you|the job you)\b|\b(thought of|think of) you\b|\byou came to mind\b", "PY", 3),
    ("ti usted te tu toi vous ton votre dich sie ihr dein nummer kontaktdaten",
     r"\bhable (muy )?bien de (ti|usted)\b|\bte recomende\b|\ble (di|pase) tu (numero|contacto)\b|\bje lui ai (parle de|donne) (toi|vous|ton|votre)\b|\bich habe (dich|sie|ihr|dein)\w* (empfohlen|nummer|kontakt)\b|\b(deine|ihre) (nummer|kontaktdaten) (gegeben|weitergegeben)\b|\ban (dich|sie) gedacht\b|\bj'ai (tout de suite )?pense a (toi|vous)\b|\bpense en (ti|usted)\b", "PY", 3),
    ("your", r"\byour (clinic|practice|office|firm|salon|agency|consultancy|services)\b", "P", 1),
    ("hands", r"\b(in good hands)\b", "C", 2),
    # --- named objects: the party after the cue provides ---
    ("worked used use hired swear using working trust",
     r"\b(worked with|have used|has used|we used|i used|we use|i use|we hired|i hired|hired|swear by|have been using|been working with|trust)\b", "PA", 2),
)
_COMPILED_CUES = CueIndex(tuple((Cue(t, p), role, w) for t, p, role, w in _CUES))

# "did our taxes", "replaced ours", "has handled the insurance for both of our dealerships": a verb
# with the writer as beneficiary. Found from each first-person word backwards, over a short window.
_WORK_VERB_BEFORE = re.compile(
    r"\b(?:has |have |had )?(?:\w{2,}ed|did|done|built|made|found|got|gotten|took|taken|shot|kept|ran|redid|rebuilt|"
    r"sold|taught|gave|given|saved|put together|set up|drew|wrote|dug|laid|led|won|sorted out|sorted|"
    r"handles?|manages?|services|takes care of|took care of|looks after|looked after|maintains?|cleans?|"
    r"runs|works on|helps?|represents?|insures?|does|shoots|walks|watches|fixes|cuts|caters|designs|"
    r"photographs|tutors|coaches|treats|trains|takes?)\b(?:\s+[\w'-]+){0,5}?\s+$")
_NOT_WORK = frozenset({"asked", "introduced", "mentioned", "told", "emailed", "texted", "called", "reminded",
                       "messaged", "copied", "cc'd", "promised", "wanted", "needed", "added", "invited",
                       "connected", "looped", "contacted", "pinged", "used", "visited", "joined", "followed",
                       "mailed", "bcc'd", "forwarded", "cced", "warned", "surprised", "inspired", "impressed"})

# Peer introductions: nobody buys anything. Strong cues say so outright; weak ones ("you should
# talk") also close ordinary introductions and only count when nothing gives a direction.
_PEER = Cue(
    "notes stories ideas common same kindred agenda co-host cohost collaborate collaborating collaboration partner "
    "partners like-minded fellow both austauschen austausch echanger intercambiar coming peers",
    r"\b(compar(e|ing) notes|swap(ping)? (notes|stories|ideas)|trade notes|(a lot|lots|so much) in common|"
    r"same (conversations|space|boat|industry|challenges|growing pains|circles|questions)|kindred spirits|no agenda|"
    r"co-?host|collaborat\w*|partner up|referral partners|like-minded|fellow \w+|"
    r"(both|each) (run|work|are|have|just|love|started)|you both run|you're both|you are both|"
    r"sich austauschen|austausch|echanger vos experiences|intercambiar (ideas|experiencias)|"
    r"keep coming up)\b")
_WEAK_PEER = Cue(
    "get hit should enjoy think",
    r"\b(get on|get along|hit it off|should (definitely )?(talk|meet|connect|know each other|get together|grab (a )?coffee)|"
    r"you'd enjoy|would enjoy (meeting|talking|comparing)|just think you'd)\b")


_THIRD_ACTORS = THIRD - {"who", "qui", "der", "die", "que", "quien"}
# Pronouns as whole words; a contraction counts by its first part ("she's" -> she).
# Only subject forms make the writer the actor: "my neighbor, who needs..." is about the neighbor.
_FIRST_SUBJECTS = frozenset({"i", "we", "ich", "wir", "je", "j", "nous", "yo", "nosotros", "nosotras"})
_BOTH_WORDS = frozenset({"two", "both", "guys", "y'all", "three", "beide", "beiden", "deux", "dos", "ambos", "ambas"})
_FIRST_PERSON_TRIGGERS = frozenset({"our", "my", "ours", "mine", "us", "me"})


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


_BOUNDARY = re.compile(r"\n|[.!?;]+(?=[\s\"')\]]|$)")


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
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
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


def _vocative(text: str, start: int, end: int, mentions: list[Mention], m_starts: list[int],
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
        if any(w not in GREETINGS for w in words) or len(words) > 4 or any(c in bare for c in ".!?;"):
            break
        m = mentions[i]
        if m.email not in parties:
            break
        addressed.append(m.email)
        after = text[m.end:m.end + 16]
        stripped = after.lstrip(" ")
        low = stripped.lower()
        pos = m.end + (len(after) - len(stripped))
        if stripped[:1] in (",", ":", "–", "—", "-", "!", "\n") or low.startswith(_VOC_END) or (
                not confirmed and low.startswith(("you ", "your ", "u ", "you'", "i ", "can you", "could you", "would you",
                                                  "please ", "did you", "have you", "do you", "are you", "this is"))):
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
        break
    return confirmed, confirmed_end


def _inside_mention(hit: Hit, mentions: list[Mention], m_starts: list[int]) -> bool:
    """A category word that is part of a person's name ("Familie Schneider", "Harbor Law" is not)."""
    k = bisect_right(m_starts, hit.start) - 1
    return k >= 0 and mentions[k].start <= hit.start < mentions[k].end and not mentions[k].company


def _starts_with_mention_of(text: str, start: int, end: int, mentions: list[Mention], m_starts: list[int],
                            email: str) -> bool:
    k = bisect_left(m_starts, start)
    if k >= len(mentions) or mentions[k].start >= end or mentions[k].email != email:
        return False
    return text[start:mentions[k].start].strip() == "" and text[mentions[k].end:mentions[k].end + 1] not in (",", ":")


def _trailing_vocative(text: str, start: int, end: int, mentions: list[Mention], m_starts: list[int],
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
    for w, start in zip(toks.words, toks.starts):
        if "'" in w:
            w = w.split("'")[0] or w
        if w in _THIRD_ACTORS:
            if w == "sie" and text[start:start + 1] == "S" and start > 1 and text[start - 2:start].strip() not in (".", "!", "?", ""):
                actor_pos.append(start)
                actor_who.append("@you")
                continue
            actor_pos.append(start)
            actor_who.append("@third")
        elif w in _FIRST_SUBJECTS:
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

    has_both = toks.has_any(_BOTH_WORDS)
    # Sentences with their addressee and the party each pronoun refers to.
    sentences: list[Sentence] = []
    addressee: str | None = default_addressee
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
        elif has_both and _BOTH.search(folded, start, end):
            addressee = None
        elif addressee and _starts_with_mention_of(text, start, end, mentions, m_starts, addressee):
            # "Tom, Dr. Lee is ... Tom has a mole ...": the addressee is now talked about, not to
            addressee = None
        sent_addressee = addressee
        if not voc:
            trailing = _trailing_vocative(text, start, end, mentions, m_starts, parties)
            if trailing:
                sent_addressee = trailing
                addressed_all.add(trailing)
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
            topic = topic_at[sidx][1]
            return [topic] if topic else []
        if who in parties:
            k = bisect_right(m_starts, actor_pos[j]) - 1
            return with_partners(k, sent.vocative_end) if k >= 0 and mentions[k].email == who else [who]
        return []

    matches: list[tuple[int, int, str, str, float]] = []
    for cue, role, weight in _COMPILED_CUES.triggered(toks):
        for m in cue.finditer(toks, checked=True):
            matches.append((m.start(), m.end(), m.group(), role, weight))
    for pos in toks.positions(_FIRST_PERSON_TRIGGERS):
        w = _WORK_VERB_BEFORE.search(folded, max(0, pos - 70), pos)
        if w is None:
            continue
        verb = w.group().split()[0] if not w.group().startswith(("has ", "have ", "had ")) else w.group().split()[1]
        if verb in _NOT_WORK:
            continue
        end_fp = folded.find(" ", pos)
        end_fp = len(folded) if end_fp < 0 else end_fp
        matches.append((w.start(), end_fp, folded[w.start():end_fp], "P", 3.0))
    matches.sort()
    for start_pos, end_pos, matched, role, weight in matches:
        pos = start_pos
        sidx = max(0, bisect_right(sent_starts, pos) - 1)
        sent = sentences[sidx]
        if role == "PY":
            if sent.addressee:
                evidence[sent.addressee].provider += weight
                evidence[sent.addressee].notes.append(f"P+{weight:g} {matched!r} (to addressee)")
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
        owners = resolve(pos, sidx, sent.vocative_end if sent.vocative_end <= pos else sent.start)
        if not owners:
            continue
        cue_count += 1
        if role != "P":
            need_pos.append((end_pos, sidx))
        for who in owners:
            if role == "P":
                evidence[who].provider += weight
            else:
                evidence[who].contact += weight
            evidence[who].notes.append(f"{role}+{weight:g} {matched!r}")

    # Service nouns said of a party: "José is the landscaper who", "Ellen Park, the financial planner",
    # "Renee Holloway (insurance)", "l'architecte qui", "she's been my dentist".
    hits = vocab.find_tokens(toks)
    hit_owner: list[str | None] = []
    hit_need: list[bool] = []
    if mentions:
        hits = [h for h in hits if not _inside_mention(h, mentions, m_starts)]
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
        if owner is None:
            owners = resolve(h.start, sidx, sent.start)
            owner = owners[0] if owners else None
        hit_owner.append(owner)
        hit_need.append(any(s == sidx and p <= h.start for p, s in need_pos))
    # "Dr. Rahman": a title that only providers carry here.
    for m in mentions:
        if m.email in parties and text[max(0, m.start - 4):m.start].lower().replace(" ", "") in ("dr.", "dr"):
            evidence[m.email].provider += 1
            evidence[m.email].notes.append("P+1 Dr.")

    peer = float(_PEER.count(toks)) + 0.4 * _WEAK_PEER.count(toks)
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
    m = _PRONOUN_IS.search(before)
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


_PRONOUN_IS = re.compile(r"\b(she|he|they)('s| is| was|'s been| has been| are)\s+" + _PERSON_ART + r"?(?:[\w'-]+\s+){0,3}?$")
_AFTER_NOUN = re.compile(r"\s*(i|we)?\s*(mentioned|told you about|use|used)?\s*[,:—–-]?\s*")


def _parenthesised(folded: str, hit: Hit) -> bool:
    open_at = folded.rfind("(", max(0, hit.start - 30), hit.start)
    return open_at >= 0 and ")" not in folded[open_at:hit.start] and ")" in folded[hit.end:hit.end + 30]


__all__ = ["Evidence", "Reading", "read_roles", "split_sentences"]
