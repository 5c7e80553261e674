"""The short names people go by, as the parser finds them: in the address, and in mail typed without
capitals."""
from __future__ import annotations

import pytest

from parsers.model import Address
from parsers.names import make_person, name_index


@pytest.mark.parametrize("name, address, short", [
    ("Isaac Bloom", "ike.bloom@postbox.test", "ike"),          # the short name beside the family name
    ("Gwendolyn Park", "wendy.park@mailbox.example", "wendy"),
    ("Vikram Desai", "vik@gridleaf.example", "vik"),           # the whole address, the start of the first name
    ("Augustus Fenn", "gus@fenntech.example", "gus"),          # the whole address, a part of the first name
    ("Dana Whitfield", "dana@whitfieldcpa.example", ""),       # the first name itself is no short name
    ("Dr. Alastair Crane", "dr.crane@mailbox.example", ""),    # nor is a title
])
def test_the_short_name_an_address_shows(name: str, address: str, short: str) -> None:
    person = make_person(Address(name, address))
    assert person.nickname == short
    if short:
        assert short in person.keys


def test_in_mail_without_capitals_the_address_short_names_and_a_bare_first_word_name_people() -> None:
    people = (make_person(Address("Isaac Bloom", "ike.bloom@postbox.test")),
              make_person(Address("Marisol Peña", "marisol@penacontables.example")),
              make_person(Address("Ximena Torres", "xime.torres@buzon.test")))
    text = "mari esta es xime, abrió una tienda y necesita alguien q le lleve los impuestos. ike lo sabe"
    named = {text[m.start:m.end]: m.email for m in name_index(people).mentions(text)}
    assert named == {"mari": "marisol@penacontables.example", "xime": "xime.torres@buzon.test",
                     "ike": "ike.bloom@postbox.test"}
