"""Every decision the service makes, in one place: what an inbound message means for the records,
which emails follow, and what falls due as time passes.

Inputs are parsed messages (plain dataclasses) and the clock (``now`` is always an argument, so a
two-week wait is tested in milliseconds). Each decision and the emails it causes are committed in one
transaction; mail leaves only through the outbox afterwards.
"""
from __future__ import annotations

from contextlib import nullcontext

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime, timedelta
from decimal import Decimal

from peewee import Database, IntegrityError, fn

from mailer.compose import Composer, Draft
from mailer.config import Config, parse_duration
from mailer.window import SendWindow
from parsers import Address, ParsedMessage, Referral as FoundReferral, Tracking, parse_message
from parsers.addresses import is_tracking
from parsers.authentication import sender_authenticated
from parsers.tokens import make_token, read_token, stop_token, verify_stop_token, verify_token

from . import outbox
from .claims import claimed_checkin, due_checkin_ids
from .commands import reply_help, reply_report
from .digest import queue_monthly_digests
from .models import Checkin, Event, InboundMessage, Notice, Outbound, Person, Referral, naive, utc
from .people import find_person, get_or_create_people, get_or_create_person, note_offset
from .policy import sender_allowed
from .prepared import Prepared
from .views import humanize, money, one_tap_options, referral_view

OPEN = ("introduced", "no_contact", "in_touch")
FINAL = ("won", "lost")
OUTCOME_STATUS = {"won": "won", "lost": "lost", "connected": "in_touch", "no_contact": "no_contact"}
# How final a status is: a report may only move a referral to a more final status.
RANK = {"introduced": 0, "no_response": 0, "no_contact": 1, "in_touch": 2, "won": 3, "lost": 3}
NOTIFY_REFERRER = ("in_touch", "won", "lost", "no_response")
REINTRODUCTION_WINDOW = timedelta(days=30)
FOLDER_DONE, FOLDER_FAILED, FOLDER_QUARANTINE = "processed", "failed", "quarantine"
# Commands that act on the sender's own data need proof of who sent them, whatever the policy.
COMMANDS_NEEDING_AUTH = ("report", "stop")


# The statements every introduction runs, their SQL built once (see db/prepared.py).
_RECENT_FROM_SENDER = Prepared(lambda sender, since, id: InboundMessage.select(fn.COUNT(InboundMessage.id)).where(
    (InboundMessage.sender == sender) & (InboundMessage.received_at > since) & (InboundMessage.id != id)
    & InboundMessage.processed_at.is_null(False)), "sender", "since", "id")
_SAME_PEOPLE_SINCE = Prepared(lambda referrer, a, b, since: Referral.select(Referral.id).where(
    (Referral.referrer == referrer) & (Referral.party_a == a) & (Referral.party_b == b)
    & (Referral.introduced_at > since) & (Referral.historical == False)).limit(1),  # noqa: E712
    "referrer", "a", "b", "since")
_SAME_PERSON_SINCE = Prepared(lambda referrer, a, since: Referral.select(Referral.id).where(
    (Referral.referrer == referrer) & (Referral.party_a == a) & Referral.party_b.is_null()
    & (Referral.introduced_at > since) & (Referral.historical == False)).limit(1),  # noqa: E712
    "referrer", "a", "since")
_REFERRAL_FIELDS = ("dedup_key", "kind", "referrer", "provider", "contact", "party_a", "party_b", "contact_name",
                    "contact_phone", "category", "mailbox", "source", "thread_id", "thread_refs", "subject",
                    "introduced_at", "updated_at")
_INSERT_REFERRAL = {
    historical: Prepared(lambda historical=historical, **m: Referral.insert(historical=historical, **m)
                         .on_conflict(action="NOTHING", conflict_target=(Referral.dedup_key,)), *_REFERRAL_FIELDS)
    for historical in (True, False)}
_INSERT_EVENT = Prepared(lambda **m: Event.insert(**m), "referral", "kind", "source", "at", "old_status",
                         "new_status", "detail")
_INBOUND_RESULT = ("kind", "ignore_reason", "sender", "message_id", "subject", "status", "reason", "target_folder",
                   "processed_at", "cut_text")
_RECORD_INBOUND = Prepared(lambda id, **m: InboundMessage.update(**m).where(InboundMessage.id == id),
                           "id", *_INBOUND_RESULT)


@lru_cache(maxsize=16)
def _insert_checkins(n: int) -> Prepared:
    columns = ("referral", "person", "role", "seq", "due_at")
    names = [tuple(f"{c}{i}" for c in columns) for i in range(n)]
    return Prepared(lambda **m: Checkin.insert_many(
        [dict({c: m[v] for c, v in zip(columns, row)}, status="scheduled", clarified=False) for row in names]),
        *(v for row in names for v in row))


@dataclass(frozen=True)
class Disposition:
    """The verdict on one inbound message: ``done`` (understood) or ``rejected`` (with the reason)."""

    status: str
    reason: str
    folder: str


class Workflow:
    def __init__(self, config: Config, composer: Composer, db: Database) -> None:
        self.config = config
        self.composer = composer
        self.db = db
        sched = config.schedule
        self.window = SendWindow.parse(sched.send_window, sched.send_days, sched.timezone)
        self.offsets = [parse_duration(o) for o in sched.checkins]
        self.no_response_after = parse_duration(sched.no_response_after)
        self.deadline = parse_duration(config.outbox.retry_deadline)

    # ------------------------------------------------------------------ inbound
    def tracking_for(self, mailbox_address: str) -> Tracking:
        addrs = (mailbox_address.lower(),) + tuple(a for a in self.config.all_addresses if a != mailbox_address)
        return Tracking(addrs, tuple(self.config.categories.items()))

    def parse(self, row: InboundMessage, mailbox_address: str) -> ParsedMessage:
        return parse_message(bytes(row.raw or b""), self.tracking_for(mailbox_address))

    def process_inbound(self, row: InboundMessage, mailbox_address: str, now: datetime,
                        parsed: ParsedMessage | None = None, savepoint: bool = True) -> Disposition:
        """Act on a stored message (parsed here unless the caller parsed it already, outside the
        transaction); the row's status is updated in the same transaction as the decision.

        ``savepoint=False`` leaves the isolation to the caller: a group of messages in one transaction
        that is rolled back and redone message by message if any of them fails."""
        if parsed is None:
            parsed = self.parse(row, mailbox_address)
        with self.db.atomic() if savepoint else nullcontext():
            disposition = self._decide(row, parsed, mailbox_address, now)
            result = {"kind": parsed.kind, "ignore_reason": parsed.ignore_reason,
                      "sender": parsed.sender.email if parsed.sender else None, "message_id": parsed.message_id,
                      "subject": parsed.subject[:500], "status": disposition.status,
                      "reason": disposition.reason[:2000], "target_folder": disposition.folder,
                      "processed_at": naive(now),
                      "cut_text": parsed.reply.cut_text[:200_000] if parsed.reply is not None else row.cut_text}
            for name, value in result.items():
                setattr(row, name, value)
            _RECORD_INBOUND.defer(id=row.id, **result)   # never rewrite the stored raw bytes
        return disposition

    def _decide(self, row: InboundMessage, parsed: ParsedMessage, mailbox: str, now: datetime) -> Disposition:
        source = f"message:{row.id}"
        if parsed.kind == "ignore" and parsed.ignore_reason == "unparseable":
            return Disposition("rejected", f"unparseable: {parsed.detail}", FOLDER_FAILED)
        if parsed.kind == "ignore" and parsed.ignore_reason == "bounce":
            return self._bounce(parsed, source, now)
        if parsed.kind == "ignore" and parsed.ignore_reason in ("auto_reply", "mailing_list", "from_self"):
            return Disposition("done", f"ignored ({parsed.ignore_reason}): {parsed.detail}", FOLDER_DONE)
        assert parsed.sender is not None
        sender = parsed.sender.email
        authenticated = sender_authenticated(parsed.authentication_results, sender.rpartition("@")[2],
                                             self.config.security.trusted_authserv_id)
        if self._needs_authentication(parsed) and not authenticated.ok and not self._answers_own_mail(parsed):
            return Disposition("quarantined", f"unauthenticated sender: {authenticated.reason}", FOLDER_QUARANTINE)
        if self._over_rate_limit(sender, row, now):
            return Disposition("rejected", f"more than {self.config.security.max_messages_per_hour} messages "
                                           f"from {sender} in an hour", FOLDER_FAILED)
        known = find_person(sender)
        if known is not None:
            note_offset(known, parsed.utc_offset_minutes, parsed.date)
        if parsed.kind == "reply":
            return self._reply(parsed, source, now)
        if parsed.kind == "command":
            return self._command(parsed, source, now, authenticated.ok or self._answers_own_mail(parsed))
        thread_hit = self._response_on_thread(parsed, source, now)
        if thread_hit is not None:
            return thread_hit
        if parsed.kind in ("introduction", "lead"):
            refusal = self._policy_refusal(sender)
            if refusal:
                self._notice(parsed, "policy", refusal, now)
                return Disposition("rejected", f"sender policy: {refusal}", FOLDER_FAILED)
            return self._introduction(row, parsed, mailbox, source, now)
        return Disposition("done", f"no referral: {parsed.detail}", FOLDER_DONE)

    def _over_rate_limit(self, sender: str, row: InboundMessage, now: datetime) -> bool:
        count = _RECENT_FROM_SENDER.scalar(sender=sender, since=naive(now) - timedelta(hours=1), id=row.id)
        return count >= self.config.security.max_messages_per_hour

    def _answers_own_mail(self, parsed: ParsedMessage) -> bool:
        """Proof of who writes without an authenticated sender, as a reply token gives: the personal
        unsubscribe address we sent to this address, or a reply to an email we sent to this very address
        (only its recipient has seen its Message-ID, 64 random bits)."""
        if parsed.kind != "command" or parsed.sender is None:
            return False
        if parsed.command == "stop" and parsed.token:
            return verify_stop_token(self.config.secret_bytes, parsed.sender.email, parsed.token)
        ids = [i for i in parsed.in_reply_to + parsed.references if i]
        return bool(ids) and Outbound.select().where(Outbound.message_id.in_(ids[-20:])
                                                     & (Outbound.to_addr == parsed.sender.email)).exists()

    def _needs_authentication(self, parsed: ParsedMessage) -> bool:
        return self.config.security.require_authenticated_sender or (
            parsed.kind == "command" and parsed.command in COMMANDS_NEEDING_AUTH)

    def _policy_refusal(self, sender: str) -> str | None:
        if sender_allowed(sender, self.config.security.accept_from):
            return None
        return "this tracking address only records introductions from its members."

    # ------------------------------------------------------------------ introductions
    def _introduction(self, row: InboundMessage, parsed: ParsedMessage, mailbox: str, source: str,
                      now: datetime) -> Disposition:
        created: list[Referral] = []
        for found in parsed.referrals:
            referral = self.record_referral(found, parsed, mailbox, row.message_key, now, source, row=row)
            if referral is not None:
                created.append(referral)
        if not created:
            return Disposition("done", "referrals already recorded", FOLDER_DONE)
        self._acknowledge(created, parsed, now)
        return Disposition("done", f"recorded {len(created)} {parsed.kind}(s): "
                                   + ", ".join(f"#{r.id}" for r in created), FOLDER_DONE)

    def record_referral(self, found: FoundReferral, parsed: ParsedMessage, mailbox: str, message_key: str,
                        now: datetime, source: str, row: InboundMessage | None = None,
                        historical: bool = False) -> Referral | None:
        """Store one referral, its people, its first event and (unless historical) its check-ins.
        Returns None when it already exists (the dedup key is unique)."""
        names = dict(found.names)
        key_text = f"{mailbox}|{message_key}|{found.referrer}|{','.join(found.parties)}"
        dedup_key = hashlib.sha256(key_text.encode()).hexdigest()
        people = get_or_create_people({e: names.get(e, "") for e in (found.referrer, *found.parties)}, now)
        referrer = people[found.referrer]
        if parsed.sender and parsed.sender.email == found.referrer:
            note_offset(referrer, parsed.utc_offset_minutes, parsed.date)
        a = people[found.parties[0]]
        b = people[found.parties[1]] if len(found.parties) > 1 else None
        if not historical and self._recently_introduced(referrer, a, b, now):
            return None
        introduced_at = naive(parsed.date) if historical and parsed.date else naive(now)
        fields = dict(
            dedup_key=dedup_key, kind=found.kind, referrer=referrer,
            provider=people.get(found.provider) if found.provider else None,
            contact=people.get(found.contact) if found.contact else None,
            party_a=a, party_b=b, contact_name=found.contact_name, contact_phone=found.contact_phone,
            category=found.category, mailbox=mailbox, source=row,
            thread_id=parsed.message_id, thread_refs=" ".join(parsed.references[-10:]),
            subject=parsed.subject[:300], introduced_at=introduced_at, updated_at=naive(now),
        )
        new_id = _INSERT_REFERRAL[historical].insert_new_id(
            **{k: v.id if hasattr(v, "_meta") else v for k, v in fields.items()})
        if new_id is None:   # the same message recorded it already (the dedup key is unique)
            return None
        referral = Referral(id=new_id, historical=historical, **fields)
        referral._dirty.clear()
        self.event(referral, "created", source, now, new_status="introduced",
                   detail={"kind": found.kind, "historical": historical})
        if not historical:
            self._schedule_checkins(referral, now)
        return referral

    def _recently_introduced(self, referrer: Person, a: Person, b: Person | None, now: datetime) -> bool:
        """The same referrer introducing the same people again within the window is one referral: a
        follow-up email, or a flood meant to make us pester two people, must not multiply check-ins."""
        since = naive(now) - REINTRODUCTION_WINDOW
        if b is None:
            return _SAME_PERSON_SINCE.exists(referrer=referrer.id, a=a.id, since=since)
        return _SAME_PEOPLE_SINCE.exists(referrer=referrer.id, a=a.id, b=b.id, since=since)

    def _schedule_checkins(self, referral: Referral, now: datetime) -> None:
        """Both introduced people are checked in with separately; for a lead only the provider is, since
        the contact was never on the email and did not agree to hear from us."""
        targets: list[tuple[Person, str]] = []
        if referral.kind == "lead":
            if referral.provider:
                targets.append((referral.provider, "provider"))
        else:
            for person in (referral.party_a, referral.party_b):
                if person is None:
                    continue
                role = ("provider" if referral.provider_id == person.id else
                        "contact" if referral.contact_id == person.id else "party")
                targets.append((person, role))
        start = utc(referral.introduced_at)
        rows = [(referral.id, person.id, role, seq, naive(start + offset))
                for person, role in targets for seq, offset in enumerate(self.offsets)]
        if rows:
            _insert_checkins(len(rows)).defer(**{f"{c}{i}": v for i, row in enumerate(rows)
                                                    for c, v in zip(("referral", "person", "role", "seq", "due_at"), row)})

    def _acknowledge(self, created: list[Referral], parsed: ParsedMessage, now: datetime) -> None:
        first = created[0]
        referrer = first.referrer
        views = [referral_view(r) for r in created]
        sentence = " ".join(v.sentence for v in views)
        view = views[0]
        draft = Draft(
            template="acknowledgement",
            to=Address(referrer.name, referrer.email),
            context=self._context(referrer, referral=view, sentence=sentence,
                                  first_checkin=humanize(self.offsets[0]) if self.offsets else "a while"),
            in_reply_to=self._bracket(parsed.message_id),
            references=self._thread(parsed),
            auto_submitted="auto-replied",
            list_unsubscribe=self._unsubscribe(referrer.email),
        )
        self.send(draft, "acknowledgement", now, referral=first, person=referrer)

    # ------------------------------------------------------------------ responses on the intro thread
    def _response_on_thread(self, parsed: ParsedMessage, source: str, now: datetime) -> Disposition | None:
        """Reply-all by an introduced person on the introduction thread: they are in touch."""
        ids = [i for i in parsed.in_reply_to + parsed.references if i]
        if not ids or parsed.sender is None:
            return None
        sender = parsed.sender.email
        candidates = Referral.select().where(Referral.thread_id.in_(ids[-50:]))
        hit = None
        for referral in candidates:
            parties = {p.email for p in (referral.party_a, referral.party_b) if p is not None}
            if sender in parties:
                hit = referral
                if referral.status in ("introduced", "no_contact", "no_response"):
                    self.change_status(referral, "in_touch", source, now, detail={"by": sender, "via": "reply-all"})
        if hit is None:
            return None
        return Disposition("done", f"reply-all on the introduction thread of #{hit.id}", FOLDER_DONE)

    # ------------------------------------------------------------------ replies to check-ins
    def _reply(self, parsed: ParsedMessage, source: str, now: datetime) -> Disposition:
        assert parsed.sender is not None and parsed.reply is not None and parsed.token
        claim = read_token(parsed.token)
        checkin = Checkin.get_or_none(Checkin.id == claim.checkin_id) if claim else None
        if claim is None or checkin is None:
            return Disposition("rejected", "reply token is not one we issued", FOLDER_FAILED)
        recipient = checkin.person.email
        verdict = verify_token(self.config.secret_bytes, claim, recipient, now.date(), self.config.security.token_days)
        if verdict != "ok":
            return Disposition("rejected", f"reply token {verdict}", FOLDER_FAILED)
        sender = parsed.sender.email
        if sender != recipient and sender not in self._aliases(recipient):
            self._notice(parsed, "wrong_sender", "the check-in it answers was sent to someone else, so only "
                                                 "they can answer it.", now)
            return Disposition("rejected", f"reply from {sender}, but the check-in went to {recipient}",
                               FOLDER_FAILED)
        note_offset(checkin.person, parsed.utc_offset_minutes, parsed.date)
        self.apply_outcome(checkin, parsed, source, now)
        return Disposition("done", f"reply to check-in #{checkin.id}: {parsed.reply.outcome}", FOLDER_DONE)

    def _aliases(self, address: str) -> list[str]:
        return [a.lower() for a in self.config.tracking.aliases.get(address, [])]

    def apply_outcome(self, checkin: Checkin, parsed: ParsedMessage, source: str, now: datetime) -> None:
        reading = parsed.reply
        assert reading is not None
        referral = checkin.referral
        person = checkin.person
        checkin.answered_at = naive(now)
        checkin.outcome = reading.outcome
        checkin.save()
        self.event(referral, "reply", source, now, detail={
            "from": person.email, "role": checkin.role, "outcome": reading.outcome,
            "amount": str(reading.amount) if reading.amount is not None else None,
            "currency": reading.currency, "text": reading.new_text[:2000]})
        if reading.outcome == "stop":
            self.opt_out(person, source, now, reply_to=parsed)
            return
        if reading.outcome == "unknown":
            if not checkin.clarified:
                checkin.clarified = True
                checkin.save()
                self._clarify(checkin, parsed, now)
            return
        new_status = OUTCOME_STATUS[reading.outcome]
        amount = reading.amount if reading.outcome == "won" else None
        currency = (reading.currency or self.config.tracking.currency) if amount is not None else None
        self._report_status(referral, checkin.role, new_status, amount, currency, source, now)

    def _report_status(self, referral: Referral, role: str, new_status: str, amount: Decimal | None,
                       currency: str | None, source: str, now: datetime) -> None:
        """The first report is applied; a more final one supersedes it; between the two sides the
        provider's word on won/lost wins and the contradiction is kept as an event."""
        current = referral.status
        if current in FINAL and new_status in FINAL and new_status != current:
            last = self._final_reporter_role(referral)
            self.event(referral, "contradiction", source, now, detail={
                "status": current, "reported": new_status, "by_role": role, "earlier_by_role": last})
            if not (role == "provider" and last != "provider"):
                return
        elif RANK[new_status] <= RANK.get(current, 0) and current != "no_response":
            if new_status != current:
                self.event(referral, "report_kept", source, now, detail={"status": current, "reported": new_status})
            elif amount is not None and referral.amount is None:
                referral.amount, referral.currency = amount, currency
                referral.save()
            return
        if amount is not None:
            referral.amount, referral.currency = amount, currency
        self.change_status(referral, new_status, source, now, detail={"by_role": role})

    def _final_reporter_role(self, referral: Referral) -> str | None:
        ev = (Event.select().where((Event.referral == referral) & (Event.kind == "status")
                                   & (Event.new_status.in_(FINAL))).order_by(Event.id.desc()).first())
        if ev is None:
            return None
        return json.loads(ev.detail or "{}").get("by_role")

    # ------------------------------------------------------------------ status changes
    def change_status(self, referral: Referral, new_status: str, source: str, now: datetime,
                      detail: dict | None = None) -> None:
        old = referral.status
        if old == new_status:
            return
        referral.status = new_status
        referral.updated_at = naive(now)
        if new_status in FINAL:
            referral.closed_at = naive(now)
            referral.expires_at = None
            (Checkin.update(status="cancelled")
             .where((Checkin.referral == referral) & (Checkin.status == "scheduled")).execute())
        referral.save()
        self.event(referral, "status", source, now, old_status=old, new_status=new_status, detail=detail or {})
        if new_status in NOTIFY_REFERRER:
            if new_status == "in_touch":
                if referral.in_touch_notified:
                    return
                referral.in_touch_notified = True
                referral.save()
            self._update_referrer(referral, now)
            if new_status == "won":
                self._thank_you(referral, now)

    def _update_referrer(self, referral: Referral, now: datetime) -> None:
        view = referral_view(referral)
        names = {
            "in_touch": f"{view.subject_line[0].upper()}{view.subject_line[1:]}: they are in touch.",
            "won": f"{view.subject_line[0].upper()}{view.subject_line[1:]} turned into business.",
            "lost": f"{view.subject_line[0].upper()}{view.subject_line[1:]} didn't turn into business this time; "
                    "thanks for thinking of them all the same.",
            "no_response": f"I checked in about {view.subject_line} "
                           f"{len(self.offsets)} time{'s' if len(self.offsets) != 1 else ''} and heard nothing "
                           "back, so I've stopped following up.",
        }
        bouncing = [p.email for p in (referral.party_a, referral.party_b) if p is not None and p.bouncing_at]
        referrer = referral.referrer
        # An update still waiting for the send window is old news once the status moves on again.
        (Outbound.update(status="cancelled", last_error="superseded by a newer status update")
         .where((Outbound.referral == referral) & (Outbound.kind == "status_update")
                & (Outbound.status == "queued")).execute())
        draft = Draft(
            template="status_update",
            to=Address(referrer.name, referrer.email),
            context=self._context(referrer, referral=view, update_sentence=names[referral.status],
                                  bouncing=bouncing),
            in_reply_to=self._bracket(referral.thread_id),
            references=tuple(self._bracket(r) for r in (referral.thread_refs.split() + [referral.thread_id or ""]) if r),
            list_unsubscribe=self._unsubscribe(referrer.email),
        )
        self._queue_scheduled(draft, "status_update", referral, referrer, now)

    def _thank_you(self, referral: Referral, now: datetime) -> None:
        view = referral_view(referral)
        referrer = referral.referrer
        amount_text = money(referral.amount, referral.currency) if self.config.privacy.share_amounts else ""
        draft = Draft(template="thank_you", to=Address(referrer.name, referrer.email),
                      context=self._context(referrer, referral=view, amount_text=amount_text),
                      list_unsubscribe=self._unsubscribe(referrer.email))
        self._queue_scheduled(draft, "thank_you", referral, referrer, now)

    # ------------------------------------------------------------------ opt-out, clarification, notices
    def opt_out(self, person: Person, source: str, now: datetime, reply_to: ParsedMessage | None = None) -> None:
        if person.opted_out_at is not None:
            return
        person.opted_out_at = naive(now)
        person.save()
        (Checkin.update(status="cancelled")
         .where((Checkin.person == person) & (Checkin.status == "scheduled")).execute())
        (Outbound.update(status="cancelled", last_error="recipient opted out")
         .where((Outbound.person == person) & (Outbound.status == "queued")).execute())
        for referral in Referral.select().where(
                ((Referral.party_a == person) | (Referral.party_b == person)) & Referral.status.in_(OPEN)):
            self.event(referral, "opt_out", source, now, detail={"person": person.email})
        draft = Draft(template="stop_confirmation", to=Address(person.name, person.email),
                      context=self._context(person),
                      in_reply_to=self._bracket(reply_to.message_id) if reply_to else None,
                      references=self._thread(reply_to) if reply_to else (), auto_submitted="auto-replied")
        self.send(draft, "stop_confirmation", now, person=person, allow_opted_out=True)

    def _clarify(self, checkin: Checkin, parsed: ParsedMessage, now: datetime) -> None:
        person = checkin.person
        reply_address = self._reply_address(checkin, now)
        other = self._other_party(checkin)
        draft = Draft(
            template="clarify", to=Address(person.name, person.email),
            context=self._context(person, other_label=other.label() if other else "them",
                                  original_subject=parsed.subject or "your introduction",
                                  options=one_tap_options(reply_address, parsed.subject or "Check-in")),
            in_reply_to=self._bracket(parsed.message_id), references=self._thread(parsed),
            reply_to=reply_address, auto_submitted="auto-replied",
            token=self._token(checkin, now),
        )
        self.send(draft, "clarify", now, referral=checkin.referral, person=person)

    def _notice(self, parsed: ParsedMessage, reason: str, explanation: str, now: datetime) -> None:
        """A polite explanation to a human sender, at most one per address, reason and day."""
        if parsed.sender is None or is_tracking(parsed.sender.email, self.tracking_for(self.config.tracking.address)):
            return
        try:
            with self.db.atomic():
                Notice.create(address=parsed.sender.email, reason=reason, day=now.strftime("%Y-%m-%d"))
        except IntegrityError:
            return
        person = Person.get_or_none(Person.email == parsed.sender.email)
        draft = Draft(template="notice", to=parsed.sender,
                      context=self._context(None, explanation=explanation,
                                            original_subject=parsed.subject or "your email"),
                      in_reply_to=self._bracket(parsed.message_id), references=self._thread(parsed),
                      auto_submitted="auto-replied")
        self.send(draft, f"notice_{reason}", now, person=person)

    # ------------------------------------------------------------------ commands
    def _command(self, parsed: ParsedMessage, source: str, now: datetime, authenticated: bool) -> Disposition:
        assert parsed.sender is not None
        if parsed.command == "stop":
            person = get_or_create_person(parsed.sender.email, parsed.sender.name, now)
            self.opt_out(person, source, now, reply_to=parsed)
            return Disposition("done", "stop command: opted out", FOLDER_DONE)
        if parsed.command == "report":
            person = Person.get_or_none(Person.email == parsed.sender.email)
            return Disposition("done", reply_report(self, parsed, person, now, authenticated=authenticated), FOLDER_DONE)
        return Disposition("done", reply_help(self, parsed, now), FOLDER_DONE)

    # ------------------------------------------------------------------ bounces
    def _bounce(self, parsed: ParsedMessage, source: str, now: datetime) -> Disposition:
        ids = [i for i in (outbox.verp_outbound_id(f"x+{parsed.verp_tag}@x", self.config.secret_bytes)
                           if parsed.verp_tag else None,) if i is not None]
        ours = list(Outbound.select().where(Outbound.message_id.in_(list(parsed.bounced_message_ids) or [""])
                                            | Outbound.id.in_(ids or [0])))
        if not ours:
            return Disposition("done", f"bounce for mail we don't know: {parsed.detail}", FOLDER_DONE)
        for out in ours:
            person = out.person
            if person is None or person.bouncing_at is not None:
                continue
            person.bouncing_at = naive(now)
            person.bounce_reason = parsed.detail[:500]
            person.save()
            (Checkin.update(status="cancelled")
             .where((Checkin.person == person) & (Checkin.status == "scheduled")).execute())
            if out.referral is not None:
                self.event(out.referral, "bounce", source, now, detail={"address": person.email})
        return Disposition("done", f"bounce recorded for {len(ours)} message(s)", FOLDER_DONE)

    # ------------------------------------------------------------------ due work
    def run_due(self, now: datetime, limit: int = 5000) -> dict[str, int]:
        """Send what has fallen due: the latest due check-in per person (never a burst of missed ones),
        and declare no_response where the cadence ran out unanswered."""
        counts = {"checkins": 0, "deferred": 0, "skipped": 0, "no_response": 0, "digests": 0}
        now_n = naive(now)
        ids = due_checkin_ids(self.db, now, limit)
        latest: dict[tuple[int, int], int] = {}
        earlier: list[int] = []
        for row in (Checkin.select(Checkin.id, Checkin.referral, Checkin.person, Checkin.seq)
                    .where(Checkin.id.in_(ids)).order_by(Checkin.seq)):
            key = (row.referral_id, row.person_id)
            if key in latest:
                earlier.append(latest[key])
            latest[key] = row.id
        for checkin_id in earlier:
            with claimed_checkin(self.db, checkin_id) as checkin:
                if checkin is not None:
                    checkin.status = "skipped"
                    checkin.save()
                    counts["skipped"] += 1
        for checkin_id in latest.values():
            with claimed_checkin(self.db, checkin_id) as checkin:
                if checkin is not None:
                    counts[self._send_checkin(checkin, now)] += 1
        for referral in Referral.select().where(Referral.status.in_(OPEN) & (Referral.expires_at <= now_n)).limit(limit):
            with self.db.atomic():
                answered = Checkin.select().where((Checkin.referral == referral)
                                                  & Checkin.answered_at.is_null(False)).exists()
                referral.expires_at = None
                referral.save()
                if not answered and referral.status in ("introduced",):
                    self.change_status(referral, "no_response", "job:no_response", now)
                    counts["no_response"] += 1
        if self.config.digest.enabled:
            counts["digests"] = queue_monthly_digests(self, now)
        return counts

    def _send_checkin(self, checkin: Checkin, now: datetime) -> str:
        referral, person = checkin.referral, checkin.person
        if referral.status not in OPEN or outbox.suppressed(person):
            checkin.status = "cancelled"
            checkin.save()
            self._maybe_expire(referral, now)
            return "skipped"
        opening = self.window.next_opening(now, person.utc_offset_minutes)
        if opening > now:
            checkin.due_at = naive(opening)
            checkin.save()
            return "deferred"
        reply_address = self._reply_address(checkin, now)
        other = self._other_party(checkin)
        view = referral_view(referral)
        other_label = other.label() if other else view.contact_label
        subject = f"Checking in: your introduction to {other_label}"
        token = self._token(checkin, now)
        draft = Draft(
            template="checkin", to=Address(person.name, person.email),
            context=self._context(person, referral=view, role=checkin.role, seq=checkin.seq,
                                  other_label=other_label, other_first=other_label.split()[0] if other_label else "",
                                  options=one_tap_options(reply_address, subject)),
            # The unsubscribe link is the personal reply address: its token proves who asks, where a bare
            # +stop command would need an authenticated sender.
            reply_to=reply_address, list_unsubscribe=f"mailto:{reply_address}?subject=stop&body=stop",
            token=token,
        )
        out = self.send(draft, "checkin", now, referral=referral, person=person)
        checkin.status, checkin.sent_at, checkin.outbound = "sent", naive(now), out
        checkin.save()
        self.event(referral, "checkin_sent", "job:checkin", now, detail={"to": person.email, "seq": checkin.seq})
        self._maybe_expire(referral, now)
        return "checkins"

    def _maybe_expire(self, referral: Referral, now: datetime) -> None:
        """Once no check-in is left to send, give the last one time to be answered, then no_response."""
        pending = Checkin.select().where((Checkin.referral == referral) & (Checkin.status == "scheduled")).exists()
        if not pending and referral.status in OPEN and referral.expires_at is None:
            referral.expires_at = naive(now + self.no_response_after)
            referral.save()

    def _queue_scheduled(self, draft: Draft, kind: str, referral: Referral, person: Person, now: datetime) -> None:
        """Mail that is not a direct answer waits for the recipient's send window."""
        opening = self.window.next_opening(now, person.utc_offset_minutes)
        self.send(draft, kind, now, referral=referral, person=person, not_before=opening)

    def send(self, draft: Draft, kind: str, now: datetime, *, referral: Referral | None = None,
             person: Person | None = None, not_before: datetime | None = None,
             allow_opted_out: bool = False) -> Outbound | None:
        """Every email leaves through here: the outbox row, with the retry deadline and the cap on
        automatic answers to one address (what ends a loop with an automaton we failed to recognise)."""
        return outbox.queue(self.composer, draft, kind=kind, now=now, deadline=self.deadline, referral=referral,
                            person=person, not_before=not_before, allow_opted_out=allow_opted_out,
                            max_answers_per_hour=self.config.inbox.max_replies_per_sender_per_hour)

    # ------------------------------------------------------------------ small helpers
    def event(self, referral: Referral, kind: str, source: str, now: datetime, old_status: str | None = None,
              new_status: str | None = None, detail: dict | None = None) -> None:
        _INSERT_EVENT.defer(referral=referral.id, kind=kind, source=source, at=naive(now), old_status=old_status,
                              new_status=new_status, detail=json.dumps(detail or {}, ensure_ascii=False, default=str))

    def _token(self, checkin: Checkin, now: datetime) -> str:
        return make_token(self.config.secret_bytes, checkin.id, checkin.person.email, now.date())

    def _plus(self, tag: str, address: str | None = None) -> str:
        local, _, domain = (address or self.config.tracking.address).lower().partition("@")
        return f"{local}+{tag}@{domain}"

    def _unsubscribe(self, email: str) -> str:
        """The person's own signed stop address, for List-Unsubscribe: it works without authentication."""
        return f"mailto:{self._plus('stop-' + stop_token(self.config.secret_bytes, email))}?subject=stop"

    def _reply_address(self, checkin: Checkin, now: datetime) -> str:
        return self._plus(self._token(checkin, now), checkin.referral.mailbox or None)

    @staticmethod
    def _other_party(checkin: Checkin) -> Person | None:
        r = checkin.referral
        if r.kind == "lead":
            return r.contact
        return r.party_b if checkin.person_id == r.party_a_id else r.party_a

    def _context(self, person: Person | None, **extra) -> dict:
        return {"recipient_first": person.first_name if person else "there",
                "sender_name": self.config.tracking.name,
                "tracking_address": self.config.tracking.address, **extra}

    @staticmethod
    def _bracket(message_id: str | None) -> str | None:
        return f"<{message_id}>" if message_id else None

    def _thread(self, parsed: ParsedMessage) -> tuple[str, ...]:
        ids = list(parsed.references[-10:]) + ([parsed.message_id] if parsed.message_id else [])
        return tuple(f"<{i}>" for i in dict.fromkeys(ids))
