"""``referloop inbox``: what came in and why it was handled so; ``--failed`` and ``--retry ID``."""
from __future__ import annotations

from datetime import datetime, timezone

from db.models import InboundMessage
from mailer.cli import main
from tests.conftest import SECRET

CONFIG = """
[tracking]
address = "track@example.test"
secret = "{secret}"
[inbox]
kind = "maildir"
path = "inbox"
[outbox]
kind = "file"
path = "outbox"
[database]
url = "sqlite:///referloop.db"
"""


def test_failed_messages_are_listed_with_their_reason_and_can_be_retried(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "referloop.toml").write_text(CONFIG.format(secret=SECRET))
    (tmp_path / "referloop.toml").chmod(0o600)
    for sub in ("new", "cur", "tmp"):
        (tmp_path / "inbox" / sub).mkdir(parents=True)
    (tmp_path / "inbox" / "new" / "junk.eml").write_bytes(b"\x00\x01garbage without headers")
    assert main(["once", "--now", datetime(2025, 1, 14, tzinfo=timezone.utc).isoformat()]) == 0
    capsys.readouterr()

    assert main(["inbox", "--failed"]) == 0
    listing = capsys.readouterr().out
    assert "rejected" in listing and "unparseable" in listing

    row_id = InboundMessage.get().id
    assert main(["inbox", "--retry", str(row_id)]) == 0
    assert "queued again" in capsys.readouterr().out
    assert InboundMessage.get().status == "new"
    assert main(["once"]) == 0
    assert InboundMessage.get().status == "rejected"
    assert main(["inbox", "--retry", "999"]) == 1
