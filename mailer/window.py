"""When scheduled mail may go out: working hours on working days, in the recipient's local time.

A person's local time comes from the UTC offset of the latest Date header we saw from them; without
one, the configured time zone is used. Pure functions of (now, offset), so tests need no clock.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _parse_days(text: str) -> frozenset[int]:
    text = text.strip().lower()
    if text in ("all", "always", "every day", "mon-sun"):
        return frozenset(range(7))
    days: set[int] = set()
    for part in text.split(","):
        part = part.strip()
        if "-" in part:
            a, b = (p.strip()[:3] for p in part.split("-", 1))
            if a not in DAYS or b not in DAYS:
                raise ValueError(f"send_days: unknown day in {part!r}")
            i, j = DAYS.index(a), DAYS.index(b)
            k = i
            while True:
                days.add(k)
                if k == j:
                    break
                k = (k + 1) % 7
        elif part[:3] in DAYS:
            days.add(DAYS.index(part[:3]))
        else:
            raise ValueError(f"send_days: unknown day {part!r} (use e.g. \"mon-fri\" or \"mon,wed,fri\")")
    return frozenset(days)


def _parse_hhmm(text: str) -> time:
    h, _, m = text.strip().partition(":")
    return time(int(h), int(m or 0))


@dataclass(frozen=True)
class SendWindow:
    start: time | None        # None: always open
    end: time | None
    days: frozenset[int]
    default_tz: tzinfo

    @classmethod
    def parse(cls, window: str, days: str, tz_name: str) -> "SendWindow":
        try:
            tz: tzinfo = ZoneInfo(tz_name) if tz_name.upper() != "UTC" else timezone.utc
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown timezone {tz_name!r}") from None
        if window.strip().lower() == "always":
            return cls(None, None, _parse_days(days), tz)
        try:
            a, b = window.split("-")
            start, end = _parse_hhmm(a), _parse_hhmm(b)
        except ValueError:
            raise ValueError(f"send_window must look like \"09:00-17:00\" or be \"always\", not {window!r}") from None
        if start >= end:
            raise ValueError(f"send_window must end after it starts: {window!r}")
        return cls(start, end, _parse_days(days), tz)

    def _tz(self, offset_minutes: int | None) -> tzinfo:
        if offset_minutes is None:
            return self.default_tz
        return timezone(timedelta(minutes=offset_minutes))

    def next_opening(self, now: datetime, offset_minutes: int | None = None) -> datetime:
        """``now`` when the window is open for this recipient, else the next moment it opens (UTC)."""
        if now.tzinfo is None:
            now = now.replace(tzinfo=timezone.utc)
        local = now.astimezone(self._tz(offset_minutes))
        for _ in range(15):
            if local.weekday() in self.days:
                if self.start is None:
                    return local.astimezone(timezone.utc)
                if local.time() < self.start:
                    local = local.replace(hour=self.start.hour, minute=self.start.minute, second=0, microsecond=0)
                    return local.astimezone(timezone.utc)
                if local.time() < self.end:
                    return local.astimezone(timezone.utc)
            nxt = (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
            local = nxt
        return now  # no day allowed at all: send rather than hold mail forever

    def is_open(self, now: datetime, offset_minutes: int | None = None) -> bool:
        return self.next_opening(now, offset_minutes) <= now
