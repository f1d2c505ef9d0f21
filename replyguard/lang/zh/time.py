"""Chinese time expressions: 明天下午两点半, 下周二, 12月15日前, 三个工作日内, 月底前 → `When`.

Chinese writes a time as a chain of parts with no spaces: a day (明天, 周五, 12月15号), a
part of the day (下午), a clock time (3点半, 15:00), and a relation word after it (前, 以后,
之内). The grammar finds the parts with one regex over the folded (Simplified, ASCII-digit)
text and joins the parts that touch into one expression, so 明天下午3点前 is one span with
one meaning. Durations (48小时内, 3-5个工作日) and periods (本周内, 月底前, 下周) are parts
of their own. Chinese numerals (两点, 三个工作日) go through cn2an on the numeral alone.

Readings, where the language leaves a choice:
- a clock hour of 1–6 with no part of the day (3点前, 5:00) is the afternoon: replies speak
  of business hours; 7–12 is the morning; 上午/早上/凌晨 keep it, 下午/晚上 add 12;
- 上午 ends at 12:00, 中午 is 11:00–13:00, 下午 12:00–18:00, 傍晚 17:00–19:00, 晚上 from
  18:00; «X前» with a part of the day (中午前, 下午以后) pivots on its start;
- 下班前 (before the end of the working day) names the day but no clock: the company's hours
  are the policy's, so the deadline is the end of that day;
- «X前» after a day (周五前, 12月15日前) means by the end of that day, as «до пятницы»; after
  a period it is the end of the period before (下周前 = by the end of this week), except for
  the ends of periods themselves (月底前, 周末前);
- 两三天 / 三五个工作日 (two or three) take the upper number;
- a bare number of days is a time only when it reads as one: with 内/以后/左右, as a range,
  in working days, after 预计/需要/大约…, or right before 发货/到账/送达…: 7天无理由退货,
  保修一年 and 24小时在线 are not deadlines.
Left out: 15号 alone (the day of this or next month: a `When` has no such field; 本月15号
gives the end of the month), 年前 (before the Spring Festival: vague), 上周五 and other past
weekdays, 下下周, 几天/过几天 (vague, for the vague-promise rule).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from replyguard.when import Clock, Period, TimeSpan, Unit, When

if TYPE_CHECKING:
    from replyguard.lang.base import Analysis

# a cheap look before the real scan: a reply without any of these has no time in it
_PREFILTER = re.compile(r"[0-9今明后昨周星礼拜月点时午晚早晨天日钟内前底末旬当次隔半凌傍夜年班诞旦庆双五节]")

_CN = "零〇一二两俩三四五六七八九十"
_CN_DIGITS = "一二三四五六七八九"
_NUM = rf"(?:\d{{1,3}}(?:\.\d)?|[{_CN}百]{{1,4}}|半)"
_CONN = r"(?:-|~|～|–|—|－|到|至|一直到)"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"

_UNIT = r"(?:分钟|分鐘|个?小时|个?钟头|个?钟(?!点)|个?工作日|个?工作天|个?星期|个?礼拜|个?周|个月|天|日|年)"

_PARTS = (
    "(?:凌晨|清晨|早上|早晨|上午|中午|午后|下午|傍晚|晚上|晚间|夜里|夜间|深夜|半夜|午夜|白天)(?!好)"  # not 下午好
    # bare 早/晚 only right before a clock (早8点, 晚八点), never 晚一点 (a bit later)
    r"|早(?=\s*(?:\d{1,2}\s*[点:：]|(?!一点)[二两三四五六七八九十]{1,3}点))"
    r"|晚(?=\s*(?:\d{1,2}\s*[点:：]|(?!一点)[二两三四五六七八九十]{1,3}点))"
)

# every part starts with one of these: the scan skips other characters at once
_FIRST = (
    "0-9零〇一二两俩三四五六七八九十百半今明后大昨次隔第翌当前下本这周星礼月年上中午凌清早傍晚夜深白圣平元国双情劳五儿"
)
_FIRST += "至到~～\\-–—－以之为左起开内"
_ATOMS = re.compile(
    f"(?=[{_FIRST}])(?:"
    + "|".join(
        (
            # 3-5个工作日, 三个工作日内, 48小时内, 半小时内, 两三天, 一个半小时, 3天到5天
            rf"(?<![\d.第每前近这那头几最])(?P<dur>(?P<a1>{_NUM})\s*(?:个\s*)?(?:(?P<u1>{_UNIT})\s*)?"
            rf"(?:{_CONN}\s*(?P<a2>{_NUM})\s*(?:个\s*)?)?(?P<half>半)?\s*(?P<unit>{_UNIT})(?:\s*(?P<dsuf>之内|以内|内|以后|之后|后(?!天)|左右|上下))?)",
            # 2026年12月15日, 2026-12-15, 2026/12/15
            r"(?<![\d.])(?P<ymd>(?P<y>20\d\d)\s*(?:年\s*(?P<ym>\d{1,2})\s*月\s*(?P<yd>\d{1,2})\s*[日号]?"
            r"|[-/.](?P<ym2>\d{1,2})[-/.](?P<yd2>\d{1,2})(?!\d)))",
            # 12月15日, 12月15号, 十二月十五日, 12月15日至20日
            rf"(?<![\d.第每上个])(?P<md>(?P<m>{_MONTH})\s*月\s*(?P<d>{_DAY})(?:\s*[日号]|(?=[^\d{_CN}号日]|$))"
            rf"(?:\s*{_CONN}\s*(?:(?P<m2>{_MONTH})\s*月\s*)?(?P<d2>{_DAY})\s*[日号])?)",
            # 12.15, 12/15 (not ¥12.15, 12.15元, 3.5折, 4.8分, 1.5小时, 24/7)
            r"(?<![\d.¥￥$€A-Za-z/:])(?P<num>(?P<nm>1[0-2]|0?[1-9])[./](?P<nd>3[01]|[12]\d|0?[1-9]))"
            r"(?![\d%.％/]|\s*(?:元|块|米|公斤|斤|克|折|倍|寸|版|分|个|天|小时|g|G|k|K|m|M|L|l))",
            # 12月份, 12月底, 十二月, 12月中旬 (a named month)
            rf"(?<![\d.第每个上])(?P<mon>(?:20\d\d\s*年\s*)?(?P<mn>{_MONTH})\s*月\s*(?P<mp>份|底|末|中旬|上旬|下旬|初)?"
            rf"(?:\s*(?P<msuf>之前|以前|前(?![往来去])|之内|以内|内))?)(?![\d{_CN}号日个])",
            # 下周二, 本周五, 星期天, 礼拜三 (not 一周三次, 每周三, 上周五)
            rf"(?<![{_CN}\d每个上下几])(?P<wk>(?P<wp>下个|下一个|下一|下|本|这个|这一|这|今)?\s*(?:周|星期|礼拜)\s*(?P<wd>[一二三四五六日天]|[1-7](?!\d)))(?![{_CN}])",
            # 本周内, 下周, 月底前, 下个月, 年底
            r"(?<![上每几个])(?P<per>(?P<pw>本周末|这周末|这个周末|周末|下周末|下个周末|本周|这周|这个星期|这星期|本星期|这礼拜"
            r"|这个礼拜|本礼拜|这一周|下周|下星期|下礼拜|下个星期|下个礼拜|下一周|下个周|本月底|本月末|这个月底|这月底|月底|月末"
            r"|本月|这个月|这月|当月|下个月底|下月底|下个月末|下月末|下个月|下月|年底|年末|今年底|今年内|今年|本年度|明年底|明年|年内)"
            r"(?:\s*(?P<psuf>之前|以前|前(?![往来去])|之内|以内|内|为止))?)",
            # 今天, 明天, 后天, 今晚, 明早, 当天, 次日 (大后天 before 后天)
            r"(?P<rel>大后天|今明两天|今明天|后天|明天|明日|明儿|次日|隔天|第二天|翌日|今天|今日|今儿|当天|当日|昨天|昨日|前天"
            r"|今晚|今夜|明晚|昨晚|今早|今晨|明早|明晨)",
            # 今天下班前: the day's close, whose hour is the company's
            r"(?P<eow>下班(?:之前|以前|前))",
            # 圣诞节前, 双十一, 元旦: festivals on fixed dates (春节 and 中秋 follow the moon: left out)
            r"(?P<fest>圣诞节|圣诞|平安夜|元旦|国庆节|国庆|双十一|双11|双十二|双12|情人节|劳动节|五一|儿童节)",
            rf"(?P<part>{_PARTS})",
            # 10-12点, 十到十二点: a window with one 点
            rf"(?<![\d.:：])(?P<cwin>(?P<w1>\d{{1,2}}|[{_CN}]{{1,3}})\s*{_CONN}\s*(?P<w2>\d{{1,2}}|[{_CN}]{{1,3}})\s*(?:点钟|点))",
            # 15:00, 9:30
            r"(?<![\d:：.])(?P<hm>(?P<hh>[01]?\d|2[0-4])\s*[:：]\s*(?P<mm>[0-5]\d))(?![\d:：])",
            # 两点半, 3点15分, 三点一刻, 15时30分, 十点零五分
            rf"(?<![\d.])(?P<clk>(?P<h>\d{{1,2}}|[{_CN}]{{1,3}})\s*(?P<hu>点钟|点|时)"
            rf"(?:\s*(?P<min>半|[13一三]刻|(?:零|过)?\d{{1,2}}\s*分?(?!\s*(?:钟|之|以|个|天|小时))|(?:零|过)?[一二三四五]?十[一二三四五六七八九]?\s*分?|零?[{_CN_DIGITS}]\s*分|整))?"
            r"(?!\s*(?:建议|意见|原因|问题|要求|内容|事项|注意|说明|不足|需要)))",
            rf"(?P<conn>{_CONN})",
            r"(?P<after>以后|之后|后(?![天续台面期端来])|起|开始)",
            r"(?P<before>之前|以前|前(?![后往来去天台面期端])|为止|之内|以内|内(?![容部存心外地侧置]))",
            r"(?P<about>左右|前后|上下|之间)",
        )
    )
    + ")"
)

_FESTIVALS = {
    "圣诞节": (12, 25), "圣诞": (12, 25), "平安夜": (12, 24), "元旦": (1, 1), "国庆节": (10, 1), "国庆": (10, 1),
    "双十一": (11, 11), "双11": (11, 11), "双十二": (12, 12), "双12": (12, 12), "情人节": (2, 14), "劳动节": (5, 1),
    "五一": (5, 1), "儿童节": (6, 1),
}  # fmt: skip
_WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
_REL_DAYS = {
    "大后天": 3, "后天": 2, "今明两天": 1, "今明天": 1, "明天": 1, "明日": 1, "明儿": 1, "次日": 1, "隔天": 1,
    "第二天": 1, "翌日": 1, "今天": 0, "今日": 0, "今儿": 0, "当天": 0, "当日": 0, "昨天": -1, "昨日": -1,
    "前天": -2, "今晚": 0, "今夜": 0, "明晚": 1, "昨晚": -1, "今早": 0, "今晨": 0, "明早": 1, "明晨": 1,
}  # fmt: skip
# days counted from an event when one is named right before them (到货当天, 签收次日)
_EVENT_RELATIVE = frozenset(("当天", "当日", "次日", "第二天", "隔天", "翌日"))
_BEFORE_PLAIN = frozenset("在于的是就会将即可也都")


def _after_event(char: str) -> bool:
    """A character that ends an event word (复工, 签收), not a particle or a time."""
    return "\u4e00" <= char <= "\u9fff" and char not in _BEFORE_PLAIN and char not in "天日号周晚早"


_NOT_MONDAY = frozenset("定直起样切般些旦共律致同")
_REL_PARTS = dict.fromkeys(("今晚", "今夜", "明晚", "昨晚"), "晚上") | dict.fromkeys(
    ("今早", "今晨", "明早", "明晨"), "早上"
)
_NIGHT = frozenset(("晚上", "晚间", "夜里", "夜间", "深夜", "半夜", "午夜", "晚"))
_EVENING = _NIGHT | {"下午", "午后", "傍晚"}
# (earliest, latest) of a part of the day, and the clock «X前 / X以后» pivots on
_PART_BOUNDS: dict[str, tuple[Clock | None, Clock | None]] = {
    "凌晨": (None, Clock(6)),
    "清晨": (None, Clock(9)),
    "早上": (None, Clock(12)),
    "早晨": (None, Clock(12)),
    "早": (None, Clock(12)),
    "上午": (None, Clock(12)),
    "中午": (Clock(11), Clock(13)),
    "午后": (Clock(12), Clock(18)),
    "下午": (Clock(12), Clock(18)),
    "傍晚": (Clock(17), Clock(19)),
    "白天": (None, Clock(18)),
    **dict.fromkeys(("晚上", "晚间", "夜里", "夜间", "晚"), (Clock(18), None)),
    **dict.fromkeys(("深夜", "半夜", "午夜"), (Clock(22), None)),
}
_PIVOT = {"中午": Clock(12), "午后": Clock(12), "下午": Clock(12), "傍晚": Clock(17)} | dict.fromkeys(
    ("晚上", "晚间", "夜里", "夜间", "晚"), Clock(18)
)
_PERIOD_WORDS: tuple[tuple[str, Period, int], ...] = (
    ("本周末 这周末 这个周末 周末 本周 这周 这个星期 这星期 本星期 这礼拜 这个礼拜 本礼拜 这一周", "week", 0),
    ("下周末 下个周末 下周 下星期 下礼拜 下个星期 下个礼拜 下一周 下个周", "week", 1),
    ("本月底 本月末 这个月底 这月底 月底 月末 本月 这个月 这月 当月", "month", 0),
    ("下个月底 下月底 下个月末 下月末 下个月 下月", "month", 1),
    ("年底 年末 今年底 今年内 今年 本年度 年内", "year", 0),
    ("明年底 明年", "year", 1),
)
_PERIODS: dict[str, tuple[Period, int]] = {
    word: (period, offset) for words, period, offset in _PERIOD_WORDS for word in words.split()
}
# the ends of periods: «月底前» is by the month's end, not before the month
_PERIOD_ENDS = frozenset(word for word in _PERIODS if word.endswith(("底", "末")))
_UNITS: dict[str, Unit] = {
    "分钟": "minute", "分鐘": "minute", "小时": "hour", "钟头": "hour", "钟": "hour", "工作日": "working_day",
    "工作天": "working_day", "星期": "week", "礼拜": "week", "周": "week", "月": "month", "天": "day", "日": "day",
}  # fmt: skip
# a bare duration (no 内/以后) is a time after these words or before these verbs
_LEADS: tuple[str, ...] = ("预计", "需要", "需", "大约", "大概", "约", "估计", "一般", "通常", "最多", "最晚")
_LEADS += ("最迟", "最快", "在", "于", "要")
_FOLLOWS = re.compile(
    r"\s*(?:就|即可|可|会|能)?\s*(?:发货|发出|寄出|到货|到账|送达|送到|到达|回复|答复|处理|完成|退回|退还"
    r"|上门|联系|审核|出结果|办好|修好|到(?![底处时]))"
)
# 一点 after these is «a little» (快一点, 晚一点), not one o'clock
_A_LITTLE = frozenset("早快晚多少慢好大小高低有差再稍重轻长短远近些")
_NO_DURATION_AFTER = ("无理由", "价保", "保价", "试用", "包退", "包换", "质保", "保修")


@dataclass(frozen=True, slots=True)
class _Atom:
    kind: str  # day, part, clock, conn, before, after, about, eow, whole
    start: int
    end: int
    when: When | None = None
    part: str | None = None
    clocks: tuple[tuple[int, int, bool], ...] = ()  # (hour, minute, strong)


def find_times(analysis: Analysis) -> list[TimeSpan]:
    """Every time expression of the folded text, in text order (see the module docstring)."""
    text = analysis.text
    if not _PREFILTER.search(text):
        return []
    found = analysis.memo.get(_MEMO)
    if found is None:
        found = analysis.memo[_MEMO] = _find(text)
    return list(found)


_MEMO = "zh.times"  # the grammar runs once per reply: for the caller and for the promise verbs


def _find(text: str) -> list[TimeSpan]:
    atoms = [atom for hit in _ATOMS.finditer(text) if (atom := _atom(hit, text)) is not None]
    spans: list[TimeSpan] = []
    run: list[_Atom] = []
    for atom in atoms:
        if run and (atom.kind == "whole" or run[-1].kind == "whole" or not _touches(text, run[-1].end, atom.start)):
            spans.extend(_close(run))
            run = []
        if not run and atom.kind in ("conn", "before", "after", "about"):
            continue
        run.append(atom)
        if atom.kind in ("before", "after", "about", "eow"):
            spans.extend(_close(run))
            run = []
    spans.extend(_close(run))
    return spans


def _touches(text: str, end: int, start: int) -> bool:
    return start >= end and not text[end:start].strip()


def _atom(hit: re.Match[str], text: str) -> _Atom | None:
    """One part of a time expression, read from the regex hit."""
    group = hit.lastgroup
    start, end = hit.span()
    if group == "dur":
        return _duration(hit, text)
    if group == "ymd":
        year = int(hit["y"])
        month, day = (int(hit["ym"]), int(hit["yd"])) if hit["ym"] else (int(hit["ym2"]), int(hit["yd2"]))
        return _date_atom(start, end, year, month, day)
    if group == "md":
        named_month = _number(hit["m2"] or hit["m"])  # 12月15日至20日: the window's end
        named_day = _number(hit["d2"] or hit["d"])
        if named_month is None or named_day is None:
            return None
        return _date_atom(start, end, None, int(named_month), int(named_day))
    if group == "num":
        return _date_atom(start, end, None, int(hit["nm"]), int(hit["nd"]))
    if group == "mon":
        return _month(hit)
    if group == "wk":
        prefix = (hit["wp"] or "").strip()
        if hit["wd"] == "一" and text[end : end + 1] in _NOT_MONDAY:  # 下周一定 is «next week, surely»
            return _Atom("whole", start, end - 1, When(period_end=("week", 1))) if prefix.startswith("下") else None
        weekday = _WEEKDAYS.get(hit["wd"]) or int(hit["wd"])
        return _Atom("day", start, end, When(weekday=weekday, next_week=prefix.startswith("下")))
    if group == "per":
        return _period(hit)
    if group == "rel":
        word = hit["rel"]
        if word in _EVENT_RELATIVE and start > 0 and _after_event(text[start - 1]):
            return None  # 复工当天, 签收次日: the day of an event, not of today
        return _Atom("day", start, end, When(days_ahead=_REL_DAYS[word]), part=_REL_PARTS.get(word))
    if group == "fest":
        month, day = _FESTIVALS[hit["fest"]]
        return _Atom("day", start, end, When(date=(None, month, day)))
    if group == "eow":
        return _Atom("eow", start, end)
    if group == "part":
        return _Atom("part", start, end, part=hit["part"])
    if group == "cwin":
        first, second = _number(hit["w1"]), _number(hit["w2"])
        if first is None or second is None or first > 24 or second > 24:
            return None
        return _Atom("clock", start, end, clocks=((int(first), 0, True), (int(second), 0, True)))
    if group == "hm":
        return _Atom("clock", start, end, clocks=((int(hit["hh"]), int(hit["mm"]), True),))
    if group == "clk":
        return _clock(hit, text)
    if group in ("conn", "before", "after", "about"):
        return _Atom(group, start, end)
    return None


def _date_atom(start: int, end: int, year: int | None, month: int, day: int) -> _Atom | None:
    try:
        dt.date(year or 2028, month, day)  # 2028: a leap year, so 2月29日 stands
    except ValueError:
        return None
    return _Atom("day", start, end, When(date=(year, month, day)))


def _month(hit: re.Match[str]) -> _Atom | None:
    """12月份 / 12月底 / 12月中旬 / 12月前: a named month as the end of a period."""
    month = _number(hit["mn"])
    if month is None or not 1 <= month <= 12:
        return None
    month = int(month)
    part, suffix = hit["mp"], hit["msuf"] or ""
    if part in ("上旬", "初"):
        when = When(date=(None, month, 10))
    elif part == "中旬":
        when = When(date=(None, month, 20))
    elif not part and suffix.endswith("前"):
        when = When(month=12 if month == 1 else month - 1)  # 12月前: by the end of November
    else:
        when = When(month=month)
    return _Atom("whole", hit.start(), hit.end(), when)


def _period(hit: re.Match[str]) -> _Atom:
    word, suffix = hit["pw"], hit["psuf"] or ""
    period, offset = _PERIODS[word]
    if suffix.endswith("前") and word not in _PERIOD_ENDS and offset > 0:
        offset -= 1  # 下周前: before next week begins
    return _Atom("whole", hit.start(), hit.end(), When(period_end=(period, offset)))


def _duration(hit: re.Match[str], text: str) -> _Atom | None:
    """三个工作日内, 48小时内, 3-5个工作日 (upper bound), 半小时, 两三天."""
    unit_word = hit["unit"].lstrip("个")
    first = _number(hit["a1"])
    amount = _number(hit["a2"]) if hit["a2"] else first
    if amount is None or first is None or (hit["u1"] and hit["u1"].lstrip("个") != unit_word):
        return None
    if hit["half"]:
        amount += 0.5
    suffix = hit["dsuf"] or ""
    start, end = hit.span()
    if unit_word == "年":
        if not suffix.endswith("内"):
            return None
        return _Atom("whole", start, end, When(within=(_whole(amount * 12), "month")))
    if unit_word == "日" and not suffix:
        return None  # 15日 is a day of the month
    unit = _UNITS.get(unit_word)
    if unit is None:
        return None
    if not (suffix or unit == "working_day" or hit["a2"] or _led(text, start) or _FOLLOWS.match(text, end)):
        return None
    if text.startswith(_NO_DURATION_AFTER, end):
        return None
    return _Atom("whole", start, end, When(within=_interval(amount, unit)))


def _led(text: str, start: int) -> bool:
    before = text[max(0, start - 2) : start].rstrip()
    return before.endswith(_LEADS)


def _interval(amount: float, unit: Unit) -> tuple[float, Unit]:
    """A duration in whole units where Chinese says halves: 半小时 = 30 minutes, 半天 = 12
    hours, 一周半 = 11 days, 半个月 = 15 days."""
    if amount == int(amount):
        return int(amount), unit
    if unit == "hour":
        return _whole(amount * 60), "minute"
    if unit == "day" and amount < 1:
        return _whole(amount * 24), "hour"
    if unit == "week":
        return math.ceil(amount * 7), "day"
    if unit == "month":
        return _whole(amount * 30), "day"
    return math.ceil(amount), unit


def _whole(value: float) -> int:
    return round(value)


def _clock(hit: re.Match[str], text: str) -> _Atom | None:
    """两点半, 3点15分, 三点一刻, 15时: strong when written with digits or minutes; a
    Chinese-numeral hour alone (两点 can be «two points») needs a neighbour (a day, a part of
    the day, 前/以后) to count, and 一点 after 早/快/晚/多 is «a little»."""
    raw = hit["h"]
    hour = _number(raw)
    if hour is None or hour > 24 or hour != int(hour):
        return None
    minute = 0
    spec = hit["min"]
    if spec:
        if spec == "半":
            minute = 30
        elif spec.endswith("刻"):
            minute = 15 if spec[0] in "1一" else 45
        elif spec == "整":
            minute = 0
        else:
            digits = spec.lstrip("零过").rstrip("分").strip()
            value = _number(digits)
            if value is None or value >= 60:
                return None
            minute = int(value)
    strong = (raw.isdigit() and hit["hu"] != "时") or bool(spec)
    if raw == "一" and not spec and text[hit.start() - 1 : hit.start()] in _A_LITTLE:
        return None
    return _Atom("clock", hit.start(), hit.end(), clocks=((int(hour), minute, strong),))


def _number(raw: str | None) -> float | None:
    """A numeral: ASCII digits, 两/俩/半, 两三 (two or three: the upper), or a Chinese numeral
    through cn2an (only ever on the numeral itself)."""
    if not raw:
        return None
    raw = raw.strip()
    if raw.replace(".", "", 1).isdigit():
        return float(raw) if "." in raw else int(raw)
    if raw == "半":
        return 0.5
    if raw in ("两", "俩"):
        return 2
    simple = raw.replace("两", "二").replace("俩", "二")
    if len(simple) == 2 and all(c in _CN_DIGITS for c in simple):
        low, high = _CN_DIGITS.index(simple[0]), _CN_DIGITS.index(simple[1])
        return high + 1 if high > low else None  # 两三天 → 3; 二二 is nothing
    try:
        import cn2an  # 90 ms to import: paid by the first Chinese numeral, not by startup

        value = cn2an.cn2an(simple, "normal")
    except (ValueError, KeyError, IndexError):
        return None
    return value if isinstance(value, (int, float)) else None


def _close(run: list[_Atom]) -> list[TimeSpan]:
    """The meaning of a run of touching parts, or nothing when they do not make a time."""
    while run and run[-1].kind == "conn":
        run = run[:-1]
    if not run:
        return []
    if run[0].kind == "whole":
        assert run[0].when is not None
        return [TimeSpan(run[0].start, run[0].end, run[0].when)]
    day: When | None = None
    part: str | None = None
    clocks: list[Clock] = []
    parts_seen: list[str] = []
    relation: str | None = None
    window = False
    strong = False
    end_of_work = False
    for atom in run:
        if atom.kind == "day":
            assert atom.when is not None
            day = atom.when if day is None or window else day.joined(atom.when)
            part = atom.part or part
            strong = True
            if atom.part:
                parts_seen.append(atom.part)
        elif atom.kind == "part":
            part = atom.part
            assert part is not None
            parts_seen.append(part)
            strong = True
        elif atom.kind == "clock":
            for hour, minute, sure in atom.clocks:
                clock = _clock_of(hour, minute, part, clocks[0] if clocks else None)
                if clock is None:
                    return []
                clocks.append(clock)
                strong = strong or sure
            window = window or len(atom.clocks) > 1
        elif atom.kind == "conn":
            window = True
        elif atom.kind == "eow":
            end_of_work = True
            strong = True
        else:
            relation = atom.kind
            strong = strong or bool(clocks)
    if not (strong or len(clocks) > 1):
        return []
    start, end = run[0].start, run[-1].end
    when = day or When()
    if clocks:
        first, last = clocks[0], clocks[-1]
        if relation == "before":
            when = replace(when, latest=last)
        elif relation == "after":
            when = replace(when, earliest=first)
        else:
            when = replace(when, earliest=first, latest=last)
    elif parts_seen and not end_of_work:
        bounds = _PART_BOUNDS.get(parts_seen[-1], (None, None))
        pivot = _PIVOT.get(parts_seen[-1])
        if relation == "before":
            when = replace(when, latest=pivot or bounds[1])
        elif relation == "after":
            when = replace(when, earliest=pivot or bounds[1])
        else:
            when = replace(when, earliest=bounds[0], latest=bounds[1])
    elif relation == "after":
        return []  # 明天以后: not before tomorrow, no deadline at all
    if end_of_work and day is None:
        when = replace(when, days_ahead=0)
    if not (when.has_day or when.has_clock):
        return []
    return [TimeSpan(start, end, when)]


def _clock_of(hour: int, minute: int, part: str | None, first: Clock | None) -> Clock | None:
    """A 24-hour clock from a Chinese hour and the part of the day before it (none: 1–6 is
    the afternoon, see the module docstring); a window's end is never before its start."""
    if part in _NIGHT and (hour == 12 or hour <= 4):
        return Clock(24) if hour == 12 and minute == 0 else None  # 晚上一点 is past midnight: another day
    if part in _EVENING or (part == "中午" and 1 <= hour <= 3):
        if 1 <= hour < 12:
            hour += 12
    elif part in ("凌晨",) and hour == 12:
        hour = 0
    elif part is None and 1 <= hour <= 6:
        hour += 12
    if first is not None and Clock(hour, minute) != first and (hour, minute) < (first.hour, first.minute) and hour < 12:
        hour += 12
    if hour > 24 or (hour == 24 and minute):
        return None
    return Clock(hour, minute)


_WEEKDAY_NAMES = "一二三四五六日"


def day_phrase(day: dt.date, today: dt.date) -> str:
    """When a past promise was due, for «抱歉{day}没有按约定…»: 今天, 昨天, 前天, a weekday of
    this week (周一) or the last (上周五), else a date (12月5日; with the year when another)."""
    ago = (today - day).days
    if ago in (0, 1, 2):
        return ("今天", "昨天", "前天")[ago]
    if ago == -1:
        return "明天"
    if 0 < ago < 7:
        same_week = day.isocalendar()[:2] == today.isocalendar()[:2]
        return ("" if same_week else "上") + "周" + _WEEKDAY_NAMES[day.weekday()]
    return _date_words(day, today)


def deadline_phrase(deadline: dt.datetime, now: dt.datetime) -> str:
    """A concrete deadline in place of a vague word (尽快 → 今天下午6点前): the day (今天,
    明天, 后天, 周五 / 下周一 within a week, else 12月5日) and the clock with the part of the day
    (上午10点, 中午12点, 下午3点半, 晚上8点); the end of a day is «之内» / «前» alone."""
    today = now.astimezone(deadline.tzinfo).date() if deadline.tzinfo else now.date()
    day = deadline.date()
    ahead = (day - today).days
    if 0 <= ahead <= 2:
        day_words = ("今天", "明天", "后天")[ahead]
    elif 0 < ahead <= 7:  # within a week: this week's or next week's day
        same_week = day.isocalendar()[:2] == today.isocalendar()[:2]
        day_words = ("" if same_week else "下") + "周" + _WEEKDAY_NAMES[day.weekday()]
    else:
        day_words = _date_words(day, today)
    clock = deadline.timetz()
    if (clock.hour, clock.minute) >= (23, 59):
        return day_words + ("之内" if 0 <= ahead <= 2 else "前")
    return f"{day_words}{_clock_words(clock.hour, clock.minute)}前"


def _date_words(day: dt.date, today: dt.date) -> str:
    year = f"{day.year}年" if day.year != today.year else ""
    return f"{year}{day.month}月{day.day}日"


def _clock_words(hour: int, minute: int) -> str:
    """15:30 → 下午3点半, 12:00 → 中午12点, 9:05 → 上午9点05分, 20:00 → 晚上8点."""
    if hour == 12:
        part, shown = "中午", 12
    elif hour < 12:
        part, shown = ("凌晨" if hour < 6 else "上午"), hour
    else:
        part, shown = ("下午" if hour <= 18 else "晚上"), hour - 12  # 下午6点前: the usual close
    minutes = "" if minute == 0 else "半" if minute == 30 else f"{minute:02d}分"
    return f"{part}{shown}点{minutes}"


def from_phrase(start: dt.datetime, now: dt.datetime) -> str:
    """When the company is back, for the away message's «我们将在{when}回复您»: 今天上午9点后,
    明天上午9点后, 周一上午9点后, 1月4日上午9点后 — the day as `deadline_phrase` says it, except
    that a weekday of the coming six days is named bare (said on a Friday, 周一 is the coming
    Monday, as auto-replies write it; the same weekday a week ahead is 下周五), then the clock
    with the part of the day and 后: from then on."""
    today = now.astimezone(start.tzinfo).date() if start.tzinfo else now.date()
    day = start.date()
    ahead = (day - today).days
    if 0 <= ahead <= 2:
        day_words = ("今天", "明天", "后天")[ahead]
    elif 0 < ahead <= 7:
        day_words = ("下" if ahead == 7 else "") + "周" + _WEEKDAY_NAMES[day.weekday()]
    else:
        day_words = _date_words(day, today)
    return f"{day_words}{_clock_words(start.hour, start.minute)}后"
