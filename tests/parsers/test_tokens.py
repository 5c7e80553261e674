"""Tokens: the words of a folded text, looked up by the cues' trigger words."""
from __future__ import annotations

from parsers.text import Tokens


def test_a_trigger_may_be_one_part_of_a_hyphenated_word():
    toks = Tokens("pourriez-vous passer le voir ? son e-mail est ci-dessous")
    assert toks.has_any(frozenset({"pourriez"}))
    assert toks.has_any(frozenset({"vous"}))
    assert toks.has_any(frozenset({"mail"}))
    # the words themselves stay whole: positions and matching see "pourriez-vous"
    assert "pourriez-vous" in toks.words and "vous" not in toks.words


def test_absent_words_do_not_trigger():
    assert not Tokens("thanks for the coffee").has_any(frozenset({"vous", "introduce"}))
