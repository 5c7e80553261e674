"""Two referloop deployments whose tracking addresses CC each other, plus an out-of-office
auto-responder, with an SMTP server that delivers mail for the tracking addresses back into their
IMAP mailboxes: the exchange stops after the first answers instead of ping-ponging."""
from __future__ import annotations

from email.message import EmailMessage
from email.utils import make_msgid, parseaddr

import pytest

from mailer.cycle import run_cycle, start
from tests.conftest import build_config, imap_inbox, smtp_outbox
from tests.harness import intro
from tests.reliability.support import NOW

pytestmark = pytest.mark.servers
AUTO = "away@responder.example"


def _out_of_office(original: EmailMessage, to: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Away <{AUTO}>"
    msg["To"] = to
    msg["Subject"] = f"Automatic reply: {original['Subject']}"
    msg["Message-ID"] = make_msgid(domain="responder.example")
    msg["In-Reply-To"] = original["Message-ID"]
    msg["Auto-Submitted"] = "auto-replied"
    msg["X-Autoreply"] = "yes"
    msg.set_content("I am out of the office until Monday.")
    return msg.as_bytes()


def test_two_instances_and_an_autoresponder_do_not_loop(dovecot, smtp, tmp_path):
    track_a, track_b = dovecot.new_user(), dovecot.new_user()
    configs = {}
    for name, track in (("a", track_a), ("b", track_b)):
        (tmp_path / name).mkdir()
        configs[track] = build_config(tmp_path / name, inbox=imap_inbox(dovecot, track, address=track),
                                      outbox=smtp_outbox(smtp), address=track)
    # the two tracking addresses introduce people to each other, CCing the other instance, and the
    # auto-responder introduces someone with both instances in copy
    seeds = [
        (track_b, intro(f"Track A <{track_a}>", "Bob Ruiz <bob@ruizcpa.example>", f"Away Person <{AUTO}>",
                        NOW, tracking=track_b)),
        (track_a, intro(f"Track B <{track_b}>", "Carol Diaz <carol@diaz.example>", "Dan Wu <dan@wu.example>",
                        NOW, tracking=track_a)),
    ]
    auto_intro = intro(f"Away Person <{AUTO}>", "Eve Park <eve@park.example>", "Finn Lo <finn@lo.example>",
                       NOW, tracking=f"{track_a}, {track_b}")
    seeds += [(track_a, auto_intro), (track_b, auto_intro)]
    for box, raw in seeds:
        dovecot.append(box, raw)

    relayed = 0
    per_round: list[int] = []
    for _ in range(6):
        before = len(smtp.handler.messages)
        for track, config in configs.items():
            run_cycle(start(config), NOW)
        new = smtp.handler.messages[before:]
        per_round.append(len(new))
        for captured in new:
            msg = captured.message
            for rcpt in captured.rcpt_tos:
                local, _, domain = rcpt.lower().partition("@")
                base = f"{local.split('+')[0]}@{domain}"
                if base in configs:
                    dovecot.append(base, captured.content)
                    relayed += 1
                elif base == AUTO:
                    sender = parseaddr(str(msg["From"]))[1].lower()
                    if sender in configs:
                        dovecot.append(sender, _out_of_office(msg, sender))
                        relayed += 1
    print(f"\nno loops: emails per round {per_round}, relayed back into tracking mailboxes {relayed}")
    for captured in smtp.handler.messages:
        assert captured.message["Auto-Submitted"] in ("auto-replied", "auto-generated")
        assert captured.message["X-Auto-Response-Suppress"] == "All"
    assert sum(per_round) <= 6 and per_round[-3:] == [0, 0, 0]
