"""Comparing a parsed message with a corpus-style label (the schema of the shared corpus README).

Categories are compared leniently, as the corpus scorer does: "web-design" matches "design", since
the category is a coarse hint. Labels may add ``contact_name``/``contact_phone`` to a lead's
referral (beyond the corpus schema): what is known of a contact given only by phone.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from parsers import ParsedMessage, Tracking, parse_message

TRACKING = Tracking(("track@referloop.example",))


def same_category(want: str | None, got: str | None) -> bool:
    if not want:
        return True
    if not got:
        return False
    want = re.sub(r"[-_]+", " ", want.lower()).strip()
    got = re.sub(r"[-_]+", " ", got.lower()).strip()
    return want == got or want in got or got in want


def referral_key(ref: dict) -> tuple:
    return ref["referrer"].lower(), tuple(sorted(p.lower() for p in ref["parties"]))


def parse_file(eml: Path) -> ParsedMessage:
    return parse_message(eml.read_bytes(), TRACKING)


def load_label(eml: Path) -> dict:
    return json.loads(eml.with_suffix(".json").read_text(encoding="utf-8"))


def differences(parsed: ParsedMessage, label: dict, *, roles: bool = True, categories: bool = True) -> list[str]:
    """What differs between the parser's answer and the label, in words (empty when they agree)."""
    out: list[str] = []
    if parsed.kind != label["kind"]:
        out.append(f"kind {parsed.kind!r} ({parsed.detail}), want {label['kind']!r}")
        return out
    if label["kind"] == "ignore":
        if parsed.ignore_reason != label["ignore_reason"]:
            out.append(f"ignore_reason {parsed.ignore_reason!r}, want {label['ignore_reason']!r}")
        return out
    got = {referral_key(r): r for r in (_with_lead_details(x) for x in parsed.referrals)}
    want = {referral_key(r): r for r in label["referrals"]}
    if set(got) != set(want):
        out.append(f"referrals {sorted(got)}, want {sorted(want)}")
        return out
    for key, ref in want.items():
        mine = got[key]
        if roles and (mine["provider"] or None) != (ref["provider"] or None):
            out.append(f"provider {mine['provider']!r}, want {ref['provider']!r}")
        if roles and (mine["contact"] or None) != (ref["contact"] or None):
            out.append(f"contact {mine['contact']!r}, want {ref['contact']!r}")
        if categories and not same_category(ref.get("category"), mine.get("category")):
            out.append(f"category {mine.get('category')!r}, want {ref.get('category')!r}")
        for extra in ("contact_name", "contact_phone"):      # optional in labels: what a lead knows
            if extra in ref and mine.get(extra) != ref[extra]:
                out.append(f"{extra} {mine.get(extra)!r}, want {ref[extra]!r}")
    return out


def _with_lead_details(referral) -> dict:
    data = referral.to_json()
    data["contact_name"] = referral.contact_name
    data["contact_phone"] = referral.contact_phone
    return data
