"""Exporting referrals as CSV or JSON, streamed: memory stays flat however many rows there are.

Rows are read in keyset pages (``id > last ORDER BY id LIMIT n``) with peewee's ``.iterator()``, so
neither peewee nor the database driver holds more than one page (psycopg2 would otherwise buffer a
whole result set). CSV cells that a spreadsheet would run as a formula are defused (see
:func:`safe_cell`).
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from typing import TextIO

from peewee import JOIN

from db.models import Person, Referral, naive, utc

PAGE = 2000
COLUMNS = ("id", "kind", "status", "introduced_at", "closed_at", "referrer_email", "referrer_name",
           "provider_email", "provider_name", "contact_email", "contact_name", "party_a_email", "party_b_email",
           "category", "amount", "currency", "historical")
# Spreadsheet apps treat a cell starting with one of these as a formula (or a DDE command).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A CSV cell as text, prefixed with a single quote when a spreadsheet would evaluate it."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _amount(value) -> str | None:
    """Always two decimals (SQLite hands back 1200.5 for 1200.50)."""
    return None if value is None else str(Decimal(str(value)).quantize(Decimal("0.01")))


def _iso(value) -> str | None:
    return utc(value).isoformat() if value else None


def export_rows(since: datetime | None = None, page: int = PAGE) -> Iterator[dict]:
    """Every referral (introduced at or after ``since``) as a flat dict, oldest id first."""
    Ref, Prov, Cont, A, B = (Person.alias() for _ in range(5))
    last_id = 0
    while True:
        query = (Referral.select(Referral.id, Referral.kind, Referral.status, Referral.introduced_at,
                                 Referral.closed_at, Referral.contact_name, Referral.category, Referral.amount,
                                 Referral.currency, Referral.historical,
                                 Ref.email, Ref.name, Prov.email, Prov.name, Cont.email, Cont.name, A.email, B.email)
                 .join_from(Referral, Ref, on=(Referral.referrer == Ref.id))
                 .join_from(Referral, Prov, JOIN.LEFT_OUTER, on=(Referral.provider == Prov.id))
                 .join_from(Referral, Cont, JOIN.LEFT_OUTER, on=(Referral.contact == Cont.id))
                 .join_from(Referral, A, on=(Referral.party_a == A.id))
                 .join_from(Referral, B, JOIN.LEFT_OUTER, on=(Referral.party_b == B.id))
                 .where(Referral.id > last_id)
                 .order_by(Referral.id).limit(page))
        if since is not None:
            query = query.where(Referral.introduced_at >= naive(since))
        count = 0
        for (rid, kind, status, introduced, closed, contact_name, category, amount, currency, historical,
             ref_email, ref_name, prov_email, prov_name, cont_email, cont_name, a_email, b_email) in \
                query.tuples().iterator():
            count += 1
            last_id = rid
            yield {
                "id": rid, "kind": kind, "status": status,
                "introduced_at": _iso(introduced), "closed_at": _iso(closed),
                "referrer_email": ref_email, "referrer_name": ref_name or "",
                "provider_email": prov_email, "provider_name": prov_name or "",
                "contact_email": cont_email, "contact_name": (cont_name or contact_name or ""),
                "party_a_email": a_email, "party_b_email": b_email,
                "category": category, "amount": _amount(amount),
                "currency": currency, "historical": bool(historical),
            }
        if count < page:
            return


def write_csv(rows: Iterator[dict], out: TextIO) -> int:
    """CSV with a header row; every cell defused against formula injection. Returns the row count."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    n = 0
    for row in rows:
        writer.writerow([safe_cell(row[c]) for c in COLUMNS])
        n += 1
    return n


def write_json(rows: Iterator[dict], out: TextIO) -> int:
    """One JSON array, written a row at a time (valid JSON for any tool, never built in memory)."""
    out.write("[")
    n = 0
    for row in rows:
        out.write(",\n" if n else "\n")
        out.write(json.dumps(row, ensure_ascii=False))
        n += 1
    out.write("\n]\n" if n else "]\n")
    return n
