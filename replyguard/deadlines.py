"""A `When` against a clock and a calendar: the moments that keep a promise.

The rules are DESIGN.md's (`Commitment.deadline`) and the same for every language: a day
without a time ends at 23:59:59; hours and minutes count from now; N days, weeks or months
end with the end of the Nth day after today; N working days skip weekends and holidays; a
weekday is the next such day after today; a date without a year is the next such date on or
after today; «после 15:00» only sets the earliest moment.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import math
from dataclasses import dataclass

from replyguard.when import Clock, When
from replyguard.workdays import END_OF_DAY, WorkCalendar


@dataclass(frozen=True, slots=True)
class Resolved:
    """When a promise may be kept: not before `earliest` (if any), not after `deadline`;
    `day` is the day it names, when it names one (for the working-day check)."""

    earliest: dt.datetime | None
    deadline: dt.datetime
    day: dt.date | None = None


def resolve(when: When, now: dt.datetime, calendar: WorkCalendar) -> Resolved | None:
    """The moments `when` means, in the calendar's time zone; None when it names no moment
    (an impossible date such as 30 February)."""
    local = now.astimezone(calendar.tz)
    if when.within is not None and when.within[1] in ("minute", "hour") and not _names_day(when):
        amount, unit = when.within
        step = dt.timedelta(minutes=amount) if unit == "minute" else dt.timedelta(hours=amount)
        # elapsed time, counted in UTC: across a change to summer time four hours are four hours
        return Resolved(None, (local.astimezone(dt.timezone.utc) + step).astimezone(calendar.tz))
    today = local.date()
    day = _day(when, today, calendar)
    if day is None:
        return None
    tz = calendar.tz
    deadline = _at(day, when.latest, tz) if when.latest is not None else dt.datetime.combine(day, END_OF_DAY, tz)
    earliest = _at(day, when.earliest, tz) if when.earliest is not None else None
    named = day if when.names_a_day else None
    return Resolved(earliest, deadline, named)


def _names_day(when: When) -> bool:
    return when.names_a_day or when.month is not None or when.period_end is not None


def _at(day: dt.date, clock: Clock, tz: dt.tzinfo) -> dt.datetime:
    if clock.hour == 24:
        return dt.datetime.combine(day, END_OF_DAY, tz)
    return dt.datetime.combine(day, dt.time(clock.hour, clock.minute), tz)


def _day(when: When, today: dt.date, calendar: WorkCalendar) -> dt.date | None:
    """The day a `When` points at, by its most specific field."""
    if when.date is not None:
        return _date(when.date, today)
    if when.days_ahead is not None:
        return today + dt.timedelta(days=when.days_ahead)
    if when.weekday is not None:
        if when.next_week:
            monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7)
            return monday + dt.timedelta(days=when.weekday - 1)
        ahead = (when.weekday - today.isoweekday()) % 7 or 7
        return today + dt.timedelta(days=ahead)
    if when.month is not None:
        year = today.year if when.month >= today.month else today.year + 1
        return dt.date(year, when.month, _calendar.monthrange(year, when.month)[1])
    if when.period_end is not None:
        return _period_end(when.period_end[0], when.period_end[1], today)
    if when.within is not None:
        amount, unit = when.within
        count = math.ceil(amount)
        if unit == "working_day":
            return calendar.working_days_after(today, count)
        if unit == "week":
            return today + dt.timedelta(days=math.ceil(amount * 7))
        if unit == "month":
            return _add_months(today, count)
        if unit == "day":
            return today + dt.timedelta(days=count)
        return today  # hours with a named day: that day
    return today  # a clock time alone means today («до 18:00»)


def _date(value: tuple[int | None, int, int], today: dt.date) -> dt.date | None:
    year, month, day = value
    try:
        if year is not None:
            return dt.date(year, month, day)
        found = dt.date(today.year, month, day)
        if found < today:
            found = dt.date(today.year + 1, month, day)
        return found
    except ValueError:
        if year is None and month == 2 and day == 29:  # the next 29 February
            for ahead in range(1, 9):
                if _calendar.isleap(today.year + ahead):
                    return dt.date(today.year + ahead, 2, 29)
        return None


def _period_end(period: str, offset: int, today: dt.date) -> dt.date:
    if period == "day":
        return today + dt.timedelta(days=offset)
    if period == "week":
        return today + dt.timedelta(days=6 - today.weekday() + 7 * offset)
    if period == "month":
        first = _add_months(today.replace(day=1), offset)
        return first.replace(day=_calendar.monthrange(first.year, first.month)[1])
    return dt.date(today.year + offset, 12, 31)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))
