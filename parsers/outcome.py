"""What a reply says happened: won, connected, no_contact, lost, stop or unknown.

The new text (quote and signature already trimmed) is cut into clauses; each clause is searched for
cues, small phrase patterns in English, Spanish, German and French (with some Italian, Dutch and
Portuguese). The reading follows how people report:

- a request to stop the check-ins decides on its own;
- decisions (won, lost) beat states (connected, no_contact), and among decisions the *last* one
  in the text is the current one: "we talked last week and she signed yesterday" is won, "we met
  but she went with someone else" is lost;
- between connected and no_contact the weight of the evidence decides ("traded emails, call on the
  14th, haven't contacted Sam yet" is connected);
- a negation before a cue turns it: "not hired yet" is still open (connected), "never ended up
  booking" is lost, "haven't talked yet" is no_contact; cues in questions and in hedged or future
  clauses ("it might be a dead end", "then look elsewhere") decide nothing;
- nothing found is unknown ("Thanks for checking in!", a question back).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MAX_TEXT_CHARS = 5_000

WON, CONNECTED, NO_CONTACT, LOST, STOP, UNKNOWN = "won", "connected", "no_contact", "lost", "stop", "unknown"


@dataclass(frozen=True)
class Cue:
    outcome: str
    weight: int
    pattern: re.Pattern
    negatable: bool = True          # False when the pattern already contains its own negation


def _cues(outcome: str, weight: int, *patterns: str, negatable: bool = True) -> list[Cue]:
    return [Cue(outcome, weight, re.compile(p, flags=re.IGNORECASE), negatable) for p in patterns]


_OBJ = r"(?:him|her|them|us|me|it|you|one|both)"
_WHO_ELSE = (r"(?:someone|somebody|some one|another|a different|the other|other|an? (?:bigger|smaller|cheaper|larger|"
             r"local|different|new|in-house|existing|competitor|competing)|a competitor|"
             r"(?:their|his|her) (?:own|current|existing|usual|regular|old|previous|cousin|friend|brother|sister|"
             r"father|mother|dad|mom|uncle|aunt|neighbou?r|in-house|nephew|niece|son|daughter|wife|husband|partner|"
             r"relative|family|brother-in-law|sister-in-law|son-in-law|colleague|old firm)|a (?:friend|relative|"
             r"family member|cousin|neighbou?r))")

# ---- stop: asks us to stop the check-ins --------------------------------------------------------
STOP_CUES = (
    # "Unsubscribe", "Please remove me from your mailing list", "Take me off this list", "opt out"
    _cues(STOP, 9, r"^(?:stop|stopp|arrêt|alto|basta)\W*$", r"\bplease stop\b(?! by)", r"\bunsubscribe", r"\bremove me\b", r"\btake me off\b", r"\bopt (?:me )?out\b\W*$",
          r"\bopt(?:-| )?out\W*$", r"\bopt(?:-| )?out of (?:these|this|your|the) (?:e-?mails|messages|check-?ins|list|"
          r"mailing|reminders|follow-?ups)",
          r"\bstop (?:sending|emailing|e-mailing|mailing|contacting|messaging|writing|checking in|these|this|"
          r"the (?:e-?mails|messages|check-?ins|reminders|follow-?ups))",
          r"\b(?:don't|do not|please don't|never) (?:email|e-mail|contact|message|write to|bother) me\b",
          r"\bno more (?:e-?mails|messages|check-?ins|reminders|follow-?ups)\b",
          r"\b(?:rather not|don't want to|do not want to|no longer want to) (?:get|getting|receive|receiving) "
          r"(?:these|this|your|any|more)\b",
          r"\b(?:don't|do not|please don't) send (?:me )?(?:any ?more|these|this|more|further)\b",
          r"\bstop (?:receiving|getting)\b", r"\bstop these\b",
          r"\bleave me alone\b", r"\bi never signed up for\b", r"\bdon't need these (?:follow-?ups|e-?mails|check-?ins)",
          # German: "Bitte abmelden", "Keine E-Mails mehr", "Hören Sie auf, mir zu schreiben", "austragen"
          r"\babmelden\b", r"\baustragen\b", r"\bkeine (?:weiteren (?:e-?mails|nachrichten|erinnerungen)|(?:e-?mails|nachrichten|erinnerungen) mehr)\b",
          r"\bhören sie auf\b", r"\bnicht mehr (?:anschreiben|kontaktieren|schreiben)\b",
          # French: "Désabonnez-moi", "Merci d'arrêter ces relances", "Je ne veux plus recevoir"
          r"\bdésabonn", r"\bdésinscri", r"\barrêtez\b", r"\bd'arrêter (?:ces|de m'envoyer|les)\b",
          r"\bne (?:veux|souhaite) plus recevoir\b", r"\bne m'(?:écrivez|envoyez|contactez) plus\b",
          r"\bne plus m'(?:écrire|envoyer|contacter)\b", r"\bretirez-moi\b",
          # Spanish: "Darme de baja", "No me envíen más correos", "Dejen de escribirme"
          r"\bde baja\b", r"\bno (?:me )?(?:envíen|manden|escriban) más\b", r"\bdejen de (?:enviar|escribir|mandar)",
          r"\bya no quiero recibir\b", r"\bcancelar (?:la )?suscripción\b", negatable=False)
)

# ---- won: it became business --------------------------------------------------------------------
WON_CUES = (
    # "Hired", "She has hired us", "we hired Tom", "Signed them", "Hannah signed on last week",
    # "signed our proposal", "signed off on the contract", "Daniel signed the contract"
    _cues(WON, 3, r"\bhired\b", r"\bsigned\b", r"\bsigning (?:the|our) (?:contract|agreement)\b",
          r"\bclosed (?:the deal|it|on|the sale|the contract)\b", r"\bdeal (?:is )?(?:done|closed)\b",
          r"\bwent ahead\b", r"\bgoing ahead with " + _OBJ, r"\bdecided to go (?:ahead|with (?:us|you|him|her|them))\b",
          r"\b(?:moving|go|going|went) forward with (?:us|him|her|them|you|the (?:project|job|work|contract))\b",
          r"\bwent with (?:us|you|him|her|them)\b",
          r"\bbecame (?:a|our|my) (?:client|customer|patient)\b", r"\b(?:is|are) now (?:a |our |my )?(?:clients?|customers?|patients?)\b",
          r"\bnew (?:client|customer)\b", r"\bengaged (?:us|him|her|them|me)\b", r"\bretained (?:us|him|her|them|me)\b",
          r"\bwe're doing it\b", r"\bwe are doing it\b", r"\bgot the (?:job|contract|gig|work|project|account|listing)\b",
          r"\bwon (?:the|it|her|him|them|their)\b", r"\baccepted (?:our|my|the|his|her) (?:quote|proposal|offer|estimate|bid)\b",
          r"\b(?:job|work|project|install(?:ation)?) is booked\b", r"\bbooked (?:us|me|him|her|them|the job|the work|in)\b",
          r"\bpaid (?:the |a |our |my |her |his |their )?(?:\S+ )?(?:deposit|invoice|retainer|first)\b",
          r"\b(?:started|starting|begun|began) (?:a|the|our|her|his|their) (?:treatment|plan|project|engagement|contract|"
          r"work|job|renovation|build)\b", r"\bstarted work(?:ing)?\b", r"\bwork(?:ing)? (?:together|with (?:her|him|them)) now\b",
          r"(?:\bis|\bare|'s|'re) (?:now )?(?:doing|handling|managing|taking care of) (?:all )?(?:of )?(?:my|our)\b",
          r"\bpaid (?:her|him|them|us|me)?\s?(?:\$|€|£|\d)", r"\bdid (?:a |an )?(?:great|fantastic|good|wonderful|excellent|"
          r"amazing|beautiful) job\b",
          r"\bnow (?:a|our|my) (?:client|customer|patient)\b", r"\b(?:been|are|we're) working together\b", r"\bon board\b", r"\bkicked off\b",
          r"\b(?:officially |now )working (?:with|together)\b", r"\bworking (?:with \w+|together) now\b",
          r"\b(?:our|my) new (?:[a-z]+ )?(?:accountant|bookkeeper|lawyer|attorney|advisor|adviser|agent|realtor|planner|"
          r"contractor|designer|coach|tutor|dentist|client|customer|provider|photographer|caterer|plumber|electrician|"
          r"trainer|therapist|vet|cleaner|walker|broker|architect|builder|roofer|painter|gardener|landscaper|"
          r"consultant|cpa|doctor|physio|mechanic|developer|nanny|sitter)\b",
          r"\b(?:a |our |my )?(?:client|customer|patient)s? now\b", r"\bchose (?:us|you|him|her|them|me)\b",
          r"\bwent with (?!someone|somebody|another|a |an |the |other|his |her |their )\w+",
          r"\b(?:going|go) with (?:us|you|me)\b", r"\b(?:it's|we're|it is|we are) a go\b", r"\bsaid yes\b",
          r"\bagreed (?:on|to) (?:a |the |our |his |her |their )?(?:\$|€|£|\d|price|fee|rate|quote|terms|proposal|"
          r"contract|deal|retainer|scope|plan|package)",
          r"^(?:closed|signed|hired|booked|sold|done deal|deal)\W*$",
          r"\b(?:been|is|'s|are|'re) helping (?:us|me)\b", r"\brepresenting (?:us|me)\b",
          r"\btook (?:on )?(?:the|this) (?:job|project|work|contract|case|listing)\b", r"\btook (?:us|me|him|her|them) on\b",
          r"\bbought\b", r"\bpurchased\b", r"\bunder contract\b", r"\bclient now\b", r"\bit's a deal\b",
          # German: "beauftragt", "unterschrieben", "Herr Öztürk macht jetzt meine Buchhaltung",
          # "Wir haben 1.200 € vereinbart", "Angebot angenommen", "den Auftrag bekommen"
          r"\bbeauftragt\b", r"\bunterschrieben\b", r"\bunterzeichnet\b", r"\bmacht jetzt (?:meine|unsere|die)\b",
          r"\b(?:pauschal|honorar|preis)\b.{0,40}\bvereinbart\b", r"\bangebot (?:wurde )?angenommen\b",
          r"\bauftrag (?:bekommen|erhalten|erteilt)\b", r"\barbeiten (?:jetzt |nun )?zusammen\b", r"\bengagiert\b",
          r"\bzugesagt\b", r"\bgebucht\b",
          # French: "c'est signé", "nous l'avons engagée", "devis accepté", "on travaille ensemble"
          r"\bsigné\b", r"\bengagée?s?\b", r"\bembauché", r"\bdevis (?:est )?(?:accepté|signé|validé)\b",
          r"\ba accepté (?:notre|mon|le) (?:devis|offre|proposition)\b", r"\btravaill(?:ons|ent|e) (?:ensemble|avec (?:lui|elle|eux))\b",
          r"\bnouveau client\b", r"\bmandaté", r"\bnous avons retenu\b", r"\bon l'a retenu",
          # Spanish: "la contratamos", "firmamos el contrato", "aceptó el presupuesto", "ya es cliente"
          r"\bcontrat(?:amos|é|ó|aron|ado)\b", r"\bfirm(?:amos|ó|é|aron|ado)\b",
          r"\bacept(?:ó|aron) (?:el|nuestro|mi|la) (?:presupuesto|propuesta|oferta)\b", r"\bya es (?:cliente|clienta)\b",
          r"\btrabaj(?:ando|amos|o|a|an) (?:juntos|con (?:él|ella|ellos))\b", r"\bseguimos adelante con\b", r"\bcerramos\b",
          # Italian / Dutch / Portuguese
          r"\bassunt[oa]\b", r"\bfirmato\b", r"\bingehuurd\b", r"\bgetekend\b", r"\bcontratad[oa]\b", r"\bassinado\b"),
)

# ---- lost: not a fit, went elsewhere, not needed after all -------------------------------------
LOST_CUES = (
    _cues(LOST, 3,
          # "Not a fit", "wasn't a good fit", "not the right fit", "no fit"
          r"\bnot (?:a|the) (?:good |great |right )?fit\b", r"\bwasn't (?:a|the) (?:good |great |right )?fit\b",
          r"\bnot (?:a|the) (?:good |right )?match\b", r"\bno fit\b",
          # "went with someone else", "hired another firm", "chose a different agency", "went elsewhere"
          r"\b(?:went|go|going|gone|decided to go) (?:with )?" + _WHO_ELSE + r"\b", r"\bwent elsewhere\b",
          r"\b(?:hire|hired|hiring|chose|choose|choosing|picked|pick|booked|found|signed with|use|used|using|selected|"
          r"prefer|preferred|stay with|stayed with) " + _WHO_ELSE + r"\b",
          r"\b(?:someone|somebody) else\b", r"\belsewhere\b(?! else)",
          # "decided to go with the firm down the street instead" (but "she hired us instead" is won)
          r"\b(?:went|go|going|gone|decided to go|chose|choose|picked|hired|used|booked)(?: with)? (?!us\b|me\b)"
          r"[^.!?\n]{1,40}\binstead\b(?! of)",
          # "no longer needs", "didn't need it after all", "won't be buying here after all"
          r"\bno longer (?:needs?|needed|interested|looking|required|going)\b",
          r"\b(?:didn't|did not|doesn't|does not|don't|do not) (?:really )?need\b",
          r"\bdidn't work out\b", r"\bdid not work out\b", r"\bfell through\b", r"\bwon't be (?:buying|moving|going|"
          r"proceeding|hiring|using|needing|working|signing)\b", r"\bnot (?:moving|going) (?:forward|ahead)\b",
          r"\bnot proceeding\b", r"\bdecided (?:not to|against)\b", r"\bpassed on\b", r"\bdidn't go anywhere\b",
          r"\bnot interested\b", r"\bno engagement\b", r"\bno deal\b", r"\bnothing (?:here )?for (?:us|me)\b",
          # off-target: "This referral was a bit off", "I only practice estate planning", "wrong kind of lawyer"
          r"\breferral was (?:a bit |somewhat |way )?off\b", r"\boff[- ]target\b", r"\bwrong (?:kind|type|person|fit)\b",
          r"\bi only (?:do|practice|write|handle|work|offer|cover|serve)\b", r"\bwe only (?:do|write|handle|work|offer|cover|serve)\b",
          r"\bdon't (?:do|offer|cover|handle) (?:that|this|commercial|residential)\b",
          r"\breferred (?:him|her|them) (?:on )?to\b", r"\bgave (?:him|her|them) (?:a few |some |two |three )?(?:names|referrals)\b",
          r"\bpointed (?:him|her|them) to\b",
          # postponed or cancelled: "putting the deck off until next year", "on hold", "cancelled"
          r"\bput(?:ting)? (?:it|this|that|the [a-z]+|our [a-z]+|the whole [a-z]+) off\b", r"\bpostponed?\b",
          r"\bon hold\b", r"\bshelved\b", r"\bcancel(?:l)?ed\b", r"\bcalled (?:it|the whole thing) off\b",
          # already covered: "his company already has a contract with a coaching firm"
          r"\balready (?:has|have|had) (?:a|an|their|his|her) (?:contract|provider|agency|firm|accountant|lawyer|agent|"
          r"contractor|vendor|supplier|someone)\b", r"\basked (?:him|her|them) to use\b",
          r"\btoo expensive\b", r"\bout of (?:their|her|his|our|my) budget\b", r"\bover (?:their|her|his|my|our) budget\b",
          r"\b(?:sorted|resolved|fixed) itself\b",
          r"\b(?:didn't|did not|doesn't|does not|won't) work (?:out )?for (?:them|him|her|us|me)\b",
          r"\b(?:price|budget|timing|cost|schedule|pricing|numbers) (?:didn't|did not|doesn't|wasn't|won't) work\b",
          r"\bdo(?:ing)? it (?:herself|himself|themselves|ourselves|myself|in-house)\b", r"\bdiy\b",
          r"\bwhich (?:we|i) (?:aren't|am not|are not|don't|do not)\b", r"\bcompetitor\b",
          r"\blost (?:this one|that one)\b", r"\b(?:stay|stayed|staying|stick|stuck|sticking|keep|kept|keeping) with "
          r"(?:their|his|her|our|my) (?:current|existing|usual|old|own|regular|present|previous)\b",
          r"\b(?:weren't|wasn't|were not|was not|aren't|isn't) (?:a |the )?(?:good |great |right )?(?:match|fit)\b",
          r"\b(?:decided|chose) to (?:opt out|pass|drop out|walk away|back out|pull out)\b", r"\bbacked out\b",
          r"\bpulled out\b", r"\bwalked away\b", r"\bdropped out\b",
          r"\bhold(?:ing)? off\b", r"\bheld off\b", r"\bout of (?:their|her|his|our|my) (?:price range|league)\b",
          r"\b(?:it|the \w+|this|that) (?:herself|himself|themselves|ourselves|myself)\b",
          r"\balready (?:found|hired|chose|picked|engaged|booked) (?:a|an|someone|somebody|another|other|her own|his own|"
          r"their own)\b", r"\bdéjà (?:trouvé|choisi|engagé|pris) (?:un|une|quelqu)",
          r"\b(?:eligió|eligieron|elegimos|contrató|contrataron|escogió|encontró|prefirió|eligió) (?:a )?otr[oa]s?\b",
          r"\b(?:timing|time) (?:isn't|is not|wasn't|was not|isn't quite) right\b", r"\bnot the right time\b",
          r"\brevisit\b", r"\bfroze (?:all )?(?:spending|budgets?|hiring)\b", r"\bbudget (?:freeze|cuts?|was cut)\b",
          r"\b(?:is|it's) dead\b", r"\bdead for now\b", r"\bdécidé de ne pas\b", r"\bne pas donner suite\b",
          r"\bwent (?:in )?(?:another|a different) direction\b",
          r"\bwe passed\b", r"\btoo (?:small|big|far|expensive|pricey|costly|pricy)\b", r"\bno es lo que\b",
          r"\bno (?:es|era|fue) (?:lo que|para (?:nosotros|mí|él|ella))\b",
          r"\blost (?:the deal|the job|it|him|her|them|out)\b",
          # German: "passt leider nicht", "hat sich erledigt", "jemand anderen beauftragt", "abgesagt", "verschoben"
          r"\bpasst (?:leider )?nicht\b", r"\bhat sich erledigt\b", r"\bjemand(?:en)? ander", r"\banderweitig\b",
          r"\babgesagt\b", r"\bverschoben\b", r"\bnicht mehr (?:nötig|notwendig|benötigt|gebraucht|aktuell)\b",
          r"\bkein (?:bedarf|interesse)\b", r"\bnicht geklappt\b", r"\bfür (?:einen|eine|ein) ander",
          r"\bentschieden,? (?:uns )?(?:gegen|nicht)\b",
          # French: "quelqu'un d'autre", "pas le bon profil", "n'a plus besoin", "annulé", "reporté", "ailleurs"
          r"\bquelqu'un d'autre\b", r"\bun autre (?:prestataire|cabinet|artisan|architecte|avocat|agent)\b",
          r"\bailleurs\b", r"\bn'a (?:plus|pas) besoin\b", r"\bn'avons plus besoin\b", r"\bannulée?\b", r"\breportée?\b",
          r"\bpas (?:donné suite|abouti|retenu|le bon (?:profil|choix))\b", r"\bne (?:se )?fera pas\b", r"\bpas intéressée?\b",
          # Spanish: "no seguiré adelante con Marta", "otra empresa", "ya no lo necesita", "lo dejamos para"
          r"\bno (?:seguiré|seguiremos|vamos a seguir|voy a seguir) adelante\b", r"\botr[oa] (?:empresa|proveedor|"
          r"abogad[oa]|agencia|gestoría|persona|profesional|contratista)\b", r"\bya no (?:lo |la )?necesit",
          r"\bno (?:nos |me )?interesa\b", r"\bcancelad[oa]\b", r"\baplazad[oa]\b", r"\bpospuest[oa]\b",
          r"\bno (?:funcionó|salió|resultó)\b", r"\bdecidimos no\b", r"\bno era lo que\b", negatable=False),
)

# ---- connected: in touch, meeting held or booked, quote out, still deciding ----------------------
CONNECTED_CUES = (
    _cues(CONNECTED, 2,
          # "Linh and I met on Tuesday", "we had a video call", "had a lovely conversation", "Talking"
          r"\bmet\b", r"\bmeeting\b", r"\bhad (?:a|an|our|the|two|several|a few|a couple of) (?:[a-z-]+ ){0,2}"
          r"(?:call|meeting|chat|conversation|consultation|consult|session|visit|tour|walkthrough|coffee|lunch|tasting|"
          r"interview)s?\b",
          r"\b(?:talked|spoke|spoken|chatted|talking|speaking|chatting)\b", r"(?<!be )(?<!get )\bin touch\b",
          r"\bconnected\b",
          r"\b(?:a|the|our) (?:[a-z-]+ )?(?:call|meeting|consultation|visit|tour|walkthrough|appointment|session)s? "
          r"(?:on|next|this|tomorrow|scheduled|booked|set)\b",
          r"\b(?:scheduled|booked|set up|arranged|lined up) (?:a|an|the|our)? ?(?:[a-z-]+ )?(?:call|meeting|consultation|"
          r"visit|tour|walkthrough|appointment|session|time)\b",
          r"\b(?:traded|exchanged|swapped) (?:a few |several |some )?(?:e-?mails|messages|texts|calls)\b",
          r"\bcame (?:by|in|over)\b", r"\bvisited\b", r"\btour\b", r"\btrial\b", r"\btry (?:her|him|them) (?:out|for)\b",
          r"\b(?:sent|sending|send|sent over|emailed) (?:her|him|them)? ?(?:a|an|the|my|our|his|her)? ?(?:quote|proposal|"
          r"estimate|contract|packages?|pricing|offer|bid)\b", r"\bquote (?:is )?out\b",
          r"\b(?:putting together|preparing|working on|drafting) (?:a|an|the) (?:proposal|quote|estimate|plan|offer)\b",
          r"\bproposal\b", r"\bestimate\b", r"\bwe'll decide\b", r"\bthen (?:we'll|she'll|he'll|they'll) decide\b",
          r"\bstill (?:talking|discussing|deciding|comparing|negotiating|in touch|chatting)\b", r"\bnegotiating\b",
          r"\bin (?:discussions?|talks|conversation)\b", r"\bdiscuss(?:ed|ing)\b",
          r"\b(?:good|great|nice|quick|short|long|first|initial|lovely|productive|intro|introductory) (?:chat|call|meeting|"
          r"conversation|talk|consultation)\b", r"\bfollow(?:-| )?up (?:call|meeting|next|on|this)\b",
          r"\b(?:call|meeting|chat|consultation|visit|intro|conversation) went (?:well|great|fine|ok|okay)\b",
          r"\b(?:wants|asked for|requested|needs) (?:a|an|the) (?:quote|estimate|proposal|bid)\b",
          r"\bconsultation\b", r"\bscheduled\b", r"\bbooked (?:a|an|in a)\b", r"\bthinking it over\b",
          r"\bgespräch\b", r"\büberleg(?:t|en) noch\b", r"\bréfléchit\b", r"\bpensándolo\b", r"\blo está pensando\b",
          r"\bback and forth\b", r"\bno decision yet\b", r"\bgave (?:me|us|her|him|them) (?:a|an|the) (?:quote|estimate|proposal|bid)\b",
          r"\bthinking (?:about it|it over)\b", r"\bconsidering (?:it|the|our|his|her)\b", r"\bcame out (?:to|and)\b",
          r"\bconsult\b", r"\bquedado\b", r"\bemailing (?:with|each other)\b",
          r"\b(?:set|due|scheduled|planning|going|supposed) to (?:meet|talk|speak|chat|catch up)\b",
          r"\b(?:we're|we are|i'm|i am) (?:meeting|seeing)\b", r"\bhaving (?:lunch|coffee|dinner|drinks|a call|a meeting)\b",
          r"\b(?:lunch|coffee|dinner|drinks) (?:on|next|this|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|"
          r"sunday)\b", r"\bputting together\b", r"\b(?:called|wrote|got) (?:me |us )?back\b",
          r"\bon se (?:voit|retrouve|rencontre)\b", r"\bnous nous (?:voyons|rencontrons)\b", r"\bm'a rappelée?\b",
          r"\bgoing well\b", r"\bso far so good\b", r"\bgot back to (?:me|us)\b", r"\bheard (?:back )?from (?:her|him|them)\b",
          r"\breached out\b.{0,30}\b(?:and|we)\b", r"\breview it together\b", r"\bwalk(?:ed)? through\b",
          # German: "Wir haben telefoniert", "uns getroffen", "Termin vereinbart", "Angebot geschickt"
          r"\btelefoniert\b", r"\bgetroffen\b", r"\bgesprochen\b", r"\bkennengelernt\b", r"\btermin\b",
          r"\bangebot (?:geschickt|geschickt|geschrieben|erstellt|gesendet|kommt)\b", r"\bin kontakt\b", r"\btreffen uns\b",
          # French: "Nous avons visité", "une estimation", "rendez-vous", "on s'est parlé", "elle décidera"
          r"\brencontrée?s?\b", r"\bparlé\b", r"\béchangé\b", r"\brendez-vous\b", r"\brdv\b", r"\bvisitée?\b",
          r"\bestimation\b", r"\besquisse\b", r"\bdevis\b", r"\ben contact\b", r"\bdécidera\b", r"\bappel\b",
          # Spanish: "hablamos", "nos reunimos", "tenemos una llamada", "le envié el presupuesto"
          r"\bhabl(?:amos|é|ó|ado)\b", r"\bnos (?:reunimos|vimos)\b", r"\breunión\b", r"\bllamada\b", r"\bcita\b",
          r"\bpresupuesto\b", r"\ben contacto\b", r"\bvisitamos\b", r"\bquedamos\b"),
)

# ---- no_contact: not reached each other yet ----------------------------------------------------
NO_CONTACT_CUES = (
    _cues(NO_CONTACT, 2,
          # "Haven't heard from him yet", "haven't heard back", "no response so far", "phone tag"
          r"\b(?:haven't|hasn't|have not|has not|havent|hasnt|didn't|did not|never) (?:yet )?(?:heard|gotten|got) "
          r"(?:back|from|a reply|a response|an answer|anything)", r"\bnot heard (?:back|from)\b",
          r"\b(?:haven't|hasn't|have not|has not|couldn't|could not|can't|cannot|unable to|not able to|wasn't able to|"
          r"haven't been able to|been unable to) (?:yet )?(?:reach|get (?:hold of|in touch|through)|contact|connect|"
          r"get a hold)", r"\bno (?:response|reply|answer|word|luck|contact|callback|call back)\b",
          r"\bnothing (?:yet|so far|back)\b", r"\bstill waiting\b", r"\bphone tag\b",
          r"\bvoicemail\b", r"\bdisconnected\b", r"\bwrong number\b", r"\bbounced\b", r"\bghosted\b",
          r"\b(?:didn't|did not|hasn't|haven't|has not|have not|never) (?:yet )?(?:answer(?:ed)?|respond(?:ed)?|repl(?:y|ied)|"
          r"call(?:ed)? back|return(?:ed)?|pick(?:ed)? up|got back|get back|gotten back|written back|wrote back)", r"\byet to (?:hear|connect|speak|talk|reach|meet)\b",
          r"\b(?:didn't|did not|hasn't|haven't|has not|have not|never) (?:yet )?(?:call(?:ed)?|get|got|gotten|"
          r"write|written|wrote) (?:me |us |him |her |them )?back\b",
          r"\bhaven't (?:had (?:a|the) chance|gotten around|managed|found time) to\b",
          r"\b(?:nie|nicht|noch nicht|bisher nicht) (?:bei mir |bei uns )?gemeldet\b",
          r"\b(?:pas|jamais|plus) (?:encore )?(?:rappelé|répondu|recontacté)\b",
          r"\b(?:nunca|no) (?:me |nos )?(?:contestó|respondió|llamó|escribió|ha contestado|ha respondido|ha llamado)\b",
          r"\bheard nothing\b", r"\bdead end\b", r"\bnothing since\b", r"\bno reply since\b", r"\bno one has\b", r"\bnobody has\b",
          # German: "noch nichts gehört", "keine Rückmeldung", "nicht erreicht", "noch kein Kontakt"
          r"\bnoch (?:nichts|keine?) (?:[\wäöüß]+ ){0,3}(?:gehört|rückmeldung|antwort|kontakt|reaktion)", r"\bkeine (?:rückmeldung|antwort)\b",
          r"\bnicht erreich", r"\bnichts gehört\b", r"\bnoch nicht (?:gemeldet|zurückgerufen|geantwortet|erreicht)",
          # French: "pas de nouvelles", "pas réussi à le joindre", "aucune réponse", "injoignable"
          r"\bpas (?:encore )?(?:de|eu de) (?:nouvelles|réponse|retour|contact)\b", r"\baucune (?:réponse|nouvelle)\b",
          r"\bpas (?:réussi|pu) à (?:le |la |les |l')?(?:joindre|contacter)", r"\binjoignable\b",
          r"\bn'a pas (?:encore )?(?:répondu|rappelé)\b", r"\bsans (?:réponse|nouvelles)\b",
          # Spanish: "no he podido contactar", "todavía no me ha respondido", "sin respuesta"
          r"\bno (?:he|hemos) podido (?:contactar|hablar|localizar|comunicarme)", r"\bsin (?:respuesta|noticias)\b",
          r"\bno (?:me |nos )?(?:ha|han) (?:respondido|contestado|llamado|escrito)\b", r"\bno contesta\b",
          r"\bno (?:he|hemos) (?:sabido|tenido noticias)\b", negatable=False),
    _cues(CONNECTED, 1, r"\b(?:replied|responded|answered)\b", r"\bcontacted\b", r"\breached (?!out)", r"\bwaiting (?:to hear|for (?:her|his|their|an?) "
          r"(?:answer|decision|reply|response))"),
    # plans to sign: "We will probably sign next week", "ready to hire him"
    _cues(CONNECTED, 2, r"\b(?:about to|ready to|going to|will|'ll|plan to|planning to|expect(?:s|ing)? to|want to) "
          r"(?:\w+ )?(?:sign|hire|book|go ahead|move forward)\b", negatable=False),
    # "Not yet - I'm traveling", "will reach out when I'm back", "nothing to report yet"
    _cues(NO_CONTACT, 1, r"^(?:not yet|nope|nothing yet|not so far)\b",
          r"^no\b(?!(?: [a-z]+)? (?:problem|worries|complaints|doubt|rush|need|pressure)\b)", r"\bnothing to report\b",
          r"\b(?:will|'ll|going to|plan to) (?:reach out|call (?:him|her|them)|contact|email (?:him|her|them)|get in touch)\b",
          r"\bgone quiet\b", r"\bwent quiet\b", r"\bcouldn't find a time\b", r"\bstill trying\b", negatable=False),
    # repeated attempts without an answer: "reached out twice", "called her three times"
    _cues(NO_CONTACT, 1, r"\b(?:reached out|called|emailed|texted|tried|messaged|phoned) (?:\w+ )?(?:twice|again|"
          r"several times|a few times|three times|multiple times|a couple of times)\b", negatable=False),
    _cues(NO_CONTACT, 1, r"\b(?:left|leaving) (?:him|her|them|a) (?:a )?(?:voicemail|message)\b", negatable=False),
)

# Specific cues first: "hired someone else" is read as lost before "hired" can be read as won, and
# "haven't heard from him" as no_contact before "heard from him" as connected.
def _flatten(*groups) -> tuple[Cue, ...]:
    out: list[Cue] = []
    for group in groups:
        for item in group:
            out.extend(item if isinstance(item, list) else [item])
    return tuple(out)


ALL_CUES: tuple[Cue, ...] = _flatten(STOP_CUES, LOST_CUES, NO_CONTACT_CUES, WON_CUES, CONNECTED_CUES)

# Whole answers, as from our one-tap links or a one-word reply.
_WHOLE = {
    "stop": STOP, "stop please": STOP, "please stop": STOP, "stopp": STOP, "arrêt": STOP, "alto": STOP, "basta": STOP,
    "hired": WON, "won": WON, "signed": WON, "closed": WON, "booked": WON, "done deal": WON,
    "talking": CONNECTED, "connected": CONNECTED, "in touch": CONNECTED, "we connected": CONNECTED,
    "in contact": CONNECTED, "in progress": CONNECTED,
    "no contact yet": NO_CONTACT, "no contact": NO_CONTACT, "not yet": NO_CONTACT, "nope": NO_CONTACT, "no": NO_CONTACT,
    "noch nicht": NO_CONTACT, "pas encore": NO_CONTACT, "todavía no": NO_CONTACT, "aún no": NO_CONTACT,
    "nothing yet": NO_CONTACT, "no response": NO_CONTACT, "no reply": NO_CONTACT,
    "not a fit": LOST, "no fit": LOST, "lost": LOST, "went elsewhere": LOST, "passt nicht": LOST,
}

# Negations that turn a cue when they come shortly before it (within the clause).
_NEGATION = re.compile(
    r"\b(?:not|no|never|haven't|hasn't|didn't|don't|doesn't|won't|wasn't|weren't|isn't|aren't|can't|couldn't|"
    r"havent|hasnt|didnt|dont|yet to|nicht|nie|kein|keine|keinen|pas|jamais|ne|n'|nunca|tampoco|sin)\b|n't\b"
)
_STILL_OPEN = re.compile(r"\b(?:yet|still|so far|noch|encore|todavía|aún|ainda|ancora)\b")
_FINAL_NEGATION = re.compile(r"\b(?:didn't|did not|never|won't|will not|decided not|not going to|nie|jamais|nunca)\b")
# Hedges and plans: a decision in such a clause is not made yet.
# Doubt: a decision in such a clause is not made ("it might be a dead end", "then look elsewhere").
_UNCERTAIN = re.compile(
    r"\b(?:might|may|maybe|perhaps|probably|possibly|hopefully|if|unless|could|would|should|likely|then|"
    r"vielleicht|wahrscheinlich|falls|wenn|eventuell|peut-être|si|quizás|tal vez|quizá|probablemente)\b"
)
# Plans: business not done yet ("we will sign next week"); a plan to go elsewhere is still a loss.
_FUTURE = re.compile(
    r"\b(?:will|going to|plan to|planning to|hope to|want to|about to|looking forward|look forward|wird|werden|"
    r"va|vont|vamos a|va a)\b|'ll\b"
)
_CLAUSE_SPLIT = re.compile(
    r"(?<=[.!?;:])\s+|\n+|\s[—–]\s|\s-\s|,\s*(?=(?:but|so|though|although|however|aber|mais|pero|sino|then)\b)|"
    r"\s(?=(?:but|though|although|however|aber|jedoch|mais|cependant|pero|sin embargo)\s)"
)


def _normalise(text: str) -> str:
    text = (text or "")[:MAX_TEXT_CHARS].replace("’", "'").replace("‘", "'").replace("`", "'")
    return text.lower()


def clauses(text: str) -> list[str]:
    return [c.strip() for c in _CLAUSE_SPLIT.split(_normalise(text)) if c and c.strip()]


@dataclass(frozen=True)
class Finding:
    outcome: str
    weight: int
    position: int
    clause: str
    cue: str


def _negated(before: str) -> re.Match | None:
    """A negation among the last four words before a cue, not across a comma; "no"/"kein" only
    right before it ("no complaints, she signed" is not negated)."""
    before = re.split(r"[,;:(]", before)[-1]
    words = before.split()[-4:]
    m = _NEGATION.search(" ".join(words))
    if m and m.group(0) in ("no", "kein", "keine", "keinen", "sin") and m.group(0) not in words[-2:]:
        return None
    return m


def findings(text: str) -> list[Finding]:
    """Every cue found, turned by negation, in text order."""
    found: list[Finding] = []
    position = 0
    for clause in clauses(text):
        position += 1
        question = clause.endswith("?")
        taken: list[tuple[int, int]] = []
        for cue in ALL_CUES:
            for m in cue.pattern.finditer(clause):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue          # a longer cue already read this part
                outcome = cue.outcome
                if cue.negatable and _negated(clause[:m.start()]):
                    window = " ".join(clause[:m.start()].split()[-5:])
                    if outcome == WON:
                        outcome = CONNECTED if _STILL_OPEN.search(clause) or not _FINAL_NEGATION.search(window) \
                            else LOST
                    elif outcome == CONNECTED:
                        outcome = NO_CONTACT
                    else:
                        continue
                if question and outcome != STOP:
                    continue
                before = clause[:m.start()]
                uncertain = bool(_UNCERTAIN.search(before))
                if outcome == WON and cue.outcome == WON and (uncertain or _FUTURE.search(before)):
                    outcome = CONNECTED         # "we will probably sign next week": still open
                elif outcome == LOST and cue.outcome == LOST and uncertain:
                    continue                    # "it might be a dead end": nothing decided
                taken.append((m.start(), m.end()))
                found.append(Finding(outcome, cue.weight, position * 10_000 + m.start(), clause, m.group(0)))
    found.sort(key=lambda f: f.position)
    # within one clause a loss wins: "er hat jemand anderen beauftragt", "hired someone else"
    lost_clauses = {f.position // 10_000 for f in found if f.outcome == LOST}
    return [f for f in found if not (f.outcome == WON and f.position // 10_000 in lost_clauses)]


def classify_outcome(text: str) -> str:
    """The outcome a reply reports (see the module docstring for the rules)."""
    whole = " ".join(_normalise(text).split()).strip(" .!,;:-–—")
    whole = re.sub(r"^(?:hi|hello|hey)\b[ ,]*", "", whole)
    if whole in _WHOLE:
        return _WHOLE[whole]
    found = findings(text)
    if not found:
        return UNKNOWN
    if any(f.outcome == STOP for f in found):
        return STOP
    decisions = [f for f in found if f.outcome in (WON, LOST)]
    if decisions:
        return decisions[-1].outcome
    score = {CONNECTED: 0, NO_CONTACT: 0}
    for f in found:
        score[f.outcome] += f.weight
    if score[CONNECTED] == score[NO_CONTACT]:
        return found[-1].outcome
    return CONNECTED if score[CONNECTED] > score[NO_CONTACT] else NO_CONTACT
