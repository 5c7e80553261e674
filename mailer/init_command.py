"""``referloop init``: a working configuration for the embedded default in one step."""
from __future__ import annotations

import os
import secrets
from pathlib import Path


LOCAL_CONFIG = """\
# Written by `referloop init`: the embedded default. Mail in from a local Maildir, mail out as .eml files,
# SQLite for storage. See config.example.toml for every key, and README.md for a real mail provider.
[tracking]
address = "{address}"
secret = "{secret}"

[inbox]
kind = "maildir"
path = "var/inbox"

[outbox]
kind = "file"
path = "var/outbox"

[database]
url = "sqlite:///var/referloop.db"

[schedule]
checkins = ["14d", "28d"]
send_window = "always"
"""


def write_local_config(path: Path, force: bool = False, address: str = "track@referloop.local") -> str:
    if path.exists() and not force:
        return f"{path} already exists; keeping it (use --force to write a new one)"
    text = LOCAL_CONFIG.format(address=address, secret=secrets.token_urlsafe(32))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    for sub in ("new", "cur", "tmp"):
        (path.parent / "var" / "inbox" / sub).mkdir(parents=True, exist_ok=True)
    return (f"wrote {path}: drop .eml files into {path.parent / 'var' / 'inbox' / 'new'}, "
            f"sent mail appears in {path.parent / 'var' / 'outbox'}")
