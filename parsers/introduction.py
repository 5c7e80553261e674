"""Finding referrals in an introduction: who refers whom to whom, for what."""
from __future__ import annotations

from dataclasses import dataclass

from . import addresses
from .envelope import Envelope
from .mime import Decoded
from .model import Referral, Tracking


@dataclass(frozen=True)
class Found:
    referrals: tuple[Referral, ...]
    reason: str


def find_referrals(decoded: Decoded, env: Envelope, tracking: Tracking) -> Found:
    """First version: the From introduces exactly two other addressed people."""
    referrer = env.sender.email if env.sender else ""
    others = [a for a in env.to + env.cc
              if a.email != referrer and not addresses.is_tracking(a.email, tracking)]
    if len(others) != 2:
        return Found((), f"{len(others)} people addressed besides the sender; an introduction needs two")
    names = tuple((a.email, a.name) for a in others)
    if env.sender:
        names += ((env.sender.email, env.sender.name),)
    parties = tuple(sorted(a.email for a in others))
    return Found((Referral("introduction", referrer, None, None, parties, None, names),), "two people introduced")
