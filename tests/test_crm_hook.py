"""examples/crm_hook.py: the documented pre-send function blocks, rewrites and advises as it says."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
import threading
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "crm_hook.py"
NOW = dt.datetime(2026, 11, 25, 10, 0, tzinfo=ZoneInfo("Europe/Moscow"))  # a Wednesday


@pytest.fixture(scope="module")
def hook() -> Any:
    spec = importlib.util.spec_from_file_location("crm_hook", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["crm_hook"] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def test_an_error_finding_blocks_with_its_message(hook: Any) -> None:
    decision = hook.before_send("Ваша проблема — не наша вина.", hook.Ticket(channel="chat"), now=NOW)
    assert not decision.allowed
    assert len(decision.blocking) == 1 and "не наша вина" in decision.blocking[0]
    assert "ru.bad_word.ne_nasha_vina" in {s.rule for s in decision.suggestions}
    assert decision.score is not None and decision.score < 100


def test_an_allowed_draft_comes_back_with_only_safe_edits_applied(hook: Any, guard: Any) -> None:
    draft = "Анна, добрый день! С вашей проблемой разберёмся сегодня."
    decision = hook.before_send(draft, hook.Ticket(customer_name="Анна Петрова", channel="chat"), now=NOW)
    assert decision.allowed and not decision.blocking
    assert decision.text == "Анна, добрый день! С вашим вопросом разберёмся сегодня."
    assert decision.text == guard.check(draft, {"customer_name": "Анна Петрова", "channel": "chat"}).fixed
    assert [(s.rule, s.replacement, s.safe) for s in decision.suggestions] == [
        ("ru.bad_word.problema", "вашим вопросом", True)
    ]


def test_the_ticket_is_the_context(hook: Any) -> None:
    draft = "Добрый день! Ваш заказ передан курьеру."
    bare = hook.before_send(draft, hook.Ticket(), now=NOW)
    named = hook.before_send(draft, hook.Ticket(customer_name="Ольга", customer_gender="female"), now=NOW)
    assert "ru.personalization.name_missing" not in {s.rule for s in bare.suggestions}
    missing = [s for s in named.suggestions if s.rule == "ru.personalization.name_missing"]
    assert missing and "Ольга" in (missing[0].replacement or "")
    promise = hook.Promise(text="перезвоним до пятницы", kind="callback", due=NOW - dt.timedelta(days=1))
    with_history = hook.before_send(draft, hook.Ticket(promises=[promise], timezone="Europe/Moscow"), now=NOW)
    assert with_history.report is not None  # an earlier promise is accepted as context


def test_drafts_it_cannot_check(hook: Any) -> None:
    empty = hook.before_send("   ", hook.Ticket(), now=NOW)
    assert not empty.allowed and "E006" in (empty.note or "")
    english = hook.before_send("Thanks for waiting, we will sort it out.", hook.Ticket(lang="ru"), now=NOW)
    assert english.allowed  # checked as Russian on request: no Russian rule fires
    other = hook.before_send("Hello, thanks for waiting, we will look into it today.", hook.Ticket(), now=NOW)
    assert other.allowed and other.score is None and "E001" in (other.note or "")
    assert other.text == "Hello, thanks for waiting, we will look into it today."


def test_one_guard_shared_by_threads(hook: Any) -> None:
    seen: list[int] = []
    threads = [threading.Thread(target=lambda: seen.append(id(hook.guard()))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(seen)) == 1
