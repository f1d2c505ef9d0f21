"""Chinese names: the CRM's name string parsed into surname, given name, gender and greeting
slots, word for word; the names a reply addresses someone by; and the 你/您 words that
address the reader."""

from __future__ import annotations

import pytest

from replyguard.lang.base import LanguageAdapter
from replyguard.lang.registry import get_adapter
from replyguard.lang.zh.name_data import COMPOUND_SURNAMES, SINGLE_SURNAMES
from replyguard.lang.zh.scripts import to_simplified


@pytest.fixture(scope="module")
def zh() -> LanguageAdapter:
    return get_adapter("zh")


F, M = "female", "male"

# (CRM string, CRM gender, given, surname, gender, slots word for word, forms that must be there)
NAMES = [
    ("王小明", None, "小明", "王", None,
     {"surname": "王", "full": "王小明", "given": "小明"}, {"王小明", "王先生", "王女士", "小明"}),
    ("王小明", "male", "小明", "王", M,
     {"surname": "王", "full": "王小明", "given": "小明", "title": "先生"}, {"王小明先生"}),
    ("李娜", "female", "娜", "李", F,
     {"surname": "李", "full": "李娜", "title": "女士"}, {"李娜", "李女士", "李总"}),
    ("欧阳娜娜", "female", "娜娜", "欧阳", F,
     {"surname": "欧阳", "full": "欧阳娜娜", "given": "娜娜", "title": "女士"}, {"欧阳女士", "娜娜"}),
    ("歐陽娜娜", None, "娜娜", "欧阳", None,
     {"surname": "欧阳", "full": "欧阳娜娜", "given": "娜娜"}, {"欧阳娜娜"}),
    ("司马光", "male", "光", "司马", M,
     {"surname": "司马", "full": "司马光", "title": "先生"}, {"司马先生", "司马光"}),
    ("诸葛亮", None, "亮", "诸葛", None,
     {"surname": "诸葛", "full": "诸葛亮"}, {"诸葛先生", "诸葛亮先生"}),
    ("上官婉儿", "female", "婉儿", "上官", F,
     {"surname": "上官", "full": "上官婉儿", "given": "婉儿", "title": "女士"}, {"上官女士"}),
    ("东方明", None, "明", "东方", None,
     {"surname": "东方", "full": "东方明"}, {"东方经理"}),
    ("皇甫嵩", "male", "嵩", "皇甫", M,
     {"surname": "皇甫", "full": "皇甫嵩", "title": "先生"}, {"皇甫先生"}),
    ("慕容雪", "F", "雪", "慕容", F,
     {"surname": "慕容", "full": "慕容雪", "title": "女士"}, {"慕容小姐"}),
    ("尉遲恭", None, "恭", "尉迟", None,
     {"surname": "尉迟", "full": "尉迟恭"}, {"尉迟先生"}),
    ("长孙无忌", "male", "无忌", "长孙", M,
     {"surname": "长孙", "full": "长孙无忌", "given": "无忌", "title": "先生"}, {"无忌"}),
    ("夏侯惇", None, "惇", "夏侯", None,
     {"surname": "夏侯", "full": "夏侯惇"}, {"夏侯总"}),
    ("王先生", None, None, "王", M,
     {"surname": "王", "title": "先生"}, {"王先生", "王女士"}),
    ("张女士", None, None, "张", F,
     {"surname": "张", "title": "女士"}, {"张女士"}),
    ("张女士", "male", None, "张", M,
     {"surname": "张", "title": "先生"}, {"张先生"}),  # the CRM wins
    ("李小姐", None, None, "李", F,
     {"surname": "李", "title": "小姐"}, {"李小姐"}),
    ("王总", None, None, "王", None,
     {"surname": "王", "title": "总"}, {"王总"}),
    ("陳先生", None, None, "陈", M,
     {"surname": "陈", "title": "先生"}, {"陈先生"}),
    ("刘 德华", None, "德华", "刘", None,
     {"surname": "刘", "full": "刘德华", "given": "德华"}, {"刘德华"}),
    ("黄晓明 先生", None, "晓明", "黄", M,
     {"surname": "黄", "full": "黄晓明", "given": "晓明", "title": "先生"}, {"黄先生"}),
    ("王小明（女）", None, "小明", "王", F,
     {"surname": "王", "full": "王小明", "given": "小明", "title": "女士"}, {"王小明"}),
    ("欧阳", None, None, "欧阳", None,
     {"surname": "欧阳"}, {"欧阳先生"}),
    ("Wang Xiaoming", None, "Xiaoming", "Wang", None,
     {"surname": "Wang", "given": "Xiaoming", "full": "Wang Xiaoming"}, {"wang先生", "xiaoming"}),
    ("Xiaoming Wang", "male", "Xiaoming", "Wang", M,
     {"surname": "Wang", "given": "Xiaoming", "full": "Xiaoming Wang", "title": "先生"}, {"wang xiaoming"}),
    ("WANG Xiaoming", None, "Xiaoming", "Wang", None,
     {"surname": "Wang", "given": "Xiaoming", "full": "Wang Xiaoming"}, {"wang xiaoming"}),
    ("John Smith", "male", "John", "Smith", M,
     {"surname": "Smith", "given": "John", "full": "John Smith", "title": "先生"}, {"smith先生", "john"}),
    ("Ms. Chan", None, None, "Chan", F,
     {"surname": "Chan", "title": "女士"}, {"chan女士", "chan 女士"}),
    ("Amy", None, "Amy", None, None,
     {"given": "Amy"}, {"amy"}),
    ("约翰·史密斯", "male", "约翰", "史密斯", M,
     {"surname": "史密斯", "full": "约翰·史密斯", "given": "约翰", "title": "先生"}, {"史密斯先生", "约翰"}),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "crm", "given", "surname", "gender", "slots", "forms"), NAMES)
def test_parse_name(zh, raw, crm, given, surname, gender, slots, forms) -> None:
    name = zh.parse_name(raw, crm)
    assert name is not None
    assert (name.first, name.patronymic, name.surname, name.gender) == (given, None, surname, gender)
    assert name.slots == slots
    assert forms <= name.forms, forms - name.forms


@pytest.mark.parametrize("raw", ["", "   ", "客户", "先生", "{name}", "[姓名]", "用户12345", "customer", "Mr"])
def test_not_a_name(zh, raw) -> None:
    assert zh.parse_name(raw) is None


def test_one_character_given_name_is_not_a_form_alone(zh) -> None:
    """«李娜»: «娜» alone would match half the reply's words."""
    name = zh.parse_name("李娜")
    assert "娜" not in name.forms and "given" not in name.slots


def test_surname_tables() -> None:
    assert len(SINGLE_SURNAMES) >= 400 and len(COMPOUND_SURNAMES) >= 75
    assert {"王", "李", "张", "刘", "陈", "肖", "覃", "闫"} <= SINGLE_SURNAMES
    assert {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "慕容", "尉迟", "长孙", "夏侯"} <= COMPOUND_SURNAMES
    assert all(to_simplified(s) == s for s in SINGLE_SURNAMES | COMPOUND_SURNAMES)


# (reply, the names found as (text, lemma))
PERSON_NAMES = [
    ("王先生，您好！您的订单已发货。", [("王先生", "王先生")]),
    ("尊敬的欧阳娜娜女士：您好", [("欧阳娜娜女士", "欧阳娜娜女士")]),
    ("王小明先生您好，包裹已寄出。", [("王小明先生", "王小明先生")]),
    ("诸葛先生，您的包裹已签收。", [("诸葛先生", "诸葛先生")]),
    ("张总您好，李经理会联系您。", [("张总", "张总")]),  # 李经理: a colleague, not the reader
    ("王小明，您好！", [("王小明", "王小明")]),
    ("司马光，您好", [("司马光", "司马光")]),
    ("亲爱的刘子涵，感谢您的支持。", [("刘子涵", "刘子涵")]),
    ("李娜：你好", [("李娜", "李娜")]),
    ("Smith先生您好，订单已确认。", [("Smith先生", "smith先生")]),
    ("Amy，您好！", [("Amy", "amy")]),
    ("谢谢，王总。", [("王总", "王总")]),
    ("请问陈先生，您的订单号是多少？", [("陈先生", "陈先生")]),
    ("王先生，李女士，你们好", [("王先生", "王先生"), ("李女士", "李女士")]),
    ("王经理\n您好，附件是报价。", [("王经理", "王经理")]),
    ("请您放心。\n祝您生活愉快，王先生", [("王先生", "王先生")]),
    # ordinary words that open a reply like a name
    ("方便，我们马上处理。", []),
    ("明天，我们会为您补发。", []),
    ("于是，我们联系了仓库。", []),
    ("江苏，您好", []),
    ("谢谢，您的反馈我们收到了。", []),
    ("王总是说过这件事。", []),  # 总是 (always)
    ("有问题可以向老板反映。", []),  # 向 (to) + 老板
    ("我已经和老师沟通过了。", []),
    # the operator's own name, a signature
    ("我是客服王经理，很高兴为您服务。", []),
    ("感谢您的耐心。\n——客服部 王经理", []),
    ("您好，\n如有问题请联系我们。\n李先生", []),
    ("李经理竭诚为您服务。", []),
    # a name in an order's details, in quotes, in the customer's words, a third party
    ("您好，收货人是张先生吗？", []),
    ("您购买的《王先生的奇妙旅程》已发货。", []),
    ("已由李女士代签收。", []),
    ("您说李先生答应了退款，我们核实一下。", []),
    ('您说"李先生答应退款"，我们核实一下。', []),
    ("您的朋友陈先生已经取走了包裹。", []),
]


@pytest.mark.parametrize(("reply", "expected"), PERSON_NAMES)
def test_person_names(zh, reply, expected) -> None:
    found = zh.person_names(zh.analyse(reply))
    assert [(reply[s:e], lemma) for s, e, lemma in found] == expected


def test_person_names_in_traditional_text(zh) -> None:
    """The adapter sees the reply folded to Simplified: 陳先生 is found as 陈先生."""
    folded = to_simplified("陳先生，您好！您的訂單已發貨。")
    assert [lemma for _, _, lemma in zh.person_names(zh.analyse(folded))] == ["陈先生"]


def test_a_found_name_is_one_of_the_customer_forms(zh) -> None:
    """What the wrong-name check compares: the reply's lemma against the customer's forms."""
    customer = zh.parse_name("欧阳娜娜", "female")
    found = zh.person_names(zh.analyse("尊敬的欧阳女士，您好！王先生的包裹也到了。"))
    assert [(lemma, lemma in customer.forms) for _, _, lemma in found] == [("欧阳女士", True), ("王先生", False)]


INF, FO = "informal", "formal"

# (reply, [(pronoun, register)])
REGISTERS = [
    ("您好，您的订单已发货，你注意查收。", [("您", FO), ("您", FO), ("你", INF)]),
    ("你好，你的包裹到了。", [("你", INF), ("你", INF)]),
    ("谢谢你的耐心。", [("你", INF)]),
    ("祝你生活愉快！", [("你", INF)]),
    ("帮你查一下。", [("你", INF)]),
    ("你们好，请问有什么可以帮您？", [("你们", INF), ("您", FO)]),
    ("您们的意见很重要。", [("您们", FO)]),
    ("您辛苦了。", [("您", FO)]),
    ("阁下的订单已处理。", [("阁下", FO)]),
    ("妳好，请问妳的订单号？", [("妳", INF), ("妳", INF)]),
    ("快递员说你不在家，所以没有送达。", [("你", INF)]),
    ("我们会尽快处理。", []),
    ("这款迷你版很受欢迎。", []),
    ("大家你追我赶，销量很好。", []),
    ('您说"你们怎么还不发货"，非常抱歉。', [("您", FO)]),
    ("您说你们的快递太慢，我们已经反馈。", [("您", FO)]),
    ("短信写着「你的快递已签收」，请您核对。", [("您", FO)]),
]


@pytest.mark.parametrize(("reply", "expected"), REGISTERS)
def test_addressee_register(zh, reply, expected) -> None:
    found = zh.addressee_register(zh.analyse(reply))
    assert [(reply[s:e], register) for s, e, register in found] == expected
