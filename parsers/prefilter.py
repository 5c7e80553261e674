"""Literal pre-filters for cue regexes: strings one of which every match must contain.

Most cue regexes that run (their trigger words occur) find nothing, and the regex engine spends most
of its time on those texts, trying a long alternation at every word boundary. A match of
``\\b(builds|...|helps)\\b(?:\\s+\\w+){0,4}?\\s+for (clients|families|...)\\b`` always contains
"for clients", "for families", ...; when none of those strings occurs, the regex cannot match and
need not run. The strings are read off the parsed pattern, so a rule added later gets its filter
without anyone writing one, and a filter never changes what a rule finds: it only ever skips a
search that would have found nothing.

The derivation is conservative: whatever it does not understand (case-insensitive flags, classes,
back-references, unbounded repeats) yields no filter rather than a wrong one.
"""
from __future__ import annotations

import os.path
import re
from collections.abc import Callable
from re import _constants as C   # noqa: N812 - the stdlib's own names for the parsed opcodes
from re import _parser as P      # noqa: N812

_MAX_STRINGS = 64        # an exact set larger than this is not kept (cross products grow fast)
_MIN_LENGTH = 4          # shorter strings occur in most texts: such a filter would not pay
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


def _exact_item(op, av) -> set[str] | None:
    """Every string one parsed item can match, when that is a small fixed set; else None."""
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.IN:
        if all(o is C.LITERAL for o, _ in av):
            return {chr(v) for _, v in av}
        return None
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _exact(sub)
    if op is C.BRANCH:
        out = _union(av[1], _exact)
        return out if out is not None and len(out) <= _MAX_STRINGS else None
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, hi, sub = av
        if hi > 3:
            return None
        one = _exact(sub)
        if one is None:
            return None
        out, power = set(), {""}
        for n in range(hi + 1):
            if n >= lo:
                out |= power
            power = {a + b for a in power for b in one}
            if len(out) + len(power) > _MAX_STRINGS:
                return None
        return out
    return None


def _union(alternatives, strings_of) -> set[str] | None:
    """The strings of every alternative of a branch together; None when one alternative has none."""
    out: set[str] = set()
    for alt in alternatives:
        found = strings_of(alt)
        if found is None:
            return None
        out |= found
    return out


def _exact(items) -> set[str] | None:
    """Every string a parsed sequence can match, when that is a small fixed set; else None."""
    out = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue          # consumes nothing: the strings on either side stay adjacent
        e = _exact_item(op, av)
        if e is None:
            return None
        out = {a + b for a in out for b in e}
        if len(out) > _MAX_STRINGS:
            return None
    return out


def _best(candidates: list[set[str]]) -> set[str] | None:
    """The most selective candidate: longest shortest string, then fewest strings."""
    usable = [c for c in candidates if c and "" not in c]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))


def _required_item(op, av) -> set[str] | None:
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _required(sub)
    if op is C.BRANCH:
        return _union(av[1], _required)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
        return _required(av[2])
    return None


def _required(items) -> set[str] | None:
    """A set of strings one of which every match of the sequence contains; None if none is known."""
    candidates: list[set[str]] = []
    run = {""}                # the fixed strings the items read so far must spell, contiguously
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        e = _exact_item(op, av)
        if e is not None:
            longer = {a + b for a in run for b in e}
            if len(longer) <= _MAX_STRINGS:
                run = longer
                continue
            candidates.append(run)
            run = e if len(e) <= _MAX_STRINGS else {""}
            continue
        candidates.append(run)
        run = {""}
        r = _required_item(op, av)
        if r is not None:
            candidates.append(r)
    candidates.append(run)
    return _best(candidates)


def required_strings(pattern: str) -> frozenset[str] | None:
    """Strings one of which occurs in every match of ``pattern`` (None: no useful set known)."""
    try:
        parsed = P.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE) or parsed.state.grouprefpos:
        return None
    found = _required(parsed.data)
    if not found or min(map(len, found)) < _MIN_LENGTH:
        return None
    return frozenset(found)


_FEW = 8                 # up to this many strings, substring tests are cheaper than any regex scan


def literal_filter(pattern: str) -> Callable[[str], bool] | None:
    """A test that is False only for texts in which ``pattern`` cannot match, or None.

    Filters are kept only where they are cheap: strings that share a prefix of four characters or
    more (one regex whose literal prefix the stdlib finds with a fast string search), or a few
    strings (plain substring tests). A long list of unrelated strings scans slower than many cue
    regexes themselves, so such patterns get no filter.
    """
    found = required_strings(pattern)
    if found is None:
        return None
    if len(os.path.commonprefix(sorted(found))) >= _MIN_LENGTH:
        regex = re.compile("|".join(re.escape(s) for s in sorted(found, key=lambda s: (-len(s), s))))
        return lambda text: regex.search(text) is not None
    if len(found) <= _FEW:
        strings = tuple(sorted(found))
        return lambda text: any(s in text for s in strings)
    return None


__all__ = ["required_strings", "literal_filter"]
