"""XOAUTH2 (Gmail, Microsoft 365): the token comes from ``oauth2_token_command`` as in mbsync and
msmtp. SMTP: the real exchange against an aiosmtpd server that implements the mechanism. IMAP: our
Dovecot fixture has no OAuth2 backend, so the test checks the token reaches imapclient's oauth2_login."""
from __future__ import annotations

import base64
import sys

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from db.models import Outbound
from mailer import imap_source
from mailer.cycle import run_cycle, start
from mailer.sources import SourceError
from tests.conftest import build_config, imap_inbox
from tests.reliability.support import NOW, intros
from tests.servers import SmtpCapture, free_port

pytestmark = pytest.mark.servers
TOKEN = "ya29.test-token"


class XOAuth2Capture(SmtpCapture):
    async def auth_XOAUTH2(self, server, args):
        blob = base64.b64decode(args[1]).decode() if len(args) > 1 else ""
        fields = dict(part.split("=", 1) for part in blob.split("\x01") if "=" in part)
        if fields.get("auth") == f"Bearer {TOKEN}":
            return AuthResult(success=True, auth_data=fields.get("user"))
        return AuthResult(success=False, handled=False)


@pytest.fixture
def oauth_smtp():
    handler = XOAuth2Capture()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, auth_require_tls=False, auth_required=True)
    controller.start()
    yield handler, port
    controller.stop()


def _token_command(tmp_path, token: str) -> str:
    script = tmp_path / "token.py"
    script.write_text(f"print({token!r})\n")
    return f"{sys.executable} {script}"


@pytest.mark.parametrize("token,delivered", [(TOKEN, True), ("expired", False)])
def test_smtp_xoauth2(oauth_smtp, tmp_path, token, delivered):
    handler, port = oauth_smtp
    inbox = tmp_path / "inbox"
    for sub in ("new", "cur", "tmp"):
        (inbox / sub).mkdir(parents=True)
    (inbox / "new" / "1.eml").write_bytes(intros(1, tag="x")[0])
    config = build_config(tmp_path, inbox={"kind": "maildir", "path": str(inbox)},
                          outbox={"kind": "smtp", "host": "127.0.0.1", "port": port, "security": "none",
                                  "username": "track@example.test",
                                  "oauth2_token_command": _token_command(tmp_path, token)})
    report = run_cycle(start(config), NOW)
    [row] = Outbound.select()
    if delivered:
        assert report.sent == 1 and len(handler.messages) == 1 and row.status == "sent"
    else:   # our credentials, not the recipient: retried later, with the reason
        assert report.sent == 0 and row.status == "queued" and "SMTP login failed: 535" in row.last_error


def test_imap_xoauth2_uses_the_token_command(dovecot, tmp_path, monkeypatch):
    seen = []

    def fake_login(self, user, access_token, mech="XOAUTH2", vendor=None):
        seen.append((user, access_token))
        raise imap_source.imapclient.exceptions.LoginError("AUTHENTICATE failed")

    monkeypatch.setattr(imap_source.imapclient.IMAPClient, "oauth2_login", fake_login)
    user = dovecot.new_user()
    inbox = imap_inbox(dovecot, user, password="", oauth2_token_command=_token_command(tmp_path, TOKEN))
    source = imap_source.ImapSource(build_config(tmp_path, inbox=inbox, outbox={"kind": "file", "path": "out"}).inbox)
    with pytest.raises(SourceError, match="login failed"):
        source.open()
    assert seen == [(user, TOKEN)]


def test_a_failing_token_command_is_one_clear_error(tmp_path):
    with pytest.raises(SourceError, match="oauth2_token_command failed"):
        imap_source.oauth2_token(f"{sys.executable} -c 'raise SystemExit(3)'")
    with pytest.raises(SourceError, match="printed no token"):
        imap_source.oauth2_token(f"{sys.executable} -c 'pass'")
