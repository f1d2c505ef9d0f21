"""Input built to be slow stays fast in shape: runs are matched as runs, and the loader
refuses rules whose matching could explode (the times themselves are in benchmarks/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from replyguard import Guard
from replyguard.errors import PackError

RULE = """\
language: ru
about: loader test
rules:
  - id: ru.tone.test_rule
    kind: {kind}
    category: tone
    {body}
    message: {{ru: "Тест.", en: "Test."}}
    examples:
      bad: [{{text: "ОЧЕНЬ ВАЖНО", span: "ОЧЕНЬ ВАЖНО"}}]
      good: ["Важно."]
"""


def _load(tmp_path: Path, kind: str, body: str) -> Guard:
    path = tmp_path / "pack.yaml"
    path.write_text(RULE.format(kind=kind, body=body), encoding="utf-8")
    return Guard(extra_rules=[path], bundled=False)


def test_a_pattern_repeating_unlisted_tokens_is_refused_naming_the_rule(tmp_path: Path) -> None:
    body = 'patterns: [[{TEXT: {REGEX: "^[А-Я]{2,}$"}}, {TEXT: {REGEX: "^[А-Я]{2,}$"}, OP: "+"}]]'
    with pytest.raises(PackError) as caught:
        _load(tmp_path, "pattern", body)
    message = str(caught.value)
    assert "ru.tone.test_rule" in message and "kind: regex" in message and "quadratic" in message


@pytest.mark.parametrize("regex", ["(\\\\w+ ?)+$", "(А+)+", "Я*"])
def test_a_regex_that_can_backtrack_without_bound_is_refused(tmp_path: Path, regex: str) -> None:
    with pytest.raises(PackError, match=r"ru\.tone\.test_rule"):
        _load(tmp_path, "regex", f'regex: "{regex}"')


@pytest.mark.parametrize("regex", ["вы(?![^.]*\\\\?)", "а[^.!?]*б", "(?=.+x)y", "ну[^я]+?да"])
def test_a_regex_that_scans_to_the_end_from_every_place_is_refused(tmp_path: Path, regex: str) -> None:
    """`[^.]*` inside a lookahead is tried at every position and runs to the sentence end:
    quadratic on one long sentence (32,000 characters took 28 s before packs were refused)."""
    with pytest.raises(PackError, match=r"quadratic"):
        _load(tmp_path, "regex", f'regex: "{regex}"')
    _load(tmp_path, "regex", 'regex: "а[^.!?]{0,60}б"')  # bounded: accepted


def test_a_run_regex_is_accepted_and_finds_the_whole_run(tmp_path: Path) -> None:
    guard = _load(tmp_path, "regex", 'regex: "\\\\b[А-ЯЁ]{2,}(?: [А-ЯЁ]{2,})+\\\\b"')
    text = "Ответ: " + " ".join(["ОЧЕНЬ", "ВАЖНО"] * 3000) + "."
    report = guard.check(text, lang="ru")
    assert [(f.start, f.end) for f in report.findings] == [(7, len(text) - 1)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Спасибо" + "!" * 2000, "ru"), ("!!! " * 3000, "ru"), ("谢谢" + "！" * 3000, "zh"), ("Hvala" + "!" * 3000, "sl")],
)
def test_runs_of_marks_give_one_finding_over_the_whole_run(guard: Guard, text: str, lang: str) -> None:
    report = guard.check(text, lang=lang)
    tone = [f for f in report.findings if f.category.value == "tone"]
    assert len(tone) == 1
    assert text[tone[0].start : tone[0].end].strip("!！ ") == ""
    assert tone[0].end == len(text.rstrip())
