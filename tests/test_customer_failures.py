"""A customer who states what failed is complaining even without a complaint word: a negated
statement («приложение не открывается», «paket ni prišel», 还没到) or a word of damage or
loss («царапина», «manjka», 漏发). These are weaker signs than a complaint word, so thanks, a
polite question, a disowned complaint, a question sentence and good news in negative form
keep them quiet. Each row is a customer message; the reply never apologises, so the
complaint is read exactly when `complaint_apology` fires."""

from __future__ import annotations

import pytest

from replyguard import Guard

REPLY = {
    "ru": "Анна, здравствуйте! Заказ будет у вас в пятницу, 11 декабря, до 18:00.",
    "sl": "Pozdravljeni, Ana. Naročilo bo pri vas v petek, 11. decembra, do 16. ure.",
    "zh": "王女士您好，订单将于12月11日（周五）18点前送达。",
}
CONTEXT = {"customer_gender": "female", "channel": "chat", "now": "2026-12-07T10:00:00+03:00"}
NAMES = {"ru": "Анна Петрова", "sl": "Ana Novak", "zh": "王丽"}

COMPLAINTS = [
    ("ru", "Посылка так и не пришла, хотя срок давно прошёл."),
    ("ru", "Приложение с утра не открывается."),
    ("ru", "На экране царапина, а коробка целая."),
    ("ru", "Второй день нет горячей воды."),
    ("sl", "Paket še vedno ni prišel, čeprav je rok že potekel."),
    ("sl", "Aplikacija se že od jutra ne odpre."),
    ("sl", "Na zaslonu je praska."),
    ("sl", "V škatli manjka polnilec."),
    ("zh", "快递到现在还没到。"),
    ("zh", "应用一直打不开。"),
    ("zh", "屏幕上有一道划痕。"),
    ("zh", "盒子里少了一个充电器。"),
    # a demand to put it right, an angry or ironic emoji, a wait counted
    ("ru", "Пришла квитанция на 6200 вместо обычных 3100. Разберитесь, пожалуйста."),
    ("sl", "Na položnici so zaračunana vsa kosila. Prosim za popravek."),
    ("zh", "司机绕路多收了40块，必须退差价。"),
    ("ru", "Курьер опять пришёл в другое время 🙄"),
    ("zh", "快递三天了还在原地，你们真行。"),
    # thanks said in irony: one stated failure and a word of praise
    ("ru", "Спасибо агентству за прекрасно проведённое утро: агент трубку не берёт. Браво."),
    # ordered one thing, another came
    ("ru", "Заказывала сыворотку с витамином С, а пришёл крем для ног."),
    ("sl", "Naročila sem plašč v velikosti M, prišel pa je XL."),
]
NOT_COMPLAINTS = [
    ("ru", "Спасибо, курьер приехал вовремя, ребёнок даже не заметил ожидания."),  # thanks
    ("ru", "Подскажите, можно ли забрать заказ не в пункте выдачи, а в магазине?"),  # a question
    ("ru", "Я не жалуюсь, просто заказ ещё не пришёл, хочу уточнить срок."),  # disowned
    ("ru", "Не знаю, какой размер выбрать."),  # not_failure
    ("sl", "Hvala, paket je prišel, nič ni poškodovano."),
    ("sl", "Zanima me, ali lahko paket prevzamem v trgovini, ker čez dan nisem doma."),
    ("sl", "Ne pritožujem se, paket samo še ni prišel."),
    ("sl", "Ne vem, katero velikost naj izberem."),
    ("zh", "东西收到了，没有坏，谢谢。"),
    ("zh", "请问能不能改地址？"),
    ("zh", "能不能用烘干机"),  # A-not-A: asks, negates nothing
    ("zh", "我不是投诉，只是包裹还没到。"),
    ("zh", "我不知道选哪个尺码。"),
    ("ru", "У нас поменялись планы: приедем 22 декабря вместо 21-го."),  # our own change
    ("zh", "我不是来吵架的，就想确认一下停水检修是几点到几点。"),
    ("sl", "Ups, pomotoma sem rezervirala avto za jutri namesto za četrtek. Oprostite za zmedo."),  # my mistake
    ("sl", "Hvala ekipi, ki je rešila našega mačka. Danes že spet teka po stanovanju!"),  # good news
    ("ru", "Подскажите, когда стартуют группы, сколько стоит и можно ли заниматься онлайн?"),  # no «сколько можно»
]


def _apologises(guard: Guard, lang: str, message: str) -> bool:
    context = {**CONTEXT, "customer_name": NAMES[lang], "customer_message": message}
    report = guard.check(REPLY[lang], context=context, lang=lang)
    return any(f.rule == f"{lang}.structure.complaint_apology" for f in report.findings)


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard()


@pytest.mark.parametrize(("lang", "message"), COMPLAINTS)
def test_a_stated_failure_is_a_complaint(guard: Guard, lang: str, message: str) -> None:
    assert _apologises(guard, lang, message)


@pytest.mark.parametrize(("lang", "message"), NOT_COMPLAINTS)
def test_thanks_questions_disowning_and_good_news_are_not(guard: Guard, lang: str, message: str) -> None:
    assert not _apologises(guard, lang, message)


def test_a_reply_that_admits_our_fault_answers_a_complaint(guard: Guard) -> None:
    """No message, or one that reads as none: a reply saying it was our mistake still owes
    an apology, and keeps offers out."""
    context = {**CONTEXT, "customer_name": NAMES["ru"]}
    text = (
        "Анна, здравствуйте! По ошибке мы списали оплату дважды, вернём её сегодня до 18:00. Кстати, у нас скидка 20%."
    )
    rules = {f.rule for f in guard.check(text, context=context, lang="ru").findings}
    assert {"ru.structure.complaint_apology", "ru.structure.promotion_in_complaint"} <= rules
    hedged = "Анна, здравствуйте! Если оплата списалась по ошибке, вернём её сегодня до 18:00."
    rules = {f.rule for f in guard.check(hedged, context=context, lang="ru").findings}
    assert "ru.structure.complaint_apology" not in rules


def test_the_signature_names_nothing_back(guard: Guard) -> None:
    """The company's name in the signature block («锦园物业») is not the customer's 物业 named back."""
    context = {
        **CONTEXT,
        "channel": "email",
        "customer_name": NAMES["zh"],
        "customer_message": "物业你好：楼上漏水渗到我家天花板已经一个星期了，打了三次电话都没人来。",
    }
    rule = "zh.structure.complaint_acknowledgement"
    signature = "\n\n此致\n敬礼！\n\n锦园物业客服中心\n何婧"
    generic = "王女士，您好：\n\n非常抱歉。工程部主管将于12月18日9:30到您家。" + signature
    named = "王女士，您好：\n\n非常抱歉，楼上漏水渗到您家天花板。工程部主管将于12月18日9:30到您家。" + signature
    assert rule in {f.rule for f in guard.check(generic, context=context, lang="zh").findings}
    assert rule not in {f.rule for f in guard.check(named, context=context, lang="zh").findings}


# (lang, message, a reply naming only who will act or a department, one naming the point back)
NAMED_BACK = [
    (
        "zh",
        "房间空调从昨晚开始只吹冷风，前台说会来修，到现在也没人来。",
        "王女士您好，非常抱歉给您带来不好的体验。值班经理会在今天14:00前联系您。",
        "王女士您好，非常抱歉，房间空调一直只吹冷风，维修也没有按时上门。值班经理会在今天14:00前联系您。",
    ),
    (
        "sl",
        "Na računu imam 37 € za gostovanje, prenos podatkov pa izklopljen. Zahtevam popravek.",
        "Pozdravljeni, Ana. Opravičujem se. Primer sem predala oddelku za obračun, ki vas pokliče jutri.",
        "Pozdravljeni, Ana. Opravičujem se za 37 € gostovanja na računu. Sodelavka vas pokliče jutri do 12. ure.",
    ),
    (
        "ru",
        "Просидели в коридоре полтора часа, администратор только плечами пожимала.",
        "Анна, примите наши извинения. Старший администратор клиники позвонит вам сегодня до 13:00.",
        "Анна, простите, что вы полтора часа просидели в коридоре. Старший администратор позвонит вам до 13:00.",
    ),
]


@pytest.mark.parametrize(("lang", "message", "generic", "named"), NAMED_BACK)
def test_who_will_act_and_a_department_name_nothing_back(
    guard: Guard, lang: str, message: str, generic: str, named: str
) -> None:
    """The staff who will act («值班经理会联系您», «старший администратор позвонит») and the
    department a case goes to («oddelek za obračun») name nothing the customer said."""
    context = {**CONTEXT, "customer_name": NAMES[lang], "customer_message": message}
    rule = f"{lang}.structure.complaint_acknowledgement"
    assert rule in {f.rule for f in guard.check(generic, context=context, lang=lang).findings}
    assert rule not in {f.rule for f in guard.check(named, context=context, lang=lang).findings}


def test_a_thank_you_awaits_no_answer(guard: Guard) -> None:
    """«您的表扬我们会转达给李师傅» passes praise on; it defers no answer to a question."""
    context = {
        **CONTEXT,
        "customer_name": NAMES["zh"],
        "customer_message": "必须表扬一下你们的维修师傅小李！空调修好了，人很专业，点赞👍",
        "policy": {"timezone": "Asia/Shanghai", "holidays": "CN"},
    }
    reply = "王女士，您好！非常感谢您的肯定。您的表扬我们会转达给李师傅本人。"
    rules = {f.rule for f in guard.check(reply, context=context, lang="zh").findings}
    assert "zh.structure.deferred_answer" not in rules


def test_a_closing_above_a_long_signature(guard: Guard) -> None:
    """此致 / 敬礼 above a title, a name and a company still closes the letter."""
    context = {**CONTEXT, "channel": "email", "customer_name": NAMES["zh"]}
    reply = "王女士：\n\n您好！您的退款已于今天处理完毕。\n\n此致\n敬礼\n\n前台经理 王芳\n海悦大酒店"
    assert "zh.structure.email_closing" not in {f.rule for f in guard.check(reply, context=context, lang="zh").findings}


def test_a_short_answer_under_a_long_signature_is_no_long_letter(guard: Guard) -> None:
    """The name line, 您好, 此致 / 敬礼 and a two-line signature are not paragraphs of the answer."""
    asked = "请问开发票需要什么资料？"
    context = {**CONTEXT, "channel": "email", "customer_name": NAMES["zh"], "customer_message": asked}
    reply = (
        "王女士：\n您好！\n开具发票请提供公司全称和纳税人识别号。\n如有其他需要，欢迎随时联系。"
        "\n此致\n敬礼\n安坐办公家具 财务部\n王磊"
    )
    assert "zh.structure.email_length" not in {f.rule for f in guard.check(reply, context=context, lang="zh").findings}
