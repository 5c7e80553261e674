"""The tables. Every uniqueness rule that keeps mail from being lost or doubled lives here as a constraint,
so correctness holds even with several processes sharing one PostgreSQL database.

Times are stored as naive UTC datetimes (both SQLite and PostgreSQL compare them correctly that way);
use :func:`utc` and :func:`naive` at the edges.
"""
from __future__ import annotations

from datetime import datetime, timezone

from peewee import (
    BigIntegerField, BlobField, BooleanField, CharField, DatabaseProxy, DateTimeField, DecimalField,
    ForeignKeyField, IntegerField, Model, TextField,
)

database = DatabaseProxy()


def naive(dt: datetime) -> datetime:
    """UTC-aware or naive-UTC -> naive UTC, the form stored in the database."""
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
    return dt


def utc(dt: datetime | None) -> datetime | None:
    """A stored naive-UTC datetime -> aware UTC."""
    if dt is None:
        return None
    return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaVersion(BaseModel):
    version = IntegerField(primary_key=True)
    description = CharField()
    applied_at = DateTimeField()


class Mailbox(BaseModel):
    """The fetch cursor of one mailbox: never ``\\Seen``, always (UIDVALIDITY, last UID)."""

    name = CharField(unique=True)
    uidvalidity = BigIntegerField(default=0)
    last_uid = BigIntegerField(default=0)
    updated_at = DateTimeField()


class InboundMessage(BaseModel):
    """Every message that reached a tracking mailbox, stored before it is processed.

    ``status``: new -> processing -> done | rejected | quarantined. ``location`` is the folder the
    message should end up in on the server; ``moved`` says whether that already happened.
    """

    mailbox = CharField()
    uidvalidity = BigIntegerField()
    uid = CharField()
    message_key = CharField()
    raw = BlobField(null=True)
    size = IntegerField()
    received_at = DateTimeField()
    status = CharField(default="new")
    attempts = IntegerField(default=0)
    reason = TextField(default="")
    kind = CharField(null=True)
    ignore_reason = CharField(null=True)
    sender = CharField(null=True)
    message_id = CharField(null=True)
    subject = TextField(default="")
    target_folder = CharField(null=True)
    moved = BooleanField(default=False)
    processed_at = DateTimeField(null=True)
    cut_text = TextField(null=True)

    class Meta:
        indexes = (
            (("mailbox", "uidvalidity", "uid"), True),
            (("mailbox", "message_key"), True),
            (("status", "received_at"), False),
            (("sender", "received_at"), False),
        )


class Person(BaseModel):
    email = CharField(unique=True)
    name = CharField(default="")
    utc_offset_minutes = IntegerField(null=True)
    offset_seen_at = DateTimeField(null=True)
    opted_out_at = DateTimeField(null=True)
    bouncing_at = DateTimeField(null=True)
    bounce_reason = TextField(null=True)
    created_at = DateTimeField()

    def label(self) -> str:
        return self.name or self.email

    @property
    def first_name(self) -> str:
        """How templates greet the person: the first word of the name, else of the address's local part,
        else the address itself (a name of only spaces or an address like "@x" must not break a greeting)."""
        words = (self.name or "").split() or self.email.split("@")[0].split()
        return words[0] if words else self.email


class Referral(BaseModel):
    """One referral: the referrer sends the contact to the provider (or introduces two peers)."""

    dedup_key = CharField(unique=True)
    kind = CharField()                       # introduction | lead
    referrer = ForeignKeyField(Person, backref="given")
    provider = ForeignKeyField(Person, null=True, backref="received")
    contact = ForeignKeyField(Person, null=True, backref="as_contact")
    party_a = ForeignKeyField(Person, backref="+")
    party_b = ForeignKeyField(Person, null=True, backref="+")
    contact_name = CharField(null=True)
    contact_phone = CharField(null=True)
    category = CharField(null=True)
    status = CharField(default="introduced")
    amount = DecimalField(max_digits=14, decimal_places=2, null=True)
    currency = CharField(null=True)
    mailbox = CharField(default="")
    source = ForeignKeyField(InboundMessage, null=True, backref="referrals")
    thread_id = CharField(null=True)         # the introduction's Message-ID, for threading updates
    thread_refs = TextField(default="")
    subject = TextField(default="")
    introduced_at = DateTimeField()
    updated_at = DateTimeField()
    closed_at = DateTimeField(null=True)
    expires_at = DateTimeField(null=True)    # when the cadence ran out: no_response unless answered
    historical = BooleanField(default=False)
    in_touch_notified = BooleanField(default=False)

    class Meta:
        indexes = (
            (("status", "expires_at"), False),
            (("thread_id",), False),
            (("referrer", "introduced_at"), False),
            (("provider", "introduced_at"), False),
            (("contact", "introduced_at"), False),
            (("party_a", "provider"), False),     # reciprocity ledger: peer introductions of a person
            (("party_b", "provider"), False),
            # Covering indexes: a person's ledger (given, received) is read from the index alone.
            (("referrer", "provider", "kind", "currency", "status", "historical", "amount", "introduced_at",
              "category"), False),
            (("provider", "referrer", "kind", "currency", "status", "historical", "amount", "introduced_at",
              "category"), False),
        )


class Event(BaseModel):
    """The history of a referral: every change with its source and time."""

    referral = ForeignKeyField(Referral, backref="events", on_delete="CASCADE")
    kind = CharField()
    old_status = CharField(null=True)
    new_status = CharField(null=True)
    source = CharField()                     # e.g. "message:12", "job:checkin", "cli"
    detail = TextField(default="")
    at = DateTimeField()

    class Meta:
        indexes = ((("referral", "at"), False),)


class Outbound(BaseModel):
    """The transactional outbox: an email exists here from the moment it was decided.

    ``raw`` holds the final bytes with the final Message-ID, so a retry sends exactly the same mail.
    """

    message_id = CharField(unique=True)
    kind = CharField()
    referral = ForeignKeyField(Referral, null=True, backref="outbound")
    person = ForeignKeyField(Person, null=True, backref="outbound")
    to_addr = CharField()
    subject = TextField(default="")
    raw = BlobField()
    status = CharField(default="queued")     # queued | sending | sent | failed | cancelled
    attempts = IntegerField(default=0)
    next_attempt_at = DateTimeField()
    deadline = DateTimeField()
    last_error = TextField(default="")
    created_at = DateTimeField()
    sent_at = DateTimeField(null=True)
    claimed_at = DateTimeField(null=True)

    class Meta:
        indexes = (
            (("status", "next_attempt_at"), False),
            (("status", "sent_at"), False),
            (("to_addr", "kind", "created_at"), False),
        )


class Checkin(BaseModel):
    """A scheduled check-in with one introduced person; due times live here, not in memory."""

    referral = ForeignKeyField(Referral, backref="checkins", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="checkins")
    role = CharField()                        # provider | contact | party
    seq = IntegerField()                      # index into schedule.checkins
    due_at = DateTimeField()
    status = CharField(default="scheduled")  # scheduled | sent | skipped | cancelled
    sent_at = DateTimeField(null=True)
    answered_at = DateTimeField(null=True)
    outcome = CharField(null=True)
    clarified = BooleanField(default=False)
    outbound = ForeignKeyField(Outbound, null=True, backref="+")

    class Meta:
        indexes = (
            (("status", "due_at"), False),
            (("referral", "person", "seq"), True),
        )


class Notice(BaseModel):
    """Rate limit for explanations we send to strangers: one per address, reason and day."""

    address = CharField()
    reason = CharField()
    day = CharField()

    class Meta:
        indexes = ((("address", "reason", "day"), True),)


class NudgeSent(BaseModel):
    """A reciprocity suggestion made to ``person`` about ``partner``: at most one per pair and quarter."""

    person = ForeignKeyField(Person, backref="+")
    partner = ForeignKeyField(Person, backref="+")
    quarter = CharField()                    # e.g. "2025-Q1"
    created_at = DateTimeField()

    class Meta:
        indexes = ((("person", "partner", "quarter"), True),)


class DigestSent(BaseModel):
    """The monthly digest decided for one person: the unique key makes queueing it idempotent."""

    person = ForeignKeyField(Person, backref="+")
    period = CharField()                     # the month reported on, e.g. "2025-03"
    created_at = DateTimeField()

    class Meta:
        indexes = ((("person", "period"), True),)


ALL_MODELS = [SchemaVersion, Mailbox, InboundMessage, Person, Referral, Event, Outbound, Checkin, Notice,
              NudgeSent, DigestSent]
