"""Address checks that need the context (issue 8): whose name, which script, which place."""

from __future__ import annotations

import pytest

from replyguard import Guard


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard()


def _rules(guard: Guard, text: str, lang: str, **context: object) -> set[str]:
    return {f.rule for f in guard.check(text, context=context or None, lang=lang).findings}


def test_a_lower_case_word_is_not_the_name(guard: Guard) -> None:
    """«23. maja» is the month May, not the customer Maja: the name is still missing."""
    text = "Pozdravljeni! Termin lahko prestavimo na četrtek, 23. maja, ob 11.00."
    assert "sl.personalization.name_missing" in _rules(guard, text, "sl", customer_name="Maja Zajc", channel="chat")


def test_a_name_in_another_script_may_be_the_customers(guard: Guard) -> None:
    """A CRM name in Latin letters and 杨先生 in the reply: it may well be them."""
    found = _rules(guard, "杨先生，您好！您的复诊已改约至下周二。", "zh", customer_name="YANG Fan", channel="chat")
    assert not {"zh.personalization.wrong_name", "zh.personalization.name_missing"} & found


def test_a_wrong_name_with_slovenian_letters(guard: Guard) -> None:
    found = _rules(guard, "Pozdravljeni, Maša! Plačilo smo prejeli.", "sl", customer_name="Maja Kos", channel="chat")
    assert "sl.personalization.wrong_name" in found


def test_the_operators_signature_is_not_a_wrong_name(guard: Guard) -> None:
    text = "Алина, добрый вечер! Промокод действует до 31 марта.\n\nКсения, служба поддержки"
    assert "ru.personalization.wrong_name" not in _rules(
        guard, text, "ru", customer_name="Зайцева Алина", channel="chat"
    )


def test_without_a_name_a_generic_address_is_fine(guard: Guard) -> None:
    assert "ru.personalization.generic_address" not in _rules(guard, "Уважаемый клиент, ваш заказ готов.", "ru")
    named = _rules(guard, "Уважаемый клиент, ваш заказ готов.", "ru", customer_name="Сергей Иванов")
    assert "ru.personalization.generic_address" in named


def test_a_phone_script_asks_for_the_name_once(guard: Guard) -> None:
    """One rule asks for the name, under structure (issue 11); the address rules do not repeat it."""
    found = _rules(guard, "Добрый день! Слушаю вас.", "ru", channel="phone")
    assert [rule for rule in found if rule.endswith("ask_name")] == ["ru.structure.phone_ask_name"]
    assert "ru.structure.phone_ask_name" not in _rules(guard, "Добрый день! Слушаю вас.", "ru", channel="chat")
    asked = "Добрый день! Как я могу к вам обращаться?"
    assert "ru.structure.phone_ask_name" not in _rules(guard, asked, "ru", channel="phone")


def test_the_name_case_in_an_address(guard: Guard) -> None:
    report = guard.check(
        "Уважаемая Анне Сергеевне! Ваш заказ готов.",
        context={"customer_name": "Петрова Анна Сергеевна", "customer_gender": "female", "channel": "email"},
        lang="ru",
    )
    fixes = {
        report.text[f.start : f.end]: [e.replacement for e in f.suggestions]
        for f in report.findings
        if f.rule == "ru.personalization.name_case"
    }
    assert fixes == {"Анне": ["Анна"], "Сергеевне": ["Сергеевна"]}
