"""Chinese promise verbs: which verb groups state a future action, in which voice, by whom,
and which are no promise (past, negated, offers, requests, conditions, questions, wishes)."""

from __future__ import annotations

import pytest

from replyguard.lang.base import LanguageAdapter
from replyguard.lang.registry import get_adapter
from replyguard.lang.zh.promises import find_promise_verbs
from replyguard.lang.zh.scripts import to_simplified


@pytest.fixture(scope="module")
def zh() -> LanguageAdapter:
    return get_adapter("zh")


def _verbs(zh: LanguageAdapter, text: str) -> list[tuple[str, str, str | None]]:
    analysis = zh.analyse(to_simplified(text))
    return [(v.lemmas[0], v.voice, v.subject) for v in find_promise_verbs(analysis)]


# (sentence, [(verb, voice, subject)])
ROWS = [
    # first person, with a modal, a time, a benefactive, or plainly
    ("我们会尽快给您退款的。", [("退款", "first", None)]),
    ("我们明天下午两点半给您回电。", [("回电", "first", None)]),
    ("明天给您发货。", [("发货", "first", None)]),
    ("马上为您处理。", [("处理", "first", None)]),
    ("我这边帮您登记一下。", [("登记", "first", None)]),
    ("我们将于明天发出。", [("发出", "first", None)]),
    ("我们马上安排师傅上门。", [("安排", "first", None)]),
    ("我们会把退款退回到您的账户。", [("退回", "first", None)]),
    # finding the answer out first: asking, learning, forwarding (a deferral to date)
    ("我帮您问问仓库那边。", [("问问", "first", None)]),
    ("这个问题我需要请示一下主管。", [("请示", "first", None)]),
    ("我把您的问题转交给技术部门。", [("交给", "first", None)]),
    ("我了解您的心情。", []),
    ("我已经把问题转交给技术部门了。", []),
    ("您把地址发给我。", []),
    # what follows thanks is the customer's act, done already
    ("感谢您第一时间告诉我们。", []),
    # 就 + 了 with no time before it happened (没两天就坏了), with one it is to come
    ("开回来没两天发动机就出现了异响。", []),
    ("包裹明天就到了。", [("到", "third", "包裹")]),
    ("收到退货后我们会给您退款。", [("退款", "first", None)]),
    ("我们会给您一个满意的答复。", [("给", "first", None)]),
    ("我们要先核实一下。", [("核实", "first", None)]),
    ("下周一定给您答复。", [("答复", "first", None)]),
    ("我們會在明天給您回電。", [("回电", "first", None)]),
    ("该发的时候自然会发。", [("发", "first", None)]),
    ("我们会加强培训。", [("加强", "first", None)]),
    ("我们会高度重视。", [("重视", "first", None)]),
    ("回头我再跟您确认。", [("确认", "first", None)]),
    ("我们会如期发货。", [("发货", "first", None)]),
    # second person: what the customer will get
    ("您明天就能收到。", [("收到", "second", None)]),
    ("您就能拿到退款了。", [("拿到", "second", None)]),
    ("您明天可以收到。", [("收到", "second", None)]),
    # third person: a named subject
    ("师傅会联系您。", [("联系", "third", "师傅")]),
    ("快递明天到。", [("到", "third", "快递")]),
    ("您的退款将在3个工作日内到账。", [("到账", "third", "退款")]),
    ("客服稍后会给您回电。", [("回电", "third", "客服")]),
    ("快递员明天上午送货上门。", [("送货上门", "third", "快递员")]),
    ("快递员会上门取件。", [("上门", "third", "快递员")]),
    ("仓库今天会给您发出。", [("发出", "third", "仓库")]),
    ("包裹预计后天送达。", [("送达", "third", "包裹")]),
    ("我们会让师傅联系您。", [("联系", "third", "师傅")]),
    ("新品不日到货。", [("到货", "third", "新品")]),
    # impersonal: nobody named
    ("会有人联系您的。", [("联系", "impersonal", None)]),
    ("会有专人联系您。", [("联系", "impersonal", None)]),
    ("您的问题会得到解决。", [("解决", "impersonal", None)]),
    ("您的订单将被优先处理。", [("处理", "impersonal", None)]),
    # not promises: past, completed, negated, in progress
    ("已经发货了。", []),
    ("发货了。", []),
    ("昨天发货了。", []),
    ("我们已经为您申请了退款。", []),
    ("我们给您发了短信。", []),
    ("师傅上午来过了。", []),
    ("我们不会再犯。", []),
    ("我们正在为您处理。", []),
    ("我们这边查询到您的订单已经发出。", []),
    # offers, permissions, requests to the customer
    ("我们可以给您退款。", []),
    ("我们可以明天给您退款。", []),
    ("您可以联系客服。", []),
    ("请您尽快付款。", []),
    ("麻烦您提供一下订单号。", []),
    ("您会发现效果很好。", []),
    # questions, conditions, hedges, wishes
    ("可以给您退款吗？", []),
    ("能不能明天发货？", []),
    ("如果明天还没到的话，您再联系我们。", []),
    ("如有问题，我们会在24小时内回复。", [("回复", "first", None)]),
    ("明天可能会到。", []),
    ("希望您能尽快收到。", []),
    # no action at all
    ("给您带来不便，深感抱歉。", []),
    ("很高兴为您服务。", []),
    ("这款面膜很快就能吸收。", []),
    ("您一定能喜欢这款。", []),
    ("给您发的快递是顺丰。", []),
    ("我们理解您的心情。", []),
    ("到货后第一时间通知您。", []),
]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_promise_verbs(zh: LanguageAdapter, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _verbs(zh, text) == expected


def test_span_covers_the_group(zh: LanguageAdapter) -> None:
    """From the future word to the verb: 会…回电, 给您发货 (the time itself is the caller's)."""
    analysis = zh.analyse("客服稍后会给您回电，明天给您发货。")
    spans = [analysis.text[v.start : v.end] for v in find_promise_verbs(analysis)]
    assert spans == ["稍后会给您回电", "给您发货"]


@pytest.mark.parametrize(
    ("text", "objects"),
    [
        ("我们马上安排师傅上门。", {"师傅", "上门"}),
        ("我们会加强培训。", {"培训"}),
        ("我们会把您的意见反馈给相关部门。", {"部门"}),  # 相关部门 or 相关 / 部门, as the packs taught jieba
        ("我们会给您一个满意的答复。", {"满意", "答复"}),
    ],
)
def test_objects(zh: LanguageAdapter, text: str, objects: set[str]) -> None:
    """The words after the verb, for «verb object» lexicon entries (安排 师傅, 反馈 部门)."""
    verbs = find_promise_verbs(zh.analyse(text))
    assert objects <= set(verbs[0].objects)


def test_conditional_clause_is_skipped_main_clause_kept(zh: LanguageAdapter) -> None:
    assert _verbs(zh, "如果明天还没到，我们给您补发。") == [("补发", "first", None)]


def test_quoted_words_are_a_clause_of_their_own(zh: LanguageAdapter) -> None:
    """A quotation ends the clause: 您说的“明天到” is read apart (the caller drops reported speech)."""
    assert _verbs(zh, "我们会尽快核实“明天到”是谁说的。")[0] == ("核实", "first", None)
