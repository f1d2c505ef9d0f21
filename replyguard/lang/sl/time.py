"""Slovenian time expressions: «jutri do 12. ure», «v treh delovnih dneh», «15. 12.», «naslednji torek».

The grammar runs as regexes over the text lowercased and folded to plain letters (č → c, š → s,
ž → z: one character for one, so offsets stay those of `analysis.text`), because replies are
often typed without carons («pojutrisnjem», «cetrtek», «cez 2 uri») and because the closed
class of Slovenian time words (numerals in six cases and the dual, month and weekday names,
unit nouns) is small enough to list, while lemmagen3 does not lemmatize digits or
abbreviations at all. Each pattern yields candidate pieces; overlaps keep the longest, and
pieces that touch (only spaces or commas between) and say different things («jutri» +
«do 12. ure») are joined into one span.

Sources: Toporišič, Slovenska slovnica (numerals: dual «dveh/dvema», «treh/tremi»; the
clock: «ob 9. uri», «ob pol desetih» = 9:30, «od 10. do 12. ure»); Pravopis 2001 (dates
«15. 12. 2026», «15. decembra»). Limits: spoken hour words 1–6 without a part of the day
(«ob treh») are read as afternoon (working hours); ordinal words for dates («prvega
decembra») and Easter are not read; «do konca delovnega časa» depends on the policy and is
left to the caller.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from replyguard.when import Clock, Period, TimeSpan, Unit, When

_FOLD = (("č", "c"), ("š", "s"), ("ž", "z"), ("ć", "c"), ("đ", "d"))


def fold(text: str) -> str:
    """Lowercased, without carons, the same length as `text` (offsets carry over).

    Five `str.replace` calls, not `str.translate`: on non-ASCII text translate goes through a
    dict per character and costs ten times as much."""
    lowered = text.lower()
    if len(lowered) != len(text):  # «İ» and the like grow when lowercased: go char by char
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    for caron, plain in _FOLD:
        lowered = lowered.replace(caron, plain)
    return lowered


# ---------------------------------------------------------------- numerals, all cases and the dual


def _numeral_forms() -> dict[str, int]:
    forms: dict[str, int] = {}
    for value, words in {
        1: "en ena eno eni ene enega enemu enem enim enih enimi",
        2: "dva dve dveh dvema",
        3: "trije tri treh trem tremi",
        4: "stirje stiri stirih stirim stirimi",
    }.items():
        forms.update(dict.fromkeys(words.split(), value))
    stems = {
        5: "pet", 6: "sest", 7: "sedem", 8: "osem", 9: "devet", 10: "deset", 11: "enajst", 12: "dvanajst",
        13: "trinajst", 14: "stirinajst", 15: "petnajst", 16: "sestnajst", 17: "sedemnajst", 18: "osemnajst",
        19: "devetnajst", 20: "dvajset", 30: "trideset", 40: "stirideset", 50: "petdeset", 60: "sestdeset",
        70: "sedemdeset", 80: "osemdeset", 90: "devetdeset",
    }  # fmt: skip
    units = {1: "ena", 2: "dva", 3: "tri", 4: "stiri", 5: "pet", 6: "sest", 7: "sedem", 8: "osem", 9: "devet"}
    for tens in range(20, 100, 10):
        for unit, word in units.items():
            stems[tens + unit] = f"{word}in{stems[tens]}"
    for value, stem in stems.items():
        oblique = {"sedem": "sedm", "osem": "osm"}.get(stem, stem) if stem in ("sedem", "osem") else stem
        forms[stem] = value
        for ending in ("ih", "im", "imi"):
            forms[oblique + ending] = value
    forms["sto"] = 100
    return forms


NUMERALS = _numeral_forms()
_NUMWORD = "|".join(sorted(NUMERALS, key=len, reverse=True))
_NUM = rf"(?:\d{{1,3}}(?:,5)?(?![\d.:])|(?:{_NUMWORD})(?!\w))"


def _number(raw: str) -> float | None:
    raw = raw.strip()
    if raw[:1].isdigit():
        return float(raw.replace(",", "."))
    return float(NUMERALS[raw]) if raw in NUMERALS else None


# ---------------------------------------------------------------- units of an interval

_DAY_FORMS = r"(?:dan|dneva|dnevu|dnevom|dneve|dnevi|dni|dneh|dnem|dnevih|dnevoma|dnevov)"
_UNITS: tuple[tuple[Unit, str], ...] = (
    ("working_day", r"delovn(?:i|ih|a|e|ega|em|emu|im|ima|imi)\s+" + _DAY_FORMS),
    ("working_day", r"delovnik(?:a|u|om|e|i|ov|ih|oma|ama)?"),
    ("day", r"(?:koledarsk\w*\s+)?" + _DAY_FORMS),
    ("week", r"(?:teden|tedna|tednu|tednom|tedne|tedni|tednov|tednih|tednoma|tednov)"),
    ("month", r"(?:mesec|meseca|mesecu|mesecem|mesece|meseci|mesecev|mesecih|mesecema)"),
    ("hour", r"(?:ura|ure|uri|uro|ur|urah|uram|urami|urama|h)"),
    ("minute", r"(?:minuta|minute|minuti|minuto|minut|minutah|minutam|minutami|minutama|min\.?)"),
)  # fmt: skip
_UNIT = "|".join(f"(?P<u_{i}>{pattern})" for i, (_, pattern) in enumerate(_UNITS))


def _unit_of(match: re.Match[str]) -> Unit:
    for i, (unit, _) in enumerate(_UNITS):
        if match.group(f"u_{i}"):
            return unit
    raise AssertionError("a unit group always matches")


_LATEST = r"(?:(?:najkasneje|najpozneje|kvecjemu|vsaj)\s+)?"
_WITHIN_PRE = (
    _LATEST + r"(?:v\s+roku(?:\s+(?:najvec|do))?|v(?:\s+(?:naslednjih|prihodnjih|najvec|manj\s+kot))?"
    r"|cez|tekom|znotraj|do|v\s+casu|v\s+obdobju)\s+"
)
_RANGE = r"\s*(?:-|–|—|do|ali|oz\.?|oziroma)\s*"

# ---------------------------------------------------------------- days, months, clocks

_WEEKDAYS: dict[str, int] = {}
for _day, _forms in enumerate(
    (
        "ponedeljek ponedeljka ponedeljkom pondeljek pondeljka",
        "torek torka torkom",
        "sreda sredo srede",
        "cetrtek cetrtka cetrtkom",
        "petek petka petkom",
        "sobota soboto sobote",
        "nedelja nedeljo nedelje",
    ),
    start=1,
):
    _WEEKDAYS.update(dict.fromkeys(_forms.split(), _day))
_WD = "(?:" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")(?!\w)"

_MONTH_STEMS = (
    ("januar", 1), ("februar", 2), ("marc", 3), ("marec", 3), ("april", 4), ("maj", 5), ("junij", 6),
    ("julij", 7), ("avgust", 8), ("septemb", 9), ("oktob", 10), ("novemb", 11), ("decemb", 12),
)  # fmt: skip
_MONTH = (
    r"(?:(?:januar(?:ja|ju|jem)?|februar(?:ja|ju|jem)?|marec|marca|marcu|marcem|april(?:a|u|om)?|maj(?:a|u|em)?"
    r"|junij(?:a|u|em)?|julij(?:a|u|em)?|avgust(?:a|u|om)?|september|septembr(?:a|u|om)|oktober|oktobr(?:a|u|om)"
    r"|november|novembr(?:a|u|om)|december|decembr(?:a|u|om))(?!\w)"
    r"|(?:jan|feb|mar|apr|jun|jul|avg|sep|sept|okt|nov|dec)\.(?!\w))"
)
# genitive month names that stand alone as «in December» (not maja, marca, julija: names too)
_MONTH_ALONE = r"(?:januarja|februarja|aprila|junija|avgusta|septembra|oktobra|novembra|decembra)(?!\w)"


def _month_of(word: str) -> int:
    word = word.rstrip(".")
    for stem, month in _MONTH_STEMS:
        if word.startswith(stem[:3]) and (len(word) <= 4 or word.startswith(stem[: min(len(stem), len(word))])):
            return month
    raise ValueError(word)


_H = r"(?:[01]?\d|2[0-4])"
_MM = r"[0-5]\d"
_POD = r"(?:zjutraj|dopoldne|dopoldan|popoldne|popoldan|zvecer|ponoci|opoldne)"
# a clock with a mark that makes it one: 14:30, 14.30, 9. uri, 14h, 14-ih
_CLOCK = (
    rf"(?P<{{p}}h>{_H})(?:(?P<{{p}}sep>[:.])(?P<{{p}}m>{_MM})(?!\d)(?:\s*(?:h|ur[aei])(?!\w))?"
    rf"|\.?\s*(?P<{{p}}ura>ur[aeio])(?!\w)|\s?h(?!\w)|-?ih(?!\w))"
)
_HOUR_WORDS = {
    "enih": 1, "dveh": 2, "treh": 3, "stirih": 4, "petih": 5, "sestih": 6, "sedmih": 7, "osmih": 8,
    "devetih": 9, "desetih": 10, "enajstih": 11, "dvanajstih": 12,
}  # fmt: skip
_HOUR_WORD = (
    "(?:"
    + "|".join(sorted(_HOUR_WORDS, key=len, reverse=True))
    + r")(?!\w)(?!\s+(?:\w+(?:ih|ah|eh)|ur[aeio]?|minut\w*|dni|dan|dneva?|tedn\w*|teden|mesec\w*)\b)"
)


def _clock_pattern(prefix: str) -> str:
    return _CLOCK.replace("{p}", prefix)


def _shift(hour: int, pod: str | None, spoken: bool = False) -> int:
    """«ob 7. uri zvečer» is 19:00, «ob 7. uri zjutraj» 7:00; spoken hours 1–6 with no part of
    the day («ob treh») are afternoon, since nobody promises a 3 a.m. call."""
    if pod and pod.startswith(("popold", "zvecer")) and hour < 12:
        return hour + 12
    if pod and pod.startswith("ponoc") and hour == 12:
        return 0
    if spoken and not pod and 1 <= hour <= 6:
        return hour + 12
    return hour


def _clock(match: re.Match[str], prefix: str, pod: str | None = None) -> Clock | None:
    hour = int(match.group(prefix + "h"))
    minute = int(match.group(prefix + "m") or 0) if match.groupdict().get(prefix + "m") else 0
    hour = _shift(hour, pod)
    if hour > 24 or (hour == 24 and minute):
        return None
    return Clock(hour, minute)


_PARTS_OF_DAY: dict[str, When] = {
    "zjutraj": When(latest=Clock(12)),
    "dopoldne": When(latest=Clock(12)),
    "dopoldan": When(latest=Clock(12)),
    "opoldne": When(earliest=Clock(12), latest=Clock(12)),
    "popoldne": When(earliest=Clock(12), latest=Clock(18)),
    "popoldan": When(earliest=Clock(12), latest=Clock(18)),
    "zvecer": When(earliest=Clock(18)),
    "nocoj": When(days_ahead=0, earliest=Clock(18)),
    "drevi": When(days_ahead=0, earliest=Clock(18)),
}

_HOLIDAYS: tuple[tuple[str, tuple[int, int]], ...] = (
    (r"bozic(?:a|u|em)?", (12, 25)),
    (r"silvestrov(?:o|ega|em)", (12, 31)),
    (r"(?:stefanov(?:o|ega|em)|dan\w*\s+samostojnosti(?:\s+in\s+enotnosti)?)", (12, 26)),
    (r"(?:miklavz(?:a|u|em)?|miklavzev(?:o|ega|em))", (12, 6)),
    (r"(?:presernov\w*\s+(?:dan|dneva|dnevu|dnevom)|kulturn\w*\s+praznik\w*)", (2, 8)),
    (r"(?:valentinov(?:o|ega|em))", (2, 14)),
    (r"(?:prv\w*\s+maj\w*|praznik\w*\s+dela)", (5, 1)),
    (r"(?:dan\w*\s+drzavnosti)", (6, 25)),
    (r"(?:velik\w*\s+smarn\w*|velik\w*\s+smaren|marijin\w*\s+vnebovzetj\w*)", (8, 15)),
    (r"(?:dan\w*\s+reformacije)", (10, 31)),
    (r"(?:dan\w*\s+(?:spomina\s+na\s+mrtve|mrtvih)|vs\w*\s+svet\w*)", (11, 1)),
    (r"(?:dan\w*\s+upora(?:\s+proti\s+okupatorju)?)", (4, 27)),
    (r"(?:nov\w*\s+let\w*)", (1, 1)),
)

# ---------------------------------------------------------------- the patterns


Piece = tuple[int, int, When]
Reader = Callable[[re.Match[str]], When | None]
_PATTERNS: list[tuple[re.Pattern[str], Reader]] = []


def _pattern(regex: str) -> Callable[[Reader], Reader]:
    def register(reader: Reader) -> Reader:
        _PATTERNS.append((re.compile(r"(?<!\w)" + regex, re.UNICODE), reader))
        return reader

    return register


@_pattern(
    _WITHIN_PRE.replace("|do|", "|(?P<do>do)|") + rf"(?P<n1>{_NUM})(?:{_RANGE}(?P<n2>{_NUM}))?\s*(?:{_UNIT})(?!\w)"
)
def _within(match: re.Match[str]) -> When | None:
    """«v treh delovnih dneh», «v roku 3–5 delovnih dni», «čez 2 uri», «v 24 urah»."""
    first = _number(match.group("n1"))
    second = _number(match.group("n2")) if match.group("n2") else None
    amount = max(first or 0, second or 0)
    unit = _unit_of(match)
    if match.group("do") and unit == "hour" and match.group(0).endswith("h"):
        return None  # «do 17h» is a clock, «do 24 ur» an interval
    if not amount or (unit == "hour" and amount > 24 * 14):
        return None
    return When(within=(amount, unit))


@_pattern(
    _WITHIN_PRE + r"(?:(?:en|enega|enem|eno|enim)\s+)?(?P<what>teden|tedna|tednu|mesec|meseca|mesecu)\s+dni(?!\w)"
)
def _teden_dni(match: re.Match[str]) -> When:
    """«čez teden dni», «v mesecu dni»: one week, one month."""
    return When(within=(1, "week" if match.group("what").startswith("ted") else "month"))


@_pattern(
    _LATEST
    + r"(?:cez|v\s+roku|v|do)\s+(?:(?P<half>pol|polovici|cetrt)\s+ure|(?:eno\s+)?uro\s+in\s+pol|poldrugo\s+uro)(?!\w)"
)
def _half_hour(match: re.Match[str]) -> When:
    """«v pol ure» 30 minutes, «čez četrt ure» 15, «čez uro in pol» 90."""
    half = match.group("half")
    return When(within=(15 if half == "cetrt" else 30 if half else 90, "minute"))


@_pattern(_LATEST + r"cez\s+(?P<what>uro|teden|mesec)(?!\w)(?!\s+dni)")
def _cez_unit(match: re.Match[str]) -> When:
    """«čez uro», «čez teden», «čez mesec»: one of it."""
    units: dict[str, Unit] = {"uro": "hour", "teden": "week", "mesec": "month"}
    return When(within=(1, units[match.group("what")]))


@_pattern(
    r"(?:(?:najkasneje|najpozneje|se|vse)\s+)?(?:(?P<do>do)\s+)?"
    r"(?P<day>danes|jutri|pojutrisnjem|pojutrisnjim|pojutrisnem|vceraj|predvcerajsnjim)(?!\w)"
)
def _relative_day(match: re.Match[str]) -> When:
    """«danes», «jutri», «pojutrišnjem» (and «do jutri»); «včeraj» too: a past time is still a time."""
    day = match.group("day")
    ahead = {"danes": 0, "jutri": 1, "vceraj": -1, "predvcerajsnjim": -2}.get(day, 2)
    return When(days_ahead=ahead)


@_pattern(r"(?:se\s+)?(?P<word>nocoj|drevi)(?!\w)")
def _tonight(match: re.Match[str]) -> When:
    return _PARTS_OF_DAY[match.group("word")]


@_pattern(rf"(?:(?:v|med)\s+)?(?P<word>{_POD})(?!\w)")
def _part_of_day(match: re.Match[str]) -> When | None:
    """«dopoldne» by 12:00, «popoldne» 12–18, «zvečer» from 18:00."""
    return _PARTS_OF_DAY.get(match.group("word"))


@_pattern(r"v\s+(?P<word>dopoldansk|popoldansk|jutranj|vecern)\w*\s+(?:casu|urah)(?!\w)")
def _part_of_day_phrase(match: re.Match[str]) -> When:
    """«v dopoldanskem času», «v popoldanskih urah»."""
    return {
        "dopoldansk": _PARTS_OF_DAY["dopoldne"],
        "jutranj": _PARTS_OF_DAY["zjutraj"],
        "popoldansk": _PARTS_OF_DAY["popoldne"],
        "vecern": _PARTS_OF_DAY["zvecer"],
    }[match.group("word")]


@_pattern(_LATEST + r"(?:do|pred)\s+(?:(?:po)?poldn(?:e|eva|a)|opoldn(?:e|eva)|vecera)(?!\w)")
def _by_noon(match: re.Match[str]) -> When:
    """«do poldneva» by 12:00, «do večera» by 18:00."""
    return When(latest=Clock(18 if match.group(0).endswith("vecera") else 12))


# clocks: «ob 14.30», «ob 9. uri», «do 12. ure», «po 15. uri», «od 10. do 12. ure»
_POD_BEFORE = rf"(?:(?P<pod0>{_POD})\s+)?"
_POD_AFTER = rf"(?:\s+(?P<pod>{_POD}))?(?!\w)"


@_pattern(
    _POD_BEFORE
    + r"(?:(?P<pre>od|med)\s+)?"
    + rf"(?P<h1>{_H})(?:[:.](?P<m1>{_MM})(?!\d))?\.?\s*(?P<mark1>h|-?ih|ur[aeio])?(?!\w)"
    + r"\s*(?:-|–|—|do|in)\s*"
    + rf"(?P<h2>{_H})(?:[:.](?P<m2>{_MM})(?!\d))?\.?\s*(?P<mark2>h|-?ih|ur[aeio])?(?!\w)"
    + _POD_AFTER
)
def _clock_window(match: re.Match[str]) -> When | None:
    """«od 10. do 12. ure», «med 8. in 16. uro», «9.00–12.00», «10h–12h»: latest is the later."""
    marked = match.group("m1") or match.group("m2") or match.group("mark1") or match.group("mark2")
    if not marked:
        return None
    if (
        not match.group("pre")
        and not (match.group("m1") and match.group("m2"))
        and not (match.group("mark1") or match.group("mark2"))
    ):
        return None
    if match.group("pre") == "med" and "in" not in match.group(0):
        return None
    pod = match.group("pod") or match.group("pod0")
    first = _shift(int(match.group("h1")), pod)
    second = _shift(int(match.group("h2")), pod)
    minutes = (int(match.group("m1") or 0), int(match.group("m2") or 0))
    if first > 24 or second > 24 or (first, minutes[0]) >= (second, minutes[1]):
        return None
    return When(earliest=Clock(first, minutes[0]), latest=Clock(second, minutes[1]))


@_pattern(
    _POD_BEFORE
    + r"(?:(?:najkasneje|najpozneje|tocno|nekje)\s+)?(?P<pre>ob|okoli|okrog|do|pred|po|od|med)\s+"
    + _clock_pattern("")
    + r"(?:\s+(?P<dalje>dalje|naprej))?"
    + _POD_AFTER
)
def _prepositioned_clock(match: re.Match[str]) -> When | None:
    """A clock after a preposition: «ob» exact, «do»/«pred» the latest, «po»/«od» the earliest."""
    pod = match.group("pod") or match.group("pod0")
    clock = _clock(match, "", pod)
    pre = match.group("pre")
    if clock is None or (pre == "med" and not match.group("ura")):
        return None
    if pre in ("do", "pred"):
        return When(latest=clock)
    if pre in ("po", "od"):
        return When(earliest=clock)
    return When(earliest=clock, latest=clock)


@_pattern(
    _POD_BEFORE + r"(?:(?:najkasneje|najpozneje|tocno)\s+)?(?P<pre>ob|okoli|okrog|do|pred|po)\s+(?P<pol>pol\s+)?"
    rf"(?:(?P<word>{_HOUR_WORD})|(?P<digit>{_H})(?=\s*(?:[,.;!?)]|$|in\b|ali\b|{_POD})))" + _POD_AFTER
)
def _spoken_clock(match: re.Match[str]) -> When | None:
    """«ob devetih», «ob pol desetih» (9:30), «do dvanajstih», «ob 14» at a clause end."""
    pod = match.group("pod") or match.group("pod0")
    if match.group("word"):
        hour = _shift(_HOUR_WORDS[match.group("word")], pod, spoken=True)
    elif match.group("pre") == "ob":
        hour = _shift(int(match.group("digit")), pod)
    else:
        return None
    minute = 0
    if match.group("pol"):  # «pol desetih» is half an hour before ten
        hour, minute = hour - 1, 30
    if not 0 <= hour <= 24:
        return None
    clock = Clock(hour, minute)
    pre = match.group("pre")
    if pre in ("do", "pred"):
        return When(latest=clock)
    if pre == "po":
        return When(earliest=clock)
    return When(earliest=clock, latest=clock)


@_pattern(rf"(?P<h>{_H})[:](?P<m>{_MM})(?!\d)(?:\s*h(?!\w))?" + _POD_AFTER)
def _bare_clock(match: re.Match[str]) -> When | None:
    """«14:30» with no preposition: an exact time."""
    clock = _clock(match, "", match.group("pod"))
    return When(earliest=clock, latest=clock) if clock else None


# dates
_DATE_PRE = r"(?:(?:najkasneje|najpozneje|se)\s+)?(?:(?:do|na|za|dne|v|z|s)\s+)?"
_YEAR = r"(?:\s*(?P<y>(?:19|20)\d\d)(?!\d))?"


def _date(day: str, month: int, year: str | None) -> When | None:
    d = int(day)
    if not 1 <= d <= 31 or not 1 <= month <= 12:
        return None
    return When(date=(int(year) if year else None, month, d))


@_pattern(
    r"(?:(?:od|med)\s+)?" + _DATE_PRE + r"(?:(?P<d0>\d{1,2})\.\s*(?:-|–|—|do|in)\s*)?"
    rf"(?P<d>\d{{1,2}})\.?\s*(?P<mon>{_MONTH})" + _YEAR
)
def _named_date(match: re.Match[str]) -> When | None:
    """«15. decembra», «15 dec. 2026», «med 3. in 5. decembrom» (the later day)."""
    return _date(match.group("d"), _month_of(match.group("mon")), match.group("y"))


@_pattern(
    _DATE_PRE + r"(?:(?P<d0>\d{1,2})\.\s*(?:-|–|—|do|in)\s*)?(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.(?!\d)"
    r"(?:\s?(?P<y>(?:19|20)\d\d)(?!\d))?(?!\s*(?:€|eur|%|ure|uri|uro))"
)
def _numeric_date(match: re.Match[str]) -> When | None:
    """«15. 12.», «15.12.», «15. 12. 2026», «2. 1.» (day, then month)."""
    return _date(match.group("d"), int(match.group("m")), match.group("y"))


@_pattern(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)(?!\d)")
def _compact_date(match: re.Match[str]) -> When | None:
    """«15.12.2026»."""
    return _date(match.group("d"), int(match.group("m")), match.group("y"))


@_pattern(r"(?P<y>20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")
def _iso_date(match: re.Match[str]) -> When | None:
    return _date(match.group("d"), int(match.group("m")), match.group("y"))


@_pattern(
    r"(?:(?:najkasneje|najpozneje|se)\s+)?(?P<pre>na|za|do|pred|ob)\s+(?P<name>"
    + "|".join(f"(?P<hol_{i}>{pattern})" for i, (pattern, _) in enumerate(_HOLIDAYS))
    + r")(?!\w)"
)
def _holiday(match: re.Match[str]) -> When | None:
    """«na božič» 25. 12., «za novo leto» 1. 1.; «pred božičem» the day before; «do novega
    leta» the end of the year. Only with a preposition: «novo leto» alone is a greeting."""
    for i, (_, (month, day)) in enumerate(_HOLIDAYS):
        if match.group(f"hol_{i}"):
            if (month, day) == (1, 1) and match.group("pre") in ("do", "pred"):
                return When(period_end=("year", 0))
            if match.group("pre") == "pred":
                month, day = (month, day - 1) if day > 1 else (month - 1 or 12, 31)
            return When(date=(None, month, day))
    return None


# weekdays
@_pattern(
    r"(?:(?:najkasneje|najpozneje|se)\s+)?(?:(?P<pre>od|med)\s+)?(?:(?:v|na|do|ta|to|tale|tole)\s+)?"
    rf"(?P<wd1>{_WD})\s+(?:ali|oz\.?|oziroma|do|in)\s+(?:(?:v|na)\s+)?(?P<wd2>{_WD})"
)
def _weekday_window(match: re.Match[str]) -> When | None:
    """«od ponedeljka do srede», «v ponedeljek ali torek»: the later day."""
    first, second = _WEEKDAYS[match.group("wd1")], _WEEKDAYS[match.group("wd2")]
    return When(weekday=max(first, second)) if first != second else None


_NEXT = r"(?:naslednj|prihodnj)\w*"


@_pattern(
    r"(?<!\bod )(?<!\bpo )(?:(?:najkasneje|najpozneje|se)\s+)?(?:(?:v|na|do|ta|to|tale|tole)\s+)?"
    rf"(?:(?P<next>{_NEXT})\s+)?(?P<wd>{_WD})"
    rf"(?:,?\s+(?:(?P<next2>{_NEXT}|drugi)\s+teden|v\s+(?P<next3>{_NEXT})\s+tednu|(?P<this>ta\s+teden|v\s+tem\s+tednu)))?"
)
def _weekday(match: re.Match[str]) -> When:
    """«v sredo», «do petka», «naslednji torek», «v torek naslednji teden»."""
    nxt = bool(match.group("next") or match.group("next2") or match.group("next3"))
    return When(weekday=_WEEKDAYS[match.group("wd")], next_week=nxt)


@_pattern(rf"(?:(?:v|na)\s+)?(?P<next>{_NEXT})\s+teden\s+(?:v|na)\s+(?P<wd>{_WD})")
def _next_week_weekday(match: re.Match[str]) -> When:
    """«naslednji teden v sredo»."""
    return When(weekday=_WEEKDAYS[match.group("wd")], next_week=True)


# periods
_PERIOD_WORDS: dict[str, Period] = {
    "dneva": "day", "dne": "day", "tedna": "week", "meseca": "month", "leta": "year", "vikenda": "week",
}  # fmt: skip


@_pattern(
    _LATEST + r"(?:do|pred|ob|na|proti)\s+(?:konc(?:a|u|em)|koncu)\s+(?:(?P<which>tega|naslednjega|prihodnjega|"
    r"letosnjega)\s+)?(?:(?P<work>delovnega)\s+)?(?P<period>dneva|dne|tedna|meseca|leta)(?!\w)"
)
def _end_of_period(match: re.Match[str]) -> When:
    """«do konca tedna» Sunday, «do konca meseca», «do konca naslednjega tedna», «do konca dneva»."""
    offset = 1 if match.group("which") in ("naslednjega", "prihodnjega") else 0
    return When(period_end=(_PERIOD_WORDS[match.group("period")], offset))


@_pattern(
    r"(?:(?:se|vse)\s+)?(?:(?P<this>ta|to|v\s+tem|v\s+tej|tekom\s+tega|ta\s+konec)|(?P<next>naslednji|naslednje|prihodnji|prihodnje|"
    r"v\s+naslednjem|v\s+prihodnjem|drugi|tekom\s+naslednjega))\s+"
    r"(?P<period>teden|tednu|tedna|mesec|mesecu|meseca|vikend|vikendu|leto|letu|leta)(?!\w)(?!\s+dni)"
)
def _this_or_next_period(match: re.Match[str]) -> When | None:
    """«ta teden», «naslednji teden», «v prihodnjem mesecu», «ta vikend» (as the week's end)."""
    word = match.group("period")
    period: Period = "week" if word.startswith(("ted", "vik")) else "month" if word.startswith("mes") else "year"
    if match.group("this") in ("ta konec",) and period != "week":
        return None
    if match.group("next") == "drugi" and period != "week":
        return None
    return When(period_end=(period, 1 if match.group("next") else 0))


@_pattern(
    r"(?:(?:v|na)\s+zacetku|sredi|v\s+sredini)\s+(?P<next>naslednjega|prihodnjega)\s+(?P<period>tedna|meseca)(?!\w)"
)
def _early_next_period(match: re.Match[str]) -> When:
    """«v začetku naslednjega tedna»: within next week at the latest."""
    return When(period_end=("week" if match.group("period") == "tedna" else "month", 1))


@_pattern(r"(?:do|pred)\s+(?:zacetkom|zacetka)\s+(?:naslednjega|prihodnjega)\s+(?P<period>tedna|meseca)(?!\w)")
def _before_next_period(match: re.Match[str]) -> When:
    """«do začetka naslednjega tedna»: by the end of this one."""
    return When(period_end=("week" if match.group("period") == "tedna" else "month", 0))


@_pattern(r"(?:(?:se|vse)\s+)?letos(?!\w)")
def _this_year(match: re.Match[str]) -> When:
    return When(period_end=("year", 0))


@_pattern(
    r"(?:(?:se|vse)\s+)?(?:(?:ta|cez|med|za|v)\s+)?(?:vikend(?:om|u)?|(?:ta\s+)?konec\s+tedna)(?!\w)|do\s+vikenda(?!\w)"
)
def _weekend(match: re.Match[str]) -> When:
    """«do vikenda» by Friday's end; «ta vikend», «čez vikend» by Sunday's."""
    if match.group(0).startswith("do"):
        return When(weekday=5)
    return When(period_end=("week", 0))


# named months
@_pattern(
    r"(?:(?P<end>(?:do|pred|ob|na|proti)\s+(?:koncem|konca|koncu)|konec|sredi|v\s+sredini|(?:v|na)\s+zacetku|"
    r"v\s+prvi\s+polovici|v\s+drugi\s+polovici)\s+|(?P<do>do|pred)\s+|(?P<v>v|meseca)\s+)?"
    rf"(?P<mon>{_MONTH})(?:\s+(?:(?:19|20)\d\d)(?!\d))?"
)
def _named_month(match: re.Match[str]) -> When | None:
    """«decembra», «v decembru», «do konca decembra» (its last day); «do decembra» by the end
    of November. «maja», «marca», «julija» alone are names too, so they need a preposition."""
    word = match.group("mon")
    if word.endswith("."):
        return None  # «dec.», «jan.»: abbreviations only in dates
    month = _month_of(word)
    if not (match.group("end") or match.group("do") or match.group("v")) and not re.fullmatch(_MONTH_ALONE, word):
        return None
    if match.group("do"):
        month = month - 1 or 12
    return When(month=month)


# ---------------------------------------------------------------- putting pieces together

# What each pattern needs to find in the text at all: one pass over the text names the kinds
# of time words present, and only the patterns that can match run (most replies have few).
_KEYS = re.compile(
    r"(?P<digit>\d)"
    r"|(?P<unit>(?<!\w)(?:ur[aeio]?|urah|uram|urami|h|min)(?!\w)|minut|(?<!\w)dan(?!\w)|dnev|(?<!\w)dn[ie]|tedn|teden"
    r"|mesec|delovn)"
    r"|(?P<relday>danes|jutri|pojutri|vceraj)"
    r"|(?P<night>nocoj|drevi)"
    r"|(?P<pod>zjutraj|dopold|popold|zvecer|ponoc|opold|poldn|vecer|jutranj)"
    r"|(?P<hourword>(?:ih|eh)(?!\w))"
    r"|(?P<weekday>ponedelj|pondelj|torek|tork|sred[aoe]|cetrt|petek|petk|sobot|nedelj)"
    r"|(?P<month>januar|februar|marc|marec|april|(?<!\w)maj|junij|julij|avgust|septemb|oktob|novemb|decemb"
    r"|(?<!\w)(?:jan|feb|mar|apr|jun|jul|avg|sep|okt|nov|dec)\.)"
    r"|(?P<holiday>bozic|silvest|stefan|samostojn|miklav|presern|kulturn|valentin|praznik|drzavnost|smarn|smaren"
    r"|vnebovz|reformac|mrtv|(?<!\w)vs\w*\s+svet|upora|(?<!\w)prv\w*\s+maj|(?<!\w)nov\w*\s+let)"
    r"|(?P<period>(?<!\w)(?:ta|to|naslednj|prihodnj|drugi|tem)\w*\s+(?:teden|tedn|mesec|vikend|let)|konc|konec"
    r"|letos|vikend|zacet|sredi)"
    r"|(?P<pol>(?<!\w)(?:pol|polovici|cetrt|poldrugo)(?!\w)|uro\s+in\s+pol)"
)
_NEEDS: dict[str, tuple[str, ...]] = {
    "_within": ("unit",), "_teden_dni": ("unit",), "_half_hour": ("pol",), "_cez_unit": ("unit",),
    "_relative_day": ("relday",), "_tonight": ("night",), "_part_of_day": ("pod",),
    "_part_of_day_phrase": ("pod",), "_by_noon": ("pod",), "_clock_window": ("digit",),
    "_prepositioned_clock": ("digit",), "_spoken_clock": ("digit", "hourword"), "_bare_clock": ("digit",),
    "_named_date": ("month",), "_numeric_date": ("digit",), "_compact_date": ("digit",), "_iso_date": ("digit",),
    "_holiday": ("holiday",), "_weekday_window": ("weekday",), "_weekday": ("weekday",),
    "_next_week_weekday": ("weekday",), "_end_of_period": ("period",), "_this_or_next_period": ("period",),
    "_early_next_period": ("period",), "_before_next_period": ("period",), "_this_year": ("period",),
    "_weekend": ("period",), "_named_month": ("month",),
}  # fmt: skip
_JOIN_GAP = re.compile(r"[\s,]*")
_WORD = re.compile(r"\w+|[^\w\s]")
_FIELDS = ("date", "days_ahead", "weekday", "month", "period_end", "within", "earliest", "latest")


def _fields(when: When) -> set[str]:
    found = {name for name in _FIELDS if getattr(when, name) is not None}
    if when.earliest is not None or when.latest is not None:
        found.add("clock")
    return found


@lru_cache(maxsize=8192)
def _word_keys(lower: str) -> frozenset[str | None]:
    """The kinds of time words one word may start («ta» + «teden» are read word by word: the
    multi-word keys then come from their single words, a looser but still cheap gate)."""
    folded = fold(lower)
    found = {match.lastgroup for match in _KEYS.finditer(folded)}
    found |= {name for name, words in _WORD_KEYS.items() if folded in words or folded.startswith(words)}
    return frozenset(found)


_WORD_KEYS: dict[str, tuple[str, ...]] = {
    "period": ("teden", "tedn", "mesec", "vikend", "let", "konc", "konec", "zacet", "sredi", "letos"),
    "holiday": ("let", "maj", "svet", "dan", "dne"),
}


Windows = dict[str | None, list[tuple[int, int]]]
_BEFORE, _AFTER = 8, 5  # words a pattern may run before its key word («najkasneje v roku največ 3 do 5 …») and after


def _windows(words: list[tuple[int, int, frozenset[str | None]]], length: int) -> Windows:
    """For each kind of key word, the stretches of text around its occurrences where a
    pattern needing it can match: a pattern scans those, not the whole reply."""
    found: Windows = {}
    for at, (_, _, keys) in enumerate(words):
        if not keys:
            continue
        low = words[max(0, at - _BEFORE)][0]
        high = words[at + _AFTER][1] if at + _AFTER < len(words) else length
        for key in keys:
            spans = found.setdefault(key, [])
            if spans and low <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], high))
            else:
                spans.append((low, high))
    return found


# What a pattern's match must contain, as a looser regex (its lookarounds, if any, are the
# pattern's own at the same place): a window that lacks it is skipped unscanned, since the gate
# costs a fraction of the pattern and most windows lack it.
_GATES: dict[str, str] = {
    "_within": r"(?:v|roku|najvec|do|naslednjih|prihodnjih|kot|cez|tekom|znotraj|casu|obdobju)\s+" + _NUM,
    "_teden_dni": r"(?:teden|tedna|tednu|mesec|meseca|mesecu)\s+dni",
    "_cez_unit": r"cez\s+(?:uro|teden|mesec)",
    "_spoken_clock": r"(?:ob|okoli|okrog|do|pred|po)\s+(?:pol\s+)?(?:\d|" + "|".join(_HOUR_WORDS) + ")",
    "_holiday": r"(?:na|za|do|pred|ob)\s+(?:" + "|".join(pattern for pattern, _ in _HOLIDAYS) + ")",
    "_weekday_window": r"(?:ali|oz|oziroma|do|in)\.?\s+(?:(?:v|na)\s+)?(?:" + "|".join(_WEEKDAYS) + ")",
    "_next_week_weekday": r"(?:naslednj|prihodnj)\w*\s+teden\s+(?:v|na)\s+",
    "_named_date": r"\d\.?\s*(?:jan|feb|mar|apr|maj|jun|jul|avg|sep|okt|nov|dec)",
}
# The number of a clock or a date ends where its run of digits ends, and what follows the run
# says which digit patterns can match at all: one scan of the digit windows instead of one per
# pattern. Only runs followed by one of these are matched (a price or an order number is not).
_DIGIT_FACT: dict[str, str] = {
    "_bare_clock": r":[0-5]\d",
    "_numeric_date": r"\.\s?\d",
    "_compact_date": r"\.\d",
    "_iso_date": r"-[01]\d-[0-3]\d",
    "_prepositioned_clock": r"[:.][0-5]\d|\.?\s*ur[aeio]|\s?h|-?ih",
    "_clock_window": r"(?:[:.][0-5]\d)?\.?\s*(?:h|-?ih|ur[aeio])?\s*(?:-|–|—|do|in)\s*\d",
}
_DIGIT_FACTS = re.compile(  # the last digit of a run (every fact starts with a non-digit): no backtracking
    r"\d(?=" + "|".join(_DIGIT_FACT.values()) + ")" + "".join(f"(?=(?P<{n}>{p})?)" for n, p in _DIGIT_FACT.items())
)
# each pattern with the keys it needs, its gate, and whether a digit fact must be present
_RUNS: list[tuple[re.Pattern[str], Reader, tuple[str, ...], re.Pattern[str] | None, bool]] = [
    (
        pattern,
        reader,
        _NEEDS[reader.__name__],
        re.compile(_GATES[reader.__name__]) if reader.__name__ in _GATES else None,
        reader.__name__ in _DIGIT_FACT,
    )
    for pattern, reader in _PATTERNS
]


def _digit_facts(folded: str, spans: list[tuple[int, int]]) -> set[str]:
    """The digit patterns that the runs of digits in `spans` (where those patterns scan) leave possible."""
    return {
        name
        for low, high in spans
        for match in _DIGIT_FACTS.finditer(folded, low, high)
        for name, seen in match.groupdict().items()
        if seen
    }


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for low, high in sorted(spans):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _pieces(folded: str, windows: Windows) -> Iterator[Piece]:
    merged_for: dict[tuple[str, ...], list[tuple[int, int]]] = {}  # patterns share key sets
    facts: set[str] | None = None
    for pattern, reader, needs, gate, digits in _RUNS:
        if windows.keys().isdisjoint(needs):
            continue
        if digits:
            if facts is None:
                facts = _digit_facts(folded, windows.get("digit", []))
            if reader.__name__ not in facts:
                continue
        merged = merged_for.get(needs)
        if merged is None:
            merged = merged_for[needs] = _merge([span for key in needs for span in windows.get(key, ())])
        for low, high in merged:
            if gate is not None and gate.search(folded, low, high) is None:
                continue
            for match in pattern.finditer(folded, low, high):
                when = reader(match)
                if when is not None:
                    start, end = match.span()
                    while end > start and folded[end - 1] in " \t\n,":
                        end -= 1
                    yield start, end, when


def _choose(pieces: list[Piece]) -> list[Piece]:
    """The longest pieces that do not overlap, in text order."""
    chosen: list[Piece] = []
    for piece in sorted(pieces, key=lambda p: (-(p[1] - p[0]), p[0])):
        if all(piece[1] <= other[0] or piece[0] >= other[1] for other in chosen):
            chosen.append(piece)
    return sorted(chosen)


def _fit(first: When, second: When) -> bool:
    """A day and a clock («jutri» + «do 12. ure»), or a weekday or relative day and a date
    («v petek, 15. 12.») describe one moment; anything else side by side may be a list."""
    one, two = _fields(first), _fields(second)
    if one & two:
        return False
    clock = {"clock", "earliest", "latest"}
    if (one <= clock) != (two <= clock):
        return True
    days = {"date", "weekday", "days_ahead"}
    return one <= days and two <= days


def _merged(first: When, second: When) -> When:
    """Each field from whichever sets it (`When.joined` would drop «danes»: days_ahead 0)."""
    return When(
        **{name: getattr(first, name) if name in _fields(first) else getattr(second, name) for name in _FIELDS},
        next_week=first.next_week or second.next_week,
    )


def _join(pieces: list[Piece], folded: str) -> list[Piece]:
    """Touching pieces that say different things are one time: «jutri» + «do 12. ure»."""
    joined: list[Piece] = []
    for start, end, when in pieces:
        if joined:
            last_start, last_end, last = joined[-1]
            if _JOIN_GAP.fullmatch(folded, last_end, start) and _fit(last, when):
                joined[-1] = (last_start, end, _merged(last, when))
                continue
        joined.append((start, end, when))
    return joined


def find_times(analysis: object) -> list[TimeSpan]:
    """Every time expression of the text, in text order (see the module docstring)."""
    memo: dict[str, object] | None = getattr(analysis, "memo", None)
    if memo is not None and "sl.times" in memo:
        return list(memo["sl.times"])  # type: ignore[call-overload]
    text: str = analysis.text  # type: ignore[attr-defined]
    tokens = getattr(analysis, "tokens", None)
    if tokens is None:  # a bare text: its words by a regex
        words = [(m.start(), m.end(), _word_keys(m.group().lower())) for m in _WORD.finditer(text)]
    else:
        words = [(t.start, t.end, _word_keys(t.lower)) for t in tokens if not t.is_space]
    windows = _windows(words, len(text))
    if not windows:  # no digit and no time word: done
        if memo is not None:
            memo["sl.times"] = []
        return []
    folded = fold(text)
    found = [TimeSpan(start, end, when) for start, end, when in _join(_choose(list(_pieces(folded, windows))), folded)]
    if memo is not None:
        memo["sl.times"] = found
    return list(found)


def times_in(text: str) -> list[TimeSpan]:
    """`find_times` on a plain string (tests, tools)."""

    class _Text:
        def __init__(self, value: str) -> None:
            self.text = value

    return find_times(_Text(text))


# ---------------------------------------------------------------- saying a day and a deadline

_WEEKDAY_ACC = ("ponedeljek", "torek", "sredo", "četrtek", "petek", "soboto", "nedeljo")
_MONTH_GEN = (
    "januarja", "februarja", "marca", "aprila", "maja", "junija",
    "julija", "avgusta", "septembra", "oktobra", "novembra", "decembra",
)  # fmt: skip


def day_phrase(day: dt.date, today: dt.date) -> str:
    """«včeraj», «danes», «v ponedeljek» within the last week, else «5. decembra» (with the
    year when it is another year's)."""
    ago = (today - day).days
    if ago == 0:
        return "danes"
    if ago == 1:
        return "včeraj"
    if 1 < ago < 7:
        return f"v {_WEEKDAY_ACC[day.weekday()]}"
    date = f"{day.day}. {_MONTH_GEN[day.month - 1]}"
    return date if day.year == today.year else f"{date} {day.year}"


def _clock_phrase(moment: dt.datetime) -> str:
    """«do 18. ure», «do 18.30»; the end of the day is «do konca dneva»."""
    if (moment.hour, moment.minute) >= (23, 59):
        return "do konca dneva"
    if moment.minute == 0:
        return f"do {moment.hour}. ure"
    return f"do {moment.hour}.{moment.minute:02d}"


def deadline_phrase(deadline: dt.datetime, now: dt.datetime) -> str:
    """«danes do 18. ure», «jutri do 12. ure», «v ponedeljek do 18. ure» (within a week),
    else «5. decembra do 18. ure»: lowercase, to stand inside a sentence."""
    return f"{_day_words(deadline, now)} {_clock_phrase(deadline)}"


def _day_words(moment: dt.datetime, now: dt.datetime) -> str:
    """The day of `moment` seen from `now`: «danes», «jutri», «pojutrišnjem», «v petek»
    within a week, else a date («5. decembra», with the year when it is another)."""
    if moment.tzinfo is not None and now.tzinfo is not None:
        now = now.astimezone(moment.tzinfo)
    ahead = (moment.date() - now.date()).days
    if 0 <= ahead <= 2:
        return ("danes", "jutri", "pojutrišnjem")[ahead]
    if 2 < ahead < 7:
        return f"v {_WEEKDAY_ACC[moment.weekday()]}"
    day = f"{moment.day}. {_MONTH_GEN[moment.month - 1]}"
    return day + f" {moment.year}" if moment.year != now.year else day


def from_phrase(start: dt.datetime, now: dt.datetime) -> str:
    """When the company is back, lowercase, for «Odgovorili vam bomo …»: «danes po 8. uri»,
    «jutri po 8. uri», «v ponedeljek po 8. uri», «5. januarja po 9.30» (the day as
    `deadline_phrase` says it; the hour as Slovenes write it)."""
    day = _day_words(start, now)
    if start.minute == 0:
        clock = "po polnoči" if start.hour == 0 else f"po {start.hour}. uri"
    else:
        clock = f"po {start.hour}.{start.minute:02d}"
    return f"{day} {clock}"
