"""Lemma analyzers for Russian, tried in order as pymorphy's `units/` are.

Each unit takes a lowercased word and returns (lemmas, pos, parses) or None to pass.
The token records which unit answered (`Token.source`), so a failing example can say why.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from replyguard.lang.ru.tags import UD_POS

_NUMBER = re.compile(r"^[\d.,:–\-/+%]+$")
_LETTER = re.compile(r"\w", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яё]")
WORD_CACHE_SIZE = 20_000  # pymorphy parses remembered; a real reply draws on a few thousand words


def normalize(word: str) -> str:
    """Lowercase and fold ё into е, as dictionaries and writers disagree on it."""
    return word.lower().replace("ё", "е")


def shape_unit(word: str) -> tuple[tuple[str, ...], str, tuple[Any, ...]] | None:
    """Punctuation, numbers and Latin-script words: the word itself is its lemma.

    >>> shape_unit("14:00")
    (('14:00',), 'NUM', ())
    """
    if not _LETTER.search(word):
        return (word,), "PUNCT" if not word.isspace() else "SPACE", ()
    if _NUMBER.match(word):
        return (word,), "NUM", ()
    if not _CYRILLIC.search(word):
        return (word,), "X", ()
    return None


class DictionaryUnit:
    """pymorphy3's dictionary and its suffix predictor; keeps every candidate normal form.

    >>> DictionaryUnit(__import__("pymorphy3").MorphAnalyzer())("стали")[0]
    ('стать', 'сталь')
    """

    def __init__(self, morph: Any) -> None:
        self.parse = lru_cache(maxsize=WORD_CACHE_SIZE)(lambda word: _parses(morph, word))

    def __call__(self, word: str) -> tuple[tuple[str, ...], str, tuple[Any, ...]]:
        parses = self.parse(word)
        lemmas: list[str] = []
        for parse in parses:
            lemma = normalize(parse.normal_form)
            if lemma not in lemmas:
                lemmas.append(lemma)
        pos = UD_POS.get(str(parses[0].tag.POS), "X") if parses else "X"
        return tuple(lemmas) or (normalize(word),), pos, parses


def _parses(morph: Any, word: str) -> tuple[Any, ...]:
    """pymorphy3's parses, or none for a word it cannot take: it asks unicodedata.name()
    about every letter and fails on letters without a name (Tangut, newer scripts)."""
    try:
        return tuple(morph.parse(word))
    except ValueError:
        return ()


def source_of(parses: tuple[Any, ...]) -> str:
    """Which pymorphy3 analyzer produced the best parse: 'dictionary' or a predictor's name."""
    if not parses:
        return "shape"
    unit = type(parses[0].methods_stack[0][0]).__name__
    return "dictionary" if unit == "DictionaryAnalyzer" else unit
