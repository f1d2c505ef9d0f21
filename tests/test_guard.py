"""Guard behaviour: lazy languages, threads, odd input, the dev evaluation set."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from replyguard import Guard

SHARED_EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev"


def test_guard_loads_only_the_languages_it_checks() -> None:
    code = (
        "import sys; from replyguard import Guard; from replyguard.lang.registry import loaded;"
        "Guard().check('Добрый день! Ваш заказ в пути.');"
        "print(loaded(), 'rjieba' in sys.modules, 'lemmagen3' in sys.modules, 'langdetect' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "('ru',) False False False"


def test_guard_is_thread_safe(guard: Guard) -> None:
    texts = [
        "С вашей проблемой разберёмся.",
        "Pozdravljeni, v skladišču imamo nekaj problemov.",
        "这是您没按说明书安装的问题，我们不能免费上门维修。",
    ] * 20
    expected = [guard.check(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(guard.check, texts))
    assert got == expected


def test_guard_fresh_guards_compile_languages_concurrently() -> None:
    fresh = Guard()
    with ThreadPoolExecutor(max_workers=6) as pool:
        reports = list(pool.map(lambda t: fresh.check(t, lang="zh"), ["我们不能退款。"] * 12))
    assert len({r.model_dump_json() for r in reports}) == 1


@pytest.mark.parametrize("text", ["!!!", "🙂", "12:00", "a" * 20000, "проблема " * 2000])
def test_guard_odd_input_gives_a_valid_report(guard: Guard, text: str) -> None:
    report = guard.check(text, lang="ru")
    assert report.text == text
    assert all(0 <= f.start <= f.end <= len(text) for f in report.findings)


@pytest.mark.skipif(not SHARED_EVAL.is_dir(), reason="the shared evaluation set sits beside the repository")
def test_guard_runs_every_dev_draft_without_error(guard: Guard) -> None:
    for path in sorted(SHARED_EVAL.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            report = guard.check(case["text"], context=case.get("context"), lang=case["lang"])
            assert report.lang == case["lang"]


def test_guard_check_many_in_processes_equals_one_by_one() -> None:
    guard = Guard(disable=["ru.tone"])
    texts = [
        "С вашей проблемой разберёмся.",
        ("Pozdravljeni, v skladišču imamo nekaj problemov.", {"channel": "email"}),
        {"text": "这是您没按说明书安装的问题，我们不能免费上门维修。", "lang": "zh"},
        "ПОЧЕМУ ВЫ НЕ ЧИТАЕТЕ!!!",
    ] * 110
    expected = guard.check_many(texts)
    assert guard.check_many(texts, jobs=2) == expected
    assert not any(f.rule.startswith("ru.tone") for r in expected for f in r.findings)


def test_guard_check_many_in_processes_raises_the_callers_error() -> None:
    from replyguard.errors import UnsupportedLanguage

    items = ["Ваш заказ в пути."] * 300 + ["これは日本語の返信です。"]
    with pytest.raises(UnsupportedLanguage) as caught:
        Guard().check_many(items, jobs=2)
    assert caught.value.lang == "ja" and "ja" in str(caught.value)


def test_guard_check_many_rejects_a_negative_job_count(guard: Guard) -> None:
    with pytest.raises(ValueError, match="jobs"):
        guard.check_many(["Ваш заказ в пути."], jobs=-3)


@pytest.mark.parametrize("text", ["", "   ", "\n", "\u00a0\t"])
def test_guard_an_empty_draft_is_an_error(guard: Guard, text: str) -> None:
    from replyguard.errors import EmptyText

    with pytest.raises(EmptyText, match="E006"):
        guard.check(text)


def test_guard_a_text_past_the_limit_is_an_error_naming_the_limit() -> None:
    from replyguard.errors import TextTooLong

    guard = Guard(max_chars=50)
    with pytest.raises(TextTooLong, match=r"E007.*50"):
        guard.check("Ваш заказ в пути. " * 5)
    assert guard.check("Ваш заказ в пути.").lang == "ru"


def test_guard_a_bad_context_names_the_field_not_the_value(guard: Guard) -> None:
    from replyguard.errors import InvalidContext, ReplyguardError

    with pytest.raises(InvalidContext) as caught:
        guard.check("Ваш заказ в пути.", {"channel": "pigeon", "customer_name": "Анна Секретная"})
    assert isinstance(caught.value, ReplyguardError) and "channel" in str(caught.value)
    assert "Секретная" not in str(caught.value)


def test_guard_check_many_refuses_a_bare_string(guard: Guard) -> None:
    from replyguard.errors import InvalidInput

    with pytest.raises(InvalidInput, match="not one text"):
        guard.check_many("Ваш заказ в пути.")


def test_guard_a_declared_unsupported_language_does_not_suggest_lang(guard: Guard) -> None:
    from replyguard.errors import UnsupportedLanguage

    with pytest.raises(UnsupportedLanguage) as caught:
        guard.check("Hello there", lang="en")
    assert "lang=" not in str(caught.value)


def test_report_apply_with_an_unknown_id_is_an_error(guard: Guard) -> None:
    from replyguard.errors import UnknownRule

    report = guard.check("С вашей проблемой разберёмся.", lang="ru")
    with pytest.raises(UnknownRule, match=r"ru\.bad_word\.nope"):
        report.apply(ids=["ru.bad_word.nope"])
    assert report.apply(ids=[report.findings[0].rule]) == report.fixed
