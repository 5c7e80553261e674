"""What a message copied to the tracker is doing: introducing, asking first, promising, thanking, passing a lead.

People copy the tracker on more than introductions: "OK if I introduce you to my plumber?", "I'll
introduce you to Dana once tax season is over", "Thanks Marcus! Great to e-meet you, Hannah",
"could we move Thursday to Friday?". These phrases, in English, German, French and Spanish, tell
the cases apart. Each rule is a :class:`~parsers.text.Cue`: a bounded regex over folded text that
runs only when one of its trigger words is present.
"""
from __future__ import annotations

import re

from .text import Cue, CueIndex, Tokens

# Writing an introduction now.
# "meet you at 10", "meet up", "meet Tuesday" are not introductions.
_MEET = (r"\bmeet\b(?! (you|u|up|at|on|in|for|with|him|her|them|us|me|again|soon|over|tomorrow|today|tonight|"
         r"next|this|that|there|here|some|sometime|halfway|monday|tuesday|wednesday|thursday|friday|saturday|"
         r"sunday|the deadline|the team|our|your|my|the kids|the children|the family|the dog|the baby|the parents|"
         r"the others|the rest|everyone|people|already|yet|before|in person|face to face)\b)")
# Presenting someone already spoken of: "these are the people I told you about", "das sind die
# Leute, von denen ich dir erzählt habe", "voici le traiteur dont je t'ai parlé", "este es el
# fontanero del que te hablé" ("the caterer I mentioned will do the food" presents no one).
_PRESENTS_SPOKEN_OF = (
    r"\b(this is|these are|here is|here are|meet) the (\w+ ){1,2}(that |who |whom )?i "
    r"(told you about|was telling you about|mentioned)\b|"
        r"\b(das|dies|hier) (ist|sind) (die|der|das) (\w+ ){0,2}?\w+,? von (denen|der|dem) ich (dir|ihnen|euch) (schon )?"
        r"(erzahlt|berichtet) (habe|hatte)\b|"
        r"\b(voici|voila|c'est) (le|la|les|l') ?(\w+ ){0,2}?\w+ dont je (t'|vous )ai parle\b|"
        r"\b(este es|esta es|estos son|estas son|aqui (tienes|tiene|teneis) a) (el|la|los|las) (\w+ ){0,2}?\w+ "
        r"(de quien|de quienes|del que|de la que|de los que|de las que) (te|le|os|les) (hable|he hablado|comente|mencione)\b")
# Handing over someone's details to the other person on the email: "voici l'adresse du traiteur",
# "te paso el contacto de Silvina", "here's the number for Dale"
_HANDOVER_TRIGGERS = "voici paso here's here"
_HANDOVER = (r"\bvoici (l'adresse|le contact|les coordonnees|le numero|le mail) (de|du|d'|des)\b|"
             r"\b(te|le|les|os) paso el contacto (de|del|de la)\b|\bhere'?s the (number|contact|contact info|details) (for|of)\b")
_SPOKEN_OF_TRIGGERS = "told mentioned erzahlt berichtet parle hable hablado comente mencione"

# Asking the one written to to contact the person copied: "My friend Cynthia (cc'd) has the same problem ...
# Could you get in touch with her?" (an introduction phrase, and a strong one: no other mail says it)
_GET_IN_TOUCH = Cue("touch contact reach", r"\b(could|can|would) you (please )?(get in touch with|contact|reach out to) (her|him|them)\b")

INTRO: tuple[Cue, ...] = (
    _GET_IN_TOUCH,
    Cue("meet", _MEET),
    Cue("introduce introducing introduction intro introductions intros e-intro introduced",
        r"\b(introduc(e|ing|tion)|e-?intro)\b|\b(i've|we've|i have|we have|just) introduced (you|\w+) to\b"),
    Cue("connect connecting", r"\bconnect(ing)? (you|the two|both|y'all)\b|\bwant(ed)? to connect you\b"),
    Cue("touch", r"\bput(ting)? you (two |both |all )?in touch\b"),
    # handing over a list of people: "Here are the two people I'd call for the addition:", "hier sind meine
    # Empfehlungen", "voici mes recommandations", "aquí tienes mis contactos"
    Cue("here hier voici aqui",
        r"\bhere (are|is) (my|the|a few|some) (\w+ )?(people|names|folks|contacts|recommendations|picks|go-tos|pros|trades|vendors)\b|"
        r"\bhier (sind|ist) (meine|die) (\w+ )?(empfehlungen|kontakte|leute|ansprechpartner)\b|"
        r"\bvoici (mes|les) (\w+ )?(recommandations|contacts|adresses|personnes)\b|"
        r"\baqui (tienes|tenes|van|estan|te paso) (mis|los) (\w+ )?(recomendaciones|contactos|datos)\b"),
    Cue("copia", r"\b(le|la|les|los|las|te|os) (he|hemos) (puesto|dejado) en copia\b"),
    # "Michael Sørensen, copied here", "les quiero presentar"
    Cue("copied cc'd cced presentar", r"\b(copied|cc'?d|cced) (here|in here|on this|on this email)\b|"
        # "I'd strongly recommend Yusuf Demir, whom I've copied", "who I've cc'd"
        r"\b(whom|who) (i'?ve|i have) (copied|cc'?d|cced|looped in|added)\b|"
        r"\b(les|te|os|le) (quiero|queria|quisiera) presentar\b"),
    # recommending a named person to the one written to: "Für die Dämmung empfehle ich Frieda Roth",
    # "je vous recommande Nadia Haddouche", "le recomiendo a Pilar Gómez", "I'd recommend Sam Ortiz"
    Cue("empfehle recommande recomiendo recommend",
        r"\b(empfehle ich (ihnen |dir |euch )?|ich empfehle (ihnen |dir |euch )?|je (vous|te) recommande |(le|te|les|os) recomiendo (a )?|"
        r"i'?d (strongly |highly )?recommend |i (strongly |highly )?recommend )(herrn? |frau |mr\.? |mrs\.? |ms\.? |dr\.? |m\. |mme )?[a-z]"),
    # "two businesses I'd like you to talk to:", "time you two met", "you two should know each other"
    Cue("talk speak met know kontakt", r"\b(i'd|i would|we'd|we would) like you to (talk|speak) (to|with)\b|"
        r"\b(i'd|i would) rather (they|she|he|you) (talk|talked|speak|spoke) (to|with)\b|"
        r"\b(it was|it's|about) time you (two |both )?met\b|\byou (two |both )?should (know each other|meet|talk|connect)\b|"
        r"\b(lasse|lass|lassen) (euch|sie|dich) (direkt |gerne )?in kontakt treten\b"),
    Cue("looping loop adding copying cc'ing ccing cc'd cc",
        r"\b(loop(ing)? in|loop(ing)? (you|you both|you two|them|him|her) in|adding \w+|copying \w+|cc'?(ing|d)? \w+)\b"
        # (not the one addressed copied to stay informed: "Gary, copying you so you know the co-op will get the order")
        r"(?<!copying you)(?<!adding you)(?<!cc'ing you)(?<!ccing you)"),
    # "Más fácil que hablen directamente", "easier if you talk directly", "plus simple que vous en parliez directement"
    Cue("directamente directly directement direkt",
        r"\b((que|para que) (hablen|hableis|conversen|lo hablen) directamente|(easier|simpler|quicker|best) (if you|for you to|that you) "
        r"(two |both )?(talk|speak|chat) directly|que vous (en )?(parliez|echangiez) directement)\b"),
    Cue("this here's here", r"\b(this is \w+|here'?s \w+|here is \w+)\b"),
    # "you two", but not "are you both free Thursday?", "see you both at 10", "thank you both"
    Cue("two both", r"\b(you two|(?<!are )(?<!were )(?<!see )(?<!thank )(?<!meet )(?<!join )(?<!to )(?<!love )you both"
                    r"(?! (free|available|around|still|coming|ok|okay|good|for|on|at|in|this|next|tomorrow|today)\b)|both of you)\b"),
    # What the two share, said to both at once, is the introduction when no verb makes it: "you are
    # both building dev tools in Austin", "vous êtes tous les deux designers à Lyon", "ihr seid beide
    # neu in Graz", "los dos estáis montando una tienda online".
    Cue("both deux beide dos ambos ambas",
        r"\b(you are both|you're both|you have both|you've both)\b|"
        r"\bvous (etes|avez|cherchez|travaillez|faites|venez|lancez|montez) (toutes?|tous) (les )?deux\b|"
        r"\b(ihr seid|ihr habt|sie sind|sie haben|ihr sucht|ihr arbeitet|ihr baut) (alle )?beide\b|"
        # "ihr wollt beide im Herbst laufen", "ihr macht beide Keramik": any verb of "ihr" with "beide"
        r"(?<!konnt )(?<!wollt )(?<!habt )(?<!seid )\bihr (?!beide\b)\w+ (alle )?beide\b|"
        r"\b(los|las) dos (sois|son|estais|estan|teneis|tienen|buscais|buscan|trabajais|trabajan|acabais|acaban)\b|"
        r"\b(los|las) dos (me |os |se )?(\w+(ais|eis|is|asteis|isteis)|habeis \w+)\b|"
        # "los dos exportan arándanos a Europa", "las dos tienen una tienda"
        r"(?<!con )(?<!a )(?<!para )(?<!de )\b(los|las) dos (?!(meses|anos|dias|semanas|horas|veces|primeros|ultimos|van|vienen|pueden)\b)\w{3,}(an|en)\b|"
        r"\b(ambos|ambas) (sois|son|estais|estan|teneis|tienen|buscais|buscan|trabajais|trabajan)\b"),
    Cue("over take let leave", r"\b(over to you|take it from here|let you (two|both|all)|leave (it to )?(you|the two))\b"),
    # several people offered at once: "Two folks for you", "die zwei Handwerker, die ich empfehlen würde",
    # "dos contactos para ti", "deux artisans que je recommande"
    Cue("two three couple folks people contacts trades tradies pros zwei beiden handwerker betriebe kontakte dos deux",
        r"\b(two|three|a couple of) (folks|people|contacts|trades|tradies|pros|companies|firms|guys|names) (for you|i'd (use|trust|recommend))\b|"
        r"\b(die )?(zwei|beiden|drei) (handwerker|betriebe|kontakte|firmen|fachleute)\b|\b(dos|tres) (contactos|profesionales) (para ti|que te recomiendo)\b|"
        r"\b(deux|trois) (artisans|contacts|professionnels) (pour toi|pour vous|que je (te|vous) recommande)\b"),
    # stepping out so the two talk directly: "Ich nehme mich hiermit aus dem Verteiler. Meldet euch direkt."
    # "Tim, meld dich einfach bei Claudia von der Hundeschule": one sent to the other's firm
    Cue("meld melde", r"\b(meld|melde) (dich|euch) (einfach |doch |gern |gerne |mal )*bei \w+ (von der|vom|von|aus der)\b"),
    Cue("verteiler meldet melden direkt",
        r"\b(nehme mich (\w+ )?aus dem verteiler|meldet euch (einfach |gerne )?(direkt|gegenseitig|beieinander)|"
        r"melden sie sich (gerne |einfach )?(direkt|gegenseitig))\b"),
    # "ich hab Peters mal mit reingenommen", "ich habe Frau Ott dazugenommen": copying someone in
    Cue("reingenommen dazugenommen reingesetzt dazugesetzt hinzugefugt", r"\b(mit )?(reingenommen|dazugenommen|reingesetzt|dazugesetzt|hinzugefugt)\b"),
    # "bringe ich Sie mit zwei Stellen in Verbindung", "setze Sie mit Frau Ott in Verbindung"
    Cue("verbindung kontakt", r"\b(bringe|bringen|setze|setzen) (ich |wir )?(sie|dich|euch|ihnen) (\S+ ){0,5}?in (verbindung|kontakt)\b"),
    # "Hier sind beide, jeweils in Kopie", "das sind die zwei, die ich meinte"
    Cue("beide beiden zwei kopie", r"\b(hier sind|das sind) (beide|die beiden|die zwei|alle drei)\b|\b(jeweils|beide|beiden) (in|im) (kopie|cc)\b"),
    # "stelle ich hiermit den Kontakt zwischen Ihnen her", "Kontaktherstellung"
    Cue("kontakt kontaktherstellung",
        r"\b(stelle|stellen) (ich |wir )?(hiermit |gerne |gern )?(den |einen )?kontakt (zwischen|zu|mit) (\S+ ){0,3}?her\b|\bkontaktherstellung\b"),
    # "ich mach euch mal bekannt", "ich mache Sie hiermit miteinander bekannt"
    Cue("bekannt", r"\b(mache|mach|machen) (euch|sie|dich|ihnen|dich mit \w+) (\w+ ){0,3}bekannt\b"),
    # Double opt-in: both agreed, so the introduction is made now ("since you both said yes", "como los
    # dos me dijeron que sí", "puisque vous avez dit oui tous les deux", "da Sie beide zugestimmt haben").
    Cue("yes ok agreed si oui zugestimmt einverstanden",
        r"\b((you|you've|you have) both (said yes|agreed|said ok)|both of you (said yes|agreed)|"
        r"(los|las) dos (me )?(dijeron|dijisteis|han dicho) que si|(ambos|ambas) (me )?(dijeron|han dicho) que si|"
        r"(vous )?(m'avez )?(tous|toutes) (les )?deux (dit oui|accepte)|avez (tous|toutes) (les )?deux (dit oui|accepte)|"
        r"(ihr|sie) beide (zugestimmt|einverstanden)|beide (zugestimmt|einverstanden))\b"),
    # "Ich überlasse Ihnen beiden den Rest", "je vous laisse la suite", "I'll leave the rest to you two"
    Cue("uberlasse rest suite resto", r"\b(uberlasse (ich )?(ihnen|euch|dir)|den rest (uberlasse|uberlass)|"
        r"(leave|leaving) the rest to you|je vous laisse (la suite|voir)|os dejo (el resto|que)|les dejo (el resto|que))\b"),
    Cue(_SPOKEN_OF_TRIGGERS, _PRESENTS_SPOKEN_OF),
    Cue("should must talk meet connect thought figured compare swap", r"\b((should|must) (talk|meet|connect|compare notes|swap notes|trade notes)|"
        r"(thought|figured) you (two |both )?should)\b"),
    # "Sie beide leiten die IT bei Stadtwerken ähnlicher Größe", "ihr beide macht Keramik" (not "können Sie beide am Dienstag?")
    Cue("beide", r"(?<!konnen )(?<!konnten )(?<!haben )(?<!sind )(?<!wurden )(?<!mochten )(?<!durfen )(?<!habt )(?<!seid )"
                 r"(?<!konnt )(?<!wollt )(?<!passt )(?<!fur )(?<!an )(?<!mit )(?<!von )\b(sie|ihr) beide (?!(zeit|lust|am|um|morgen|heute|nachste|diese)\b)[a-z]"),
    # "I think you'd get along", "you two would hit it off", "skipping the double opt-in"
    Cue("along hit click opt-in optin enjoy",
        r"\b(you'd|you would|you'll|you will|you two would|you both would|you two will) (really |definitely |totally )?"
        r"(get along|hit it off|click|get on|enjoy (talking|meeting|chatting|comparing notes|swapping))\b|"
        r"\b(skipping|skip|without) the double opt-?in\b"),
    # "ich bringe euch mal zusammen", "auf Wunsch von Herrn Falk bringen wir Sie zusammen"
    Cue("zusammen zusammenbringen", r"\b(bringen? (ich |wir )?(euch|sie|dich)( beide| zwei)?( mal)? (mit \w+ )?zusammen|zusammenbringen)\b"),
    Cue("vorstellen vorstelle vorstellung stelle stellen bekannt bekanntmachen kontakt vernetzen verbinden kennenlernen kennen",
        r"\b(vorstell\w*|stelle (ich )?(euch|ihnen|dir|sie|dich)|(stelle|stellen) (ich|wir) (euch|ihnen|dir) (\S+ ){1,6}?vor|"
        r"bekannt ?(zu )?machen|in kontakt (zu )?bringen|"
        r"vernetzen|verbinden|kennen ?lernen)\b"),
    # bringing two people together for their own sake: "je souhaite vous faire rencontrer", "vous aurez
    # beaucoup à vous dire", "tendréis mucho de qué hablar", "ihr werdet euch viel zu erzählen haben"
    Cue("rencontrer connaitre dire hablar erzahlen",
        r"\b(vous|te|les) faire (se )?(rencontrer|connaitre)\b|\bvous aurez (beaucoup|plein de choses|mille choses|tant de choses) a vous dire\b|"
        r"\b(tendreis|tendran|tendrian|tendriais) (mucho|muchas cosas) (de )?(que|de las que) hablar\b|"
        r"\b(werdet|werden|wurdet|wurden) (euch|sich) (\S+ ){0,2}?(viel|einiges|eine menge) zu erzahlen haben\b"),
    Cue("presente presentons presenter relation contact laisse mets met mette", r"\b((je|nous) (te|vous) present(e|ons)|presenter|mettre en (relation|contact)|"
        r"mise en relation|(mets|met) en (relation|contact)|(vous|te) mette en (relation|contact)|je (vous|te) laisse)\b"),
    Cue("presento presentarte presentarle presentarles presentaros presentarlos presentarlas contacto conectarte conectarles dejo ponga pusiera "
        "presente presentemos pongamos",
        r"\b((te|les|os|los|las) presento|presentar(te|le|les|os|los|las)|poner(te|les|os) en contacto|pongo en contacto|"
        r"(os|les|te|los|las) (ponga|pusiera|pongo|puse) en contacto|"
        r"conectar(te|les|os)|(os|les) dejo|"
        # asked to: "me ha pedido que os presente", "quiere que les ponga en contacto"
        r"que (os|les|te|los|las) (presente|presentemos|ponga en contacto|pongamos en contacto))\b"),
    # "You two should meet" said outright, as people write it in each language: "creo que deberían
    # conocerse", "vous devriez vous rencontrer", "vocês precisam se conhecer", "dovreste conoscervi".
    # "ihr zwei solltet euch kennen", "Sie sollten sich kennenlernen"
    Cue("solltet solltest sollten", r"\b(solltet|solltest|sollten) (euch|sich|dich) (\w+ ){0,2}?(kennen|kennenlernen|treffen|austauschen)\b"),
    Cue("conocer conocerse conoceros conozcan rencontrer rencontriez connaitre parler conhecer conhecam conoscervi conoscere sentirvi",
        r"\b((deberian|deberiais|tienen que|teneis que|tenes que|tendrian que|deben|quiero que) (conocerse|conoceros|"
        r"se conozcan|os conozcais)|(os|se) (teneis|tienen|deberiais|deberian|tendriais|tendrian) que conocer|devriez vous (rencontrer|parler|connaitre)|"
        r"faut (absolument )?que vous vous (rencontriez|parliez|connaissiez)|"
        r"(precisam|deveriam|tem que|tinham que|devem) se conhecer|"
        r"(dovreste|dovete|dovevate) (conoscervi|sentirvi|parlarvi|incontrarvi))\b"),
    # That they have not met is why the writer writes: "¿y no os conocéis?", "ihr kennt euch noch nicht",
    # "vous ne vous connaissez pas encore", "you two don't know each other yet"
    Cue("conoceis conocen conozcais conozcan connaissez connaissiez kennt know knew met",
        r"\b(no (os|se) (conoceis|conocen|conozcais|conozcan)|(neither|none) of you (knew|know|knows|had met|have met)|(ne )?vous (ne )?vous (connaissez|connaissiez) pas|(ihr kennt euch|kennt euch|kennt ihr euch|sie kennen sich) (noch )?nicht|"
        r"(you two|you both|the two of you) (don't|do not) know each other|(you two|you both|the two of you) (haven't|have not|never) met)\b"),
    # Portuguese and Italian presentations: "te apresento", "vi presento", "vi metto in contatto",
    # "estou copiando a Mariana", "coloco vocês em contato".
    Cue("apresento apresentar presento presentare presentarvi contatto copiando contato",
        r"\b((te|lhe|vos|lhes|voces|os|as) apresento|apresentar (voces|os dois|as duas)|(vi|ti|le|vi due) presento|"
        r"presentar(vi|ti)|(vi|ti|la|lo) (metto|mettero) in contatto|metter(vi|ti) in contatto|"
        r"estou copiando|copiando (a|o) \w+|(coloco|colocando|pondo|ponho) (voces|vcs|os dois|as duas) em contato)\b"),
    # Copying the other person in: "je mets Rachid en copie", "te pongo en copia a Luis", "ich setze
    # Herrn Wolf in CC", "ho messo in copia Marco", "estou copiando"
    Cue("copie copia cc kopie copio sumo agrego incluyo anado",
        r"\b((je )?(mets|mis|ajoute|rajoute) en copie|(mets|mis|ajoute|rajoute) ([\w']+ ){1,6}?en copie|(te|vous) (mets|mis|ajoute|rajoute) en copie|(pongo|puse|anado) (a \w+ )?en copia|"
        r"(te|les|os|le) copio (a|con)|copio a|(sumo|agrego|incluyo|anado) a [a-z]|"
        r"(setze|nehme) (\w+ ){1,6}?in (cc|kopie)|(van|va|estan|esta) en copia|in (cc|kopie) (gesetzt|genommen)|(metto|ho messo) (\w+ ){0,2}in copia)\b"),
    Cue(_HANDOVER_TRIGGERS, _HANDOVER),
    # presenting a relative or friend by what they are to the writer: "voici ma nièce Chloé", "esta es mi
    # prima Lucía", "das ist meine Nichte Jana" (not "voici mon devis")
    Cue("voici voila este esta das hier", r"\b(voici|voila|este es|esta es|das ist|hier ist) (mon|ma|mes|notre|mi|mis|nuestro|nuestra|"
        r"mein|meine|unser|unsere) (\w+ )?(niece|neveu|fille|fils|soeur|frere|cousin|cousine|amie?|voisine?|collegue|associee?|"
        r"beau-frere|belle-soeur|belle-fille|gendre|mere|pere|tante|oncle|filleule?|sobrin[oa]|hij[oa]|herman[oa]|prim[oa]|amig[oa]|"
        r"vecin[oa]|compan[ea]r[oa]|cunad[oa]|tia|tio|madre|padre|nuera|yerno|ahijad[oa]|socia|socio|"
        r"nichte|neffe|tochter|sohn|schwester|bruder|cousine|freundin|freund|nachbarin|nachbar|kollegin|kollege|tante|onkel|"
        r"schwagerin|schwager|schwiegertochter|schwiegersohn|patenkind)\b"),
    # a referral in the clinical sense, said to the one who takes the person on: "os derivo a Rocío",
    # "le remito a la señora Gil", "te derivamos a un paciente nuestro"
    Cue("derivo derivamos remito remitimos", r"\b(te|os|le|les) (derivo|derivamos|remito|remitimos) a [a-z]"),
    # handing people themselves over: "te paso a mis dos salvavidas", "os paso a mi fontanero"
    Cue("paso", r"\b(te|os|le|les) paso a (mi|mis|un|una|dos|tres|estos|estas|la|el|los|las|nuestro|nuestra|nuestros)\b|"
                # "toni, te paso a julia que tiene que cambiar el cuadro" (not "te paso a buscar a las 5")
                r"\b(te|os|le|les) paso a (?!(buscar|recoger|ver|saludar|dejar|llamar|eso|esto|limpio|copia|cco|bcc|las|los|la|el)\b)[a-z]{3,}\b"),
    # Passing on a contact promised earlier: "as promised, here's the contact for", "wie versprochen
    # hier der Kontakt zu", "comme promis, voici les coordonnées", "como te prometí, te paso el contacto".
    Cue("promised versprochen promis prometi prometido promesso kontakt",
        r"\b(as promised|wie versprochen|comme promis|como (te |le |os |les )?(lo )?(prometi|prometido)|come promesso)\b"
        r"[^.!?]{0,80}\b(contact\w*|kontakt\w*|coordonnees|contacto|datos|details|number|nummer|numero|copying|"
        r"copiando|cc'?ing|copie|looping|adding|introduc\w*|presente|presento|apresento)\b|"
        r"\bhier (ist )?(der|die) kontakt(daten)? (zu|zum|zur|von|vom|fur)\b|"
        # "te paso los dos contactos que te prometí", "the two names I promised you", "les contacts promis"
        r"\b(contactos?|datos|nombres|contacts?|names|numbers|coordonnees) (que te (prometi|habia prometido)|"
        r"(that )?i promised( you)?|que je (t'|vous )(ai|avais) promis|promis)\b"),
)
# Phrases that only an introduction uses (as opposed to "you two" or "over to you").
STRONG_INTRO: tuple[Cue, ...] = (
    # copying the other one in, said to the one addressed: "je vous mets en copie Diag Atlantique", "ich habe dir
    # den Marek in CC gegeben"
    Cue("copie cc kopie copia", r"\bje (vous|te) (mets|ai mis) en copie\b|\b(le|la|les|los|las|te|os) (he|hemos) (puesto|dejado) en copia\b|\bje (t'ecris|vous ecris) avec (\S+ ){1,3}en copie\b|\b(habe|hab) (dir|ihnen|euch) (\S+ ){1,5}in (cc|kopie) (gegeben|gesetzt)\b"),
    Cue(_SPOKEN_OF_TRIGGERS, _PRESENTS_SPOKEN_OF),
    Cue(_HANDOVER_TRIGGERS, _HANDOVER),
    Cue("meet", _MEET + r" (dr\.? |mr\.? |ms\.? |mrs\.? )?[a-z]"),
    # "Te escribo para presentarte a una pareja", "je te présente une amie", "darf ich Ihnen Frau Ott vorstellen"
    Cue("presentarte presentarle presentarles presentaros presento presente vorstellen",
        r"\b(presentar(te|le|les|os)|(te|le|les|os) presento) a (una|un|mi|mis|la|el|los|las|dos|tres)\b|"
        r"\bje (te|vous) presente (un|une|mon|ma|mes|le|la|les|deux)\b|\bdarf ich (dir|ihnen|euch) (\S+ ){1,3}vorstellen\b"),
    # "linking you two re: the bathroom tile"
    Cue("linking link", r"\b(linking|link|hooking|hook) (you two|you both|the two of you|you up with)\b"),
    _GET_IN_TOUCH,
    Cue("introduce introducing introduced", r"(?<!for )\bintroduc(e|ing) (you|\w+ to)\b|"
        r"\b(i've|we've|i have|we have) (just )?introduced you to\b|"
        r"\b(writing|like|pleased|delighted|happy|glad|wanted|write) to introduce (?!you\b|myself\b|ourselves\b)\w+|"
        r"\bintroduc(e|ing) (you to )?(two|three|a few|some|several) (people|contacts|friends|colleagues|experts|professionals|specialists)\b"),
    # ("this is really kind of you", "here's the thing" present nobody)
    # (not the writer naming herself after a greeting: "Hello this is Grace (age 9) from number 4")
    Cue("this here's", r"(?<!hello )(?<!hi )(?<!hey )(?<!hello, )(?<!hi, )(?<!hey, )(?<!hallo )(?<!hola )(?<!bonjour )"
        r"\b(this is|here's) (?!(really|so|very|too|just|such|not|it|all|what|why|how|great|kind|"
        r"lovely|amazing|awesome|perfect|wonderful|fantastic|brilliant|helpful|super|exactly|about|because|for|"
        r"where|when|why|going|getting|to|from|thing|how)\b)\w+\b"),
    Cue("vorstellen presente presentons presento connecting pongo mets bekannt presenter presentarle", r"(?<!furs )(?<!fur das )(?<!fur's )\b(vorstellen|(je|nous) (te|vous) present(e|ons)|(te|les|os|los|las) presento|"
        r"(je me permets de|permettez-moi de|j'aimerais|je souhaite|je voudrais) (te|vous) presenter|"
        r"(permitame|permitanme|me permito) presentar(le|les)|"
        r"connecting you|(te|les|os) pongo en contacto|je (te|vous) mets en (relation|contact)|bekannt (zu )?machen)\b"),
)
SUBJECT_INTRO: tuple[Cue, ...] = (
    Cue("intro introduction introducing introductions meet connecting connect referral recommendation should must need "
        "derivacion remision",
        r"\b(intro|introduc\w*|meet|connect\w*|referral|recommendation|derivacion|remision)\b|"
        r"\b(should|must|need to) (talk|meet|connect|compare notes|swap notes|trade notes|know each other)\b"),
    Cue("vorstellung kennenlernen kontakt empfehlung relation presentation presentacion presento recommandation recomendacion "
        "conocerse conozcan rencontrer conocer know presente",
        r"\b(vorstellung|kennenlernen|kontakt|empfehlung|mise en relation|presentation|presentacion|presento|"
        r"(je |nous )?(vous|te) presente|"
        r"recommandation|recomendacion|tienen que conocerse|teneis que conoceros|deben conocerse|deberian conocerse|"
        r"os teneis que conocer|se tienen que conocer|"
        r"deberiais conoceros|devriez vous rencontrer|devriez vous connaitre|devez vous rencontrer|must meet|should meet|sollten sich kennenlernen|"
        r"should know each other|need to know each other)\b"),
)
_SUBJECT_ARROWS = re.compile(r"<>|<->|↔|⟷|<=>")

PERMISSION: tuple[Cue, ...] = (
    Cue("if", r"\b(ok|okay|alright|all right|would it be ok|is it ok|do you mind|would you mind|mind) if i "
              r"(introduce|connect|put|intro|share|pass|give)\b"),
    Cue("me", r"\b(would you like|do you want|want|would you want) me to (introduce|connect|put you in touch|make (an|the) intro)\b"),
    Cue("open interested up happy", r"\b(would you be|are you) (open|interested|up for|happy) (to|in) "
                                    r"(an? intro|being introduced|an introduction|meeting|connecting|talking)\b"),
    Cue("know", r"\blet me know if you('d| would)? (like|want) (an intro|me to introduce|to be introduced|"
                r"an introduction|to connect|me to connect)\b"),
    Cue("happy glad", r"\b(happy|glad) to (introduce|connect|make an intro)[^.!?]{0,60}\bif\b"),
    Cue("shall can", r"\b(shall i (introduce|connect)|can i (introduce|connect) you)"),
    Cue("soll hattest hatten ware darf", r"\b(soll ich (dich|euch|sie|ihnen)[^.!?]{0,60}vorstellen|hattest du interesse|"
                                         r"hatten sie interesse|ware es ok(ay)?,? wenn ich)"),
    Cue("veux-tu voulez-vous dit peux", r"\b(veux-tu que je|voulez-vous que je|ca te dit que je|est-ce que je peux (te|vous) (presenter|mettre))"),
    Cue("quieres quiere quieren parece gustaria", r"\b((quieres|quiere|quieren) que (te|le|les) (presente|ponga)|"
                                                  r"te parece (bien )?si te presento|te gustaria que te presente|"
                                                  r"(te|le|les|os) parece (bien )?(que|si) (te|le|les|os|los|las) (presente|presento|ponga|pongo))\b"),
)
# "May I introduce you to Dana?", "Darf ich Ihnen Sabine Wimmer vorstellen?": the polite way to make an
# introduction when both are on the email, and a request for permission when the other is not.
POLITE_PRESENT: tuple[Cue, ...] = (
    Cue("may", r"\bmay i (introduce|connect) you[^.!]{0,60}\?"),
    Cue("darf", r"\bdarf ich (dich|euch|sie|ihnen)[^.!]{0,60}vorstellen\?"),
)
PROMISE: tuple[Cue, ...] = (
    Cue("introduce connect touch intro loop",
        r"\b(i'll|i will|i'm going to|i am going to|i can|i could|will) (also )?(introduce|connect you|put you in touch|"
        r"make (an|the) intro|send (an|the|you an) intro|loop (you|him|her) in)\b"),
    Cue("werde", r"\b(ich werde|werde ich)[^.!?]{0,50}(vorstellen|verbinden|in kontakt bringen)\b"),
    Cue("presenterai mettrai vais", r"\bje (te|vous) (presenterai|mettrai en relation)\b|\bje vais (te|vous) (presenter|mettre en relation)\b"),
    Cue("presentare pondre voy", r"\b(te|les|os) (presentare|pondre en contacto)\b|\b(te|les|os) voy a (presentar|poner en contacto)\b"),
)
REPLY_TO_INTRO: tuple[Cue, ...] = (
    # "thanks for the intro", "thank you for connecting us" (not "thanks for the kind words about the site")
    Cue("thanks thank cheers", r"\b(thanks|thank you|many thanks|cheers)( so much| again)?,? (\w+,? )?for (the |this |your |making the |"
                               r"the kind |your kind )?(e-?intro\w*|intro\b|introduc\w*|connect\w*|referr\w*|recommendation|"
                               r"kind intro\w*|kind introduc\w*|sending (\w+ ){1,2}(my|our) way|putting (me|us) in touch|putting (me|us) onto|"
                               r"pointing (me|us) (to|towards)|steering (me|us) to)"),
    Cue("bcc bcc: copia cco", r"\b(moving|moved|move|bumping|bumped) (\w+ )?(you |him |her )?to bcc\b|\bto bcc\b|"
                             r"\b(te|le|os|les) (paso|pongo|muevo) (a|en) (copia oculta|cco|bcc)\b"),
    # a match made by a programme: "Thank you, Sunita, for another thoughtful match"
    Cue("thanks thank match pairing", r"\b(thanks|thank you)(,? \w+)?,? for (the|this|another|a|your) (\w+ )?(match|pairing)\b"),
    # (not "Lovely to meet you and Ben on Saturday": a meeting of the writer's own, in person)
    Cue("meet e-meet emeet", r"\b(great|nice|lovely|good|pleased|a pleasure|wonderful|delighted|glad|pleasure) to (e-?)?meet\b"
        r"(?! you (and (\w+ ){1,3}?)?(on|at|last|yesterday|earlier|this (morning|week)|the other day)\b)"),
    # (a name may come between: "Muchas gracias, Cata, por el contacto", "Danke, Jörg, für die Vorstellung")
    Cue("danke dank freut", r"\b(danke,?|(tausend|vielen|herzlichen|besten|lieben) dank) (dir |ihnen |euch |\w+,? |an (\S+ ){1,4}?)?fur die "
        r"(vorstellung|verbindung|einfuhrung|vermittlung|empfehlung)\b|\bfreut mich\b|"
        r"\b(danke|dank),? (\w+,? )?(dir |ihnen |euch )?(furs|fur das|fur's) (vorstellen|verbinden|vernetzen|zusammenbringen)\b"),
    # thanking the one who made the introduction for thinking of the writer: "Rocío, gracias de nuevo por
    # acordarte de nosotros", "merci d'avoir pensé à nous", "thanks for thinking of us", "danke, dass du an uns gedacht hast"
    Cue("nuevo vez encore again nochmals einmal",
        # (only thanked again: "thanks for thinking of us for the roles" also opens a fresh introduction)
        r"\b(gracias|mil gracias|muchas gracias) (de nuevo|otra vez) por (acordarte|acordaros|acordarse|pensar|haber pensado) (de|en) (nosotros|mi)\b|"
        r"\bmerci encore (d'avoir|pour avoir) pense a (nous|moi)\b|"
        r"\b(thanks|thank you) again for thinking of (us|me)\b|"
        r"\b(nochmals|noch einmal) (danke|vielen dank),? dass (du|sie|ihr) an (uns|mich) gedacht (hast|haben|habt)\b"),
    Cue("merci ravi ravie enchante enchantee", r"\b(merci,? (\w+,? )?pour (la mise en relation|le contact|la presentation)|"
                                               r"ravie? de (faire ta connaissance|vous connaitre)|enchantee?)\b"),
    # thanks for an introduction made earlier: "darte las gracias por presentarme a Marta", "merci encore de
    # m'avoir présenté Nadim", "danke, dass du mich mit Jonas bekannt gemacht hast"
    Cue("gracias presentarme presentarnos pasarme recomendarme mandarme m'avoir nous bekannt zusammengebracht vernetzt",
        r"\bgracias (\w+ ){0,3}?por (presentarme|presentarnos|ponerme en contacto|ponernos en contacto|pasarme|recomendarme|mandarme)\b|"
        r"\bmerci (\w+ ){0,3}?(de|pour) (m'|nous )avoir (presente|presentee|mis en relation|mise en relation|mis en contact|recommande)\b|"
        r"\bdank\w*,? (\w+,? )?dass (du|sie|ihr) (mich|uns) mit (\S+ ){1,3}?(bekannt gemacht|zusammengebracht|vernetzt|in kontakt gebracht)\b"),
    # the one copied is credited with an introduction already made: "since he kindly put us in touch",
    # "puisqu'il a eu la gentillesse de nous mettre en relation", "quien nos puso en contacto", "die uns
    # zusammengebracht hat"
    Cue("introduced touch connected kind gentillesse relation contact presentes puso pusieron presento presentaron "
        "zusammengebracht bekannt vorgestellt vermittelt",
        r"\b(who|since (he|she|they)|as (he|she|they)) (\w+ )?(introduced us|put us in touch|connected us)\b|"
        r"\b(was|were) kind enough to (introduce us|put us in touch|connect us)\b|"
        r"\bqui nous (a|avait) (mis|mise|mises|presentes|presentees) (en (relation|contact))?|"
        r"\b(a|avait) eu la gentillesse de nous (mettre en (relation|contact)|presenter)\b|"
        r"\b(que|quien|quienes) nos (puso|pusieron|presento|presentaron|habia presentado)\b|"
        r"\b(der|die) uns (\w+ )?(zusammengebracht|bekannt gemacht|vorgestellt|vermittelt) (hat|hatte)\b"),
    Cue("gracias encantado encantada placer gusto", r"\b(gracias,? (\w+,? )?por (la presentacion|presentarnos|el contacto|conectarnos)|"
                                              r"encantad[oa] de conocer|un placer conocer|un gusto conocer)"),
)
# Thanks said again, in a reply: "Dmitri, thank you again, I owe you a coffee", "Katharina, merci encore !",
# "Thank you, Mrs Whitcombe, for thinking of me": the introduced person answering in the thread.
THANKS_AGAIN: tuple[Cue, ...] = (
    Cue("thank thanks merci gracias danke dank",
        r"\b(thank you|thanks|merci|gracias|danke|vielen dank),? (\w+,? ){0,3}?(again|encore|de nuevo|otra vez|nochmal|nochmals)\b|"
        r"\b(thank you|thanks),? ((mr|mrs|ms|dr)\.? )?\w+,? for thinking of me\b"),
)
# Work handed to the one addressed, in the subject or the text: "Te paso unos clientes", "a job for you",
# "j'ai un client pour toi". With it, contact details in the text are a lead, whatever else the text says.
WORK_FOR_YOU: tuple[Cue, ...] = (
    Cue("paso mando envio clientes cliente lead referral client customer job jobs client clients chantier kunden auftrag room space capacity sending",
        r"\b(te|os|le|les) (paso|mando|envio) (un|una|unos|unas|dos|tres) (clientes?|trabajos?|encargos?|contactos? de clientes?)\b|"
        r"\b(a |another |new )?(lead|referral|client|customer|job) for you\b|\bj'ai (un|une|deux) (client|cliente|clients|chantier) pour (toi|vous)\b|"
        # "Sending you a borrower who needs a homeowners policy"
        # "Sending another move your way", "sending a job over to you"
        r"\bsending (another|a|an|one|two|this|more) (\w+ )?(your way|over to you)\b|"
        r"\bsending you (a|an|one|two|another|my) (\w+ )?(client|customer|borrower|buyer|seller|patient|student|family|"
        r"lead|referral|tenant|homeowner)s?\b|"
        # "Do you have room for one more client?"
        r"\b(room|space|capacity) for (one|another|a|two) (more |new )?(clients?|customers?|patients?|students?|families|family)\b|"
        r"\b(ich habe|hab) (einen|eine|zwei) (kunden|kundin|auftrag|auftrage) fur (dich|euch|sie)\b"),
)
# People who know each other already: "the three of us sat down", "you two closed more deals together".
# Without a strong introduction phrase, such mail is a get-together, not an introduction.
ALREADY_ACQUAINTED: tuple[Cue, ...] = (
    # they have met since: "how much she enjoyed your first meeting", "I'm delighted it went well" (not
    # "she enjoyed your call last week": the writer's principal, before introducing)
    Cue("enjoyed went", r"\b(enjoyed|loved) (your|their|the) (first|initial) (meeting|call|chat|conversation|session|consultation)\b|"
                        r"\b(delighted|glad|pleased|happy|thrilled) (that )?(it|the meeting|the call|your meeting) went (so )?well\b"),
    Cue("three four together",
        r"\b((?<!sometime, )(?<!sometime )(?<!together, )the (three|four) of us(?!\s*\?)|"
        r"(you two|you both|the two of you) (closed|worked|did|built|finished|ran|sold) (\w+ ){0,4}together)\b"),
)
# The addressee's own details given to someone: "gave your # to Luis", "I passed him your number", "j'ai filé
# ton numéro à Mme Diop", "le di tu número", "ich habe ihr deine Nummer gegeben". Always a lead, whatever the
# person's own trade.
GAVE_YOURS: tuple[Cue, ...] = (
    Cue("gave given passed sent shared forwarded handed",
        r"\b(gave|given|passed|sent|shared|forwarded|handed) (out |on )?(\w+ )?(him|her|them|\w+)? ?your "
        r"(#|(number|num|digits|details|contact|email|info|card|name)\b)"),
    Cue("donne transmis file refile passe",
        r"\b(ai|j'ai) (donne|transmis|file|refile|passe) (ton|votre) (numero|contact|06|mail|portable|adresse|nom)\b"),
    Cue("di pase", r"\b(le|les) (di|pase) tu (numero|contacto|telefono|correo)\b"),
    # the one addressed spoken of to the contact: "told her about you", "le hablé de ti", "je lui ai parlé de vous"
    Cue("told hable hablado conte comente parle erzahlt",
        r"\b(told|tell) (him|her|them) (all )?about you\b|\b(le|les) (hable|he hablado|conte|comente) de (ti|usted|vosotros|ustedes)\b|"
        r"\bje (lui|leur) ai parle de (toi|vous|ton|ta|tes|votre|vos)\b|\b(habe|hab) (ihm|ihr|ihnen) von (dir|ihnen|euch) erzahlt\b"),
    Cue("gegeben weitergegeben geschickt",
        r"\b(deine|ihre) (nummer|kontaktdaten|e-mail|adresse|handynummer) (gegeben|weitergegeben|geschickt)\b"),
)
LEAD: tuple[Cue, ...] = (
    *GAVE_YOURS,
    # the person to contact named as such: "Ansprechpartner ist Herr Frey", "Bitte wenden Sie sich direkt an",
    # "adressez-vous directement à", "diríjase a", "your contact there is"
    Cue("ansprechpartner ansprechpartnerin wenden adressez-vous dirijase dirigete contact",
        r"\b(ansprechpartner(in)? (ist|sind|dort ist)|wenden sie sich (bitte )?(direkt |gerne )?an|adressez-vous (directement )?a|"
        r"dirijase (directamente )?a|dirigete (directamente )?a|your contact (there |person )?(is|will be))\b"),
    # a number given as such: "Cell is 773-555-0142", "Son portable : 06 55 ...", "Handy: 0171 ..."
    Cue("cell mobile phone tel portable movil celular handy natel numero nummer telefono telefon telephone",
        r"(?<!\bmy )(?<!\bmon )(?<!\bmi )(?<!\bmeine )\b(cell|mobile|phone|tel|portable|movil|celular|handy|natel|numero|"
        r"nummer|telefono|telefon|telephone)\s?(is|:|es|est|ist)\s*\+?\(?\d"),
    Cue("is ist est es gsm", r"\b(her|his|their) (cell|mobile|number|phone|phone number|email|e-mail|email address|"
        r"e-mail address|address) is\b|"
        r"\b(ihre|seine) (nummer|handynummer|telefonnummer|handy|e-mail|mail|adresse) (ist|lautet)\b|"
        r"\b(son|sa|leur) (numero|portable|telephone|gsm|mail|e-mail|adresse) ?(est|c'est|:)|"
        r"\bsu (numero|telefono|movil|celular|cel|whatsapp|correo|email|mail) es\b|"
        # "mom's email is paula.greene@...", "her dad's number is 555-0131"
        r"\b\w+'s (email|e-mail|number|cell|phone|mobile) (is|:)"),
    Cue("erreichbar", r"\b(ist|sind) (\S+ ){0,6}erreichbar\b|\berreichbar unter\b"),
    # "I said I'd pass her details along", "sharing his number with you", "te paso sus datos" (below)
    Cue("pass passing send sending share sharing giving give", r"\b(pass|passing|send|sending|share|sharing|(giving|give) you) (along |on )?(her|his|their) "
        r"(details|info|contact info|contact details|number|cell|email|information|contact)( along| on| to you| with you)?\b"),
    Cue("below above attached", r"\b(his|her|their) (details|info|contact info|contact details|number|email|cell|phone|address) "
                                r"(is |are )?(below|above|attached)\b|\b(details|contact (info|details)) below\b"),
    # work passed on that the writer cannot take: "I've had an enquiry I can't take on", "ich habe einen
    # Tipp für dich, den wir selbst nicht übernehmen können", "un contrat que je ne peux pas prendre"
    Cue("enquiry inquiry tipp auftrag empfehlung anfrage kunden interessenten demande contrat encargo pedido trabajo",
        r"\b(an? )?(enquiry|inquiry|request|job|project|gig) (that )?(i|we) (can't|cannot|couldn't|won't be able to) "
        r"(take on|take|do|fit in|handle)\b|\b(ich habe|ich hab|hab) (einen|ein|eine) (tipp|auftrag|anfrage|empfehlung|kunden|kundin|interessenten) fur (dich|euch|sie)\b|"
        r"\b(tipp|auftrag|anfrage)\w*,? (den|die|das) (wir|ich) (selbst )?nicht (ubernehmen|machen|annehmen)\b|"
        r"\b(une demande|un contrat|un chantier|un projet) (que|qu')(je|nous|on) ne (peux|pouvons|peut) pas (prendre|faire|accepter)\b|"
        r"\b(un encargo|un pedido|un trabajo|un proyecto) que no (puedo|podemos) (tomar|hacer|aceptar)\b"),
    # the contact named and the provider asked to go: "mein Vati heißt Gerd Schubert ... können Sie da mal
    # vorbeigucken", "Si heisst Vanessa Rüegg ... Ich ha ihre gseit du meldisch dich", "Pourriez-vous passer le voir ?"
    Cue("heisst konnen konnten kannst meldisch melden pourriez pouvez pourrais peux pourriez-vous pouvez-vous pourrais-tu peux-tu",
        r"\b(er|sie|si|es|mein \w+|meine \w+) heisst\b|"
        r"\b(konnen|konnten|kannst|konntest) (sie|du) (da |dort |bei (ihm|ihr|ihnen) )?(mal |bitte |vielleicht )?"
        r"(vorbeischauen|vorbeigucken|vorbeikommen|vorbeigehen|vorbeifahren|hinfahren)\b|"
        r"\b(ich habe|ich hab|ich ha) (ihr|ihm|ihnen|ihre|em) (gesagt|gseit),? (dass )?(du|sie) (dich|sich) (meldest|meldisch|melden)\b|"
        r"\b(pourriez|pouvez|pourrais|peux)[- ](vous|tu) (passer|aller) (le|la|les|lui) (voir|rendre visite)\b"),
    # "de vous transmettre les coordonnées d'une locataire", "je te passe ses coordonnées"
    Cue("transmettre transmets envoie envoyer passe passer communique communiquer coordonnees",
        r"\b(vous|te) (transmets|transmettre|envoie|envoyer|passe|passer|communique|communiquer) (les|ses|leurs) coordonnees\b"),
    # "I'm referring a family to your after-school program", "je vous adresse une patiente", "le derivo a una paciente"
    Cue("referring refer adresse adressons envoie envoyons oriente orientons derivo remito uberweise",
        r"\b(i'm|i am|we're|we are) referring (a|an|this|the|one of our|one of my) (\w+ )?(family|client|patient|student|customer|couple|"
        r"parent|tenant|member|homeowner|friend)\b|"
        # ("le Dr Lenoir vous adresse cette famille": whoever refers)
        r"\bvous (adresse|adressons|envoie|envoyons|oriente|orientons) (un|une|mon|ma|cette|ce|notre|nos|(l')?une? de (nos|mes)) (\w+ )?"
        r"(patient|patiente|patients|patientes|client|cliente|clients|clientes|famille|familles|eleve|eleves|enfant|jeune)\b|"
        r"\b(le|les) (derivo|remito|envio) (a )?(un|una) (paciente|cliente|familia|alumno|alumna)\b"),
    # "schreib ihm einfach auf WhatsApp: 0151 ...", "écris-lui sur WhatsApp", "escríbele por WhatsApp", "text him on"
    Cue("schreib ruf whatsapp ecris-lui escribele llamale llamalo llamala text",
        r"\b(schreib|schreiben sie|ruf|rufen sie) (ihm|ihr|ihnen) (einfach |gerne |doch )?(auf whatsapp|eine nachricht|an)\b|"
        r"\b(ecris-lui|ecrivez-lui|appelle-le|appelle-la) (sur whatsapp|au)\b|\b(escribele|llamale|llamalo|llamala) (por|al)\b|"
        r"\b(text|whatsapp|message) (him|her|them) (on|at)\b"),
    # "Please contact Liza: liza@..., 0491 ...", "A referral from our parish"
    Cue("contact call email ring phone referral", r"\bplease (contact|call|email|ring|phone) \w+( \w+)?(:|,| at\b| on\b)|\ba referral from (our|my|the)\b|"
        # "Please contact Dr. Wallace directly to schedule"
        r"\bplease (contact|call|email|ring|phone|reach out to) (\S+ ){1,3}?directly\b"),
    # the contact named with the details: "Her name is Dorothy Evans, dot.evans@...", "Name is Harpreet Gill"
    Cue("name tenant client customer homeowner buyer seller patient owner referral lead contact",
        r"(?<!\bmy )(?<!\bour )\b((her|his|their|the customer's|the client's|customer's|client's) )?name'?s? is\b|"
        r"^(the )?(tenant|client|customer|homeowner|buyer|seller|patient|owner|contact)('s name)? is\b|"
        # a labelled details block: "Homeowner: Pilar Gutierrez", "Client: ..."
        r"(^|(?<=[.!?:] )|(?<=[.!?:]  ))(tenant|client|customer|homeowner|buyer|seller|patient|owner|referral|lead)( name)? ?: [a-z]|(?:(?<=[.!?:] )|(?<=[.!?:]  ))(the )?(tenant|client|customer|homeowner|buyer|seller|patient|owner)('s name)? is\b"),
    # asked to take the work: "can you take this one", "can you get someone out today"
    Cue("take fit get send", r"\b(can|could) you (take|fit) (this|it|her|him|them)( one| job)?( on| in)?\b|"
        r"\b(can|could) you (get|send) (someone|somebody|a tech|a guy|one of your (guys|lads|team|techs)) (out|over|round|around)\b"),
    Cue("lead referral client customer job one prospect two three both couple leads referrals",
        r"\b(a |another |new )?(lead|referral|client|customer|job|one|prospect) for you\b|"
        r"\b(two|three|both|a couple|a few) (more |new )?(leads |referrals |clients |customers |jobs )?for you\b|"
        r"\b(both|they|she|he) (know|knows) you'?(ll| will) (be in touch|call|reach out|get in touch)\b"),
    # "Sie erreichen ihn unter 044 ...", "you can reach her on 0412 ...", "vous pouvez la joindre au 06 ..."
    Cue("erreichen erreichst reach joindre localizar llamarla llamarlo call ring phone text",
        r"\b(sie erreichen|du erreichst|erreichen sie) (ihn|sie)\b|\b(you can |you'll )?reach (him|her|them) (at|on)\b|"
        r"\b(vous pouvez|tu peux) (le|la|les) joindre\b|\b(le|la) joindre au\b|\b(lo|la) (puedes|puede) (localizar|llamar) al\b|"
        r"\bpuedes (llamarla|llamarlo) al\b|"
        # "You may reach Mrs. Stokes at (802) 555-0187", "please call Mr Okafor on 0412 ..."
        r"\b(you (may|can|could)|please|feel free to) (reach|call|ring|phone|text) (\S+ ){1,3}?(at|on) \(?\+?\d"),
    # the writer told the contact the provider would call: "told him you'd phone him", "I said I would pass her
    # details to you and that you would ring her", "le he dicho que usted la llamaría", "je lui ai dit que vous
    # l'appelleriez", "ich habe ihr gesagt, dass Sie sie anrufen", "le puedes marcar"
    Cue("told said dicho dije dit gesagt marcar pass passing send sending attend attendent espera esperan wartet warten "
        "tell waiting expecting recomende recomendado contestar responder",
        r"\b(told|said to) (him|her|them) (that )?you('d| would| will|'ll) (phone|call|ring|contact|text|email|be in touch)\b|"
        r"\b(i )?said (that )?i would pass (his|her|their) (details|number|name) (on )?to you\b|"
        r"\bi said you (might|would|'d|will|could|can) (ring|call|phone|contact|text|email|get in touch with) (her|him|them)\b|"
        r"\b(pass|passing|send|sending) on the (contact )?details of\b|"
        r"\b(attend|attendent) (votre|ton) (appel|courriel|message)\b|\b(espera|esperan) (tu|su) (llamada|correo|mensaje)\b|"
        r"\b(wartet|warten) auf (deinen|ihren|einen) (anruf|rückruf|ruckruf)\b|"
        r"\b(le|les) (he dicho|dije) (que|q) (usted |tu )?(la|lo|le|los|las) (llamaria|llamarias|llamabas|llamaba|llamarias hoy|contactaria|contactarias)\b|"
        r"\b(le|la|lo|les) (puedes|puede|podrias|podria) (marcar|llamar|escribir|contestar|responder)\b|"
        r"\bje (lui|leur) ai dit que (vous|tu) (l'|les )?(appelleriez|appellerais|contacteriez|contacterais)\b|"
        r"\bje (lui|leur) ai dit que (vous|tu) (prendriez|prendrais|prendrez|prendras) contact\b|"
        # "Told her you're the guy", "told him you were the best in town"
        r"\b(told|tell) (him|her|them) (that )?(you're|you are|you were|youre|ur|u r|you r) the (guy|one|person|man|woman|lady|best|expert)\b|"
        # "he's waiting on u", "she's expecting your call" (below), "te la recomendé", "je lui ai parlé de toi"
        r"\b(he's|she's|they're|he is|she is|they are) (waiting|expecting) (on|for) (you|u|your call|ur call)\b|"
        # "I said you walked my parents through it last year": the contact was told about the provider
        r"\bi (said|told (him|her|them)) (that )?(you|u) (walked|helped|did|sorted|fixed|handled|looked after|took care of|"
        r"are|were|'re|would|'d|could|can|know)\b|"
        r"\b(te|le) (la|lo|los|las) (recomende|he recomendado)\b|"
        r"\b(ich )?(habe|hab) (ihr|ihm|ihnen) gesagt,? (dass )?(sie|du) (sie|ihn|sich) (anrufen|anrufst|melden|meldest)\b"),
    # "tu peux lui répondre directement", "you can reply to her directly", "puedes responderle directamente",
    # "du kannst ihr direkt antworten": the one addressed answers someone who is not on the email
    Cue("repondre ecrire reply respond write responderle escribirle contestarle antworten schreiben",
        r"\b(tu peux|vous pouvez|peux-tu|pouvez-vous|tu pourras|vous pourrez) (lui|leur) (repondre|ecrire|telephoner)\b|"
        r"\b(you can|can you|please) (reply|respond|write) (to )?(her|him|them) directly\b|"
        r"\b(puedes|podes|puede|podeis) (responderle|escribirle|contestarle|responderles|escribirles)\b|"
        r"\b(kannst du|du kannst|konnen sie|sie konnen) (ihr|ihm|ihnen) (direkt |gerne )?(antworten|schreiben)\b"),
    # "She's fine with you contacting her directly", "er freut sich über deinen Anruf"
    Cue("fine happy ok okay", r"\b(fine|happy|ok|okay) (with|for) you (contacting|to contact|calling|to call|emailing|to email|"
        r"texting|reaching out to|getting in touch with) (her|him|them)\b"),
    Cue("expecting expects expect waiting", r"\b(expecting|expects|expect|waiting for) (to hear from you|your (call|email|text|message)|"
                                            r"a (call|text|email|message) from you|a (call|text|email))\b"),
    Cue("call contact reach email text ring touch", r"\b(can|could|would|will) you (please )?(be able to )?(call|contact|reach out to|"
        r"email|text|get in touch with|ring|give \w+ a call)\b"),
    Cue("call text email contact reach touch ring", r"\b(will|'ll|(is|are|'s|'re) going to) (probably |likely )?(be )?(call|text|email|contact|reach out to|"
                                                    r"get in touch with|ring) you\b|\b(reach out|call|contact|get in touch with|text|email) "
                                                    r"(to )?(him|her|them)\b|\bgive (him|her|them) a (call|ring|shout|bell|buzz)\b"),
    Cue("reenvio reenvio transfere transmets weiter weitergeleitet", r"\b((te|le|se) (lo |la |los |las )?reenvio|je (te|vous) (la |le |les )?transfere|"
        r"ich leite (dir|ihnen)|leite (dir|ihnen) \w+ weiter|weitergeleitet)\b"),
    Cue("forwarding forward way over reach said", r"\b(forwarding (this|her|his|their)|forward (this|it) (on |along )?to you|send(ing)? (him|her|them) (your way|over)|"
                                     r"said you'?d (reach out|call|be in touch))\b"),
    Cue("paso datos llamara llamarias llamala llamalo", r"\b(te paso (el|los|su|sus|dos|tres|unos|estos|un) (contactos?|datos)|sus datos|te llamara|"
                                                        r"(la|lo|le) llamarias|llamal[oa])\b"),
    Cue("horen erzahlt appel nouvelles llamada freuen freut", r"\b((freut sich|wartet)( darauf)?,? von (dir|ihnen) zu horen|"
        # "Sie würde sich sehr über Ihren Anruf oder eine E-Mail freuen"
        r"(freut|freuen|wurde|wurden) sich (\w+ ){0,2}?(uber|auf) (ihren|deinen|einen|euren) (anruf|ruckruf|e-mail|mail|nachricht)|"
        r"(ihr|ihm) von (dir|ihnen) erzahlt|(il|elle) attend (ton|votre) appel|attend de (tes|vos) nouvelles|"
        r"espera (tu|su) llamada)\b"),
    # Someone of the writer's needs the provider's trade: "a client of ours needs an electrician",
    # "ein Kunde von uns braucht einen Elektriker", "une amie cherche un notaire", "un vecino necesita
    # un fontanero"; and the provider is sent to them: "melde dich direkt bei ihm", "contactez-la directement".
    Cue("needs looking braucht sucht besoin cherche necesita busca",
        r"\b(a|my|our|one of (my|our)) (client|customer|friend|neighbou?r|colleague|member|contact|tenant)s?( of (mine|ours))?,? "
        r"((who|that) (really |badly |urgently |desperately )?)?(needs|is looking for|wants|is after)\b|"
        r"\b(ein|eine|einer|mein|meine|unser|unsere) (kunde|kundin|kunden|freund|freundin|nachbar|nachbarin|bekannter|bekannte|kollege|kollegin|"
        r"mandant|mandantin|mieter|mieterin)( von (mir|uns)| meiner| unserer)? (braucht|sucht|benotigt)\b|"
        r"\b(un|une|mon|ma|notre) (client|cliente|ami|amie|voisin|voisine|collegue|connaissance)( a (moi|nous)| de (mes|nos) amis)?(, [^,.!?]{1,40},)? "
        r"(a besoin|cherche|recherche)\b|"
        r"\b(un|una|mi|nuestro|nuestra) (cliente|clienta|amigo|amiga|vecino|vecina|colega|conocido|conocida)( mio| mia| nuestro| nuestra)?(, [^,.!?]{1,40},)? "
        r"(necesita|busca|anda buscando)\b"),
    Cue("melde meldet melden contactez contacte contactale escribele llamale directement direkt directamente",
        r"\b(melde dich|melden sie sich|meld dich) (doch )?(bitte )?(gern |gerne )?(direkt )?bei (ihm|ihr|ihnen)\b|"
        r"\b(contactez|contacte|appelez|appelle|ecrivez|ecris)-(le|la|les|lui|leur) (directement|de ma part)\b|"
        r"\b(contactale|contactalo|contactala|escribele|llamale|contactadle|escribidle|llamadle) (directamente|de mi parte)\b"),
    # "ich habe eine Umzugsanfrage für Sie", "j'ai une demande pour vous", "tengo un encargo para ti";
    # "Frau Kühn erwartet Ihren Anruf"; a bare details label ("Kontakt:", "Contact :", "Datos de contacto:")
    Cue("anfrage auftrag kunde kundin interessent demande client cliente encargo trabajo anruf rueckruf kontakt contact contacto said told",
        r"\b(eine|einen|ein) \w*(anfrage|auftrag|kunde|kundin|interessent|interessentin) (fur|an) (sie|dich|euch)\b|"
        r"\b(une|un) (demande|client|cliente|chantier|dossier) pour (vous|toi)\b|"
        r"\b(un|una) (encargo|trabajo|cliente|clienta|pedido|presupuesto) para (ti|usted|vosotros|ustedes)\b|"
        r"\b(erwartet|erwarten|wartet auf|freut sich auf) (ihren|deinen|euren) (anruf|ruckruf)\b|"
        r"(^|\s)(kontakt|kontaktdaten|contact|coordonnees|contacto|datos de contacto) ?: |"
        # "I said you'd call. Details:" (a details block of its own, after the words that pass it on)
        r"\b(said|told (him|her|them)) you'?d (call|ring|phone|be in touch|reach out)[^:]{0,40}\bdetails ?:"),
    # passing the contact on: "te adjunto el contacto de Javiera", "os paso su móvil", "I'm passing
    # hers to you", "she asked for your info", "te copio lo que me mandó por WhatsApp", "ella sabe que la
    # vas a llamar", "je te copie son message"
    Cue("adjunto paso passing pass asked copio copie sabe saben",
        r"\b(te|le|os|les) adjunto (el contacto|los datos|sus datos|su tarjeta|su vcard|la vcard)\b|"
        r"\b(te|os|le|les) paso su (movil|numero|telefono|celular|correo|mail|contacto|whatsapp|email)\b|"
        r"\b(passing|pass|passed) (his|hers|theirs|her details|his details|her info|his info|her number|his number) "
        r"(on |along )?to you\b|\basked (me )?for your (info|number|details|contact|email)\b|"
        r"\b(te|le|os|les) (copio|reenvio|paso) (lo que|el mensaje|su mensaje|el audio)\b|"
        r"\bje (te|vous) (copie|transfere|colle) (son message|ce qu'(il|elle) m'a)\b|"
        r"\b(sabe|saben) que (la|lo|le|les) (vas|va|van|vais) a (llamar|escribir|contactar)\b"),
    # "le paso el contacto de mi vecino", "card attached", "he's happy for you to reach out", "anbei eine
    # Anfrage", "übernehmen Sie das direkt", "ist abends unter 555-0125 erreichbar"
    Cue("paso attached happy anbei unten ubernehmen ubernimm erreichbar",
        r"\b(le|les|os) paso (el|los|su|sus) (contacto|contactos|datos)\b|\b(contact )?card (is )?attached\b|"
        r"\bhappy for you to (reach out|call|contact|email|get in touch)\b|"
        r"\b(anbei|unten|nachstehend) (eine|die|seine|ihre) anfrage\b|\b(ubernehmen sie|ubernimm) (das|die anfrage) "
        r"(bitte )?(direkt|gern)\b|\bist (\S+ ){1,6}?erreichbar\b"),
    # "Magst du dich bei ihm melden?", "can you squeeze her in?", "could you fit him in this week?"
    Cue("magst kannst konntest willst squeeze fit slot",
        r"\b(magst|kannst|konntest|willst) du dich (\w+ )?(bei (ihm|ihr|ihnen)|da|dort) (mal )?melden\b|"
        r"\b(konnen|konnten) sie sich (\w+ )?(bei (ihm|ihr|ihnen)|da|dort) (mal )?melden\b|"
        r"\b(can|could) you (please )?(squeeze|fit|slot|get) (her|him|them) in\b"),
    # "bitte ruft ihn an", "er weiß Bescheid, dass Sie sich melden"
    Cue("gebe kontaktdaten meldet ruf ruft rufen bescheid",
        r"\b(ich gebe (dir|ihnen) (die|ihre|seine)|kontaktdaten|meldet sich (bei dir|bei ihnen)|"
        r"(ruf|ruft|rufen sie) (sie|ihn) (bitte |einfach |doch |gerne |mal )?an|"
        r"(weiss|weiß|wissen) (schon )?bescheid,? dass (sie|du|ihr) (sich|dich|euch) (\w+ )?melde)"),
    Cue("transmets coordonnees appeler appelle-la appelle-le", r"\b(je te transmets|ses coordonnees|(il|elle) va (t'|vous )appeler|appelle-(la|le))\b"),
    # "tu peux l'appeler ?", "pourriez-vous la contacter", "¿la puedes llamar?", "kannst du sie anrufen"
    Cue("appeler contacter rappeler l'appeler llamar llamarla llamarlo contactarla contactarlo anrufen kontaktieren",
        r"\b(tu peux|peux-tu|pourrais-tu|tu pourrais|vous pouvez|pouvez-vous|pourriez-vous|vous pourriez) "
        r"(l'|la |le |les )(appeler|contacter|rappeler)\b|"
        r"\b(la|lo|le) (puedes|podrias|podes|puede|podria) (llamar|contactar)\b|\b(puedes|podrias|podes|puede|podria) "
        r"(llamarla|llamarlo|llamarle|contactarla|contactarlo)\b|"
        r"\b(kannst du|konnen sie|konntest du|konnten sie) (sie|ihn) (\w+ ){0,5}?(anrufen|kontaktieren|zuruckrufen)\b"),
    # Phone-only leads and passed-on voicemails: "pls call Jim at 555-0142, tell him I sent you",
    # "Llamadla, por favor, al 612...", "Bitte rufen Sie Herrn Kaiser unter ... zurück", "Voicemail
    # from ...", "Message vocal de ...", "je vous transmets ce message".
    Cue("call ring phone text tell sent voicemail pass passing help",
        r"\b((pls|please|plz|pl) )?(call|ring|phone|text) (\w+,? ){0,3}(at |on )?\(?\+?\d|"
        # "can u help her?", "could you help him out": the one addressed asked to take on someone not on the email
        r"\b(can|could|would) (you|u) (please |pls )?help (her|him|them)( out)?\b|"
        r"\btell (him|her|them) (that )?i sent you|\b(say|mention) (that )?i sent you|"
        r"\bvoice ?mail (below|attached|from|transcript)|\b(pass|passing|passed) (it|this|this one) (on |along )?to you\b"),
    Cue("llamadla llamadlo llamadle llamenla llamenlo llamela llamelo llamala llamalo llamen llamad",
        r"\b(llamad(la|lo|le|los)|llamen(la|lo|le)|llame(la|lo|le)|llama(la|lo|le)|llamen|llamad)\b[^.!?]{0,40}\d"),
    Cue("zuruck ruckruf ruckrufbitte anrufen rufen ruf",
        r"\b(rufen sie|ruf|bitte (\w+ )?rufen sie) (\w+ ){0,8}?(zuruck|an)\b|\bruckrufbitte\b|\bbittet um (einen )?ruckruf\b"),
    Cue("vocal transmets rappeler rappelez-la rappelez-le rappelle",
        r"\bmessage vocal\b|\bje (vous|te) transmets (ce|son|le|un) (message|appel)|\brappelez-(la|le|les)\b|"
        r"\b(la|le|les) rappeler (au|a ce|sur)\b"),
    # "Ich habe ihr Ihren Betrieb empfohlen", "I recommended you to her", "je lui ai recommandé votre
    # entreprise", "le recomendé vuestra empresa": the writer sent someone this way
    Cue("empfohlen genannt recommended recommande recommend recomende",
        r"\b(ich habe|hab|habe) (ihr|ihm|ihnen) (dich|sie|ihren|deinen|euren|ihre|deine|eure|euch) (\w+ )?(empfohlen|genannt)\b|"
        r"\bi (recommended|suggested) you to (him|her|them)\b|\bje (lui|leur) ai (recommande|conseille) (votre|ton|ta|vos|tes|vous|toi)\b|"
        r"\b(le|les) (recomende|he recomendado) (vuestra|vuestro|su|tu|a vosotros|a usted)\b"),
    Cue("reenvio reenvie reenviando", r"\b(os|les) (reenvio|reenvie)\b|\breenvi(o|e) (el|su) (correo|mensaje|mail|email)\b"),
    # The writer promised the contact a call back: "I told him you'd reach out", "ich habe ihr gesagt,
    # dass du dich meldest", "je lui ai dit que vous la contacteriez", "le dije que la llamarías".
    Cue("told tell gesagt dit dije dijimos sabe saben",
        r"\b(told|tell) (him|her|them) (that )?you'?(d|'ll| would| will) (reach out|call|contact|get in touch|"
        r"be in touch|ring|email|text)\b|"
        r"\b(ihr|ihm|ihnen) gesagt,? dass (du|sie) (dich|sich) (bei (ihr|ihm|ihnen) )?melde(st|n|t)\b|"
        r"\b(lui|leur) ai dit que (vous|tu) (la |le |les |l')?(contacteriez|appelleriez|rappelleriez|"
        r"contacterais|appellerais|rappellerais)\b|"
        r"\b(le|les) (he )?dij(e|imos) que (la |lo |le |los |las )?(llamarias|llamaria|contactarias|contactaria|"
        r"llamariais|escribirias)\b|\b(ya )?(sabe|saben) que (la |lo |le |les |los |las )?(llamaras|contactaras|"
        r"escribiras)\b"),
    # Handing over someone's details: "Voici les coordonnées de Mme X", "here are her details",
    # "aquí tienes los datos de", "hier sind ihre Kontaktdaten"; "merci de la contacter de ma part".
    Cue("voici voila here below coordonnees details aqui datos kontaktdaten contacter appeler rappeler",
        r"\b(voici|voila|ci-dessous) (les |ses |leurs )?coordonnees\b|\b(here are|below are) (his|her|their) "
        r"(contact )?details\b|\baqui (tienes|tiene|teneis|van|estan) (los |sus )?datos\b|"
        r"\bhier (sind )?(ihre|seine|die) kontaktdaten\b|\bmerci de (la |le |les |l')(contacter|appeler|rappeler)\b|"
        r"\b(contacter|appeler|rappeler) de ma part\b"),
    # Asking for a call to a named person at a number: "pouvez-vous rappeler M. X au 06 ...",
    # "llama a Don X al 600 ...", "call Mrs. X on 07...".
    Cue("rappeler appeler rappelez appelez rappelle appelle llama llame llamad llamen llamar",
        r"\b(rappeler|appeler|rappelez|appelez|rappelle|appelle) ([\w.'-]+ ){1,3}(au|sur le) \+?\(?\d|"
        r"\b(llama|llame|llamad|llamen|llamar) a ([\w.'-]+ ){1,3}(al )?\+?\(?\d"),
    # a details block: "Her details:", "Hier seine Kontaktdaten:", "Ses coordonnées :", "Sus datos:"
    Cue("details contact info kontaktdaten daten coordonnees datos",
        r"\b(his|her|their|ihre|seine|ses|leurs|sus) (details|contact details|contact info|info|kontaktdaten|daten|"
        r"coordonnees|datos|datos de contacto) ?:"),
)
INTRO_CLOSINGS = ("take it from here", "let you", "leave", "over to you", "je vous laisse", "je te laisse", "os dejo", "les dejo")
INTRO_ACTS = ("meet", "introduc", "this is", "here", "vorstell", "je te presente", "je vous presente", "te presento",
              "les presento", "adding", "copying", "loop", "copied here", "copied in", "cc'd here", "cced here")


def _index(cues: tuple[Cue, ...]) -> CueIndex:
    return CueIndex(tuple((c,) for c in cues))


_INDEXES: dict[int, CueIndex] = {}


def triggered(cues: tuple[Cue, ...], toks: Tokens) -> list[Cue]:
    """The cues of a group whose trigger words occur in the text."""
    index = _INDEXES.get(id(cues))
    if index is None:
        index = _INDEXES[id(cues)] = _index(cues)
    return [item[0] for item in index.triggered(toks)]


def any_cue(cues: tuple[Cue, ...], toks: Tokens) -> bool:
    return any(c.search(toks) is not None for c in triggered(cues, toks))


def count_cues(cues: tuple[Cue, ...], toks: Tokens) -> int:
    return sum(c.count(toks) for c in triggered(cues, toks))


def subject_is_intro(toks: Tokens, subject: str) -> bool:
    return any_cue(SUBJECT_INTRO, toks) or bool(_SUBJECT_ARROWS.search(subject))


def promise_only(toks: Tokens) -> bool:
    """An introduction promised for later ("I'll introduce you to Dana once...") and none made now."""
    spans = [(m.start(), m.end()) for c in triggered(PROMISE, toks) for m in c.finditer(toks)]
    if not spans:
        return False
    for cue in triggered(INTRO, toks):
        for m in cue.finditer(toks):
            if any(s - 20 <= m.start() <= e for s, e in spans):
                continue
            if m.group().startswith(INTRO_CLOSINGS) or m.group().startswith(INTRO_ACTS):
                return False
    return True


__all__ = ["ALREADY_ACQUAINTED", "GAVE_YOURS", "THANKS_AGAIN", "WORK_FOR_YOU", "INTRO", "STRONG_INTRO", "SUBJECT_INTRO", "PERMISSION", "POLITE_PRESENT", "PROMISE", "REPLY_TO_INTRO", "LEAD",
           "subject_is_intro", "promise_only", "any_cue", "count_cues"]
