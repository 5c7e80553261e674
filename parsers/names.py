"""Matching the people on an email to the names used for them in its text.

Headers say "Robert Haines <rhaines@...>", the text says "Bob"; headers say "Nguyen, Linh", the text
says "Linh"; a company inbox "hello@brightpixel.example" is called "Bright Pixel"; "Herr Öztürk"
writes from "kanzlei@oeztuerk-steuer.example". Each person gets a set of folded keys (first and last
names, nicknames, address and domain words); the text's capitalised words are looked up in them.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .model import Address
from .text import fold, transliterate

# Common nickname families (English, German, French, Spanish). Each group is mutually equivalent.
_NICKNAME_GROUPS = (
    "robert bob bobby rob robbie bert", "william bill billy will willy liam", "elizabeth liz lizzie beth betsy eliza lisa libby",
    "katherine catherine kathryn kate katie kathy cathy kat kath", "james jim jimmy jamie", "michael mike mikey mick",
    "thomas tom tommy", "beatriz bea bety", "beatrice bea bee trixie", "margarita marga rita", "dolores lola loli",
    "mercedes merche", "pilar pili", "ignacio nacho", "santiago santi", "sebastian sebas seb", "guillaume guille",
    "mathieu matt", "nicolas nico", "veronique vero", "frederique fred", "stephane steph", "bernadette bernie",
    "susanne susi", "elisabeth lisa liesel lis", "jurgen jupp", "andreas andi", "matthias matze", "katharina kathi katja",
    "nikolaus niko klaus", "magdalena magda lena", "anastasia stasia nastya", "aleksandr sasha", "dmitri dima", "richard rick ricky rich richie dick", "david dave davey", "daniel dan danny dani",
    "christopher chris kit", "christine chris chrissy tina", "alexander alex xander sasha", "alexandra alex alexa sasha",
    "samuel sam sammy", "samantha sam sammie", "benjamin ben benny benji", "nicholas nick nicky nico",
    "anthony tony", "stephen steve stevie", "steven steve stevie", "joseph joe joey jo", "josephine jo josie",
    "jennifer jen jenny jenn", "jessica jess jessie", "rebecca becky becca bec", "patricia pat patty trish tricia",
    "patrick pat paddy", "margaret maggie meg peggy marge greta", "andrew andy drew", "gregory greg",
    "matthew matt matty", "peter pete", "edward ed eddie ted teddy ned", "kenneth ken kenny", "lawrence larry",
    "jonathan jon jonny", "john jack johnny", "timothy tim timmy", "frederick fred freddie", "susan sue susie",
    "sandra sandy", "victoria vicky tori", "nathan nate", "nathaniel nate nat", "zachary zach zack",
    "ronald ron ronnie", "donald don donnie", "gerald gerry jerry", "jeremy jerry", "albert al bert",
    "alan al", "allan al", "abigail abby abbie", "deborah deb debbie", "dorothy dot dottie", "eleanor ellie nora",
    "emily em emmy", "emma em", "frances fran frannie", "francis frank", "franklin frank", "gabriel gabe",
    "gabrielle gabby", "harold harry hal", "henry harry hank hal", "isabel izzy bella isa", "isabella bella izzy",
    "jacob jake", "jacqueline jackie", "joshua josh", "judith judy", "kimberly kim", "leonard leo len lenny",
    "leonardo leo", "louis lou", "louise lou", "madeline maddie maddy", "melissa mel missy", "melanie mel",
    "michelle shelly", "miriam mimi", "natalie nat", "nicole nikki", "oliver ollie olli", "olivia liv livvy",
    "pamela pam", "philip phil", "phillip phil", "raymond ray", "rachel rach", "ronald ron", "rosemary rosie",
    "sarah sally sadie", "stephanie steph", "suzanne suzy", "teresa terry tess", "theresa terry tess",
    "theodore theo ted teddy", "valerie val", "vincent vince vinny", "walter walt wally", "wendy wen",
    "zoe zo", "charles charlie chuck chas", "charlotte charlie lottie", "cynthia cindy", "douglas doug",
    "eugene gene", "geoffrey geoff jeff", "jeffrey jeff", "harriet hattie", "jerome jerry", "katrin kathi",
    "johannes hans jo", "josef sepp", "stefanie steffi", "sebastian basti", "florian flo", "wolfgang wolf",
    "friedrich fritz", "franziska franzi", "christian chris", "maximilian max", "alexandre alex",
    "jose pepe", "francisco paco pancho", "ignacio nacho", "guadalupe lupe", "manuel manolo manu",
    "jesus chuy", "dolores lola", "concepcion concha", "rosario charo", "enrique quique", "alejandro alex",
    "guillermo memo", "roberto beto", "alberto beto", "eduardo lalo", "isabelle isa", "mohammed mo",
    "muhammad mo", "emmanuel manu", "emmanuelle manue", "antonia toni", "antonio toni tono", "jose maria chema",
    "maria jose marijo", "jean-baptiste jb", "marie-claire marie", "friedrich fritz", "dorothea doro",
    "lucia lu lucy", "michael micha", "facundo facu", "rosa rosy", "martin tincho", "micaela mica", "agustin agus",
    "federico fede", "santiago santi", "valentina vale", "guadalupe guada", "florencia flor", "matthias matze",
    "andreas andi", "katharina kathi", "dominique dom", "frederic fred", "gonzalo gonza", "sebastian sebas",
    "roberta bobbie bobby robbie berta", "alexandra alex sasha sandra", "margarita marga rita", "francisca fran panchita",
    # Bavarian and Austrian short forms
    "theresa resi resl", "teresa resi", "josef seppi", "johann hansi", "elisabeth sissi sisi liesl", "margarete gretl",
    "maria mitzi mizzi", "barbara babsi", "leopold poldi", "alois lois", "georg schorsch", "franz franzl",
    "rudolf rudi", "wilhelm willi", "heinrich heinz", "ulrich uli", "gertrud trude",
    "fernanda fer", "fernando fer nando", "leticia lety leti", "natasha tash tasha",
    # German everyday short forms
    "julia jule", "juliane jule", "tobias tobi", "benjamin benni", "daniel dani", "daniela dani",
    "christina tina", "kristina tina", "katrin kati", "magdalena leni", "helena leni", "susanne susi",
    "gabriele gabi", "sabine bine", "annika anni", "nikolaus niko", "brianna bri",
    "margarete greta grete gretel", "ursula uschi ursel", "augustus gus", "tatiana tanya tania", "luis lucho",
    "danielle dani", "ximena xime",
)
NICKNAMES: dict[str, frozenset[str]] = {}
for _group in _NICKNAME_GROUPS:
    _names = _group.split()
    for _n in _names:
        NICKNAMES[_n] = NICKNAMES.get(_n, frozenset()) | frozenset(_names)

TITLES = frozenset({
    "dr", "mr", "mrs", "ms", "miss", "mx", "prof", "sir", "dame", "herr", "frau", "mme", "mlle", "m",
    "monsieur", "madame", "sr", "sra", "srta", "dona", "doña", "dott", "ing", "mag", "dipl",
    # Latin American professional titles, and British ones
    "dra", "lic", "licda", "licdo", "lcda", "lcdo", "arq", "mtro", "mtra", "profa", "rev", "revd", "cllr",
})
# Words in display names and domains that name no one: mailbox roles, legal forms, team words.
_GENERIC = frozenset({
    "team", "the", "and", "of", "info", "hello", "hi", "contact", "office", "mail", "email", "admin",
    "support", "sales", "inbox", "kanzlei", "buero", "bureau", "service", "services", "inc", "llc", "ltd",
    "gmbh", "co", "company", "corp", "sa", "sl", "sas", "sarl", "ag", "kg", "plc", "group", "home", "work",
    "noreply", "no", "reply", "studio", "bv", "nv", "pty", "llp", "pc", "pa", "cpa", "esq", "jr", "iii",
    "ii", "phd", "md", "dds", "mba", "via", "on", "behalf", "for", "at", "de", "la", "le", "del", "van",
    "von", "der", "den", "da", "di", "du", "des", "y", "e", "et", "und",
})
# Webmail providers: their domain words name the provider, never the person.
_WEBMAIL = frozenset({
    "gmail", "googlemail", "yahoo", "hotmail", "outlook", "live", "msn", "icloud", "me", "mac", "aol",
    "proton", "protonmail", "gmx", "web", "mailbox", "inbox", "postbox", "fastpost", "webpost", "correo",
    "courriel", "mail", "email", "fastmail", "zoho", "yandex", "orange", "free", "wanadoo", "laposte",
    "t-online", "freenet", "arcor", "comcast", "verizon", "att", "sbcglobal", "btinternet", "sky",
    # internet providers whose mailboxes people keep for decades
    "bluewin", "hispeed", "sunrise", "aon", "chello", "skynet", "telenet", "scarlet", "videotron", "sympatico",
    "rogers", "shaw", "telus", "cogeco", "bell", "bigpond", "optusnet", "iinet", "xtra", "eircom", "ntlworld",
    "virginmedia", "talktalk", "tiscali", "libero", "virgilio", "alice", "neuf", "sfr", "bbox", "numericable",
    "club-internet", "aliceadsl", "arnet", "fibertel", "speedy", "movistar", "telefonica", "terra", "ono",
    "prodigy", "infinitum", "vtr", "rediffmail", "ymail", "rocketmail", "posteo", "tutanota", "tuta",
    "hushmail", "kabelmail", "ewetel", "vodafone", "earthlink", "charter", "cox", "optonline",
    "rediff", "buzon", "boite", "boitemail", "correio", "uol", "bol", "yahoomail",
})

# Capitalised words that are not first names, for guessing a name from an initial.
_NOT_FIRST_NAMES = frozenset({
    "hi", "hello", "hey", "dear", "thanks", "thank", "best", "regards", "cheers", "sent", "get", "just", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "the", "this",
    "that", "and", "also", "all", "both", "please", "sorry", "sure", "yes", "no", "ok", "okay", "good", "great",
    "morning", "afternoon", "evening", "team", "folks", "everyone", "guys", "happy", "hope", "looking", "kind",
})
# Lowercase words that are also first names: never read as names when written in lowercase.
_COMMON_WORDS = frozenset(
    "will mark may june grace hope joy faith bill rob sue pat rose jack frank art max ray dawn summer sky april "
    "august jean ken don gene rich sandy rusty woody buck chase drew miles lane jordan guy an eve ivy iris "
    "lily violet holly heather daisy ruby amber crystal pearl penny kitty cat bob al ed ted tim tom dan sam jo "
    "lee les van von del bea nick jim liz meg kim ben victor angel christian earl duke king prince major carol "
    "harmony melody autumn river brook forest stone rock cliff dale glen hill cash penny mercedes dolores pilar "
    "sol luz paz rosa blanca clara nieves amparo consuelo inmaculada belle claire aurore".split())
# Names that are rare as ordinary words: in mail written without capitals, they are the people's.
_NAMES_WHEN_LOWERCASE = frozenset("ken frank victor jordan lily violet holly heather daisy ruby bob ted tim tom dan sam "
                                  "bea nick jim liz meg kim ben belle claire aurore gene mercedes".split())
# After a name used to address someone: "jas - ", "jas, ", "jas: "
_ADDRESS_MARK = re.compile(r"[ \t]?[-–—,:]")
_SENTENCE_LETTER = re.compile(r"(?:^|[.!?][ \t]+|\n)[ \t]*([^\W\d_])", re.MULTILINE)


_PRESENTING_AFTER = (" das ist", " this is", " meet ", " voici", " c'est", " te presento", " este es", " esta es", " des is")
_SENTENCE_START = re.compile(r"(?:^|[.!?][ \t]{1,2}|\n[ \t]*)$")
_TITLE_BEFORE = re.compile(r"\b(?:dr|mr|mrs|ms|herr|frau|mme|sr|sra|dra)\.?[ \t]$")


def _claim(index: dict[str, str], key: str, email: str) -> None:
    """``key`` names ``email``, unless it already names someone else: then it names nobody ("")."""
    index[key] = email if index.get(key, email) == email else ""


def _names_someone(text: str, m: re.Match, word: str) -> bool:
    """Where a short form or a name that is also a word counts as a name in lowercase mail: "jas -" (someone
    addressed); for words such as "grace", only at a sentence's start ("grace, mark's son ...") or owning
    something ("will's daughter")."""
    addressed = _ADDRESS_MARK.match(text, m.end()) is not None
    if word not in _COMMON_WORDS:
        # (or the mail's first word: "mari esta es xime", a greeting without its comma)
        return addressed or not text[:m.start()].strip()
    at_start = _SENTENCE_START.search(text, max(0, m.start() - 3), m.start()) is not None
    return (addressed and at_start) or text[m.end():m.end() + 2] in ("'s", "’s")


def lowercase_style(text: str) -> bool:
    """Written without capitals: most sentences begin with a small letter ("frank my neighbor jorge's
    furnace died"), as people type on phones."""
    letters = [m.group(1) for m in _SENTENCE_LETTER.finditer(text[:3000])]
    return len(letters) >= 1 and sum(c.islower() for c in letters) * 5 >= len(letters) * 3


_LOWER_WORD = re.compile(r"(?<![\w'’])[a-zß-öø-ÿ]+(?=['’]s\b|(?![\w'’]))")   # ("jorge's furnace": the name)
_SPLIT = re.compile(r"[\s,;()\"'<>/|]+")
_LOCAL_SPLIT = re.compile(r"[._+\-\d]+")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
# Capitalised words only (the candidates for names): an uppercase letter not preceded by a letter.
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
CAPITALISED = re.compile(r"(?<![\w'’])[" + _UPPER + r"][^\W\d_]*(?:['’][^\W\d_]+)*")


@dataclass(frozen=True)
class Person:
    """Someone on the email, and every folded word the text may use for them."""

    email: str
    display: str                 # best human name: header name, or one made from the address
    first: str                   # folded first name ("" when unknown)
    keys: frozenset[str]         # single folded words that name this person
    compact: frozenset[str]      # folded multi-word names without spaces ("brightpixel")
    initial: str = ""            # first-name initial when only that is known ("j.kowalski@")
    family: bool = False         # a household's mailbox ("Familie Brandt", "fam.brandt@", "The Kapoor Family")
    anonymous: bool = False      # no display name and one word for an address ("drmathtutoring@"): whoever reads it
    nickname: str = ""           # the short name the address shows ("ike.bloom@" for Isaac Bloom), see address_nickname

    @property
    def first_name(self) -> str:
        return self.display.split()[0] if self.display else ""


def _clean_tokens(name: str) -> list[str]:
    """Display-name words in natural order ("Nguyen, Linh" -> ["Linh", "Nguyen"]), titles removed."""
    name = name.strip().strip('"').strip("'")
    if "," in name and name.count(",") == 1 and "@" not in name:
        last, first = (part.strip() for part in name.split(","))
        if first and last and len(first.split()) <= 2 and len(last.split()) <= 2:
            name = f"{first} {last}"
    tokens = [t.strip(".") for t in _SPLIT.split(name) if t.strip(".")]
    return [t for t in tokens if fold(t) not in TITLES]


def address_words(local: str) -> list[str]:
    """The pieces of an address's local part ("ingrid.halvorsen", "plomberie.mertens2" -> two words each)."""
    return [p for p in _LOCAL_SPLIT.split(local) if p]


def _local_words(local: str) -> list[str]:
    return [w for w in _LOCAL_SPLIT.split(local) if len(w) >= 2]


def domain_words(email: str) -> list[str]:
    """The words of an address's domain ("fahrschule-kurz.example" -> fahrschule-kurz, fahrschule, kurz);
    none for webmail."""
    return _domain_words(email.rpartition("@")[2])


def _domain_words(domain: str) -> list[str]:
    label = domain.split(".")[0] if domain.count(".") >= 1 else domain
    if label in _WEBMAIL:
        return []
    return [label] + [w for w in label.split("-") if w != label]


# Consonant pairs that begin English, German, French or Spanish words: "br", "sch", "st"...
_ONSETS = frozenset("bl br ch cl cr dr dw fl fr gl gn gr kl kn kr kw ph pl pr ps pf qu sc sh sk sl sm sn sp st sw "
                    "sz th tr ts tw vl vr wh wr zw".split())
_VOWELS = frozenset("aeiouy")


# First names that begin with letters no English, German, French or Spanish word begins with.
_UNUSUAL_ONSET_NAMES = frozenset({"dmitri", "dmitry", "dmytro", "zbigniew", "zdenek", "zdenka", "mstislav", "ngozi",
                                  "nguyen", "tkachenko", "lwazi", "mbali", "mthunzi", "nkechi", "ngaio"})


def _initial_and_surname(local: str, domain: str) -> bool:
    """An address like "jsmith" or "bbaxter": one letter, then a family name.

    The two first letters cannot begin a word ("js", "bb", "lm"), or the rest is the firm's name
    in the domain ("bbaxter@baxterbuilds")."""
    if not (5 <= len(local) <= 14 and local.isalpha()) or local in _UNUSUAL_ONSET_NAMES:
        return False
    rest = local[1:]
    if rest in fold(domain.split(".")[0]):
        return True
    first, second = local[0], local[1]
    return first not in _VOWELS and second not in _VOWELS and local[:2] not in _ONSETS and rest[0] != rest[1]


def same_organisation(a: str, b: str) -> bool:
    """Two addresses at one firm's own domain (not a webmail provider's): colleagues, also across its
    departments' subdomains ("physics.alderbrook.edu" and "alderbrook.edu")."""
    da, db = _org_domain(a.rsplit("@", 1)[-1].lower()), _org_domain(b.rsplit("@", 1)[-1].lower())
    return da == db and not _mailbox_provider(da.split(".")[0])


def _org_domain(domain: str) -> str:
    """The organisation's own domain: the last two labels, or three under a country's second level
    ("ox.ac.uk", "firm.co.uk", "empresa.com.ar")."""
    labels = domain.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3 else 2
    return ".".join(labels[-keep:])


# Words that mailbox providers put in their names ("maplemail", "postfach", "webpost"): a shared
# domain there says nothing about working together.
_PROVIDER_WORDS = ("mail", "post", "box", "correo", "courriel", "postfach", "web", "online", "net", "home")


def _mailbox_provider(label: str) -> bool:
    return label in _WEBMAIL or any(w in label for w in _PROVIDER_WORDS)


def personal_mailbox(email: str) -> bool:
    """An address at a mailbox provider (gmail.com, gmx.de, orange.fr, "hotmail-qc"): a private person's.

    A firm that takes work writes from its own domain; the customer it is introduced to mostly does not,
    so when the words of an introduction say nothing of roles, this is the last thing that can."""
    label = email.rpartition("@")[2].lower().split(".")[0]
    if label in _WEBMAIL:
        return True
    # (not "cabinet-tessier" or "webster-law", which only contain such letters)
    return any(part in _WEBMAIL - _ORDINARY_WORDS or part.startswith(_MAILBOX_WORDS) or part.endswith(_MAILBOX_WORDS)
               for part in label.split("-"))


_MAILBOX_WORDS = ("mail", "post", "correo", "courriel", "postfach", "inbox", "boite", "buzon")
_ORDINARY_WORDS = frozenset({"web", "me", "live", "free", "sky", "mac", "orange", "mail"})


def address_nickname(named: list[str], local_pieces: list[str]) -> str:
    """The name someone goes by, when the address says it: beside the family name ("ike.bloom@" for Isaac
    Bloom, "wendy.park@" for Gwendolyn Park) or alone as a short form of the first ("vik@" for Vikram).
    "" when the address says nothing of the kind."""
    if len(named) >= 2 and len(local_pieces) == 2 and local_pieces[1] == named[-1]:
        nick = local_pieces[0]
    elif named and len(local_pieces) == 1 and (local_pieces[0][:3] == named[0][:3] or local_pieces[0] in named[0]):
        nick = local_pieces[0]       # "vik@" for Vikram, "jules@" for Julienne, "gus@" for Augustus
    else:
        return ""
    if len(nick) < 3 or not nick.isalpha() or nick in named or nick in _GENERIC or nick in TITLES:
        return ""
    return nick


@functools.lru_cache(maxsize=4096)
def make_person(address: Address) -> Person:
    local, _, domain = address.email.partition("@")
    local = local.partition("+")[0]
    tokens = _clean_tokens(address.name) if address.name else []
    tokens = [t for t in tokens if "@" not in t]
    keys: set[str] = set()
    compact: set[str] = set()
    words = [fold(t) for t in tokens]
    named = [w for w in words if w not in _GENERIC and len(w) >= 2]
    initial = ""
    if not named:
        # No usable display name: "joan.whitaker@" -> Joan Whitaker; "dkim.home@" -> Dkim;
        # "j.kowalski@" -> someone whose first name starts with J.
        pieces = [p for p in re.split(r"[._+\-]+", fold(local)) if p]
        if len(pieces) >= 2 and len(pieces[0]) == 1 and pieces[0].isalpha():
            initial = pieces[0]
        elif len(pieces) == 1 and _initial_and_surname(pieces[0], domain):
            # "bbaxter@baxterbuilds", "lmiles@": a first initial run into the family name
            initial, local = pieces[0][0], pieces[0][1:]
        parts = [p for p in _local_words(local) if p not in _GENERIC]
        if len(parts) >= 2 or (parts and (len(parts[0]) >= 3 or parts[0] in _TWO_LETTER_NAMES)):
            tokens = [p.capitalize() for p in parts[:3]]
            words = [fold(t) for t in tokens]
            named = words
    first = named[0] if named else ""
    for w in named:
        keys.add(w)
        keys.add(transliterate(w))
        for part in w.split("-"):
            if len(part) >= 2:
                keys.add(part)
    if first:
        keys |= NICKNAMES.get(first, frozenset())
        for part in first.split("-"):
            keys |= NICKNAMES.get(part, frozenset())
    if len(named) >= 2:
        compact.add("".join(named))
    for w in _domain_words(domain):
        if len(w) >= 4 and w not in _GENERIC:
            compact.add(w)
            if not named and "-" not in w:
                keys.add(w)
    local_clean = fold(local)
    local_pieces = address_words(local_clean)    # "ingrid.halvorsen" -> ingrid, halvorsen
    if len(named) == 1:
        # "Mrs. Halvorsen" <ingrid.halvorsen@...>: the family name alone in the header, the first name
        # in the address
        if len(local_pieces) == 2 and named[0] in local_pieces:
            other = local_pieces[1 - local_pieces.index(named[0])]
            if len(other) >= 3 and other not in _GENERIC:
                keys.add(other)
                keys |= NICKNAMES.get(other, frozenset())
    aussie = _AUSSIE_ZZA.match(first) if first else None
    if aussie:
        # Australian short forms: Gary "Gazza", Warren "Wazza", Sharon "Shazza", Darren "Dazza"
        keys.add(aussie.group(1) + "zza")
    halves = first.split("-") if first else []
    if len(halves) == 2 and all(halves):
        # "LP" for Louis-Philippe, "JB" for Jean-Baptiste: the initials of a double first name (not
        # "Me" for Marie-Ève: that is a lawyer's title, and "me"; nor "Gipser- und Malergeschäft")
        initials = halves[0][0] + halves[1][0]
        if initials not in _TWO_LETTER_WORDS:
            keys.add(initials)
    nick = address_nickname(named, local_pieces)
    if nick:
        keys.add(nick)
    short = local_pieces[0] if local_pieces else ""
    if first and 2 <= len(short) < len(first) and (first.startswith(short) or (len(short) >= 3 and first.endswith(short))):
        # ("tin.navarro@" for Kristine: the end of the name, as Filipino and Spanish short names go)
        # "jo@" for Johanna, "manu@" for Manuela, "fer.ibarra@" for Fernanda: the short form she goes by
        keys.add(short)
    if local_clean and local_clean not in _GENERIC and len(local_clean) >= 3:
        for w in _local_words(local_clean):
            if w not in _GENERIC and len(w) >= 3 and (not named or w in keys or any(w == n for n in named)):
                keys.add(w)
    display = " ".join(tokens) if tokens else ""
    keys.discard("")
    family = bool(_FAMILY.search(fold(address.name or "")) or _FAMILY.search(local_clean))
    plural = _THE_FAMILY.fullmatch(local_clean)
    if plural:
        # "the.hendersons@": the Henderson household, greeted "Mr. and Mrs. Henderson"
        family = True
        keys.add(plural.group(1))
    anonymous = not address.name and len(local_pieces) == 1 and len(local_clean) >= 8
    return Person(address.email, display, first, frozenset(keys - _GENERIC), frozenset(compact), initial, family, anonymous,
                  nick)


_TITLE_INITIAL = re.compile(r"\b(?:Mrs|Mr|Ms|Miss|Dr|Frau|Herr|Mme|Sra|Sr)\.? ([A-Z])\b(?!\.?\w)")


_AUSSIE_ZZA = re.compile(r"([^aeiouy]{1,2}[aeiou])rr?[aeiouy]")
_TWO_LETTER_WORDS = frozenset("me de la le el es et en du un an as at be by do go he if in is it my no of on or so to up us we "
                              "am ma mi tu te se su si ya yo ja je il au ou ni sa ta ce ne al lo os da im zu wo ob".split())


_THE_FAMILY = re.compile(r"the[._-]?([a-z]{3,}?)s")


# A household's shared mailbox: "Familie Brandt", "The Kapoor Family", "fam.brandt@", "famillemartin@".
_FAMILY = re.compile(r"(?:^|[\s._-])(?:familie|family|famille|familia|famiglia|fam)(?:$|[\s._-])|^(?:familie|famille|familia)|family$")


@dataclass(frozen=True)
class Mention:
    """A place in the text where a known person is named (``company``: by a firm's name)."""

    start: int
    end: int
    email: str
    company: bool = False


class NameIndex:
    """Looks up capitalised words of a text in the keys of the people on the email.

    A key shared by two people (two Sams) is resolved by the next word (a last name) when it can be,
    else dropped: a wrong match is worse than none.
    """

    def __init__(self, people: list[Person]) -> None:
        self.people = people
        self._by_key: dict[str, set[str]] = {}
        self._by_compact: dict[str, str] = {}
        self._personal_compact: set[str] = set()
        self._memo: dict[str, list[Mention]] = {}
        for p in people:
            if p.display and len(p.display.split()) >= 2:
                self._personal_compact.add(fold("".join(p.display.split()[:2])))
            for k in p.keys:
                self._by_key.setdefault(k, set()).add(p.email)
            for c in p.compact:
                self._by_compact.setdefault(c, p.email)
        # "Ridgeline folks," for keys@ridgelinelock.example: the head of a firm's domain name, when the
        # rest is long enough to be another word ("lock", "andco"); used only for words nobody's name.
        self._by_head: dict[str, str] = {}
        for p in people:
            for c in p.compact:
                if c in self._personal_compact or "-" in c:
                    continue
                for cut in range(max(5, (len(c) * 2 + 4) // 5), len(c) - 2):
                    head = c[:cut]
                    _claim(self._by_head, head, p.email)

    def mentions(self, text: str) -> list[Mention]:
        """Every naming of one of the people in ``text``, in order. Several rules read the same text with
        the same people (the roles, the firm and shared-inbox checks), so the last few answers are kept."""
        known = self._memo.get(text)
        if known is None:
            known = self._mentions(text)
            if len(self._memo) >= 4:
                self._memo.pop(next(iter(self._memo)))
            self._memo[text] = known
        return list(known)

    def _mentions(self, text: str) -> list[Mention]:
        found: list[Mention] = []
        words = [(m.start(), m.end(), m.group()) for m in CAPITALISED.finditer(text)]
        skip_until = -1
        by_key = self._by_key
        for i, (start, end, word) in enumerate(words):
            if start < skip_until:
                continue
            key, spelled = _WORD_KEYS.get(word) or _word_keys(word)
            # Multi-word company or full names written together in the domain: "Bright Pixel".
            if i + 1 < len(words) and words[i + 1][2][:1].isupper() and words[i + 1][0] - end <= 2:
                nxt_word = words[i + 1][2]
                pair = key + (_WORD_KEYS.get(nxt_word) or _word_keys(nxt_word))[0]
                owner = self._by_compact.get(pair) or self._by_compact.get(transliterate(word + nxt_word))
                if owner:
                    person_compact = pair in self._personal_compact
                    found.append(Mention(start, words[i + 1][1], owner, company=not person_compact))
                    skip_until = words[i + 1][1]
                    continue
            # "Pixel & Pine" for pixelandpine.example, "Smith and Sons"
            if i + 1 < len(words) and words[i + 1][2][:1].isupper() and text[end:words[i + 1][0]] in (" & ", " and ", "&"):
                nxt_word = words[i + 1][2]
                owner = self._by_compact.get(key + "and" + (_WORD_KEYS.get(nxt_word) or _word_keys(nxt_word))[0])
                if owner:
                    found.append(Mention(start, words[i + 1][1], owner, company=True))
                    skip_until = words[i + 1][1]
                    continue
            owners = by_key.get(key) or by_key.get(spelled)
            if not owners and ("'" in key or "’" in key):
                # "Rénov'Est" for renovest.example: a firm's name written with an apostrophe
                joined = self._by_compact.get(key.replace("'", "").replace("’", ""))
                if joined:
                    found.append(Mention(start, end, joined, company=True))
                    continue
            if not owners and len(key) > 4 and key.endswith("ji"):
                # "Panditji", "Rajeshji": the Indian honorific suffix
                owners = by_key.get(key[:-2])
            if not owners and len(key) > 5 and key[-3:] in ("ita", "ito"):
                # Spanish diminutives: "Javierita" for Javiera, "Juanito", "Carmencita"
                owners = next((by_key[b] for b in _diminutive_bases(key) if b in by_key), None)
            if not owners and len(key) > 4 and key[-1] == "s" and word[-1] == "s":
                # German genitive and family plurals: "Kerstins Tochter", "the Kapoors want"
                owners = by_key.get(key[:-1])
            if not owners and key in self._by_head and self._by_head[key] and key not in _GENERIC:
                found.append(Mention(start, end, self._by_head[key], company=True))
                continue
            if not owners:
                continue
            if len(owners) > 1 and i + 1 < len(words) and words[i + 1][0] - end <= 2:
                nxt = fold(words[i + 1][2])
                narrowed = {e for e in owners if nxt in self._keys_of(e)}
                owners = narrowed or owners
            if len(owners) > 1:
                # "Rob" is Rob Stein's own name, and only a nickname of the other one's Robert or Bobby
                literal = {p.email for p in self.people if p.email in owners and p.first == key}
                owners = literal if len(literal) == 1 else owners
            if len(owners) == 1:
                email = next(iter(owners))
                stop = end
                # Swallow the last name so "Dana Whitfield" is one mention.
                if i + 1 < len(words) and words[i + 1][0] - end <= 1 and words[i + 1][2][:1].isupper() \
                        and fold(words[i + 1][2]) in self._keys_of(email):
                    stop = words[i + 1][1]
                    skip_until = stop
                found.append(Mention(start, stop, email))
        if _TITLE_INITIAL.search(text):
            found = self._by_title_initial(text, found)
        if len({m.email for m in found}) < len(self.people):
            found = self._by_initial(text, words, found)
        if text.count(" ") > 3:
            lowercase = lowercase_style(text)
            if lowercase and len({m.email for m in found}) < len(self.people):
                found = self._lowercase(text, found, relaxed=True)
            elif len({m.email for m in found}) < min(2, len(self.people)):
                found = self._lowercase(text, found)
        return found

    def _lowercase(self, text: str, found: list[Mention], relaxed: bool = False) -> list[Mention]:
        """First names written without a capital ("hey mike meet sarah"), when capitalised matching
        found too few people; words that are also ordinary words ("will", "grace") never count.

        ``relaxed``: the writer capitalises nothing ("tyler - ken just got a lab puppy"), so names that are
        rare as ordinary words ("ken", "frank") count too, and so does the start of a first name used to
        address someone ("jas - alice does llc formation" for Jasmine)."""
        by_first: dict[str, str] = {}
        shorts: dict[str, str] = {}        # (relaxed) names that count only where someone is addressed
        titled: dict[str, str] = {}        # (relaxed) family names after a title: "adding dr lin"
        for p in self.people:
            if not p.first or len(p.first) < 3:
                continue
            for name in {p.first} | NICKNAMES.get(p.first, frozenset()) | ({p.nickname} if p.nickname else set()):
                if len(name) >= 3 and (name not in _COMMON_WORDS or (relaxed and name in _NAMES_WHEN_LOWERCASE)):
                    _claim(by_first, name, p.email)
                elif relaxed and len(name) >= 3:
                    _claim(shorts, name, p.email)
            if relaxed and len(p.first) >= 5:
                for cut in (3, 4):
                    _claim(shorts, p.first[:cut], p.email)
            family = fold(p.display.split()[-1]) if relaxed and len(p.display.split()) >= 2 else ""
            if len(family) >= 2:
                _claim(titled, family, p.email)
        if not by_first and not shorts and not titled:
            return found
        taken = {m.start for m in found}
        extra = []
        for m in _LOWER_WORD.finditer(text):
            word = m.group()
            if relaxed and not word.isascii():
                word = fold(word)          # "andrés", "hélène": the keys are folded
            owner = by_first.get(word)
            end = m.end()
            if not owner and relaxed and len(word) >= 4 and word[-1] == "s" and by_first.get(word[:-1]):
                # "sofias the one i mentioned": a possessive or "is" typed without its apostrophe
                owner, end = by_first[word[:-1]], end - 1
            if not owner and word in shorts and word not in by_first and _names_someone(text, m, word):
                owner = shorts[word]
            if not owner and word in titled and _TITLE_BEFORE.search(text, max(0, m.start() - 6), m.start()):
                owner = titled[word]
            if owner and m.start() not in taken:
                extra.append(Mention(m.start(), end, owner))
        return sorted(found + extra, key=lambda x: x.start) if extra else found

    def _by_title_initial(self, text: str, found: list[Mention]) -> list[Mention]:
        """"Mrs H", "Mrs P.", "Dr. K": a title and the family name's initial, for the one person whose
        family name starts so."""
        by_letter: dict[str, set[str]] = {}
        for p in self.people:
            names = p.display.split()
            family = names[-1] if names else ""
            if family[:1].isalpha():
                by_letter.setdefault(fold(family[0]), set()).add(p.email)
        taken = {m.start for m in found}
        extra = [Mention(m.start(), m.end(), next(iter(by_letter[fold(m.group(1))])))
                 for m in _TITLE_INITIAL.finditer(text)
                 if m.start() not in taken and len(by_letter.get(fold(m.group(1)), ())) == 1]
        return sorted(found + extra, key=lambda m: m.start) if extra else found

    def _by_initial(self, text: str, words: list[tuple[int, int, str]], found: list[Mention]) -> list[Mention]:
        """First names for people known only by an initial: "Joanna" for j.kowalski@, when the word
        is used to address someone ("Hi Sam and Joanna,", "Joanna, ...") and names nobody else."""
        named = {m.email for m in found}
        waiting = [p for p in self.people if p.email not in named and (p.initial or p.first)]
        if not waiting and not any(p.first for p in self.people):
            return found
        chosen: dict[str, str] = {}
        for start, end, word in words:
            if len(word) < 3 or not (text[end:end + 1] in (",", ":", "!") or text[end:end + 2] in (" -", " –", " —") or text[max(0, start - 7):start].lower().rstrip()
                                     .endswith(("hi", "hello", "dear", "and", "meet", "hey", "hallo", "hola", "bonjour", "servus", "salut"))
                                     # "Miri das ist Katrin": someone presented to the one named
                                     or text[end:end + 12].lower().startswith(_PRESENTING_AFTER)):
                continue
            key = fold(_strip_possessive(word))
            if key in self._by_key or key in _NOT_FIRST_NAMES:
                continue
            # "Joanna" for j.kowalski@; "Bea" for Beatriz, "Alex" for Alexandra: a short form
            # "Manu" for Emmanuel, "Toni" for Antonia, "Beth" for Elizabeth: a short form inside the name
            fits = [p for p in waiting if (p.initial and key[0] == p.initial)
                    or (p.first and len(p.first) > len(key) and p.first.startswith(key))
                    or (p.first and len(key) >= 4 and len(p.first) > len(key) and key in p.first)
                    # "Jono" for Jonathan, "Davo" for David: the name's start and an -o or -y
                    or (p.first and 4 <= len(key) < len(p.first) and key[-1] in "oy" and p.first.startswith(key[:-1]))
                    # "Kathi" for Kathrin, "Miri" for Miriam: the Austrian and South German -i
                    or (p.first and 4 <= len(key) < len(p.first) and key[-1] == "i" and p.first.startswith(key[:-1]))]
            if not fits:
                # "Hallo Martina, hallo Stefan" to "Familie Brandt": the greeted names are the household's
                fits = [p for p in waiting if p.family]
            if not fits and len(key) >= 3:
                # "Kay!!!" for Kayla, named in full elsewhere: the start of one person's first name
                fits = [p for p in self.people if p.first and len(p.first) > len(key) and p.first.startswith(key)]
            if len(fits) != 1:
                continue
            person = fits[0]
            chosen.setdefault(key, person.email)
        if not chosen:
            return found    # ``found`` is in text order already: nothing to add or sort
        families = {p.email for p in waiting if p.family}
        if len(set(chosen.values()) - families) != len([e for e in chosen.values() if e not in families]):
            return found
        extra = [Mention(s, e, chosen[fold(_strip_possessive(w))]) for s, e, w in words
                 if fold(_strip_possessive(w)) in chosen]
        return sorted(found + extra, key=lambda m: m.start)

    def _keys_of(self, email: str) -> frozenset[str]:
        for p in self.people:
            if p.email == email:
                return p.keys
        return frozenset()


@functools.lru_cache(maxsize=1024)
def name_index(people: tuple[Person, ...]) -> NameIndex:
    """The index for a set of people, built once per message (several rules read the same names)."""
    return NameIndex(list(people))


# Capitalised word -> its lookup keys. Names and sentence-initial words recur across mail, and the
# two folds per word were a measurable share of name matching; bounded like the vocabulary's memo.
_WORD_KEYS: dict[str, tuple[str, str]] = {}
_WORD_KEYS_LIMIT = 50_000


def _word_keys(word: str) -> tuple[str, str]:
    """(folded key, transliterated key) of a capitalised word, possessive dropped ("Öztürk's" ->
    ("ozturk", "oeztuerk")): what :meth:`NameIndex.mentions` looks up; remembered per word."""
    bare = _strip_possessive(word)
    keys = (fold(bare), transliterate(bare))
    if len(_WORD_KEYS) < _WORD_KEYS_LIMIT:
        _WORD_KEYS[word] = keys
    return keys


# Two-letter first names people use as their whole address ("jo@haywardgutters"); other two-letter
# local parts (hr@, it@, pr@) are roles, not names.
_TWO_LETTER_NAMES = frozenset({"jo", "al", "ed", "bo", "di", "li", "yu", "ty", "cy", "vi", "mo", "em", "ri", "su"})


def _diminutive_bases(key: str) -> tuple[str, ...]:
    """The names a Spanish diminutive may stand for: "javierita" -> javiera, "juanito" -> juan."""
    out: list[str] = []
    for suffix in ("cita", "cito", "ita", "ito"):
        if key.endswith(suffix):
            base = key[:-len(suffix)]
            out += [base + "a", base + "o", base]
    return tuple(b for b in out if len(b) >= 3)


def _strip_possessive(word: str) -> str:
    if "'" not in word and "’" not in word:
        return word
    for suffix in ("'s", "’s", "s'", "'"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


__all__ = ["Person", "Mention", "NameIndex", "name_index", "make_person", "same_organisation", "NICKNAMES", "TITLES", "WORD"]
