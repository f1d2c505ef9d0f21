"""Russian time expressions, from a sentence to a deadline: the grammar (`ru/time.py`), the
caller's joining of neighbouring parts and the shared calendar (`deadlines.resolve`).

Unless a row says otherwise it is Monday 7 December 2026, 10:00 in Moscow, with Russia's
public holidays.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from replyguard.deadlines import resolve
from replyguard.lang.registry import get_adapter
from replyguard.lang.ru.time import deadline_phrase, find_times
from replyguard.models import Policy
from replyguard.promises import joined_times
from replyguard.when import Clock, When
from replyguard.workdays import WorkCalendar

MOSCOW = ZoneInfo("Europe/Moscow")
RU = WorkCalendar(Policy(timezone="Europe/Moscow", holidays="RU"))
MONDAY = dt.datetime(2026, 12, 7, 10, 0, tzinfo=MOSCOW)
NEW_YEAR = dt.datetime(2026, 12, 30, 10, 0, tzinfo=MOSCOW)  # Wednesday; 31 Dec and 1–8 Jan are days off
BEFORE_MARCH_8 = dt.datetime(2027, 3, 5, 10, 0, tzinfo=MOSCOW)  # Friday; Monday 8 March is a holiday
UTC_LATE = dt.datetime(2026, 12, 7, 22, 30, tzinfo=dt.UTC)  # already 8 December, 01:30, in Moscow


def _at(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=MOSCOW)


def _end(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%d").replace(hour=23, minute=59, second=59, tzinfo=MOSCOW)


ROWS = [
    # (sentence, the expression as found, now, deadline, earliest or None)
    # days
    ("Перезвоним сегодня.", "сегодня", MONDAY, _end("2026-12-07"), None),
    ("Курьер приедет завтра.", "завтра", MONDAY, _end("2026-12-08"), None),
    ("Ответим послезавтра.", "послезавтра", MONDAY, _end("2026-12-09"), None),
    ("Сегодня до 17:00 пришлём ответ.", "Сегодня до 17:00", MONDAY, _at("2026-12-07 17:00"), None),
    (
        "Завтра с 10 до 12 приедет мастер.",
        "Завтра с 10 до 12",
        MONDAY,
        _at("2026-12-08 12:00"),
        _at("2026-12-08 10:00"),
    ),
    ("Курьер будет у вас до завтра.", "до завтра", MONDAY, _end("2026-12-08"), None),
    ("Завтра приедет.", "Завтра", UTC_LATE, _end("2026-12-09"), None),
    # weekdays
    ("Перезвоним в среду.", "в среду", MONDAY, _end("2026-12-09"), None),
    ("Во вторник отправим.", "Во вторник", MONDAY, _end("2026-12-08"), None),
    ("В понедельник ответим.", "В понедельник", MONDAY, _end("2026-12-14"), None),
    ("В следующий вторник позвоним.", "В следующий вторник", MONDAY, _end("2026-12-15"), None),
    ("Приедем в пятницу на следующей неделе.", "в пятницу на следующей неделе", MONDAY, _end("2026-12-18"), None),
    ("К пятнице всё будет готово.", "К пятнице", MONDAY, _end("2026-12-11"), None),
    ("Деньги вернём до пятницы.", "до пятницы", MONDAY, _end("2026-12-11"), None),
    ("Отправим не позднее четверга.", "не позднее четверга", MONDAY, _end("2026-12-10"), None),
    (
        "Мастер приедет в пятницу, 11 декабря, с 9:00 до 13:00.",
        "в пятницу, 11 декабря, с 9:00 до 13:00",
        MONDAY,
        _at("2026-12-11 13:00"),
        _at("2026-12-11 09:00"),
    ),
    ("Привезём в выходные.", "в выходные", MONDAY, _end("2026-12-13"), None),
    ("Ответим до выходных.", "до выходных", MONDAY, _end("2026-12-11"), None),
    # dates
    ("Доставим 15 декабря.", "15 декабря", MONDAY, _end("2026-12-15"), None),
    ("Вернём к 20-му декабря.", "к 20-му декабря", MONDAY, _end("2026-12-20"), None),
    ("Отправим пятнадцатого декабря.", "пятнадцатого декабря", MONDAY, _end("2026-12-15"), None),
    ("Привезём двадцать пятого декабря.", "двадцать пятого декабря", MONDAY, _end("2026-12-25"), None),
    ("Деньги вернём до 15.12.", "до 15.12", MONDAY, _end("2026-12-15"), None),
    (
        "Мастер придёт 15.12.2026 в 10:00.",
        "15.12.2026 в 10:00",
        MONDAY,
        _at("2026-12-15 10:00"),
        _at("2026-12-15 10:00"),
    ),
    ("Вернём 3 ноября.", "3 ноября", MONDAY, _end("2027-11-03"), None),
    ("Доставим 1 января 2027 года.", "1 января 2027 года", MONDAY, _end("2027-01-01"), None),
    ("Отгрузим с 10 по 15 декабря.", "с 10 по 15 декабря", MONDAY, _end("2026-12-15"), None),
    # clock times
    ("Позвоню в 14:30.", "в 14:30", MONDAY, _at("2026-12-07 14:30"), _at("2026-12-07 14:30")),
    ("Позвоню в 14.30.", "в 14.30", MONDAY, _at("2026-12-07 14:30"), _at("2026-12-07 14:30")),
    ("Пришлём к 15 часам.", "к 15 часам", MONDAY, _at("2026-12-07 15:00"), None),
    ("Перезвоню в 3 часа дня.", "в 3 часа дня", MONDAY, _at("2026-12-07 15:00"), _at("2026-12-07 15:00")),
    ("Завтра в 9 утра позвоним.", "Завтра в 9 утра", MONDAY, _at("2026-12-08 09:00"), _at("2026-12-08 09:00")),
    ("Ответим до 18:00.", "до 18:00", MONDAY, _at("2026-12-07 18:00"), None),
    ("Не позднее 17:00 перезвоним.", "Не позднее 17:00", MONDAY, _at("2026-12-07 17:00"), None),
    ("После 15:00 перезвоню.", "После 15:00", MONDAY, _end("2026-12-07"), _at("2026-12-07 15:00")),
    ("С 10:00 до 14:00 курьер приедет.", "С 10:00 до 14:00", MONDAY, _at("2026-12-07 14:00"), _at("2026-12-07 10:00")),
    ("Позвоню между 10 и 12.", "между 10 и 12", MONDAY, _at("2026-12-07 12:00"), _at("2026-12-07 10:00")),
    ("Перезвоню в полдень.", "в полдень", MONDAY, _at("2026-12-07 12:00"), _at("2026-12-07 12:00")),
    # intervals
    ("Перезвоню в течение часа.", "в течение часа", MONDAY, _at("2026-12-07 11:00"), None),
    ("Сделаем за 2 часа.", "за 2 часа", MONDAY, _at("2026-12-07 12:00"), None),
    ("Через два часа отвечу.", "Через два часа", MONDAY, _at("2026-12-07 12:00"), None),
    ("Через полчаса перезвоню.", "Через полчаса", MONDAY, _at("2026-12-07 10:30"), None),
    ("Ответим через полтора часа.", "через полтора часа", MONDAY, _at("2026-12-07 11:30"), None),
    ("Через пару часов будет ответ.", "Через пару часов", MONDAY, _at("2026-12-07 12:00"), None),
    ("Ответим в течение суток.", "в течение суток", MONDAY, _at("2026-12-08 10:00"), None),
    (
        "Ответим в течение двадцати четырёх часов.",
        "в течение двадцати четырёх часов",
        MONDAY,
        _at("2026-12-08 10:00"),
        None,
    ),
    ("Ответим в течение двух дней.", "в течение двух дней", MONDAY, _end("2026-12-09"), None),
    ("Привезём через неделю.", "через неделю", MONDAY, _end("2026-12-14"), None),
    ("Вернём в течение месяца.", "в течение месяца", MONDAY, _end("2027-01-07"), None),
    ("Вернём в течение 10 дней.", "в течение 10 дней", MONDAY, _end("2026-12-17"), None),
    ("Перезвоним в течение трёх рабочих дней.", "в течение трёх рабочих дней", MONDAY, _end("2026-12-10"), None),
    ("Ответим в течение 3-х рабочих дней.", "в течение 3-х рабочих дней", MONDAY, _end("2026-12-10"), None),
    ("Доставка займёт 5–7 рабочих дней.", "5–7 рабочих дней", MONDAY, _end("2026-12-16"), None),
    ("Вернём от 3 до 5 рабочих дней.", "от 3 до 5 рабочих дней", MONDAY, _end("2026-12-14"), None),
    ("Придёт через два-три дня.", "через два-три дня", MONDAY, _end("2026-12-10"), None),
    ("Ответим в течение двух-трёх дней.", "в течение двух-трёх дней", MONDAY, _end("2026-12-10"), None),
    ("Ответим в течение дня.", "в течение дня", MONDAY, _end("2026-12-07"), None),
    # periods
    ("Решим до конца дня.", "до конца дня", MONDAY, _end("2026-12-07"), None),
    ("Отправим до конца недели.", "до конца недели", MONDAY, _end("2026-12-13"), None),
    ("Вернём до конца месяца.", "до конца месяца", MONDAY, _end("2026-12-31"), None),
    ("Заменим на этой неделе.", "на этой неделе", MONDAY, _end("2026-12-13"), None),
    ("Заменим на следующей неделе.", "на следующей неделе", MONDAY, _end("2026-12-20"), None),
    ("Поставка будет в декабре.", "в декабре", MONDAY, _end("2026-12-31"), None),
    ("Поступит в начале января.", "в начале января", MONDAY, _end("2027-01-10"), None),
    ("Закроем до конца декабря.", "до конца декабря", MONDAY, _end("2026-12-31"), None),
    ("Починим в следующем месяце.", "в следующем месяце", MONDAY, _end("2027-01-31"), None),
    # parts of the day
    ("Утром перезвоним.", "Утром", MONDAY, _at("2026-12-07 12:00"), None),
    ("Завтра вечером позвоню.", "Завтра вечером", MONDAY, _end("2026-12-08"), _at("2026-12-08 18:00")),
    ("Во второй половине дня пришлём.", "Во второй половине дня", MONDAY, _end("2026-12-07"), _at("2026-12-07 12:00")),
    ("Ответим до обеда.", "до обеда", MONDAY, _at("2026-12-07 13:00"), None),
    ("Сегодня после обеда перезвоню.", "Сегодня после обеда", MONDAY, _end("2026-12-07"), _at("2026-12-07 14:00")),
    # working days around public holidays
    ("Ответим в течение трёх рабочих дней.", "в течение трёх рабочих дней", NEW_YEAR, _end("2027-01-13"), None),
    ("Вернём в течение двух рабочих дней.", "в течение двух рабочих дней", BEFORE_MARCH_8, _end("2027-03-10"), None),
]


@pytest.mark.parametrize(("sentence", "expression", "now", "deadline", "earliest"), ROWS, ids=[r[0] for r in ROWS])
def test_deadline(
    sentence: str, expression: str, now: dt.datetime, deadline: dt.datetime, earliest: dt.datetime | None
) -> None:
    analysis = get_adapter("ru").analyse(sentence)
    spans = joined_times(find_times(analysis), sentence)
    assert [sentence[s.start : s.end] for s in spans] == [expression]
    resolved = resolve(spans[0].when, now, RU)
    assert resolved is not None
    assert resolved.deadline == deadline
    assert resolved.earliest == earliest


WHENS = [
    ("Доставка 5–7 рабочих дней.", When(within=(7, "working_day"))),
    ("Через полтора часа.", When(within=(90, "minute"))),
    ("В течение двух суток.", When(within=(48, "hour"))),
    ("В следующий вторник.", When(weekday=2, next_week=True)),
    ("На следующих выходных.", When(weekday=7, next_week=True)),
    ("В середине декабря.", When(date=(None, 12, 20))),
    ("К 3 часам дня.", When(latest=Clock(15))),
    ("В 7 вечера.", When(earliest=Clock(19), latest=Clock(19))),
    ("С 9 утра до 6 вечера.", When(earliest=Clock(9), latest=Clock(18))),
    ("Сегодня до 17:00.", When(days_ahead=0, latest=Clock(17))),
    ("До 18 мск.", When(latest=Clock(18))),
    ("В 14 ч 30 мин.", When(earliest=Clock(14, 30), latest=Clock(14, 30))),
    ("В течение трёх-пяти рабочих дней.", When(within=(5, "working_day"))),
    # numerals in every case
    ("В течение пяти дней.", When(within=(5, "day"))),
    ("В течение десяти рабочих дней.", When(within=(10, "working_day"))),
    ("Через двое суток.", When(within=(48, "hour"))),
    ("К двум часам.", When(latest=Clock(14))),
    ("В течение одного рабочего дня.", When(within=(1, "working_day"))),
    ("За двадцать минут.", When(within=(20, "minute"))),
    ("Через сорок минут.", When(within=(40, "minute"))),
    ("Через четыре месяца.", When(within=(4, "month"))),
    ("В течение трёх недель.", When(within=(3, "week"))),
]


@pytest.mark.parametrize(("sentence", "when"), WHENS, ids=[w[0] for w in WHENS])
def test_meaning(sentence: str, when: When) -> None:
    spans = find_times(get_adapter("ru").analyse(sentence))
    assert [s.when for s in spans] == [when]


NOT_TIMES = [
    "Работаем 24/7.",
    "Скидка 15% на всё.",
    "Стоимость 1500 руб.",
    "Заказ № 15 оформлен.",
    "Купите 2 шт.",
    "Звоните 8 800 555-35-35.",
    "В 2026 году мы открыли склад.",
    "Эффективность 100%.",
    "Скидка с 10 до 15% на всю обувь.",
    "Товар для детей до 18 лет.",
    "Цена выросла в 2 раза.",
    "Заказ 12345 принят.",
    "Чёрная пятница уже началась.",
    "Версия 2.10 установлена.",
    "Размер 42-44 в наличии.",
    "Работаем в среде разработки.",
    "Пишите нам по понедельникам.",
    "Ответим в ближайшие дни.",
    "Ответим на днях.",
    "Здравствуйте, Анна! Спасибо за обращение.",
]


@pytest.mark.parametrize("sentence", NOT_TIMES)
def test_not_a_time(sentence: str) -> None:
    assert find_times(get_adapter("ru").analyse(sentence)) == []


def test_offsets_point_into_the_text() -> None:
    text = "Здравствуйте!  Курьер привезёт заказ завтра, 8 декабря, с 10 до 14."
    spans = joined_times(find_times(get_adapter("ru").analyse(text)), text)
    assert [text[s.start : s.end] for s in spans] == ["завтра, 8 декабря, с 10 до 14"]


PHRASES = [
    (_at("2026-12-07 18:00"), "сегодня до 18:00"),
    (_at("2026-12-08 12:00"), "завтра до 12:00"),
    (_at("2026-12-09 09:30"), "послезавтра до 9:30"),
    (_at("2026-12-11 18:00"), "в пятницу до 18:00"),
    (_at("2026-12-14 18:00"), "14 декабря до 18:00"),
    (_at("2027-01-11 18:00"), "11 января 2027 года до 18:00"),
    (_end("2026-12-10"), "в четверг до конца дня"),
]


@pytest.mark.parametrize(("deadline", "phrase"), PHRASES, ids=[p[1] for p in PHRASES])
def test_deadline_phrase(deadline: dt.datetime, phrase: str) -> None:
    assert get_adapter("ru").deadline_phrase(deadline, MONDAY) == phrase
    assert deadline_phrase(deadline, MONDAY.astimezone(dt.UTC)) == phrase


DAYS = [
    (dt.date(2026, 12, 6), "вчера"),
    (dt.date(2026, 12, 5), "позавчера"),
    (dt.date(2026, 12, 4), "в пятницу"),
    (dt.date(2026, 12, 1), "во вторник"),
    (dt.date(2026, 11, 30), "30 ноября"),
    (dt.date(2025, 12, 30), "30 декабря 2025 года"),
]


@pytest.mark.parametrize(("day", "phrase"), DAYS, ids=[d[1] for d in DAYS])
def test_day_phrase(day: dt.date, phrase: str) -> None:
    assert get_adapter("ru").day_phrase(day, MONDAY.date()) == phrase


def test_no_time_word_costs_nothing() -> None:
    analysis = get_adapter("ru").analyse("Спасибо, что написали нам!")
    assert find_times(analysis) == []
