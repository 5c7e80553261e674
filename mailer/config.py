"""Configuration: one TOML file, validated completely at start so mistakes surface as one clear line.

The key names are a public contract (README, ``config.example.toml``). Every section is a frozen
dataclass; the only global state in the program is the :class:`Config` built here and passed down.
"""
from __future__ import annotations

import dataclasses
import ipaddress
import os
import re
import socket
import stat
import tomllib
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

DEFAULT_PATH = "referloop.toml"
PLACEHOLDER_SECRETS = {"", "change-me", "changeme", "secret", "please-change-me"}


class ConfigError(Exception):
    """A configuration problem, phrased for a person: it names the file and the key."""


@dataclass(frozen=True)
class TrackingConfig:
    address: str = "track@example.org"
    secret: str = ""
    name: str = "Referloop"
    currency: str = "USD"
    aliases: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class InboxConfig:
    kind: str = "imap"
    host: str = "imap.example.org"
    port: int = 993
    security: str = "tls"
    username: str = ""
    password: str = ""
    oauth2_token_command: str = ""
    folder: str = "INBOX"
    path: str = "var/inbox"
    address: str = ""
    processed_folder: str = "Referloop/Processed"
    failed_folder: str = "Referloop/Failed"
    quarantine_folder: str = "Referloop/Quarantine"
    poll_interval: int = 60
    idle_seconds: int = 240
    timeout: int = 30
    batch_size: int = 200
    max_bytes: int = 25_000_000
    max_attempts: int = 3
    max_replies_per_sender_per_hour: int = 10
    failover_seconds: int = 30
    ca_file: str = ""


@dataclass(frozen=True)
class OutboxConfig:
    kind: str = "smtp"
    host: str = "smtp.example.org"
    port: int = 465
    security: str = "tls"
    username: str = ""
    password: str = ""
    oauth2_token_command: str = ""
    path: str = "var/outbox"
    timeout: int = 30
    max_per_minute: int = 120
    retry_deadline: str = "3d"
    batch_size: int = 100
    ca_file: str = ""
    durable_marks: bool = False


@dataclass(frozen=True)
class DatabaseConfig:
    url: str = "sqlite:///var/referloop.db"


@dataclass(frozen=True)
class ScheduleConfig:
    checkins: list[str] = field(default_factory=lambda: ["14d", "28d"])
    no_response_after: str = "14d"
    send_window: str = "09:00-17:00"
    send_days: str = "mon-fri"
    timezone: str = "UTC"
    due_interval: int = 60


@dataclass(frozen=True)
class PrivacyConfig:
    share_amounts: bool = False


@dataclass(frozen=True)
class SecurityConfig:
    accept_from: str | list[str] = "anyone"
    require_authenticated_sender: bool = False
    trusted_authserv_id: str = ""
    token_days: int = 180
    max_messages_per_hour: int = 60


@dataclass(frozen=True)
class DigestConfig:
    enabled: bool = True
    day: int = 1


@dataclass(frozen=True)
class ReciprocityConfig:
    nudge_after: int = 3


@dataclass(frozen=True)
class TemplatesConfig:
    directory: str = ""


@dataclass(frozen=True)
class ProcessingConfig:
    parse_workers: int | str = "auto"

    def worker_count(self, cores: int | None) -> int:
        """Worker processes for parsing a backlog: "auto" leaves one core to the process that records."""
        if self.parse_workers == "auto":
            return min(max((cores or 1) - 1, 0), 4)
        return int(self.parse_workers)


@dataclass(frozen=True)
class Config:
    tracking: TrackingConfig = field(default_factory=TrackingConfig)
    inboxes: tuple[InboxConfig, ...] = (InboxConfig(),)
    outbox: OutboxConfig = field(default_factory=OutboxConfig)
    database: DatabaseConfig = field(default_factory=DatabaseConfig)
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig)
    privacy: PrivacyConfig = field(default_factory=PrivacyConfig)
    security: SecurityConfig = field(default_factory=SecurityConfig)
    digest: DigestConfig = field(default_factory=DigestConfig)
    reciprocity: ReciprocityConfig = field(default_factory=ReciprocityConfig)
    templates: TemplatesConfig = field(default_factory=TemplatesConfig)
    processing: ProcessingConfig = field(default_factory=ProcessingConfig)
    categories: dict[str, str] = field(default_factory=dict)
    path: str = ""
    base_dir: str = "."

    @property
    def inbox(self) -> InboxConfig:
        return self.inboxes[0]

    def inbox_address(self, inbox: InboxConfig) -> str:
        return (inbox.address or self.tracking.address).lower()

    @property
    def all_addresses(self) -> tuple[str, ...]:
        addrs = [self.tracking.address.lower()] + [self.inbox_address(i) for i in self.inboxes]
        return tuple(dict.fromkeys(addrs))

    def resolve(self, path: str) -> Path:
        """Relative paths in the config are relative to the config file's folder."""
        p = Path(path)
        return p if p.is_absolute() else Path(self.base_dir) / p

    @property
    def secret_bytes(self) -> bytes:
        return self.tracking.secret.encode()


_SECTIONS = {
    "tracking": TrackingConfig, "outbox": OutboxConfig, "database": DatabaseConfig,
    "schedule": ScheduleConfig, "privacy": PrivacyConfig, "security": SecurityConfig,
    "digest": DigestConfig, "reciprocity": ReciprocityConfig, "templates": TemplatesConfig,
    "processing": ProcessingConfig,
}
_ENV = {
    ("tracking", "secret"): "REFERLOOP_SECRET",
    ("inbox", "password"): "REFERLOOP_IMAP_PASSWORD",
    ("outbox", "password"): "REFERLOOP_SMTP_PASSWORD",
    ("database", "url"): "REFERLOOP_DATABASE_URL",
}
_DURATION = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$")


def parse_duration(text: str) -> timedelta:
    """"14d", "36h", "90m", "2w" -> timedelta."""
    m = _DURATION.match(str(text))
    if not m:
        raise ValueError(f"not a duration like '14d' or '36h': {text!r}")
    n, unit = int(m.group(1)), m.group(2)
    return timedelta(**{{"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}[unit]: n})


def _type_ok(value: Any, hint: Any) -> bool:
    origin = get_origin(hint)
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    if origin is list:
        (inner,) = get_args(hint)
        return isinstance(value, list) and all(_type_ok(v, inner) for v in value)
    if origin is dict:
        return isinstance(value, dict)
    args = get_args(hint)
    if args:  # a union such as str | list[str]
        return any(_type_ok(value, a) for a in args)
    return True


def _type_name(hint: Any) -> str:
    return {bool: "true or false", int: "a whole number", str: "a string"}.get(hint, str(hint).replace("typing.", ""))


def _build(cls: type, data: dict, section: str, where: str) -> Any:
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: [{section}] must be a table")
    hints = get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    values = {}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(f"{where}: unknown key {section}.{key}")
        if not _type_ok(value, hints[key]):
            raise ConfigError(f"{where}: {section}.{key} must be {_type_name(hints[key])}, not {value!r}")
        values[key] = value
    return cls(**values)


def _env_overrides(section: str, values: dict, env: dict[str, str]) -> dict:
    out = dict(values)
    for (sec, key), var in _ENV.items():
        if sec == section and env.get(var) and not out.get(key):
            out[key] = env[var]
    return out


def _is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        try:
            return ipaddress.ip_address(socket.gethostbyname(host)).is_loopback
        except OSError:
            return False


def _validate(cfg: Config, where: str) -> None:
    for i, inbox in enumerate(cfg.inboxes):
        name = "inbox" if len(cfg.inboxes) == 1 else f"inbox[{i}]"
        if inbox.kind not in ("imap", "maildir"):
            raise ConfigError(f"{where}: {name}.kind must be \"imap\" or \"maildir\", not {inbox.kind!r}")
        if inbox.kind == "imap":
            _check_server(inbox, name, where)
    if cfg.outbox.kind not in ("smtp", "file"):
        raise ConfigError(f"{where}: outbox.kind must be \"smtp\" or \"file\", not {cfg.outbox.kind!r}")
    if cfg.outbox.kind == "smtp":
        _check_server(cfg.outbox, "outbox", where)
    if "@" not in cfg.tracking.address or "+" in cfg.tracking.address.partition("@")[0]:
        raise ConfigError(f"{where}: tracking.address must be a plain address like track@example.org")
    for offset in cfg.schedule.checkins:
        try:
            parse_duration(offset)
        except ValueError as exc:
            raise ConfigError(f"{where}: schedule.checkins: {exc}") from None
    for key in ("no_response_after",):
        try:
            parse_duration(getattr(cfg.schedule, key))
        except ValueError as exc:
            raise ConfigError(f"{where}: schedule.{key}: {exc}") from None
    try:
        parse_duration(cfg.outbox.retry_deadline)
    except ValueError as exc:
        raise ConfigError(f"{where}: outbox.retry_deadline: {exc}") from None
    from .window import SendWindow  # late import: window imports parse helpers only

    try:
        SendWindow.parse(cfg.schedule.send_window, cfg.schedule.send_days, cfg.schedule.timezone)
    except ValueError as exc:
        raise ConfigError(f"{where}: schedule: {exc}") from None
    workers = cfg.processing.parse_workers
    if workers != "auto" and not (isinstance(workers, int) and 0 <= workers <= 64):
        raise ConfigError(f"{where}: processing.parse_workers must be \"auto\" or a whole number from 0 to 64, "
                          f"not {workers!r}")
    if not cfg.database.url.startswith(("sqlite://", "postgresql://", "postgres://")):
        raise ConfigError(f"{where}: database.url must start with sqlite:/// or postgresql://")


def _check_server(section: InboxConfig | OutboxConfig, name: str, where: str) -> None:
    if section.security not in ("tls", "starttls", "none"):
        raise ConfigError(f"{where}: {name}.security must be \"tls\", \"starttls\" or \"none\"")
    if section.security == "none" and not _is_loopback(section.host):
        raise ConfigError(f"{where}: {name}.security = \"none\" is only allowed towards a loopback host, "
                          f"not {section.host!r}")
    if not section.password and not section.oauth2_token_command:
        raise ConfigError(f"{where}: {name}.password is missing (set it, its environment variable, "
                          f"or {name}.oauth2_token_command)")


def check_secret(cfg: Config) -> None:
    """A missing or placeholder secret would make reply addresses forgeable: refuse to start."""
    if cfg.tracking.secret.strip().lower() in PLACEHOLDER_SECRETS or len(cfg.tracking.secret) < 16:
        raise ConfigError(f"{cfg.path or 'config'}: tracking.secret is missing or a placeholder; set at least "
                          "16 random characters (or REFERLOOP_SECRET), e.g. from `python3 -c 'import secrets; "
                          "print(secrets.token_urlsafe(32))'`")


def from_dict(data: dict, path: str = "<config>", env: dict[str, str] | None = None,
              base_dir: str = ".") -> Config:
    """Build and validate a Config from parsed TOML (also used by tests)."""
    env = dict(os.environ) if env is None else env
    unknown = set(data) - set(_SECTIONS) - {"inbox", "categories"}
    if unknown:
        raise ConfigError(f"{path}: unknown section or key {sorted(unknown)[0]!r}")
    sections = {}
    for name, cls in _SECTIONS.items():
        sections[name] = _build(cls, _env_overrides(name, data.get(name, {}), env), name, path)
    raw_inboxes = data.get("inbox", {})
    if isinstance(raw_inboxes, dict):
        raw_inboxes = [raw_inboxes]
    if not isinstance(raw_inboxes, list) or not raw_inboxes:
        raise ConfigError(f"{path}: [inbox] must be a table or a list of [[inbox]] tables")
    inboxes = tuple(_build(InboxConfig, _env_overrides("inbox", i, env), "inbox", path) for i in raw_inboxes)
    categories = data.get("categories", {})
    if not isinstance(categories, dict) or not all(isinstance(v, str) for v in categories.values()):
        raise ConfigError(f"{path}: [categories] maps words to a category, e.g. cpa = \"accountant\"")
    cfg = Config(inboxes=inboxes, categories={k.lower(): v.lower() for k, v in categories.items()},
                 path=path, base_dir=base_dir, **sections)
    _validate(cfg, path)
    return cfg


def config_path(explicit: str | None, env: dict[str, str] | None = None) -> Path:
    env = dict(os.environ) if env is None else env
    return Path(explicit or env.get("REFERLOOP_CONFIG") or DEFAULT_PATH)


def load(explicit: str | None = None, env: dict[str, str] | None = None) -> Config:
    """Read, validate and return the configuration; :class:`ConfigError` on any problem."""
    path = config_path(explicit, env)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file (copy config.example.toml, or run `referloop init`)") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    return from_dict(data, str(path), env, base_dir=str(path.resolve().parent))


def readable_by_others_with_password(path: str) -> bool:
    """A config file holding a password or secret should not be world- or group-readable."""
    try:
        mode = os.stat(path).st_mode
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    has_secret = re.search(r'(?m)^\s*(password|secret)\s*=\s*"[^"]+', text) is not None
    return has_secret and bool(mode & (stat.S_IRGRP | stat.S_IROTH))
