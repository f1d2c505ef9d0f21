"""A reply in two languages is checked sentence by sentence, each in its own language."""

from __future__ import annotations

import itertools

from replyguard import Guard
from replyguard.lang.segments import segments


def test_segments_a_reply_in_one_script_is_one_segment() -> None:
    assert len(segments("Ваш заказ iPhone 15 Pro Max уже в пути. Спасибо!", "ru")) == 1
    assert len(segments("您的订单 iPhone 15 Pro Max 已发货。", "zh")) == 1


def test_segments_each_language_gets_its_own_rules(guard: Guard) -> None:
    text = "Ваша проблема — не наша вина. 这不是我们的问题。"
    report = guard.check(text)
    assert report.lang == "ru"
    by_lang = {f.lang for f in report.findings}
    assert by_lang == {"ru", "zh"}
    zh = [f for f in report.findings if f.lang == "zh"]
    assert all(text.index("这") <= f.start for f in zh)
    assert all("'" not in f.message[:1] for f in zh)  # the zh rule's own message, not the English one


def test_segments_slovenian_inside_russian(guard: Guard) -> None:
    text = "Pozdravljeni, to ni naša krivda. Ваша проблема будет решена сегодня."
    report = guard.check(text, lang="ru")
    assert {f.lang for f in report.findings} == {"sl", "ru"}


def test_segments_an_unsupported_sentence_is_reported_once_as_info(guard: Guard) -> None:
    text = (
        "Ваша заявка принята, счёт отправили на почту. Please find the invoice attached. "
        "Если появятся вопросы, напишите нам в чат — ответим в течение часа."
    )
    report = guard.check(text)
    unchecked = [f for f in report.findings if f.category.value == "language"]
    assert len(unchecked) == 1
    assert unchecked[0].severity.value == "info" and unchecked[0].lang == "en"
    assert text[unchecked[0].start : unchecked[0].end].startswith("Please find")
    assert "en" in unchecked[0].message and "replyguard" in unchecked[0].message
    assert report.ok


def test_segments_findings_map_into_html_of_a_mixed_reply(guard: Guard) -> None:
    text = "<p>Ваша проблема решена.</p><p>这不是我们的问题。</p>"
    report = guard.check(text)
    spans = [text[f.start : f.end] for f in report.findings]
    assert any("不是我们的问题" in s for s in spans) and any("проблема" in s for s in spans)


def test_segments_a_long_stretch_is_cut_at_sentence_ends() -> None:
    from replyguard.lang.segments import Segment, chunked

    text = "Ваш заказ в пути. " * 200
    pieces = chunked([Segment(0, len(text), "ru")], text, limit=500)
    assert pieces[0].start == 0 and pieces[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(pieces))
    assert all(p.end - p.start <= 500 for p in pieces)
    assert all(text[p.start : p.end].endswith(". ") for p in pieces[:-1])


def test_segments_a_long_reply_finds_what_its_sentences_find() -> None:
    sentence = "С вашей проблемой разберёмся сегодня. "
    report = Guard(max_chars=200_000).check(sentence * 3000, lang="ru")  # 114,000 characters, in pieces
    assert len([f for f in report.findings if f.rule == "ru.bad_word.problema"]) == 3000
