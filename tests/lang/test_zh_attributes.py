"""Chinese Docs carry spaCy's lexical attributes, so patterns can rely on IS_PUNCT and LOWER."""

from __future__ import annotations

from replyguard import Guard
from replyguard.lang.registry import get_adapter


def test_zh_punctuation_is_punct_and_latin_words_have_a_lowercase() -> None:
    doc = get_adapter("zh").analyse("您好，SB-200已发货！").doc
    assert [t.is_punct for t in doc if t.text in "，！"] == [True, True]
    assert [t.lower_ for t in doc if t.text.startswith("SB")] == ["sb-200"]


def test_zh_patterns_that_exclude_punctuation_stop_at_it(guard: Guard) -> None:
    """`{IS_PUNCT: false, OP: "{0,5}"}` no longer runs across a comma into another clause."""
    report = guard.check("谢谢您，是您，仓库的问题我们来处理。", lang="zh")
    assert not [f for f in report.findings if f.rule == "zh.bad_word.shi_nin_de_wenti"]
    assert [f.rule for f in guard.check("这是您自己操作的问题。", lang="zh").findings if "wenti" in f.rule]
