"""What a time expression or a promising verb says, between a language's grammar and the
shared calendar arithmetic.

A language adapter reads «послезавтра, 17 декабря, с 9:00 до 13:00», «v treh delovnih
dneh» or 下周二下午三点前 into a `When`: which day, which clock times, which interval, with
no clock and no calendar involved. `deadlines.resolve` then turns a `When` into datetimes
against `Context.now` and the company's `Policy` (see DESIGN.md, `Commitment`), the same way
for every language. A verb that asserts a future action («перезвоним», «vas bo poklical»,
会给您回电) comes out of the adapter as a `PromiseVerb`; which kind of promise it makes is
the packs' data (`commitments:` in rules/<lang>/promises.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

Unit = Literal["minute", "hour", "day", "working_day", "week", "month"]
Period = Literal["day", "week", "month", "year"]
Voice = Literal["first", "second", "third", "impersonal"]


@dataclass(frozen=True, slots=True)
class Clock:
    """A time of day, 24-hour."""

    hour: int
    minute: int = 0

    def __post_init__(self) -> None:
        if not (0 <= self.hour <= 24 and 0 <= self.minute < 60) or (self.hour == 24 and self.minute):
            raise ValueError(f"no such time of day: {self.hour}:{self.minute:02d}")


@dataclass(frozen=True, slots=True)
class When:
    """The meaning of one time expression; every field optional, most set one or two.

    Which day (the first of these that is set wins, from the most specific):
      date        (year or None, month, day): «15 декабря», «15. 12.», 12月15日. Without a
                  year, the next such date on or after today.
      days_ahead  0 today, 1 tomorrow, 2 the day after: «сегодня», «jutri», 后天.
      weekday     ISO 1–7, the next such day after today; with next_week, that day of next
                  Monday-to-Sunday week («в следующий вторник», «naslednji torek», 下周二).
      month       1–12: the whole month («в декабре», «decembra», 12月份): its last day.
      period_end  ("week", 0): the end of this week («до конца недели», 本周内); ("week", 1)
                  next week («на следующей неделе», «naslednji teden», 下周); "day", "month",
                  "year" the same way.
      within      (amount, unit): «в течение 3 рабочих дней», «v dveh urah», 48小时内. Hours
                  and minutes count from now; days, working days, weeks and months end with
                  the end of the Nth such day after today. A window «5–7 дней» gives its
                  upper bound.
    No day at all with a clock time means today («до 18:00»).

    Which time on that day:
      earliest    the soonest moment: «после 15:00», a window's start, an exact time.
      latest      the deadline's clock: «до 17:00», a window's end, an exact time. Without
                  it the deadline is the end of the day.
    An exact time («в 14:30», «ob 14.30», 下午两点半) sets both to the same clock.

    until         the day is the last one that keeps the promise, not the day it is kept on:
                  «до пятницы», «к 1 января», «do petka», 周五前. Such a promise may be kept
                  sooner, so a holiday on that day does not make it one for a day off.
    """

    date: tuple[int | None, int, int] | None = None
    days_ahead: int | None = None
    weekday: int | None = None
    next_week: bool = False
    month: int | None = None
    period_end: tuple[Period, int] | None = None
    within: tuple[float, Unit] | None = None
    earliest: Clock | None = None
    latest: Clock | None = None
    until: bool = False

    def __post_init__(self) -> None:
        if self.weekday is not None and not 1 <= self.weekday <= 7:
            raise ValueError(f"weekday is an ISO weekday, 1 to 7; got {self.weekday}")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month is 1 to 12; got {self.month}")
        if self.date is not None and not (1 <= self.date[1] <= 12 and 1 <= self.date[2] <= 31):
            raise ValueError(f"no such date: {self.date}")
        if self.within is not None and self.within[0] < 0:
            raise ValueError("an interval cannot be negative")

    @property
    def has_day(self) -> bool:
        return any(
            value is not None
            for value in (self.date, self.days_ahead, self.weekday, self.month, self.period_end, self.within)
        )

    @property
    def names_a_day(self) -> bool:
        """A specific day (not an interval or a period): a promise to act on that day."""
        if self.until:
            return False
        return self.date is not None or self.days_ahead is not None or self.weekday is not None

    @property
    def has_clock(self) -> bool:
        return self.earliest is not None or self.latest is not None

    def joined(self, other: When) -> When:
        """Two expressions of one time side by side («послезавтра, 17 декабря, с 9:00 до 13:00»):
        each field from whichever sets it, this one first."""
        values = {}
        for name in self.__dataclass_fields__:
            mine = getattr(self, name)
            unset = mine is None or mine is False  # 0 (today) is a value; `in (None, False)` would take it for unset
            values[name] = getattr(other, name) if unset else mine
        return replace(self, **values)


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A time expression found in a text: text[start:end] means `when`."""

    start: int
    end: int
    when: When


@dataclass(frozen=True, slots=True)
class PromiseVerb:
    """A verb group that asserts a future action or outcome, as a statement (not a question,
    a request, an offer with «можем», or a negation): «перезвоним», «курьер привезёт»,
    «vas bo poklical», «bo dostavljena», 我们会给您回电, 明天发货, 就能到账.

    `start`, `end` cover the group's words, auxiliaries included («будем звонить», «bomo
    poslali», 会…回电 up to the verb); `lemmas` are the main verb's candidate lemmas (in
    Chinese the word itself) and `objects` the lemmas of the words right after it («дать
    ответ», «vrniti denar»), so pack phrases of a verb and its object can match. `voice`:
    first (we / I), second (you will receive), third (a named subject: «курьер», «посылка»,
    `subject` its lemma), impersonal (nobody: «вам перезвонят», «bo dostavljena», 会有人联系您).
    """

    start: int
    end: int
    lemmas: tuple[str, ...]
    voice: Voice
    subject: str | None = None
    objects: tuple[str, ...] = ()
