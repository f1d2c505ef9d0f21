"""Pack validation: every error names the file, the line, the rule id and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from replyguard import Guard
from replyguard.errors import PackError
from replyguard.packs import bundled_rules_dir, load_pack

GOOD_RULE = """\
language: ru
about: test pack
rules:
  - id: ru.bad_word.test_kapec
    kind: lexicon
    category: bad_word
    phrases: [капец]
    message: {ru: "Грубо.", en: "Rude."}
    examples:
      bad: [{text: "Капец, опять.", span: "Капец"}]
      good: ["Конец истории."]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_packs_a_valid_pack_loads(tmp_path: Path) -> None:
    (loaded,) = load_pack(_write(tmp_path, GOOD_RULE))
    assert loaded.rule.id == "ru.bad_word.test_kapec"
    assert loaded.line == 4


@pytest.mark.parametrize(
    ("change", "line", "field", "words"),
    [
        (("    kind: lexicon", "    kind: lexikon"), 5, "rules.kind", "allowed kinds: lexicon, pattern"),
        (("    phrases: [капец]", "    phrases: [капец]\n    replce: [конец]"), 8, "rules.replce", "unknown field"),
        (('      good: ["Конец истории."]', "      good: []"), 11, "rules.examples.good", "at least 1"),
        (("    category: bad_word", "    category: rudeness"), 6, "rules.category", "bad_word"),
        (("ru.bad_word.test_kapec", "ru.Bad Word"), 4, "rules.id", "language.category.name"),
    ],
)
def test_packs_errors_point_at_file_line_rule_and_field(
    tmp_path: Path, change: tuple[str, str], line: int, field: str | None, words: str
) -> None:
    path = _write(tmp_path, GOOD_RULE.replace(*change))
    with pytest.raises(PackError) as caught:
        load_pack(path)
    error = caught.value
    assert error.path == str(path)
    assert error.line == line
    assert error.field == field
    assert words in str(error)
    assert f"{path}:{line}" in str(error)
    assert ">" in str(error)  # the YAML around the problem is quoted


def test_packs_rule_without_examples_fails(tmp_path: Path) -> None:
    text = GOOD_RULE.split("    examples:")[0]
    with pytest.raises(PackError) as caught:
        load_pack(_write(tmp_path, text))
    assert caught.value.rule_id == "ru.bad_word.test_kapec"
    assert caught.value.field == "rules.examples"
    assert "missing required field 'examples'" in str(caught.value)


def test_packs_message_in_the_pack_language_is_required(tmp_path: Path) -> None:
    with pytest.raises(PackError) as caught:
        load_pack(_write(tmp_path, GOOD_RULE.replace('{ru: "Грубо.", en: "Rude."}', '{en: "Rude."}')))
    assert caught.value.field == "message"


def test_packs_id_must_carry_the_pack_language(tmp_path: Path) -> None:
    with pytest.raises(PackError) as caught:
        load_pack(_write(tmp_path, GOOD_RULE.replace("ru.bad_word.test_kapec", "sl.bad_word.test_kapec")))
    assert caught.value.field == "id"


def test_packs_invalid_spacy_pattern_is_reported(tmp_path: Path) -> None:
    text = GOOD_RULE.replace("    kind: lexicon", "    kind: pattern").replace(
        "    phrases: [капец]", "    patterns: [[{LEMA: капец}]]"
    )
    with pytest.raises(PackError) as caught:
        load_pack(_write(tmp_path, text))
    assert "LEMA" in str(caught.value)
    assert caught.value.field == "rules.patterns"


def test_packs_broken_yaml_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(PackError) as caught:
        load_pack(_write(tmp_path, GOOD_RULE.replace("    phrases: [капец]", "    phrases: [капец")))
    assert caught.value.line is not None


def test_packs_duplicate_ids_across_files_are_an_error(tmp_path: Path) -> None:
    _write(tmp_path, GOOD_RULE)
    (tmp_path / "again.yaml").write_text(GOOD_RULE, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        Guard(extra_rules=[tmp_path], bundled=False)
    assert "duplicate" in str(caught.value)


def test_packs_extra_rules_join_the_bundled_ones(tmp_path: Path) -> None:
    pack = _write(tmp_path, GOOD_RULE.replace("category: bad_word", "category: tone"))
    guard = Guard(extra_rules=[pack])
    report = guard.check("Капец, опять не тот адрес.", lang="ru")
    assert "ru.bad_word.test_kapec" in {f.rule for f in report.findings}
    assert len(guard.rules) > 1


def test_packs_bundled_packs_cover_every_language() -> None:
    folders = {p.name for p in bundled_rules_dir().iterdir() if p.is_dir()}
    assert {"ru", "sl", "zh"} <= folders


def test_packs_pattern_context_tokens_are_matched_but_not_flagged(tmp_path: Path) -> None:
    text = """\
language: ru
about: test pack
rules:
  - id: ru.negative_phrasing.test_context
    kind: pattern
    category: negative_phrasing
    patterns: [[{LOWER: мы}, {LOWER: не}, {LOWER: можем}]]
    context_before: 1
    message: {ru: "Отказ.", en: "Refusal."}
    examples:
      bad: [{text: "Мы не можем.", span: "не можем"}]
      good: ["Они не могут."]
"""
    guard = Guard(extra_rules=[_write(tmp_path, text)], bundled=False)
    report = guard.check("Сегодня мы не можем приехать.", lang="ru")
    assert [report.text[f.start : f.end] for f in report.findings] == ["не можем"]
