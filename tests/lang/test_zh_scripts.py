"""Traditional and full-width Chinese: folded for matching, offsets kept, suggestions given
back in the reply's own script."""

from __future__ import annotations

import pytest

from replyguard import Guard
from replyguard.lang.zh.scripts import is_traditional, to_simplified, to_traditional

# (draft, the text after its safe edits): five Simplified, six Traditional, one full-width.
REWRITES = [
    ("请问您遇到了神马情况？", "请问您遇到了什么情况？"),
    ("請問您遇到了神馬情況？", "請問您遇到了什麼情況？"),
    ("快遞腫麼還沒到呀？我幫您查查。", "快遞怎麼還沒到呀？我幫您查查。"),
    ("這款木有現貨了。", "這款沒有現貨了。"),  # 木有 is the same in both scripts; the reply decides
    ("您的來信已收悉。", "您的來信已收到。"),
    ("煩請您提供訂單號。", "請您提供訂單號。"),
    ("您亦可在訂單頁查看物流。", "您也可以在訂單頁查看物流。"),
    ("灰常感谢您的支持！", "非常感谢您的支持！"),
    ("好滴，今天下午为您处理。", "好的，今天下午为您处理。"),
    ("内个，您的包裹到了。", "那个，您的包裹到了。"),
    ("訂單ＡＢ１２３已發出，我們亦會安排專人跟進。", "訂單ＡＢ１２３已發出，我們也會安排專人跟進。"),
]


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard()


@pytest.mark.parametrize(("draft", "fixed"), REWRITES)
def test_rewrite_in_the_replys_script(guard: Guard, draft: str, fixed: str) -> None:
    assert guard.check(draft, lang="zh").fixed == fixed


def test_folding_keeps_length_and_ascii_punctuation_of_chinese() -> None:
    text = "這個問題，我們會處理！訂單號：ＡＢ１２３"
    folded = to_simplified(text)
    assert folded == "这个问题，我们会处理！订单号：AB123"
    assert len(folded) == len(text)
    assert to_simplified("这个问题") == "这个问题"


def test_script_of_a_text() -> None:
    assert is_traditional("您的訂單")
    assert not is_traditional("您的订单")
    assert not is_traditional("ＡＢ１２３")  # full-width letters are not a script
    assert to_traditional("我们会尽快处理") == "我們會盡快處理"


def test_every_pack_example_in_traditional_gets_the_same_findings(guard: Guard) -> None:
    """The zh packs are written in Simplified; each bad example converted to Traditional
    must get the same findings, at the same places, as the Simplified one."""
    differ = []
    total = 0
    for loaded in guard.rules:
        if loaded.lang != "zh":
            continue
        for example in loaded.rule.examples.bad:
            traditional = to_traditional(example.text)
            if traditional == example.text:
                continue
            total += 1
            simplified = {(f.rule, f.start, f.end) for f in guard.check(example.text, lang="zh").findings}
            found = {(f.rule, f.start, f.end) for f in guard.check(traditional, lang="zh").findings}
            if loaded.rule.id in {rule for rule, _, _ in simplified} and found != simplified:
                differ.append((loaded.rule.id, traditional))
    assert total > 100
    assert len(differ) <= total * 0.02, differ


def test_message_quotes_the_reply_as_written(guard: Guard) -> None:
    report = guard.check("這不是我們的問題，請聯繫快遞。", lang="zh")
    assert any("不是我們的問題" in f.message for f in report.findings)
