"""The token-pattern kind: spaCy Matcher patterns, a pattern language rule authors may know.

Patterns see LEMMA (the likeliest lemma), LOWER, TEXT, POS (Universal Dependencies), IS_PUNCT
and the other spaCy token attributes, plus `_.lemmas`, every candidate lemma of an ambiguous
word: {"_": {"lemmas": {"INTERSECTS": ["мочь"]}}}. Regexes go through REGEX, sets through IN.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator

from replyguard.edits import match_case
from replyguard.kinds.base import Match, RuleBase, Suggestion
from replyguard.lang.base import Analysis, LanguageAdapter
from replyguard.models import Context


class PatternRule(RuleBase):
    """`patterns` is a list of alternatives, each a spaCy Matcher token pattern.

    `suggest` holds literal replacements for the flagged span; they are safe only when the
    rule says `safe: true` (the author vouches that no agreement or meaning changes).
    `context_before` / `context_after` count tokens at the ends of every pattern that must be
    there but are not flagged or replaced (the Matcher has no look-behind or look-ahead).
    """

    kind: Literal["pattern"]
    patterns: list[list[dict[str, Any]]] = Field(min_length=1)
    suggest: list[str] = Field(default_factory=list)
    safe: bool = False
    context_before: int = Field(default=0, ge=0)
    context_after: int = Field(default=0, ge=0)

    @field_validator("patterns")
    @classmethod
    def _valid_spacy_patterns(cls, value: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
        from spacy.schemas import validate_token_pattern

        for n, pattern in enumerate(value):
            if not pattern:
                raise ValueError(f"pattern {n} is empty")
            problems = validate_token_pattern(pattern)
            if problems:
                raise ValueError(f"pattern {n} is not a valid spaCy Matcher pattern: {'; '.join(problems)}")
        return value


class CompiledPatterns:
    """All pattern rules of one language in one spaCy Matcher (greedy: longest match wins)."""

    def __init__(self, rules: list[PatternRule], adapter: LanguageAdapter) -> None:
        from spacy.matcher import Matcher

        self._matcher = Matcher(adapter.vocab)  # patterns were validated when the pack loaded
        self._rules: dict[int, PatternRule] = {}
        for rule in rules:
            self._matcher.add(rule.id, rule.patterns, greedy="LONGEST")
            self._rules[adapter.vocab.strings[rule.id]] = rule

    def find(self, analysis: Analysis, context: Context) -> list[Match]:
        if not self._rules:
            return []
        matches = []
        tokens = analysis.tokens
        for key, first, end in self._matcher(analysis.doc):
            rule = self._rules[key]
            first, end = first + rule.context_before, end - rule.context_after
            if first >= end:
                continue
            start, stop = tokens[first].start, tokens[end - 1].end
            original = analysis.text[start:stop]
            suggestions = [Suggestion(start, stop, match_case(original, s), rule.safe) for s in rule.suggest]
            matches.append(Match(rule, start, stop, suggestions))
        return matches
