"""A reply against the message it answers and its channel (rule kind `conversation`): the
customer's message read, the complaint checks, waiting, deferred answers, phone and email
etiquette, smileys and emoji, the packs' data and the away message."""

from __future__ import annotations

from typing import Any

import pytest

from replyguard import Guard


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard()


def _context(**changes: Any) -> dict[str, Any]:
    context: dict[str, Any] = {
        "channel": "chat",
        "now": "2026-12-07T12:00:00+03:00",
        "customer_message_at": "2026-12-07T10:30:00+03:00",
        "policy": {"response_time": {"chat": "PT15M", "email": "P1D"}},
    }
    context.update(changes)
    return context


def _waiting(guard: Guard, text: str, context: dict[str, Any], lang: str = "ru") -> list[Any]:
    report = guard.check(text, context, lang=lang)
    return [f for f in report.findings if f.rule.endswith(".structure.thanks_for_waiting")]


def test_a_long_wait_without_thanks_is_flagged_with_an_opening_after_the_greeting(guard: Guard) -> None:
    text = "Здравствуйте, Анна! Заказ передан курьеру."
    (finding,) = _waiting(guard, text, _context())
    assert finding.start == finding.end == text.index("Заказ")
    report = guard.check(text, _context(), lang="ru")
    assert (
        report.apply([finding.id], unsafe=True)
        == "Здравствуйте, Анна! Спасибо, что дождались ответа. Заказ передан курьеру."
    )
    assert not finding.suggestions[0].safe


@pytest.mark.parametrize(
    "changes",
    [
        {"customer_message_at": "2026-12-07T11:50:00+03:00"},  # ten minutes: within the response time
        {"channel": "email"},  # a day is allowed by email
        {"channel": "phone"},  # no response time for the phone
        {"channel": None},
        {"customer_message_at": None},
        {"policy": {}},  # no response times at all: no guessing
    ],
)
def test_quiet_when_the_wait_is_allowed_or_unknown(guard: Guard, changes: dict[str, Any]) -> None:
    assert _waiting(guard, "Заказ передан курьеру.", _context(**changes)) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Благодарим за ваше терпение! Заказ передан курьеру."),
        ("ru", "Извините, что заставили ждать: заказ передан курьеру."),
        ("sl", "Hvala za potrpezljivost, paket je na poti."),  # typed without č, š, ž
        ("zh", "亲，让您久等了，包裹已经发出。"),
        ("zh", "感謝您的耐心等待，包裹已經發出。"),  # Traditional
    ],
)
def test_thanks_or_an_apology_for_the_wait_is_enough(guard: Guard, lang: str, text: str) -> None:
    context = _context(now="2026-12-07T12:00:00+00:00", customer_message_at="2026-12-07T08:00:00+00:00")
    assert _waiting(guard, text, context, lang) == []


def test_other_languages_get_their_own_opening(guard: Guard) -> None:
    context = _context(now="2026-12-07T12:00:00+00:00", customer_message_at="2026-12-07T08:00:00+00:00")
    (sl,) = _waiting(guard, "Pozdravljeni, paket je na poti.", context, "sl")
    assert sl.suggestions[0].replacement == "Hvala za potrpežljivost. "
    (zh,) = _waiting(guard, "您好，包裹已经发出。", context, "zh")
    assert zh.suggestions[0].replacement == "感谢您的耐心等待。"
    assert zh.start == len("您好，")


# --- the customer's message, and the checks that judge a reply to a complaint --------------

MOSCOW = {
    "timezone": "Europe/Moscow",
    "holidays": "RU",
    "min_lead": {"reply": "PT1H"},
    "response_time": {"chat": "PT15M", "email": "PT4H"},
}
COMPLAINT = "Безобразие! Заказ опять опоздал на три дня, верните деньги."


def _rules(guard: Guard, text: str, context: dict[str, Any], lang: str = "ru") -> list[str]:
    return [f.rule for f in guard.check(text, context, lang=lang).findings if f.category.value in ("structure", "tone")]


def _reply_to(message: str | None, **changes: Any) -> dict[str, Any]:
    context: dict[str, Any] = {"channel": "chat", "now": "2026-12-07T12:00:00+03:00", "policy": MOSCOW}
    if message is not None:
        context["customer_message"] = message
    context.update(changes)
    return context


@pytest.mark.parametrize(
    ("message", "complaint"),
    [
        (COMPLAINT, True),
        ("Посылку привезли мокрую, плед испачкан. Жду компенсацию.", True),
        ("Третий раз за месяц отключают воду без предупреждения! Сколько это будет продолжаться?", True),
        ("Купил наушники, через 20 дней перестал работать левый. Буду писать отзыв везде!", True),
        ("Я не жалуюсь, просто спрашиваю: когда привезут заказ?", False),  # negated
        ("Если заказ не придёт к пятнице, буду жаловаться.", False),  # a threat not yet made
        ("Претензий нет, просто интересно: почему цена в приложении ниже?", False),
        ("Как вернуть деньги за товар, который не подошёл по размеру?", False),  # a question
        ("Спасибо, деньги вернулись на карту!", False),
        ("Где мой заказ?!", True),  # the punctuation of anger
        ("Заказ пришёл, спасибо огромное!!", False),  # the same marks in thanks
        ("Если завтра не привезёте, что мне делать?!", False),  # a condition
    ],
)
def test_the_customer_message_is_read_as_a_complaint_or_not(guard: Guard, message: str, complaint: bool) -> None:
    rules = _rules(guard, "Здравствуйте! Заказ у курьера.", _reply_to(message))
    assert ("ru.structure.complaint_apology" in rules) is complaint


def test_a_complaint_reply_lacking_apology_acknowledgement_and_next_step(guard: Guard) -> None:
    rules = _rules(guard, "Здравствуйте! Спасибо за обращение.", _reply_to(COMPLAINT))
    assert {
        "ru.structure.complaint_apology",
        "ru.structure.complaint_acknowledgement",
        "ru.structure.complaint_next_step",
    } <= set(rules)


def test_an_assurance_is_no_next_step(guard: Guard) -> None:
    text = "Здравствуйте! Простите за задержку заказа. Мы учтём ваше замечание."
    assert "ru.structure.complaint_next_step" in _rules(guard, text, _reply_to(COMPLAINT))
    dated = "Здравствуйте! Простите за задержку заказа. Курьер привезёт его завтра до 18:00."
    assert "ru.structure.complaint_next_step" not in _rules(guard, dated, _reply_to(COMPLAINT))


def test_a_complete_complaint_reply_is_quiet(guard: Guard) -> None:
    text = (
        "Здравствуйте! Простите за задержку заказа. Курьер привезёт его завтра до 18:00, а деньги за доставку вернём."
    )
    assert _rules(guard, text, _reply_to(COMPLAINT)) == []


def test_the_apology_goes_after_the_greeting_and_its_name(guard: Guard) -> None:
    text = "Анна, здравствуйте! Заказ передан курьеру, он привезёт его завтра до 18:00."
    report = guard.check(text, _reply_to(COMPLAINT), lang="ru")
    (apology,) = [f for f in report.findings if f.rule == "ru.structure.complaint_apology"]
    assert report.apply([apology.id], unsafe=True).startswith(
        "Анна, здравствуйте! Примите, пожалуйста, наши извинения. Заказ"
    )


def test_an_apology_after_a_refusal_is_flagged_at_the_refusal(guard: Guard) -> None:
    text = "Вернуть деньги мы не можем: прошло больше 14 дней. Извините. Отремонтируем заказ до пятницы."
    report = guard.check(text, _reply_to(COMPLAINT), lang="ru")
    (late,) = [f for f in report.findings if f.rule == "ru.structure.complaint_apology_first"]
    assert "не можем" in text[late.start : late.end]


def test_the_customers_point_is_named_back_by_a_word_of_the_same_object(guard: Guard) -> None:
    # «посылка» in the message, «заказ» in the reply: both name the order
    message = "Посылка пришла разбитая, это ужасно."
    assert "ru.structure.complaint_acknowledgement" not in _rules(
        guard, "Простите! Новый заказ отправим завтра до 18:00.", _reply_to(message)
    )
    assert "ru.structure.complaint_acknowledgement" in _rules(
        guard, "Простите! Всё исправим завтра до 18:00.", _reply_to(message)
    )


def test_a_promotion_in_a_complaint_reply_but_not_compensation(guard: Guard) -> None:
    pitch = "Простите за задержку заказа. Курьер привезёт его завтра до 18:00. Кстати, у нас распродажа!"
    report = guard.check(pitch, _reply_to(COMPLAINT), lang="ru")
    (promo,) = [f for f in report.findings if f.rule == "ru.structure.promotion_in_complaint"]
    assert pitch[promo.start : promo.end] == "Кстати, у нас распродажа!"
    voucher = "Простите за задержку заказа. Курьер привезёт его завтра до 18:00. В качестве извинения дарим промокод."
    assert "ru.structure.promotion_in_complaint" not in _rules(guard, voucher, _reply_to(COMPLAINT))
    assert "ru.structure.promotion_in_complaint" not in _rules(guard, pitch, _reply_to("Когда привезут заказ?"))


def test_no_customer_message_no_complaint_checks(guard: Guard) -> None:
    assert _rules(guard, "Заказ у курьера.", _reply_to(None)) == []


def test_the_customer_message_is_analysed_only_when_given(guard: Guard, monkeypatch: pytest.MonkeyPatch) -> None:
    from replyguard.lang.registry import get_adapter

    adapter = get_adapter("ru")
    seen: list[str] = []
    original = type(adapter).analyse

    def counting(self: Any, text: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(text)
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(type(adapter), "analyse", counting)
    guard.check("Заказ у курьера.", _reply_to(None), lang="ru")
    assert seen == ["Заказ у курьера."]
    guard.check("Заказ у курьера.", _reply_to(COMPLAINT), lang="ru")
    assert seen[1:] == ["Заказ у курьера.", COMPLAINT]


# --- deferred answers, phone and email, smileys and emoji -----------------------------------


def test_a_deferred_answer_gets_the_earliest_feasible_time(guard: Guard) -> None:
    text = "Уточню у склада и вернусь с ответом."
    report = guard.check(text, _reply_to(None), lang="ru")
    (deferred,) = [f for f in report.findings if f.rule == "ru.structure.deferred_answer"]
    assert report.apply([deferred.id], unsafe=True) == "Уточню сегодня до 18:00 у склада и вернусь с ответом."
    late = _reply_to(None, now="2026-12-04T17:30:00+03:00")  # a Friday evening: lead 1 h → Monday
    report = guard.check(text, late, lang="ru")
    (deferred,) = [f for f in report.findings if f.rule == "ru.structure.deferred_answer"]
    assert deferred.suggestions[0].replacement == " в понедельник до 18:00"


@pytest.mark.parametrize(
    "text",
    [
        "Уточню у склада и отвечу сегодня до 15:00.",
        "Уточню у склада. Ответ пришлю завтра до 12:00.",
        "Сообщим, как только посылка придёт в пункт выдачи.",
        "Уточните, пожалуйста, номер заказа.",  # a request to the customer
        "Если хотите, уточню у склада.",  # an offer in a condition
    ],
)
def test_a_deferred_answer_with_a_time_or_no_deferral_is_quiet(guard: Guard, text: str) -> None:
    assert "ru.structure.deferred_answer" not in _rules(guard, text, _reply_to(None))


def test_a_phone_script_is_checked_for_introduction_name_and_goodbye(guard: Guard) -> None:
    phone = _reply_to(None, channel="phone", operator_name="Марина", company_name="Молния Экспресс")
    bare = "Добрый день! Отправка в Новосибирск стоит 890 ₽."
    assert {"ru.structure.phone_introduction", "ru.structure.phone_ask_name", "ru.structure.phone_goodbye"} <= set(
        _rules(guard, bare, phone)
    )
    report = guard.check(bare, phone, lang="ru")
    (intro,) = [f for f in report.findings if f.rule == "ru.structure.phone_introduction"]
    assert intro.suggestions[0].replacement == "Компания «Молния Экспресс», меня зовут Марина. "
    assert report.apply([intro.id], unsafe=True).startswith(
        "Добрый день! Компания «Молния Экспресс», меня зовут Марина. Отправка"
    )  # after the greeting, which stays the only one
    full = (
        "Компания «Молния Экспресс», меня зовут Марина, добрый день! Как я могу к Вам обращаться? "
        "Отправка в Новосибирск стоит 890 ₽. Спасибо за звонок, всего доброго!"
    )
    assert _rules(guard, full, phone) == []
    assert _rules(guard, full, {**phone, "channel": "chat"}) == []  # the phone script rules apply to calls only


def test_an_email_keeps_its_layout_through_normalization(guard: Guard) -> None:
    email = _reply_to("Здравствуйте! Вы доставляете в Тверь?", channel="email", operator_name="Дарья")
    good = "Здравствуйте!\n\nДа, доставляем в Тверь за два дня.\n\nС уважением,\nДарья"
    assert _rules(guard, good, email) == []
    long = "Здравствуйте!\n\nДа.\n\nСрок — два дня.\n\nКурьер звонит.\n\nОплата при получении.\n\nС уважением,\nДарья"
    assert _rules(guard, long, email) == ["ru.structure.email_length"]
    lines = "Здравствуйте!\nДа.\nСрок — два дня.\nКурьер звонит.\nОплата при получении.\nС уважением,\nДарья"
    assert _rules(guard, lines, email) == ["ru.structure.email_length"]  # no blank lines: a paragraph per line
    bare = "Да, доставляем в Тверь за два дня."
    report = guard.check(bare, email, lang="ru")
    assert {f.rule for f in report.findings} >= {"ru.structure.email_greeting", "ru.structure.email_closing"}
    closing = next(f for f in report.findings if f.rule == "ru.structure.email_closing")
    assert closing.suggestions[0].replacement == "\n\nС уважением,\nДарья"


def test_emoji_where_the_policy_forbids_them(guard: Guard) -> None:
    text = "Здравствуйте!\n\nПолис уже у вас на почте 😊\n\nС уважением,\nДарья"
    assert _rules(guard, text, _reply_to(None, channel="email")) == ["ru.tone.emoji_forbidden"]
    assert _rules(guard, text, _reply_to(None, channel="chat")) == []
    forbidding = {**MOSCOW, "emoji": {"chat": False}}
    assert _rules(guard, text, _reply_to(None, channel="chat", policy=forbidding)) == ["ru.tone.emoji_forbidden"]
    allowing = {**MOSCOW, "emoji": {"email": True}}
    assert _rules(guard, text, _reply_to(None, channel="email", policy=allowing)) == []


def test_a_smiley_on_the_first_reply_follows_the_policy_or_the_languages_custom(guard: Guard) -> None:
    first = _reply_to(None, first_contact=True)
    assert _rules(guard, "Здравствуйте! Заказ в пути.", first) == []  # not a Russian custom
    asked = _reply_to(None, first_contact=True, policy={**MOSCOW, "first_reply_smiley": True})
    assert _rules(guard, "Здравствуйте! Заказ в пути.", asked) == ["ru.structure.first_reply_smiley"]
    assert _rules(guard, "Здравствуйте :) Заказ в пути.", asked) == []


# --- the data, and the away message --------------------------------------------------------


def test_a_conversation_rule_without_the_data_its_check_needs_is_refused(tmp_path: Any) -> None:
    from replyguard.errors import PackError
    from replyguard.packs import load_pack_set

    pack = tmp_path / "acme.yaml"
    pack.write_text(
        "language: ru\nabout: test.\nrules:\n  - id: ru.structure.acme_apology\n    kind: conversation\n"
        "    check: apology\n    category: structure\n    phrases: [извинить]\n"
        "    message: {ru: 'Извинитесь.', en: 'Apologise.'}\n"
        "    examples: {bad: [{text: 'Заказ у курьера.'}], good: ['Извините, заказ у курьера.']}\n",
        encoding="utf-8",
    )
    with pytest.raises(PackError, match="needs 'opening'"):
        load_pack_set([pack], cache=False)


def test_a_company_pack_extends_the_complaint_vocabulary(tmp_path: Any) -> None:
    pack = tmp_path / "acme.yaml"
    pack.write_text("language: ru\nabout: our customers' words.\ncustomer:\n  complaint: [фигня]\n", encoding="utf-8")
    message = "Что за фигня с заказом?"
    assert "ru.structure.complaint_apology" not in _rules(Guard(), "Заказ у курьера.", _reply_to(message))
    assert "ru.structure.complaint_apology" in _rules(Guard([pack]), "Заказ у курьера.", _reply_to(message))


@pytest.mark.parametrize(
    ("now", "name", "expected"),
    [
        (
            "2026-12-04T19:30:00+03:00",  # Friday evening
            None,
            "Здравствуйте! Спасибо, что написали. Сейчас мы не на связи. Мы ответим в понедельник с 9:00.",
        ),
        (
            "2026-12-07T07:30:00+03:00",  # Monday before work
            "Анна Петрова",
            "Анна, здравствуйте! Спасибо, что написали. Сейчас мы не на связи. Мы ответим сегодня с 9:00.",
        ),
        (
            "2026-12-07T12:00:00+03:00",  # at work, all busy
            None,
            "Здравствуйте! Спасибо, что написали. Сейчас все специалисты заняты. Мы ответим сегодня до 18:00.",
        ),
        (
            "2026-12-30T19:00:00+03:00",  # the New Year days off, 31 December moved to a day off in 2026
            None,
            "Здравствуйте! Спасибо, что написали. Сейчас мы не на связи. Мы ответим 11 января 2027 года с 9:00.",
        ),
    ],
)
def test_the_away_message_says_when_the_team_is_back(guard: Guard, now: str, name: str | None, expected: str) -> None:
    from replyguard import away_message

    context = {"now": now, "customer_name": name, "channel": "chat", "policy": MOSCOW}
    text = away_message("ru", context, guard=guard)
    assert text == expected
    assert guard.check(text, context, lang="ru").findings == []


def test_the_away_message_refuses_an_unsupported_language() -> None:
    from replyguard import away_message
    from replyguard.errors import UnsupportedLanguage

    with pytest.raises(UnsupportedLanguage):
        away_message("de", {})
