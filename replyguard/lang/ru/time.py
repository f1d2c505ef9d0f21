"""Russian time expressions read into `When` values (see `replyguard.when`).

The grammar walks the words of a reply (spaCy tokens with pymorphy3 lemmas, as the
adapter makes them), so every inflected form counts: «трёх рабочих дней» is три + рабочий
день, «декабря» is декабрь, «к пятнице» is пятница. Digits are read from the token text
(«15:00», «14.30», «15.12.2026», «5–7», «3-х», «15-го»).

Choices the language leaves open, made once here:
  - «в выходные», «на выходных» name the weekend: weekday 7 (Sunday), so the deadline is
    the end of Sunday, the latest moment that keeps such a promise, and the day is a
    non-working one as Saturday is; «до выходных», «к выходным» are the end of Friday.
  - A clock hour 1–7 written without «утра/ночи» or minutes («в 3 часа», «к 5») is an
    afternoon hour (15:00, 17:00): support does not promise calls at 3 a.m.
  - «14.30» is a time and «15.12» a date: a dotted pair is a time when its second half is
    00/15/30/45 or above 12, or after «в»/«около»; otherwise a date.
  - Parts of the day: утром / с утра / в первой половине дня = by 12:00; днём 12:00–18:00;
    вечером, во второй половине дня = from 18:00 / 12:00; до обеда, к обеду = by 13:00;
    после обеда = from 14:00; к вечеру, до вечера = by 18:00.
  - «в начале декабря» is by the 10th, «в середине декабря» by the 20th, «в конце
    декабря» the month's end.
  - «в течение дня» (no number) is today; «через день» is not read (it also means "every
    other day"), nor «на днях», «в ближайшие дни», «через несколько дней» (vague, no number).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from replyguard.lang.base import Analysis, Token
from replyguard.when import Clock, Period, TimeSpan, Unit, When

# A reply with none of these (no digit, no time word) has no time expression: a regex
# search over the lowercased text costs microseconds, the word walk costs more.
_PREFILTER = re.compile(
    r"\d|(?<![а-яё])(?:сегодн|завтр|послезавтр|понедельн|вторн|сред|четверг|пятниц|суббот|воскресен|выходн"
    r"|январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|час|минут|ден|дн[яеий]"
    r"|сут|недел|месяц|полдн|полноч|пол|утр|вечер|дн[её]м|обед|конц|течени|через|начал|середин|одн|дв|тр|четыр"
    r"|пят|шест|сем|восем|девят|десят|двадцат|тридцат|сорок|пар[уы])"
)

_CLOCK_TOKEN = re.compile(r"^([01]?\d|2[0-4])[:.]([0-5]\d)$")
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?\.?$")
_RANGE_TOKEN = re.compile(r"^(\d{1,2}(?:[:.][0-5]\d)?)\s*[-–—]\s*(\d{1,2}(?:[:.][0-5]\d)?)$")
_DIGITS = re.compile(r"^(\d{1,4})(?:-?(?:х|ти|ми|и|го|е|ое|ого|ому|му|й|м|ым|ых|ый|ая|ой|ю))?$")
_HOUR_SUFFIX = re.compile(r"^(\d{1,2})ч\.?$")
_YEAR = re.compile(r"^(20\d\d)(?:г\.?|-го)?$")

_CARDINALS: dict[str, float] = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
    "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19,
    "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
    "восемьдесят": 80, "девяносто": 90, "сто": 100,
    "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7, "оба": 2,
    "полтора": 1.5,
}  # fmt: skip
_TENS = {20, 30, 40, 50, 60, 70, 80, 90}
# the halves of «двух-трёх», «пяти-семи», «два-три» as written (the dictionary does not
# know every such compound)
_RANGE_PARTS: dict[str, float] = {
    "один": 1, "одного": 1, "два": 2, "двух": 2, "три": 3, "трех": 3, "четыре": 4, "четырех": 4, "пять": 5,
    "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8, "девять": 9,
    "девяти": 9, "десять": 10, "десяти": 10, "четырнадцать": 14, "четырнадцати": 14, "пятнадцать": 15,
    "пятнадцати": 15, "двадцать": 20, "двадцати": 20, "тридцать": 30, "тридцати": 30,
}  # fmt: skip
_ORDINALS: dict[str, int] = {
    "первый": 1, "второй": 2, "третий": 3, "четвертый": 4, "пятый": 5, "шестой": 6, "седьмой": 7, "восьмой": 8,
    "девятый": 9, "десятый": 10, "одиннадцатый": 11, "двенадцатый": 12, "тринадцатый": 13,
    "четырнадцатый": 14, "пятнадцатый": 15, "шестнадцатый": 16, "семнадцатый": 17, "восемнадцатый": 18,
    "девятнадцатый": 19, "двадцатый": 20, "тридцатый": 30,
}  # fmt: skip
_MONTHS: dict[str, int] = {
    name: at
    for at, name in enumerate(
        ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
         "декабрь"),
        start=1,
    )
}  # fmt: skip
# «до пятницы», «к 15 декабря»: the last day that keeps the promise, not the day it is kept on
_BY = frozenset({"до", "к"})
_WEEKDAYS: dict[str, int] = {
    "понедельник": 1, "вторник": 2, "среда": 3, "четверг": 4, "пятница": 5, "суббота": 6, "воскресенье": 7,
}  # fmt: skip
# unit lemma → (unit, how many of it one makes)
_UNITS: dict[str, tuple[Unit, float]] = {
    "минута": ("minute", 1), "мин": ("minute", 1), "час": ("hour", 1), "ч": ("hour", 1), "сутки": ("hour", 24),
    "день": ("day", 1), "дн": ("day", 1), "неделя": ("week", 1), "месяц": ("month", 1), "мес": ("month", 1),
}  # fmt: skip
_WORKING = frozenset({"рабочий", "банковский", "раб", "операционный"})
_CALENDAR = frozenset({"календарный", "кал"})
_NEXT = frozenset({"следующий", "будущий", "последующий"})
_THIS = frozenset({"этот", "текущий", "нынешний", "наступающий"})
_DAY_PART_AFTER = {"утро": "morning", "день": "day", "вечер": "evening", "ночь": "night"}
# words before a dotted number that make it something other than a date, and units after it
_BEFORE_NUMBER = frozenset(
    {"версия", "версии", "версию", "v", "вер", "цена", "стоимость", "курс", "рейтинг", "размер", "пункт", "п",
     "раздел", "глава", "статья", "ст", "№", "номер", "тариф", "прошивка", "прошивки", "обновление", "обновления"}
)  # fmt: skip
_MEASURES = frozenset(
    {"руб", "р", "рублей", "рубля", "рубль", "%", "кг", "г", "гр", "см", "мм", "м", "л", "мл", "шт", "$", "€", "₽",
     "x", "х", "км", "гб", "мб", "тб", "дюйма", "дюймов"}
)  # fmt: skip
_SEPARATORS = frozenset({",", "-", "–", "—", "(", ")"})
_TIME_FOLLOWERS = frozenset({"утра", "дня", "вечера", "ночи", "ч", "ч.", "час", "часа", "часов", "мск", "по"})


@dataclass(frozen=True, slots=True)
class _Word:
    """A word form as the grammar reads it (one per form, shared by its tokens: see `_word`)."""

    low: str  # lowercased, ё folded into е
    lemmas: frozenset[str]
    pos: str
    grams: tuple[frozenset[str], ...]  # the grammemes of each pymorphy3 parse (Token.morph)
    starts: bool  # can an expression start here (see `_could_start`)?
    kinds: int  # what the word can be in an expression (see `_kinds`)


Found = tuple[int, When] | None


_MEMO = "ru.times"


def find_times(analysis: Analysis) -> list[TimeSpan]:
    """Every time expression of a Russian text, in text order (see the module docstring);
    found once per analysis (the promise grammar asks too)."""
    found: list[TimeSpan] | None = analysis.memo.get(_MEMO)
    if found is None:
        found = _Scanner(analysis.text, analysis.tokens).scan() if _PREFILTER.search(analysis.lowered) else []
        analysis.memo[_MEMO] = found
    return list(found)


_WORDS: dict[str, _Word] = {}
_WORDS_KEPT = 20_000  # distinct forms remembered (bounded: a service sees millions)


def _word(token: Token) -> _Word:
    """The token's `_Word`, cached by its lowercased form: the adapter analyses each form on its
    own, so its lemmas, part of speech and parses depend on nothing else."""
    found = _WORDS.get(token.lower)
    if found is None:
        low = token.lower.replace("ё", "е")
        lemmas = frozenset(token.lemmas)
        grams = tuple(grammemes(parse) for parse in token.morph or ())
        found = _Word(low, lemmas, token.pos, grams, _could_start(low, lemmas), _kinds(low, lemmas))
        if len(_WORDS) >= _WORDS_KEPT:
            _WORDS.clear()
        _WORDS[token.lower] = found
    return found


# the first words an expression can have: prepositions and adverbs of time, numbers, and
# the lemmas of day, month, unit and numeral words
_STARTERS = frozenset(
    {"в", "во", "к", "до", "по", "с", "со", "на", "не", "от", "после", "между", "около", "примерно",
     "ориентировочно", "приблизительно", "через", "спустя", "за", "максимум", "максимально", "утром", "днем",
     "вечером", "сегодня", "завтра", "послезавтра", "полчаса", "получаса", "полгода", "полугода"}
)  # fmt: skip
_START_LEMMAS = frozenset(
    {*_WEEKDAYS, *_MONTHS, *_ORDINALS, *_CARDINALS, *_UNITS, "пара", "рабочий", "банковский", "календарный",
     "полдень", "полночь"}
)  # fmt: skip


_ALL = ("date", "month", "period", "weekday", "weekend", "day", "duration", "clock", "part")
# which parsers an expression starting with this word can belong to (others: a number, a
# weekday, a numeral or a unit word, _PARSERS_AT_WORD)
_PARSERS_AFTER: dict[str, tuple[str, ...]] = {
    "в": _ALL, "во": _ALL, "на": ("date", "period", "weekday", "weekend", "day", "duration"),
    "до": ("date", "period", "weekday", "weekend", "day", "duration", "clock", "part"),
    "к": ("date", "period", "weekday", "weekend", "day", "clock", "part"),
    "не": ("date", "period", "weekday", "day", "duration", "clock"),
    "по": ("date", "weekday", "clock"), "с": ("date", "weekday", "clock", "part"), "со": ("date", "weekday", "clock"),
    "от": ("date", "duration", "clock"), "после": ("date", "clock", "part"), "около": ("date", "clock"),
    "между": ("clock",), "примерно": ("clock",), "ориентировочно": ("clock",), "приблизительно": ("clock",),
    "через": ("duration",), "спустя": ("duration",), "за": ("duration",), "максимум": ("duration",),
    "максимально": ("duration",), "полчаса": ("duration",), "получаса": ("duration",), "полгода": ("duration",),
    "полугода": ("duration",),
    "сегодня": ("day",), "завтра": ("day",), "послезавтра": ("day",),
    "утром": ("part",), "днем": ("part",), "вечером": ("part",),
}  # fmt: skip
_PARSERS_AT_WORD = ("date", "weekday", "duration", "clock")


def _could_start(low: str, lemmas: frozenset[str]) -> bool:
    return low in _STARTERS or low[:1].isdigit() or not lemmas.isdisjoint(_START_LEMMAS) or "-" in low


# What a word can be in an expression, as bits. Every expression holds a word of a kind its
# parser needs within a few words of its start (_NEEDS): where none is near, the parser is
# not tried (most prepositions start no time at all). The reaches are the farthest such a
# word can stand in what each parser reads (the comments give the longest lead-ins): a
# parser that learns a longer lead-in or a new kind of word must update _NEEDS.
_HOUR = 1  # digits that can be an hour: «15», «14:30», «14.30», «10-14», «9ч»
_NUMERAL = 2  # a cardinal word: «трёх», «двадцати»
_NOON = 4  # «полдень», «полночь», and «половина» / «четверть» of «в половине третьего»
_MONTH = 8
_WEEKDAY = 16
_WEEKEND = 32  # «выходные»
_DAY = 64  # «сегодня», «завтра», «послезавтра», «завтрашний»
_PERIOD = 128  # «день», «неделя», «месяц», «год»
_UNIT = 256  # a unit of time («дней», «ч.», «суток», «полчаса»)
_PART = 512  # a word of a part of the day: «утром», «с утра», «до обеда», «в первой половине дня»
_DOTTED = 1024  # a dotted date: «15.12», «15.12.2026»
_DAY_WORDS = frozenset({"сегодня", "завтра", "послезавтра"})
_DAY_LEMMAS = frozenset({"сегодняшний", "завтрашний", "послезавтрашний"})
_PERIOD_LEMMAS = frozenset({"день", "неделя", "месяц", "год"})
_PERIOD_WORDS = frozenset({"дня", "года", "неделе", "месяце", "году"})
_HALF_UNITS = frozenset({"полчаса", "получаса", "полгода", "полугода"})
_PART_WORDS = frozenset(
    {"утром", "днем", "вечером", "утра", "дня", "обед", "обеда", "обеду", "вечера", "вечеру", "полудня"}
)
# parser → what it needs: some (kinds, reach), a word of one of the kinds among the first
# `reach` words from the start
_NEEDS: dict[str, tuple[tuple[int, int], ...]] = {
    # «не позднее 15.12»; «не позднее двадцать пятого по двадцать восьмое декабря»
    "date": ((_DOTTED, 3), (_MONTH, 8)),
    "month": ((_MONTH, 3),),  # «в начале декабря»
    "period": ((_PERIOD | _MONTH, 5),),  # «не позднее конца следующей недели»
    "weekday": ((_WEEKDAY, 4),),  # «не позднее следующего понедельника»
    "weekend": ((_WEEKEND, 3),),  # «на следующих выходных»
    "day": ((_DAY, 3),),  # «не позднее завтра»
    # «не позднее чем через от двадцати четырёх до тридцати шести рабочих часов»
    "duration": ((_UNIT | _PERIOD | _MONTH | _DAY, 13),),
    "clock": ((_HOUR | _NUMERAL | _NOON, 3),),  # «не позднее 15:00», «примерно в 3»
    "part": ((_PART, 4),),  # «в первой половине дня»
}
_REACHES = (3, 4, 5, 8, 13)  # every reach in _NEEDS, shortest first
_REACH = _REACHES[-1]
_KIND_BITS = _DOTTED.bit_length()  # the kinds' bits: a field of `_Scanner._near` per reach


def _needs_mask(needs: tuple[tuple[int, int], ...]) -> int:
    """A parser's needs as one mask over the fields of `_Scanner._near`."""
    mask = 0
    for kinds, reach in needs:
        mask |= kinds << (_REACHES.index(reach) * _KIND_BITS)
    return mask


_NEED_MASKS = {name: _needs_mask(needs) for name, needs in _NEEDS.items()}
# _SPREAD[d]: times a word's kinds, its kinds in the field of every reach farther than d
_SPREAD = tuple(
    sum(1 << (field * _KIND_BITS) for field, reach in enumerate(_REACHES) if distance < reach)
    for distance in range(_REACH)
)


@lru_cache(maxsize=2048)
def _worth_trying(names: tuple[str, ...], near: int) -> tuple[str, ...]:
    """The parsers among `names` whose needs the words near a start meet (`near`: see
    `_Scanner._near`)."""
    return tuple(name for name in names if near & _NEED_MASKS[name])


def _kinds(low: str, lemmas: frozenset[str]) -> int:
    """The kinds (bits above) a word form can be."""
    kinds = 0
    if low[:1].isdigit():
        digits = _DIGITS.match(low)
        if (digits and int(digits.group(1)) <= 24) or any(
            shape.match(low) for shape in (_CLOCK_TOKEN, _HOUR_SUFFIX, _RANGE_TOKEN)
        ):
            kinds |= _HOUR
        if _DOTTED_DATE.match(low):
            kinds |= _DOTTED
    for bit, lemma_set, words in (
        (_NUMERAL, _CARDINALS, ()),
        (_NOON, ("полдень", "полночь", "половина", "четверть"), ()),
        (_MONTH, _MONTHS, ()),
        (_WEEKDAY, _WEEKDAYS, ()),
        (_WEEKEND, ("выходной",), ()),
        (_DAY, _DAY_LEMMAS, _DAY_WORDS),
        (_PERIOD, _PERIOD_LEMMAS, _PERIOD_WORDS),
        (_UNIT, _UNITS, _HALF_UNITS),
        (_PART, (), _PART_WORDS),
    ):
        if not lemmas.isdisjoint(lemma_set) or low in words:
            kinds |= bit
    if low.rstrip(".") in _UNITS:
        kinds |= _UNIT
    return kinds


class _Scanner:
    """One pass over a text's words: at each word the longest expression that starts there."""

    def __init__(self, text: str, tokens: list[Token]) -> None:
        self.text = text
        self.tokens = [t for t in tokens if not t.is_space]
        self.w = [_word(t) for t in self.tokens]
        # the positions of words of some kind (few: most words can be nothing in a time)
        self.kinded = [at for at, word in enumerate(self.w) if word.kinds]
        # the parsers worth trying after each first word (by name, see _PARSERS_AFTER)
        self.parsers: dict[str, Callable[[int], Found]] = {
            "date": self._date,
            "month": self._month,
            "period": self._period,
            "weekday": self._weekday,
            "weekend": self._weekend,
            "day": self._relative_day,
            "duration": self._duration,
            "clock": self._clock_phrase,
            "part": self._day_part,
        }

    def scan(self) -> list[TimeSpan]:
        spans: list[TimeSpan] = []
        at = 0
        while at < len(self.w):
            found = self._unit(at) if self.w[at].starts else None
            if found is None:
                at += 1
                continue
            end, when = found
            # neighbours separated by spaces, commas, dashes or brackets make one span
            while True:
                after = self._skip_separators(end)
                nxt = self._unit(after) if after is not None else None
                if nxt is None or not _compatible(when, nxt[1]):
                    break
                when = _join(when, nxt[1])
                end = nxt[0]
            spans.append(TimeSpan(self.tokens[at].start, self.tokens[end - 1].end, when))
            at = end
        return spans

    def _unit(self, at: int) -> Found:
        if not self.w[at].starts:
            return None
        near = self._near(at)
        if not near:
            return None
        best: Found = None
        for name in _worth_trying(_PARSERS_AFTER.get(self.w[at].low, _PARSERS_AT_WORD), near):
            found = self.parsers[name](at)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        return best

    def _near(self, at: int) -> int:
        """The kinds of the words within each reach of `at` (_REACHES), a field of
        _KIND_BITS bits per reach, the shortest lowest."""
        near = 0
        kinded = self.kinded
        for index in range(bisect_left(kinded, at), len(kinded)):
            distance = kinded[index] - at
            if distance >= _REACH:
                break
            near |= self.w[kinded[index]].kinds * _SPREAD[distance]
        return near

    def _skip_separators(self, at: int) -> int | None:
        """The next word after `at`'s gap when only spaces and separators stand in it."""
        while at < len(self.w) and self.w[at].low in _SEPARATORS:
            at += 1
        if at >= len(self.w):
            return None
        gap = self.text[self.tokens[at - 1].end : self.tokens[at].start] if at else ""
        return at if not gap.strip() else None

    # --- word tests -------------------------------------------------------------------

    def low(self, at: int) -> str:
        return self.w[at].low if 0 <= at < len(self.w) else ""

    def lemma(self, at: int, *names: str) -> bool:
        return 0 <= at < len(self.w) and not self.w[at].lemmas.isdisjoint(names)

    def seq(self, at: int, *words: str) -> int | None:
        """`at` past the written words (each may list alternatives with '|'), or None."""
        w = self.w
        for word in words:
            if at >= len(w) or w[at].low not in _alternatives(word):
                return None
            at += 1
        return at

    def has_tag(self, at: int, *wanted: str) -> bool:
        """Does some parse of the word carry all these grammemes?"""
        if not 0 <= at < len(self.w):
            return False
        return any(grams.issuperset(wanted) for grams in self.w[at].grams)

    def blocks_clock(self, at: int) -> bool:
        """Does the word at `at` make a bare number before it something other than an hour
        («в 2 раза», «до 18 лет», «до 15%»)?"""
        if at >= len(self.w):
            return False
        word = self.w[at]
        if word.low in _TIME_FOLLOWERS:
            return False
        return word.pos in {"NOUN", "ADJ", "NUM", "X"} or word.low in {"%", "/", "№", "x", "х", "*"}

    # --- numbers ----------------------------------------------------------------------

    def number(self, at: int) -> tuple[int, float] | None:
        """A numeral at `at`: digits («3», «3-х») or words in any case («трёх», «двадцати
        четырёх», «полутора»)."""
        if at >= len(self.w):
            return None
        word = self.w[at]
        digits = _DIGITS.match(word.low)
        if digits:
            return at + 1, int(digits.group(1))
        for lemma in word.lemmas:
            value = _CARDINALS.get(lemma)
            if value is None:
                continue
            if value in _TENS:
                more = self.number(at + 1)
                # «двадцать четыре»: a word for tens and a word for units
                if more is not None and 1 <= more[1] <= 9 and _DIGITS.match(self.low(at + 1)) is None:
                    return more[0], value + more[1]
            return at + 1, value
        return None

    def amount(self, at: int) -> tuple[int, float, float] | None:
        """A number or a range of numbers: «5–7», «5 - 7», «от 5 до 7», «трёх-пяти», «2»."""
        if at >= len(self.w):
            return None
        word = self.w[at]
        ranged = _RANGE_TOKEN.match(word.low)
        if ranged and ":" not in word.low and "." not in word.low:
            return at + 1, int(ranged.group(1)), int(ranged.group(2))
        if "-" in word.low and not _DIGITS.match(word.low):
            parts = [_RANGE_PARTS.get(part) for part in word.low.split("-")]
            if len(parts) == 2 and parts[0] is not None and parts[1] is not None and parts[0] < parts[1]:
                return at + 1, parts[0], parts[1]
        if word.low == "от":
            first = self.number(at + 1)
            if first is not None and self.low(first[0]) == "до":
                second = self.number(first[0] + 1)
                if second is not None:
                    return second[0], first[1], second[1]
            return None
        first = self.number(at)
        if first is None:
            return None
        if self.low(first[0]) in {"-", "–", "—"}:
            second = self.number(first[0] + 1)
            if second is not None and second[1] > first[1]:
                return second[0], first[1], second[1]
        return first[0], first[1], first[1]

    # --- durations --------------------------------------------------------------------

    def unit(self, at: int) -> tuple[int, Unit, float] | None:
        """A unit of time («рабочих дней», «суток», «ч.»), with how many of it one makes."""
        kind: str | None = None
        if self.lemma(at, *_WORKING) or self.low(at) in {"раб", "раб."}:
            kind = "working"
        elif self.lemma(at, *_CALENDAR) or self.low(at) in {"кал", "кал."}:
            kind = "calendar"
        if kind is not None:
            at += 1
            if self.low(at) == ".":
                at += 1
        word = self.w[at] if at < len(self.w) else None
        if word is None:
            return None
        for lemma in (word.low.rstrip("."), *word.lemmas):
            if lemma in _UNITS:
                unit, factor = _UNITS[lemma]
                if kind == "working":
                    if unit != "day":
                        return None
                    unit = "working_day"
                end = at + 1
                if word.low in {"мин", "ч", "дн", "мес"} and self.low(end) == "." and end + 1 < len(self.w):
                    end += 1
                return end, unit, factor
        return None

    def duration(self, at: int, bare_unit: bool) -> tuple[int, float, Unit] | None:
        """An amount of time: «трёх рабочих дней», «5–7 дней», «полутора часов», «полчаса»,
        and, when `bare_unit`, a unit alone meaning one («часа», «неделю»)."""
        word = self.low(at)
        if word in {"полчаса", "получаса"}:
            return at + 1, 30, "minute"
        if word in {"полгода", "полугода"}:
            return at + 1, 6, "month"
        amount = self.amount(at)
        if amount is None and self.lemma(at, "пара") and not self.has_tag(at, "plur"):
            amount = (at + 1, 2, 2)  # «пару дней»: two, as people mean it
        if amount is not None:
            found = self.unit(amount[0])
            if found is None:
                return None
            end, unit, factor = found
            value = amount[2] * factor
            return (end, *_whole(value, unit))
        if bare_unit:
            found = self.unit(at)
            # «часа», «неделю», «суток» mean one; «в ближайшие дни» names no number
            if found is not None and (self.has_tag(found[0] - 1, "sing") or self.lemma(found[0] - 1, "сутки")):
                end, unit, factor = found
                return end, factor, unit
        return None

    def _duration(self, at: int) -> Found:
        """«в течение трёх рабочих дней», «за 2 часа», «через неделю», «5–7 рабочих дней»."""
        start = at
        word = self.low(at)
        bare = True
        trigger = ""
        after: int | None
        if (after := self.seq(at, "в", "течение|теч|теч.")) is not None:
            trigger = "в течение"
            if self.low(after) == ".":
                after += 1
            special = self._within_day_or_period(after)
            if special is not None:
                return special
        elif (after := self.seq(at, "на", "протяжении")) is not None or (
            after := self.seq(at, "в", "пределах")
        ) is not None:
            trigger = "в течение"
        elif (after := self.seq(at, "не", "позднее|позже", "чем", "через")) is not None or (
            after := self.seq(at, "не", "позднее|позже", "через")
        ) is not None:
            trigger = "через"
        elif word in {"через", "спустя"}:
            after, trigger = at + 1, "через"
            if self.low(after) in {"день", "дня"}:
                return None  # «через день» is also "every other day"
        elif word == "за":
            after, trigger, bare = at + 1, "за", False
        elif self.seq(at, "в", "ближайший|ближайшие|ближайшую|ближайшего|ближайшая") is not None:
            after, trigger = at + 2, "в ближайшие"
        elif (
            (after := self.seq(at, "не", "более|больше|дольше"))
            or (after := self.seq(at, "в", "срок", "до"))
            or (after := self.seq(at, "в", "срок"))
            or (after := self.seq(at, "максимум|максимально|до"))
        ) is not None:
            trigger, bare = "до", False
        else:
            after, bare = at, False
        assert after is not None
        found = self.duration(after, bare)
        if found is None:
            return None
        end, amount, unit = found
        if not trigger:
            # a number and a unit alone are a time only as a range or in working days
            ranged = self.amount(after)
            if not (unit == "working_day" or (ranged is not None and ranged[1] != ranged[2])):
                return None
            if self.low(start - 1) in {"уже", "прошло", "прошли", "назад"}:
                return None
        if self.low(end) in {"назад", "тому"} or (trigger == "за" and self.low(end) == "до"):
            return None
        return end, When(within=(amount, unit))

    def _within_day_or_period(self, at: int) -> Found:
        """«в течение дня» (today), «в течение завтрашнего дня», «в течение этой недели»,
        «в течение декабря»: a day or period rather than a count."""
        if self.low(at) == "дня":
            return at + 1, When(days_ahead=0)
        if self.low(at) == "года":
            return at + 1, When(within=(12, "month"))
        if self.lemma(at, "сегодняшний", "завтрашний") and self.lemma(at + 1, "день"):
            return at + 2, When(days_ahead=0 if self.lemma(at, "сегодняшний") else 1)
        period = self.period_noun(at)
        if period is not None and (self.lemma(at, *_THIS, *_NEXT)):
            return period
        month = self.month_noun(at, "gent")
        if month is not None:
            return month[0], When(month=month[1])
        return None

    # --- periods ----------------------------------------------------------------------

    def period_noun(self, at: int) -> Found:
        """«недели», «этой недели», «следующего месяца», «года», «рабочего дня»: which
        period's end (0 this one, 1 the next)."""
        offset = 0
        if self.lemma(at, *_NEXT):
            offset, at = 1, at + 1
        elif self.lemma(at, *_THIS, "рабочий", "сегодняшний"):
            at += 1
        elif self.lemma(at, "завтрашний") and self.lemma(at + 1, "день"):
            return at + 2, When(period_end=("day", 1))
        names: dict[str, Period] = {"день": "day", "неделя": "week", "месяц": "month", "год": "year"}
        for lemma, period in names.items():
            if self.lemma(at, lemma):
                return at + 1, When(period_end=(period, offset))
        return None

    def _period(self, at: int) -> Found:
        """«до конца недели», «к концу дня», «в конце месяца», «на следующей неделе», «в
        этом месяце», «в следующем году»."""
        after = (
            self.seq(at, "до", "конца|окончания")
            or self.seq(at, "к", "концу")
            or self.seq(at, "в", "конце")
            or self.seq(at, "не", "позднее|позже", "конца")
        )
        if after is not None:
            month = self.month_noun(after, "gent")
            if month is not None:
                return month[0], When(month=month[1])
            return self.period_noun(after)
        after = self.seq(at, "на", "этой|текущей|этой же|следующей|будущей|той|неделе")
        if after is not None:
            if self.low(at + 1) == "неделе":
                return at + 2, When(period_end=("week", 0))
            if self.low(after) == "неделе":
                return after + 1, When(period_end=("week", 1 if self.lemma(at + 1, *_NEXT, "тот") else 0))
            return None
        after = self.seq(at, "в|во", "этом|текущем|следующем|будущем")
        if after is not None and self.low(after) in {"месяце", "году"}:
            period: Period = "month" if self.low(after) == "месяце" else "year"
            return after + 1, When(period_end=(period, 1 if self.lemma(at + 1, *_NEXT) else 0))
        return None

    # --- months and dates -------------------------------------------------------------

    def month_noun(self, at: int, case: str) -> tuple[int, int] | None:
        if at >= len(self.w) or not self.has_tag(at, case):
            return None
        for lemma in self.w[at].lemmas:
            if lemma in _MONTHS:
                return at + 1, _MONTHS[lemma]
        return None

    def _month(self, at: int) -> Found:
        """«в декабре», «в начале декабря», «в середине января», «в течение марта»."""
        after = self.seq(at, "в|во")
        if after is not None:
            month = self.month_noun(after, "loct")
            if month is not None:
                return self._skip_year(month[0]), When(month=month[1])
        for words, day in ((("в", "начале"), 10), (("в", "середине"), 20)):
            after = self.seq(at, *words)
            if after is not None:
                month = self.month_noun(after, "gent")
                if month is not None:
                    return self._skip_year(month[0]), When(date=(None, month[1], day))
        return None

    def _skip_year(self, at: int) -> int:
        """Past a year written after a date or month («2026», «2026 года», «2026 г.»)."""
        if _YEAR.match(self.low(at)):
            at += 1
            if self.lemma(at, "год") or self.low(at) in {"г", "г."}:
                at += 1
                if self.low(at) == "." and self.low(at - 1) == "г":
                    at += 1
        return at

    def day_number(self, at: int) -> tuple[int, int] | None:
        """The day of a month: «15», «15-го», «пятнадцатого», «двадцать пятого»."""
        if at >= len(self.w):
            return None
        digits = _DIGITS.match(self.low(at))
        if digits:
            value = int(digits.group(1))
            return (at + 1, value) if 1 <= value <= 31 else None
        for lemma in self.w[at].lemmas:
            if lemma.replace("ё", "е") in _ORDINALS:
                return at + 1, _ORDINALS[lemma.replace("ё", "е")]
            if _CARDINALS.get(lemma) in {20, 30}:
                for unit_lemma in self.w[at + 1].lemmas if at + 1 < len(self.w) else ():
                    units = _ORDINALS.get(unit_lemma)
                    if units is not None and units < 10:
                        return at + 2, int(_CARDINALS[lemma]) + units
        return None

    def _date(self, at: int) -> Found:
        """«15 декабря», «к 15-му декабря», «до 15.12», «15.12.2026», «с 10 по 15 декабря»."""
        prep = self.low(at)
        if (after := self.seq(at, "не", "позднее|позже")) is not None:
            at, prep = after, "до"
        elif prep in {"к", "до", "по", "на", "с", "со", "от", "в", "около", "после"}:
            at += 1
        else:
            prep = ""
        word = self.low(at)
        if _dotted_is_date(word, prep):
            if not prep and not _DOTTED_DATE.match(word).group(3) and self._not_a_date(at):  # type: ignore[union-attr]
                return None
            return self._dotted_date(at, prep)
        if prep in {"в", "около", "после"}:
            return None
        ranged = _RANGE_TOKEN.match(word)
        first = self.day_number(at)
        if ranged and ":" not in word and "." not in word:
            day, after = int(ranged.group(2)), at + 1
        elif first is not None:
            after, day = first
            if self.low(after) in {"по", "до", "-", "–", "—", "и"}:
                second = self.day_number(after + 1)
                if second is not None and second[1] > day:
                    after, day = second
        else:
            return None
        month_found = self.month_noun(after, "gent")
        if month_found is None or not 1 <= day <= 31:
            return None
        after, month = month_found
        year_found = _YEAR.match(self.low(after))
        year = int(year_found.group(1)) if year_found else None
        return self._skip_year(after), When(date=(year, month, day), until=prep in _BY)

    def _not_a_date(self, at: int) -> bool:
        """A bare «2.10» that is a version, a price or a measure, not a date."""
        return self.low(at - 1) in _BEFORE_NUMBER or self.low(at + 1).rstrip(".") in _MEASURES

    def _dotted_date(self, at: int, prep: str) -> Found:
        """«15.12», «15.12.2026», «с 10.12 по 15.12» (the later bound)."""
        dotted = _DOTTED_DATE.match(self.low(at))
        if dotted is None:
            return None
        day, month, year = int(dotted.group(1)), int(dotted.group(2)), _full_year(dotted.group(3))
        end = at + 1
        if prep in {"с", "со", "от"} and self.low(end) in {"по", "до", "-", "–", "—"}:
            later = _DOTTED_DATE.match(self.low(end + 1))
            if later:
                day, month, year = int(later.group(1)), int(later.group(2)), _full_year(later.group(3))
                end += 2
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return self._skip_year(end), When(date=(year, month, day), until=prep in _BY)

    # --- weekdays and days ------------------------------------------------------------

    def _weekday(self, at: int) -> Found:
        """«в среду», «во вторник», «к пятнице», «до понедельника», «в следующий вторник»,
        «в пятницу на следующей неделе», «в пятницу, 11 декабря» (joined by the scanner)."""
        prep = self.low(at)
        start = at
        if (after := self.seq(at, "не", "позднее|позже")) is not None:
            at, prep = after, "до"
        elif prep in {"в", "во", "к", "до", "по", "с", "со", "на"}:
            at += 1
        else:
            prep = ""
        next_week = False
        if self.lemma(at, *_NEXT):
            next_week, at = True, at + 1
        elif self.lemma(at, *_THIS) or self.low(at).startswith("ближайш"):
            at += 1
        if at >= len(self.w):
            return None
        day = next((_WEEKDAYS[lemma] for lemma in self.w[at].lemmas if lemma in _WEEKDAYS), None)
        if day is None:
            return None
        case = {"в": "accs", "во": "accs", "по": "accs", "на": "accs", "к": "datv", "до": "gent", "с": "gent"}
        case["со"] = "gent"
        if prep and not self.has_tag(at, case[prep], "sing"):
            return None
        if not prep and start == at:
            # a bare weekday: «Перезвоню завтра, в крайнем случае пятница»; not «по пятницам»,
            # «в среде» (environment), «чёрная пятница»
            if not (self.has_tag(at, "sing", "nomn") or self.has_tag(at, "sing", "accs")):
                return None
            if at > 0 and self.w[at - 1].pos in {"ADJ", "ADP"}:
                return None
        end = at + 1
        tail = self.seq(end, "на", "следующей|будущей", "неделе") or self.seq(end, "следующей|будущей", "недели")
        if tail is not None:
            next_week, end = True, tail
        else:
            end = self.seq(end, "на", "этой|текущей", "неделе") or self.seq(end, "этой|текущей", "недели") or end
        return end, When(weekday=day, next_week=next_week, until=prep in _BY)

    def _weekend(self, at: int) -> Found:
        """«в выходные», «на выходных», «в эти выходные», «на следующих выходных» (end of
        Sunday); «до выходных», «к выходным» (end of Friday)."""
        prep = self.low(at)
        if prep not in {"в", "на", "до", "к"}:
            return None
        after = at + 1
        next_week = False
        if self.lemma(after, *_NEXT):
            next_week, after = True, after + 1
        elif self.lemma(after, *_THIS) or self.low(after).startswith("ближайш"):
            after += 1
        if not (self.lemma(after, "выходной") and self.has_tag(after, "plur")):
            return None
        if prep in {"до", "к"}:
            return after + 1, When(weekday=5, next_week=next_week, until=True)
        return after + 1, When(weekday=7, next_week=next_week)

    def _relative_day(self, at: int) -> Found:
        """«сегодня», «завтра», «послезавтра» (also «до завтра», «к завтрашнему дню»)."""
        start = at
        if self.low(at) in {"до", "к", "на"} or self.seq(at, "не", "позднее|позже"):
            at += 2 if self.low(at) == "не" else 1
        words = {"сегодня": 0, "завтра": 1, "послезавтра": 2}
        word = self.low(at)
        if word in words:
            end = at + 1
            if self.low(end) == "же":
                end += 1
            if start != at and self.low(start) in {"на"} and word == "сегодня":
                return None  # «на сегодня» is "as of today"
            return end, When(days_ahead=words[word], until=start != at and self.low(start) != "на")
        for lemma, ahead in (("сегодняшний", 0), ("завтрашний", 1), ("послезавтрашний", 2)):
            if self.lemma(at, lemma) and self.lemma(at + 1, "день") and start != at:
                return at + 2, When(days_ahead=ahead, until=self.low(start) != "на")
        return None

    # --- clocks -----------------------------------------------------------------------

    def clock(self, at: int, prep: str) -> tuple[int, Clock, bool] | None:
        """A clock time: «14:30», «14.30», «15 часов», «3 часа дня», «девяти утра», «9ч»,
        «полудня»; the flag says whether it is written as a time (not a bare number)."""
        if at >= len(self.w):
            return None
        word = self.low(at)
        if self.lemma(at, "полдень"):
            return at + 1, Clock(12), True
        if self.lemma(at, "полночь"):
            return at + 1, Clock(24), True
        if self.lemma(at, "половина", "четверть"):
            # «в половине третьего» is 2:30 (of the afternoon, as a bare hour 1–7 is);
            # «в четверть третьего» 2:15: the hour named is the one being reached
            hour = (
                next((_ORDINALS[m] for m in self.w[at + 1].lemmas if m in _ORDINALS), None)
                if at + 1 < len(self.w)
                else None
            )
            if hour is None or not 1 <= hour <= 12 or not self.has_tag(at + 1, "gent"):
                return None
            minute = 30 if self.lemma(at, "половина") else 15
            end = at + 2
            part = self._part_after(end)
            if part is not None:
                return part[0], Clock(_in_part(hour - 1 or 12, part[1]) % 24, minute), True
            return self._skip_zone(end), Clock(_afternoon(hour - 1 or 12) % 24, minute), True
        shaped = _CLOCK_TOKEN.match(word)
        # «14.30» is a time only after a preposition («в 14.30», «до 14.30»): alone it is a price
        if shaped and (":" in word or (prep and not _dotted_is_date(word, prep))):
            hour, minute = int(shaped.group(1)), int(shaped.group(2))
            if hour == 24 and minute:
                return None
            end = self._skip_zone(at + 1)
            part = self._part_after(end)
            if part is not None:
                hour = _in_part(hour, part[1])
                end = part[0]
            return end, Clock(hour, minute), True
        suffixed = _HOUR_SUFFIX.match(word)
        if suffixed:
            hour = int(suffixed.group(1))
            return (at + 1, Clock(_afternoon(hour)), True) if hour <= 24 else None
        number = self.number(at)
        if number is None or number[1] != int(number[1]) or not 0 <= number[1] <= 24:
            return None
        end, hour = number[0], int(number[1])
        written = False
        minute = 0
        if self.lemma(end, "час", "ч") or self.low(end) == "ч.":
            written, end = True, end + 1
            if self.low(end) == "." and self.low(end - 1) == "ч":
                end += 1
            minutes = self.number(end)
            if minutes is not None and self.lemma(minutes[0], "минута", "мин") and 0 <= minutes[1] < 60:
                minute, end = int(minutes[1]), minutes[0] + 1
        part = self._part_after(end)
        if part is not None:
            end, name = part
            return self._skip_zone(end), Clock(_in_part(hour, name), minute), True
        if hour == 24:
            return self._skip_zone(end), Clock(24), written
        return self._skip_zone(end), Clock(_afternoon(hour), minute), written

    def _part_after(self, at: int) -> tuple[int, str] | None:
        """«утра», «дня», «вечера», «ночи» after an hour."""
        if self.low(at) in {"утра", "дня", "вечера", "ночи"}:
            return at + 1, _DAY_PART_AFTER[next(iter(self.w[at].lemmas & set(_DAY_PART_AFTER)))]
        return None

    def _skip_zone(self, at: int) -> int:
        """Past «мск», «(мск)», «по Москве», «по московскому времени»."""
        if self.low(at) == "(" and self.low(at + 1) == "мск" and self.low(at + 2) == ")":
            return at + 3
        if self.low(at) == "мск":
            return at + 1
        if self.low(at) == "по" and self.low(at + 1) in {"мск", "москве"}:
            return at + 2
        if self.seq(at, "по", "московскому", "времени") is not None:
            return at + 3
        return at

    def _clock_phrase(self, at: int) -> Found:
        """«в 14:30», «к 15 часам», «до 18:00», «не позднее 17:00», «после 15:00», «с 10 до
        14», «10:00–14:00», «между 10 и 12», «около 15:00», a bare «14:30»."""
        word = self.low(at)
        prep = word
        after = at + 1
        if (more := self.seq(at, "не", "позднее|позже")) is not None:
            prep, after = "до", more
        elif (more := self.seq(at, "не", "ранее|раньше")) is not None:
            prep, after = "после", more
        elif (more := self.seq(at, "примерно|ориентировочно|приблизительно", "в|к")) is not None:
            prep, after = self.low(at + 1), more
        elif word not in {"в", "во", "к", "до", "после", "с", "со", "от", "между", "около", "по"}:
            prep, after = "", at
        if prep in {"с", "со", "от", "между", "в", "", "по"}:
            window = self._window(after, prep)
            if window is not None:
                return window
        if prep in {"по"}:
            return None
        found = self.clock(after, prep)
        if found is None:
            return None
        end, clock, written = found
        if not written and (prep in {"", "с", "со", "от", "между", "после", "около"} or self.blocks_clock(end)):
            return None
        if not written and prep in {"к", "до"} and self.blocks_clock(end):
            return None
        if prep in {"в", "во", "около", ""}:
            return end, When(earliest=clock, latest=clock)
        if prep in {"к", "до"}:
            return end, When(latest=clock)
        if prep in {"после", "с", "со", "от"}:
            return end, When(earliest=clock)
        return None

    def _window(self, at: int, prep: str) -> Found:
        """Two clocks as a window: «10 до 14», «10:00–14:00», «9 утра до 6 вечера»."""
        word = self.low(at)
        ranged = _RANGE_TOKEN.match(word)
        if ranged and prep != "между":
            first_text, second_text = ranged.group(1), ranged.group(2)
            if ":" not in word and not prep:
                return None  # «5-7» alone is not a time window
            first, second = _clock_of(first_text), _clock_of(second_text)
            if first is None or second is None:
                return None
            end = at + 1
            if self.low(end) in {"ч", "ч.", "часов", "часа"}:
                end += 1
            elif self.blocks_clock(end):
                return None
            return self._skip_zone(end), When(earliest=first, latest=second)
        first_found = self.clock(at, prep)
        if first_found is None:
            return None
        mid, first_clock, first_written = first_found
        joiner = {"между": ("и",)}.get(prep, ("до", "по", "-", "–", "—"))
        if self.low(mid) not in joiner:
            return None
        second_found = self.clock(mid + 1, "до")
        if second_found is None:
            return None
        end, second_clock, second_written = second_found
        if not (first_written or second_written or prep in {"с", "со", "от", "между"}):
            return None
        if not second_written and self.blocks_clock(end):
            return None
        backwards = (second_clock.hour, second_clock.minute) <= (first_clock.hour, first_clock.minute)
        if backwards and not (first_written or second_written):
            return None
        return end, When(earliest=first_clock, latest=second_clock)

    def _day_part(self, at: int) -> Found:
        """Parts of the day as clock bounds (see the module docstring)."""
        word = self.low(at)
        if word == "утром" or self.seq(at, "с", "утра") is not None:
            return at + (1 if word == "утром" else 2), When(latest=Clock(12))
        if word == "днем" and self.low(at + 1) not in {"ранее", "раньше", "позже"}:
            return at + 1, When(earliest=Clock(12), latest=Clock(18))
        if word == "вечером":
            return at + 1, When(earliest=Clock(18))
        if (after := self.seq(at, "в|во", "первой|второй", "половине", "дня")) is not None:
            if self.low(at + 1) == "первой":
                return after, When(latest=Clock(12))
            return after, When(earliest=Clock(12))
        if (after := self.seq(at, "до|к", "обеда|обеду")) is not None:
            return after, When(latest=Clock(13))
        if (after := self.seq(at, "после", "обеда")) is not None:
            return after, When(earliest=Clock(14))
        if (after := self.seq(at, "в", "обед")) is not None:
            return after, When(earliest=Clock(13), latest=Clock(14))
        if (after := self.seq(at, "до|к", "вечера|вечеру")) is not None:
            return after, When(latest=Clock(18))
        if (after := self.seq(at, "до|к", "полудня")) is not None:
            return after, When(latest=Clock(12))
        return None


@lru_cache(maxsize=512)
def _alternatives(word: str) -> frozenset[str]:
    return frozenset(word.split("|"))


def grammemes(parse: Any) -> frozenset[str]:
    """The grammemes of a pymorphy3 parse, part of speech included («VERB», «futr», «1per»):
    its tag's attributes are slow to read, and a reply asks about every word several times."""
    return _tag_grammemes(str(parse.tag))


@lru_cache(maxsize=4096)
def _tag_grammemes(tag: str) -> frozenset[str]:
    return frozenset(tag.replace(" ", ",").split(","))


def _compatible(first: When, second: When) -> bool:
    """Can two neighbouring expressions be one time? Not when both name a clock, nor both a
    day unless they name one day two ways («в пятницу, 11 декабря», «завтра, 17 декабря»);
    a list of days («15 декабря, 25 декабря») stays apart."""
    if first.has_clock and second.has_clock:
        return False
    if any(w.within is not None and w.within[1] in ("minute", "hour") for w in (first, second)):
        return not (first.has_clock or second.has_clock)  # «через 2 часа» has its own clock
    if first.has_day and second.has_day:
        # a date with its weekday or its «завтра»
        return (first.date is None) != (second.date is None) and first.names_a_day and second.names_a_day
    return True


def _join(first: When, second: When) -> When:
    """Each field from whichever sets it, the first one first (as `When.joined`, but a zero
    «days_ahead» — today — counts as set)."""
    values = {}
    for name in first.__dataclass_fields__:
        mine = getattr(first, name)
        values[name] = mine if mine is not None and mine is not False else getattr(second, name)
    return When(**values)


def _whole(value: float, unit: Unit) -> tuple[float, Unit]:
    """A fractional amount in a smaller unit («полтора часа» = 90 minutes, «полторы
    недели» = 11 days, rounded up: a deadline is never earlier than said)."""
    if value == int(value):
        return int(value), unit
    if unit == "hour":
        return math.ceil(value * 60), "minute"
    if unit == "day":
        return math.ceil(value * 24), "hour"
    if unit == "week":
        return math.ceil(value * 7), "day"
    if unit == "month":
        return math.ceil(value * 30), "day"
    return math.ceil(value), unit


def _dotted_is_date(word: str, prep: str) -> bool:
    """Is «15.12» a date rather than a time (see the module docstring)?"""
    match = _DOTTED_DATE.match(word)
    if match is None:
        return False
    if match.group(3):
        return True
    day, month = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    return day > 24 or prep not in {"в", "во", "около", "после"}


def _clock_of(text: str) -> Clock | None:
    match = re.match(r"^(\d{1,2})(?:[:.]([0-5]\d))?$", text)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 24 or (hour == 24 and minute):
        return None
    return Clock(_afternoon(hour) if match.group(2) is None else hour, minute)


def _afternoon(hour: int) -> int:
    """An hour 1–7 written without «утра» is an afternoon hour (see the module docstring)."""
    return hour + 12 if 1 <= hour <= 7 else hour


def _in_part(hour: int, part: str) -> int:
    """An hour told with its part of the day: «3 часа дня» is 15, «7 вечера» 19, «12 ночи» 0."""
    if part in {"day", "evening"} and hour < 12:
        return hour + 12 if part == "evening" or hour <= 7 else hour
    if part == "night" and hour == 12:
        return 0
    if part == "morning" and hour == 12:
        return 0
    return hour


def _full_year(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text)
    return year + 2000 if year < 100 else year


# --- phrases for suggestions and apologies ---------------------------------------------

_ON_WEEKDAY = ("в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье")
_MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
    "декабря",
)  # fmt: skip


def day_phrase(day: dt.date, today: dt.date) -> str:
    """How to say "on that day" in a sentence about a promise: «вчера», «позавчера», «в понедельник»
    (within a week of today), else «5 декабря» (with the year when it is another year)."""
    ahead = (day - today).days
    near = {0: "сегодня", -1: "вчера", -2: "позавчера", 1: "завтра", 2: "послезавтра"}
    if ahead in near:
        return near[ahead]
    if -7 < ahead < 7:
        return _ON_WEEKDAY[day.weekday()]
    return date_words(day, today)


def date_words(day: dt.date, today: dt.date) -> str:
    """«5 декабря», «5 января 2027 года» (the year only when it is not this year)."""
    text = f"{day.day} {_MONTHS_GENITIVE[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year} года"


def deadline_phrase(deadline: dt.datetime, now: dt.datetime) -> str:
    """A concrete deadline, lowercase, for the middle of a sentence: «сегодня до 18:00»,
    «завтра до 12:00», «в понедельник до 18:00», «5 декабря до 18:00»; a deadline at the
    end of a day is «… до конца дня»."""
    when = _day_words(deadline, now)
    if deadline.time() >= dt.time(23, 59):
        return f"{when} до конца дня"
    return f"{when} до {deadline.hour}:{deadline.minute:02d}"


def from_phrase(start: dt.datetime, now: dt.datetime) -> str:
    """When the company is back, lowercase, for «Мы ответим …»: «сегодня с 9:00», «завтра с
    9:00», «в понедельник с 9:00», «5 января с 9:00» (the day as `deadline_phrase` says it)."""
    return f"{_day_words(start, now)} с {start.hour}:{start.minute:02d}"


def _day_words(moment: dt.datetime, now: dt.datetime) -> str:
    """The day of `moment` seen from `now`: «сегодня», «завтра», «послезавтра», «в пятницу»
    within a week, else a date («5 декабря»)."""
    local_now = now.astimezone(moment.tzinfo) if moment.tzinfo is not None else now
    today = local_now.date()
    day = moment.date()
    ahead = (day - today).days
    if ahead in (0, 1, 2):
        return ("сегодня", "завтра", "послезавтра")[ahead]
    if 0 < ahead < 7:
        return _ON_WEEKDAY[day.weekday()]
    return date_words(day, today)
