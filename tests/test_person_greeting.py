"""How a person is greeted in templates, whatever their name and address look like."""
from __future__ import annotations

from db.models import Person


def test_the_first_word_of_the_name():
    assert Person(name="Ana María López", email="ana@example.test").first_name == "Ana"


def test_the_local_part_when_there_is_no_name():
    assert Person(name="", email="joan.smith@example.test").first_name == "joan.smith"


def test_a_name_of_spaces_falls_back_to_the_address():
    assert Person(name="   ", email="eve@example.test").first_name == "eve"


def test_an_address_with_an_empty_local_part_still_greets():
    assert Person(name=" ", email="@example.test").first_name == "@example.test"
