"""Every fixture in tests/fixtures/intros is a specification: a raw message and the expected result.

Each ``NAME.eml`` has a ``NAME.json`` in the corpus label schema (kind, ignore_reason, referrals with
referrer, provider, contact, parties, category). Names say what the case is about.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.parsers.intro_labels import differences, load_label, parse_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "intros"
EMAILS = sorted(FIXTURES.glob("*.eml"))


def test_every_fixture_has_a_label_and_every_label_a_fixture():
    emls = {p.stem for p in FIXTURES.glob("*.eml")}
    labels = {p.stem for p in FIXTURES.glob("*.json")}
    assert emls, "no fixtures found"
    assert emls == labels


@pytest.mark.parametrize("eml", EMAILS, ids=[p.stem for p in EMAILS])
def test_fixture(eml: Path):
    assert differences(parse_file(eml), load_label(eml)) == []
