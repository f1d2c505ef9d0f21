"""Chinese time expressions: the span the grammar finds in a sentence and the deadline it
means against a clock and China's calendar (public holidays and make-up working days)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from replyguard.deadlines import resolve
from replyguard.lang.base import LanguageAdapter
from replyguard.lang.registry import get_adapter
from replyguard.lang.zh.scripts import to_simplified
from replyguard.lang.zh.time import day_phrase, deadline_phrase, find_times
from replyguard.models import Policy
from replyguard.promises import joined_times
from replyguard.when import Clock, TimeSpan, When
from replyguard.workdays import WorkCalendar

SHANGHAI = ZoneInfo("Asia/Shanghai")
CN = WorkCalendar(Policy(timezone="Asia/Shanghai", holidays="CN"))
MONDAY = dt.datetime(2026, 12, 7, 10, 0, tzinfo=SHANGHAI)  # Monday 7 December 2026, 10:00
BEFORE_NATIONAL_DAY = dt.datetime(2026, 9, 29, 10, 0, tzinfo=SHANGHAI)  # Tuesday
BEFORE_MAKEUP_SATURDAY = dt.datetime(2026, 10, 9, 10, 0, tzinfo=SHANGHAI)  # Friday; Saturday 10 Oct is worked
BEFORE_SPRING_FESTIVAL = dt.datetime(2026, 2, 13, 10, 0, tzinfo=SHANGHAI)  # Friday; Saturday 14 Feb is worked


@pytest.fixture(scope="module")
def zh() -> LanguageAdapter:
    return get_adapter("zh")


def _end(month: int, day: int, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, 23, 59, 59, tzinfo=SHANGHAI)


def _at(month: int, day: int, hour: int, minute: int = 0, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


def _times(zh: LanguageAdapter, text: str) -> tuple[str, list[TimeSpan]]:
    analysis = zh.analyse(to_simplified(text))
    return analysis.text, joined_times(find_times(analysis), analysis.text)


# (sentence, the time span, now, deadline, earliest)
ROWS = [
    # relative days
    ("我们今天给您回电。", "今天", MONDAY, _end(12, 7), None),
    ("明天发货。", "明天", MONDAY, _end(12, 8), None),
    ("包裹预计后天送达。", "后天", MONDAY, _end(12, 9), None),
    ("大后天到。", "大后天", MONDAY, _end(12, 10), None),
    ("今晚9点前给您回复。", "今晚9点前", MONDAY, _at(12, 7, 21), None),
    ("明早给您回电。", "明早", MONDAY, _at(12, 8, 12), None),
    ("明天上午给您回电。", "明天上午", MONDAY, _at(12, 8, 12), None),
    ("今明两天内给您答复。", "今明两天内", MONDAY, _end(12, 8), None),
    ("当天发货。", "当天", MONDAY, _end(12, 7), None),
    ("今天之内给您处理好。", "今天之内", MONDAY, _end(12, 7), None),
    # 下班前: the day, not the company's closing hour (see zh/time.py)
    ("今天下班前给您回复。", "今天下班前", MONDAY, _end(12, 7), None),
    # weekdays
    ("师傅周三上门。", "周三", MONDAY, _end(12, 9), None),
    ("星期五发货。", "星期五", MONDAY, _end(12, 11), None),
    ("礼拜三给您寄出。", "礼拜三", MONDAY, _end(12, 9), None),
    ("周日送到。", "周日", MONDAY, _end(12, 13), None),
    ("星期天送到。", "星期天", MONDAY, _end(12, 13), None),
    ("下周二给您回电。", "下周二", MONDAY, _end(12, 15), None),
    ("下星期二给您回电。", "下星期二", MONDAY, _end(12, 15), None),
    ("本周五前给您寄出。", "本周五前", MONDAY, _end(12, 11), None),
    ("这周五发货。", "这周五", MONDAY, _end(12, 11), None),
    ("周五下午3点以后上门。", "周五下午3点以后", MONDAY, _end(12, 11), _at(12, 11, 15)),
    # dates
    ("12月15日前发货。", "12月15日前", MONDAY, _end(12, 15), None),
    ("12月15号给您补发。", "12月15号", MONDAY, _end(12, 15), None),
    ("12.15前发出。", "12.15前", MONDAY, _end(12, 15), None),
    ("2026年12月15日统一发货。", "2026年12月15日", MONDAY, _end(12, 15), None),
    ("十二月十五日前到货。", "十二月十五日前", MONDAY, _end(12, 15), None),
    ("１２月１５日发货。", "12月15日", MONDAY, _end(12, 15), None),
    ("预计12月15日至20日送达。", "12月15日至20日", MONDAY, _end(12, 20), None),
    ("12月5日给您回电。", "12月5日", MONDAY, _end(12, 5, 2027), None),  # no year: the next 5 December
    ("圣诞节前送到。", "圣诞节前", MONDAY, _end(12, 25), None),
    # clock times
    ("下午两点半给您回电。", "下午两点半", MONDAY, _at(12, 7, 14, 30), _at(12, 7, 14, 30)),
    ("明天下午兩點半給您回電。", "明天下午两点半", MONDAY, _at(12, 8, 14, 30), _at(12, 8, 14, 30)),
    ("下午3点给您回电。", "下午3点", MONDAY, _at(12, 7, 15), _at(12, 7, 15)),
    ("15:00前给您答复。", "15:00前", MONDAY, _at(12, 7, 15), None),
    ("三点一刻给您回电。", "三点一刻", MONDAY, _at(12, 7, 15, 15), _at(12, 7, 15, 15)),
    ("晚上9点给您回电。", "晚上9点", MONDAY, _at(12, 7, 21), _at(12, 7, 21)),
    ("中午12点前送到。", "中午12点前", MONDAY, _at(12, 7, 12), None),
    ("3点前给您回复。", "3点前", MONDAY, _at(12, 7, 15), None),
    ("3点以后给您回电。", "3点以后", MONDAY, _end(12, 7), _at(12, 7, 15)),
    ("下午给您回电。", "下午", MONDAY, _at(12, 7, 18), _at(12, 7, 12)),
    # windows: the later bound is the deadline
    ("明天10点到12点上门。", "明天10点到12点", MONDAY, _at(12, 8, 12), _at(12, 8, 10)),
    ("上午10点-12点送货。", "上午10点-12点", MONDAY, _at(12, 7, 12), _at(12, 7, 10)),
    ("下周二上午10点到下午2点上门。", "下周二上午10点到下午2点", MONDAY, _at(12, 15, 14), _at(12, 15, 10)),
    # intervals
    ("我们会在三个工作日内给您答复。", "三个工作日内", MONDAY, _end(12, 10), None),
    ("3个工作日内退款。", "3个工作日内", MONDAY, _end(12, 10), None),
    ("48小时内发货。", "48小时内", MONDAY, _at(12, 9, 10), None),
    ("两天内给您寄出。", "两天内", MONDAY, _end(12, 9), None),
    ("两三天内送到。", "两三天内", MONDAY, _end(12, 10), None),
    ("半小时内给您回电。", "半小时内", MONDAY, _at(12, 7, 10, 30), None),
    ("一个半小时后给您回电。", "一个半小时后", MONDAY, _at(12, 7, 11, 30), None),
    ("一周内给您处理。", "一周内", MONDAY, _end(12, 14), None),
    ("两周内到货。", "两周内", MONDAY, _end(12, 21), None),
    ("预计7-15个工作日送达。", "7-15个工作日", MONDAY, _end(12, 28), None),
    ("退款将在3-5个工作日内原路退回。", "3-5个工作日内", MONDAY, _end(12, 14), None),
    # ends of periods and periods
    ("本周内给您答复。", "本周内", MONDAY, _end(12, 13), None),
    ("这周内发货。", "这周内", MONDAY, _end(12, 13), None),
    ("下周内给您补发。", "下周内", MONDAY, _end(12, 20), None),
    ("下周给您补发。", "下周", MONDAY, _end(12, 20), None),
    ("月底前给您退款。", "月底前", MONDAY, _end(12, 31), None),
    ("本月底前到账。", "本月底前", MONDAY, _end(12, 31), None),
    ("12月份发货。", "12月份", MONDAY, _end(12, 31), None),
    ("12月底前发货。", "12月底前", MONDAY, _end(12, 31), None),
    ("下个月给您寄出。", "下个月", MONDAY, _end(1, 31, 2027), None),
    ("年底前完成。", "年底前", MONDAY, _end(12, 31), None),
    # public holidays and make-up working days
    ("三个工作日内给您答复。", "三个工作日内", BEFORE_NATIONAL_DAY, _end(10, 9), None),
    ("1个工作日内给您答复。", "1个工作日内", BEFORE_MAKEUP_SATURDAY, _end(10, 10), None),
    ("两个工作日内发货。", "两个工作日内", BEFORE_SPRING_FESTIVAL, _end(2, 24), None),
]


@pytest.mark.parametrize(("text", "span", "now", "deadline", "earliest"), ROWS, ids=[r[0] for r in ROWS])
def test_deadline(
    zh: LanguageAdapter, text: str, span: str, now: dt.datetime, deadline: dt.datetime, earliest: dt.datetime | None
) -> None:
    folded, times = _times(zh, text)
    assert [folded[t.start : t.end] for t in times] == [span]
    resolved = resolve(times[0].when, now, CN)
    assert resolved is not None
    assert resolved.deadline == deadline
    assert resolved.earliest == earliest


NOT_TIMES = [
    "7天无理由退货。",
    "客服24/7在线。",
    "价格12.15元。",
    "打5折，评分4.8分。",
    "订单号20261215001。",
    "100%纯棉。",
    "有两点需要说明：",
    "麻烦您快一点到。",
    "优惠15%。",
    "电话13812345678。",
    "这是2026年的新款。",
    "一周三次。",
    "下午好！",
    "№ 15号货架，2件。",
    "v2.5版本已上线。",
    "7×24小时在线服务。",
    "过几天就到。",
    "我们会尽快处理。",
    "我们一定会给您答复。",
]


@pytest.mark.parametrize("text", NOT_TIMES)
def test_not_a_time(zh: LanguageAdapter, text: str) -> None:
    folded, times = _times(zh, text)
    assert [folded[t.start : t.end] for t in times] == []


WHENS = [
    ("下周二", When(weekday=2, next_week=True)),
    ("周五前", When(weekday=5)),
    ("3点以后", When(earliest=Clock(15))),
    ("上午", When(latest=Clock(12))),
    ("下午", When(earliest=Clock(12), latest=Clock(18))),
    ("晚上", When(earliest=Clock(18))),
    ("中午前", When(latest=Clock(12))),
    ("5–7个工作日", When(within=(7, "working_day"))),
    ("三到五天", When(within=(5, "day"))),
    ("半个月内", When(within=(15, "day"))),
    ("半天内", When(within=(12, "hour"))),
    ("12月中旬", When(date=(None, 12, 20))),
    ("12月前", When(month=11)),
    ("下周前", When(period_end=("week", 0))),
    ("下周一定", When(period_end=("week", 1))),
    ("十点零五分", When(earliest=Clock(10, 5), latest=Clock(10, 5))),
    ("晚上12点前", When(latest=Clock(24))),
]


@pytest.mark.parametrize(("text", "when"), WHENS)
def test_when(zh: LanguageAdapter, text: str, when: When) -> None:
    _, times = _times(zh, text)
    assert len(times) == 1
    assert times[0].when == when


def test_after_a_day_alone_sets_no_deadline(zh: LanguageAdapter) -> None:
    """明天以后 (not before tomorrow) bounds nothing: no time, rather than a wrong deadline."""
    assert _times(zh, "明天以后给您发货。")[1] == []


def test_a_reply_without_time_words_is_skipped_fast(zh: LanguageAdapter) -> None:
    analysis = zh.analyse("您好，感谢您的耐心，这个问题我们记录下来了。")
    assert find_times(analysis) == []


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 12, 7), "今天"),
        (dt.date(2026, 12, 6), "昨天"),
        (dt.date(2026, 12, 5), "前天"),
        (dt.date(2026, 12, 4), "上周五"),
        (dt.date(2026, 11, 20), "11月20日"),
        (dt.date(2025, 12, 1), "2025年12月1日"),
    ],
)
def test_day_phrase(day: dt.date, expected: str) -> None:
    assert day_phrase(day, dt.date(2026, 12, 7)) == expected


def test_day_phrase_this_week() -> None:
    assert day_phrase(dt.date(2026, 12, 7), dt.date(2026, 12, 10)) == "周一"


@pytest.mark.parametrize(
    ("deadline", "expected"),
    [
        (_at(12, 7, 18), "今天下午6点前"),
        (_at(12, 8, 12), "明天中午12点前"),
        (_at(12, 9, 9, 30), "后天上午9点半前"),
        (_at(12, 11, 15, 15), "周五下午3点15分前"),
        (_at(12, 14, 18), "下周一下午6点前"),
        (_at(12, 24, 20), "12月24日晚上8点前"),
        (_end(12, 8), "明天之内"),
        (_end(12, 11), "周五前"),
        (_at(1, 5, 18, year=2027), "2027年1月5日下午6点前"),
    ],
)
def test_deadline_phrase(deadline: dt.datetime, expected: str) -> None:
    assert deadline_phrase(deadline, MONDAY) == expected
