"""The claim on PostgreSQL stays cheap right after mail was queued in bulk: the due rows are read in due
order from the index and the read stops at the limit, rather than every queued row being read and sorted
for each claim (what the planner picks when its statistics still count almost no queued rows)."""
from __future__ import annotations

from datetime import datetime, timedelta

from db import outbox
from db.connection import open_database
from db.migrations import upgrade
from db.models import Outbound

NOW = datetime(2024, 5, 1, 12, 0)


def _queue_in_bulk(count: int) -> None:
    due = NOW - timedelta(hours=2)
    rows = [{"message_id": f"m{i}@example.test", "kind": "acknowledgement", "to_addr": f"p{i}@example.test",
             "raw": b"x" * 1500, "next_attempt_at": due + timedelta(seconds=i), "deadline": NOW + timedelta(days=3),
             "created_at": due} for i in range(count)]
    for start in range(0, count, 500):
        Outbound.insert_many(rows[start:start + 500]).execute()


def test_a_claim_after_bulk_queueing_reads_the_index_in_due_order(pg_url):
    db = open_database(pg_url)
    upgrade(db)
    db.execute_sql("ANALYZE outbound")        # statistics of an empty outbox, then 5,000 rows queued
    _queue_in_bulk(5000)
    due = (Outbound.select(Outbound.id)
           .where((Outbound.status == "queued") & (Outbound.next_attempt_at <= NOW))
           .order_by(Outbound.next_attempt_at).limit(100).for_update("FOR UPDATE SKIP LOCKED"))
    sql, params = due.sql()
    with db.atomic():
        db.execute_sql(outbox._CLAIM_SETTINGS)
        plan = "\n".join(row[0] for row in db.execute_sql("EXPLAIN " + sql, params))
    assert "Index Scan using outbound_status_next_attempt_at" in plan and "Sort" not in plan, plan

    rows = outbox.claim(db, NOW, 100)
    assert [r.message_id for r in rows] == [f"m{i}@example.test" for i in range(100)]
    db.close()
