"""Who may register introductions: ``[security] accept_from``.

The tracking address is public, so anyone can CC it. ``accept_from`` narrows who can make it record
anything: ``"anyone"``, or a list whose entries are each an address (``joe@books.example``) or a domain
(``books.example``, also written ``@books.example`` or ``*.books.example``). A domain entry admits the
domain and its subdomains, so ``example.com`` admits ``eu.example.com`` but never ``evilexample.com`` or
``example.com.evil.org``. Matching ignores case and surrounding spaces.

Kept apart from the workflow, and pure, so the rule can be read and tested in one place.
"""
from __future__ import annotations

ANYONE = "anyone"


def sender_allowed(sender: str, accept_from: str | list[str]) -> bool:
    """True when ``sender`` (a bare address) falls inside the policy."""
    entries = [accept_from] if isinstance(accept_from, str) else list(accept_from)
    normalized = [_entry(e) for e in entries if isinstance(e, str)]
    if ANYONE in normalized:
        return True
    address = str(sender or "").strip().lower()
    local, at, domain = address.rpartition("@")
    domain = domain.rstrip(".")
    if not at or not local or not domain:
        return False  # not an address at all: nothing to match, and "anyone" was handled above
    address = f"{local}@{domain}"
    for entry in normalized:
        if not entry:
            continue
        if "@" in entry:
            if entry == address:
                return True
        elif domain == entry or domain.endswith("." + entry):
            return True
    return False


def _entry(text: str) -> str:
    entry = text.strip().lower().rstrip(".")
    if entry.startswith("*."):
        entry = entry[2:]
    return entry.lstrip("@")
