"""Phrases that say who provides a service and who needs one, in English, German, French, Spanish.

Each role cue is credited to the actor before it (see :mod:`parsers.roles`): "X is looking for",
"X sucht", "X cherche", "X necesita" make X the contact; "X did our taxes", "X betreut meine Firma",
"X a transformé notre appartement", "X nos arregló", "X is the best", "X builds websites for small
businesses" make X the provider. "PY" cues are said to the addressee ("I gave her your number"),
"PA" cues name the provider right after them ("we worked with Simone"). Peer cues ("compare notes",
"no agenda") mark introductions without a direction.

Cues are :class:`~parsers.text.Cue` objects: each regex runs only when one of its trigger words occurs.
"""
from __future__ import annotations

import re

from .text import Cue, CueIndex

GREETINGS = frozenset({
    "prof", "professor", "doktor", "maitre", "maître", "madame", "monsieur", "senor", "señor", "senora", "señora",
    "don", "doña", "familie", "family", "sehr", "geehrte", "geehrter", "chère", "cher", "chers", "chères", "hallo",
    "hi", "hello", "hey", "dear", "morning", "good", "afternoon", "evening", "greetings", "hallo", "hi,",
    "liebe", "lieber", "liebes", "servus", "moin", "guten", "tag", "bonjour", "salut", "cher", "chere",
    "coucou", "hola", "querida", "querido", "queridos", "estimada", "estimado", "estimados", "buenos", "dias",
    "buenas", "and", "y", "et", "und", "&", "herr", "frau", "mr", "mrs", "ms", "dr", "m", "mme", "sr", "sra",
    # a vocative after a linking word ("Also Jen, you mentioned...", "Übrigens Tom,", "Et sinon Paul,")
    "also", "oh", "btw", "aussi", "sinon", "ubrigens", "übrigens", "tambien", "también", "bonsoir",
    # Italian and Portuguese greetings
    "ciao", "buongiorno", "buonasera", "caro", "cara", "cari", "oi", "ola", "olá", "bom", "boa", "dia", "tarde",
    # regional and informal: Swiss, Austrian and Bavarian, Australian, Indian, Spanish
    # addressing a firm: "A La Fallera: Nuria organiza ...", "An das Team von ...", "To Bright Smile:"
    "a", "an", "à", "to", "equipo", "team", "gente", "la", "las", "los", "les", "the",
    "morgen", "abend", "nachmittag", "hoi", "grüezi", "gruezi", "salü", "sali", "griaß", "griass", "grüß", "grüss", "gruss", "servas", "g'day", "gday",
    "howdy", "hiya", "namaste", "aloha", "hej", "oye", "allo", "allô",
    "kia", "ora", "heya", "hallochen", "hallöchen", "moinsen", "buen", "día", "bonne", "journée", "soirée",
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
BOTH = re.compile(r"\b(you two|you both|both of you|the two of you|you guys|y'all|all three of you|u two|u both|u guys|yall|"
                   r"ihr beide|euch beide|sie beide|euch beiden|ihnen beiden|vous deux|tous les deux|"
                   r"toutes les deux|los dos|ustedes dos|vosotros dos|ambos|ambas)\b")
ABBREV = frozenset({"dr", "mr", "mrs", "ms", "st", "jr", "sr", "inc", "co", "ltd", "vs", "etc", "e.g", "i.e",
                     "prof", "mt", "ft", "no", "approx", "hr", "mme", "nr", "bzw", "ca", "z.b", "sra", "av", "dra", "lic",
                     "ing", "arq", "abg", "dres", "mlle", "srta"})

PERSON_ART = (r"(?:(?:the|a|an|our|my|his|her|their|your|l'|le|la|un|une|notre|mon|ma|der|die|ein|eine|"
               r"unser|unsere|mein|meine|el|la|un|una|nuestro|nuestra|mi)\s*)")

# Words that present someone to the person just addressed ("Sam, this is Priya", "Marc, voici le
# traiteur", "Jonas, das ist der Fotograf"). Accented letters are given as classes so the pattern reads
# the original text and the folded one alike.
# French participles of asking and telling: "m'a demandé de", "nous a écrit" are no work done for the writer
_TOLD = (r"(?:demande|dit|ecrit|appele|telephone|contacte|parle|raconte|explique|envoye|transmis|laisse|prie|signale|"
         r"informe|recommande|repondu|rappele|relance)\b")

PRESENTATIVE = (r"(?:this is|that'?s|here'?s|here is|meet|das ist|hier ist|darf ich vorstellen:?|voici|voil[aà]|"
                # dialects: "des is der Sepp" (Bavarian), "das isch de Beat" (Swiss), "dat is" (Low German, Kölsch)
                r"des is|des isch|das isch|dis isch|dat is|"
                r"je (?:te|vous) pr[ée]sente|(?:te|les|os) presento(?: a| al)?|ella es|[ée]l es|esta es|este es|ecco|"
                r"questa [èe]|questo [èe]|esta [ée]|este [ée]|essa [ée]|esse [ée]|conhe[çc]a)")

# (triggers, pattern, role, weight). Role "P": the actor provides; "C": the actor needs; "PA": the
# party named right after the cue provides ("worked with Simone"); "PY": the addressee provides
# ("gave him your number"); "PO": the party other than the addressee provides ("te puede ayudar"); "CY":
# the addressee needs ("you mentioned you're hiring"). A cue's regex runs only when one of its trigger words occurs in the
# text, which keeps the cost per message low with many cues.
_CUES: tuple[tuple[str, str, str, float], ...] = (
    # --- needs (contact) ---
    ("looking searching shopping hunting",
     r"\b(is|are|'s|'re|been|was|were|still|currently|actively)\s+(looking|searching|shopping around|hunting)\s+(for|to)\b"
     r"(?! (a |new |more |a few |a new )?(clients|customers|work|projects|business|referrals|opportunities|leads|family|families|job|placement))"
     r"(?! (something|a (new |permanent |full-time |full time )?(role|position|job)|(his|her|their) next)\b)", "C", 3),
    ("looking searching", r"\b(looking|searching) for\b(?! (a |new |more |a few |a new )?(clients|customers|work|projects|business|referrals|opportunities|leads|family|families|job|placement))"
     r"(?! (something|a (new |permanent |full-time |full time )?(role|position|job)|(his|her|their) next)\b)", "C", 2),
    # a candidate: "is looking for something full time", "open to her next role", "está buscando algo nuevo",
    # "sucht eine neue Stelle", "cherche un nouveau poste": the work is theirs to offer
    ("looking searching open buscando busca sucht cherche",
     r"\b(looking for|searching for|open to|on the market for) (something (new|full[- ]time|part[- ]time|permanent)|"
     r"something\b(?= in\b)|a (new |permanent |full[- ]time )?(role|position|job)|(his|her|their) next (role|thing|gig|challenge|chapter))\b|"
     r"\b(esta|anda) buscando (algo nuevo|trabajo|empleo|un nuevo (puesto|trabajo|desafio|reto)|nuevos desafios)\b|"
     r"\b(sucht|sucht gerade) (eine neue stelle|einen neuen job|eine neue herausforderung|einen job|eine stelle|eine festanstellung)\b|"
     r"\b(cherche|recherche) (un poste|un nouveau poste|un emploi|un job|un cdi|sa prochaine|son prochain)\b", "P", 4),
    # a firm hiring needs the person: "we're hiring a", "the iOS hire", "buscando a alguien de data science",
    # "sucht jemanden für", "cherche quelqu'un pour"
    ("hiring hire recruiting buscando buscan sucht suchen cherche cherchent casting commissioning",
     r"\b(is|are|'s|'re|been) (hiring|recruiting|casting|commissioning)\b|\bthe [\w-]+ hire\b|\bto hire (a|an|someone)\b|"
     r"\b(buscando|buscan|busca) a (alguien|una persona) (de|para|con)\b|\b(sucht|suchen) (jemanden|eine[n]? \w+) (fur|als)\b|"
     r"\b(cherche|cherchent|recrute|recrutent) (quelqu'un|un profil|une personne|un|une) (pour|comme|en)\b", "C", 3),
    # looking for work: "she's looking for a new family" (a nanny), "looking for new clients"
    ("looking searching seeking clients customers work projects referrals family families job placement suchst sucht suchen cherche cherches cherchent recherche busca buscas buscan buscando",
     r"\b(looking for|seeking|wants|needs|hoping for) (a |new |more |a few |a new )?(clients|customers|projects|referrals|leads|"
     r"family|families|job|placement)\b|"
     r"\bgrow(ing)? (his|her|their) (practice|business|client base)\b|"
     # "du suchst noch Familien zum Babysitten", "elle cherche de nouveaux clients", "busca alumnos"
     r"\b(suchst|sucht|suchen) (noch |gerade )?(neue |weitere |mehr )?(familien|kunden|kundinnen|auftrage|patienten|schuler|schulerinnen|mandanten)\b|"
     r"\b(cherches?|cherchent|recherche) (encore )?(des|de nouveaux|de nouvelles|d'autres) (familles|clients|clientes|chantiers|eleves|patients|contrats)\b|"
     r"\b(buscas?|buscan|esta buscando|anda buscando) (mas |nuevos |nuevas )?(familias|clientes|alumnos|alumnas|pacientes|encargos|trabajos)\b", "P", 5),
    # "vas a necesitar un escribano", "va a necesitar", "necesitarás"
    ("necesitar necesitaras necesitara", r"\b(vas|va|van|vais) a necesitar\b|\bnecesitar(a|as|an|eis|ais)\b", "C", 2),
    # a company raising money needs lawyers, accountants, investors: "they're raising a $2M seed"
    ("raising", r"\b(is|are|'re|'s|currently|now) raising (a|an|their|his|her|money|funds|capital|\$|\d)", "C", 2),
    ("hunt market lookout need", r"\b(on the hunt|in the market|on the lookout) for\b|\bin need of\b", "C", 3),
    # "she would benefit from working alongside a dietitian", "könnte von ... profitieren"
    ("benefit profitieren beneficiar beneficierait", r"\b(would|could|will|might) (really |greatly |definitely )?benefit from\b|"
     r"\b(wurde|konnte) (\w+ ){0,4}?profitieren\b|\b(se beneficiaria|le vendria bien)\b|\b(beneficierait|profiterait)\b", "C", 3),
    # several people offered to the one addressed: "I'm introducing you to two services that can help"
    ("introduce introducing connect connecting touch",
     r"\b(introduc(e|ing) you to|connect(ing)? you with|put(ting)? you in touch with) (two|three|four|a few|some|several|a couple of) ", "CY", 3),
    # ("shout if you need anything" offers help; it is nobody's need)
    ("need needs needed needing", r"(?<!if you )(?<!you ever )(?<!anything you )(?<!whatever you )"
     # (the noun: "sensory needs", "special needs", "your business needs")
     r"(?<!sensory )(?<!special )(?<!learning )(?<!support )(?<!additional )(?<!dietary )(?<!medical )(?<!business )"
     r"(?<!specific )(?<!individual )(?<!care )(?<!their )(?<!your )"
     r"\b(needs?|needed|needing)\b(?! (new |more )?(clients|customers|referrals))"
     # (an obligation, not a service wanted: "Howard will need to work directly with our team")
     r"(?! to (work|coordinate|sign|review|liaise|confirm|attend|report|be copied|copy)\b)", "C", 3),
    # (not "you'll want to see it before you price it", "vous voudrez peut-être": advice, not a need;
    # nor "he'll want your census by the 1st": what a provider will ask of the one spoken to)
    ("want wants wanted like love", r"(?<!nobody )(?<!no one )(?<!noone )(?<!you'll )(?<!you will )(?<!you may )(?<!if you )(?<!if u )"
     r"(?<!you might )\b(wants?|wanted)\b(?! (your|you to|you two|both of you|ihre|votre|vos|tu|sus) )|(?:(?<=you'll )|(?<=you will ))want (?!to\b)(?=someone|somebody|a |an )|\b(would|'d) (like|love)\b|\b(i'd|she'd|he'd|they'd) (like|love)\b", "C", 2),
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
    ("keeps stopped crashing breaking leak problem issue trouble",
     r"\b(keeps (crashing|breaking|leaking|failing|tripping)|stopped working|(has|have) been (leaking|failing|acting up)|(has|had|have) (a|an) (\w+ )?(leak|problem|issue)|"
     r"(is|are|'s|'re) having (trouble|problems|issues))\b", "C", 2),
    ("look", r"\b(could|can|would) (you|u) (please |pls )?(take a look|have a look|look at (it|this|that|them|her|his|their)|"
             r"help (her|him|them))\b", "PY", 2),
    # what the one spoken to said they need: "you mentioned on Friday that the iOS hire is ...", "me contaste
    # que llevan dos meses buscando", "tu m'avais dit que tu cherchais"
    # "Du hast gefragt, wer bei unserer Hochzeit den Apéro gemacht hat", "you asked who did our floors",
    # "tu m'as demandé qui avait fait": the one spoken to wants the same
    ("gefragt asked demande preguntaste",
     r"\b(du hast|du hattest|sie haben|sie hatten|ihr habt|ihr hattet) (\w+ ){0,4}?(mich )?(gefragt|wissen wollen),? (wer|wen|wem|wo|welche\w*)\b|"
     r"\byou asked (me )?(who|where|which)\b|"
     r"\b(tu m'as|vous m'avez) demande (qui|ou|quel)\b|\bme preguntaste (quien|donde|cual)\b", "CY", 3),
    # the answer: "das war Häberli aus Einsiedeln", "that was Rosa", "c'était Martin", "fue Chuy"
    ("war was etait fue it's", r"\b(das war|that was|it was|it's|it is|c'etait|c'est|fue|era|es) ", "PA", 2),
    # what the one spoken to was telling the writer: "tu me disais au souper que le Steinway ...", "you were
    # telling me about the leak", "me contabas que"
    ("disais disiez racontais telling contabas decias erzahltest",
     r"\b(tu|vous) me (disais|disiez|racontais|racontiez)\b|\byou were telling me\b|\bme (contabas|decias|comentabas)\b|"
     r"\bdu hast mir (doch )?erzahlt\b", "CY", 2),
    ("mentioned said told contaste dijiste comentaste dit",
     r"\byou (mentioned|said|told me)\b[^.!?]{0,50}?\b(hire|hiring|looking for|need|needed|searching for|struggling)\b|"
     r"\bme (contaste|dijiste|comentaste|habias dicho)\b[^.!?]{0,50}?\b(buscando|buscan|buscas|necesitan|necesitas)\b|"
     r"\b(tu|vous) m'(avais|aviez|as|avez) (dit|parle)\b[^.!?]{0,50}?\b(cherch\w+|besoin)\b", "CY", 3),
    # "for the heat pump itself you want Renee", "you'll want Dana for that": the one named next
    ("want need", r"\byou('ll| will|'d| would)? (really |definitely )?(want|need) ", "PA", 3),
    # "Kyle worked wonders with Biscuit", "she works miracles on old floors"
    ("wonders miracles magic", r"\b(worked|works|did|does|work) (wonders|miracles|magic) (with|on|for)\b", "P", 3),
    # Spanish drops the subject: "Fer, ... Te puede ayudar con lo del SAT" (he, the other one, can help you)
    ("ayudar echar asesorar orientar",
     r"\b(te|os) (puede|pueden|podra|podran|podria|podrian|va a|van a|sabra|sabran) (ayudar|echar una mano|asesorar|orientar)\b",
     "PO", 2),
    # asked for a quote: "Pourriez-vous lui faire un devis ?", "could you send her a quote", "könnten Sie ihr
    # ein Angebot machen", "¿le podrías pasar un presupuesto?"
    ("devis quote estimate angebot presupuesto cotizacion",
     r"\b(pourriez|pouvez|pourrais|peux)[- ](vous|tu) (lui|leur) (faire|envoyer|proposer|etablir) (un|une) (devis|estimation)\b|"
     r"\b(could|can|would) you (send|give|put together|do) (her|him|them) (a|an) (quote|estimate)\b|"
     r"\b(konnten|konnen|kannst|konntest) (sie|du) (ihr|ihm|ihnen) (ein|einen) (angebot|kostenvoranschlag)\b|"
     r"\b(le|les) (podrias|puedes|podria|puede) (pasar|mandar|enviar|hacer) (un|una) (presupuesto|cotizacion)\b", "PY", 3),
    ("your you", r"\b(will|'ll|can|could) (help you|set you up|set up your|do your|handle your|take care of your|fix your|"
             r"sort out your|get your|look after your|build your|design your|manage your)\b", "P", 2),
    # German
    ("sucht suchen braucht brauchen brauchte brauchten benotigt benotigen mochte mochten wunscht wunschen suche hatte hatten gern gerne",
     r"(?<!keiner )(?<!niemand )(?<!keine )\b(sucht|suchen|braucht|brauchen|brauchte|brauchten|benotigt|benotigen|mochte|mochten|wunscht|wunschen)\b|\bauf der suche\b|"
     r"\b(hatte|hatten|hattest) (\w+ ){0,2}gerne?\b", "C", 3),
    # work for the writer in a German main clause: "Florian beschlägt unsere Noriker seit Jahren", "sie macht
    # meine Buchhaltung" (not "braucht unsere Hilfe", "hat unsere ...", "kennt unsere ...")
    ("unser unsere unseren unserem meine meinen mein meinem",
     r"\b(?!(hat|ist|wird|war|kennt|mag|liebt|sieht|findet|weiss|kommt|geht|braucht|sucht|mochte|will|soll|kann|darf|"
     r"muss|wollte|fragt|bittet|grusst|dankt|heisst|wohnt|arbeitet|passt|gefallt|halt|lasst|bekommt|kriegt|erzahlt|"
     r"meint|denkt|glaubt|hofft|weisst|nicht|jetzt|erst|seit|bist|gibt|gehort)\b)[a-z]{3,}t "
     r"(seit jahren |schon lange |schon seit jahren |immer |auch |schon )?(unsere|unseren|unser|unserem|meine|meinen|mein|meinem)\b", "P", 2),
    # work for the writer in the German perfect: "hat bei uns Decken und Wände gemacht", "hat unsere alten Dielen
    # abgeschliffen" (telling and sending are no work: "hat uns gesagt")
    ("hat haben",
     # (nor permission: "hat mir erlaubt, ihre Kontaktdaten weiterzugeben")
     r"\b(hat|haben) (bei uns|bei mir|uns|mir|unsere|unseren|unser|meine|meinen|mein) (?!(\S+ ){0,3}?(erlaubt|gestattet)\b)(\S+ ){0,6}?"
     r"(?!(gesagt|erzahlt|geschrieben|gefragt|empfohlen|geschickt|gezeigt|vorgestellt|gegeben|angerufen|gemailt|eingeladen)\b)"
     r"(?!\w*zu\w*en\b)(\w*ge\w+(t|en)|\w+iert)\b", "P", 3),
    # verb last, as German relative clauses put it: "der unsere Firmenwebsite gebaut hat"
    ("unser unsere unseren unserer unserem mein meine meinen meiner meinem uns mir",
     r"\b(?:der|die|welcher|welche)\s+(?:\w+\s+){0,2}?(?:unser\w*|mein\w*|uns|mir)\s+(?:[\w-]+\s+){0,4}?"
     r"(?:ge\w+t|ge\w+en|\w+iert)\s+(?:hat|haben|hatte|hatten)\b", "P", 3),
    # a job to have done: "will vorher alle Räume streichen lassen", "möchte das Dach neu decken lassen"
    ("lassen", r"\b(will|wollen|mochte|mochten|muss|mussen|mochte gern|wurde gern|wurde gerne) (\S+ ){0,7}?[a-z]+en lassen\b", "C", 3),
    # a project of one's own: "wollen im Frühjahr ihr Bad komplett sanieren", "will das Haus verkaufen"
    ("will wollen mochte mochten plant planen",
     r"\b(will|wollen|mochte|mochten|plant|planen) (\S+ ){0,8}?(sanieren|renovieren|umbauen|ausbauen|modernisieren|"
     r"neu bauen|bauen|kaufen|verkaufen|vermieten|erneuern|dammen|grunden|eroffnen)\b", "C", 3),
    # selling a home needs a notary, an agent, a surveyor: "met en vente la maison", "is selling her condo"
    ("selling listing vente vendiendo vende venden verkauft verkaufen",
     r"\b(is|are|'s|'re) (selling|listing) (his|her|their|the) (house|home|condo|flat|apartment|property|place)\b|"
     r"\b(met|mettent|mettons) en vente\b|\b(esta|estan) vendiendo (su|la|el)\b|\b(vende|venden) (su|la) (casa|departamento|piso|finca)\b|"
     r"\b(verkauft|verkaufen) (sein|ihr|das|die) (haus|wohnung|elternhaus|grundstuck)\b", "C", 2),
    ("hatte wurde plant planen uberlegt vor interessiert",
     r"\b(hatte gerne?|wurde gerne?|plant|planen|uberlegt|hat vor|interessiert sich)\b", "C", 2),
    ("casa casan heiraten heiratet gestresst umziehen", r"\b(se casa|se casan|heiraten|heiratet|ziehen um|zieht um|umziehen|(ist|sind) (jetzt )?(schon )?gestresst)\b", "C", 1),
    # getting in touch for an appointment: "Frau Koschier meldet sich wegen eines Termins für ihren Sohn"
    ("meldet melden", r"\b(meldet|melden) sich (\S+ ){0,3}?wegen (eines|einer|einem) (termins?|beratung|angebots?|besichtigung)\b", "C", 2),
    # an occasion of their own to cater: "feiern am 6. Juli die Taufe", "fêtent le baptême", "celebran la boda"
    ("feiern feiert fetent fete celebran celebra celebrating",
     r"\b(feiern|feiert) (\S+ ){0,5}?(die|den|das|ihre|seine|ihren|seinen) (taufe|hochzeit|geburtstag|jubilaum|konfirmation|kommunion)\b|"
     r"\b(fetent|fete) (\S+ ){0,4}?(le|la|leur|son|sa) (bapteme|mariage|anniversaire|communion)\b|"
     r"\b(celebran|celebra) (\S+ ){0,4}?(la|el|su) (boda|bautizo|cumpleanos|primera comunion|aniversario)\b|"
     r"\b(is|are|'re|'s) celebrating (a|an|their|his|her) \w+", "C", 2),
    # "Ohne sie hätten wir ... nie", "without her we'd never", "sans elle on n'aurait", "sin ella no":
    # the pronoun names who made it possible, so the cue starts at it
    ("ohne without sans sin",
     r"(?<=\bohne )(sie|ihn)\b(?= (hatten|waren|wurden)\b)|(?<=\bwithout )(her|him|them)\b(?=,? (we|i)\b)|"
     r"(?<=\bsans )(elle|lui|eux)\b(?=,? (nous|on|je|j')\b)|(?<=\bsin )(ella|el)\b(?=,? (no|nunca)\b)", "P", 3),
    # French
    ("cherche cherches cherchent recherche recherchent besoin souhaite souhaitent voudrait voudraient aimerait aimeraient souhaiterait souhaiteraient",
     r"\b(cherche|cherches|cherchent|recherche|recherchent|a besoin|ont besoin|besoin d|souhaite|souhaitent|souhaiterait|"
     r"souhaiteraient|voudrait|voudraient|aimerait|aimeraient)\b", "C", 3),
    # asked the writer for a recommendation: "me ha pedido que le recomiende una notaría", "m'a demandé
    # si je connaissais un bon notaire", "hat mich gefragt, ob ich jemanden kenne"
    ("pedido pidio demande gefragt gebeten asked pregunto preguntaron preguntado",
     r"\b(me|nos) (ha|han|habia) pedido que (le|les) (recomiende|recomendemos|pase)\b|\b(me|nos) (pidio|pidieron) que (le|les) "
     r"(recomendara|recomiende|pasara)\b|\bm'a demande (de lui recommander|si je connaissais|un contact|une adresse)\b|"
     r"\b(hat|hast|hattest|hatte|haben|hatten) (mich |uns )?(ja |doch |neulich )?(gefragt|gebeten),? (ob (ich|wir) (jemanden|einen|eine)|um (einen kontakt|eine empfehlung))\b|"
     r"\basked (me|us)( this morning| yesterday| today| last week| recently| the other day| this week| this month| last month)? "
     r"(to recommend|for a recommendation|for (a|an) (good |reliable |great |trustworthy )?[\w-]+( [\w-]+)?( agent| provider| firm)?\b|"
     r"for a referral|for a name|for names|for a contact|if i knew|if we knew|if i know|whether i knew|whether i know|"
     r"if there (was|is|were)|whether there (was|is|were)|about (a|an|any) )|\bm'a demande s'il y (avait|a)\b|"
     r"\b(me|nos) (pregunto|preguntaron|ha preguntado) si (conocia|conociamos|sabia de|habia)\b|"
     r"\b(hat|hatte) (mich|uns) (\w+ )?gefragt,? ob es\b", "C", 3),
    # expecting a baby: "erwartet im Februar ihr erstes Kind", "is expecting their first", "attend un bébé"
    ("expecting pregnant erwartet schwanger attend enceinte embarazada espera",
     r"\b(is|are|'s|'re) (expecting|pregnant)\b|\berwartet (im \w+ )?(ihr|sein|ein) (erstes |zweites |drittes )?(kind|baby)\b|"
     r"\b(ist|sind) schwanger\b|\b(attend|attendent) (un bebe|son premier|leur premier)\b|\best enceinte\b|"
     r"\b(esta|estan) embarazada|\bespera (un bebe|su primer|su segundo)\b", "C", 2),
    # pain: "le duele una muela", "tiene dolor de espalda", "a mal au dos", "hat Rückenschmerzen"
    ("duele duelen dolor mal schmerzen pain toothache",
     r"\b(le|me|te|les) (duele|duelen)\b|\b(tiene|tienen|con) dolor\b|\ba (tres |tellement |tres )?mal (au|a la|aux|a l')\b|"
     r"\b(hat|haben) (starke |oft )?\w*schmerzen\b|\b(has|have|'s got|got) (a |bad |terrible )?(toothache|back pain|knee pain|pain)\b",
     "C", 2),
    # A problem someone has: "elle a une fuite sous la baignoire", "il est en litige avec un client",
    # "tiene una avería", "hat einen Wasserschaden"
    ("fuite probleme panne souci soucis litige degat degats infiltration conflit fuga problema averia gotera goteras "
     "humedad humedades conflicto litigio problem leck wasserschaden rohrbruch streit rechtsstreit "
     "sciatique hernie tendinite entorse ciatica hernia tendinitis contractura ischias bandscheibenvorfall sehnenentzundung "
     "sciatica slipped herniated frozen",
     r"\b(a|ont|avons) (une|un|des) (fuite|probleme|panne|souci|soucis|litige|degat|degats|infiltration|sciatique|hernie|"
     r"tendinite|entorse)s?\b|"
     r"\b(tiene|tienen) (una|un) (ciatica|hernia|tendinitis|contractura)\b|\b(hat|haben) (einen |eine )?(ischias|"
     r"bandscheibenvorfall|sehnenentzundung)\b|\b(has|have|'s got|got) (a |an )?(sciatica|slipped disc|herniated disc|"
     r"frozen shoulder|hernia|tendinitis)\b|"
     r"\b(est|sont) (actuellement )?en (litige|conflit)\b|"
     r"\b(tiene|tienen) (una|un|unas|unos) (fuga|problema|averia|gotera|goteras|humedad|humedades|conflicto|litigio)s?\b|"
     r"\b(hat|haben) (ein|einen|eine) (problem|leck|wasserschaden|rohrbruch|streit|rechtsstreit)\b", "C", 2),
    # an occasion to organise: "Aurélie organise le baptême de sa fille", "organisiert die Hochzeit"
    ("organise organisent prepare preparent organisiert organisieren",
     r"\b(organise|organisent|prepare|preparent) (le|la|les|son|sa|ses|leur|leurs|un|une) (bapteme|mariage|anniversaire|fete|"
     r"communion|demenagement|reception|soiree|seminaire|evenement|voyage)\b|"
     r"\b(organisiert|organisieren) (die|den|das|ihre|seine|eine|einen) (hochzeit|taufe|feier|geburtstagsfeier|firmenfeier|umzug|reise)\b", "C", 2),
    # an injury: "hat sich die Schulter ausgekugelt", "se lesionó la rodilla", "s'est cassé le poignet",
    # "tore his ACL", "hurt her back"
    ("hat lesiono lesiona rompio cayo blesse blessee casse cassee torn tore hurt injured sprained broke",
     r"\bhat sich (\S+ ){0,6}?(verletzt|ausgekugelt|gebrochen|verstaucht|gezerrt|gerissen|verrenkt)\b|"
     r"\bse (lesiono|lesiona|rompio|quebro|doblo|torcio|cayo)\b|\bs'est (blesse|blessee|casse|cassee|fait une entorse|foule|foulee)\b|"
     r"\b(tore|torn|hurt|injured|sprained|broke|pulled) (his|her|their) (\w+ )?(back|knee|ankle|shoulder|wrist|hip|acl|arm|leg|hamstring|neck)\b",
     "C", 2),
    ("veut veulent envisage envisagent pense projette mal",
     r"\b(veut|veulent|envisage|envisagent|pense a|projette|a du mal)\b", "C", 2),
    ("vient", r"\bvient d'(acheter|emmenager|ouvrir)\b|\bvient de (s'installer|creer|lancer)\b", "C", 1),
    # Spanish
    ("busca buscan buscando necesita necesitan gustaria desea desean requiere requieren",
     r"\b(busca|buscan|esta buscando|estan buscando|necesita|necesitan|le gustaria|les gustaria|desea|desean|requiere|requieren)\b"
     r"(?! (algo nuevo|trabajo|empleo|un nuevo (puesto|trabajo|desafio|reto)|nuevos desafios)\b)", "C", 3),
    # "el Sr. Salinas, quien maneja desde hace años las pólizas del Grupo", "que lleva nuestras cuentas"
    ("maneja lleva gestiona administra",
     r"\b(quien|que) (nos |me )?(maneja|lleva|gestiona|administra) (desde hace (\w+ ){1,2})?(las|los|la|el|nuestr\w+|mis|mi)\b", "P", 3),
    # "está organizando los quince de su hija", "están remodelando la casa": a project under way
    ("organizando planeando preparando remodelando reformando mudandose",
     r"\b(esta|estan) (organizando|planeando|preparando|remodelando|reformando|mudandose)\b", "C", 2),
    ("quiere quieren piensa planea requiere acaba", r"\b(quiere|quieren|piensa|planea|requiere)\b|\bacaba de\b", "C", 2),
    # Portuguese and Italian, where cheap: the same needs ("procura", "precisa de", "cerca qualcuno",
    # "ha bisogno di", "quer reformar") and the same work done for the writer ("fez o projeto do nosso
    # apartamento", "ci ha rifatto il bagno", "è il nostro commercialista").
    ("procura procuram procurando precisa precisam quer querem acabou cerca cercano cercando bisogno vuole vogliono appena",
     r"\b(procura|procuram|esta procurando|precisa de|precisam de|quer|querem|acabou de|"
     r"cerca (qualcuno|un|una|uno|di)|cercano|sta cercando|ha bisogno|hanno bisogno|vuole|vogliono|ha appena)\b", "C", 3),
    ("perdita problema guasto vazamento", r"\b(ha|hanno|tem|tiene) (una|un|um|uma) (perdita|problema|guasto|vazamento)\b", "C", 2),
    ("nosso nossa nossos nossas meu minha meus minhas",
     r"\b(?:fez|fizeram|reformou|projetou|cuidou|cuida|ajudou|construiu|organizou|planejou|salvou|atende)\b"
     r"(?:\s+[\w-]+){0,4}?\s+(?:nosso|nossa|nossos|nossas|meu|minha|meus|minhas)\b", "P", 3),
    ("ci mi ha hanno",
     r"\b(?:ci|mi) (?:ha|hanno) (?:\w+ )?(?:rifatto|fatto|sistemato|aiutato|salvato|seguito|costruito|progettato|"
     r"curato|riparato|organizzato)\b", "P", 3),
    ("nostro nostra mio mia nosso nossa meu minha",
     r"\b(?:e|sera|e stato|e stata) (?:il|la|o|a) (?:nostro|nostra|mio|mia|nosso|nossa|meu|minha) \w+", "P", 3),
    # --- did work for the writer (provider): see _WORK_FOR_US below ---
    # whom a firm serves: "betreut u. a. drei Zahnarztpraxen", "advises international families", "accompagne
    # des PME", "asesora a empresas familiares"
    ("betreut betreuen berat beraten unterstutzt vertritt advises advise serves accompagne conseille asesora",
     r"\b(betreut|betreuen|berat|beraten|unterstutzt|vertritt|advises|serves|accompagne|conseille|asesora a)\s+(\S+\s+){0,5}?"
     r"\w*(praxen|kunden|firmen|unternehmen|mandanten|familien|betriebe|vereine|schulen|startups|families|clients|companies|founders|"
     r"businesses|entreprises|familles|pme|empresas|familias|pymes|clientes)\b", "P", 3),
    # "führt mit ihrem Team ein Treuhandbüro in Winterthur", "runs a small practice", "dirige un cabinet"
    ("fuhrt fuhren dirige leitet", r"\b(fuhrt|leitet|dirige) (\S+ ){0,4}?(ein|eine|einen|un|une) \w*(buro|kanzlei|praxis|firma|agentur|"
     r"betrieb|studio|cabinet|agence|despacho|estudio|consultorio)\b", "P", 3),
    # "She handles everything from residence permits to ...", "s'occupe de tout"
    ("handles covers everything tout todo", r"\b(handles|covers|takes care of|does) everything\b|\bs'occupe de tout\b|\bse encarga de todo\b", "P", 2),
    # a trade said in the present: "Devon Harris shoots food and interiors", "she designs websites
    # for restaurants", "Pete fixes boilers"
    ("shoots photographs designs builds repairs installs fixes paints tutors teaches coaches caters grooms renovates "
     "remodels rewires translates insures audits", r"\b(shoots|photographs|designs|builds|repairs|installs|fixes|paints|tutors|"
     r"teaches|coaches|caters|grooms|renovates|remodels|rewires|translates|insures|audits) (\w+ )?(weddings|food|portraits|"
     r"interiors|events|homes|houses|kitchens|bathrooms|decks|websites|logos|brands|apps|boilers|furnaces|roofs|gardens|"
     r"kids|students|teams|executives|dogs|cars|documents|books|contracts|businesses|restaurants|families|companies)\b", "P", 2),
    ("go-to guy gal person favorite favourite",
     r"\b(has been|'s been|was|is|'s) (?:my|our) (?:\w+ )?(?:go-to|guy|gal|person|favorite|favourite)\b", "P", 3),
    # "ist seit Jahren unser Partner für ...", "has been our partner for years", "est notre partenaire"
    ("partner partnerin ansprechpartner partenaire socio",
     r"\b(ist|is|'s|has been|est|es) (seit jahren |for years |depuis des annees |desde hace anos )?(unser|unsere|our|notre|nuestro|nuestra) "
     r"(\w+ )?(partner|partnerin|ansprechpartner|ansprechpartnerin|dienstleister|partenaire|prestataire|socio|proveedor)\b", "P", 3),
    # a firm presented as what it is: "Brújula Digital, la agencia que lleva ...", "Tan Studio, the agency
    # behind our menus", "Kanzlei Roth, die Kanzlei, die ..."
    ("agencia agency estudio studio despacho firma firm empresa company agence cabinet agentur kanzlei",
     r"(?<=\w), (la|el|the|l'|le|die|das|der) ?(agencia|agency|estudio|studio|despacho|firma|firm|empresa|company|"
     r"agence|cabinet|agentur|kanzlei)\b", "P", 2),
    # "meet Kobus, our pool guy", "Dana — my go-to plumber" (the cue starts at the name's end)
    ("guy gal go-to", r"(?<=\w)[,—–-]? (?:our|my) (?:\w+ )?(?:guy|gal|go-to \w+|lady|man)\b", "P", 3),
    # "Liam's your man", "Aoife is your woman for that", "she's your girl"
    ("man woman guy gal person girl lad", r"(?:\bis|'s) your (?:man|woman|guy|gal|person|girl|lad|fella)\b", "P", 3),
    ("notre nos mon ma mes nous moi",
     r"\b(?:a|ont|avait|m'a|nous a)\s+(?:\w+\s+){0,1}(?:\w{2,}(?:e|ee|ees|i|it|u|us|ert|int)|fait|refait|construit|aide|pris|mis|trouve|gere|suivi|"
     r"transforme|sauve|accompagne|conseille|renove|concu|remis|soigne|gueri|repare|installe|depanne)\b(?:\s+[\w'-]+){0,4}?\s+(?:notre|nos|mon|ma|mes|nous|moi)\b", "P", 3),
    # "Maître Girard nous a défendus", "elle m'a sauvé la mise": work done for the writer
    ("nous m'a m'ont",
     # (not "m'a demandé de vous transmettre", "nous a écrit": asking or telling the writer is no work done)
     r"\b(?:nous|m')\s?(?:a|ont|avait|avaient)\s+(?!" + _TOLD + r")(?:\w+\s+)?(?!" + _TOLD + r")"
     r"\w+(?:e|ee|ees|i|it|u|us|ert|int)\b", "P", 3),
    ("notre nos mon ma mes",
     r"\b(?:s'occupe d(?:e|u|es)|gere|suit|accompagne|conseille|soigne|entretient|coupe|garde|traite|defend|represente|fait|nettoie|"
     r"intervient (?:sur|dans|chez|pour))\s+(?:\w+\s+){0,3}?(?:notre|nos|mon|ma|mes)\b", "P", 3),
    ("unser unsere unseren unserer unserem mein meine meinen meiner meinem uns mir mich",
     r"\b(?:hat|haben|betreut|betreuen|macht|erledigt|berat|verwaltet|baut|plant|kummert sich um|half|hilft|behandelt|"
     r"unterrichtet|repariert|vertritt|versichert|begleitet|renoviert|gestaltet|fotografiert|berät|pflegt|beraten|"
     r"behandeln|unterstutzt|unterstutzen|hat uns|hatte|ubersetzt|pruft|liefert|wartet|reinigt|installiert|druckt)\b"
     # "hat über mich ein Haus gekauft": bought through the writer, a client of theirs
     r"(?:\s+[\w-]+){0,7}?\s+(?<!uber )(?<!durch )(?:unser|unsere|unseren|unserer|unserem|mein|meine|meinen|meiner|meinem|uns|mir|mich)\b"
     # "hat mich nach dir gefragt", "hat uns gebeten": asking the writer is not work done for them
     r"(?!(?:\s+[\w-]+){0,3}?\s+(?:gefragt|gebeten|angerufen|angeschrieben|kontaktiert|erzahlt|informiert|empfohlen)\b)", "P", 3),
    ("nos me", r"\b(?:nos|me)\s+(?:\w+\s+)?(?:hizo|ayudo|arreglo|construyo|diseno|llevo|lleva|hace|ayuda|encontro|reformo|gestiona|dio|daba|enseno|"
     r"cambio|instalo|pinto|reparo|armo|renovo|reviso|puso|saco|tomo|preparo|organizo|salvo|soluciono|destapo|rescato)\b", "P", 3),
    ("nuestra nuestro nuestros nuestras mi mis",
     r"\b(?:hizo|arreglo|reformo|construyo|lleva|llevo|gestiona|diseno|trabajo con|ayudo a|atendio a|trato a|cuido a|"
     r"atiende a|trata a|cuida a|asesora a|asesoro a|"
     r"preparo|organizo|enseno a|encontro|vendio|dio clases|da clases|daba clases)\b(?:\s+[\w-]+){0,6}?\s+(?:nuestra|nuestro|nuestros|nuestras|mi|mis)\b", "P", 3),
    # the one who did it: "Mauricio fue el que tomó las fotos", "she's the one who redid our kitchen",
    # "c'est elle qui a fait nos photos", "Marc est celui qui a refait notre toit"
    ("que quien one qui celui celle",
     r"\b(fue|es|era) (el|la) (que|quien) (nos |me |le |les )?\w+(o|io|aron|ieron)\b|\b(el|la) (que|quien) (nos|me) \w+(o|io|aron|ieron)\b|"
     r"\b(is|was|'s) the (one|guy|person|woman|man|lady|company|firm) (who|that) (\w+ )?(did|built|shot|designed|fixed|redid|took|"
     r"made|handled|sorted|photographed|renovated|painted|planned|catered|rewired|saved|sold|drew|wrote)\b|"
     r"\b(is|was|'s) the (one|guy|person|woman|man|lady|company|firm) (who|that) (\w+ )?found (our|my)\b|"
     r"\b(est|c'est|c'etait) (celui|celle|lui|elle|eux) qui (nous |m')?(a|avait|ont) \w+|"
     r"\bc'est (elle|lui|eux|elles) qui (s'occupe|toilette|coiffe|soigne|garde|nettoie|entretient|tond|promene|repare|fait|gere|"
     r"s'occupait|faisait|gerait|soignait|gardait|nettoyait|reparait|coiffait|animait|jouait|cuisinait|photographiait)\b", "P", 3),
    # work done for someone else, as a reference: "she did the photos for Dr. Moser's practice", "Sie hat die
    # Fotos für die Praxis Dr. Moser gemacht", "a fait le site de la boulangerie", "hizo las fotos para la boda de"
    ("did done shot built designed redid redone renovated remodeled remodelled painted photographed catered rebuilt "
     "restored tiled landscaped rewired drafted ran run handled led pruned trimmed serviced fitted replaced audited "
     "examined redecorated decorated refurbished installed repaired fixed organised organized planned coached trained "
     "taught styled wrote rewrote edited illustrated animated voiced filmed translated composed",
     r"\b(?:did|done|shot|built|designed|redid|redone|renovated|remodell?ed|painted|photographed|catered|rebuilt|restored|"
     r"tiled|landscaped|rewired|drafted|ran|run|handled|led|pruned|trimmed|serviced|fitted|replaced|audited|examined|"
     r"redecorated|decorated|refurbished|installed|repaired|fixed|organi[sz]ed|planned|coached|trained|taught|styled|"
     r"wrote|rewrote|edited|illustrated|animated|voiced|filmed|translated|composed) "
     r"(?:[\w'-]+ ){0,7}?(?:for|on(?! (?:our|my)\b)) (?:several of |many of |some of |a few of |most of |all of |one of )?"
     r"(?:the|our|their|his|her|a|an|my|[\w-]+'s|"
     # a client named by its own name: "rewrote the getting-started guide for Loomdb"
     r"(?!(?:you|me|us|him|them|it|that|this|free|fun|now|years|months|weeks|days|ages|a|while|hours|real|sure|good|"
     r"instance|example|once|twice|nothing|money|cash|herself|himself|themselves|myself|ourselves|yourself|everyone|"
     r"anyone|someone|us|all)\b)[a-z][\w-]{3,})\b(?! (?:first|last|next) time\b)", "P", 2),
    # "qui rend ce genre de services à plusieurs personnes", "il a tout remis en ordre chez M. Lemaire"
    ("services chez",
     r"\brend(?:ent)? (?:ce genre de |de petits |des |ces |beaucoup de |souvent des )services\b|"
     r"\b(?:a|avait|ont) (?:\w+ )?(?:tout )?(?:remis|repare|refait|fait|renove|repeint|installe|pose|nettoye|taille|elague|"
     r"ramone|amenage) (?:[\w'-]+ ){0,4}?chez (?!(?:moi|nous|vous|toi|lui|eux)\b)", "P", 2),
    # "he sorts all my sparky work", "she does all our books", "handles most of our IT"
    ("sorts does handles",
     r"\b(?:sorts|does|handles) (?:out )?(?:all|most|any) (?:of )?(?:my|our) (?:[\w'-]+ ){0,2}?(?:work|jobs|stuff|books|accounts|"
     r"it|tax|taxes|paperwork|electrics|plumbing|repairs)\b", "P", 3),
    # serving many clients: "she works with a lot of our owner-managed clients", "NordWerk betreut mehrere
    # mittelständische Fertigungsunternehmen", "accompagne de nombreuses PME", "asesora a varias empresas"
    ("works work worked betreut betreuen accompagne conseille asesora asesoran atiende fuhrt macht erledigt",
     r"\b(?:works|worked) with (?:a lot of |lots of |many |most of |several of |dozens of |a number of )?(?:our|my) "
     r"(?:[\w'-]+ ){0,2}?(?:clients|customers|members|portfolio companies|families|patients)\b|"
     r"\b(?:fuhrt|macht|erledigt|betreut) (?:[\w-]+ ){0,5}?fur (?:mehrere|viele|zahlreiche|einige|etliche) \w|"
     r"\b(?:betreut|betreuen|berat|beraten) (?:mehrere|viele|zahlreiche|einige|etliche|uber \d+|rund \d+) "
     r"(?:[\w-]+ ){0,2}?(?:\w*unternehmen|kunden|firmen|betriebe|praxen|kanzleien|familien|mandanten|start-ups|startups|"
     r"\w*betriebe|\w*praxen|\w*firmen|vereine|\w*kunden)\b|"
     r"\b(?:accompagne|accompagnent|conseille|conseillent) (?:de nombreuses|de nombreux|plusieurs|beaucoup de) "
     r"(?:[\w'-]+ ){0,2}?(?:entreprises|clients|pme|familles|cabinets)\b|"
     r"\b(?:asesora|asesoran|atiende|atienden) a (?:varias|muchas|varios|muchos|decenas de) (?:[\w-]+ ){0,2}?"
     r"(?:empresas|clientes|familias|pymes)\b", "P", 2),
    ("gemacht gebaut erstellt entworfen gestaltet programmiert entwickelt umgesetzt",
     r"\b(?:hat|hatte) (?:auch )?(?:schon )?(?:das|die|den|ein|eine|einen|einige|mehrere) (?:[\w.-]+ ){0,4}?(?:gemacht|gebaut|"
     r"erstellt|entworfen|gestaltet|programmiert|entwickelt|umgesetzt)\b", "P", 2),
    ("fur bei",
     r"\b(?:hat|hatte) (?:\w+ ){1,6}?(?:fur|bei) (?:[\w.-]+ ){1,5}?(?:gemacht|gebaut|erstellt|entworfen|renoviert|saniert|"
     r"gestaltet|fotografiert|umgesetzt|gestrichen|verlegt|eingerichtet|programmiert|organisiert|geplant|fotografiert)\b", "P", 2),
    ("pour",
     r"\b(?:a|avait) (?:fait|realise|refait|construit|concu|renove|photographie|repeint|amenage|organise|dessine|cree|imagine) "
     r"(?:les?|la|l'|des|tout le|toute la|un|une) ?(?:[\w'-]+ ){0,3}?(?:pour|de|du|des) (?!(?:moi|nous|vous|toi|rien)\b)", "P", 2),
    ("para",
     r"\b(?:hizo|diseno|construyo|reformo|saco|tomo|pinto|organizo|preparo|remodelo) (?:las?|los?|el|un|una|todo el|toda la) "
     r"(?:[\w'-]+ ){0,3}?para (?!(?:mi|nosotros|ti|usted|nada)\b)", "P", 2),
    # said to the one who did it: "tú hiciste las fotos de nuestra carta", "tu as fait notre logo", "du hast unsere
    # Website gemacht"
    ("hiciste disenaste tomaste sacaste reformaste as hast",
     r"\b(?:tu |usted )?(?:hiciste|disenaste|tomaste|sacaste|reformaste|pintaste|construiste) (?:las?|los?|el|un|una) "
     r"(?:[\w'-]+ ){0,3}?(?:de|para) (?:nuestra|nuestro|nuestras|nuestros|mi|mis)\b|"
     r"\btu as (?:fait|realise|refait|cree|dessine|photographie|concu) (?:notre|nos|mon|ma|mes)\b|"
     r"\bdu hast (?:unsere?n?|meine?n?) (?:\w+ ){1,3}?(?:gemacht|gebaut|gestaltet|fotografiert|entworfen)\b", "PY", 3),
    # "Canopy Tree Care are the firm I mentioned"
    ("mentioned recommended telling told",
     # (a firm: "she's the one I was telling you about" may be said of either party)
     r"\b(?:is|are|'s|'re|was|were) the (?:firm|company|team|agency|practice|outfit|crew|people) (?:that |who )?(?:i|we) "
     r"(?:mentioned|recommended|was telling you about|told you about)\b", "P", 3),
    # teaching and minding children as work: "Greta has been teaching Ruthie for two years", "he taught algebra at
    # Westfield High", "la chica que cuida de mis nietos", "a enseigné le français au collège", "passt auf unsere Hündin auf"
    ("teaching taught teaches tutoring coaching babysitting cuida cuidaba cuidado ensena enseno ensenado ensenaba enseigne "
     "enseignait unterrichtet unterrichtete passt",
     r"\b(has been |had been )?(teaching|tutoring|coaching|babysitting)(?! (assistant|position|job|post|degree|fellow)) (\w+ ){0,4}?(for|since) |"
     r"\b(taught|teaches|has taught) (\w+ ){0,3}?(at|for) |"
     r"\b(cuida|cuidaba|ha cuidado) (de |a )?(mis|mi|nuestros|nuestras|nuestro|nuestra|los|las) |"
     r"\b(ensena|enseno|ha ensenado|ensenaba) (\w+ ){0,2}?(en|desde|a) |"
     r"\b(a enseigne|enseigne|enseignait) (le|la|les|l'|au|a|aux) |"
     r"\b(unterrichtet|unterrichtete|hat \w+ unterrichtet) (\w+ ){0,3}?(an|am|seit|in) |"
     r"\bpasst (\w+ )?auf (unsere|unseren|meine|meinen|die|den) (\w+ )?auf\b", "P", 2),
    # tutoring given: "der unserer Mia zwei Jahre lang Mathe-Nachhilfe gegeben hat", "qui donne des cours à notre fils"
    ("nachhilfe unterricht gegeben gibt cours clases",
     r"\b(nachhilfe|unterricht|stunden|klavierunterricht)[\w-]* (gegeben|gibt|gab)\b|\b(gibt|gab|geben) (\w+ ){0,3}?[\w-]*(nachhilfe|unterricht)\b|"
     r"\b(donne|donnait|a donne) des (cours|lecons)\b|\b(da|daba|ha dado|dio) (clases|classes)\b", "P", 2),
    # "Eddie is the guy I told you about": said of a person, only "the guy" is a trade's word ("the friend
    # I told you about" is as often the one in need)
    ("mentioned recommended telling told",
     r"\b(?:is|'s|was) the (?:guy|fellow|chap|bloke) (?:that |who )?(?:i|we) "
     r"(?:mentioned|recommended|was telling you about|told you about)\b", "P", 2),
    # "Hal is the person who moved Coyle Manufacturing off their old provider": what someone did, any verb
    ("one person guy woman man lady company firm team",
     r"\b(?:is|was|'s) the (?:one|person|guy|woman|man|lady|company|firm|team) (?:who|that) (?:\w+ )?"
     r"(?!(?:asked|mentioned|told|called|emailed|texted|introduced|recommended|referred|contacted|wanted|needed|"
     r"visited|joined|met|saw|heard|said)\b)\w{3,}ed\b", "P", 2),
    # "Mike Strand is who I send everyone to", "Imani at BrightPath is who we coordinate with"
    # ("is who I'd call first", "is who we'd use")
    ("who", r"\b(?:is|are|'s|'re) (?:who|the (?:one|person|people|firm|company|guy) (?:who|that)?) ?(?:i|we)(?:'d| would)? "
     r"(?:always |usually |all )?"
     r"(?:send|use|call|recommend|trust|coordinate with|work with|go to|refer|rely on|swear by)\b", "P", 3),
    # "c'est Clément qui me suit depuis trois ans", "la coiffeuse qui nous coiffe": care given to the writer
    ("qui", r"\bqui (?:me|nous) (?:suit|suivent|suivait|soigne|soignent|soignait|traite|traitent|coiffe|coiffent|"
     r"conseille|conseillent|accompagne|accompagnent|defend|represente|garde|gardent|entretient|assure)\b", "P", 3),
    # --- reputation (provider) ---
    # "the one I call", "the IT provider I recommend to all my clients"
    ("call use trust recommend", r"\b(the|my|our) ([\w-]+ )?(one|person|guy|go-to|rep|agent|broker|company|firm|team|lady|woman|man|"
     r"provider|supplier|adviser|advisor|specialist|contractor|vendor|practice|clinic)\b[^.!?]{0,20}\b(i|we) (call|use|trust|go to|recommend)\b", "P", 3),
    ("person one who first only", r"\bthe (right |best )?(person|one) to (talk to|call|speak to|see|ask)\b|\bis who (i|we) (use|call)\b|"
     r"\bthe (first|only) (person|one|people|team) (i'd|i would|we'd|we would|i|we) (call|trust|ask)\b|"
     r"\b(is|are) (who|where) (i|we) (send|refer|point) (my|our|all my|all our)\b", "P", 3),
    ("specializes specialises specialized specialised specializing specialising specialist specialists specialty "
     "expert experts spezialisiert specialise especializado especializada specialisee specialise",
     r"\b(specializ|specialis|specialt)\w*\b|\b(is|are|'s) (an )?experts?\b|\bexpert in\b|\bspezialisiert\b|\bespecializad", "P", 2),
    ("experience work", r"\b(years|decades) of experience\b|\bdoes (great|amazing|excellent|beautiful|fantastic|wonderful) work\b", "P", 2),
    ("job work", r"\bdid (a|such a) (great|good|fantastic|amazing|wonderful|beautiful|terrific) job\b|\b(great|lovely|a pleasure) to work with\b", "P", 3),
    # "has been handling my firm's GST for five years", "has been looking after our accounts"
    ("handling doing managing looking taking running",
     r"\b(has|have|'s|'ve) been (handling|doing|managing|looking after|taking care of|running|keeping) (my|our)\b", "P", 3),
    # "I'm introducing Eoin Barrett, who ...", "introducing you to Dana": the one presented, weakly
    ("introducing", r"\b(i'm|i am|am) introducing (you to )?", "PA", 1),
    # a firm's team presented to the reader: "Hannah meet Carla's team at Bug Busters"
    ("team", r"\b(meet|meet the|this is) ([a-z]+'s )?team (at|from) ", "PA", 2),
    # a firm presented to the one spoken to: "Te presento a la gente de la Escuela de Surf", "je te présente l'équipe de",
    # "here's the team at"
    ("presento presente team equipe gente equipo leute",
     r"\b(te|os|le|les) presento a (la gente|el equipo|los chicos|las chicas) de (la |el |los )?|"
     r"\bje (te|vous) presente (l'equipe|les gens) (de|du|des) (la |l')?|\bhere'?s the (team|folks|crew|people) (at|from) |"
     r"\bdas team (von|vom) ", "PA", 2),
    # years with someone: "both my girls have been with her for four years" (the cue starts at the pronoun,
    # whose referent provides)
    ("been", r"(?<=\bbeen with )(her|him|them)(?= for\b)", "P", 3),
    # "I send every one of my sellers to Steve", "we refer all our clients to Nadia"
    ("send sent refer referred", r"\b(send|sent|refer|referred) (\w+ ){0,4}(clients|sellers|buyers|customers|patients|friends|tenants) to\b",
     "PA", 3),
    # "his GST returns have been pending", "his consultant stopped responding"
    # "Arjun runs the morning batch I go to", "she runs the Saturday class"
    ("runs", r"\bruns (the|a|his|her|their) (\w+ ){0,2}(batch|class|classes|studio|sessions|workshop|workshops|course|courses|bootcamp)\b",
     "P", 2),
    # "Her team set up the office network for two of my clients"
    ("set built installed designed fixed handled managed redid",
     r"\b(set up|built|installed|designed|fixed|handled|managed|redid|rebuilt|migrated) (\S+ ){1,8}?for (two |three |several |some |a few |many )?"
     r"(of )?(my|our) (clients|customers|members|tenants)\b", "P", 3),
    # "Deepa's doctor has told her to start exercising": medical advice is a need
    ("doctor gp physio dentist arzt arztin medecin medico therapist orthopade",
     r"\b(doctor|gp|physio|dentist|arzt|arztin|medecin|medico|therapist|orthopade|traumatologo)( has| had)? "
     r"(told|advised|recommended|ordered|prescribed|asked|dit|conseille|recomendo|dijo|empfohlen|geraten|verschrieben)\b", "C", 2),
    ("pending responding", r"\b(has|have) been pending\b|\b(stopped|stops|isn't|is not) (responding|answering)\b", "C", 2),
    ("recommend", r"\b(highly recommend|can't recommend|cannot recommend|recommend (him|her|them) (highly|enough))\b", "P", 2),
    ("for living", r"\b(builds|designs|does|makes|creates|repairs|fixes|installs|cleans|paints|teaches|tutors|coaches|"
     r"photographs|shoots|caters|plans|organizes|organises|manages|handles|runs|offers|provides|sells|writes|translates|"
     r"develops|programs|treats|trains|walks|grooms|cuts|prepares|files|audits|insures|represents|recruits|places|"
     r"builds out|sets up|maintains|services|supports|advises|helps)\b(?:\s+[\w'&-]+){0,4}?\s+for (small businesses|businesses|"
     r"clients|companies|families|people|homeowners|restaurants|startups|half the|most of|all the|local|several|many|"
     r"(two |three |several |some |a few |many )?(of )?(my|our) (clients|customers|members|tenants)|"
     r"dozens of|lots of|other|a living)\b|\bfor a living\b", "P", 3),
    ("wizard genius pro magician whiz rockstar master legend gem godsend lifesaver",
     r"\b(is|'s) (a|an|an absolute|a real|such a|an actual|a total) (wizard|genius|pro|magician|whiz|rockstar|master|star|legend|gem|godsend|lifesaver)\b", "P", 2),
    ("mejor meilleur meilleure beste", r"\b(es (el|la) mejor|est (le|la) meilleur|ist (der|die) beste)\b", "P", 2),
    ("care", r"\b(will|'ll) take (great |good |such good )?care of (you|him|her|them)\b", "P", 3),
    ("freaking panicking desperate urgent urgently asap", r"\b(freaking out|panicking|desperate|urgent(ly)?|asap)\b", "C", 1),
    # "Kirsty is desperate for a cleaner", "desperately needs a plumber"
    ("desperate desperately", r"\bdesperate(ly)? (for|to find|needs?|looking for) (a|an|some|someone|somebody|help)\b", "C", 2),
    ("great fantastic amazing wonderful excellent terrific best brilliant awesome incredible genial super toll formidable genial top "
     "crack genio genia capo capa maquina fenomeno fenomena buenisimo buenisima klasse spitze",
     r"(?<!\bwhich )(?<!\bthat )(?<!\bit )(?<!\bthis )\b(is|'s|are|'re|was|ist|est|es) (just |really |truly |absolutely |so |simply |vraiment |hyper |muy )?(great|fantastic|amazing|wonderful|excellent|"
     r"terrific|the best|brilliant|awesome|incredible|super|toll|genial|formidable|genial|top|un crack|una crack|un genio|una genia|"
     r"un capo|una capa|una maquina|un fenomeno|una fenomena|buenisim[oa]|klasse|spitze)\b(?! (at finding|news))", "P", 2),
    # work promised to the one spoken to: "il te conseillera aussi pour la pompe à chaleur", "er wird dich beraten",
    # "te asesorará"
    ("conseillera aidera accompagnera expliquera beraten helfen asesorara ayudara orientara",
     r"\b(il|elle|ils|elles) (te|vous) (conseillera|conseilleront|aidera|aideront|accompagnera|expliquera|guidera)\b|"
     r"\b(er|sie) (wird|werden) (dich|sie|euch) (gut |gerne )?(beraten|begleiten)\b|\b(er|sie) (wird|werden) (dir|ihnen|euch) (gerne )?helfen\b|"
     r"\b(te|le|les|os) (asesorara|asesoraran|ayudara|ayudaran|orientara|orientaran)\b", "P", 2),
    # skill said of someone: "he's very good with wall-hung toilets", "she is great at tax"
    ("good great brilliant", r"\b(is|'s|are|'re) (very |really |so |particularly |especially )?(good|great|brilliant|excellent) (with|at) (\w+ )?"
     r"(?!you\b|people\b|kids\b|children\b)", "P", 2),
    # the people offered to the one spoken to: "here are the two I'd trust with your ensuite"
    ("trust recommend", r"\b(the|my) (two|three|people|ones|folks|trades|tradies) (i'd|i would|we'd|we would) (trust|recommend|use|call) (with|for) your\b", "CY", 3),
    # whom a practice sees: "dort arbeitet man viel mit Volksschulkindern", "Gonzalo atiende en Pocitos",
    # "works a lot with anxious kids"
    ("arbeitet arbeiten atiende atienden works work",
     r"\b(arbeitet|arbeiten) (man |sie |er )?(viel |oft |vor allem |hauptsachlich )?mit \w*(kinder|kindern|familien|senioren|kunden|patienten|patientinnen)\b|"
     r"\b(atiende|atienden) (en|a|ninos|pacientes|adultos|familias)\b|"
     r"\b(works|work) (a lot |mostly |mainly |especially )?with (\w+ )?(kids|children|families|seniors|patients|clients|teens|adults)\b", "P", 2),
    # "Howard leads the forensic accounting group at Bielski", "she heads the tax practice at"
    ("leads heads runs manages", r"\b(leads|heads|runs|manages) (the|our|their|a) ([\w-]+ ){0,3}(group|team|practice|department|desk|division) (at|of|for)\b", "P", 2),
    # a mobile service: "Fluff & Buff come to your driveway in a van", "he comes to your house"
    ("come comes", r"\b(come|comes) (right )?to (your|the client's|people's) (house|home|driveway|place|door|office|kitchen)\b", "P", 2),
    # movers' work: "Jamie's lot moved my mum last year" ("moved" alone is no work: "she moved our meeting")
    ("moved", r"\bmoved (my|our) (mum|mom|mother|dad|father|parents|family|office|stuff|furniture|things|piano|whole house|house|flat|business)\b", "P", 3),
    # a trade in the present, Spanish and French: "instalan y mantienen equipos", "il pose des parquets"
    ("instala instalan mantiene mantienen repara reparan installe installent repare reparent entretient",
     r"\b(instala|instalan|mantiene|mantienen|repara|reparan|installe|installent|repare|reparent|entretient|entretiennent) "
     r"(y (mantiene|mantienen|repara|reparan) |et (entretient|entretiennent|repare|reparent) )?"
     r"(equipos|calderas|aires|sistemas|tejados|ventanas|cocinas|banos|des|les|chaudieres|pompes|fenetres|toitures|cuisines)\b", "P", 2),
    ("know knows", r"\bknows? (every|more|the|his|her|their|all)\b[^.!?]{0,60}\bbetter than\b|\bknows? (every|which|all the) \w+", "P", 2),
    ("firm practice agency clinic consultancy",
     r"\b(runs|owns|founded|started) (a|an|his|her|their) (own )?([\w-]+ ){0,2}(firm|practice|agency|clinic|consultancy)\b", "P", 2),
    ("partner principal associate", r"\b(is|are|'s) (a )?(partner|principal|associate) (at|with|of)\b", "P", 2),
    ("thorough responsive reliable trustworthy meticulous knowledgeable priced affordable brilliant great patient "
     "no-nonsense quick zuverlassig kompetent fiable competent competente talent talentueux talentueuse budgets confianza profesional",
     r"\b(thorough|responsive|reliable|trustworthy|meticulous|knowledgeable|reasonably priced|affordable|"
     r"brilliant with|great with|patient with|no-nonsense|quick to answer|zuverlassig|kompetent|fiable|"
     r"competente?|a un vrai talent|talentueu\w+|respecte les budgets|(es|son|muy|totalmente|gente|persona) de (toda )?confianza|muy profesional)\b", "P", 1),
    ("honest never always books demand",
     r"\b(honest about|never once|never makes|always (on time|responsive|reliable)|books up fast|in demand)\b", "P", 1),
    ("attached", r"\b(his|her|their) (business card|card|website|site|portfolio) (is|are) (attached|linked)\b", "P", 2),
    ("reach", r"\b(you can|you could) (also )?reach (him|her|them)\b", "P", 1),
    # --- about the addressee ("you") ---
    ("your", r"\b(gave|passed|sent|shared|forwarded|handed|given) (\w+ )?(him|her|them|\w+)? ?your (number|details|contact|email|info|card|name)\b", "PY", 3),
    # work the addressee did for the writer: "du hast mich durchs Wochenbett gebracht", "dass du mich
    # wieder fit gekriegt hast", "tu m'as sauvé la mise", "tú me arreglaste el tejado"
    ("hast betreust behandelst trainierst berates machst pflegst m'as arreglaste ayudaste hiciste salvaste llevaste reformaste ensenaste curaste m'avais m'avez m'aviez sauve aide depanne",
     # (telling and asking are not work: "du hast mir gesagt", "tu m'as dit")
     r"\bdu hast (mich|uns|mir) (\w+ ){0,6}?(?!(gesagt|erzahlt|geschrieben|gefragt|geschickt)\b)(ge\w+t|ge\w+en|\w+iert)\b|"
     # "Du hast damals meine Achillessehne wieder hinbekommen", "du betreust ja auch unsere A-Jugend"
     r"\bdu hast (\w+ ){0,2}?(meine|meinen|mein|unsere|unseren|unser) ([\w-]+ ){0,5}?(ge\w+t|ge\w+en|\w+iert|\w*bekommen|\w*gekriegt)\b|"
     r"\bdu (betreust|behandelst|trainierst|berätst|berates|machst|pflegst) (ja |auch |schon |seit jahren )*(meine|meinen|mein|unsere|unseren|unser)\b|"
     r"\bdu (mich|uns|mir) ([\w-]+ ){0,6}?(?!(gesagt|erzahlt|geschrieben|gefragt|geschickt)\b)(ge\w+t|ge\w+en|\w+iert) hast\b|"
     r"\btu (m'as|nous as) (?!(\w+ )?(dit|demande|ecrit|raconte|parle|envoye|appele|propose|explique|promis)\b)"
     r"(\w+ ){0,2}?\w+(e|ee|ees|i|it|u|us)\b|"
     r"\b(tu |usted )?(me|nos) (arreglaste|ayudaste|hiciste|salvaste|llevaste|reformaste|ensenaste|curaste)\b|"
     # "je lui ai dit que tu m'avais sauvé la vie", "du hast mir das Leben gerettet"
     r"\b(tu|vous) (m'|nous )(as|avez|avais|aviez) (\w+ )?(sauve|aide|depanne|tire|sorti|conseille)\b|"
     r"\bdu hast (mir|uns) (\w+ ){0,3}?(gerettet|geholfen)\b", "PY", 3),
    # praise for work the addressee did: "vous avez fait un travail remarquable sur mon tailleur", "you did
    # such a great job on our deck", "hiciste un trabajo buenísimo", "du hast tolle Arbeit geleistet"
    ("fait done did job hiciste hizo trabajo arbeit geleistet gemacht",
     r"\b(vous avez|tu as) fait (un|du) (\w+ )?(travail|boulot)\b|"
     r"\byou (did|have done|'ve done) (such )?(a|an|great|amazing|fantastic|brilliant|wonderful|beautiful|excellent|lovely|superb) "
     r"(\w+ )?(job|work)\b|"
     r"\b(hiciste|hizo|has hecho|ha hecho) un trabajo\b|"
     r"\b(du hast|sie haben) (\w+ )?(tolle|super|gro(ss|ß)artige|hervorragende|saubere|gute|klasse) arbeit (geleistet|gemacht)\b", "PY", 3),
    # the one for the job: "Tobias ist genau der Richtige dafür", "she's exactly the right person",
    # "c'est la bonne personne", "es justo la persona que necesitas"
    ("richtige richtiger right person personne persona",
     r"\b(ist|ware) (genau |absolut )?(der|die) (richtige|richtiger|beste|perfekte)\b|"
     r"\b(is|'s) (exactly |just )?(the right person|the right guy|the person you need|the one you need|your (guy|gal|person))\b|"
     r"\b(est|c'est) (exactement |vraiment )?(la bonne personne|le bon interlocuteur|la personne qu'il (vous|te) faut)\b|"
     r"\bes (justo |exactamente )?(la persona (indicada|ideal|que necesitas|que buscas))\b", "P", 3),
    ("spoke speak talked praises raved told thought think came", r"\b(spoke|speak|talked) (very )?(highly|well) of you\b|\bsang your praises\b|\braved about you\b|\btold (him|her|them) about (you|the job you)\b|\b(thought of|think of) you\b|\byou came to mind\b|"
     r"\b(you were|you're|you are) the (first|only) (person|one|name|firm|agency|team) (i|we) (thought|think) of\b|"
     # "I told her you were the person", "told him you're the one for it"
     r"\btold (her|him|them) (that )?(you were|you're|you are) (the|her|his|their) (person|one|guy|woman|man|go-to)\b", "PY", 3),
    ("ti usted te tu toi vous ton votre dich sie ihr dein nummer kontaktdaten",
     r"\bhable (muy )?bien de (ti|usted)\b|\b(je lui ai|j'y ai|je leur ai) dit que (c'etait|c'est) (toi|vous)\b|(?<!que )(?<!q )\bte recomende\b|\ble (di|pase) tu (numero|contacto)\b|\bje lui ai (parle de|donne) (toi|vous|ton|votre)\b|\bich habe (dich|sie|ihr|dein)\w* (empfohlen|nummer|kontakt)\b|\b(deine|ihre) (nummer|kontaktdaten) (gegeben|weitergegeben)\b|\ban (dich|sie) gedacht\b|\bj'ai (tout de suite )?pense a (toi|vous)\b|\bpense en (ti|usted)\b", "PY", 3),
    ("your", r"\byour (clinic|practice|office|firm|salon|agency|consultancy|services)\b", "P", 1),
    ("hands", r"\b(in good hands)\b", "C", 2),
    # --- what someone does for others, said without a trade noun (provider) ---
    # "gibt unserer Tochter Nachhilfe", "da clases a mi hijo", "donne des cours à ma fille"
    ("gibt gab gibst da daba donne donnait",
     r"\b(gibt|gab)\s+(?:[\w-]+\s+){0,5}?[\w-]*(nachhilfe|unterricht|stunden|kurse)\b|"
     r"\b(da|daba) clases\b|\b(donne|donnait) des cours\b", "P", 3),
    # a service as what someone does: "alice does llc formation, victor does the books", "he does kitchens"
    ("does", r"\bdoes (?!(it|that|this|he|she|they|you|we|i|anyone|anybody|everyone|someone|somebody|not|nothing|anything|"
             r"so|too|well|a lot|the trick|the job|what|whatever|everything|that's|for|to|with|in|at|on|"
             # (the emphatic "does" before a verb: "she does read it", "he does know")
             r"read|know|like|love|want|need|have|get|go|work|look|make|take|seem|sound|help|mean|care|matter|live|"
             r"come|say|think|use|answer|reply|respond|check|remember|understand|speak|talk|try|feel|see|hear|believe|"
             r"deserve|enjoy|appreciate|exist|happen|apply|cost|pay|mind|plan|hope|expect|agree|sometimes|usually|still|"
             r"also|only|really|just|actually|indeed|sound|seem)\b)"
             r"(the |our |all |all the |most of the |a lot of )?[a-z]{3,}", "P", 2),
    # "dirige Montero Gestoría y puede ocuparse de", "can take care of the paperwork", "peut s'occuper de"
    ("dirige leitet ocuparse encargarse ocupa encarga occuper charger kummern handle care",
     r"\b(dirige|leitet)\b(?!(?: \w+){0,3} weiter\b)|\b(puede|podra|podria|sabe) (ocuparse|encargarse)\b|\bse (ocupa|encarga) de\b|"
     r"\b(peut|pourra|pourrait) (s'occuper|se charger)\b|\b(kann|konnte) sich (darum |um \w+ \w+ )?kummern\b|"
     r"\b(can|could|will|'ll) (handle|take care of) (the|all|your|that|this|it|everything)\b", "P", 2),
    # "te paso el contacto de Silvina", "voici les coordonnées de Lise", "hier die Nummer von Jonas",
    # "here's the number for Dale": the one whose details are handed over provides
    ("paso contacto datos numero coordonnees contact nummer kontakt number details",
     r"\b(te|le|les|os) (paso|mando|dejo|envio) (el|los|su) (contacto|datos|numero|telefono|mail) (de|del|de la)\b|"
     r"\b(voici|je te donne|je vous donne|je te transmets|je vous transmets) (les coordonnees|le contact|le numero) (de|du|d')\b|"
     r"\bhier (ist )?(die nummer|der kontakt|die kontaktdaten) (von|vom)\b|"
     r"\bhere'?s the (number|contact|contact info|details|email) (for|of)\b", "PA", 3),
    # the people themselves handed to the one spoken to: "te paso a mis dos salvavidas", "os paso a mi fontanero"
    ("paso", r"\b(te|os|le|les) paso a (mi|mis|un|una|dos|tres|estos|estas|nuestro|nuestra|nuestros)\b", "CY", 3),
    # "the photos of our wedding are Begoña's" ("son de Begoña", "sont de Lucie", "were taken by Tom")
    ("son eran sont es era fue est taken shot done by", r"\b(son|eran|fueron|sont|es|era|fue|est) (todas |toutes |tous )?de\b|"
     r"\b(were|are|was) (all )?(taken|shot|done|made|designed|painted) by\b", "PA", 3),
    # --- said of the contact: a need without a need verb ---
    # "todavía no tiene fotógrafo", "still doesn't have a planner", "n'a pas encore de", "hat noch keinen"
    ("tiene have has pas noch",
     r"\b(todavia|aun) no tiene\b|\bno tiene (todavia|aun)\b|\bstill (doesn't|does not|don't|do not) have\b|"
     r"\bstill (has|have) no\b|\bn'a (toujours pas|pas encore|toujours pas encore) (de|d')|\bn'ont (toujours pas|pas encore|toujours pas encore) (de|d')|"
     r"\bhat noch (kein|keine|keinen)\b", "C", 3),
    # "doit faire réaliser les diagnostics", "tiene que hacer", "muss ... machen lassen": a job to have done
    ("doit doivent tiene tienen muss mussen", r"\b(doit|doivent) faire (realiser|faire|refaire|poser|installer)\b|"
     r"\b(tiene|tienen) que (hacer|encargar|pasar) (la|el|las|los|una|un) \w+\b|\b(muss|mussen) (\w+ ){1,4}machen lassen\b", "C", 2),
    ("gebrauchen brauchen", r"\b(konnte|konnten|kann) (\w+ ){0,3}?gebrauchen\b", "C", 2),
    ("cliente client clients customer kunde kundin", r"\b(es|est|is|ist) (un |une |a |an |ein |eine |)?"
     r"(cliente|client|customer|kunde|kundin) (de|of|der|des|du)\b", "C", 2),
    # "that's really Jess's department", "c'est le domaine de", "das ist Jonas' Spezialgebiet"
    ("department area specialty wheelhouse expertise domaine fachgebiet spezialgebiet especialidad",
     r"'s? (department|area|specialty|speciality|wheelhouse|expertise|fachgebiet|spezialgebiet)\b", "P", 3),
    # --- named objects: the party after the cue provides ---
    # The one brought onto the email is the expert: "I'm cc'ing Lena Marsh", "looping in Dave",
    # "ich setze Frau Beck in CC", "je mets Me Roux en copie", "pongo en copia a Laia"; weaker, the one
    # the addressee is introduced to: "connect you with Lori", "te presento a Laia".
    ("cc'ing ccing copying looping adding cc'd copied",
     r"\b(cc'?ing|cc'?d|copying|copied|looping in|looped in|adding)( in)? (dr\.? |mr\.? |ms\.? |mrs\.? )?", "PA", 2),
    ("setze nehme mets mis ajoute copia",
     r"\b(ich )?(setze|nehme) (ich )?((frau|herrn?|dr\.?) ){0,2}|\bje (te |vous )?(mets|ajoute) (en copie )?((m\.|mme|me|dr\.?) )?|"
     r"\ben copia a ((don|dona|la|el|dr\.?|dra\.?) )?", "PA", 2),
    ("connect introduce touch presento presente stelle relation contacto verbinde",
     # ("te presento a X", "je vous présente X", "ich stelle Ihnen X vor" present either side: the one
     # addressed is as often the provider, so they say nothing of the role)
     r"\b(connect(ing)? you with|introduc(e|ing) you to|put(ting)? you in touch with|"
     r"(pongo|poner(te|le|les|os)?) en contacto con( (el|la) (equipo|empresa|despacho|estudio)( de)?)?|"
     r"verbinde (dich|sie|euch) mit) ((dr\.?|mr\.?|ms\.?|mrs\.?|frau|herrn?|m\.|mme|me|don|dona|la|el) ){0,2}",
     "PA", 1),
    ("worked used use hired swear using working trust",
     r"\b(worked with|have used|has used|we used|i used|we use|i use|we hired|i hired|hired|swear by|have been using|been working with|trust)\b", "PA", 2),
)
ROLE_CUES = CueIndex(tuple((Cue(t, p), role, w) for t, p, role, w in _CUES))

# "did our taxes", "replaced ours", "has handled the insurance for both of our dealerships": a verb
# with the writer as beneficiary. Found from each first-person word backwards, over a short window.
WORK_VERB_BEFORE = re.compile(
    r"\b(?:has |have |had )?(?:\w{2,}ed|did|done|built|made|found|got|gotten|took|taken|shot|kept|ran|redid|rebuilt|"
    r"sold|taught|gave|given|saved|put together|put in|set up|drew|wrote|dug|laid|led|won|sorted out|sorted|"
    r"handles?|manages?|services|takes care of|took care of|looks after|looked after|maintains?|cleans?|"
    r"runs|works on|helps?|represents?|insures?|does|shoots|walks|watches|fixes|cuts|caters|designs|"
    r"photographs|tutors|coaches|treats|trains|takes?|mows?|mowed|grooms?|groomed|"
    # the plural, "they do our place every other Friday", "they cut our hedges"
    r"do|fix|cut|cater|design|shoot|walk|tutor|coach|treat|train|look after|take care of|"
    # the present of a service done regularly: "who house-sits and cat-sits for us", "she cooks for us"
    r"[\w-]*sits|minds|cooks|bakes|drives|paints|repairs|builds|teaches|sews|delivers|prepares)\b(?:\s+[\w'-]+){0,7}?\s+$|"
    # "Rachel set me up with liability insurance", "she sorted us out"
    r"\b(?:set|sorted|fixed)\s+$")
NOT_WORK = frozenset({"asked", "introduced", "mentioned", "told", "emailed", "texted", "called", "reminded",
                       "messaged", "copied", "cc'd", "promised", "wanted", "needed", "added", "invited",
                       "connected", "looped", "contacted", "pinged", "used", "visited", "joined", "followed",
                       "mailed", "bcc'd", "forwarded", "cced", "warned", "surprised", "inspired", "impressed",
                       # what happened to someone, not work they did for the writer
                       "named", "adopted", "moved", "retired", "married", "divorced", "renamed", "arrived",
                       "returned", "graduated", "relocated", "decided", "agreed", "offered", "discharged", "admitted",
                       "referred", "released", "attached", "liked", "loved", "enjoyed", "posted", "listed", "shared",
                       # talking is not work: "as discussed during our meeting"
                       "discussed", "talked", "spoke", "chatted", "met", "saw", "heard",
                       # feelings: "you're worried about Mittens - Holly looked after our cats"
                       "worried", "concerned", "stressed", "excited", "thrilled", "delighted", "pleased", "interested",
                       "tired", "scared", "bored", "overwhelmed", "obsessed", "relieved", "disappointed", "annoyed",
                       # a customer's own doing: "has banked with us for years", "shopped with us", "stayed with us"
                       "banked", "shopped", "stayed", "ordered", "booked", "dined", "purchased", "bought", "subscribed",
                       "invested", "rented", "leased"})

# Peer introductions: nobody buys anything. Strong cues say so outright; weak ones ("you should
# talk") also close ordinary introductions and only count when nothing gives a direction.
PEER = Cue(
    "notes notas stories ideas common same kindred agenda co-host cohost collaborate collaborating collaboration partner send refer serve "
    "partners like-minded fellow both other austauschen erfahrungsaustausch echanger intercambiar coming peers beide deux ambos ambas dos",
    r"\b(compar(e|ing) notes|swap(ping)? (notes|stories|ideas)|trade notes|(a lot|lots|so much) in common|"
    r"send each other (work|clients|business|referrals|jobs)|work you could send each other|refer (clients|work) to each other|"
    r"serve the same clients|"
    r"same (conversations|space|boat|industry|challenges|growing pains|circles|questions)|kindred spirits|no agenda|"
    r"co-?host|collaborat\w*|partner up|referral partners|like-minded|fellow \w+|"
    r"(both|each) (run|work|are|have|just|love|started)|(you|u) both run|(you're|youre|ur|u r|u are|you are) both|"
    r"ihr seid (\w+ )?beide|sie sind (\w+ )?beide|ihr beide (wollt|habt|plant|macht|sucht)|"
    r"vous (voulez|avez|cherchez|preparez) tous les deux|(ustedes|vosotros) dos (quieren|queréis|buscan|tienen)|"
    r"(you|u) both (want|are planning|are organi[sz]ing|are looking|r looking)|vous etes (tous|toutes) (les )?deux|(ambos|ambas|los dos|las dos) (son|estan)|"
    r"sich austauschen|erfahrungsaustausch|(erfahrungen|ideen|tipps|notizen) austauschen|echanger vos experiences|intercambiar (ideas|experiencias|notas)|compartir notas|comparer vos notes|"
    r"keep coming up|(mention(ing|ed)?|talk(ing|ed)? about|told) each of you to the other|each (of you )?(has|have) what the other)\b")
# Said outright that nobody is buying: "no sale, just compare notes", "kein Auftrag, kein Verkauf",
# "nada que vender", "rien à vendre", "each can teach the other". Such an introduction stays a peer
# introduction whatever trades the text mentions.
NO_DEAL = Cue(
    "sale sell selling pitch buying teach learn notes auftrag verkauf verkaufen gegenseitig voneinander vender venta "
    "mutuamente vendre vente mutuellement l'autre del otro teach vendere neither vendan venda venderse specific particular",
    r"\b(no (sale|pitch|agenda)|no (specific|particular) (client|deal|project|ask)( in mind| right now)?|nothing to (sell|buy|pitch)|not (selling|pitching|buying) anything|nobody('s| is) (buying|selling)|"
    r"no one('s| is) (buying|selling)|just to (share|compare|swap) notes|(each|both) (of you )?(can|could) teach|"
    r"teach each other|learn (a lot )?from each other|"
    r"kein(en)? (auftrag|verkauf)|nichts zu verkaufen|(gegenseitig|voneinander) (\w+ ){0,3}?(lernen|ersparen|helfen|profitieren)|"
    r"nada que (vender|comprar)|sin (venta|compromiso comercial)|(aprender|ensenarse) (mutuamente|el uno del otro)|"
    r"rien a vendre|aucune vente|pas de vente|(apprendre|apprendrez) (l'un de l'autre|beaucoup l'un)|"
    r"niente da vendere|nada para vender|"
    # "neither of you is selling anything", "ninguno le tiene que vender nada al otro", "keiner muss dem
    # anderen etwas verkaufen", "aucun de vous n'a rien à vendre"
    r"neither (of you |one )?(is|are|has|have|needs?) (selling|to sell|anything to sell)|"
    r"(ninguno|ninguna|nadie) (le |les )?(tiene que|va a|quiere) vender|"
    r"(keiner|niemand) (von euch |von ihnen )?(muss|will|soll) (dem anderen )?(etwas|was) verkaufen|"
    r"(aucun|personne)( de vous)?( deux)? n'a (rien|quoi que ce soit) a vendre|"
    r"no es para que (se |les )?(vendan|venda|compren) nada|no (hay|tienen) nada que venderse)\b")
WEAK_PEER = Cue(
    "get hit should enjoy think caer caerian entendre verstehen",
    r"\b(get on|get along|hit it off|should (definitely )?(talk|meet|connect|know each other|get together|grab (a )?coffee)|"
    r"you'd enjoy|would enjoy (meeting|talking|comparing)|just think you'd|"
    r"se van a caer (muy )?bien|se (caerian|caerán) (muy )?bien|vous allez bien vous entendre|"
    r"(ihr|sie) (werdet|werden) euch (gut )?verstehen)\b")


THIRD_ACTORS = THIRD - {"who", "qui", "der", "die", "que", "quien"}
# Pronouns as whole words; a contraction counts by its first part ("she's" -> she).
# Only subject forms make the writer the actor: "my neighbor, who needs..." is about the neighbor.
FIRST_SUBJECTS = frozenset({"i", "we", "ich", "wir", "je", "j", "nous", "yo", "nosotros", "nosotras"})
BOTH_WORDS = frozenset({"two", "both", "guys", "y'all", "three", "beide", "beiden", "deux", "dos", "ambos", "ambas"})
FIRST_PERSON_TRIGGERS = frozenset({"our", "my", "ours", "mine", "us", "me"})
