"""People: one row per address, the best name we know, and the time zone their mail shows."""
from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from peewee import IntegrityError, Query

from .models import Person, database, naive
from .prepared import Prepared, PreparedSelect, instance

_BY_EMAIL = PreparedSelect(Person, lambda email: Person.email == email, "email")
_SET_NAME = Prepared(lambda id, name: Person.update(name=name).where(Person.id == id), "id", "name")
_SET_OFFSET = Prepared(lambda id, offset, seen: Person.update(utc_offset_minutes=offset, offset_seen_at=seen)
                       .where(Person.id == id), "id", "offset", "seen")


@lru_cache(maxsize=32)
def _by_emails(n: int) -> PreparedSelect:
    """The people with any of ``n`` addresses (one statement per list length, built once)."""
    names = [f"e{i}" for i in range(n)]
    return PreparedSelect(Person, lambda **m: Person.email.in_([m[x] for x in names]), *names)


class _InsertPeople(Prepared):
    """``n`` people at once, skipping addresses another transaction stored first. Where the database
    has RETURNING (PostgreSQL) the new rows come back with the insert, which saves reading them in a
    second statement: a round trip per new person on that database."""

    def __init__(self, n: int) -> None:
        self.fields = Person._meta.sorted_fields
        self.slots = [(f"e{i}", f"n{i}", f"c{i}") for i in range(n)]
        super().__init__(self._build, *(x for triple in self.slots for x in triple))

    def _build(self, **m: object) -> Query:
        query = Person.insert_many([{"email": m[e], "name": m[nm], "created_at": m[c]}
                                    for e, nm, c in self.slots]).on_conflict_ignore()
        return query.returning(*self.fields) if returns_rows() else query

    def inserted(self, **values: object) -> list[Person]:
        """Insert; the people actually inserted (only where :func:`returns_rows`, else none)."""
        cursor = self.execute(**values)
        return [instance(Person, self.fields, row) for row in cursor.fetchall()] if returns_rows() else []


def returns_rows() -> bool:
    return bool(getattr(database.obj, "returning_clause", False))


@lru_cache(maxsize=32)
def _insert_new(n: int) -> _InsertPeople:
    return _InsertPeople(n)


def find_person(email: str) -> Person | None:
    return _BY_EMAIL.one(email=email.strip().lower())


def _set_name(person: Person, name: str) -> None:
    person.name = name.strip()[:200]
    _SET_NAME.execute(id=person.id, name=person.name)


def get_or_create_person(email: str, name: str, now: datetime) -> Person:
    """The person for an address, creating it race-free (a unique constraint, not a check)."""
    email = email.strip().lower()
    person = find_person(email)
    if person is None:
        try:
            with Person._meta.database.atomic():
                person = Person.create(email=email, name=(name or "").strip()[:200], created_at=naive(now))
        except IntegrityError:
            person = Person.get(Person.email == email)
    elif name and not person.name:
        _set_name(person, name)
    return person


def get_or_create_people(names: dict[str, str], now: datetime) -> dict[str, Person]:
    """The people for several addresses at once: one lookup, and one insert for the new ones."""
    emails = list(dict.fromkeys(e.strip().lower() for e in names))
    found = {p.email: p for p in _by_emails(len(emails)).instances(**{f"e{i}": e for i, e in enumerate(emails)})}
    missing = [e for e in emails if e not in found]
    if missing:
        given = {e.strip().lower(): n for e, n in names.items()}
        values: dict[str, object] = {}
        for i, e in enumerate(missing):
            values.update({f"e{i}": e, f"n{i}": (given.get(e) or "").strip()[:200], f"c{i}": naive(now)})
        found.update({p.email: p for p in _insert_new(len(missing)).inserted(**values)})
        missing = [e for e in missing if e not in found]   # stored first by another transaction
        if missing:
            found.update({p.email: p for p in _by_emails(len(missing)).instances(
                **{f"e{i}": e for i, e in enumerate(missing)})})
    for email, name in names.items():
        person = found[email.strip().lower()]
        if name and not person.name:
            _set_name(person, name)
    return found


def note_offset(person: Person, offset_minutes: int | None, seen: datetime | None) -> None:
    """Keep the UTC offset of the latest Date header seen from this person (for the send window)."""
    if offset_minutes is None or seen is None:
        return
    seen_n = naive(seen)
    if person.utc_offset_minutes == offset_minutes and person.offset_seen_at == seen_n:
        return   # this very message was noted already (its sender is often also the referrer)
    if person.offset_seen_at is None or seen_n >= person.offset_seen_at:
        person.utc_offset_minutes = offset_minutes
        person.offset_seen_at = seen_n
        _SET_OFFSET.defer(id=person.id, offset=offset_minutes, seen=seen_n)
