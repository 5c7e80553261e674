"""The send window: working hours on working days, in the recipient's own time zone."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from mailer.window import SendWindow

UTC = timezone.utc
WEEKDAYS = SendWindow.parse("09:00-17:00", "mon-fri", "UTC")


@pytest.mark.parametrize("now, offset, expected", [
    # Tuesday 12:00 UTC, recipient in UTC: open now
    (datetime(2025, 1, 14, 12, 0, tzinfo=UTC), None, datetime(2025, 1, 14, 12, 0, tzinfo=UTC)),
    # Tuesday 07:00 UTC: opens at 09:00 the same day
    (datetime(2025, 1, 14, 7, 0, tzinfo=UTC), None, datetime(2025, 1, 14, 9, 0, tzinfo=UTC)),
    # Friday 20:00 UTC is 12:00 in UTC-8: open
    (datetime(2025, 1, 17, 20, 0, tzinfo=UTC), -480, datetime(2025, 1, 17, 20, 0, tzinfo=UTC)),
    # Friday 20:00 UTC is Saturday 05:00 in UTC+9: Monday 09:00 there, Monday 00:00 UTC
    (datetime(2025, 1, 17, 20, 0, tzinfo=UTC), 540, datetime(2025, 1, 20, 0, 0, tzinfo=UTC)),
    # Friday 17:00 local is closed (the window ends at 17:00): Monday 09:00
    (datetime(2025, 1, 17, 17, 0, tzinfo=UTC), None, datetime(2025, 1, 20, 9, 0, tzinfo=UTC)),
])
def test_next_opening_in_the_recipients_time(now, offset, expected):
    assert WEEKDAYS.next_opening(now, offset) == expected


def test_fallback_time_zone_is_a_named_zone_with_daylight_saving():
    berlin = SendWindow.parse("09:00-17:00", "mon-fri", "Europe/Berlin")
    summer = datetime(2025, 7, 15, 6, 30, tzinfo=UTC)          # 08:30 CEST
    assert berlin.next_opening(summer) == datetime(2025, 7, 15, 7, 0, tzinfo=UTC)


def test_always_is_always_open():
    always = SendWindow.parse("always", "mon-sun", "UTC")
    now = datetime(2025, 1, 18, 3, 0, tzinfo=UTC)
    assert always.is_open(now)


@pytest.mark.parametrize("window, days, zone", [("9-5pm", "mon-fri", "UTC"), ("17:00-09:00", "mon-fri", "UTC"),
                                                ("09:00-17:00", "weekdays", "UTC"),
                                                ("09:00-17:00", "mon-fri", "Mars/Olympus")])
def test_bad_settings_are_refused(window, days, zone):
    with pytest.raises(ValueError):
        SendWindow.parse(window, days, zone)
