"""Slovenian time expressions, from the sentence to the deadline: the grammar
(replyguard/lang/sl/time.py), the caller's joining of neighbours and `deadlines.resolve`
against a Slovenian calendar (weekends and public holidays skipped)."""

from __future__ import annotations

import datetime as dt

import pytest

from replyguard.deadlines import resolve
from replyguard.lang.registry import get_adapter
from replyguard.models import Policy
from replyguard.promises import joined_times
from replyguard.when import TimeSpan
from replyguard.workdays import WorkCalendar

CALENDAR = WorkCalendar(Policy(timezone="Europe/Ljubljana", holidays="SI"))
MONDAY = "2026-12-07T10:00"  # Monday, 7 December 2026
BEFORE_CHRISTMAS = "2026-12-22T15:00"  # Tuesday; 25 and 26 December are holidays
BEFORE_NEW_YEAR = "2026-12-30T09:00"  # Wednesday; 1 and 2 January are holidays


def _times(text: str) -> list[TimeSpan]:
    adapter = get_adapter("sl")
    return joined_times(adapter.time_expressions(adapter.analyse(text)), text)


def _now(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value).replace(tzinfo=CALENDAR.tz)


# sentence, now, expected deadline (local), expected earliest or None
ROWS: list[tuple[str, str, str, str | None]] = [
    # relative days, with and without a clock
    ("Pokličemo vas danes.", MONDAY, "2026-12-07 23:59", None),
    ("Paket pošljemo jutri.", MONDAY, "2026-12-08 23:59", None),
    ("Odgovor dobite pojutrišnjem.", MONDAY, "2026-12-09 23:59", None),
    ("Odgovor dobite pojutrisnjem.", MONDAY, "2026-12-09 23:59", None),
    ("Pokličemo vas danes do 17. ure.", MONDAY, "2026-12-07 17:00", None),
    ("Pokličemo vas danes do 17:00.", MONDAY, "2026-12-07 17:00", None),
    ("Do 16.30 vam pošljemo predračun.", MONDAY, "2026-12-07 16:30", None),
    ("Denar vrnemo najkasneje do 12. ure.", MONDAY, "2026-12-07 12:00", None),
    ("Odgovor dobite do jutri do 12. ure.", MONDAY, "2026-12-08 12:00", None),
    ("Pokličemo vas nocoj.", MONDAY, "2026-12-07 23:59", "2026-12-07 18:00"),
    # weekdays
    ("Pokličemo vas v sredo.", MONDAY, "2026-12-09 23:59", None),
    ("Paket prispe v cetrtek.", MONDAY, "2026-12-10 23:59", None),
    ("Kurir pride v ponedeljek.", MONDAY, "2026-12-14 23:59", None),
    ("Denar vam nakažemo do petka.", MONDAY, "2026-12-11 23:59", None),
    ("Odgovor dobite do cetrtka.", MONDAY, "2026-12-10 23:59", None),
    ("Pokličemo vas naslednji torek.", MONDAY, "2026-12-15 23:59", None),
    ("Pokličemo vas v torek naslednji teden.", MONDAY, "2026-12-15 23:59", None),
    ("Paket prispe od ponedeljka do srede.", MONDAY, "2026-12-09 23:59", None),
    ("Paket prispe do ponedeljka zjutraj.", MONDAY, "2026-12-14 12:00", None),
    # dates
    ("Paket prispe 15. 12.", MONDAY, "2026-12-15 23:59", None),
    ("Paket prispe 15.12.", MONDAY, "2026-12-15 23:59", None),
    ("Paket prispe 15. 12. 2026.", MONDAY, "2026-12-15 23:59", None),
    ("Paket prispe 15. decembra.", MONDAY, "2026-12-15 23:59", None),
    ("Nadomestni del pošljemo 2. 1.", MONDAY, "2027-01-02 23:59", None),
    ("Odgovor pošljemo 5. 12.", MONDAY, "2027-12-05 23:59", None),
    ("Paket prispe v petek, 11. 12., do 16. ure.", MONDAY, "2026-12-11 16:00", None),
    ("Paket prispe med 14. in 16. decembrom.", MONDAY, "2026-12-16 23:59", None),
    # clocks and parts of the day
    ("Pokličemo vas jutri ob 14.30.", MONDAY, "2026-12-08 14:30", "2026-12-08 14:30"),
    ("Pokličemo vas jutri ob 9. uri.", MONDAY, "2026-12-08 09:00", "2026-12-08 09:00"),
    ("Serviser pride jutri od 10. do 12. ure.", MONDAY, "2026-12-08 12:00", "2026-12-08 10:00"),
    ("Kurir pride jutri med 8. in 12. uro.", MONDAY, "2026-12-08 12:00", "2026-12-08 08:00"),
    ("Pokličemo vas jutri ob 7. uri zjutraj.", MONDAY, "2026-12-08 07:00", "2026-12-08 07:00"),
    ("Pokličemo vas jutri ob 7. uri zvečer.", MONDAY, "2026-12-08 19:00", "2026-12-08 19:00"),
    ("Pokličemo vas jutri popoldne.", MONDAY, "2026-12-08 18:00", "2026-12-08 12:00"),
    ("Pokličemo vas jutri dopoldne.", MONDAY, "2026-12-08 12:00", None),
    ("Pokličemo vas po 15. uri.", MONDAY, "2026-12-07 23:59", "2026-12-07 15:00"),
    ("Pokličemo vas ob pol desetih.", MONDAY, "2026-12-07 09:30", "2026-12-07 09:30"),
    ("Pokličemo vas jutri ob treh popoldne.", MONDAY, "2026-12-08 15:00", "2026-12-08 15:00"),
    # intervals: digits and numerals in any case
    ("Pokličemo vas v dveh urah.", MONDAY, "2026-12-07 12:00", None),
    ("Pokličemo vas čez 2 uri.", MONDAY, "2026-12-07 12:00", None),
    ("Pokličemo vas cez 2 uri.", MONDAY, "2026-12-07 12:00", None),
    ("Pokličemo vas v stirih urah.", MONDAY, "2026-12-07 14:00", None),
    ("Pokličemo vas v naslednjih desetih minutah.", MONDAY, "2026-12-07 10:10", None),
    ("Pokličemo vas v pol ure.", MONDAY, "2026-12-07 10:30", None),
    ("Odgovor dobite v 24 urah.", MONDAY, "2026-12-08 10:00", None),
    ("Denar vrnemo v 14 dneh.", MONDAY, "2026-12-21 23:59", None),
    ("Paket prispe v treh delovnih dneh.", MONDAY, "2026-12-10 23:59", None),
    ("Denar vrnemo v roku 3 delovnih dni.", MONDAY, "2026-12-10 23:59", None),
    ("Paket prispe v 3–5 delovnih dneh.", MONDAY, "2026-12-14 23:59", None),
    ("Paket prispe v dveh tednih.", MONDAY, "2026-12-21 23:59", None),
    ("Pokličemo vas čez teden dni.", MONDAY, "2026-12-14 23:59", None),
    ("Nova zaloga pride čez dva meseca.", MONDAY, "2027-02-07 23:59", None),
    # periods and months
    ("Paket pošljemo do konca tedna.", MONDAY, "2026-12-13 23:59", None),
    ("Zadevo uredimo do konca meseca.", MONDAY, "2026-12-31 23:59", None),
    ("Paket pošljemo naslednji teden.", MONDAY, "2026-12-20 23:59", None),
    ("Paket pošljemo ta teden.", MONDAY, "2026-12-13 23:59", None),
    ("Nova zaloga pride januarja.", MONDAY, "2027-01-31 23:59", None),
    ("Paket prispe do konca decembra.", MONDAY, "2026-12-31 23:59", None),
    # holidays by name, with a preposition
    ("Paket prispe na božič.", MONDAY, "2026-12-25 23:59", None),
    ("Paket prispe na bozic.", MONDAY, "2026-12-25 23:59", None),
    ("Paket prispe za novo leto.", MONDAY, "2027-01-01 23:59", None),
    ("Paket prispe pred božičem.", MONDAY, "2026-12-24 23:59", None),
    ("Paket prispe do novega leta.", MONDAY, "2026-12-31 23:59", None),
    # working days across public holidays
    ("Paket prispe v treh delovnih dneh.", BEFORE_CHRISTMAS, "2026-12-28 23:59", None),
    ("Denar vrnemo v petih delovnih dneh.", BEFORE_CHRISTMAS, "2026-12-30 23:59", None),
    ("Odgovor dobite v dveh delovnih dneh.", BEFORE_NEW_YEAR, "2027-01-04 23:59", None),
]


@pytest.mark.parametrize(("text", "now", "deadline", "earliest"), ROWS)
def test_deadline(text: str, now: str, deadline: str, earliest: str | None) -> None:
    times = _times(text)
    assert len(times) == 1, [text[t.start : t.end] for t in times]
    resolved = resolve(times[0].when, _now(now), CALENDAR)
    assert resolved is not None
    assert resolved.deadline.strftime("%Y-%m-%d %H:%M") == deadline, times[0].when
    got = resolved.earliest.strftime("%Y-%m-%d %H:%M") if resolved.earliest else None
    assert got == earliest, times[0].when


def test_enough_rows() -> None:
    assert len(ROWS) >= 45


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Pokličemo vas jutri ob 14.30.", "jutri ob 14.30"),
        ("Serviser pride jutri od 10. do 12. ure.", "jutri od 10. do 12. ure"),
        ("Denar vrnemo v roku 3 delovnih dni.", "v roku 3 delovnih dni"),
        ("Pokličemo vas čez teden dni.", "čez teden dni"),
        ("Paket prispe na božič.", "na božič"),
        ("Pokličemo vas ob 7. uri zjutraj.", "ob 7. uri zjutraj"),
    ],
)
def test_span(text: str, span: str) -> None:
    times = _times(text)
    assert [text[t.start : t.end] for t in times] == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Smo dosegljivi 24/7.",
        "Cena je 15,99 €.",
        "Popust znaša 15 %.",
        "Izdelek je iz 100 % bombaža.",
        "Vaše naročilo št. 15 je v obdelavi.",
        "Pokličite nas na 041 123 456.",
        "Leta 2026 smo odprli trgovino.",
        "Naročili ste 2 kosa.",
        "Maja je rekla, da je vse v redu.",
        "Velikost 42, barva modra.",
        "Garancija velja 2 leti.",
        "Ob sobotah ne dostavljamo.",
        "Za dan odprtih vrat vas vabimo v trgovino.",
        "Hvala za vaše sporočilo.",
    ],
)
def test_not_a_time(text: str) -> None:
    assert _times(text) == []


def test_past_days_are_times_too() -> None:
    (time,) = _times("Paket smo poslali včeraj.")
    assert time.when.days_ahead == -1


def test_new_year_is_a_date_only_with_a_preposition() -> None:
    assert _times("Srečno novo leto!") == []


def test_day_phrase() -> None:
    adapter = get_adapter("sl")
    today = dt.date(2026, 12, 9)  # Wednesday
    assert adapter.day_phrase(dt.date(2026, 12, 8), today) == "včeraj"
    assert adapter.day_phrase(dt.date(2026, 12, 7), today) == "v ponedeljek"
    assert adapter.day_phrase(dt.date(2026, 12, 5), today) == "v soboto"
    assert adapter.day_phrase(dt.date(2026, 11, 25), today) == "25. novembra"
    assert adapter.day_phrase(dt.date(2025, 12, 1), today) == "1. decembra 2025"


def test_deadline_phrase() -> None:
    adapter = get_adapter("sl")
    now = _now(MONDAY)
    at = CALENDAR.tz
    assert adapter.deadline_phrase(dt.datetime(2026, 12, 7, 18, 0, tzinfo=at), now) == "danes do 18. ure"
    assert adapter.deadline_phrase(dt.datetime(2026, 12, 8, 12, 0, tzinfo=at), now) == "jutri do 12. ure"
    assert adapter.deadline_phrase(dt.datetime(2026, 12, 11, 18, 30, tzinfo=at), now) == "v petek do 18.30"
    assert adapter.deadline_phrase(dt.datetime(2026, 12, 21, 16, 0, tzinfo=at), now) == "21. decembra do 16. ure"


def test_a_reply_without_time_words_is_cheap() -> None:
    from replyguard.lang.sl.time import times_in

    assert times_in("Hvala za vaše sporočilo, lep pozdrav.") == []
