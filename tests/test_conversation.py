"""A reply against the message it answers: thanks for a wait longer than the company's
response time (the first conversation check; the rest of issue 11 builds on the same kind)."""

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
