"""Is the From address of a message authenticated? Read from the receiving server's
Authentication-Results header (RFC 8601), and only from that server.

Anyone can write an Authentication-Results header into a message they send, so the header is worth
exactly as much as the server that added it. The deployment names its receiving server in
``[security] trusted_authserv_id``; every header with another authserv-id is ignored, and with no id
configured nothing is trusted at all.

Which headers count, top first (the receiving server prepends its header, so it sits above whatever the
sender wrote):

* the *trusted run*: from the first header carrying the trusted id down to just before the next header
  carrying another id. Several servers (Postfix with OpenDKIM, OpenDMARC and an SPF policy daemon) write
  one header per check, all with the same id, one after another. A trusted-looking header *below* a
  foreign one was already in the message before it reached us: a forgery, or stale.
* per method, only the topmost result in the run counts. A sender who writes ``dmarc=pass`` with our id
  just below the real header is overruled by the real ``dmarc=fail`` above it. (A server that does not
  evaluate a method cannot protect against a forged result for that method below its own header; RFC
  8601 section 5 requires it to remove such headers, which the big providers do.)

Precondition, which no reading of headers can replace: the trusted server stamps *every* message it
accepts. If it wrote nothing, a header the sender forged with its id is indistinguishable from a real one.

What counts as authenticated: DMARC pass on its own, when its ``header.from`` names the From domain (a
pass that does not say for which domain, or names another, may concern a different From header than
the one we read); otherwise SPF pass whose
``smtp.mailfrom`` domain aligns with the From domain, or DKIM pass whose ``header.d`` (or the domain of
``header.i``) aligns with it. A DMARC *fail* for the From domain is final: DMARC already weighed SPF and
DKIM alignment, so an aligned pass next to it can only come from a header the sender forged. (``none``,
``temperror`` and Microsoft's ``bestguesspass`` mean no DMARC decision, so SPF and DKIM are read.)

Alignment is *relaxed* alignment approximated without the public suffix list: two domains align when
they are equal or one is a subdomain of the other (``mail.example.com`` aligns with ``example.com``).
Two sibling subdomains (``a.example.com``, ``b.example.com``) do not, which is stricter than DMARC and
therefore safe. To keep ``evil.co.uk`` from aligning with a From of ``co.uk``, the shorter domain must
not look like a public suffix (a single label, or a two-letter country code under a common second level
such as ``co.uk`` / ``com.au``).

Microsoft 365 writes its header without an authserv-id (``spf=pass (sender IP is ...) ...``). Such a
header is attributed to the id ``protection.outlook.com`` (the name Microsoft's own ``Received-SPF``
line uses), so a deployment reading an Exchange Online mailbox sets that as its trusted id.

Everything here is pure: strings in, an :class:`AuthVerdict` out, never an exception.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import authres

#: What a header without an authserv-id (Microsoft 365 style) is attributed to.
IDLESS_AUTHSERV_ID = "protection.outlook.com"
#: Only this many headers (top first) are read, and none longer than this: hostile mail may carry
#: thousands, and the receiving server's own header is always near the top.
MAX_HEADERS = 50
MAX_HEADER_CHARS = 8_000

#: A DMARC verdict that already weighed SPF and DKIM alignment and found neither: final.
DMARC_FAILURES = {"fail", "quarantine", "reject"}
_SECOND_LEVELS = {"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go", "mil", "ltd", "plc", "gob"}
_ID_TOKEN = re.compile(r"^\s*([^\s;]+)")


@dataclass(frozen=True)
class AuthVerdict:
    """``ok`` when the From domain is authenticated; ``reason`` says why, in words for the records."""

    ok: bool
    reason: str


@dataclass(frozen=True)
class _Result:
    method: str
    result: str
    props: dict[str, str]


@dataclass(frozen=True)
class _Header:
    authserv_id: str
    results: tuple[_Result, ...] | None  # None: the id was readable, the rest was not


def sender_authenticated(authentication_results: tuple[str, ...], from_domain: str,
                         trusted_authserv_id: str) -> AuthVerdict:
    """Decide whether the receiving server vouches for ``from_domain``. See the module docstring."""
    trusted = _norm_domain(trusted_authserv_id)
    domain = _norm_domain(from_domain)
    if not trusted:
        return AuthVerdict(False, "no trusted_authserv_id is configured, so no Authentication-Results "
                                  "header can be trusted")
    if not domain:
        return AuthVerdict(False, "the message has no From domain to authenticate")
    run = _trusted_run(authentication_results, trusted)
    if not run:
        return AuthVerdict(False, f"no Authentication-Results header from {trusted}")
    if all(h.results is None for h in run):
        return AuthVerdict(False, f"the Authentication-Results header from {trusted} could not be read")

    dmarc = _topmost(run, "dmarc")
    spf = _topmost(run, "spf")
    dkim = _topmost(run, "dkim")
    notes: list[str] = []

    for r in dmarc:
        header_from = _norm_domain(r.props.get("header.from", ""))
        if r.result == "pass" and header_from == domain:
            return AuthVerdict(True, f"dmarc=pass for {domain} (by {trusted})")
    for r in dmarc:
        header_from = _norm_domain(r.props.get("header.from", ""))
        if r.result in DMARC_FAILURES and header_from in (domain, ""):
            return AuthVerdict(False, f"{trusted} did not authenticate {domain}: dmarc={r.result}")
    for r in dmarc:
        header_from = _norm_domain(r.props.get("header.from", ""))
        if r.result == "pass":
            notes.append(f"dmarc=pass was for {header_from or 'an unnamed domain'}, not {domain}")
        else:
            notes.append(f"dmarc={r.result}")
    for r in spf:
        mailfrom = _norm_domain(r.props.get("smtp.mailfrom", "").rpartition("@")[2])
        if r.result == "pass" and mailfrom and aligned(mailfrom, domain):
            return AuthVerdict(True, f"spf=pass for {mailfrom}, aligned with {domain} (by {trusted})")
        notes.append(f"spf={r.result}" + (f" for {mailfrom}, not aligned" if r.result == "pass" else ""))
    for r in dkim:
        signer = _norm_domain(r.props.get("header.d", "") or r.props.get("header.i", "").rpartition("@")[2])
        if r.result == "pass" and signer and aligned(signer, domain):
            return AuthVerdict(True, f"dkim=pass for {signer}, aligned with {domain} (by {trusted})")
        notes.append(f"dkim={r.result}" + (f" for {signer or 'no domain'}, not aligned" if r.result == "pass" else ""))
    found = "; ".join(dict.fromkeys(notes)) or "no dmarc, spf or dkim result"
    return AuthVerdict(False, f"{trusted} did not authenticate {domain}: {found}")


def aligned(a: str, b: str) -> bool:
    """Relaxed alignment, approximated: equal, or one a subdomain of the other (not of a public suffix)."""
    a, b = _norm_domain(a), _norm_domain(b)
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return longer.endswith("." + shorter) and not _looks_like_public_suffix(shorter)


def _looks_like_public_suffix(domain: str) -> bool:
    labels = domain.split(".")
    if len(labels) == 1:
        return True
    return len(labels) == 2 and len(labels[1]) == 2 and labels[0] in _SECOND_LEVELS


def _norm_domain(text: str) -> str:
    return str(text or "").strip().strip("<>").strip().rstrip(".").lower()


def _trusted_run(values: tuple[str, ...], trusted: str) -> list[_Header]:
    run: list[_Header] = []
    for value in values[:MAX_HEADERS]:
        header = _read(value)
        if header is not None and header.authserv_id == trusted:
            run.append(header)
        elif run:
            break  # a foreign (or unreadable) header ends the run: anything below came with the message
    return run


def _topmost(run: list[_Header], method: str) -> list[_Result]:
    """All results for ``method`` from the highest header of the run that reports it at all."""
    for header in run:
        found = [r for r in header.results or () if r.method == method]
        if found:
            return found
    return []


def _read(value: str) -> _Header | None:
    """Parse one header value with authres; None when not even the authserv-id can be read."""
    if len(value) > MAX_HEADER_CHARS:
        return None
    text = " ".join(str(value).split())  # unfold; also turns any stray control whitespace into spaces
    if not text:
        return None
    first = _ID_TOKEN.match(text)
    if first is None:
        return None
    if "=" in first.group(1):  # no authserv-id: the first token is already "method=result"
        text = f"{IDLESS_AUTHSERV_ID}; {text}"
    try:
        parsed = authres.AuthenticationResultsHeader.parse_value(text)
    except Exception:  # noqa: BLE001 - authres raises its own errors and, on odd input, others too
        ident = _ID_TOKEN.match(text)
        return _Header(_norm_domain(ident.group(1).rstrip(";")) if ident else "", None)
    results = tuple(_Result(str(r.method).lower(), str(r.result).lower(), _props(r)) for r in parsed.results)
    return _Header(_norm_domain(parsed.authserv_id), results)


def _props(result: object) -> dict[str, str]:
    props: dict[str, str] = {}
    for p in getattr(result, "properties", ()) or ():
        key = f"{p.type}.{p.name}".lower()
        props.setdefault(key, str(p.value or ""))
    return props
