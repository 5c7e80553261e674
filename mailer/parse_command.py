"""``referloop parse FILE...``: the parser offline, one JSON line per file, in the corpus schema."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from parsers import Tracking, parse_message
from parsers.addresses import receiving_mailbox

FALLBACK_ADDRESS = "track@example.org"


def parse_files(files: list[str], addresses: tuple[str, ...], synonyms: tuple[tuple[str, str], ...],
                out: TextIO = sys.stdout) -> int:
    """Print one object per file; returns 1 when a file could not be read, else 0."""
    status = 0
    for name in files:
        try:
            raw = Path(name).read_bytes()
        except OSError as exc:
            out.write(json.dumps({"file": name, "error": exc.strerror or str(exc)}) + "\n")
            status = 1
            continue
        ours = addresses or (receiving_mailbox(raw) or FALLBACK_ADDRESS,)
        parsed = parse_message(raw, Tracking(ours, synonyms))
        obj = {"file": name, "tracking_address": ours[0], **parsed.to_json()}
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return status
