"""Shared pieces of the end-to-end benchmarks (issue 9): scratch directories on tmpfs, varied
introduction emails, Dovecot seeding with MULTIAPPEND, an SMTP sink in its own process, scratch
PostgreSQL databases, configs, and number formatting.

Benchmarks print figures and never assert timings. Not imported by the product or the tests.
"""
from __future__ import annotations

import base64
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TRACKING = "track@example.test"
SECRET = "bench-secret-0123456789abcdef"
PG_ADMIN_URL = os.environ.get("REFERLOOP_BENCH_PG", os.environ.get("REFERLOOP_TEST_PG",
                                                                   "postgresql://postgres@127.0.0.1:5432/test"))


# ---------------------------------------------------------------------------------------------- places
def scratch_dir(prefix: str = "rl-bench-") -> Path:
    """A fresh directory on tmpfs when the machine has one (stable figures), else the default temp dir.
    0711 so Dovecot's unprivileged processes can traverse it."""
    shm = Path("/dev/shm")
    parent = str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None
    path = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    os.chmod(path, 0o711)
    return path


def on_tmpfs(path: Path) -> bool:
    try:
        with open("/proc/mounts") as fh:
            mounts = [line.split()[1] for line in fh if line.split()[2:3] == ["tmpfs"]]
    except OSError:
        return False
    p = str(Path(path).resolve())
    return any(p == m or p.startswith(m.rstrip("/") + "/") for m in mounts)


# ---------------------------------------------------------------------------------------------- mail
FIRST = {
    "en": ["Marcus", "Dana", "Priya", "Daniel", "Sofia", "Olivia", "James", "Aisha", "Chen", "Liam", "Grace", "Noah",
           "Emma", "Raj", "Hannah", "Omar", "Zoe", "Ethan", "Maya", "Lucas"],
    "de": ["Katrin", "Sabine", "Mehmet", "Jürgen", "Anna", "Stefan", "Birgit", "Lukas", "Ömer", "Franziska"],
    "fr": ["Léa", "Claire", "Julien", "Éloïse", "Thomas", "Camille", "Hélène", "François", "Manon", "Théo"],
    "es": ["Andrés", "Lucía", "Marta", "José", "Carmen", "Javier", "Inés", "Álvaro", "Sofía", "Raúl"],
}
LAST = {
    "en": ["Whitfield", "Kim", "Raman", "Marin", "Okafor", "Nguyen", "Patel", "Brooks", "O'Neill", "Schmidt-Lee",
           "Walker", "Chen", "Hughes", "Ferreira", "Adeyemi", "Larsen"],
    "de": ["Hoffmann", "Müller", "Öztürk", "Schäfer", "Weber", "Krüger", "Becker", "Wagner"],
    "fr": ["Dubois", "Lefèvre", "Mercier", "Girard", "Faure", "Rousseau", "Lambert", "Moreau"],
    "es": ["Gutiérrez", "Torres", "Vidal", "Núñez", "Ramírez", "Ortega", "Castillo", "Peña"],
}
WORDS = ["maple", "harbor", "summit", "cedar", "lumen", "north", "river", "atlas", "birch", "ember", "quarry",
         "orchid", "pioneer", "granite", "willow", "beacon", "meridian", "copper", "aurora", "falcon"]
TLDS = ["example", "example.com", "example.org", "example.net", "test"]
# (role phrase, what they did, what the contact needs): English categories the parser knows
ROLES_EN = [
    ("accountant", "done our taxes for years", "her bookkeeping and quarterly taxes"),
    ("estate lawyer", "drafted our wills and the trust", "a will and power of attorney"),
    ("plumber", "fixed our burst pipe on a Sunday", "a bathroom remodel rough-in"),
    ("realtor", "sold our last two houses", "selling his condo this spring"),
    ("dentist", "looked after our whole family", "a new dentist after moving"),
    ("math tutor", "got my son through calculus", "help for her daughter with algebra"),
    ("architect", "designed our kitchen extension", "plans for a garage conversion"),
    ("dog walker", "walked our two labs every weekday", "someone for midday walks"),
    ("photographer", "shot our wedding", "headshots for the new website"),
    ("IT support person", "set up our office network", "someone to sort out their email and backups"),
    ("financial advisor", "managed our retirement accounts", "advice on a 401k rollover"),
    ("contractor", "renovated our basement", "quotes for a deck"),
]
ROLES_DE = [("Steuerberater", "Buchhaltung und die Einkommensteuererklärung"),
            ("Architekt", "den Umbau ihrer Wohnung"), ("Rechtsanwalt", "einen Mietvertrag"),
            ("Fotograf", "Bewerbungsfotos")]
ROLES_FR = [("l'architecte", "ouvrir la cuisine et refaire la salle de bains"),
            ("le comptable", "sa comptabilité et sa déclaration"), ("le plombier", "une fuite sous l'évier"),
            ("l'avocate", "un bail commercial")]
ROLES_ES = [("la contabilidad y las declaraciones trimestrales del IVA",), ("la reforma de la cocina",),
            ("un abogado para la herencia",), ("un fisioterapeuta para la rodilla",)]
LOREM = ("Thanks again for dinner last week, it was great to catch up. The kids are doing well and we finally "
         "booked the trip to the coast for August. Let me know if you still want the bike rack, it is in the "
         "garage and nobody uses it.").split()

# template -> weight; intros ~57%, leads ~12%, everything else ~31%
MIX = [("intro_en_plain", 25), ("intro_en_html", 15), ("intro_de", 8), ("intro_fr", 9), ("lead_es", 5),
       ("lead_en", 7), ("scheduling", 16), ("newsletter", 8), ("auto_reply", 7)]
KINDS = {"intro_en_plain": "introduction", "intro_en_html": "introduction", "intro_de": "introduction",
         "intro_fr": "introduction", "lead_es": "lead", "lead_en": "lead", "scheduling": "other",
         "newsletter": "other", "auto_reply": "other"}


class Person:
    def __init__(self, rng: random.Random, lang: str, index: int) -> None:
        self.first = rng.choice(FIRST[lang])
        self.last = rng.choice(LAST[lang])
        self.name = f"{self.first} {self.last}"
        domain = f"{rng.choice(WORDS)}{index % 997}.{rng.choice(TLDS)}"
        local = f"{_ascii(self.first).lower()}.{_ascii(self.last).lower()}{index}"
        self.email = f"{local}@{domain}"

    @property
    def header(self) -> str:
        return f"{self.name} <{self.email}>"


def _ascii(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii() and (c.isalnum() or c == "-"))


class MailFactory:
    """Deterministic stream of varied messages. ``people`` bounds how many distinct referrers there are
    (kept large enough that nobody hits the per-sender hourly limit)."""

    def __init__(self, seed: int = 9, tracking: str = TRACKING, people: int = 5000) -> None:
        self.rng = random.Random(seed)
        self.tracking = tracking
        self.people = people
        self.names = [n for n, _ in MIX]
        self.weights = [w for _, w in MIX]
        self.counter = 0
        self.when = datetime(2025, 3, 3, 9, 0, tzinfo=timezone.utc)

    def person(self, lang: str, pool: int | None = None) -> Person:
        index = self.rng.randrange(pool or self.people * 4)
        return Person(random.Random(f"{lang}:{index}"), lang, index)

    def trio(self, lang: str) -> tuple[Person, Person, Person]:
        """A referrer and two introduced people with three different first names: two Jameses on one
        introduction are ambiguous even to a human reader, and would measure that, not the service."""
        people = [self.person(lang, self.people)]
        while len(people) < 3:
            candidate = self.person(lang)
            if candidate.first not in {p.first for p in people}:
                people.append(candidate)
        return people[0], people[1], people[2]

    def message(self, template: str | None = None) -> tuple[str, str, bytes]:
        """(template name, Message-ID, raw bytes)."""
        self.counter += 1
        template = template or self.rng.choices(self.names, self.weights)[0]
        mid = f"<bench-{self.counter}-{uuid.uuid4().hex[:12]}@mail.{self.rng.choice(WORDS)}.example>"
        msg = getattr(self, "_" + template)()
        self._transport_headers(msg)
        msg["Date"] = format_datetime(self.when + timedelta(minutes=self.counter))
        msg["Message-ID"] = mid
        self._vary_size(msg)
        return template, mid, msg.as_bytes()

    def messages(self, n: int) -> list[tuple[str, str, bytes]]:
        return [self.message() for _ in range(n)]

    def _transport_headers(self, msg: EmailMessage) -> None:
        """What real mail carries above the body: Received hops, a DKIM signature, client headers."""
        hops = self.rng.randrange(1, 5)
        for i in range(hops):
            host = f"mx{i}.{self.rng.choice(WORDS)}.example"
            msg["Received"] = (f"from {host} ({host} [192.0.2.{self.rng.randrange(1, 254)}]) by "
                               f"mx.example.test (Postfix) with ESMTPS id {uuid.uuid4().hex[:14].upper()} for "
                               f"<{self.tracking}>; Mon, 3 Mar 2025 09:{i:02d}:11 +0000 (UTC)")
        if self.rng.random() < 0.7:
            sig = base64.b64encode(self.rng.randbytes(256)).decode()
            msg["DKIM-Signature"] = (f"v=1; a=rsa-sha256; c=relaxed/relaxed; d={self.rng.choice(WORDS)}.example; "
                                     f"s=s1; h=from:to:cc:subject:date:message-id; bh={b64(self.rng.randbytes(32))}; "
                                     f"b={sig}")
        msg["X-Mailer"] = self.rng.choice(["Apple Mail (2.3826)", "Microsoft Outlook 16.0", "Mozilla Thunderbird",
                                           "Gmail"])

    # --- size: signatures, quoted history, the odd attachment
    def _vary_size(self, msg: EmailMessage) -> None:
        r = self.rng.random()
        if r < 0.03 and not msg.is_multipart():
            blob = self.rng.randbytes(self.rng.randrange(20_000, 200_000))
            msg.add_attachment(blob, maintype="application", subtype="pdf", filename="brochure.pdf")

    def _quoted(self) -> str:
        if self.rng.random() >= 0.25:
            return ""
        lines = self.rng.randrange(5, 200)
        words = [" ".join(self.rng.choices(LOREM, k=12)) for _ in range(lines)]
        return ("\n\nOn Mon, Mar 3, 2025 at 9:12 AM an old thread wrote:\n"
                + "\n".join("> " + w for w in words) + "\n")

    def _signature(self, p: Person) -> str:
        if self.rng.random() < 0.5:
            return f"\n\n--\n{p.name}\n{self.rng.choice(WORDS).title()} & Co.\n+1 503 555 {self.rng.randrange(1000, 9999)}\n"
        return ""

    def _base(self, referrer: Person, to: list[Person], subject: str) -> EmailMessage:
        msg = EmailMessage()
        msg["From"] = referrer.header
        msg["To"] = ", ".join(p.header for p in to)
        msg["Cc"] = self.tracking
        msg["Subject"] = subject
        return msg

    # --- templates
    def _en_intro_text(self) -> tuple[Person, Person, Person, str, str]:
        ref, prov, cont = self.trio("en")
        role, did, need = self.rng.choice(ROLES_EN)
        body = (f"Hi {cont.first} and {prov.first},\n\n"
                f"{cont.first}, meet {prov.name}, the {role} I mentioned. {prov.first} has {did} and is great.\n\n"
                f"{prov.first}, {cont.first} is looking for {need}.\n\n"
                f"I'll let you two take it from here.\n\n{ref.first}" + self._signature(ref) + self._quoted())
        return ref, prov, cont, body, f"Intro: {cont.first} <> {prov.first} ({role})"

    def _intro_en_plain(self) -> EmailMessage:
        ref, prov, cont, body, subject = self._en_intro_text()
        msg = self._base(ref, [cont, prov], subject)
        msg.set_content(body)
        return msg

    def _intro_en_html(self) -> EmailMessage:
        ref, prov, cont, body, subject = self._en_intro_text()
        msg = self._base(ref, [prov, cont], subject.replace("Intro:", "Introduction:"))
        msg.set_content(body)
        html = "".join(f"<div>{line or '<br>'}</div>" for line in body.replace("&", "&amp;").replace("<", "&lt;")
                       .split("\n"))
        msg.add_alternative(f'<div dir="ltr" style="font-family: Arial, sans-serif">{html}</div>', subtype="html")
        return msg

    def _intro_de(self) -> EmailMessage:
        ref, prov, cont = self.trio("de")
        role, need = self.rng.choice(ROLES_DE)
        msg = self._base(ref, [cont, prov], f"Vorstellung: {cont.name} / {prov.name}")
        msg.set_content(f"Hallo {cont.first}, hallo Herr {prov.last},\n\nwie versprochen stelle ich Sie beide "
                        f"einander vor.\n\n{cont.first} sucht jemanden für {need}. {prov.name} ist unser {role} "
                        f"seit Jahren – zuverlässig, schnell und mit viel Geduld.\n\nIch lasse Sie beide den Rest "
                        f"direkt besprechen.\n\nViele Grüße\n{ref.first}" + self._signature(ref),
                        cte="8bit")
        return msg

    def _intro_fr(self) -> EmailMessage:
        ref, prov, cont = self.trio("fr")
        role, need = self.rng.choice(ROLES_FR)
        msg = self._base(ref, [prov, cont], f"Mise en relation : {cont.first} / {prov.first}")
        msg.set_content(f"Bonjour à tous les deux,\n\n{cont.first}, je te présente {prov.name}, {role} qui a "
                        f"transformé notre appartement. Très sérieux et respecte les budgets.\n\n{prov.first}, "
                        f"{cont.first} souhaite {need}.\n\nJe vous laisse échanger directement.\n\nBelle soirée,\n"
                        f"{ref.first}" + self._quoted())
        return msg

    def _lead_es(self) -> EmailMessage:
        ref, prov, cont = self.trio("es")
        (need,) = self.rng.choice(ROLES_ES)
        msg = self._base(ref, [prov], f"Posible cliente: {cont.name}")
        msg.set_content(f"Hola {prov.first}:\n\nTe paso el contacto de {cont.name}, una amiga que necesita ayuda con "
                        f"{need}. Le hablé muy bien de ti.\n\n{cont.name}\n{cont.email}\n+34 600 555 "
                        f"{self.rng.randrange(100, 999)}\n\nLe dije que la llamarías esta semana. ¡Gracias!\n\n"
                        f"Un abrazo,\n{ref.first}")
        return msg

    def _lead_en(self) -> EmailMessage:
        ref, prov, cont = self.trio("en")
        role, did, need = self.rng.choice(ROLES_EN)
        msg = self._base(ref, [prov], f"Referral for you: {cont.name}")
        msg.set_content(f"Hi {prov.first},\n\nMy coworker {cont.name} needs {need} and I told him about the "
                        f"work you did for us as our {role}. He'd love to get a quote.\n\n{cont.name}\n{cont.email}\n"
                        f"(503) 555-{self.rng.randrange(1000, 9999)}\n\nI said you'd reach out this week, hope that's "
                        f"ok!\n\n{ref.first}" + self._signature(ref))
        return msg

    def _scheduling(self) -> EmailMessage:
        a, b = self.person("en", self.people), self.person("en")
        msg = self._base(a, [b], "Thursday site visit - can we move it?")
        msg.set_content(f"Hi {b.first},\n\nSomething came up on another job Thursday. Could we do Friday at 10 "
                        f"instead? I'll bring the revised layout and a couple of samples.\n\nThanks,\n{a.first}"
                        + self._signature(a) + self._quoted())
        return msg

    def _newsletter(self) -> EmailMessage:
        a = self.person("en", 50)
        msg = self._base(a, [], f"{self.rng.choice(WORDS).title()} Neighbourhood News - March")
        del msg["To"]
        msg["To"] = "members@lists.example"
        msg["List-Id"] = "Neighbourhood News <news.lists.example>"
        msg["List-Unsubscribe"] = "<mailto:leave@lists.example>"
        msg["Precedence"] = "list"
        items = "\n\n".join(" ".join(self.rng.choices(LOREM, k=40)) for _ in range(self.rng.randrange(3, 30)))
        msg.set_content(f"This month in the neighbourhood:\n\n{items}\n")
        return msg

    def _auto_reply(self) -> EmailMessage:
        a = self.person("en", self.people)
        msg = self._base(a, [], "Automatic reply: Intro")
        del msg["To"]
        msg["To"] = self.tracking
        del msg["Cc"]
        msg["Auto-Submitted"] = "auto-replied"
        msg.set_content(f"I am out of the office until Monday with limited access to email.\n\n{a.first}")
        return msg


# ---------------------------------------------------------------------------------------------- Dovecot
def start_dovecot(users: int = 20):
    from tests.servers import Dovecot

    return Dovecot(users=users).start()


def seed_mailbox(dovecot, user: str, raws: list[bytes], per_command: int = 100) -> float:
    """MULTIAPPEND the messages to INBOX; returns the seconds it took."""
    t0 = time.perf_counter()
    with dovecot.client(user) as client:
        for start in range(0, len(raws), per_command):
            client.multiappend("INBOX", raws[start:start + per_command])
    return time.perf_counter() - t0


def raw_fetch_parse(dovecot, user: str, chunk: int = 500) -> tuple[int, float, int]:
    """The raw ingest baseline: imapclient FETCH BODY.PEEK[] of everything in INBOX, in batches, and a
    stdlib parse of each message (compat32, like the product's parser) that reads the headers and decodes
    the text parts. Nothing else. Returns (messages, seconds, bytes)."""
    import email
    from email.policy import compat32

    t0 = time.perf_counter()
    n = total = 0
    with dovecot.client(user) as client:
        client.select_folder("INBOX", readonly=True)
        uids = client.search(["ALL"])
        for start in range(0, len(uids), chunk):
            for _uid, data in client.fetch(uids[start:start + chunk], ["BODY.PEEK[]"]).items():
                raw = data[b"BODY[]"]
                msg = email.message_from_bytes(raw, policy=compat32)
                for h in ("from", "to", "cc", "subject", "date", "message-id"):
                    msg.get(h)
                for part in msg.walk():
                    if part.get_content_maintype() == "text":
                        part.get_payload(decode=True)
                n += 1
                total += len(raw)
    return n, time.perf_counter() - t0, total


# ---------------------------------------------------------------------------------------------- SMTP sink
SINK = Path(__file__).resolve().with_name("_smtp_sink.py")


class SmtpSink:
    """aiosmtpd in another process. With ``log_arrivals`` it reports (monotonic time, In-Reply-To, rcpts)
    for each message; ``arrivals`` maps In-Reply-To -> (time, rcpts)."""

    def __init__(self, log_arrivals: bool = False) -> None:
        cmd = [sys.executable, str(SINK)] + (["--log-arrivals"] if log_arrivals else [])
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
        line = self.proc.stdout.readline().split()
        if not line or line[0] != "READY":
            raise RuntimeError("SMTP sink did not start")
        self.port = int(line[1])
        self.arrivals: dict[str, tuple[float, str]] = {}
        self.count = 0
        self.cond = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "MSG" and len(parts) >= 4:
                with self.cond:
                    self.arrivals[parts[2]] = (float(parts[1]), parts[3])
                    self.count += 1
                    self.cond.notify_all()

    def wait_for(self, in_reply_to: str, timeout: float) -> float | None:
        deadline = time.monotonic() + timeout
        with self.cond:
            while in_reply_to not in self.arrivals:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.cond.wait(left)
            return self.arrivals[in_reply_to][0]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# ---------------------------------------------------------------------------------------------- databases
def pg_available() -> bool:
    from tests.servers import postgres_reachable

    return postgres_reachable(PG_ADMIN_URL)


def scratch_postgres():
    """A fresh PostgreSQL database, dropped afterwards; yields its URL."""
    from tests.servers import scratch_postgres as scratch

    return scratch(PG_ADMIN_URL, prefix="rl_bench_")


@contextmanager
def database_url(kind: str, base: Path):
    if kind == "sqlite":
        yield f"sqlite:///{base / f'referloop-{uuid.uuid4().hex[:6]}.db'}"
    elif kind == "postgres":
        with scratch_postgres() as url:
            yield url
    else:
        raise ValueError(kind)


def close_database() -> None:
    from db.models import database

    if database.obj is not None and not database.obj.is_closed():
        database.obj.close()


def databases_from(arg: str) -> list[str]:
    wanted = [d.strip() for d in arg.split(",") if d.strip()]
    out = []
    for d in wanted:
        if d == "postgres" and not pg_available():
            print(f"postgres: not reachable at {PG_ADMIN_URL}; skipped", flush=True)
            continue
        out.append(d)
    return out


# ---------------------------------------------------------------------------------------------- config
def config_dict(base: Path, db_url: str, *, imap_port: int | None = None, imap_user: str | None = None,
                smtp_port: int | None = None, **overrides) -> dict:
    from tests.servers import PASSWORD

    inbox = ({"kind": "imap", "host": "127.0.0.1", "port": imap_port, "security": "none", "username": imap_user,
              "password": PASSWORD, "address": TRACKING} if imap_port else
             {"kind": "maildir", "path": str(base / "maildir")})
    outbox = ({"kind": "smtp", "host": "127.0.0.1", "port": smtp_port, "security": "none", "password": "unused",
               "max_per_minute": 10_000_000} if smtp_port else {"kind": "file", "path": str(base / "outbox")})
    data = {"tracking": {"address": TRACKING, "secret": SECRET}, "inbox": inbox, "outbox": outbox,
            "database": {"url": db_url}, "schedule": {"send_window": "always"}}
    for section, values in overrides.items():
        data.setdefault(section, {}).update(values)
    return data


def build_config(base: Path, data: dict):
    from mailer.config import from_dict

    return from_dict(data, path=str(base / "referloop.toml"), env={}, base_dir=str(base))


def to_toml(data: dict) -> str:
    def value(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return str(v)
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return json.dumps(str(v))

    out = []
    for section, values in data.items():
        out.append(f"[{section}]")
        out.extend(f"{k} = {value(v)}" for k, v in values.items())
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------- figures
def rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def num(x: float) -> str:
    return f"{x:,.0f}"


def pct(x: float) -> str:
    return f"{x * 100:.0f}%"


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES target"


def print_ratio(what: str, product: float, baseline: float, target: float) -> None:
    """The one line every throughput benchmark prints: the product next to its raw baseline."""
    ratio = product / baseline
    print(f"{what}: {num(product)} emails/s; baseline {num(baseline)}/s; ratio {pct(ratio)} "
          f"(target >= {pct(target)}: {verdict(ratio >= target)})", flush=True)


def write_json(path: str | None, data: dict) -> None:
    if path:
        Path(path).write_text(json.dumps(data, indent=2, default=str))


def machine_note() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{os.cpu_count()} CPUs, load average {load:.2f}, Python {sys.version.split()[0]}"


def quiet_logs() -> None:
    import logging

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("referloop").setLevel(logging.ERROR)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()
