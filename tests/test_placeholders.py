"""Unfilled template placeholders in every common syntax block sending; real text that looks
like one does not (issue 8)."""

from __future__ import annotations

import pytest

from replyguard import Guard

PLACEHOLDERS = [
    ("ru", "Добрый день, {name}!", "{name}"),
    ("ru", "Здравствуйте, {{first_name}}!", "{{first_name}}"),
    ("ru", "Здравствуйте, [ИМЯ]!", "[ИМЯ]"),
    ("ru", "[Имя клиента], добрый день!", "[Имя клиента]"),
    ("ru", "Здравствуйте, [F_NAME]!", "[F_NAME]"),
    ("ru", "Добрый день, #ИМЯ#!", "#ИМЯ#"),
    ("ru", "Добрый день, ИМЯ_КЛИЕНТА!", "ИМЯ_КЛИЕНТА"),
    ("ru", "Здравствуйте, %FIRSTNAME%!", "%FIRSTNAME%"),
    ("ru", "Здравствуйте, <name>!", "<name>"),
    ("ru", "Здравствуйте, $name!", "$name"),
    ("ru", "Уважаемый ____, заказ готов.", "____"),
    ("ru", "Уважаемый(ая) клиент, заказ готов.", "Уважаемый(ая)"),
    ("ru", "Заказ {order_id} передан в доставку.", "{order_id}"),
    ("sl", "Pozdravljeni, {ime}!", "{ime}"),
    ("sl", "Pozdravljeni, [IME]!", "[IME]"),
    ("sl", "Pozdravljeni, (ime)!", "(ime)"),
    ("sl", "Spoštovani gospod N. N., paket je na poti.", "N. N."),
    ("sl", "Spoštovani/-a, paket je na poti.", "Spoštovani/-a"),
    ("sl", "Spoštovani gospod/gospa, paket je na poti.", "gospod/gospa"),
    ("sl", "Pozdravljeni, %IME%!", "%IME%"),
    ("zh", "{姓名}您好，订单已发货。", "{姓名}"),
    ("zh", "【客户名】您好，订单已发货。", "【客户名】"),
    ("zh", "您购买的【商品名称】已发货。", "【商品名称】"),
    ("zh", "预计***分钟后送达。", "***"),
    ("zh", "xxx先生，您好！", "xxx先生"),
    ("zh", "尊敬的先生/女士，您好！", "先生/女士"),
    ("zh", "尊敬的先生（小姐），您好！", "先生（小姐）"),
]

NOT_PLACEHOLDERS = [
    ("ru", "Вы писали: «[фото] не открывается» — пришлите снимок ещё раз."),
    ("ru", "Инструкция: [как вернуть товар](https://example.com/return)."),
    ("ru", "Стоимость $15, скидка 10% до пятницы."),
    ("ru", "Откройте папку %APPDATA% и удалите файл настроек."),
    ("ru", "Ошибка ERR_CONNECTION_RESET значит, что соединение прервалось."),
    ("ru", "Уважаемая Анна Сергеевна, ваш заказ готов."),
    ("sl", "Povezava: [navodila za vračilo](https://example.com/vracilo)."),
    ("sl", "Cena je 15 €, popust 10 % velja do petka."),
    ("zh", "【温馨提示】收到商品后请当面验货。"),
    ("zh", "满100元减10%，活动到周五。"),
    ("zh", "王先生，您好！订单已发货。"),
]


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard()


@pytest.mark.parametrize(("lang", "text", "placeholder"), PLACEHOLDERS)
def test_a_placeholder_is_an_error_at_its_span(guard: Guard, lang: str, text: str, placeholder: str) -> None:
    report = guard.check(text, lang=lang)
    errors = [text[f.start : f.end] for f in report.findings if f.severity.value == "error"]
    assert placeholder in errors
    assert not report.ok


@pytest.mark.parametrize(("lang", "text"), NOT_PLACEHOLDERS)
def test_text_that_looks_like_a_placeholder_is_not_one(guard: Guard, lang: str, text: str) -> None:
    findings = guard.check(text, lang=lang).findings
    assert [f.rule for f in findings if "placeholder" in f.rule] == []


def test_the_tables_are_broad() -> None:
    assert len(PLACEHOLDERS) + len(NOT_PLACEHOLDERS) >= 30
