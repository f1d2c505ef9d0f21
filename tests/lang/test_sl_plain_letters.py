"""Slovenian typed without č, š, ž («zal», «tezavo», «pocakajte») matches as if written properly."""

from __future__ import annotations

import pytest

from replyguard import Guard
from replyguard.lang.registry import get_adapter
from replyguard.lang.sl.adapter import without_diacritics


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard()


def _plain(text: str) -> str:
    return without_diacritics(text).translate(str.maketrans("ČŠŽĆĐ", "CSZCD"))


def _rules(guard: Guard, text: str) -> set[str]:
    return {f.rule for f in guard.check(text, lang="sl").findings}


def test_without_diacritics() -> None:
    assert without_diacritics("počakajte še malo, žal") == "pocakajte se malo, zal"


def test_pack_examples_typed_plain_are_still_caught(guard: Guard) -> None:
    """Every Slovenian bad example with č/š/ž, typed without them: its category is still flagged."""
    total, missed = 0, []
    for loaded in guard.rules:
        if loaded.lang != "sl":
            continue
        rule = loaded.rule
        for example in rule.examples.bad:
            plain = _plain(example.text)
            if plain == example.text:
                continue
            total += 1
            context = example.context if example.context is not None else rule.examples.context
            if not any(f.category == rule.category for f in guard.check(plain, context, lang="sl").findings):
                missed.append((rule.id, plain))
    assert total > 100
    assert len(missed) <= total * 0.05, missed


def test_pack_good_examples_typed_plain_stay_quiet(guard: Guard) -> None:
    wrong = []
    for loaded in guard.rules:
        if loaded.lang != "sl":
            continue
        for example in loaded.rule.examples.good_texts:
            plain = _plain(example)
            if plain != example and loaded.rule.id in _rules(guard, plain):
                wrong.append((loaded.rule.id, plain))
    assert not wrong


def test_a_word_with_carons_is_never_read_as_a_plain_one(guard: Guard) -> None:
    """The folding goes one way: a plain spelling may stand for a word with carons, not back."""
    guard.compiled("sl")
    adapter = get_adapter("sl")
    adapter.learn_words(["koš"])
    assert "koš" in adapter.analyse_word("kos").lemmas
    assert "kos" not in adapter.analyse_word("koš").lemmas


def test_plain_spelling_of_a_lexicon_phrase_and_a_form_pattern(guard: Guard) -> None:
    assert _rules(guard, "To ni nasa krivda, paket je poskodovala posta.") >= {"sl.bad_word.ni_nasa_krivda"}
    assert "sl.bad_word.pocakajte" in _rules(guard, "Pocakajte do jutri.")


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # «je.», «so.» are abbreviations in spaCy's list, and plain words ending a sentence here
        ("Paket je na poti, kot je. Kurir pride jutri.", ["Paket je na poti, kot je. ", "Kurir pride jutri."]),
        ("Vsi so. Mi tudi.", ["Vsi so. ", "Mi tudi."]),
        # real abbreviations keep their dot
        ("Pokličite dr. Novak ali gosp. Kosa.", ["Pokličite dr. Novak ali gosp. Kosa."]),
    ],
)
def test_a_plain_word_before_a_dot_ends_a_sentence(text: str, sentences: list[str]) -> None:
    analysis = get_adapter("sl").analyse(text)
    assert [text[start:end] for start, end in analysis.sentences] == sentences
