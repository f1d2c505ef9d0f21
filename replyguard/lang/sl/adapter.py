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
from typing import Any

from replyguard.lang.base import Analysis, LanguageAdapter, Token, blank_tokenizer_pipeline, build_doc, sentence_bounds
from replyguard.lang.sl.closed_class import CLOSED_CLASS_POS

SENTENCE_ENDERS = frozenset({".", "!", "?", "…", "?!", "!?", "!!", "!!!", "..."})
_LETTER = re.compile(r"[^\W\d_]")
_NUMBER = re.compile(r"^(?=.*\d)[\d.,:–\-/+%]+$")


class SlovenianAdapter(LanguageAdapter):
    code = "sl"
    name = "Slovenian"

    def __init__(self) -> None:
        super().__init__()
        try:
            import lemmagen3
        except ImportError as exc:
            from replyguard.errors import MissingDependency

            raise MissingDependency("lemmagen3", self.code) from exc
        self._nlp = blank_tokenizer_pipeline("sl")
        self._lemmatizer = lemmagen3.Lemmatizer("sl")
        self._lemmas = lru_cache(maxsize=100_000)(self._lemmas_of)

    @property
    def vocab(self) -> Any:
        return self._nlp.vocab

    def _lemmas_of(self, lowered: str) -> tuple[tuple[str, ...], str, str]:
        """Lemma candidates (lemmagen3's, then the word itself), part of speech and source."""
        if not _LETTER.search(lowered):
            return (lowered,), "NUM" if _NUMBER.match(lowered) else "PUNCT", "shape"
        lemma = self._lemmatizer.lemmatize(lowered) or lowered
        lemmas = (lemma,) if lemma == lowered else (lemma, lowered)
        pos = CLOSED_CLASS_POS.get(lowered) or CLOSED_CLASS_POS.get(lemma, "")
        return lemmas, pos, "closed_class" if pos else "lemmagen3"

    def analyse(self, text: str) -> Analysis:
        spacy_doc = self._nlp.make_doc(text)
        tokens: list[Token] = []
        for t in spacy_doc:
            end = t.idx + len(t.text)
            if t.is_space:
                tokens.append(Token(t.i, t.text, t.idx, end, (), "SPACE", "shape", True))
                continue
            lemmas, pos, source = self._lemmas(t.text.lower())
            tokens.append(Token(t.i, t.text, t.idx, end, lemmas, pos, source))
        doc = build_doc(
            self.vocab,
            [t.text for t in spacy_doc],
            [bool(t.whitespace_) for t in spacy_doc],
            [t.lemmas for t in tokens],
            [t.pos for t in tokens],
        )
        return Analysis(text, self.code, tokens, sentence_bounds(text, tokens, SENTENCE_ENDERS), doc)
