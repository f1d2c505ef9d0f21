"""The greeting a reply gets when it never names the customer: parsed name, gender and the
channel's template, word for word (issue 8: 25 names per language, chat and email)."""

from __future__ import annotations

import pytest

from replyguard import Guard

DRAFTS = {"ru": "Ваш заказ передан курьеру.", "sl": "Vaše naročilo je na poti.", "zh": "您的订单已发货。"}

# (language, the name as a CRM stores it, the CRM's gender, greeting in chat, greeting in email)
GREETINGS = [
    ("ru", "Петрова Анна Сергеевна", "female", "Анна, здравствуйте! ", "Уважаемая Анна Сергеевна! "),
    ("ru", "Анна Сергеевна", None, "Анна, здравствуйте! ", "Уважаемая Анна Сергеевна! "),
    ("ru", "Анна", None, "Анна, здравствуйте! ", "Уважаемая Анна! "),
    ("ru", "Иванов Сергей Петрович", None, "Сергей, здравствуйте! ", "Уважаемый Сергей Петрович! "),
    ("ru", "Сергей", None, "Сергей, здравствуйте! ", "Уважаемый Сергей! "),
    ("ru", "Саша", None, "Саша, здравствуйте! ", "Здравствуйте, Саша! "),
    ("ru", "Александра Викторовна Ким", None, "Александра, здравствуйте! ", "Уважаемая Александра Викторовна! "),
    ("ru", "Лев Николаевич Толстой", None, "Лев, здравствуйте! ", "Уважаемый Лев Николаевич! "),
    ("ru", "Вера Павловна", None, "Вера, здравствуйте! ", "Уважаемая Вера Павловна! "),
    ("ru", "Смирнов Дмитрий", None, "Дмитрий, здравствуйте! ", "Уважаемый Дмитрий! "),
    ("ru", "Ольга", None, "Ольга, здравствуйте! ", "Уважаемая Ольга! "),
    ("ru", "Елена Кузнецова", "female", "Елена, здравствуйте! ", "Уважаемая Елена! "),
    ("ru", "Михаил Юрьевич", None, "Михаил, здравствуйте! ", "Уважаемый Михаил Юрьевич! "),
    ("ru", "Кузнецова Мария", None, "Мария, здравствуйте! ", "Уважаемая Мария! "),
    ("ru", "Николай Иванович", None, "Николай, здравствуйте! ", "Уважаемый Николай Иванович! "),
    ("ru", "Татьяна", None, "Татьяна, здравствуйте! ", "Уважаемая Татьяна! "),
    ("ru", "Павел Андреевич Орлов", None, "Павел, здравствуйте! ", "Уважаемый Павел Андреевич! "),
    ("ru", "Ирина Олеговна Захарова", None, "Ирина, здравствуйте! ", "Уважаемая Ирина Олеговна! "),
    ("ru", "Юлия Сидорова", None, "Юлия, здравствуйте! ", "Уважаемая Юлия! "),
    ("ru", "Алексей", None, "Алексей, здравствуйте! ", "Уважаемый Алексей! "),
    ("ru", "Наталья Петровна", None, "Наталья, здравствуйте! ", "Уважаемая Наталья Петровна! "),
    ("ru", "Игорь Соколов", None, "Игорь, здравствуйте! ", "Уважаемый Игорь! "),
    ("ru", "Светлана", None, "Светлана, здравствуйте! ", "Уважаемая Светлана! "),
    ("ru", "Андрей Викторович", None, "Андрей, здравствуйте! ", "Уважаемый Андрей Викторович! "),
    ("ru", "Марина Волкова", "female", "Марина, здравствуйте! ", "Уважаемая Марина! "),
    ("sl", "Ana Novak", "female", "Pozdravljeni, Ana! ", "Spoštovana gospa Novak, "),
    ("sl", "Novak Ana", None, "Pozdravljeni, Ana! ", "Spoštovana gospa Novak, "),
    ("sl", "Luka Kovač", None, "Pozdravljeni, Luka! ", "Spoštovani gospod Kovač, "),
    ("sl", "Jaka Zupan", None, "Pozdravljeni, Jaka! ", "Spoštovani gospod Zupan, "),
    ("sl", "Miha Horvat", None, "Pozdravljeni, Miha! ", "Spoštovani gospod Horvat, "),
    ("sl", "Nikola Krajnc", None, "Pozdravljeni, Nikola! ", "Spoštovani gospod Krajnc, "),
    ("sl", "Saša Kralj", None, "Pozdravljeni, Saša! ", "Pozdravljeni, Saša! "),
    ("sl", "Maja", None, "Pozdravljeni, Maja! ", "Pozdravljeni, Maja! "),
    ("sl", "Jožef Kranjc", "male", "Pozdravljeni, Jožef! ", "Spoštovani gospod Kranjc, "),
    ("sl", "Petra Rozman", None, "Pozdravljeni, Petra! ", "Spoštovana gospa Rozman, "),
    ("sl", "Vesna Mlakar", None, "Pozdravljeni, Vesna! ", "Spoštovana gospa Mlakar, "),
    ("sl", "Tina Potočnik", None, "Pozdravljeni, Tina! ", "Spoštovana gospa Potočnik, "),
    ("sl", "Marko", None, "Pozdravljeni, Marko! ", "Pozdravljeni, Marko! "),
    ("sl", "Žiga Vidmar", None, "Pozdravljeni, Žiga! ", "Spoštovani gospod Vidmar, "),
    ("sl", "Eva Lesjak", "female", "Pozdravljeni, Eva! ", "Spoštovana gospa Lesjak, "),
    ("sl", "Nina Golob", None, "Pozdravljeni, Nina! ", "Spoštovana gospa Golob, "),
    ("sl", "Matej Kos", None, "Pozdravljeni, Matej! ", "Spoštovani gospod Kos, "),
    ("sl", "Urška Zajc", None, "Pozdravljeni, Urška! ", "Spoštovana gospa Zajc, "),
    ("sl", "Tomaž Turk", None, "Pozdravljeni, Tomaž! ", "Spoštovani gospod Turk, "),
    ("sl", "Špela Hribar", None, "Pozdravljeni, Špela! ", "Spoštovana gospa Hribar, "),
    ("sl", "Rok Zajc", None, "Pozdravljeni, Rok! ", "Spoštovani gospod Zajc, "),
    ("sl", "Nuša Lesar", None, "Pozdravljeni, Nuša! ", "Spoštovana gospa Lesar, "),
    ("sl", "Andrej Koren", None, "Pozdravljeni, Andrej! ", "Spoštovani gospod Koren, "),
    ("sl", "Mojca Kavčič", None, "Pozdravljeni, Mojca! ", "Spoštovana gospa Kavčič, "),
    ("sl", "Gregor Petek", None, "Pozdravljeni, Gregor! ", "Spoštovani gospod Petek, "),
    ("zh", "王小明", "male", "王先生，您好！", "王先生，您好！"),
    ("zh", "王小明", None, "王小明，您好！", "王小明，您好！"),
    ("zh", "欧阳娜娜", "female", "欧阳女士，您好！", "欧阳女士，您好！"),
    ("zh", "张丽", "female", "张女士，您好！", "张女士，您好！"),
    ("zh", "李先生", None, "李先生，您好！", "李先生，您好！"),
    ("zh", "陈女士", None, "陈女士，您好！", "陈女士，您好！"),
    ("zh", "司马光", "male", "司马先生，您好！", "司马先生，您好！"),
    ("zh", "诸葛亮", None, "诸葛亮，您好！", "诸葛亮，您好！"),
    ("zh", "上官婉儿", "female", "上官女士，您好！", "上官女士，您好！"),
    ("zh", "赵敏", "female", "赵女士，您好！", "赵女士，您好！"),
    ("zh", "刘子涵", None, "刘子涵，您好！", "刘子涵，您好！"),
    ("zh", "黄伟", "male", "黄先生，您好！", "黄先生，您好！"),
    ("zh", "周杰", None, "周杰，您好！", "周杰，您好！"),
    ("zh", "东方明珠", "female", "东方女士，您好！", "东方女士，您好！"),
    ("zh", "孙悦", "female", "孙女士，您好！", "孙女士，您好！"),
    ("zh", "杨洋", "male", "杨先生，您好！", "杨先生，您好！"),
    ("zh", "吴刚", None, "吴刚，您好！", "吴刚，您好！"),
    ("zh", "徐静", "female", "徐女士，您好！", "徐女士，您好！"),
    ("zh", "马云", "male", "马先生，您好！", "马先生，您好！"),
    ("zh", "朱丽叶", None, "朱丽叶，您好！", "朱丽叶，您好！"),
    ("zh", "胡歌", "male", "胡先生，您好！", "胡先生，您好！"),
    ("zh", "郭靖", None, "郭靖，您好！", "郭靖，您好！"),
    ("zh", "何晴", "female", "何女士，您好！", "何女士，您好！"),
    ("zh", "高远", "male", "高先生，您好！", "高先生，您好！"),
    ("zh", "罗敏", "female", "罗女士，您好！", "罗女士，您好！"),
]


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard()


def _greeting(guard: Guard, lang: str, name: str, gender: str | None, channel: str) -> str | None:
    context = {"customer_name": name, "customer_gender": gender, "channel": channel}
    report = guard.check(DRAFTS[lang], context=context, lang=lang)
    edits = [e for f in report.findings if f.rule.endswith(".name_missing") for e in f.suggestions]
    assert all(e.start == e.end == 0 for e in edits)  # an insertion at the start
    return edits[0].replacement if edits else None


@pytest.mark.parametrize(("lang", "name", "gender", "chat", "email"), GREETINGS)
def test_greeting_for_the_channel(
    guard: Guard, lang: str, name: str, gender: str | None, chat: str, email: str
) -> None:
    assert _greeting(guard, lang, name, gender, "chat") == chat
    assert _greeting(guard, lang, name, gender, "email") == email


def test_every_language_has_25_names() -> None:
    for lang in DRAFTS:
        assert sum(1 for row in GREETINGS if row[0] == lang) >= 25


def test_no_greeting_without_a_name_to_greet(guard: Guard) -> None:
    assert _greeting(guard, "ru", "Петров А. С.", None, "email") is None  # initials only
    assert _greeting(guard, "ru", "", None, "chat") is None
