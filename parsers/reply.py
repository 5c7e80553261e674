"""Reading a reply to a check-in: what the person wrote, and what it says happened."""
from __future__ import annotations

from .mime import Decoded
from .model import ReplyReading


def read_reply(decoded: Decoded) -> ReplyReading:
    """First version: the text above the first quoted line; the outcome is not yet read."""
    kept: list[str] = []
    lines = decoded.text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(">"):
            break
        kept.append(line)
    new_text = "\n".join(kept).strip()
    cut = "\n".join(lines[len(kept):])
    return ReplyReading("unknown", None, None, new_text, cut)
