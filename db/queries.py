"""Read-only views for the command line: referrals, stored inbound mail, the outbox."""
from __future__ import annotations

from peewee import JOIN

from .models import InboundMessage, Outbound, Person, Referral, utc


def _iso(value) -> str | None:
    return utc(value).isoformat() if value else None


def referral_rows(limit: int | None = None) -> list[dict]:
    Referrer, Provider, Contact = Person.alias(), Person.alias(), Person.alias()
    PartyA, PartyB = Person.alias(), Person.alias()
    query = (Referral.select(Referral, Referrer, Provider, Contact, PartyA, PartyB)
             .join_from(Referral, Referrer, on=(Referral.referrer == Referrer.id), attr="r_referrer")
             .join_from(Referral, Provider, JOIN.LEFT_OUTER, on=(Referral.provider == Provider.id), attr="r_provider")
             .join_from(Referral, Contact, JOIN.LEFT_OUTER, on=(Referral.contact == Contact.id), attr="r_contact")
             .join_from(Referral, PartyA, on=(Referral.party_a == PartyA.id), attr="r_a")
             .join_from(Referral, PartyB, JOIN.LEFT_OUTER, on=(Referral.party_b == PartyB.id), attr="r_b")
             .order_by(Referral.id))
    if limit:
        query = query.limit(limit)
    rows = []
    for r in query:
        provider = getattr(r, "r_provider", None)
        contact = getattr(r, "r_contact", None)
        b = getattr(r, "r_b", None)
        rows.append({
            "id": r.id,
            "kind": r.kind,
            "referrer": r.r_referrer.email,
            "provider": provider.email if provider and provider.id else None,
            "contact": contact.email if contact and contact.id else None,
            "parties": sorted(p.email for p in (r.r_a, b) if p is not None and p.id),
            "category": r.category,
            "status": r.status,
            "amount": float(r.amount) if r.amount is not None else None,
            "currency": r.currency,
            "created_at": _iso(r.introduced_at),
            "updated_at": _iso(r.updated_at),
            "historical": r.historical,
        })
    return rows


def inbound_rows(statuses: tuple[str, ...] | None, limit: int) -> list[dict]:
    query = InboundMessage.select(InboundMessage.id, InboundMessage.status, InboundMessage.received_at,
                                  InboundMessage.sender, InboundMessage.reason, InboundMessage.attempts)
    if statuses:
        query = query.where(InboundMessage.status.in_(statuses))
    return [{"id": m.id, "status": m.status, "received_at": f"{m.received_at:%Y-%m-%d %H:%M}",
             "sender": m.sender, "reason": m.reason or "", "attempts": m.attempts}
            for m in query.order_by(InboundMessage.id.desc()).limit(limit)]


def outbound_rows(limit: int) -> list[dict]:
    """Queued and failed first (they need attention), then the most recently sent."""
    waiting = list(Outbound.select(Outbound.id, Outbound.status, Outbound.kind, Outbound.to_addr, Outbound.attempts,
                                   Outbound.next_attempt_at, Outbound.sent_at, Outbound.last_error)
                   .where(Outbound.status.in_(("queued", "sending", "handing_over", "failed"))).order_by(Outbound.id).limit(limit))
    sent = list(Outbound.select(Outbound.id, Outbound.status, Outbound.kind, Outbound.to_addr, Outbound.attempts,
                                Outbound.next_attempt_at, Outbound.sent_at, Outbound.last_error)
                .where(Outbound.status == "sent").order_by(Outbound.sent_at.desc()).limit(limit))
    return [{"id": o.id, "status": o.status, "kind": o.kind, "to": o.to_addr, "attempts": o.attempts,
             "when": f"{(o.sent_at or o.next_attempt_at):%Y-%m-%d %H:%M}", "error": o.last_error or ""}
            for o in waiting + sent]
