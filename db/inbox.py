"""Store first: fetched mail becomes rows (raw bytes and the cursor in one transaction) before anything
acts on it. Dedup is by (mailbox, UIDVALIDITY, UID) and by (mailbox, Message-ID or a hash of the bytes).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from peewee import Database, IntegrityError

from parsers.envelope import raw_message_id

from .models import InboundMessage, Mailbox, naive

PENDING = ("new", "processing")
FINISHED = ("done", "rejected", "quarantined")


@dataclass(frozen=True)
class Fetched:
    """One message as the source gave it; ``raw`` is None when it was too large to download."""

    uid: str
    size: int
    raw: bytes | None


def message_key(raw: bytes) -> str:
    """The normalized Message-ID, or a hash of the bytes when there is none (or it is unusable)."""
    mid = raw_message_id(raw)
    if mid:
        return "mid:" + mid[:240]
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def cursor(name: str, uidvalidity: int, now: datetime) -> Mailbox:
    """The mailbox's cursor; a changed UIDVALIDITY resets it (dedup keys keep a rescan safe)."""
    box, _ = Mailbox.get_or_create(name=name, defaults={"uidvalidity": uidvalidity, "last_uid": 0,
                                                        "updated_at": naive(now)})
    if box.uidvalidity != uidvalidity:
        box.uidvalidity, box.last_uid, box.updated_at = uidvalidity, 0, naive(now)
        box.save()
    return box


def store(db: Database, name: str, uidvalidity: int, batch: list[Fetched], now: datetime,
          max_bytes: int, advance_cursor: bool) -> int:
    """Record a fetched batch and advance the cursor, atomically. Returns how many rows were new.

    Two lookups for the whole batch (by UID, by Message-ID key) and one multi-row insert: a row per
    message costs a few statements less than the message itself costs to fetch."""
    now_n = naive(now)
    fresh = list(batch)
    with db.atomic():
        uids = [item.uid for item in fresh]
        known_uids = {row.uid for row in InboundMessage.select(InboundMessage.uid).where(
            (InboundMessage.mailbox == name) & (InboundMessage.uidvalidity == uidvalidity)
            & InboundMessage.uid.in_(uids))} if uids else set()
        fresh = [item for item in fresh if item.uid not in known_uids]
        keys = {item.uid: message_key(item.raw) for item in fresh if item.raw is not None}
        known_keys = {row.message_key: row.id for row in InboundMessage.select(
            InboundMessage.id, InboundMessage.message_key).where(
            (InboundMessage.mailbox == name) & InboundMessage.message_key.in_(list(set(keys.values()))))} \
            if keys else {}
        rows: list[dict] = []
        seen: dict[str, str] = {}
        for item in fresh:
            row = dict(mailbox=name, uidvalidity=uidvalidity, uid=item.uid, size=item.size, received_at=now_n,
                       status="new", attempts=0, reason="", raw=item.raw, message_key="", moved=False,
                       target_folder=None, processed_at=None, subject="")
            if item.raw is None:
                row.update(message_key=f"oversized:{uidvalidity}:{item.uid}", status="quarantined",
                           reason=f"message of {item.size} bytes is larger than inbox.max_bytes ({max_bytes}); "
                                  "not downloaded", target_folder="quarantine", processed_at=now_n)
            else:
                key = keys[item.uid]
                first = known_keys.get(key)
                if first is not None or key in seen:
                    original = f"message #{first}" if first is not None else f"UID {seen[key]}"
                    row.update(status="done", reason=f"duplicate of {original}", target_folder="processed",
                               processed_at=now_n)
                    key = f"{key}#dup:{uidvalidity}:{item.uid}"[:250]
                else:
                    seen[key] = item.uid
                row["message_key"] = key
            rows.append(row)
        added = 0
        for start in range(0, len(rows), 50):
            chunk = rows[start:start + 50]
            try:
                with db.atomic():
                    InboundMessage.insert_many(chunk).execute()
                added += len(chunk)
            except IntegrityError:
                for row in chunk:        # another instance stored some of them first: one by one
                    try:
                        with db.atomic():
                            InboundMessage.insert(row).execute()
                        added += 1
                    except IntegrityError:
                        continue
        if advance_cursor and batch:
            highest = max(int(item.uid) for item in batch)
            (Mailbox.update(last_uid=highest, updated_at=now_n)
             .where((Mailbox.name == name) & (Mailbox.last_uid < highest)).execute())
    return added


def pending(name: str, limit: int) -> list[InboundMessage]:
    """Messages still to handle, those tried least first: a message that was being handled when the
    process died goes behind the others, so a run of outside kills (a deploy loop, an OOM killer busy
    elsewhere) spreads over the backlog instead of landing on the same message until it is quarantined."""
    return list(InboundMessage.select().where((InboundMessage.mailbox == name) & InboundMessage.status.in_(PENDING))
                .order_by(InboundMessage.attempts, InboundMessage.id).limit(limit))


def never_tried(row: InboundMessage) -> bool:
    """Neither tried alone nor part of a group that was cut off: such messages may go through in groups."""
    return row.attempts == 0 and row.status == "new"


def unmoved(name: str, uidvalidity: int, limit: int = 1000) -> list[InboundMessage]:
    return list(InboundMessage.select(InboundMessage.id, InboundMessage.uid, InboundMessage.target_folder)
                .where((InboundMessage.mailbox == name) & (InboundMessage.uidvalidity == uidvalidity)
                       & InboundMessage.status.in_(FINISHED) & (InboundMessage.moved == False)  # noqa: E712
                       & InboundMessage.target_folder.is_null(False))
                .order_by(InboundMessage.id).limit(limit))


def mark_moved(ids: list[int]) -> None:
    InboundMessage.update(moved=True).where(InboundMessage.id.in_(ids)).execute()


def begin_attempt(row: InboundMessage) -> None:
    """Count the attempt before trying, so a crash mid-message still counts towards quarantine."""
    row.attempts += 1
    row.status = "processing"
    row.save(only=[InboundMessage.attempts, InboundMessage.status])


def begin_group(db: Database, rows: list[InboundMessage]) -> None:
    """Mark several messages as being handled, committed before any of them is tried, without counting
    an attempt: a process that dies during a group does not say which message killed it, so nobody is
    charged; the members are then tried alone (see :func:`never_tried`), where each attempt counts. A
    message that fails with an error in a group is charged then (see :func:`attempt_failed`)."""
    with db.atomic():
        (InboundMessage.update(status="processing")
         .where(InboundMessage.id.in_([r.id for r in rows])).execute())
    for row in rows:
        row.status = "processing"


def quarantine(row: InboundMessage, reason: str, now: datetime) -> None:
    """Set a message aside for a person to look at (``referloop inbox --failed``), with the reason."""
    row.status, row.target_folder, row.processed_at = "quarantined", "quarantine", naive(now)
    row.reason = reason[:2000]
    row.save()


def attempt_failed(row: InboundMessage, error: str, max_attempts: int, now: datetime) -> None:
    row.reason = error[:2000]
    if row.attempts >= max_attempts:
        row.status, row.target_folder, row.processed_at = "quarantined", "quarantine", naive(now)
        row.reason = f"failed {row.attempts} times; last error: {error}"[:2000]
    else:
        row.status = "new"
    row.save()


def retry(message_id: int) -> bool:
    """``referloop inbox --retry ID``: put a quarantined or rejected message back in the queue. It is
    processed from the stored bytes; on the server it stays in the folder it was moved to (its UID
    there is unknown), which is where a person looking for it would expect it anyway. An oversized
    message was never downloaded, so there is nothing to retry."""
    return bool(InboundMessage.update(status="new", attempts=0, reason="retry requested")
                .where((InboundMessage.id == message_id) & InboundMessage.raw.is_null(False)
                       & InboundMessage.status.in_(("quarantined", "rejected"))).execute())
