"""The Chinese conversation pack read against real customer messages and replies: which
messages are complaints, whether the reply apologises first, names the customer's point back,
offers a next step, keeps offers out, dates its deferrals; the channel etiquette; and the
away message's «we will answer {when}»."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from replyguard import Guard, away_message
from replyguard.lang.zh.time import from_phrase

NOW = "2026-12-07T12:00:00+08:00"  # a Monday
POLICY = {"timezone": "Asia/Shanghai", "holidays": "CN"}

APOLOGY = "zh.structure.complaint_apology"
FIRST = "zh.structure.complaint_apology_first"
ACK = "zh.structure.complaint_acknowledgement"
NEXT = "zh.structure.complaint_next_step"
PROMO = "zh.structure.promotion_in_complaint"
WAIT = "zh.structure.thanks_for_waiting"
DEFER = "zh.structure.deferred_answer"
INTRO = "zh.structure.phone_introduction"
NAME = "zh.structure.phone_ask_name"
BYE = "zh.structure.phone_goodbye"
GREET = "zh.structure.email_greeting"
CLOSE = "zh.structure.email_closing"
LENGTH = "zh.structure.email_length"
SMILEY = "zh.structure.first_reply_smiley"
EMOJI = "zh.tone.emoji_forbidden"
CONVERSATION = {APOLOGY, FIRST, ACK, NEXT, PROMO, WAIT, DEFER, INTRO, NAME, BYE, GREET, CLOSE, LENGTH, SMILEY, EMOJI}

PARCEL = "你们这什么破快递，到现在还没收到货，气死我了！"
REFUND = "我要投诉，给你们差评，退款！"
CUP = "买的杯子收到就碎了，太坑了"
TWICE = "扣了我两次钱，怎么回事？"
RUDE = "客服态度太差了，骗子公司，垃圾"
UNSHIPPED = "订单一直没发货，已经等了一个星期了"

# (customer message, reply, extra context, the conversation rules expected)
ROWS: list[tuple[str | None, str, dict[str, Any], set[str]]] = [
    # a complaint answered in full: apology, the point named back, a dated next step
    (PARCEL, "您好，非常抱歉让您久等了。包裹在中转站滞留了，快递员明天下午6点前给您送到。", {}, set()),
    (PARCEL, "您好，包裹明天下午6点前送到。", {}, {APOLOGY}),
    (PARCEL, "非常抱歉给您带来不便，我们会尽快处理。", {}, {ACK}),
    (REFUND, "非常抱歉给您带来不好的体验。已为您办理全额退款，钱会在3个工作日内原路退回。", {}, set()),
    (REFUND, "亲，请问是什么问题呢？", {}, {APOLOGY, ACK, NEXT}),
    (CUP, "非常抱歉杯子在运输中摔碎了，我们明天给您补发一个新的。", {}, set()),
    (CUP, "非常抱歉杯子碎了，我们明天给您补发一个新的。另外店里新品上市，满200减30哦！", {}, {PROMO}),
    # a voucher given as an apology is no sales pitch
    (CUP, "非常抱歉杯子碎了。作为补偿，送您一张20元优惠券，新杯子明天下午发出。", {}, set()),
    (TWICE, "您好，经核实确实重复扣款了，非常抱歉。多扣的钱今天下午5点前退回您的银行卡。", {}, set()),
    (TWICE, "您好，重复扣款不能退，系统会自动处理。抱歉。", {}, {FIRST}),
    (RUDE, "您好，我们会加强培训。", {}, {APOLOGY, ACK, NEXT}),  # 加强培训 is an assurance, no step
    (RUDE, "对不起，客服的态度让您受委屈了。主管今天下午4点前给您回电。", {}, set()),
    (UNSHIPPED, "非常抱歉订单一直没发出，我帮您核实一下仓库情况。", {}, {DEFER}),
    (UNSHIPPED, "非常抱歉订单一直没发出，我今天下午3点前帮您核实仓库情况，再回复您。", {}, set()),
    # a deferral that waits for an event is dated by the event
    (UNSHIPPED, "非常抱歉订单一直没发出。包裹一到仓库，我们就通知您。", {}, set()),
    ("外卖送来都凉了，汤也洒了", "非常抱歉餐品送到时已经凉了，汤也洒了。已为您申请全额退款。", {}, set()),
    ("我的账号被封了，登不上去", "非常抱歉给您带来不便，已为您提交解封申请。", {}, {ACK}),
    ("宽带老是断线，网速太慢了", "非常抱歉网络不稳定，维修师傅明天上午10点到12点上门检修。", {}, set()),
    ("手机用了三天就开不了机，什么破质量！", "您好，手机开不了机可以长按电源键10秒重启。", {}, {APOLOGY, NEXT}),
    # Traditional characters in the reply read as Simplified
    (REFUND, "非常抱歉給您帶來不好的體驗，已為您辦理全額退款。", {}, set()),
    # and in the customer's message
    ("東西壞了，我要投訴！", "您好，已为您办理换货，明天上午发出。", {}, {APOLOGY, ACK}),
    # no complaint: negated, conditional, a question, thanks
    ("我不是要投诉，只是想问一下什么时候发货？", "您好，您的订单明天下午发货。", {}, set()),
    ("如果明天还不到，我就去12315投诉。", "您好，包裹已经到派送站，明天上午送到。", {}, set()),
    ("东西收到了，没有坏，也没让我失望。", "谢谢您的支持！新品上市，欢迎选购。", {}, set()),
    ("请问可以开发票吗？", "可以的，下单时填写发票抬头就行。", {}, set()),
    ("物流很快，一点都不慢，谢谢！", "不客气，欢迎再次光临！", {}, set()),
    # the customer asked about the offer: answering it is no pitch (an explanation is no next step)
    ("优惠券怎么用不了？太坑了！", "非常抱歉，优惠券满100元才能用，本周日前都有效。", {}, {NEXT}),
    # asking the customer to check is no deferral
    (PARCEL, "非常抱歉包裹还没送到。请您核实一下收货地址，我们今天下午5点前给您补发。", {}, set()),
    # a long wait
    (
        "请问你们周末发货吗？",
        "您好，周末也发货。",
        {"customer_message_at": "2026-12-07T10:00:00+08:00", "policy": {**POLICY, "response_time": {"chat": "PT5M"}}},
        {WAIT},
    ),
    (
        "请问你们周末发货吗？",
        "您好，让您久等了！周末也发货。",
        {"customer_message_at": "2026-12-07T10:00:00+08:00", "policy": {**POLICY, "response_time": {"chat": "PT5M"}}},
        set(),
    ),
    # the phone
    (
        None,
        "您好！寄到成都的快递是12元。",
        {"channel": "phone", "operator_name": "小李", "company_name": "闪电快递"},
        {INTRO, NAME, BYE},
    ),
    (
        None,
        "您好，这里是闪电快递，我是小李，很高兴为您服务。请问您怎么称呼？寄到成都是12元。感谢您的来电，再见！",
        {"channel": "phone", "operator_name": "小李", "company_name": "闪电快递"},
        set(),
    ),
    (
        None,
        "您好，这里是闪电快递，我是小李。寄到成都是12元。感谢您的来电，再见！",
        {"channel": "phone", "operator_name": "小李", "company_name": "闪电快递", "customer_name": "王小明"},
        set(),
    ),
    # email
    (
        "您好，你们能寄到拉萨吗？",
        "可以寄到拉萨，运费25元😊",
        {"channel": "email", "operator_name": "王芳"},
        {GREET, CLOSE, EMOJI},
    ),
    (
        "您好，你们能寄到拉萨吗？",
        "您好！\n\n可以寄到拉萨。\n\n一般五天左右到。\n\n快递员送货前会打电话。\n\n运费是25元。\n\n祝您生活愉快！\n王芳",
        {"channel": "email", "operator_name": "王芳"},
        {LENGTH},
    ),
    (
        "您好，你们能寄到拉萨吗？",
        "陈女士，您好！\n\n可以寄到拉萨，一般五天左右到，运费25元😊\n\n祝好！\n王芳",
        {"channel": "email", "operator_name": "王芳", "policy": {**POLICY, "emoji": {"email": True}}},
        set(),
    ),
    # a first reply in chat carries a smiley, unless the policy says otherwise
    ("你好，在吗？", "您好！请问有什么可以帮您？", {"first_contact": True}, {SMILEY}),
    ("你好，在吗？", "您好😊 请问有什么可以帮您？", {"first_contact": True}, set()),
    (
        "你好，在吗？",
        "您好！请问有什么可以帮您？",
        {"first_contact": True, "policy": {**POLICY, "first_reply_smiley": False}},
        set(),
    ),
]


@pytest.mark.parametrize(("message", "reply", "extra", "expected"), ROWS)
def test_conversation_reading(
    guard: Guard, message: str | None, reply: str, extra: dict[str, Any], expected: set[str]
) -> None:
    context: dict[str, Any] = {"channel": "chat", "now": NOW, "policy": POLICY, "customer_message": message}
    context.update(extra)
    found = {f.rule for f in guard.check(reply, context, lang="zh").findings} & CONVERSATION
    assert found == expected


TZ = dt.timezone(dt.timedelta(hours=8))
FRIDAY_EVENING = dt.datetime(2026, 12, 4, 19, 30, tzinfo=TZ)


@pytest.mark.parametrize(
    ("start", "now", "expected"),
    [
        (dt.datetime(2026, 12, 4, 9, 0, tzinfo=TZ), dt.datetime(2026, 12, 4, 7, 30, tzinfo=TZ), "今天上午9点后"),
        (dt.datetime(2026, 12, 5, 9, 0, tzinfo=TZ), FRIDAY_EVENING, "明天上午9点后"),
        (dt.datetime(2026, 12, 6, 13, 30, tzinfo=TZ), FRIDAY_EVENING, "后天下午1点半后"),
        (dt.datetime(2026, 12, 7, 9, 0, tzinfo=TZ), FRIDAY_EVENING, "周一上午9点后"),
        (dt.datetime(2026, 12, 11, 8, 30, tzinfo=TZ), FRIDAY_EVENING, "下周五上午8点半后"),
        (dt.datetime(2026, 10, 8, 9, 0, tzinfo=TZ), dt.datetime(2026, 9, 30, 19, 0, tzinfo=TZ), "10月8日上午9点后"),
        (
            dt.datetime(2027, 1, 4, 9, 0, tzinfo=TZ),
            dt.datetime(2026, 12, 25, 19, 0, tzinfo=TZ),
            "2027年1月4日上午9点后",
        ),
        # the company's clock, whatever zone `now` comes in
        (dt.datetime(2026, 12, 7, 9, 0, tzinfo=TZ), dt.datetime(2026, 12, 6, 20, 0, tzinfo=dt.UTC), "今天上午9点后"),
    ],
)
def test_from_phrase(start: dt.datetime, now: dt.datetime, expected: str) -> None:
    assert from_phrase(start, now) == expected


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (
            "2026-12-04T19:30:00+08:00",
            "王先生，您好！感谢您的留言。现在是非工作时间，客服已经下班了。我们将在周一上午9点后回复您。",
        ),
        (
            "2026-12-07T07:30:00+08:00",
            "王先生，您好！感谢您的留言。现在是非工作时间，客服已经下班了。我们将在今天上午9点后回复您。",
        ),
        (
            "2026-12-07T12:30:00+08:00",
            "王先生，您好！感谢您的留言。目前咨询的客户较多，客服都在忙。我们将在今天下午6点前回复您。",
        ),
        (
            "2026-09-30T19:30:00+08:00",
            "王先生，您好！感谢您的留言。现在是非工作时间，客服已经下班了。我们将在10月8日上午9点后回复您。",
        ),
    ],
)
def test_away_message_passes_the_checks(guard: Guard, now: str, expected: str) -> None:
    context = {
        "now": now,
        "customer_name": "王小明",
        "customer_gender": "male",
        "channel": "chat",
        "policy": {**POLICY, "min_lead": {"reply": "PT1H"}},
    }
    message = away_message("zh", context, guard=guard)
    assert message == expected
    assert guard.check(message, context, lang="zh").findings == []


def test_away_message_without_a_name(guard: Guard) -> None:
    context = {"now": "2026-12-04T19:30:00+08:00", "channel": "chat", "policy": POLICY}
    message = away_message("zh", context, guard=guard)
    assert message.startswith("您好！感谢您的留言。")
    assert guard.check(message, context, lang="zh").findings == []
