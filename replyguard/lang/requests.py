"""Stretches where a reply asks the customer to act, shared by the adapters' request finders.

A request reaches from its verb («пришлите», «pošljite», 请) to the end of its clause, so a
vague «как можно скорее» / «čim prej» / 尽快 in it is the customer's deadline, not a promise.
"""

from __future__ import annotations

import re

_CLAUSE_END = re.compile(r"[,.;:!?，。；：！？\n]|\s[—–]\s")


def to_clause_end(text: str, start: int) -> int:
    """Where the clause that starts at (or contains) `start` ends."""
    found = _CLAUSE_END.search(text, start)
    return found.start() if found else len(text)


def request_spans(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """Each request word's stretch to the end of its clause."""
    return [(start, to_clause_end(text, start)) for start in starts]
