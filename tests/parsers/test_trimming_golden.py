"""Golden files: each ``<name>.eml`` in tests/fixtures/trimming is trimmed to ``<name>.kept.txt``
(what the person wrote) and ``<name>.cut.txt`` (what was taken away)."""
from pathlib import Path

import pytest

from parsers.mime import decode
from parsers.reply import trim_decoded

FIXTURES = Path(__file__).parents[1] / "fixtures" / "trimming"
NAMES = sorted(p.stem for p in FIXTURES.glob("*.eml"))


def _expected(name: str, kind: str) -> str:
    return (FIXTURES / f"{name}.{kind}.txt").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("name", NAMES)
def test_kept(name):
    trimmed = trim_decoded(decode((FIXTURES / f"{name}.eml").read_bytes()))
    assert trimmed.kept.strip() == _expected(name, "kept")


@pytest.mark.parametrize("name", NAMES)
def test_cut(name):
    trimmed = trim_decoded(decode((FIXTURES / f"{name}.eml").read_bytes()))
    assert trimmed.cut.strip() == _expected(name, "cut")


def test_every_input_has_both_expectations_and_every_expectation_an_input():
    inputs = {p.stem for p in FIXTURES.glob("*.eml")}
    kept = {p.name[: -len(".kept.txt")] for p in FIXTURES.glob("*.kept.txt")}
    cut = {p.name[: -len(".cut.txt")] for p in FIXTURES.glob("*.cut.txt")}
    assert len(inputs) >= 40
    assert inputs == kept == cut
