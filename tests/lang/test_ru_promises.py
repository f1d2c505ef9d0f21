"""Russian promise verbs (`ru/promises.py`): which verb groups state a future action or
outcome, with their voice, subject and objects; and which do not (past, negated, offers,
requests, infinitives, conditions)."""

from __future__ import annotations

import pytest

from replyguard.lang.registry import get_adapter
from replyguard.lang.ru.promises import find_promise_verbs

# (sentence, [(the group as written, main lemma, voice, subject)])
ROWS: list[tuple[str, list[tuple[str, str, str, str | None]]]] = [
    # first person
    ("Мы перезвоним вам завтра.", [("перезвоним", "перезвонить", "first", None)]),
    ("Я уточню и вернусь с ответом.", [("уточню", "уточнить", "first", None), ("вернусь", "вернуться", "first", None)]),
    ("Будем звонить каждый день, пока не дозвонимся.", [("Будем звонить", "звонить", "first", None)]),
    ("Мы сможем вернуть деньги до пятницы.", [("сможем вернуть", "вернуть", "first", None)]),
    ("Постараемся решить вопрос сегодня.", [("Постараемся решить", "решить", "first", None)]),
    ("Завтра отправляем заказ.", [("отправляем", "отправлять", "first", None)]),
    ("Планируем отправить заказ в пятницу.", [("Планируем отправить", "отправить", "first", None)]),
    ("Давайте я вам перезвоню.", [("перезвоню", "перезвонить", "first", None)]),
    ("Если заказ не придёт, мы вернём деньги.", [("вернём", "вернуть", "first", None)]),
    ("Перезвоним, когда получим ответ склада.", [("Перезвоним", "перезвонить", "first", None)]),
    # second person
    ("Вы получите письмо с трек-номером.", [("получите", "получить", "second", None)]),
    ("Вы сможете забрать заказ в пятницу.", [("сможете забрать", "забрать", "second", None)]),
    # third person, a named subject
    ("Курьер привезёт посылку в пятницу.", [("привезёт", "привезти", "third", "курьер")]),
    ("Посылка придёт через 3 дня.", [("придёт", "прийти", "third", "посылка")]),
    ("Вам позвонит наш менеджер.", [("позвонит", "позвонить", "third", "менеджер")]),
    ("Специалист сервисного центра свяжется с вами.", [("свяжется", "связаться", "third", "специалист")]),
    ("Деньги вернутся на карту.", [("вернутся", "вернуться", "third", "деньга")]),
    (
        "Мастер приедет и всё починит.",
        [("приедет", "приехать", "third", "мастер"), ("починит", "починить", "third", "мастер")],
    ),
    ("Служба доставки привезёт заказ.", [("привезёт", "привезти", "third", "служба")]),
    # one verb in two aspects (проводить: conduct / see off): the likelier present, without a time
    ("Возвраты проводит организатор концерта.", []),
    ("Когда курьер приедет, он позвонит вам.", [("позвонит", "позвонить", "third", "он")]),
    ("Заказ будет готов к пятнице.", [("будет готов", "готовый", "third", "заказ")]),
    # impersonal
    ("Вам перезвонят в течение часа.", [("перезвонят", "перезвонить", "impersonal", None)]),
    ("С вами свяжутся.", [("свяжутся", "связаться", "impersonal", None)]),
    ("Заказ будет отправлен завтра.", [("будет отправлен", "отправить", "impersonal", None)]),
    ("Деньги будут возвращены на карту.", [("будут возвращены", "возвратить", "impersonal", None)]),
    # not promises
    ("Вчера мы отправили заказ.", []),
    ("Мы не перезвоним.", []),
    ("Мы никогда не будем звонить ночью.", []),
    ("Мы можем перезвонить вам завтра.", []),
    ("Отправьте, пожалуйста, фото чека.", []),
    ("Получите заказ в пункте выдачи.", []),
    ("Давайте перезвоним.", []),
    ("Если не придёт, напишите.", []),
    ("Чтобы мы могли вернуть деньги, пришлите чек.", []),
    ("Не знаю, успеем ли отправить.", []),
    ("Будем рады помочь.", []),
    ("Перезвонить вам?", []),
    ("Мастер приехал вчера.", []),
    ("Сегодня мы работаем до 20:00.", []),
    ("Подскажите номер заказа.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), ROWS, ids=[r[0] for r in ROWS])
def test_promise_verbs(sentence: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    verbs = find_promise_verbs(get_adapter("ru").analyse(sentence))
    found = [(sentence[v.start : v.end], v.lemmas[0], v.voice, v.subject) for v in verbs]
    assert found == expected


OBJECTS = [
    ("Вернём вам деньги в течение 10 дней.", "деньги"),
    ("Примем все необходимые меры.", "мера"),
    ("Дадим ответ до пятницы.", "ответ"),
    ("Я вернусь с ответом до 15:00.", "ответ"),
    ("Обязательно обратим внимание на это.", "внимание"),
]


@pytest.mark.parametrize(("sentence", "word"), OBJECTS, ids=[o[0] for o in OBJECTS])
def test_objects(sentence: str, word: str) -> None:
    verbs = find_promise_verbs(get_adapter("ru").analyse(sentence))
    assert len(verbs) == 1
    assert word in verbs[0].objects
    assert "пятница" not in verbs[0].objects  # a time after a preposition is not an object


def test_adapter_hook() -> None:
    analysis = get_adapter("ru").analyse("Курьер привезёт заказ завтра до 14:00.")
    verbs = get_adapter("ru").promise_verbs(analysis)
    assert [(v.voice, v.subject) for v in verbs] == [("third", "курьер")]
    assert [analysis.text[t.start : t.end] for t in get_adapter("ru").time_expressions(analysis)] == ["завтра до 14:00"]
