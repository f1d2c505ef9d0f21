"""One contract for every language adapter (as holidays' CommonCountryTests)."""

from __future__ import annotations

import itertools
import logging

import pytest

from replyguard.lang.registry import SUPPORTED, get_adapter

SAMPLES = {
    "ru": "Здравствуйте, Анна!\n\nС вашей проблемой (заказ №31-774) разберёмся до 18:00… Спасибо!!! 🙂 iPhone 15",
    "sl": "Pozdravljeni, gospa Novak!\n\nVaše naročilo smo odposlali 16. 11. ob 14.10 — hvala!!! 🙂 e-pošta",
    "zh": "王女士您好！\n\n您的订单（12月1日）已经发出了。。。谢谢！！！🙂 YT8812345678",
}
ODD_INPUTS = ["", " ", "\n\n\t", "🙂🙂🙂", "!!!", "a" * 5000, "\x00\x01", "слово\u200bслово", "混合 mixed смесь"]


@pytest.mark.parametrize("lang", SUPPORTED)
def test_lang_contract_offsets_round_trip(lang: str) -> None:
    text = SAMPLES[lang]
    analysis = get_adapter(lang).analyse(text)
    assert analysis.text is text
    position = 0
    for token in analysis.tokens:
        assert text[token.start : token.end] == token.text
        assert token.start >= position
        position = token.end
        if not token.is_space:
            assert token.lemmas, token
    assert "".join(text[t.start : t.end] for t in analysis.tokens).replace(" ", "") == text.replace(" ", "")
    assert len(analysis.doc) == len(analysis.tokens)


@pytest.mark.parametrize("lang", SUPPORTED)
def test_lang_contract_sentences_cover_the_text(lang: str) -> None:
    text = SAMPLES[lang]
    sentences = get_adapter(lang).analyse(text).sentences
    assert sentences[0][0] == 0
    assert sentences[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(sentences))
    assert len(sentences) >= 3


@pytest.mark.parametrize("lang", SUPPORTED)
@pytest.mark.parametrize("text", ODD_INPUTS, ids=range(len(ODD_INPUTS)))
def test_lang_contract_odd_input_survives(lang: str, text: str) -> None:
    analysis = get_adapter(lang).analyse(text)
    for token in analysis.tokens:
        assert text[token.start : token.end] == token.text


@pytest.mark.parametrize("lang", SUPPORTED)
def test_lang_contract_nothing_is_printed_or_logged(lang: str, capsys, caplog, guard) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    guard.check(SAMPLES[lang], {"customer_name": "Анна Петрова"}, lang=lang)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
    for record in caplog.records:
        message = record.getMessage()
        assert "Анна" not in message and SAMPLES[lang][:10] not in message


@pytest.mark.parametrize("lang", SUPPORTED)
def test_lang_contract_every_token_says_where_its_lemma_came_from(lang: str) -> None:
    analysis = get_adapter(lang).analyse(SAMPLES[lang])
    assert all(t.source for t in analysis.tokens)
    assert "lemmas=" in analysis.describe()
