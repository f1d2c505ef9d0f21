"""Every bundled rule's own examples, one test per rule (LanguageTool's PatternRuleTest)."""

from __future__ import annotations

from collections import Counter

import pytest

from replyguard import Guard
from replyguard.ruletest import check_rule

_GUARD = Guard()


@pytest.mark.parametrize("loaded", _GUARD.rules, ids=[r.rule.id for r in _GUARD.rules])
def test_rule_examples(loaded) -> None:  # type: ignore[no-untyped-def]
    failures = check_rule(_GUARD, loaded)
    assert not failures, "\n\n".join(str(f) for f in failures)


def test_rule_examples_every_language_has_the_foundation_minimum() -> None:
    lexicon = Counter(r.lang for r in _GUARD.rules if r.rule.kind == "lexicon" and r.rule.category.value == "bad_word")
    patterns = Counter(
        r.lang for r in _GUARD.rules if r.rule.kind == "pattern" and r.rule.category.value == "negative_phrasing"
    )
    for lang in ("ru", "sl", "zh"):
        assert lexicon[lang] >= 15, f"{lang}: {lexicon[lang]} bad-word lexicon entries"
        assert patterns[lang] >= 10, f"{lang}: {patterns[lang]} negative-phrasing patterns"


def test_rule_examples_a_failing_example_is_caught(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The runner itself can fail: a good example that the rule flags is reported."""
    path = tmp_path / "pack.yaml"
    path.write_text(
        """\
language: ru
about: a deliberately wrong rule
rules:
  - id: ru.bad_word.test_wrong
    kind: lexicon
    category: bad_word
    phrases: [заказ]
    message: {ru: "Тест.", en: "Test."}
    examples:
      bad: [{text: "Вопрос решён.", span: "Вопрос"}]
      good: ["Ваш заказ в пути."]
""",
        encoding="utf-8",
    )
    guard = Guard(extra_rules=[path], bundled=False)
    problems = [f.problem for f in check_rule(guard, guard.rules[0])]
    assert problems == ["bad example not flagged", "good example flagged at ['заказ']"]
