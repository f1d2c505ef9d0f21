"""The regex kind: a regular expression over the reply's normalized text, for runs.

Runs of marks («!!!», «???!») and of words in capitals are shapes of the text, not of
words; the Matcher's `+` enumerates every sub-run of a run (quadratic in its length), while
one regex finds the whole run in linear time. The loader refuses regexes that could
backtrack without bound (a repeat inside a repeat, a match of the empty string), so no pack
can make checking slow; normalization already counts a run of identical marks as eight.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal

from pydantic import Field, field_validator

from replyguard.edits import match_case
from replyguard.kinds.anchors import regex_needs
from replyguard.kinds.anchors import regex_parser as _regex_parser
from replyguard.kinds.base import Match, RuleBase, Suggestion
from replyguard.lang.base import Analysis, LanguageAdapter
from replyguard.models import Context

_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


class RegexRule(RuleBase):
    """`regex` is searched in the normalized text (one space for any whitespace run); every
    match is flagged. `suggest` holds literal replacements, safe only with `safe: true`."""

    kind: Literal["regex"]
    regex: str = Field(min_length=1)
    ignore_case: bool = False
    suggest: list[str] = Field(default_factory=list)
    safe: bool = False

    @field_validator("regex")
    @classmethod
    def _bounded_regex(cls, value: str) -> str:
        try:
            compiled = re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from None
        if compiled.search("") is not None:
            raise ValueError("the regex matches the empty string; it must always consume text")
        parsed = _regex_parser.parse(value)
        if _nested_repeat(parsed):
            raise ValueError(
                "the regex repeats a group that itself repeats (like (a+)+), which can take exponential time; "
                "write the run as one repeat, e.g. [!?]{3,} or \\b[A-Z]{2,}(?: [A-Z]{2,})+\\b"
            )
        if _open_ended_scan(parsed):
            raise ValueError(
                "the regex has an unbounded repeat of almost any character ([^.!?]*, .+, [^x]+?), which scans to the "
                "end of the text from every place the regex is tried: quadratic on a long text; bound it, e.g. "
                "[^.!?]{0,60}"
            )
        return value


def _open_ended_scan(parsed: Any) -> bool:
    """Whether an unbounded repeat takes almost any character (`.`, a negated class, a
    negated literal), here or inside a group or a lookaround."""
    for op, value in parsed:
        name = str(op)
        if name in _REPEATS:
            _low, high, body = value
            unbounded = high == _regex_parser.MAXREPEAT or high > 100
            if (unbounded and _takes_almost_anything(body)) or _open_ended_scan(body):
                return True
        elif name in ("SUBPATTERN", "ASSERT", "ASSERT_NOT"):
            if _open_ended_scan(value[-1]):
                return True
        elif name == "BRANCH" and any(_open_ended_scan(branch) for branch in value[1]):
            return True
    return False


def _takes_almost_anything(body: Any) -> bool:
    for op, value in body:
        name = str(op)
        if name in ("ANY", "NOT_LITERAL"):
            return True
        if name == "IN" and any(str(item) == "NEGATE" for item, _ in value):
            return True
        if name == "SUBPATTERN" and _takes_almost_anything(value[-1]):
            return True
        if name == "BRANCH" and any(_takes_almost_anything(branch) for branch in value[1]):
            return True
    return False


def _nested_repeat(parsed: Any, guard: frozenset[int] | None = None) -> bool:
    """Whether an unbounded repeat contains another one that could take the same characters
    (the shape of catastrophic backtracking, like (a+)+). `guard` holds the characters that
    start each round of the enclosing repeat: an inner run of other characters is safe, as
    in (?: [A-Z]{2,})+ where a space separates the rounds."""
    for op, value in parsed:
        name = str(op)
        if name in _REPEATS:
            _low, high, body = value
            unbounded = high == _regex_parser.MAXREPEAT or high > 100
            if unbounded and guard is not None:
                chars = _chars(body)
                if chars is None or chars & guard:
                    return True
            if unbounded:
                first = _first_chars(body)
                if first is None and _has_unbounded(body):
                    return True  # (a+)+: nothing separates the rounds
                if _nested_repeat(body, first):
                    return True
            elif _nested_repeat(body, guard):
                return True
        elif name == "SUBPATTERN":
            if _nested_repeat(value[-1], guard):
                return True
        elif name == "BRANCH":
            if any(_nested_repeat(branch, guard) for branch in value[1]):
                return True
        elif name in ("ASSERT", "ASSERT_NOT") and _nested_repeat(value[1], guard):
            return True
    return False


def _chars(body: Any) -> frozenset[int] | None:
    """The characters a single-item body can match (a literal or a class of literals and ranges)."""
    items = list(body)
    if len(items) != 1:
        return None
    op, value = items[0]
    if str(op) == "LITERAL":
        return frozenset({value})
    if str(op) == "IN":
        found: set[int] = set()
        for kind, item in value:
            if str(kind) == "LITERAL":
                found.add(item)
            elif str(kind) == "RANGE":
                found.update(range(item[0], item[1] + 1))
            else:
                return None
        return frozenset(found)
    return None


def _first_chars(body: Any) -> frozenset[int] | None:
    """The characters a round of a repeat must start with, when its first item is a literal."""
    items = list(body)
    while items and str(items[0][0]) == "SUBPATTERN":
        items = list(items[0][1][-1]) + items[1:]
    if not items:
        return None
    return _chars([items[0]])


def _has_unbounded(body: Any) -> bool:
    """Whether an unbounded repeat occurs anywhere inside `body`."""
    for op, value in body:
        name = str(op)
        if name in _REPEATS:
            if value[1] == _regex_parser.MAXREPEAT or value[1] > 100 or _has_unbounded(value[2]):
                return True
        elif name == "SUBPATTERN":
            if _has_unbounded(value[-1]):
                return True
        elif name == "BRANCH" and any(_has_unbounded(branch) for branch in value[1]):
            return True
    return False


class CompiledRegexes:
    """Every regex rule of one language, each searched once over the text — if the text holds
    the literal characters every match of the regex must contain (`regex_needs`): a long
    regex of phrases costs a full scan, a substring test costs next to nothing. Rules share
    their needs (a pack repeats its vocabulary), so each distinct need is tested once a text,
    its alternatives in one compiled search."""

    def __init__(
        self, rules: list[RegexRule], adapter: LanguageAdapter, *, prefilter: bool = True, cache: bool = False
    ) -> None:
        index: dict[frozenset[str], int] = {}
        self._rules: list[tuple[RegexRule, re.Pattern[str], tuple[int, ...]]] = []
        for rule in rules:
            needs = regex_needs(rule.regex) if prefilter and not rule.ignore_case else []
            self._rules.append(
                (
                    rule,
                    re.compile(rule.regex, re.IGNORECASE if rule.ignore_case else 0),
                    tuple(index.setdefault(need, len(index)) for need in needs),
                )
            )
        self._needs = [_literal_test(need) for need in index]

    def find(self, analysis: Analysis, context: Context) -> list[Match]:
        text = analysis.text
        present: dict[int, bool] = {}
        matches: list[Match] = []
        for rule, compiled, needs in self._rules:
            if needs and not all(_present(present, self._needs, need, text) for need in needs):
                continue
            for found in compiled.finditer(text):
                start, stop = found.span()
                original = text[start:stop]
                suggestions = [Suggestion(start, stop, match_case(original, s), rule.safe) for s in rule.suggest]
                matches.append(Match(rule, start, stop, suggestions))
        return matches


def _literal_test(need: frozenset[str]) -> Callable[[str], bool]:
    """Whether a text holds one of the need's literals: a substring test for one, a single
    compiled search for several."""
    if len(need) == 1:
        (literal,) = need
        return lambda text: literal in text
    search = re.compile("|".join(re.escape(literal) for literal in sorted(need))).search
    return lambda text: search(text) is not None


def _present(memo: dict[int, bool], tests: list[Callable[[str], bool]], need: int, text: str) -> bool:
    known = memo.get(need)
    if known is None:
        known = memo[need] = tests[need](text)
    return known
