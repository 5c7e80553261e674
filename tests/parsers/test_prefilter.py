"""Cue pre-filters (parsers.prefilter) may only skip searches that would find nothing."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from parsers import cues, intent
from parsers.mime import decode
from parsers.prefilter import literal_filter, required_strings
from parsers.text import Cue, fold_aligned, split_body

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "intros"


def _all_cues() -> list[Cue]:
    found = [item[0] for item in cues.ROLE_CUES.items] + [cues.PEER, cues.WEAK_PEER]
    for value in vars(intent).values():
        if isinstance(value, tuple) and value and all(isinstance(c, Cue) for c in value):
            found += value
    return found


def _texts() -> list[str]:
    texts = []
    for path in sorted(FIXTURES.glob("*.eml")):
        body = split_body(decode(path.read_bytes()).text)
        texts += [fold_aligned(t).replace("\n", " ") for t in (body.new, body.quoted, body.signature) if t]
    return texts


def test_required_strings_reads_alternations_and_literals() -> None:
    assert required_strings(r"\b(builds|fixes)\b(?:\s+\w+){0,4}?\s+for (clients|families)\b|\bfor a living\b") == {
        "for clients", "for families", "for a living"}
    assert required_strings(r"\bmeet(ing)?\b") == {"meet", "meeting"}
    assert required_strings(r"\b(you two|you both)\b") == {"you two", "you both"}


@pytest.mark.parametrize("pattern", [r"(?i)meet you", r"\w+ing", r"[a-z]{5}", r"(a|bc)", r"(?:x)*"])
def test_no_filter_when_unsure_or_useless(pattern: str) -> None:
    assert required_strings(pattern) is None


def test_case_insensitive_parts_and_group_references_are_skipped() -> None:
    assert required_strings(r"(?i:meet) you") == {" you"}
    assert required_strings(r"(\w)\1 again") == {" again"}


def test_a_filter_never_rejects_a_text_its_regex_matches() -> None:
    texts = _texts() + ["she builds websites for small businesses", "he does it for a living", "you two should compare notes"]
    checked = 0
    for cue in _all_cues():
        test = literal_filter(cue.regex.pattern)
        if test is None:
            continue
        for text in texts:
            if cue.regex.search(text) is not None:
                assert test(text), (cue.regex.pattern, text)
                checked += 1
    assert checked > 100


def test_every_required_string_set_is_necessary() -> None:
    """Stronger than the filters kept: for every cue, each match contains one of its strings."""
    texts = _texts()
    for cue in _all_cues():
        needed = required_strings(cue.regex.pattern)
        if needed is None:
            continue
        for text in texts:
            for m in cue.regex.finditer(text):
                assert any(s in m.group() for s in needed), (cue.regex.pattern, m.group())
