"""The shared corpus replies: outcome, amount with currency, and new text as the corpus scorer reads it."""
import difflib
import importlib.util
import json
from pathlib import Path

import pytest

from parsers.mime import decode
from parsers.reply import read_reply

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus"
REPLIES = sorted((CORPUS / "replies").glob("*.eml")) if (CORPUS / "replies").is_dir() else []

pytestmark = pytest.mark.skipif(not REPLIES, reason="shared corpus not present")


def _scorer():
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def score():
    return _scorer()


def _label(eml: Path) -> dict:
    return json.loads(eml.with_suffix(".json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("eml", REPLIES, ids=[p.stem for p in REPLIES])
def test_outcome(eml):
    assert read_reply(decode(eml.read_bytes())).outcome == _label(eml)["outcome"]


@pytest.mark.parametrize("eml", REPLIES, ids=[p.stem for p in REPLIES])
def test_amount_and_currency(eml):
    reading = read_reply(decode(eml.read_bytes()))
    label = _label(eml)
    amount = float(reading.amount) if reading.amount is not None else None
    assert (amount, reading.currency) == (label["amount"], label["currency"])


@pytest.mark.parametrize("eml", REPLIES, ids=[p.stem for p in REPLIES])
def test_new_text(eml, score):
    reading = read_reply(decode(eml.read_bytes()))
    want, got = score.norm_text(_label(eml)["new_text"]), score.norm_text(reading.new_text)
    assert difflib.SequenceMatcher(None, want, got).ratio() >= 0.9
