"""Lemma phrases (`wording.LemmaPhrases`): any inflection of a word, or exactly the form
written after «=», with gaps between the words of a phrase."""

from __future__ import annotations

import pytest

from replyguard.lang.registry import get_adapter
from replyguard.wording import LemmaPhrases


def _found(lang: str, phrases: list[str], text: str, gaps: int = 0) -> list[str]:
    adapter = get_adapter(lang)
    return [text[h.start : h.end] for h in LemmaPhrases(phrases, adapter, gaps).find(adapter.analyse(text))]


@pytest.mark.parametrize(
    ("lang", "phrases", "text", "found"),
    [
        ("ru", ["вернуть деньги"], "Верните мои деньги!", []),  # no gap allowed
        ("ru", ["вернуть деньги"], "Когда вернёте деньги?", ["вернёте деньги"]),  # any inflection
        ("ru", ["=верните деньги"], "Когда вернёте деньги?", []),  # «=верните»: that form only
        ("ru", ["=верните деньги"], "Верните деньги!", ["Верните деньги"]),
        # an exact form is not reached through a lemma: «=dva» is not «dvema»
        ("sl", ["že =dva dan"], "Paket čakam že pred dvema dnevoma.", []),
        ("sl", ["že =dva dan"], "Paket čakam že dva dni.", ["že dva dni"]),
        ("sl", ["=nimam internet"], "Nimam interneta že tri dni.", ["Nimam interneta"]),
        ("sl", ["=nimam internet"], "Nimamo interneta.", []),
        ("sl", ["=nimam internet"], "Nimam interneta, nimam nic.", ["Nimam interneta"]),
        ("sl", ["=nisem zadovoljna"], "Nisem zadovoljna.", ["Nisem zadovoljna"]),
        ("sl", ["=opravicujemo"], "Opravičujemo se.", []),  # the exact form as written, not its plain spelling back
    ],
)
def test_lemma_phrases(lang: str, phrases: list[str], text: str, found: list[str]) -> None:
    assert _found(lang, phrases, text) == found


def test_gaps_allow_words_between() -> None:
    assert _found("ru", ["вернуть деньги"], "Верните, пожалуйста, мои деньги!", gaps=2) == [
        "Верните, пожалуйста, мои деньги"
    ]
