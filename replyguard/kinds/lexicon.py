"""The lexicon kind: words and fixed phrases to avoid, matched by lemma in any inflection.

An entry lists phrases in dictionary form («вам нужно», «problem», «你必须»); each phrase is
lemmatized once by the language adapter, so «вашей проблемой» matches «проблема». Replacements
are written in dictionary form too and inflected by the adapter to fit the matched words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from replyguard import pack_cache
from replyguard.edits import match_case
from replyguard.kinds.base import Match, RuleBase, Suggestion
from replyguard.lang.base import Analysis, LanguageAdapter, Token
from replyguard.models import Context


class LexiconRule(RuleBase):
    """`match: lemma` (default) matches any inflection; `match: form` only the written forms."""

    kind: Literal["lexicon"]
    phrases: list[str] = Field(min_length=1)
    match: Literal["lemma", "form"] = "lemma"
    replace: list[str] = Field(default_factory=list)
    safe: bool = False


@dataclass(frozen=True, slots=True)
class _Entry:
    rule: LexiconRule
    phrase: str
    steps: tuple[frozenset[str], ...]


@dataclass(frozen=True, slots=True)
class _CharacterEntry:
    """A phrase matched on characters (see `LanguageAdapter.character_phrase`)."""

    rule: LexiconRule
    phrase: str
    chars: str
    word_bounds: bool


class CompiledLexicon:
    """Every lexicon phrase of one language, indexed by the lemma (or form) of its first word."""

    def __init__(
        self, rules: list[LexiconRule], adapter: LanguageAdapter, *, prefilter: bool = True, cache: bool = False
    ) -> None:
        """The lemma index is the prefilter of this kind: `prefilter` changes nothing here.
        With `cache`, the phrases' analyses come from (or go to) the per-user pack cache."""
        self._adapter = adapter
        phrases = [p for rule in rules for p in rule.phrases]
        adapter.add_terms(phrases)
        memory_key = ""
        if cache and phrases:
            versions = pack_cache.package_versions(adapter.analyzer_packages)
            memory_key = pack_cache.phrases_key(adapter.code, versions, phrases)
            if adapter.preload_phrases(pack_cache.read(memory_key, "phrases")):
                memory_key = ""  # a hit: nothing to write back
        # One-word phrases by their word; longer ones by their first two words, so a common
        # first word («не», «вы», «мы») does not try every phrase that starts with it.
        self._by_lemma: dict[str, list[_Entry]] = {}
        self._by_form: dict[str, list[_Entry]] = {}
        self._lemma_pairs: dict[tuple[str, str], list[_Entry]] = {}
        self._form_pairs: dict[tuple[str, str], list[_Entry]] = {}
        self._by_char: dict[str, list[_CharacterEntry]] = {}
        for rule in rules:
            for phrase in rule.phrases:
                on_characters = adapter.character_phrase(phrase)
                if on_characters is not None:
                    chars, word_bounds = on_characters
                    # Keyed by the first two characters (one for a one-character phrase): with
                    # the first alone, a common character would try hundreds of phrases.
                    key = chars[:2]
                    self._by_char.setdefault(key, []).append(_CharacterEntry(rule, phrase, chars, word_bounds))
                    continue
                by_form = rule.match == "form"
                if by_form:
                    steps = tuple(frozenset(adapter.typed_forms(word)) for word in adapter.phrase_forms(phrase))
                else:
                    steps = tuple(adapter.phrase_lemmas(phrase))
                if not steps:
                    continue
                entry = _Entry(rule, phrase, steps)
                if len(steps) == 1:
                    singles = self._by_form if by_form else self._by_lemma
                    for key in steps[0]:
                        singles.setdefault(key, []).append(entry)
                else:
                    pairs = self._form_pairs if by_form else self._lemma_pairs
                    for first in steps[0]:
                        for second in steps[1]:
                            pairs.setdefault((first, second), []).append(entry)
        adapter.learn_words(
            {
                lemma
                for index in (self._by_lemma, self._lemma_pairs)
                for entries in index.values()
                for e in entries
                for step in e.steps
                for lemma in step
            }
        )
        for index in (self._by_lemma, self._by_form, self._lemma_pairs, self._form_pairs):
            for entries in index.values():
                entries.sort(key=lambda e: -len(e.steps))
        for char_entries in self._by_char.values():
            char_entries.sort(key=lambda e: -len(e.chars))
        if memory_key:
            pack_cache.write(memory_key, adapter.phrase_memory(phrases), "phrases")

    def find(self, analysis: Analysis, context: Context) -> list[Match]:
        tokens = analysis.tokens
        matches: list[Match] = []
        for i, token in enumerate(tokens):
            if token.is_space:
                continue
            seen: set[str] = set()
            for entry in self._candidates(tokens, i):
                if entry.rule.id in seen:
                    continue
                last = self._match_from(tokens, i, entry)
                if last is None:
                    continue
                seen.add(entry.rule.id)
                matches.append(self._to_match(analysis, i, last, entry))
        if self._by_char:
            matches.extend(self._character_matches(analysis))
        return matches

    def _character_matches(self, analysis: Analysis) -> list[Match]:
        """Phrases found in the characters of the text (longest first at each place)."""
        text = analysis.lowered if len(analysis.lowered) == len(analysis.text) else analysis.text
        by_char = self._by_char
        bounds: set[int] | None = None
        matches: list[Match] = []
        for start in range(len(text)):
            pair = by_char.get(text[start : start + 2])
            single = by_char.get(text[start])
            entries = _longest_first(pair, single)
            if not entries:
                continue
            seen: set[str] = set()
            for entry in entries:
                if entry.rule.id in seen or not text.startswith(entry.chars, start):
                    continue
                end = start + len(entry.chars)
                if entry.word_bounds:
                    if bounds is None:
                        bounds = {t.start for t in analysis.tokens} | {t.end for t in analysis.tokens}
                    if start not in bounds or end not in bounds:
                        continue
                seen.add(entry.rule.id)
                written = analysis.text[start:end]
                suggestions = [
                    Suggestion(start, end, match_case(written, replacement), entry.rule.safe)
                    for replacement in entry.rule.replace
                ]
                matches.append(Match(entry.rule, start, end, suggestions))
        return matches

    def _candidates(self, tokens: list[Token], i: int) -> list[_Entry]:
        """The phrases that may start at token i, longest first: those whose first two words
        are this token and the next, then one-word ones."""
        token = tokens[i]
        found: list[_Entry] = []
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if following is not None and not following.is_space:
            if self._lemma_pairs:
                for first in token.lemmas:
                    for second in following.lemmas:
                        found.extend(self._lemma_pairs.get((first, second), ()))
            found.extend(self._form_pairs.get((token.lower, following.lower), ()))
            if len(found) > 1:
                found.sort(key=lambda e: -len(e.steps))
        for lemma in token.lemmas:
            found.extend(self._by_lemma.get(lemma, ()))
        found.extend(self._by_form.get(token.lower, ()))
        return found

    @staticmethod
    def _match_from(tokens: list[Token], i: int, entry: _Entry) -> int | None:
        """Index of the last token if the entry's words follow from token i, else None.

        Token i was found through the index by the entry's first word, so it matches.
        """
        last = i + len(entry.steps) - 1
        if last >= len(tokens):
            return None
        by_form = entry.rule.match == "form"
        for offset in range(1, len(entry.steps)):
            token = tokens[i + offset]
            step = entry.steps[offset]
            if token.is_space or (token.lower not in step if by_form else step.isdisjoint(token.lemmas)):
                return None
        return last

    def _to_match(self, analysis: Analysis, first: int, last: int, entry: _Entry) -> Match:
        tokens = analysis.tokens
        suggestions = []
        for replacement in entry.rule.replace:
            rewrite = self._adapter.rewrite(analysis, first, last, entry.phrase, replacement)
            suggestions.append(
                Suggestion(rewrite.start, rewrite.end, rewrite.text, entry.rule.safe and rewrite.certain)
            )
        return Match(entry.rule, tokens[first].start, tokens[last].end, suggestions)


def _longest_first(pair: list[_CharacterEntry] | None, single: list[_CharacterEntry] | None) -> list[_CharacterEntry]:
    """The phrases starting at one place (by their first two characters, and one-character
    phrases), longest first."""
    if pair and single:
        return sorted(pair + single, key=lambda e: -len(e.chars))
    return pair or single or []
