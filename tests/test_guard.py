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


@pytest.mark.parametrize("text", ["", "   ", "\n", "!!!", "🙂", "12:00", "a" * 20000, "проблема " * 2000])
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
