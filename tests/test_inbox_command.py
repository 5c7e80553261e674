"""``referloop inbox``: what came in and why it was handled so; ``--failed`` and ``--retry ID``."""
from __future__ import annotations

from datetime import datetime, timezone

from db.models import InboundMessage
from mailer.cli import main
from tests.conftest import write_local_config


def test_failed_messages_are_listed_with_their_reason_and_can_be_retried(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_local_config(tmp_path)
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
