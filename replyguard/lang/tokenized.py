"""Shared plumbing for adapters that tokenize with spaCy and analyse word by word (ru, sl).

A subclass names its spaCy language and says how to analyse one word; this class keeps
offsets, whitespace tokens, the Doc for the Matcher and sentence bounds the same for all.
"""

from __future__ import annotations

import importlib
from abc import abstractmethod
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Any, ClassVar

from replyguard.lang.base import Analysis, LanguageAdapter, Token, blank_tokenizer, make_analysis

SENTENCE_ENDERS = frozenset({".", "!", "?", "…", "?!", "!?", "!!", "!!!", "..."})


@dataclass(frozen=True, slots=True)
class WordAnalysis:
    """What an adapter knows about one word: lemmas (likeliest first), POS, source, morphology."""

    lemmas: tuple[str, ...]
    pos: str
    source: str
    morph: Any = None


def require(module: str, lang: str) -> ModuleType:
    """Import a language's heavy dependency, or say which pip extra brings it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        from replyguard.errors import MissingDependency

        raise MissingDependency(module, lang) from exc


class SpacyTokenizedAdapter(LanguageAdapter):
    """An adapter over spaCy's blank tokenizer for `code`, analysing each word on its own."""

    sentence_enders: frozenset[str] = SENTENCE_ENDERS
    # words spaCy's exceptions read as abbreviations with their dot, which are plain words here
    words_not_abbreviations: ClassVar[frozenset[str]] = frozenset()

    word_cache_size = 20_000  # distinct words remembered (bounded: a service sees millions)

    def __init__(self) -> None:
        super().__init__()
        self._start_vocabulary()

    def _start_vocabulary(self) -> None:
        self._spacy = blank_tokenizer(self.code, self.words_not_abbreviations)
        # The whole analysis of a word, as written, once per distinct word (bounded).
        self._analysed = lru_cache(maxsize=self.word_cache_size)(self._analyse_with_lower)

    @property
    def vocab(self) -> Any:
        return self._spacy.vocab

    @property
    def common_words(self) -> frozenset[str]:
        """spaCy's stop-word list for the language."""
        return frozenset(self._spacy.defaults.stop_words)

    @abstractmethod
    def analyse_word(self, word: str) -> WordAnalysis:
        """Lemmas, part of speech and source of one non-space token as written."""

    def _analyse_with_lower(self, word: str) -> tuple[WordAnalysis, str]:
        return self.analyse_word(word), word.lower()

    def analyse(self, text: str, breaks: frozenset[int] = frozenset()) -> Analysis:
        spacy_doc = self._spacy.tokenizer(text)
        tokens = self._tokens(spacy_doc)
        return make_analysis(self.code, self.vocab, text, tokens, [], self.sentence_enders, spacy_doc, breaks)

    def words(self, text: str) -> list[Token]:
        return self._tokens(self._spacy.tokenizer(text))

    def _tokens(self, spacy_doc: Any) -> list[Token]:
        analysed = self._analysed
        tokens: list[Token] = []
        for t in spacy_doc:
            word_text = t.text
            start = t.idx
            end = start + len(word_text)
            if t.is_space:
                tokens.append(Token(t.i, word_text, start, end, (), "SPACE", "shape", True))
                continue
            word, lower = analysed(word_text)
            tokens.append(
                Token(t.i, word_text, start, end, word.lemmas, word.pos, word.source, False, word.morph, lower)
            )
        return tokens
