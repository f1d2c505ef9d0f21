"""Russian names: the CRM's name string parsed into parts, gender and greeting slots, word
for word; the names a reply uses; and the ты/вы words that address the reader."""

from __future__ import annotations

import pytest

from replyguard.lang.registry import get_adapter


@pytest.fixture(scope="module")
def ru():
    return get_adapter("ru")


F, M = "female", "male"

# (CRM string, CRM gender, first, patronymic, surname, gender, forms that must be there)
NAMES = [
    ("Петрова Анна Сергеевна", None, "Анна", "Сергеевна", "Петрова", F, {"анне", "сергеевной", "петровой", "аня"}),
    ("Анна Сергеевна Петрова", None, "Анна", "Сергеевна", "Петрова", F, {"анну", "сергеевну", "петрову"}),
    ("Анна Сергеевна", None, "Анна", "Сергеевна", None, F, {"анна", "сергеевна"}),
    ("Анна", None, "Анна", None, None, F, {"анны", "анной", "аню"}),
    ("Иванов Иван Иванович", None, "Иван", "Иванович", "Иванов", M, {"ивану", "ивановичем", "иванова", "ваня"}),
    ("Иван Иванович Иванов", None, "Иван", "Иванович", "Иванов", M, {"ивана", "иванович"}),
    ("Петров А. С.", None, None, None, "Петров", M, {"петрову", "петровым"}),
    ("А.С. Петрова", None, None, None, "Петрова", F, {"петровой"}),
    ("Саша", None, "Саша", None, None, None, {"саше", "александр", "александра", "шура"}),
    ("Саша", "female", "Саша", None, None, F, {"сашей", "александре"}),
    ("Саша", "male", "Саша", None, None, M, {"александром", "саня"}),
    ("Женя", None, "Женя", None, None, None, {"женя", "евгений", "евгения"}),
    ("Лена", None, "Лена", None, None, F, {"лене", "елена", "елене"}),
    ("Елена Викторовна", None, "Елена", "Викторовна", None, F, {"лена", "елену", "викторовне"}),
    ("Александр Петрович Смирнов", None, "Александр", "Петрович", "Смирнов", M, {"саша", "шура", "смирнову"}),
    ("Смирнова Александра", None, "Александра", None, "Смирнова", F, {"саша", "александрой", "смирновой"}),
    ("Лев Толстой", None, "Лев", None, "Толстой", M, {"лев", "толстому"}),
    ("Вера", None, "Вера", None, None, F, {"вера"}),
    ("Надежда Петровна", None, "Надежда", "Петровна", None, F, {"надежда", "петровне", "надя"}),
    ("Любовь Иванова", None, "Любовь", None, "Иванова", F, {"любовь", "люба", "ивановой"}),
    ("Никита", None, "Никита", None, None, M, {"никите", "никиту"}),
    ("Илья Кузнецов", None, "Илья", None, "Кузнецов", M, {"илье", "кузнецова", "илюша"}),
    ("Валя Ким", None, "Валя", None, "Ким", None, {"валентина", "валентин", "ким"}),
    ("ким ольга", None, "Ольга", None, "Ким", F, {"ольге", "оля"}),
    ("АННА ПЕТРОВА", None, "Анна", None, "Петрова", F, {"анна", "петровой"}),
    ("Шура", None, "Шура", None, None, None, {"шуре", "александра"}),
    ("Анна Петрова", "male", "Анна", None, "Петрова", M, {"анна"}),  # the CRM's gender wins
    ("Римский-Корсаков Николай", None, "Николай", None, "Римский-Корсаков", M, {"николаю", "коля"}),
    ("Мамедов Руслан Ахмед оглы", None, "Руслан", "Ахмед оглы", "Мамедов", M, {"руслану", "мамедову"}),
    ("Цой", None, None, None, "Цой", None, {"цой"}),
    ("Уважаемая Мария", None, "Мария", None, None, F, {"марии", "маша"}),
    ("Артём Семёнов", "M", "Артём", None, "Семёнов", M, {"артем", "артёму", "тёма", "семенов"}),
]


@pytest.mark.parametrize(("raw", "crm", "first", "patronymic", "surname", "gender", "forms"), NAMES)
def test_parse_name(ru, raw, crm, first, patronymic, surname, gender, forms) -> None:
    name = ru.parse_name(raw, crm)
    assert name is not None
    assert (name.first, name.patronymic, name.surname, name.gender) == (first, patronymic, surname, gender)
    assert forms <= name.forms, forms - name.forms
    expected = {"first": first, "patronymic": patronymic, "surname": surname}
    if first and patronymic:
        expected["first_patronymic"] = f"{first} {patronymic}"
    if gender:
        expected["dear"] = "Уважаемая" if gender == F else "Уважаемый"
        expected["dear_lower"] = expected["dear"].lower()
    assert name.slots == {k: v for k, v in expected.items() if v}


def test_slots_word_for_word(ru) -> None:
    name = ru.parse_name("Петрова Анна Сергеевна")
    assert name.slots == {
        "first": "Анна",
        "patronymic": "Сергеевна",
        "first_patronymic": "Анна Сергеевна",
        "surname": "Петрова",
        "dear": "Уважаемая",
        "dear_lower": "уважаемая",
    }


@pytest.mark.parametrize(
    "raw", ["", "   ", "Клиент", "{name}", "{{first_name}}", "[ИМЯ]", "Anna Petrova", "12345", "Покупатель"]
)
def test_not_a_name(ru, raw: str) -> None:
    assert ru.parse_name(raw) is None


def test_ordinary_words_stay_out_of_forms(ru) -> None:
    """«любой» is a form of «Люба», but a reply saying «в любой момент» names nobody."""
    name = ru.parse_name("Любовь")
    assert "любой" not in name.forms
    assert "вере" not in ru.parse_name("Вера").forms


# (reply, [(named words, nominative)])
PERSON_NAMES = [
    ("Здравствуйте, Мария! Ваш заказ отправлен.", [("Мария", "мария")]),
    ("Мария, добрый день!", [("Мария", "мария")]),
    ("маша, привет!", [("маша", "маша")]),
    ("Добрый день! Ирина, ваш заказ готов.", [("Ирина", "ирина")]),
    ("Спасибо за доверие, Вера!", [("Вера", "вера")]),
    ("Здравствуйте, Саша!", [("Саша", "саша")]),
    ("Лев Николаевич, добрый день.", [("Лев Николаевич", "лев")]),
    ("Вера Павловна, здравствуйте!", [("Вера Павловна", "вера")]),
    ("Здравствуйте, Вячеслав Игоревич!", [("Вячеслав Игоревич", "вячеслав")]),
    ("Господин Петров, ваш заказ готов.", [("Петров", "петров")]),
    ("Уважаемая госпожа Иванова!", [("Иванова", "иванова")]),
    ("Передали заказ Марине утром.", [("Марине", "марина")]),
    # ordinary words that are also names
    ("Вера в лучшее помогает.", []),
    ("Надежда есть всегда.", []),
    ("Любовь к клиентам — наш принцип.", []),
    ("Роза в подарок к заказу.", []),
    ("Слава богу, всё нашлось.", []),
    ("Мы сохраним вашу веру в нас и надежду на лучшее.", []),
    ("Карта Мир принимается.", []),
    ("Автомобиль Лада уже у дилера.", []),
    # the operator's own name
    ("С уважением, Анна", []),
    ("Добрый день!\nВаш заказ готов.\n\nС уважением,\nАнна Петрова", []),
    ("Меня зовут Ольга, я помогу.", []),
    ("Ваш менеджер Ольга", []),
    ("С наилучшими пожеланиями, ваш менеджер Ольга", []),
    # a name in an order description
    ("Получатель: Иван Петров", []),
    ("Книга «Анна Каренина» будет у вас завтра.", []),
    ("Заказ оформлен на имя Анны Петровой.", []),
    ('Набор "Маша и Медведь" уже в пути.', []),
]


@pytest.mark.parametrize(("text", "expected"), PERSON_NAMES)
def test_person_names(ru, text: str, expected: list[tuple[str, str]]) -> None:
    found = ru.person_names(ru.analyse(text))
    assert [(text[start:end], lemma) for start, end, lemma in found] == expected


INF, FRM = "informal", "formal"

# (reply, [(word, register)])
REGISTERS = [
    ("Ты можешь написать нам.", [("Ты", INF), ("можешь", INF)]),
    ("Вы можете написать нам.", [("Вы", FRM), ("можете", FRM)]),
    ("Пиши, если что.", [("Пиши", INF)]),
    ("Не переживай, всё будет.", [("переживай", INF)]),
    ("Не переживайте, всё будет.", [("переживайте", FRM)]),
    ("Тебе придёт SMS.", [("Тебе", INF)]),
    ("Получишь завтра.", [("Получишь", INF)]),
    ("Здравствуй, Маша!", [("Здравствуй", INF)]),
    ("Твой заказ у курьера.", [("Твой", INF)]),
    ("Ваш заказ у курьера.", [("Ваш", FRM)]),
    ("Извините за ожидание.", [("Извините", FRM)]),
    ("Скажите, пожалуйста, номер заказа.", [("Скажите", FRM)]),
    ("Давайте проверим.", [("Давайте", FRM)]),
    ("Вам придёт письмо, вас известят.", [("Вам", FRM), ("вас", FRM)]),
    ("Вы получили наш ответ? Пиши, если нет.", [("Вы", FRM), ("Пиши", INF)]),
    # not addressed to the reader
    ("Мой заказ пришёл?", []),
    ("Курьер сказал, что позвонит.", []),
    ("Клиент написал: «ты мне должен».", []),
    ("> Ты где?\nВаш заказ отправлен.", [("Ваш", FRM)]),
    ("Мы проверим и сообщим.", []),
    ("Он пишет, что товар пришёл.", []),
]


@pytest.mark.parametrize(("text", "expected"), REGISTERS)
def test_addressee_register(ru, text: str, expected: list[tuple[str, str]]) -> None:
    found = ru.addressee_register(ru.analyse(text))
    assert [(text[start:end], register) for start, end, register in found] == expected
