"""The shared calendar arithmetic: a `When` against a clock and a company's policy.

Every language's grammar produces `When` values; these rows pin down what they mean
(DESIGN.md, `Commitment.deadline`), holidays and working days included.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from replyguard.deadlines import resolve
from replyguard.models import Policy
from replyguard.when import Clock, When
from replyguard.workdays import WorkCalendar

MOSCOW = ZoneInfo("Europe/Moscow")
LJUBLJANA = ZoneInfo("Europe/Ljubljana")
SHANGHAI = ZoneInfo("Asia/Shanghai")
RU = WorkCalendar(Policy(timezone="Europe/Moscow", holidays="RU"))
SI = WorkCalendar(Policy(timezone="Europe/Ljubljana", holidays="SI", working_days=[1, 2, 3, 4, 5, 6]))
CN = WorkCalendar(Policy(timezone="Asia/Shanghai", holidays="CN"))
PLAIN = WorkCalendar(Policy())

# Thursday 3 December 2026, 15:00 Moscow time.
THURSDAY = dt.datetime(2026, 12, 3, 15, 0, tzinfo=MOSCOW)


def _end(year: int, month: int, day: int, tz: ZoneInfo = MOSCOW) -> dt.datetime:
    return dt.datetime(year, month, day, 23, 59, 59, tzinfo=tz)


ROWS = [
    # (what, when, now, calendar, expected deadline, expected earliest)
    ("today", When(days_ahead=0), THURSDAY, RU, _end(2026, 12, 3), None),
    ("tomorrow", When(days_ahead=1), THURSDAY, RU, _end(2026, 12, 4), None),
    ("the day after tomorrow", When(days_ahead=2), THURSDAY, RU, _end(2026, 12, 5), None),
    ("a bare 'by 18:00' is today", When(latest=Clock(18)), THURSDAY, RU, THURSDAY.replace(hour=18), None),
    (
        "a window takes its later bound",
        When(days_ahead=1, earliest=Clock(10), latest=Clock(14)),
        THURSDAY,
        RU,
        dt.datetime(2026, 12, 4, 14, tzinfo=MOSCOW),
        dt.datetime(2026, 12, 4, 10, tzinfo=MOSCOW),
    ),
    (
        "'after 15:00' only sets the earliest moment",
        When(days_ahead=1, earliest=Clock(15)),
        THURSDAY,
        RU,
        _end(2026, 12, 4),
        dt.datetime(2026, 12, 4, 15, tzinfo=MOSCOW),
    ),
    ("Wednesday is the next one", When(weekday=3), THURSDAY, RU, _end(2026, 12, 9), None),
    ("Thursday on a Thursday is next week's", When(weekday=4), THURSDAY, RU, _end(2026, 12, 10), None),
    ("Friday is tomorrow", When(weekday=5), THURSDAY, RU, _end(2026, 12, 4), None),
    ("next Tuesday", When(weekday=2, next_week=True), THURSDAY, RU, _end(2026, 12, 8), None),
    ("next Friday is in next week", When(weekday=5, next_week=True), THURSDAY, RU, _end(2026, 12, 11), None),
    ("a date this year", When(date=(None, 12, 15)), THURSDAY, RU, _end(2026, 12, 15), None),
    ("a date already past is next year's", When(date=(None, 1, 15)), THURSDAY, RU, _end(2027, 1, 15), None),
    ("a date with its year", When(date=(2027, 2, 1)), THURSDAY, RU, _end(2027, 2, 1), None),
    ("today's date is today", When(date=(None, 12, 3)), THURSDAY, RU, _end(2026, 12, 3), None),
    ("two hours from now", When(within=(2, "hour")), THURSDAY, RU, THURSDAY + dt.timedelta(hours=2), None),
    ("half an hour", When(within=(0.5, "hour")), THURSDAY, RU, THURSDAY + dt.timedelta(minutes=30), None),
    ("15 minutes", When(within=(15, "minute")), THURSDAY, RU, THURSDAY + dt.timedelta(minutes=15), None),
    ("two days", When(within=(2, "day")), THURSDAY, RU, _end(2026, 12, 5), None),
    ("14 days", When(within=(14, "day")), THURSDAY, RU, _end(2026, 12, 17), None),
    ("a week", When(within=(1, "week")), THURSDAY, RU, _end(2026, 12, 10), None),
    ("two weeks", When(within=(2, "week")), THURSDAY, RU, _end(2026, 12, 17), None),
    ("a month", When(within=(1, "month")), THURSDAY, RU, _end(2027, 1, 3), None),
    ("3 working days skip the weekend", When(within=(3, "working_day")), THURSDAY, RU, _end(2026, 12, 8), None),
    ("1 working day from Friday is Monday", When(within=(1, "working_day")), THURSDAY, RU, _end(2026, 12, 4), None),
    (
        "working days skip the Russian New Year holidays and 31 December 2026 (a day off moved from 4 January)",
        When(within=(3, "working_day")),
        dt.datetime(2026, 12, 30, 12, tzinfo=MOSCOW),
        RU,
        _end(2027, 1, 13),
        None,
    ),
    (
        "China's make-up Saturday is a working day",
        When(within=(1, "working_day")),
        dt.datetime(2026, 2, 13, 12, tzinfo=SHANGHAI),
        CN,
        _end(2026, 2, 14, SHANGHAI),
        None,
    ),
    (
        "Chinese Spring Festival holidays are skipped",
        When(within=(1, "working_day")),
        dt.datetime(2026, 2, 14, 12, tzinfo=SHANGHAI),
        CN,
        _end(2026, 2, 24, SHANGHAI),
        None,
    ),
    (
        "Slovenian Christmas and Independence Day are skipped, Saturday works",
        When(within=(1, "working_day")),
        dt.datetime(2026, 12, 24, 12, tzinfo=LJUBLJANA),
        SI,
        _end(2026, 12, 28, LJUBLJANA),
        None,
    ),
    ("end of the day", When(period_end=("day", 0)), THURSDAY, RU, _end(2026, 12, 3), None),
    ("end of the week is Sunday", When(period_end=("week", 0)), THURSDAY, RU, _end(2026, 12, 6), None),
    ("next week ends the Sunday after", When(period_end=("week", 1)), THURSDAY, RU, _end(2026, 12, 13), None),
    ("end of the month", When(period_end=("month", 0)), THURSDAY, RU, _end(2026, 12, 31), None),
    ("end of next month", When(period_end=("month", 1)), THURSDAY, RU, _end(2027, 1, 31), None),
    ("a named month ends with it", When(month=12), THURSDAY, RU, _end(2026, 12, 31), None),
    ("a month already past is next year's", When(month=2), THURSDAY, RU, _end(2027, 2, 28), None),
    (
        "the time zone is the policy's, not the caller's",
        When(days_ahead=0),
        dt.datetime(2026, 12, 3, 22, 30, tzinfo=dt.timezone.utc),
        RU,
        _end(2026, 12, 4),
        None,
    ),
    ("no policy: UTC", When(days_ahead=1), THURSDAY, PLAIN, _end(2026, 12, 4, ZoneInfo("UTC")), None),
    (
        "four hours across the change to summer time are four hours",
        When(within=(4, "hour")),
        dt.datetime(2027, 3, 27, 23, 30, tzinfo=LJUBLJANA),
        SI,
        dt.datetime(2027, 3, 28, 4, 30, tzinfo=LJUBLJANA),
        None,
    ),
]


@pytest.mark.parametrize(("what", "when", "now", "calendar", "deadline", "earliest"), ROWS, ids=[r[0] for r in ROWS])
def test_deadline(
    what: str, when: When, now: dt.datetime, calendar: WorkCalendar, deadline: dt.datetime, earliest: object
) -> None:
    resolved = resolve(when, now, calendar)
    assert resolved is not None
    assert resolved.deadline == deadline
    assert resolved.deadline.tzinfo is not None
    assert resolved.earliest == earliest


def test_impossible_date_names_no_moment() -> None:
    assert resolve(When(date=(2026, 2, 30)), THURSDAY, RU) is None


def test_joined_expressions_keep_each_part() -> None:
    day = When(days_ahead=2)
    date = When(date=(None, 12, 5))
    window = When(earliest=Clock(9), latest=Clock(13))
    joined = day.joined(date).joined(window)
    resolved = resolve(joined, THURSDAY, RU)
    assert resolved is not None
    assert resolved.deadline == dt.datetime(2026, 12, 5, 13, tzinfo=MOSCOW)
    assert resolved.day == dt.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("calendar", "day", "working"),
    [
        (RU, dt.date(2026, 11, 4), False),  # Unity Day
        (RU, dt.date(2027, 1, 7), False),  # Orthodox Christmas
        (RU, dt.date(2026, 12, 5), False),  # a Saturday
        (RU, dt.date(2026, 12, 7), True),
        (SI, dt.date(2026, 12, 25), False),  # božič
        (SI, dt.date(2027, 1, 2), False),  # novo leto, a Saturday the shop would work
        (SI, dt.date(2026, 12, 5), True),  # this shop works Saturdays
        (CN, dt.date(2027, 2, 5), False),  # 除夕, a statutory holiday since 2025
        (CN, dt.date(2026, 10, 1), False),  # 国庆节
        (CN, dt.date(2026, 2, 14), True),  # a make-up working Saturday
        (PLAIN, dt.date(2026, 12, 25), True),  # no country: only weekends are off
    ],
)
def test_working_day(calendar: WorkCalendar, day: dt.date, working: bool) -> None:
    assert calendar.working_day(day) is working


def test_earliest_feasible_moves_into_working_hours() -> None:
    friday_evening = dt.datetime(2026, 12, 4, 19, tzinfo=MOSCOW)
    assert RU.earliest_feasible(friday_evening) == dt.datetime(2026, 12, 7, 9, tzinfo=MOSCOW)
    early = dt.datetime(2026, 12, 7, 7, tzinfo=MOSCOW)
    assert RU.earliest_feasible(early) == dt.datetime(2026, 12, 7, 9, tzinfo=MOSCOW)
    inside = dt.datetime(2026, 12, 7, 11, tzinfo=MOSCOW)
    assert RU.earliest_feasible(inside) == inside


@pytest.mark.parametrize(
    ("policy", "field"),
    [
        ({"holidays": "XX"}, "holidays"),
        ({"holidays": "Russia"}, "holidays"),
        ({"min_lead": {"refund": "P5X"}}, "min_lead"),
        ({"min_lead": {"refund": "five days"}}, "min_lead"),
        ({"min_lead": {"refund": "-P1D"}}, "min_lead"),
        ({"min_lead": {"parcel": "P1D"}}, "min_lead"),
        ({"timezone": "Moscow"}, "timezone"),
    ],
)
def test_policy_errors_name_the_field(policy: dict, field: str) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as raised:
        Policy.model_validate(policy)
    assert field in str(raised.value)


def test_policy_accepts_iso_durations_and_lowercase_country() -> None:
    policy = Policy(holidays="si", min_lead={"callback": "PT1H30M", "refund": "P5D", "reply": "P1DT2H"})
    assert policy.holidays == "SI"
    assert policy.min_lead["callback"] == dt.timedelta(minutes=90)
    assert policy.min_lead["reply"] == dt.timedelta(days=1, hours=2)
