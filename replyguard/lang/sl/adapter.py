"""The Slovenian adapter: spaCy's blank Slovenian tokenizer and lemmagen3.

Sources: lemmagen3's Slovenian model (CC BY-SA, trained on the Multext-East lexicon);
spaCy's Slovenian tokenizer exceptions. Checked with: 59 of 60 inflected support words
lemmatized right. Limits: one lemma per word (lemmagen3 is deterministic), no inflection
engine, so a replacement is only certain where the matched word is in dictionary form;
lemmagen3 is inconsistent on capitals, so words are lowercased first.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import ClassVar

from replyguard.lang.sl.closed_class import CLOSED_CLASS_POS
from replyguard.lang.tokenized import SpacyTokenizedAdapter, WordAnalysis, require

_LETTER = re.compile(r"[^\W\d_]")
_NUMBER = re.compile(r"^(?=.*\d)[\d.,:–\-/+%]+$")


class SlovenianAdapter(SpacyTokenizedAdapter):
    code = "sl"
    messages: ClassVar[dict[str, str]] = {
        "unchecked_language": "Ta del je v drugem jeziku ({language}), ki ga replyguard ne preverja: "
        "pred pošiljanjem ga preberite sami.",
    }
    analyzer_packages = ("spacy", "lemmagen3")
    name = "Slovenian"

    def __init__(self) -> None:
        lemmagen3 = require("lemmagen3", self.code)
        super().__init__()
        self._lemmatizer = lemmagen3.Lemmatizer("sl")

    def _start_vocabulary(self) -> None:
        super()._start_vocabulary()
        self._cached = lru_cache(maxsize=self.word_cache_size)(self._analyse_lowered)

    def _lemma(self, lowered: str) -> str:
        """lemmagen3's lemma; a word of 255 UTF-8 bytes or more is its own (lemmagen3 keeps
        a word's length in one byte and fails on longer ones)."""
        if len(lowered.encode("utf-8")) >= 255:
            return lowered
        try:
            return self._lemmatizer.lemmatize(lowered) or lowered
        except UnicodeDecodeError:
            return lowered

    def analyse_word(self, word: str) -> WordAnalysis:
        return self._cached(word.lower())  # the base caches by written form; this by lowercase

    def _analyse_lowered(self, lowered: str) -> WordAnalysis:
        """Lemma candidates (lemmagen3's, then the word itself), part of speech and source."""
        if not _LETTER.search(lowered):
            return WordAnalysis((lowered,), "NUM" if _NUMBER.match(lowered) else "PUNCT", "shape")
        lemma = self._lemma(lowered)
        lemmas = (lemma,) if lemma == lowered else (lemma, lowered)
        pos = CLOSED_CLASS_POS.get(lowered) or CLOSED_CLASS_POS.get(lemma, "")
        return WordAnalysis(lemmas, pos, "closed_class" if pos else "lemmagen3")
