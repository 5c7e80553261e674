"""A backlog is decided in groups, one commit per group: a failing message costs only itself (the group
is rolled back and redone message by message, so nothing of the first pass remains twice), and a
process that dies mid-group leaves every message of the group to be tried again, one at a time, charging
none of them. Only a message that the process dies on when it is tried alone, again and again, is set
aside, and a death puts the message it cut off behind the others."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from db.models import InboundMessage, Outbound, Referral
from mailer import cycle
from tests.harness import Harness, intro

T0 = datetime(2025, 3, 4, 16, 0, tzinfo=timezone.utc)


def deliver_intros(h: Harness, n: int) -> None:
    for i in range(n):
        h.deliver(intro(f"Referrer {i} <ref{i}@mail.example>", f"Dana Whitfield <dana{i}@cpa.example>",
                        f"Hannah Price <hannah{i}@ceramics.example>", T0, message_id=f"<group-{i}@mail.example>"))


def raise_on(h: Harness, monkeypatch, marker: bytes, exc: BaseException):
    """Make processing the message whose bytes contain ``marker`` raise ``exc``; returns the real method."""
    real = h.app.workflow.process_inbound

    def process(row, address, now, parsed=None, savepoint=True):
        if marker in bytes(row.raw):
            raise exc
        return real(row, address, now, parsed=parsed, savepoint=savepoint)

    monkeypatch.setattr(h.app.workflow, "process_inbound", process)
    return real


def test_one_failing_message_in_a_group_costs_only_itself(tmp_path, monkeypatch):
    h = Harness(tmp_path)
    deliver_intros(h, 5)
    real = raise_on(h, monkeypatch, b"group-2@", RuntimeError("simulated failure"))
    report = h.cycle(T0)
    assert (report.processed, report.failed) == (4, 1)
    assert Referral.select().count() == 4
    assert Outbound.select().where(Outbound.kind == "acknowledgement").count() == 4
    failed = InboundMessage.get(InboundMessage.message_key == "mid:group-2@mail.example")
    assert (failed.status, failed.attempts, failed.reason) == ("new", 1, "RuntimeError: simulated failure")

    monkeypatch.setattr(h.app.workflow, "process_inbound", real)
    assert h.cycle(T0).processed == 1
    assert Referral.select().count() == 5


def test_a_process_dying_mid_group_leaves_the_group_to_be_tried_one_by_one(tmp_path, monkeypatch):
    h = Harness(tmp_path)
    deliver_intros(h, 4)
    real = raise_on(h, monkeypatch, b"group-1@", SystemExit("the process is killed"))
    with pytest.raises(SystemExit):
        h.cycle(T0)
    rows = list(InboundMessage.select())
    assert Referral.select().count() == 0 and Outbound.select().count() == 0   # the group rolled back whole
    assert {(r.status, r.attempts) for r in rows} == {("processing", 0)}   # marked, nobody charged

    groups: list[int] = []
    original_group = cycle.process_group
    monkeypatch.setattr(cycle, "process_group", lambda app, rows, *a: groups.append(len(rows)) or
                        original_group(app, rows, *a))
    monkeypatch.setattr(h.app.workflow, "process_inbound", real)
    report = h.cycle(T0)
    assert report.processed == 4 and groups == []          # each went through alone
    assert Referral.select().count() == 4
    assert {(r.status, r.attempts) for r in InboundMessage.select()} == {("done", 1)}


def test_a_message_the_process_dies_on_every_time_is_set_aside_and_costs_the_others_nothing(tmp_path, monkeypatch):
    h = Harness(tmp_path)
    deliver_intros(h, 4)
    raise_on(h, monkeypatch, b"group-1@", SystemExit("the process is killed"))
    tried: list[str] = []
    real = h.app.workflow.process_inbound
    monkeypatch.setattr(h.app.workflow, "process_inbound", lambda row, *a, **k: tried.append(
        row.message_key.split("@")[0][4:]) or real(row, *a, **k))
    deaths = 0
    for _ in range(5):
        try:
            h.cycle(T0)
        except SystemExit:
            deaths += 1
    poison = InboundMessage.get(InboundMessage.message_key == "mid:group-1@mail.example")
    assert deaths == 4                                      # the group, then three times alone
    assert (poison.status, poison.attempts, poison.target_folder) == ("quarantined", 3, "quarantine")
    assert "the process stopped while handling it" in poison.reason
    assert Referral.select().count() == 3
    assert {r.attempts for r in InboundMessage.select().where(InboundMessage.status == "done")} == {1}
    assert tried == ["group-0", "group-1",                # the group: dies at group-1
                     "group-0", "group-1",                # alone, in order: dies at group-1 again
                     "group-2", "group-3", "group-1",     # group-1 now goes behind the others
                     "group-1"]                           # its third death; the fifth cycle sets it aside
