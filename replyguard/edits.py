"""Edits and their safety: choosing which suggestions to apply and applying them byte-exactly."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from replyguard.models import Finding


class _Span(Protocol):
    start: int
    end: int
    replacement: str


def pick_edits(findings: Iterable[Finding], unsafe: bool = False) -> list[_Span]:
    """The best suggestion of each finding, when it is safe (or when unsafe ones are wanted).

    Only the best is considered: a safe runner-up is a different wording the operator did
    not get as the first advice, so it is shown but never applied silently.
    """
    return [f.suggestions[0] for f in findings if f.suggestions and (unsafe or f.suggestions[0].safe)]


def apply_edits(text: str, edits: Sequence[_Span]) -> str:
    """Apply non-overlapping edits; text outside the edited spans stays identical.

    Edits are taken by position; one that overlaps an already taken edit is skipped,
    and two insertions at one point keep their given order.
    """
    if not edits:
        return text
    ordered = sorted(enumerate(edits), key=lambda pair: (pair[1].start, pair[1].end, pair[0]))
    parts: list[str] = []
    cursor = 0
    for _, edit in ordered:
        if edit.start < cursor:
            continue
        parts.append(text[cursor : edit.start])
        parts.append(edit.replacement)
        cursor = edit.end
    parts.append(text[cursor:])
    return "".join(parts)


def match_case(original: str, replacement: str) -> str:
    """Give the replacement the capitalisation of the text it replaces.

    >>> match_case("Проблема", "вопрос")
    'Вопрос'
    >>> match_case("ПРОБЛЕМА", "вопрос")
    'ВОПРОС'
    """
    letters = [c for c in original if c.isalpha()]
    # Two capitals are an abbreviation («OK») more often than shouting: capitalise only.
    if len(letters) > 2 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and original.lstrip()[:1].isupper() and replacement:
        return replacement[0].upper() + replacement[1:]
    return replacement
