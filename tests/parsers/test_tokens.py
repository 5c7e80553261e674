"""Tokens: the words of a folded text, looked up by the cues' trigger words."""
from __future__ import annotations

from parsers.text import Cue, Tokens, fold_aligned


def test_a_trigger_may_be_one_part_of_a_hyphenated_word():
    toks = Tokens("pourriez-vous passer le voir ? son e-mail est ci-dessous")
    assert toks.has_any(frozenset({"pourriez"}))
    assert toks.has_any(frozenset({"vous"}))
    assert toks.has_any(frozenset({"mail"}))
    # the words themselves stay whole: positions and matching see "pourriez-vous"
    assert "pourriez-vous" in toks.words and "vous" not in toks.words


def test_absent_words_do_not_trigger():
    assert not Tokens("thanks for the coffee").has_any(frozenset({"vous", "introduce"}))


def test_a_rule_written_with_ss_matches_sharp_s_in_the_text():
    # aligned folding keeps "ß" (one character for one), so "heißt" must meet a rule written "heisst"
    cue = Cue("heisst", r"\b(er|sie) heisst\b")
    assert cue.search(Tokens(fold_aligned("Sie heißt Edith Ludwig"))) is not None
    assert cue.search(Tokens(fold_aligned("Sie heisst Edith Ludwig"))) is not None
    assert cue.search(Tokens(fold_aligned("Sie hieß Edith"))) is None


def test_a_lookbehind_with_ss_keeps_its_fixed_width():
    # "(?<!business )" cannot become "(?<!busine(?:ss|ß) )": the rule stays as written and still compiles
    cue = Cue("needs", r"(?<!business )\bneeds\b")
    assert cue.search(Tokens("the business needs are clear")) is None
    assert cue.search(Tokens("she needs a plumber")) is not None
