"""The command line as a person uses it: clear one-line errors, exit statuses that say what happened."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from mailer.cli import main
from tests.conftest import FIXTURES, SECRET
from tests.servers import PASSWORD


def write_config(tmp_path, text: str):
    path = tmp_path / "referloop.toml"
    path.write_text(text)
    path.chmod(0o600)
    return str(path)


def imap_smtp_config(tmp_path, dovecot, user, smtp_port, password=PASSWORD) -> str:
    return write_config(tmp_path, f"""
[tracking]
address = "track@example.test"
secret = "{SECRET}"
[inbox]
kind = "imap"
host = "127.0.0.1"
port = {dovecot.port}
security = "none"
username = "{user}"
password = "{password}"
[outbox]
kind = "smtp"
host = "127.0.0.1"
port = {smtp_port}
security = "none"
password = "unused"
[database]
url = "sqlite:///{tmp_path / 'db.sqlite'}"
""")


@pytest.mark.parametrize("body, message", [
    ('[tracking]\naddress = "t@example.test"\nsecret = "x"\n[inbox]\nkind = "maildir"\ncolour = "blue"\n',
     "unknown key inbox.colour"),
    ('[tracking]\naddress = "t@example.test"\n[inbox]\nkind = "maildir"\nport = "993"\n',
     "inbox.port must be a whole number"),
    ('[tracking]\naddress = "t@example.test"\n[inbox]\nkind = "imap"\nhost = "imap.example.org"\n',
     "inbox.password is missing"),
    ('[tracking]\naddress = "t@example.test"\n[inbox]\nkind = "imap"\nhost = "imap.example.org"\n'
     'security = "none"\npassword = "x"\n', 'inbox.security = "none" is only allowed towards a loopback host'),
    ('[tracking]\naddress = "t@example.test"\n[inbox]\nkind = "maildir"\n[outbox]\nkind = "file"\n',
     "tracking.secret is missing"),
    ('[tracking]\naddress = "t@example.test"\n[inbox]\nkind = "maildir"\n[outbox]\nkind = "file"\n'
     '[processing]\nparse_workers = "many"\n',
     'processing.parse_workers must be "auto" or a whole number'),
])
def test_config_mistakes_are_one_line_naming_key_and_file(tmp_path, capsys, body, message):
    path = write_config(tmp_path, body)
    assert main(["--config", path, "once"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and message in err and path in err
    assert "Traceback" not in err


def test_config_example_is_valid_once_passwords_are_given(tmp_path, monkeypatch):
    from mailer.config import load

    monkeypatch.setenv("REFERLOOP_IMAP_PASSWORD", "pw")
    monkeypatch.setenv("REFERLOOP_SMTP_PASSWORD", "pw")
    cfg = load(str(FIXTURES.parent.parent / "config.example.toml"))
    assert cfg.inbox.host == "imap.example.org" and cfg.schedule.checkins == ["14d", "28d"]


def test_doctor_passes_against_real_servers_and_fails_on_a_wrong_password(tmp_path, dovecot, imap_user, smtp, capsys):
    good = imap_smtp_config(tmp_path, dovecot, imap_user, smtp.port)
    assert main(["--config", good, "doctor"]) == 0
    out = capsys.readouterr().out
    assert "ok    inbox" in out and "IDLE" in out and "ok    outbox" in out

    bad = imap_smtp_config(tmp_path, dovecot, imap_user, smtp.port, password="wrong")
    assert main(["--config", bad, "doctor"]) == 1
    assert "FAIL  inbox" in capsys.readouterr().out


def test_once_exits_non_zero_when_the_inbox_is_unreachable(tmp_path, dovecot, imap_user, smtp, capsys):
    path = imap_smtp_config(tmp_path, dovecot, imap_user, smtp.port, password="wrong")
    assert main(["--config", path, "once"]) == 1
    assert "login failed" in capsys.readouterr().out


def test_once_then_referrals_json(tmp_path, dovecot, imap_user, smtp, capsys):
    path = imap_smtp_config(tmp_path, dovecot, imap_user, smtp.port)
    dovecot.append(imap_user, (FIXTURES / "e2e" / "intro_accountant_cc_tracker.eml").read_bytes())
    assert main(["--config", path, "once", "--now", "2025-01-14T19:00:00Z"]) == 0
    capsys.readouterr()
    assert main(["--config", path, "referrals", "--json"]) == 0
    [line] = capsys.readouterr().out.strip().splitlines()
    row = json.loads(line)
    assert {"id", "referrer", "provider", "contact", "parties", "kind", "category", "status", "amount",
            "currency", "created_at"} <= set(row)
    assert row["referrer"] == "marcus@mailbox.example" and row["created_at"].startswith("2025-01-14T19:00")


def test_parse_prints_one_json_line_per_file_with_the_file_key(tmp_path):
    files = [str(FIXTURES / "e2e" / "intro_accountant_cc_tracker.eml"), str(tmp_path / "missing.eml")]
    proc = subprocess.run([sys.executable, "-m", "mailer.cli", "parse", "--tracking-address", "track@example.test",
                           *files], capture_output=True, text=True, timeout=60)
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["file"] for r in rows] == files
    assert rows[0]["kind"] == "introduction" and "error" in rows[1]


def test_demo_shows_the_loop(capsys):
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "== Day 0" in out and "== Day 14" in out and "Checking in" in out
