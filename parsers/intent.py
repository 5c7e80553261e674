"""What a message copied to the tracker is doing: introducing, asking first, promising, thanking, passing a lead.

People copy the tracker on more than introductions: "OK if I introduce you to my plumber?", "I'll
introduce you to Dana once tax season is over", "Thanks Marcus! Great to e-meet you, Hannah",
"could we move Thursday to Friday?". These phrases, in English, German, French and Spanish, tell
the cases apart. Each pattern is anchored on words, with bounded gaps, and runs once over folded text.
"""
from __future__ import annotations

import re

# Writing an introduction now.
INTRO = re.compile(
    r"\b(meet|introduc(e|ing|tion)|i'd like you to meet|connect(ing)? (you|the two|both)|"
    r"put(ting)? you (two |both )?in touch|loop(ing)? in|adding \w+|copying \w+|cc'?(ing|d)? \w+|"
    r"this is \w+|here'?s \w+|here is \w+|you two|you both|both of you|over to you|take it from here|"
    r"let you (two|both)|leave (it to )?(you|the two)|(should|must) (talk|meet|connect)|e-?intro|"
    r"wanted you to meet|thought you should|want(ed)? to connect you|"
    r"vorstell\w*|stelle (ich )?(euch|ihnen|dir|sie|dich)|bekannt ?(zu )?machen|in kontakt (zu )?bringen|"
    r"vernetzen|verbinden|kennenlernen|kennen ?lernen|"
    r"je (te|vous) presente|presenter|mettre en (relation|contact)|mise en relation|mets en (relation|contact)|"
    r"je vous laisse|je te laisse|"
    r"(te|les|os) presento|presentar(te|les|os)|poner(te|les|os) en contacto|pongo en contacto|conectar(te|les|os)|"
    r"(os|les) dejo)\b")
SUBJECT_INTRO = re.compile(
    r"(\bintro\b|\bintroduc\w*|\bmeet\b|\bconnect\w*|<>|<->|↔|⟷|\bvorstellung\b|\bkennenlernen\b|\bkontakt\b|"
    r"\bmise en relation\b|\bpresentation\b|\bpresentacion\b|\bpresento\b|\breferral\b|\brecommendation\b|"
    r"\bempfehlung\b|\brecommandation\b|\brecomendacion\b)")
PERMISSION = re.compile(
    r"\b((ok|okay|alright|all right|would it be ok|is it ok|do you mind|would you mind|mind) if i "
    r"(introduce|connect|put|intro|share|pass|give)|"
    r"(would you like|do you want|want|would you want) me to (introduce|connect|put you in touch|make (an|the) intro)|"
    r"(would you be|are you) (open|interested|up for|happy) (to|in) (an? intro|being introduced|an introduction|"
    r"meeting|connecting|talking)|"
    r"let me know if you('d| would)? (like|want) (an intro|me to introduce|to be introduced|an introduction|"
    r"to connect|me to connect)|"
    r"(happy|glad) to (introduce|connect|make an intro)[^.!?]{0,60}\bif\b|"
    r"shall i (introduce|connect)|can i (introduce|connect) you|may i (introduce|connect) you[^.!]{0,60}\?|"
    r"soll ich (dich|euch|sie|ihnen)[^.!?]{0,60}vorstellen|hattest du interesse|hatten sie interesse|"
    r"ware es ok(ay)?,? wenn ich|darf ich (dich|euch|sie|ihnen)[^.!]{0,60}vorstellen\?|"
    r"veux-tu que je|voulez-vous que je|ca te dit que je|est-ce que je peux (te|vous) (presenter|mettre)|"
    r"(quieres|quiere|quieren) que (te|le|les) (presente|ponga)|te parece (bien )?si te presento|"
    r"te gustaria que te presente)")
PROMISE = re.compile(
    r"\b((i'll|i will|i'm going to|i am going to|i'd be happy to|i can|i could|will) (also )?"
    r"(introduce|connect you|put you in touch|make (an|the) intro|send (an|the|you an) intro|loop (you|him|her) in)|"
    r"(ich werde|werde ich)[^.!?]{0,50}(vorstellen|verbinden|in kontakt bringen)|"
    r"je (te|vous) (presenterai|mettrai en relation)|je vais (te|vous) (presenter|mettre en relation)|"
    r"(te|les|os) (presentare|pondre en contacto)|(te|les|os) voy a (presentar|poner en contacto))")
DEFERRAL = re.compile(r"\b(once|when|after|as soon as|sobald|wenn|des que|quand|cuando|en cuanto)\b")
REPLY_TO_INTRO = re.compile(
    r"(\b(thanks|thank you|many thanks|cheers)( so much| again)?,? (\w+,? )?(for (the|this|making the|your kind|the kind|"
    r"connecting|introducing|the e-?intro|the intro)\w*|for the introduction)|"
    r"thank you for (the|this) (intro|introduction|connection)|"
    r"\b(moving|moved|move|bumping|bumped) (\w+ )?(you |him |her )?to (bcc|bcc:)|to bcc\b|"
    r"\b(great|nice|lovely|good|pleased|a pleasure|wonderful|delighted|glad) to (e-?)?meet you|"
    r"\bnice to (e-?)?meet\b|pleasure to (e-?)?meet|"
    r"danke (dir |ihnen |euch )?fur die (vorstellung|verbindung|einfuhrung|vermittlung)|freut mich|"
    r"merci pour (la mise en relation|le contact|la presentation)|ravie? de (faire ta connaissance|vous connaitre)|"
    r"enchante|gracias por (la presentacion|presentarnos|el contacto|conectarnos)|encantad[oa] de conocer|"
    r"un placer conocer)")
LEAD = re.compile(
    r"\b((gave|passed|sent|shared|forwarded|handed) (\w+ )?(him|her|them|\w+)? ?your (number|details|contact|email|info|card|name)|"
    r"(his|her|their) (details|info|contact info|contact details|number|email|cell|phone|address) (is |are )?"
    r"(below|above|attached|is|are)|details below|contact (info|details) below|"
    r"(a |another |new )?(lead|referral|client|customer|job|one|prospect) for you|"
    r"(expecting|expects|waiting for) (to hear from you|your (call|email|text)|a (call|text|email))|"
    r"(will|'ll) (probably |likely )?(be )?(call|text|email|contact|reach out to|get in touch with|ring) you|"
    r"(reach out|call|contact|get in touch with|text|email) (to )?(him|her|them)|"
    r"give (him|her|them) a (call|ring|shout)|forwarding (this|her|his|their)|"
    r"send(ing)? (him|her|them) (your way|over)|said you'?d (reach out|call|be in touch)|"
    r"te paso (el|los|su|sus) (contacto|datos)|sus datos|te llamara|(la|lo|le) llamarias|llamal[oa]|"
    r"ich gebe (dir|ihnen) (die|ihre|seine)|kontaktdaten|meldet sich (bei dir|bei ihnen)|ruf (sie|ihn) an|"
    r"je te transmets|ses coordonnees|(il|elle) va (t'|vous )appeler|appelle-(la|le))")


def has(pattern: re.Pattern[str], folded: str) -> bool:
    return pattern.search(folded) is not None


def count(pattern: re.Pattern[str], folded: str) -> int:
    return sum(1 for _ in pattern.finditer(folded))


def promise_only(folded: str) -> bool:
    """An introduction promised for later ("I'll introduce you to Dana once...") and none made now."""
    promised = [m for m in PROMISE.finditer(folded)]
    if not promised:
        return False
    spans = [(m.start(), m.end()) for m in promised]
    for m in INTRO.finditer(folded):
        if any(s - 20 <= m.start() <= e for s, e in spans):
            continue
        if m.group().startswith(("take it from here", "let you", "leave", "over to you", "je vous laisse",
                                 "je te laisse", "os dejo", "les dejo")):
            return False
        if m.group().startswith(("meet", "introduc", "this is", "here", "vorstell", "je te presente",
                                 "je vous presente", "te presento", "les presento", "adding", "copying",
                                 "loop")):
            return False
    return True


__all__ = ["INTRO", "SUBJECT_INTRO", "PERMISSION", "PROMISE", "REPLY_TO_INTRO", "LEAD", "DEFERRAL",
           "has", "count", "promise_only"]
