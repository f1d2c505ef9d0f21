"""Chinese lexicon phrases are matched on characters, not on however jieba cuts the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from replyguard import Guard
from replyguard.lang.registry import get_adapter

PACK = """language: zh
about: a test pack.
rules:
  - id: zh.bad_word.test_deng
    kind: lexicon
    category: bad_word
    phrases: [等着吧, 我会, ok, 不归我管]
    replace: [请稍候]
    safe: false
    message: {zh: "「{match}」", en: "'{match}'"}
    examples:
      bad: [{text: "你就等着吧。"}]
      good: ["请稍候。"]
"""


@pytest.fixture(scope="module")
def guard(tmp_path_factory: pytest.TempPathFactory) -> Guard:
    folder: Path = tmp_path_factory.mktemp("pack")
    (folder / "test.yaml").write_text(PACK, encoding="utf-8")
    return Guard(extra_rules=[folder], bundled=False)


def _spans(guard: Guard, text: str) -> list[str]:
    return [text[f.start : f.end] for f in guard.check(text, lang="zh").findings]


def test_a_phrase_across_jieba_words_is_found(guard: Guard) -> None:
    text = "那你就先等着吧，别催了。"
    words = [t.text for t in get_adapter("zh").words(text)]
    assert "等着吧" in _spans(guard, text)
    assert words  # whatever the cut: the match does not depend on it


def test_a_long_phrase_inside_a_longer_word_is_found(guard: Guard) -> None:
    assert _spans(guard, "您只能等着吧台的通知。") == ["等着吧"]  # three characters or more: anywhere


def test_a_short_phrase_needs_word_bounds(guard: Guard) -> None:
    assert _spans(guard, "我会尽快处理。") == ["我会"]
    assert _spans(guard, "我会议后给您回电话。") == []  # 我 / 会议: the phrase would cross a word


def test_latin_phrases_stay_word_based(guard: Guard) -> None:
    assert _spans(guard, "ok，我们处理。") == ["ok"]
    assert _spans(guard, "请在book页面查看。") == []


def test_traditional_and_spacing_do_not_hide_a_phrase(guard: Guard) -> None:
    assert _spans(guard, "這事不歸我管。") == ["不歸我管"]
    assert _spans(guard, "你就等 着 吧。") == ["等 着 吧"]


def test_the_edit_covers_exactly_the_phrase(guard: Guard) -> None:
    report = guard.check("那你就先等着吧，别催了。", lang="zh")
    (finding,) = report.findings
    (edit,) = finding.suggestions
    assert report.text[edit.start : edit.end] == "等着吧" and edit.replacement == "请稍候"
