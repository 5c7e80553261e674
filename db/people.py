"""People: one row per address, the best name we know, and the time zone their mail shows."""
from __future__ import annotations

from datetime import datetime

from peewee import IntegrityError

from .models import Person, naive


def get_or_create_person(email: str, name: str, now: datetime) -> Person:
    """The person for an address, creating it race-free (a unique constraint, not a check)."""
    email = email.strip().lower()
    person = Person.get_or_none(Person.email == email)
    if person is None:
        try:
            with Person._meta.database.atomic():
                person = Person.create(email=email, name=(name or "").strip()[:200], created_at=naive(now))
        except IntegrityError:
            person = Person.get(Person.email == email)
    elif name and not person.name:
        person.name = name.strip()[:200]
        person.save(only=[Person.name])
    return person


def get_or_create_people(names: dict[str, str], now: datetime) -> dict[str, Person]:
    """The people for several addresses at once: one lookup, one insert for the new ones."""
    emails = [e.strip().lower() for e in names]
    found = {p.email: p for p in Person.select().where(Person.email.in_(emails))}
    missing = [e for e in dict.fromkeys(emails) if e not in found]
    if missing:
        rows = [{"email": e, "name": (names.get(e) or "").strip()[:200], "created_at": naive(now)} for e in missing]
        Person.insert_many(rows).on_conflict_ignore().execute()
        found.update({p.email: p for p in Person.select().where(Person.email.in_(missing))})
    for email, name in names.items():
        person = found[email.strip().lower()]
        if name and not person.name:
            person.name = name.strip()[:200]
            person.save(only=[Person.name])
    return found


def note_offset(person: Person, offset_minutes: int | None, seen: datetime | None) -> None:
    """Keep the UTC offset of the latest Date header seen from this person (for the send window)."""
    if offset_minutes is None or seen is None:
        return
    seen_n = naive(seen)
    if person.offset_seen_at is None or seen_n >= person.offset_seen_at:
        person.utc_offset_minutes = offset_minutes
        person.offset_seen_at = seen_n
        person.save(only=[Person.utc_offset_minutes, Person.offset_seen_at])
