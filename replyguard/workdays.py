"""The company's calendar: which days it works, which hours, and the country's public holidays.

Language-agnostic date arithmetic for promises: «в течение 3 рабочих дней», «v treh delovnih
dneh» and 三个工作日内 all count working days here. Public holidays come from the `holidays`
package, which also knows the days a country moves work to (China's make-up working
Saturdays, Russia's bridge days off), so nobody keeps a holiday table by hand.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from replyguard.models import Policy

END_OF_DAY = dt.time(23, 59, 59)


@lru_cache(maxsize=64)
def _country_year(country: str, year: int) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """A country's public holidays in one year, and its working weekend days (make-up days)."""
    import holidays  # 45 ms: paid by the first reply that needs a calendar, not by import

    table: Any = holidays.country_holidays(country, years=year)
    moved = frozenset(day for day in getattr(table, "weekend_workdays", ()) if day.year == year)
    return frozenset(table.keys()), moved


def supported_countries() -> frozenset[str]:
    """The country codes the `holidays` package has calendars for."""
    import holidays

    return frozenset(holidays.list_supported_countries())


class WorkCalendar:
    """Working days and hours of one `Policy`, in its time zone."""

    def __init__(self, policy: Policy, tz: dt.tzinfo | None = None) -> None:
        """`tz` overrides the policy's time zone (the offset of `Context.now` when the CRM
        sent no policy)."""
        self.policy = policy
        self.tz: dt.tzinfo = tz or ZoneInfo(policy.timezone)
        self._days = frozenset(policy.working_days)
        opens, closes = policy.working_hours
        self.opens = dt.time.fromisoformat(opens)
        self.closes = dt.time.fromisoformat(closes)

    def holiday(self, day: dt.date) -> bool:
        """A public holiday (or a day off moved by law) of the policy's country."""
        if self.policy.holidays is None:
            return False
        return day in _country_year(self.policy.holidays, day.year)[0]

    def working_day(self, day: dt.date) -> bool:
        """The company works that day: one of its working weekdays, or a weekend day the
        country made a working day, and not a public holiday."""
        if self.holiday(day):
            return False
        if day.isoweekday() in self._days:
            return True
        return self.policy.holidays is not None and day in _country_year(self.policy.holidays, day.year)[1]

    def working_days_after(self, today: dt.date, count: int) -> dt.date:
        """The `count`-th working day after `today` (today itself not counted)."""
        day = today
        left = max(count, 0)
        for _ in range(count * 7 + 400):  # a calendar with no working day at all cannot loop forever
            if left == 0:
                return day
            day += dt.timedelta(days=1)
            if self.working_day(day):
                left -= 1
        return day

    def earliest_feasible(self, moment: dt.datetime) -> dt.datetime:
        """The first moment at or after `moment` that is inside working hours of a working day."""
        local = moment.astimezone(self.tz)
        day = local.date()
        if self.working_day(day) and local.time() <= self.closes:
            if local.time() >= self.opens:
                return local
            return dt.datetime.combine(day, self.opens, self.tz)
        following = self.working_days_after(day, 1)
        return dt.datetime.combine(following, self.opens, self.tz)

    def close_of(self, day: dt.date) -> dt.datetime:
        """The end of working hours on `day`."""
        return dt.datetime.combine(day, self.closes, self.tz)
