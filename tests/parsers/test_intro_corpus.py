"""The shared labelled corpus of mail reaching the tracking address (intros/), when it is present.

Kind, referrals (referrer and parties), provider/contact and category (leniently) for every case.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.parsers.intro_labels import differences, load_label, parse_file

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus"
EMAILS = sorted((CORPUS / "intros").glob("*.eml")) if (CORPUS / "intros").is_dir() else []


@pytest.mark.skipif(not EMAILS, reason="shared corpus not present")
@pytest.mark.parametrize("eml", EMAILS, ids=[p.stem for p in EMAILS])
def test_corpus_case(eml: Path):
    assert differences(parse_file(eml), load_label(eml)) == []
