"""A company's own pack: overrides of bundled rules by id, and allowed phrases."""

from __future__ import annotations

from pathlib import Path

import pytest

from replyguard import Guard, Severity
from replyguard.errors import PackError
from replyguard.packs import load_pack_set

PROBLEM = "С вашей проблемой разберёмся сегодня."


def _pack(tmp_path: Path, body: str, name: str = "acme.yaml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def _rules(report: object) -> list[str]:
    return [f.rule for f in report.findings]  # type: ignore[attr-defined]


def test_override_changes_severity_and_merges_messages(tmp_path: Path) -> None:
    pack = _pack(
        tmp_path,
        """language: ru
about: ACME tunes one rule.
overrides:
  - id: ru.bad_word.problema
    severity: info
    message: {ru: "У нас говорят «вопрос»: {match}"}
""",
    )
    bundled = Guard().check(PROBLEM, lang="ru")
    tuned = Guard(extra_rules=[pack]).check(PROBLEM, lang="ru")
    before = next(f for f in bundled.findings if f.rule == "ru.bad_word.problema")
    after = next(f for f in tuned.findings if f.rule == "ru.bad_word.problema")
    assert after.severity is Severity.info
    assert after.message == "У нас говорят «вопрос»: вашей проблемой"
    assert after.suggestions == before.suggestions  # only what the override names changes
    english = Guard(extra_rules=[pack], message_lang="en").check(PROBLEM, lang="ru")
    assert next(f for f in english.findings if f.rule == "ru.bad_word.problema").message == before_english()


def before_english() -> str:
    report = Guard(message_lang="en").check(PROBLEM, lang="ru")
    return next(f for f in report.findings if f.rule == "ru.bad_word.problema").message


def test_override_disables_a_rule(tmp_path: Path) -> None:
    pack = _pack(
        tmp_path,
        """language: ru
about: ACME says «проблема» itself.
overrides:
  - id: ru.bad_word.problema
    disable: true
""",
    )
    guard = Guard(extra_rules=[pack])
    assert "ru.bad_word.problema" not in _rules(guard.check(PROBLEM, lang="ru"))
    assert all(r.rule.id != "ru.bad_word.problema" for r in guard.rules)


def test_override_of_an_unknown_rule_names_file_line_and_id(tmp_path: Path) -> None:
    pack = _pack(
        tmp_path,
        """language: ru
about: a typo in an id.
overrides:
  - id: ru.bad_word.problemma
    severity: info
""",
    )
    with pytest.raises(PackError) as caught:
        Guard(extra_rules=[pack])
    assert caught.value.line == 4
    assert caught.value.rule_id == "ru.bad_word.problemma"
    assert "no earlier pack" in str(caught.value)


def test_override_rejects_unknown_fields_and_empty_messages(tmp_path: Path) -> None:
    for body in (
        "  - id: ru.bad_word.problema\n    severety: info\n",
        '  - id: ru.bad_word.problema\n    message: {ru: " "}\n',
    ):
        pack = _pack(tmp_path, "language: ru\nabout: bad.\noverrides:\n" + body)
        with pytest.raises(PackError):
            Guard(extra_rules=[pack])


def test_a_pack_needs_rules_overrides_or_allow(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="at least one of"):
        load_pack_set([_pack(tmp_path, "language: ru\nabout: nothing.\n")], cache=False)


def test_allowed_phrase_wins_over_a_shorter_flagged_word(tmp_path: Path) -> None:
    pack = _pack(
        tmp_path,
        """language: ru
about: ACME's agreed slogan.
allow:
  - "Ваша проблема  — наша забота"
""",
    )
    text = "Как говорит наш девиз, «Ваша проблема — наша забота»."
    word = text.index("Ваша")

    def flagged_at(report: object) -> list[int]:
        return [f.start for f in report.findings if f.category.value == "bad_word"]  # type: ignore[attr-defined]

    assert word in flagged_at(Guard().check(text, lang="ru"))
    guard = Guard(extra_rules=[pack])
    assert flagged_at(guard.check(text, lang="ru")) == []
    # Case and spacing do not matter; the same word outside the allowed phrase is still flagged.
    other = guard.check("ваша проблема —  наша забота, поэтому с вашей проблемой разберёмся.", lang="ru")
    flagged = [other.text[f.start : f.end] for f in other.findings if f.category.value == "bad_word"]
    assert flagged == ["вашей проблемой"]


def test_allowed_phrase_matches_whole_words_only(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "language: sl\nabout: a brand.\nallow: [Problem]\n")
    guard = Guard(extra_rules=[pack])
    assert "sl.bad_word.problem" not in _rules(guard.check("Aplikacija Problem je posodobljena.", lang="sl"))
    # «problemom» is not the allowed word «Problem», only starts like it.
    assert "sl.bad_word.problem" in _rules(guard.check("S tem problemom se ukvarjamo.", lang="sl"))
    assert guard.allowed == {"sl": ("Problem",)}


def test_a_longer_flagged_phrase_beats_a_shorter_allowed_one(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "language: zh\nabout: a slogan.\nallow: [问题]\n")
    text = "这不是我们的问题，请联系快递。"
    report = Guard(extra_rules=[pack]).check(text, lang="zh")
    assert "zh.bad_word.bu_shi_women_de_wenti" in _rules(report)


def test_allowed_phrases_apply_in_their_language_only(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "language: sl\nabout: a brand.\nallow: [проблема]\n")
    assert "ru.bad_word.problema" in _rules(Guard(extra_rules=[pack]).check(PROBLEM, lang="ru"))
