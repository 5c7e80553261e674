"""Start-up checks that protect the deployment: no start with a missing or placeholder secret (reply
addresses would be forgeable), and a warning when a config file holding a password or secret can be
read by other users. The daemon is run as a user runs it: ``referloop once`` in a subprocess."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mailer.cli import main
from mailer.config import ConfigError, check_secret, readable_by_others_with_password
from tests.conftest import build_config

ROOT = Path(__file__).resolve().parents[2]
GOOD_SECRET = "kq3V9x_Lw2r8Tn4pZs7YbC1dEf6GhJ0m"


def write_config(tmp_path: Path, secret: str | None, mode: int = 0o600, extra: str = "") -> Path:
    for sub in ("new", "cur", "tmp"):
        (tmp_path / "var" / "inbox" / sub).mkdir(parents=True, exist_ok=True)
    secret_line = "" if secret is None else f'secret = "{secret}"\n'
    path = tmp_path / "referloop.toml"
    path.write_text(
        "[tracking]\naddress = \"track@example.test\"\n" + secret_line
        + "[inbox]\nkind = \"maildir\"\npath = \"var/inbox\"\n"
        + "[outbox]\nkind = \"file\"\npath = \"var/outbox\"\n"
        + "[database]\nurl = \"sqlite:///var/referloop.db\"\n"
        + "[schedule]\nsend_window = \"always\"\n" + extra,
        encoding="utf-8")
    os.chmod(path, mode)
    return path


def referloop(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REFERLOOP_")}
    env.update(env_extra or {})
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "mailer.cli", *args], capture_output=True, text=True,
                          env=env, timeout=60, cwd=ROOT)


# ------------------------------------------------------------------ the secret


def test_once_without_a_secret_exits_2_with_one_clear_line_and_touches_nothing(tmp_path):
    config = write_config(tmp_path, secret=None)
    result = referloop("--config", str(config), "once")

    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("referloop: ") and "tracking.secret" in lines[0] and str(config) in lines[0]
    assert "REFERLOOP_SECRET" in lines[0]           # says how to fix it
    assert result.stdout == ""
    assert not (tmp_path / "var" / "referloop.db").exists()     # refused before opening anything


def test_run_refuses_the_same_way(tmp_path):
    config = write_config(tmp_path, secret="change-me")
    result = referloop("--config", str(config), "run")
    assert result.returncode == 2 and "tracking.secret" in result.stderr


def test_once_with_a_real_secret_runs(tmp_path):
    config = write_config(tmp_path, secret=GOOD_SECRET)
    result = referloop("--config", str(config), "once")
    assert result.returncode == 0, result.stderr
    assert "fetched 0" in result.stdout


def test_the_secret_may_come_from_the_environment(tmp_path):
    config = write_config(tmp_path, secret=None)
    result = referloop("--config", str(config), "once", env_extra={"REFERLOOP_SECRET": GOOD_SECRET})
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("secret", ["", "   ", "change-me", "CHANGE-ME", "changeme", "secret", "Secret",
                                    "please-change-me", "short", "fifteen-chars-x"])
def test_missing_placeholder_or_short_secrets_are_refused(tmp_path, capsys, monkeypatch, secret):
    monkeypatch.delenv("REFERLOOP_SECRET", raising=False)
    config = write_config(tmp_path, secret=secret)
    assert main(["--config", str(config), "once"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "tracking.secret is missing or a placeholder" in err


def test_check_secret_accepts_sixteen_characters_and_more(tmp_path):
    cfg = build_config(tmp_path, inbox={"kind": "maildir", "path": "in"}, outbox={"kind": "file", "path": "out"},
                       tracking={"secret": "x" * 15 + "y"})
    check_secret(cfg)
    with pytest.raises(ConfigError):
        check_secret(build_config(tmp_path, inbox={"kind": "maildir", "path": "in"},
                                  outbox={"kind": "file", "path": "out"}, tracking={"secret": "change-me"}))


# ------------------------------------------------------------------ readable config files


@pytest.mark.parametrize(("text", "mode", "warn"), [
    ('[inbox]\npassword = "hunter2"\n', 0o644, True),
    ('[inbox]\npassword = "hunter2"\n', 0o604, True),          # others only
    ('[inbox]\npassword = "hunter2"\n', 0o640, True),          # group only
    ('[inbox]\npassword = "hunter2"\n', 0o600, False),
    ('[inbox]\npassword = "hunter2"\n', 0o400, False),
    ('[tracking]\nsecret = "' + GOOD_SECRET + '"\n', 0o644, True),
    ('[tracking]\n  secret="' + GOOD_SECRET + '"\n', 0o644, True),   # indented, no spaces
    ('[inbox]\npassword = ""\n', 0o644, False),                # nothing to leak
    ('[inbox]\n# password = "hunter2"\n', 0o644, False),       # a comment
    ('[inbox]\nusername = "track"\n', 0o644, False),
])
def test_readable_by_others_with_password(tmp_path, text, mode, warn):
    path = tmp_path / "referloop.toml"
    path.write_text(text, encoding="utf-8")
    os.chmod(path, mode)
    assert readable_by_others_with_password(str(path)) is warn


def test_a_missing_file_is_not_reported(tmp_path):
    assert readable_by_others_with_password(str(tmp_path / "nope.toml")) is False


def test_a_world_readable_config_with_a_secret_warns_at_start_without_printing_the_secret(tmp_path):
    config = write_config(tmp_path, secret=GOOD_SECRET, mode=0o644)
    result = referloop("--config", str(config), "once")

    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert len(warnings) == 1
    assert "readable by other users" in warnings[0] and "chmod 600" in warnings[0] and str(config) in warnings[0]
    assert GOOD_SECRET not in result.stderr + result.stdout


def test_a_private_config_starts_without_a_warning(tmp_path):
    config = write_config(tmp_path, secret=GOOD_SECRET, mode=0o600)
    result = referloop("--config", str(config), "once")
    assert result.returncode == 0 and "WARNING" not in result.stderr
