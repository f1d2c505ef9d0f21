"""What a Matcher pattern needs to find in a text before it is worth running: its anchors.

A pattern's anchor is a token every match must contain, told by an exact word or lemma:
`{LOWER: не}`, `{ORTH: {IN: [Не, НЕ]}}`, `{LEMMA: мочь}`, `{_: {lemmas: {INTERSECTS: [мочь]}}}`,
when that token is required (no `?`, `*` or `{0,m}`; a negated `!` token is no anchor). A
pattern can only match a text that has every one of its anchors, and each match lies within
`max_length` tokens of a hit of any one of them, so the engine runs a rule only in windows
around the hits, as Vale and ripgrep prefilter on literals before running the full matcher.

Keys are ('lower', word) or ('lemma', lemma); a text offers the lowercased form of every
token and every candidate lemma, which is a superset of what the pattern tests, so the
prefilter never drops a match. A REGEX has anchors too when it needs literal characters:
('lower_has', chars) or ('text_has', chars), met by a token whose lowercased or written form
contains them (`^(随|隨)(你|您)便$` needs 便; `^не(до|пере)` needs «не»). A REGEX without
literals (`^[А-ЯЁ]{2,}$`) is its own anchor, ('text_re', regex): the engine tests it once per
distinct word (`RegexMemo`) instead of the Matcher testing it per pattern and token.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

if sys.version_info >= (3, 11):
    import re._parser as regex_parser  # the stdlib's regex parser, shared with the regex kind
else:  # pragma: no cover - Python 3.10
    import sre_parse as regex_parser

LOWER = "lower"
LEMMA = "lemma"
LOWER_HAS = "lower_has"
TEXT_HAS = "text_has"
LOWER_RE = "lower_re"
TEXT_RE = "text_re"
SUBSTRING_KINDS = frozenset({LOWER_HAS, TEXT_HAS})
REGEX_KINDS = frozenset({LOWER_RE, TEXT_RE})
Key = tuple[str, str]

_WORD_ATTRS = {"LOWER": LOWER, "ORTH": LOWER, "TEXT": LOWER, "LEMMA": LEMMA}
_REPEAT = re.compile(r"^\{\s*(\d*)\s*(?:(,)\s*(\d*)\s*)?\}$")
UNBOUNDED = -1


@dataclass(frozen=True, slots=True)
class Anchor:
    """One required token of a pattern, met by any of `keys` (a text must offer one of them)."""

    keys: frozenset[Key]
    words: frozenset[Key] = field(init=False, compare=False)  # looked up in the text's word index
    probes: tuple[Key, ...] = field(init=False, compare=False)  # literals and regexes: need a scan

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", frozenset(k for k in self.keys if k[0] in (LOWER, LEMMA)))
        object.__setattr__(self, "probes", tuple(sorted(k for k in self.keys if k[0] not in (LOWER, LEMMA))))


@dataclass(frozen=True, slots=True)
class PatternShape:
    """The anchors of one pattern alternative and the most tokens one match can span."""

    anchors: tuple[Anchor, ...]  # in the order of their tokens in the pattern
    max_length: int  # UNBOUNDED when a `+`, `*` or `{n,}` lets a match grow without limit
    lead: int = UNBOUNDED  # most tokens a match has before its first anchored token
    tail: int = UNBOUNDED  # most tokens a match has after its last anchored token
    # When every repeatable spec (`*`, `+`, `{n,}`) names its words, a match holds at most
    # `others` tokens outside `repeat_keys`, which bounds its window in any real text.
    repeat_keys: frozenset[Key] | None = None
    others: int = 0

    @property
    def anchored(self) -> bool:
        return bool(self.anchors)


def shape_of(pattern: Iterable[Mapping[str, Any]]) -> PatternShape:
    """Anchors and maximum span of one spaCy Matcher token pattern."""
    anchors: list[Anchor] = []
    reaches: list[int] = []
    anchored_at: list[int] = []
    repeat_keys: set[Key] | None = set()
    others = 0
    for at, spec in enumerate(pattern):
        low, high = _repetitions(spec.get("OP"))
        reaches.append(high)
        if low >= 1 and spec.get("OP") != "!":
            found = _anchors_of(spec)
            if found:
                anchors.extend(found)
                anchored_at.append(at)
        if high != UNBOUNDED:
            others += high
        elif repeat_keys is not None:
            words = _word_anchor(spec)
            repeat_keys = repeat_keys | words.keys if words is not None else None
    if not anchored_at:
        return PatternShape((), _sum(reaches))
    return PatternShape(
        tuple(anchors),
        _sum(reaches),
        _sum(reaches[: anchored_at[0]]),
        _sum(reaches[anchored_at[-1] + 1 :]),
        frozenset(repeat_keys) if repeat_keys is not None and _sum(reaches) == UNBOUNDED else None,
        others,
    )


def unbounded_without_words(spec: Mapping[str, Any]) -> bool:
    """A `+`, `*` or `{n,}` on a token that is not one of listed words or lemmas."""
    return _repetitions(spec.get("OP"))[1] == UNBOUNDED and _word_anchor(spec) is None


def _word_anchor(spec: Mapping[str, Any]) -> Anchor | None:
    """The spec's exact-word or lemma condition, if it has one (the words it can match)."""
    found = _anchors_of(spec)
    if len(found) == 1 and found[0].keys and found[0].keys == found[0].words:
        return found[0]
    return None


def _sum(reaches: list[int]) -> int:
    return UNBOUNDED if UNBOUNDED in reaches else sum(reaches)


def _repetitions(op: Any) -> tuple[int, int]:
    """(fewest, most) tokens a spec consumes; a negated `!` spec inspects exactly one token."""
    if op in (None, "1", "!"):
        return 1, 1
    if op == "?":
        return 0, 1
    if op == "*":
        return 0, UNBOUNDED
    if op == "+":
        return 1, UNBOUNDED
    found = _REPEAT.match(str(op))
    if found is None:
        return 0, UNBOUNDED  # an operator we do not know: assume the worst, never drop a match
    low_text, comma, high_text = found.groups()
    low = int(low_text) if low_text else 0
    if comma is None:
        return low, low
    return low, int(high_text) if high_text else UNBOUNDED


def _anchors_of(spec: Mapping[str, Any]) -> list[Anchor]:
    """What one required token must offer: its most selective exact word or lemma, else the
    literal characters its regex needs (each a separate anchor: all of them must be there)."""
    choices: list[frozenset[Key]] = []
    substrings: list[frozenset[Key]] = []
    regexes: list[Key] = []
    for name, condition in spec.items():
        attr = str(name).upper()
        if attr in _WORD_ATTRS:
            values = _exact_values(condition, ("IN",))
            if values is not None:
                choices.append(frozenset((_WORD_ATTRS[attr], v.lower() if attr != "LEMMA" else v) for v in values))
            elif isinstance(condition, Mapping) and isinstance(condition.get("REGEX"), str) and attr != "LEMMA":
                regex = condition["REGEX"]
                kind = LOWER_HAS if attr == "LOWER" else TEXT_HAS
                substrings.extend(frozenset((kind, part) for part in need) for need in regex_needs(regex))
                regexes.append((LOWER_RE if attr == "LOWER" else TEXT_RE, regex))
        elif attr == "_" and isinstance(condition, Mapping):
            lemmas = condition.get("lemmas")
            if isinstance(lemmas, Mapping):
                values = _exact_values(lemmas, ("INTERSECTS", "IS_SUPERSET"))
                if values:
                    choices.append(frozenset((LEMMA, v) for v in values))
    choices = [c for c in choices if c]
    if choices:
        return [Anchor(min(choices, key=len))]
    if substrings:
        return [Anchor(keys) for keys in substrings]
    return [Anchor(frozenset({key})) for key in regexes]


def regex_needs(pattern: str) -> list[frozenset[str]]:
    """Literal strings a match of `pattern` must contain: each set holds alternatives, one
    of which is in every match. Empty when nothing is certain (case-insensitive, classes)."""
    return list(_regex_needs(pattern))


@lru_cache(maxsize=4096)
def _regex_needs(pattern: str) -> tuple[frozenset[str], ...]:
    """`regex_needs`, once per distinct regex: packs repeat the same REGEX in many
    alternatives, and parsing them is most of a pack's compile time."""
    return tuple(_parsed_needs(pattern))


def _parsed_needs(pattern: str) -> list[frozenset[str]]:
    try:
        parsed: Any = regex_parser.parse(pattern)
    except re.error:
        return []
    if parsed.state.flags & re.IGNORECASE:
        return []
    return [need for need in _sequence_needs(list(parsed)) if need and all(need)]


def _sequence_needs(items: list[Any]) -> list[frozenset[str]]:
    needs: list[frozenset[str]] = []
    run = ""
    for op, value in items:
        name = str(op)
        if name == "LITERAL":
            run += chr(value)
            continue
        if run:
            needs.append(frozenset({run}))
            run = ""
        if name == "SUBPATTERN":
            needs.extend(_sequence_needs(list(value[-1])))
        elif name == "BRANCH":
            branch = _one_of([_sequence_needs(list(alternative)) for alternative in value[1]])
            if branch:
                needs.append(branch)
        elif name == "IN" and value and all(str(o) == "LITERAL" for o, _ in value):
            needs.append(frozenset(chr(v) for _, v in value))
        elif name in ("MAX_REPEAT", "MIN_REPEAT") and value[0] >= 1:
            needs.extend(_sequence_needs(list(value[2])))
    if run:
        needs.append(frozenset({run}))
    return needs


def _one_of(branches: list[list[frozenset[str]]]) -> frozenset[str]:
    """Alternatives of a branch: the longest certain literal of each, if every branch has one."""
    picked: set[str] = set()
    for needs in branches:
        if not needs:
            return frozenset()
        best = max(needs, key=lambda need: min(len(s) for s in need))
        picked |= best
    return frozenset(picked)


def _exact_values(condition: Any, set_operators: tuple[str, ...]) -> list[str] | None:
    """The values a condition accepts when it names them outright (a string or a set operator)."""
    if isinstance(condition, str):
        return [condition]
    if isinstance(condition, Mapping):
        for operator in set_operators:
            values = condition.get(operator)
            if isinstance(values, list) and all(isinstance(v, str) for v in values):
                return list(values)
    return None


class RegexMemo:
    """A token regex evaluated once per distinct word, with a bounded memory of answers."""

    __slots__ = ("_answers", "_limit", "_search")

    def __init__(self, pattern: str, limit: int = 20_000) -> None:
        self._search = re.compile(pattern).search
        self._answers: dict[str, bool] = {}
        self._limit = limit

    def __call__(self, word: str) -> bool:
        answer = self._answers.get(word)
        if answer is None:
            if len(self._answers) >= self._limit:
                self._answers = {}  # bounded: forget and relearn rather than grow with every new word
            answer = self._answers[word] = self._search(word) is not None
        return answer
