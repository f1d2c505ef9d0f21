"""Messy input never hides a finding, and every span points into the caller's text."""

from __future__ import annotations

import pytest

from replyguard import Guard
from replyguard.normalize import RUN_KEPT, normalize


def _flagged(guard: Guard, text: str, lang: str) -> list[str]:
    report = guard.check(text, lang=lang)
    return [text[f.start : f.end] for f in report.findings]


@pytest.mark.parametrize(
    ("text", "lang", "flagged"),
    [
        ("Это не  наша вина.", "ru", "не  наша вина"),
        ("Это не\u00a0наша вина.", "ru", "не\u00a0наша вина"),
        ("Это не\tнаша вина.", "ru", "не\tнаша вина"),
        ("Это не\nнаша вина.", "ru", "не\nнаша вина"),
        ("Это не \u200b наша вина.", "ru", "не \u200b наша вина"),
        ("Ваша про\u200bблема в том, что…", "ru", "про\u200bблема"),
        ("Ваша про\u00adблема", "ru", "про\u00adблема"),
        ("Ваша пробле\u0301ма", "ru", "пробле\u0301ма"),
        ("Ваша \u202eпроблема\u202c", "ru", "проблема"),
        ("\ufeffВаша проблема\x00", "ru", "проблема"),
        ("这不是我们的 问题。", "zh", "这不是我们的 问题"),
        ("这不是我们的\u3000问题。", "zh", "这不是我们的\u3000问题"),
        ("To ni  naša krivda.", "sl", "ni  naša krivda"),
    ],
)
def test_normalize_whitespace_and_invisible_characters_hide_nothing(
    guard: Guard, text: str, lang: str, flagged: str
) -> None:
    spans = _flagged(guard, text, lang)
    assert any(flagged in span or span in flagged for span in spans if span), spans


def test_normalize_html_is_checked_on_its_visible_text(guard: Guard) -> None:
    text = "<p>Ваша <b>проблема</b> — <i>не наша вина</i>.</p>"
    report = guard.check(text, lang="ru")
    spans = [text[f.start : f.end] for f in report.findings]
    assert "Ваша <b>проблема" in spans  # the rewrite «Ваш вопрос» re-agrees «Ваша» too
    assert any("не наша вина" in s for s in spans)
    assert not report.ok
    # The edit inside <b> keeps the markup around it; nothing outside an edit changes.
    assert "<p>Ваша <b>" in report.fixed and report.fixed.endswith("</i>.</p>")


def test_normalize_html_entities_and_comments(guard: Guard) -> None:
    assert "Ваша&nbsp;проблема" in _flagged(guard, "Ваша&nbsp;проблема", "ru")
    text = "<!-- шаблон: проблема --><div>Добрый день!</div><script>var a='проблема'</script>"
    assert guard.check(text, lang="ru").findings == []


def test_normalize_html_can_be_declared_or_refused(guard: Guard) -> None:
    text = "Используйте тег <b> для жирного: ваша проблема решена."
    as_text = guard.check(text, {"format": "text"}, lang="ru")
    assert any(text[f.start : f.end] == "ваша проблема" for f in as_text.findings)
    as_html = guard.check("<p>Ваша проблема</p>", {"format": "html"}, lang="ru")
    assert [as_html.text[f.start : f.end] for f in as_html.findings] == ["Ваша проблема"]


def test_normalize_an_edit_over_markup_is_never_applied_unasked(guard: Guard) -> None:
    text = "С вашей <b>проблемой</b> разберёмся."
    report = guard.check(text, lang="ru")
    edits = [f.suggestions[0] for f in report.findings if f.suggestions]
    assert edits and not any(e.safe and "<" in text[e.start : e.end] for e in edits)
    assert report.fixed.count("<b>") == 1 and report.fixed.count("</b>") == 1


def test_normalize_a_line_break_ends_a_sentence() -> None:
    from replyguard.lang.registry import get_adapter

    normalized = normalize("Добрый день\nВаша заявка принята")
    analysis = get_adapter("ru").analyse(normalized.text, normalized.breaks)
    assert [normalized.text[a:b].strip() for a, b in analysis.sentences] == ["Добрый день", "Ваша заявка принята"]


def test_normalize_long_runs_of_marks_count_as_a_few_and_map_back() -> None:
    text = "Спасибо" + "!" * 50
    normalized = normalize(text)
    assert normalized.text == "Спасибо" + "!" * RUN_KEPT
    assert normalized.span(7, len(normalized.text)) == (7, len(text))


def test_normalize_clean_text_is_its_own_normalized_form() -> None:
    assert normalize("Ваш заказ в пути. Спасибо!").identity
    assert normalize("Ваш заказ в пути.\n").breaks == frozenset({17})


def test_normalize_spans_and_fixed_stay_inside_the_original(guard: Guard) -> None:
    texts = [
        "<div>С&nbsp;вашей  проблемой\u200b разберёмся!!!!!!!!!!!!!</div>",
        "\ufeffВаша\tпроблема — не\u00a0наша вина.\r\n",
        "е\u0308лка и пробле\u0301ма",
    ]
    for text in texts:
        report = guard.check(text, lang="ru")
        for finding in report.findings:
            assert 0 <= finding.start <= finding.end <= len(text)
            for edit in finding.suggestions:
                assert 0 <= edit.start <= edit.end <= len(text)
        # Outside the applied edits the text is unchanged, and applying twice changes nothing more.
        assert report.fixed.startswith(text[: min((f.start for f in report.findings), default=len(text))])
