"""Russian rewrites agree in case, number and gender; an unsure form is never 'certain'."""

from __future__ import annotations

import pytest

from replyguard.lang.registry import get_adapter


def _rewrite(text: str, word: str, phrase: str, replacement: str):  # type: ignore[no-untyped-def]
    adapter = get_adapter("ru")
    analysis = adapter.analyse(text)
    (index,) = [t.i for t in analysis.tokens if t.text == word]
    return adapter.rewrite(analysis, index, index, phrase, replacement), analysis


@pytest.mark.parametrize(
    ("text", "word", "replacement", "expected", "certain"),
    [
        ("Разберёмся с вашей проблемой.", "проблемой", "вопрос", "вашим вопросом", True),
        ("Из-за проблемы с маркировкой.", "проблемы", "вопрос", "вопроса", True),
        ("Мы решили эту проблему.", "проблему", "вопрос", "этот вопрос", True),
        ("По вашей проблеме", "проблеме", "вопрос", "вашему вопросу", False),  # dative or locative
        ("Ваша проблема решена.", "проблема", "вопрос", "Ваш вопрос", False),  # the predicate would disagree
        ("Проблемы с оплатой устранили.", "Проблемы", "сложность", "Сложности", True),  # all readings agree
        ("ВАША ПРОБЛЕМА", "ПРОБЛЕМА", "вопрос", "ВАШ ВОПРОС", False),
        ("Так, минуточку.", "минуточку", "минута", "минуту", True),
    ],
)
def test_ru_inflect_rewrite_table(text: str, word: str, replacement: str, expected: str, certain: bool) -> None:
    lemma = "минуточка" if word == "минуточку" else "проблема"
    rewrite, analysis = _rewrite(text, word, lemma, replacement)
    assert rewrite.text == expected
    assert rewrite.certain is certain
    assert analysis.text[rewrite.start : rewrite.end].lower().endswith(word.lower())


def test_ru_inflect_ambiguous_word_keeps_every_lemma() -> None:
    analysis = get_adapter("ru").analyse("Цены стали ниже.")
    assert {"стать", "сталь"} <= set(analysis.tokens[1].lemmas)


def test_ru_inflect_hyphenated_words_stay_whole() -> None:
    texts = [t.text for t in get_adapter("ru").analyse("Из-за задержки интернет-магазин пишет по e-mail.").tokens]
    assert "Из-за" in texts and "интернет-магазин" in texts and "e-mail" in texts


@pytest.mark.parametrize(
    ("text", "word", "lemma", "replacement", "expected"),
    [
        ("По данной заявке", "данной", "данный", "этот", "этой"),
        ("Посмотрите дешёвую модель", "дешёвую", "дешевый", "доступный", "доступную"),
        ("Данные сведения", "Данные", "данный", "этот", "Эти"),
    ],
)
def test_ru_inflect_adjective_for_adjective(text: str, word: str, lemma: str, replacement: str, expected: str) -> None:
    rewrite, _ = _rewrite(text, word, lemma, replacement)
    assert rewrite.text == expected
    assert rewrite.certain
