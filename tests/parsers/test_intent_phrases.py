"""How people say what a mail does, phrase by phrase: each row is a sentence as it stands in an
introduction, a reply or a lead, and the group of cues that must (or must not) recognise it.

The fixtures in ``tests/fixtures/intros`` show these phrases at work in whole emails; this table pins
each phrase down on its own, so that a rule that stops matching fails here even when other words of a
fixture would still carry the email."""
from __future__ import annotations

import pytest

from parsers import intent
from parsers.categories import vocabulary
from parsers.model import Address
from parsers.names import make_person
from parsers.roles import read_roles
from parsers.text import Tokens, fold_aligned


def toks(text: str) -> Tokens:
    return Tokens(fold_aligned(text).replace("\n", " "))


# (sentence, cue group): the group recognises the sentence
SAID = [
    # an introduction made earlier, or the parties met since
    ("I've kept Tess on copy, since she kindly introduced us.", intent.REPLY_TO_INTRO),
    ("Je mets M. Huet en copie, puisqu'il a eu la gentillesse de nous mettre en relation.", intent.REPLY_TO_INTRO),
    ("Thank you, Helen, for another lovely match.", intent.REPLY_TO_INTRO),
    ("¡Gracias, Paula! Te paso a copia oculta.", intent.REPLY_TO_INTRO),
    ("Inés, ¡gracias por pasarme a Lola! Ya vino dos veces.", intent.REPLY_TO_INTRO),
    ("Pam rang to say how much she enjoyed your first meeting.", intent.ALREADY_ACQUAINTED),
    ("Pam, I'm so glad it went well.", intent.ALREADY_ACQUAINTED),
    # an introduction made now
    ("Os remito a Tomás, paciente nuestro desde hace años.", intent.INTRO),
    ("Depuis l'été je pense à vous faire rencontrer.", intent.INTRO),
    ("D. Ignacio Herrera me ha pedido que os presente.", intent.INTRO),
    ("auf Wunsch von Herrn Dr. Kühn stellen wir Ihnen unsere Patientin Frau Roth vor", intent.INTRO),
    ("marc, te paso a nuria que tiene que cambiar el calentador", intent.INTRO),
    ("ihr zwei solltet euch kennen: johanna und paul", intent.INTRO),
    ("Für die Photovoltaikanlage empfehle ich Heike Lorenz.", intent.INTRO),
    ("Here are the two people I'd call for the second-story addition:", intent.INTRO),
    ("Voici mes recommandations pour le déménagement :", intent.INTRO),
    ("auf Wunsch von Herrn Brandt bringen wir Sie zusammen.", intent.INTRO),
    ("My neighbour Rose (cc'd) has the same problem. Could you get in touch with her?", intent.INTRO),
    ("Je suis étonnée que vous ne vous connaissiez pas encore.", intent.INTRO),
    ("Te paso el contacto que te prometí: Andrés, en copia.", intent.INTRO),
    # a contact passed on
    ("Contact is Maren Ekdahl, maren@ekdahlclay.example. Told her you're the one for this.", intent.LEAD),
    ("You may reach Mrs. Quill at (614) 555-0142 most mornings.", intent.LEAD),
    ("Je lui ai dit que vous prendriez contact avec elle cette semaine.", intent.LEAD),
    ("mom's email is dana.cole@mailbox.example", intent.LEAD),
    ("Le Dr Morel vous adresse cette famille, dont la fille a besoin d'un suivi.", intent.LEAD),
    ("Nous vous adressons une de nos patientes pour un bilan.", intent.LEAD),
    ("Er hat keine E-Mail, bitte ruft ihn an: 04321 555-0158.", intent.LEAD),
    ("Ansprechpartner ist Herr Jonas Frey. Bitte wenden Sie sich direkt an Herrn Frey.", intent.LEAD),
    ("Her mother is Mrs. Joanna Pike and her email address is joanna.pike@inbox.example.", intent.LEAD),
    ("Sie weiß Bescheid, dass Sie sich melden.", intent.LEAD),
    ("told her ur the best", intent.LEAD),
    ("he's waiting on u, no rush today tho", intent.LEAD),
    ("no usa correo, su cel es 555-0126", intent.LEAD),
    ("te la recomendé!! gracias", intent.LEAD),
    ("No tiene correo, llámale al 555-0109 por las mañanas.", intent.LEAD),
    ("I said you walked my parents through theirs last year.", intent.LEAD),
    ("¿Le puedes contestar?", intent.LEAD),
    ("Paul me demande de vous transmettre les coordonnées d'une locataire.", intent.LEAD),
    ("My nephew Kyle is going to call you about the brakes.", intent.LEAD),
    ("Sending another job your way.", intent.WORK_FOR_YOU),
]

# (sentence, cue group): the group must not take the sentence for what it is not
NOT_SAID = [
    ("Te paso a buscar a las cinco.", intent.INTRO),                       # "I'll pick you up at five"
    ("She enjoyed your call last week and would like to introduce you.", intent.ALREADY_ACQUAINTED),
]


@pytest.mark.parametrize("sentence, group", SAID, ids=[s for s, _ in SAID])
def test_the_phrase_is_recognised(sentence: str, group) -> None:
    assert intent.any_cue(group, toks(sentence))


@pytest.mark.parametrize("sentence, group", NOT_SAID, ids=[s for s, _ in NOT_SAID])
def test_the_phrase_is_not_mistaken(sentence: str, group) -> None:
    assert not intent.any_cue(group, toks(sentence))


LUCY = make_person(Address("Lucy Hale", "lucy.hale@postbox.test"))
PETER = make_person(Address("Peter Marsh", "peter.marsh@mailbox.example"))
NORA = make_person(Address("Nora Quinlan", "nora@webmail.example"))


def provider_points(text: str, person) -> float:
    reading = read_roles(text, [LUCY, PETER], NORA, vocabulary(()))
    return reading.evidence[person.email].provider


@pytest.mark.parametrize("text", [
    "Peter, this is Lucy, who dog-sits and house-sits for us whenever we go away.",
    "Peter, Lucy is who I'd call first.",
    "Peter, Lucy set me up with a pension last year.",
    "Peter, Lucy is the guy I told you about.",
    "Peter - Lucy has been teaching my daughter piano for two years.",
    "Peter, this is Lucy. She taught algebra at Westfield High for 31 years.",
    "Peter, te presento a Lucy, la chica que cuida de mis nietos por las tardes.",
    "Peter, je te présente Lucy, qui a enseigné le français au collège pendant trente ans.",
    "Peter, Lucy passt auf unsere Hündin auf, wenn wir weg sind.",
    "Peter - Lucy has been teaching both our girls piano for three years.",
    "Peter, tú hiciste las fotos de nuestra carta, y Lucy lo sabe.",
])
def test_what_is_said_of_someone_makes_them_the_provider(text: str) -> None:
    person = PETER if "tú hiciste" in text else LUCY
    assert provider_points(text, person) > 0


def test_selling_a_home_with_the_writer_makes_her_a_client_not_a_provider() -> None:
    assert provider_points("Peter, Lucy sold her condo with me last spring.", LUCY) == 0


@pytest.mark.parametrize("text", [
    "Peter, two of my clients need a new bookkeeper.",
    "Peter, two of my clients asked me this month for a good payroll provider.",
    "Peter, two of my neighbours on Alder Street saw your work and both want the same.",
    "Bonsoir Peter, deux voisins de la résidence aimeraient faire appel à vous.",
    "Lieber Peter, zwei meiner Kunden suchen eine neue Steuerberatung.",
    "Peter, deux de mes clients cherchent un comptable.",
    "Peter, dos de mis clientes buscan una gestoría.",
])
def test_a_need_said_of_a_counted_group_is_not_the_need_of_the_one_spoken_to(text: str) -> None:
    reading = read_roles(text, [LUCY, PETER], NORA, vocabulary(()))
    assert reading.group_need > 0 and reading.evidence[PETER.email].contact == 0


def test_what_a_provider_will_want_from_someone_is_nobody_s_need() -> None:
    reading = read_roles("Peter, Lucy will want your last two tax returns by Friday.", [LUCY, PETER], NORA, vocabulary(()))
    assert reading.evidence[LUCY.email].contact == 0 and reading.evidence[PETER.email].contact == 0


@pytest.mark.parametrize("text", [
    "lucy peter - u r both new dads at little sprouts, go get coffee",
    "lucy peter, ur both in healthtech and looking for a cofounder",
    "Lucy, Peter: you're both running bakeries on Elm Street.",
])
def test_two_people_said_to_be_alike_are_peers(text: str) -> None:
    assert read_roles(text, [LUCY, PETER], NORA, vocabulary(())).peer_score > 0


def test_the_provider_the_writer_recommends_to_everyone_provides() -> None:
    assert provider_points("Peter, Lucy is the IT provider I recommend to all my clients.", LUCY) > 0


def test_a_teaching_assistant_is_no_teacher_of_anyone() -> None:
    assert provider_points("Peter, Lucy was a teaching assistant in our department for two years.", LUCY) == 0


def test_someone_desperate_for_a_cleaner_needs_one() -> None:
    reading = read_roles("Peter, Lucy is desperate for a cleaner.", [LUCY, PETER], NORA, vocabulary(()))
    assert reading.evidence[LUCY.email].contact >= 2
