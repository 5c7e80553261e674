"""Who wrote the message a reply quotes, read from the reply's attribution line."""
import pytest

from parsers.text import quoted_author


@pytest.mark.parametrize("text, expected", [
    ("Done!\n\nOn Mon, Feb 17, 2025 at 8:02 AM Greg Sands <greg@sandsgroup.example> wrote:\n> Lina, can you",
     ("Greg Sands", "greg@sandsgroup.example")),
    ("Erledigt.\n\nAm Mi., 5. Feb. 2025 um 08:41 Uhr schrieb Dr. Jens Albrecht <j.albrecht@albrecht.example>:\n> Kerstin",
     ("Jens Albrecht", "j.albrecht@albrecht.example")),
    ("Fait.\n\nLe mer. 2 avr. 2025 à 15:02, Guillaume Renard <g.renard@renard.example> a écrit :\n> Pauline",
     ("Guillaume Renard", "g.renard@renard.example")),
    ("Hecho.\n\nEl lun, 3 mar 2025 a las 10:12, Marta Gil\n<marta@gil.example> escribió:\n> Hola",
     ("Marta Gil", "marta@gil.example")),
    ("Nachtrag.\n\n> Am 28.02.2025 um 17:40 schrieb Stefan Lorenz <stefan@lorenz.example>:\n>\n> Miriam, Holger",
     ("Stefan Lorenz", "stefan@lorenz.example")),
    ("No quote here at all.\n", ("", "")),
])
def test_the_author_of_the_quoted_message(text: str, expected: tuple[str, str]) -> None:
    assert quoted_author(text) == expected
