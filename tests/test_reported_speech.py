"""The customer's words reported in a reply («Вы пишете, что …») are not the operator's wording;
a replacement that repeats a word of its sentence is offered, not applied."""

from __future__ import annotations

import pytest

from replyguard import Guard


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard()


def _wording(guard: Guard, text: str, lang: str) -> list[str]:
    report = guard.check(text, lang=lang)
    return [text[f.start : f.end] for f in report.findings if f.category.value in ("bad_word", "negative_phrasing")]


@pytest.mark.parametrize(
    ("lang", "ours", "reported"),
    [
        ("ru", "Мы не можем вернуть деньги.", "Вы пишете, что мы не можем вернуть деньги, но это не так."),
        ("ru", "Мы не можем вернуть деньги.", "Вы указали, что не можете войти: мы сбросили пароль."),
        ("sl", "Ne moremo vam vrniti denarja.", "Pišete, da ne morete oddati naročila. Preverili smo sistem."),
        ("zh", "我们无法处理这个订单。", "您说餐品洒了没法吃，我已为您补送一份。"),
    ],
)
def test_reported_customer_words_stay_quiet(guard: Guard, lang: str, ours: str, reported: str) -> None:
    assert _wording(guard, ours, lang)  # the same words in our own voice are flagged
    assert _wording(guard, reported, lang) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Мы сообщили, что не можем вернуть деньги."),  # «мы сообщили» is ours, not the customer's
        ("ru", "Вы пишете, что курьер опоздал. Мы не можем вернуть деньги."),  # the report ends with its sentence
        ("zh", "您反馈的问题我们无法处理。"),  # 您反馈的问题: the problem you reported; the clause is ours
    ],
)
def test_our_own_words_after_a_report_are_still_checked(guard: Guard, lang: str, text: str) -> None:
    assert _wording(guard, text, lang)


def test_a_replacement_that_repeats_its_sentence_is_not_applied(guard: Guard) -> None:
    alone = guard.check("Мы незамедлительно заблокировали карту.", lang="ru")
    twice = guard.check("Мы незамедлительно заблокировали карту сразу после звонка.", lang="ru")
    assert alone.fixed == "Мы сразу заблокировали карту."
    assert twice.fixed == twice.text  # «сразу … сразу»: offered only
    (edit,) = [e for f in twice.findings for e in f.suggestions if e.replacement == "сразу"]
    assert not edit.safe


@pytest.mark.parametrize(
    ("lang", "conditional", "ours"),
    [
        (
            "ru",
            "Если письма всё ещё не будут приходить, пришлите заголовок.",
            "Мы не можем вернуть деньги, если нет чека.",
        ),
        ("sl", "Če izdelka ne želite obdržati, ga vrnite v 14 dneh.", "Ne moremo vam vrniti denarja."),
        ("zh", "如果您无法按时收货，请告诉我们。", "我们无法处理，如果有问题请联系。"),
    ],
)
def test_negations_in_a_conditional_clause_stay_quiet(guard: Guard, lang: str, conditional: str, ours: str) -> None:
    negative = [f for f in guard.check(conditional, lang=lang).findings if f.category.value == "negative_phrasing"]
    assert negative == []
    assert [f for f in guard.check(ours, lang=lang).findings if f.category.value == "negative_phrasing"]
