"""The token-pattern kind: spaCy Matcher patterns, a pattern language rule authors may know.

Patterns see LEMMA (the likeliest lemma), LOWER, TEXT, POS (Universal Dependencies), IS_PUNCT
and the other spaCy token attributes, plus `_.lemmas`, every candidate lemma of an ambiguous
word: {"_": {"lemmas": {"INTERSECTS": ["мочь"]}}}. Regexes go through REGEX, sets through IN.

Each rule gets a Matcher of its own and runs only where it can match: a rule whose every
alternative has anchors (see `anchors`) runs when the text has them, and only in windows of
tokens around the hits; a rule with an unanchored alternative runs on the whole text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field, field_validator

from replyguard.edits import match_case
from replyguard.kinds.anchors import (
    LEMMA,
    LOWER,
    LOWER_HAS,
    LOWER_RE,
    REGEX_KINDS,
    SUBSTRING_KINDS,
    TEXT_HAS,
    UNBOUNDED,
    Anchor,
    Key,
    PatternShape,
    RegexMemo,
    shape_of,
    unbounded_without_words,
)
from replyguard.kinds.base import Match, RuleBase, Suggestion
from replyguard.lang.base import Analysis, LanguageAdapter
from replyguard.models import Context


class PatternRule(RuleBase):
    """`patterns` is a list of alternatives, each a spaCy Matcher token pattern.

    `suggest` holds literal replacements for the flagged span; they are safe only when the
    rule says `safe: true` (the author vouches that no agreement or meaning changes).
    `context_before` / `context_after` count tokens at the ends of every pattern that must be
    there but are not flagged or replaced (the Matcher has no look-behind or look-ahead);
    `context_before_optional` lets a pattern whose context only excludes words match at the
    start of a sentence without it.
    """

    kind: Literal["pattern"]
    patterns: list[list[dict[str, Any]]] = Field(min_length=1)
    suggest: list[str] = Field(default_factory=list)
    safe: bool = False
    context_before: int = Field(default=0, ge=0)
    context_after: int = Field(default=0, ge=0)
    # The context_before tokens only exclude words («not after без/нет»): at the start of a
    # sentence, where no word precedes, the rest of the pattern matches on its own.
    context_before_optional: bool = False

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
            for m, spec in enumerate(pattern):
                if unbounded_without_words(spec):
                    raise ValueError(
                        f"pattern {n}, token {m}: OP {spec.get('OP')!r} repeats a token that names no words; "
                        "the Matcher tries every sub-run of a long run of such tokens (capitals, marks), which is "
                        "quadratic. List the words ({LOWER: {IN: [...]}}), bound the repeat (OP: '{0,3}'), or use "
                        "kind: regex for runs"
                    )
        return value


@dataclass(frozen=True, slots=True)
class _Alternative:
    """One pattern of a rule, as the prefilter sees it."""

    rule_index: int
    shape: PatternShape


class _CompiledRule:
    """One rule's own Matcher (patterns validated when the pack loaded, so not again here)."""

    __slots__ = ("alternatives", "at_start_key", "matcher", "rule", "whole_text")

    def __init__(self, rule: PatternRule, index: int, adapter: LanguageAdapter) -> None:
        from spacy.matcher import Matcher

        self.rule = rule
        patterns = [_loosened(p, adapter.typed_forms) for p in rule.patterns]
        self.matcher = Matcher(adapter.vocab, validate=False)
        self.matcher.add(rule.id, patterns, greedy="LONGEST")
        at_start = (
            [v for v in (_at_sentence_start(p, rule.context_before) for p in patterns) if v is not None]
            if rule.context_before_optional
            else []
        )
        self.at_start_key = 0
        if at_start:
            name = f"{rule.id}#at-start"
            self.matcher.add(name, at_start, greedy="LONGEST")
            self.at_start_key = adapter.vocab.strings[name]
        self.alternatives = [_Alternative(index, shape_of(p)) for p in (*patterns, *at_start)]
        self.whole_text = not all(a.shape.anchored for a in self.alternatives)


def _at_sentence_start(pattern: list[dict[str, Any]], before: int) -> list[dict[str, Any]] | None:
    """For a pattern whose `before` context tokens only exclude words («not after без/нет»),
    the same pattern without them at the start of a sentence, where no word precedes: a
    Matcher cannot match «nothing» before the first token, so «Проблема …» opening a reply
    would otherwise never be seen. None when the context requires something."""
    head, rest = pattern[:before], pattern[before:]
    if not head or not rest or not all(_only_excludes(token) for token in head):
        return None
    if rest[0].get("IS_SENT_START") is False:
        return None
    return [{**rest[0], "IS_SENT_START": True}, *rest[1:]]


def _only_excludes(token: dict[str, Any]) -> bool:
    """Whether a token spec only lists words it must not be (NOT_IN on written attributes)."""
    return bool(token) and all(
        key in ("LOWER", "ORTH", "TEXT", "LEMMA") and isinstance(value, dict) and set(value) == {"NOT_IN"}
        for key, value in token.items()
    )


def _loosened(pattern: list[dict[str, Any]], typed_forms: Callable[[str], tuple[str, ...]]) -> list[dict[str, Any]]:
    """The pattern with each LOWER word also accepted as people type it (see
    `LanguageAdapter.typed_forms`); IN and NOT_IN lists grow alike, so exclusions still hold."""

    def grown(values: list[Any]) -> list[Any]:
        out = list(values)
        for value in values:
            if isinstance(value, str):
                out.extend(form for form in typed_forms(value) if form not in out)
        return out

    loosened = []
    for token in pattern:
        condition = token.get("LOWER")
        if isinstance(condition, str) and len(typed_forms(condition)) > 1:
            token = {**token, "LOWER": {"IN": grown([condition])}}
        elif isinstance(condition, dict):
            token = {
                **token,
                "LOWER": {
                    op: grown(v) if op in ("IN", "NOT_IN") and isinstance(v, list) else v for op, v in condition.items()
                },
            }
        loosened.append(token)
    return loosened


class CompiledPatterns:
    """Pattern rules of one language, each with its Matcher, behind an anchor prefilter.

    `prefilter=False` runs every rule on the whole text, as one Matcher would: the tests
    compare both ways on every rule example and draft they have.
    """

    def __init__(
        self, rules: list[PatternRule], adapter: LanguageAdapter, *, prefilter: bool = True, cache: bool = False
    ) -> None:
        self._rules = [_CompiledRule(rule, n, adapter) for n, rule in enumerate(rules)]
        adapter.learn_words(
            {
                value
                for compiled in self._rules
                for alternative in compiled.alternatives
                for anchor in alternative.shape.anchors
                for kind, value in anchor.keys
                if kind == LEMMA
            }
        )
        self._prefilter = prefilter
        self._everywhere = [r for r in self._rules if r.whole_text or not prefilter]
        # Every alternative is listed under the keys of one anchor (a word or lemma when it
        # has one); its other anchors are checked once that one is present.
        self._by_key: dict[Key, list[_Alternative]] = {}
        self._by_probe: dict[Key, list[_Alternative]] = {}
        self._regexes: dict[str, RegexMemo] = {}
        common = adapter.common_words
        for compiled in self._rules:
            if compiled.whole_text:
                continue
            for alternative in compiled.alternatives:
                for anchor in alternative.shape.anchors:
                    for kind, value in anchor.keys:
                        if kind in REGEX_KINDS and value not in self._regexes:
                            self._regexes[value] = RegexMemo(value)
                for key in _index_anchor(alternative.shape.anchors, common).keys:
                    index = self._by_key if key[0] in (LOWER, LEMMA) else self._by_probe
                    index.setdefault(key, []).append(alternative)

    def find(self, analysis: Analysis, context: Context) -> list[Match]:
        if not self._rules:
            return []
        matches: list[Match] = []
        whole = (0, len(analysis.tokens))
        for compiled in self._everywhere:
            self._run(compiled, analysis, [whole], matches)
        if self._prefilter:
            for index, windows in self._windows(analysis).items():
                self._run(self._rules[index], analysis, windows, matches)
        return matches

    def _windows(self, analysis: Analysis) -> dict[int, list[tuple[int, int]]]:
        """For each rule whose anchors the text has, the merged token windows to run it in."""
        probe = _Probe(analysis, self._regexes)
        count = len(analysis.tokens)
        groups = [self._by_key[key] for key in probe.words.keys() & self._by_key.keys()]
        text, lowered = analysis.text, analysis.lowered
        groups += [
            group
            for (kind, value), group in self._by_probe.items()
            if (value in lowered if kind == LOWER_HAS else value in text if kind == TEXT_HAS else True)
        ]
        spans: dict[int, list[tuple[int, int]]] = {}
        seen: set[int] = set()
        for group in groups:
            for alternative in group:
                if id(alternative) in seen:
                    continue
                seen.add(id(alternative))
                shape = alternative.shape
                hits = probe.hits(shape)
                if hits is None:
                    continue
                found = spans.setdefault(alternative.rule_index, [])
                if shape.max_length != UNBOUNDED:
                    reach = shape.max_length
                    found.extend((max(0, p - reach + 1), min(count, p + reach)) for p in hits)
                elif shape.repeat_keys is not None:  # repeated tokens are listed words
                    found.extend(probe.run_window(p, shape.repeat_keys, shape.others) for p in hits)
                else:  # the loader refuses such patterns; a pack built around it runs everywhere
                    found.append((0, count))
        return {index: _merged(found) for index, found in sorted(spans.items())}

    @staticmethod
    def _run(compiled: _CompiledRule, analysis: Analysis, windows: list[tuple[int, int]], out: list[Match]) -> None:
        rule = compiled.rule
        tokens = analysis.tokens
        doc = analysis.doc
        for low, high in windows:
            doclike = doc if (low, high) == (0, len(tokens)) else doc[low:high]
            for key, first, end in compiled.matcher(doclike, allow_missing=True):
                before = 0 if key == compiled.at_start_key else rule.context_before
                first, end = low + first + before, low + end - rule.context_after
                if first >= end:
                    continue
                start, stop = tokens[first].start, tokens[end - 1].end
                original = analysis.text[start:stop]
                suggestions = [Suggestion(start, stop, match_case(original, s), rule.safe) for s in rule.suggest]
                out.append(Match(rule, start, stop, suggestions))


class _Probe:
    """Where an analysed text offers each anchor key: words and lemmas from the analysis's
    index, literals and regexes by a scan of the tokens (remembered for this text)."""

    __slots__ = ("_analysis", "_found", "_hits", "_regexes", "words")

    def __init__(self, analysis: Analysis, regexes: dict[str, RegexMemo]) -> None:
        self._analysis = analysis
        self._regexes = regexes
        self._found: dict[Key, list[int]] = {}
        self._hits: dict[int, list[int]] = {}
        self.words = analysis.key_positions()

    def positions(self, key: Key) -> list[int]:
        """Tokens that hold a literal or match a regex (word and lemma keys are in `words`)."""
        kind, value = key
        found = self._found.get(key)
        if found is None:
            tokens = self._analysis.tokens
            if kind == LOWER_HAS:
                found = (
                    [at for at, t in enumerate(tokens) if value in t.lower] if value in self._analysis.lowered else []
                )
            elif kind == TEXT_HAS:
                found = [at for at, t in enumerate(tokens) if value in t.text] if value in self._analysis.text else []
            else:
                test = self._regexes[value]
                found = [at for at, t in enumerate(tokens) if test(t.lower if kind == LOWER_RE else t.text)]
            self._found[key] = found
        return found

    def hits(self, shape: PatternShape) -> list[int] | None:
        """Token positions of the alternative's rarest anchor, or None if any anchor is absent."""
        rarest: Anchor | None = None
        fewest = 0
        for anchor in shape.anchors:
            count = self._count(anchor)
            if count == 0:
                return None
            if rarest is None or count < fewest:
                rarest, fewest = anchor, count
        return self.anchor_hits(rarest) if rarest is not None else None

    def _count(self, anchor: Anchor) -> int:
        """How often the text offers `anchor` (literals counted in the text, not per token)."""
        words = self.words
        count = 0
        for key in words.keys() & anchor.words:
            count += len(words[key])
        for kind, value in anchor.probes:
            if kind == LOWER_HAS:
                count += self._analysis.lowered.count(value)
            elif kind == TEXT_HAS:
                count += self._analysis.text.count(value)
            else:
                count += len(self.positions((kind, value)))
        return count

    def anchor_hits(self, anchor: Anchor) -> list[int]:
        """Positions of the tokens that meet any key of `anchor` (remembered for this text)."""
        found = self._hits.get(id(anchor))
        if found is None:
            words = self.words
            found = []
            for key in words.keys() & anchor.words:
                found.extend(words[key])
            for key in anchor.probes:
                found.extend(self.positions(key))
            self._hits[id(anchor)] = found
        return found

    def run_window(self, hit: int, allowed: frozenset[Key], others: int) -> tuple[int, int]:
        """The tokens around `hit` that a match can span when at most `others` of its tokens
        lie outside `allowed`: grow each way until one more outsider would exceed that."""
        tokens = self._analysis.tokens

        def outsider(at: int) -> bool:
            token = tokens[at]
            return (LOWER, token.lower) not in allowed and not any(
                (LEMMA, lemma) in allowed for lemma in token.lemmas or (token.lower,)
            )

        low, seen = hit, int(outsider(hit))
        while low > 0 and seen + outsider(low - 1) <= others:
            low -= 1
            seen += outsider(low)
        high, seen = hit + 1, int(outsider(hit))
        while high < len(tokens) and seen + outsider(high) <= others:
            seen += outsider(high)
            high += 1
        return low, high


def _index_anchor(anchors: tuple[Anchor, ...], common: frozenset[str]) -> Anchor:
    """The anchor to index an alternative by, the one likely rarest in a text: no common word
    or punctuation among its keys, then a word or lemma (a lookup) before a literal (a
    search) before a regex (a scan), then the fewest keys."""

    def rank(anchor: Anchor) -> tuple[bool, int, int]:
        frequent = any(value in common or not any(c.isalpha() for c in value) for kind, value in anchor.keys)
        kinds = {kind for kind, _ in anchor.keys}
        cost = 0 if kinds <= {LOWER, LEMMA} else 1 if kinds <= SUBSTRING_KINDS else 2
        return (frequent or cost == 2, cost, len(anchor.keys))

    return min(anchors, key=rank)


def _merged(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping windows joined, so a rule's greedy filter sees overlapping matches together."""
    windows.sort()
    merged: list[tuple[int, int]] = []
    for low, high in windows:
        if merged and low < merged[-1][1]:
            if high > merged[-1][1]:
                merged[-1] = (merged[-1][0], high)
        else:
            merged.append((low, high))
    return merged
