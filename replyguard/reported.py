"""The customer's own words, reported in the reply, are not the operator's wording.

«Вы пишете, что курьер не смог дозвониться», «Pravite, da paketa ni», «您说餐品洒了没法吃»:
what follows such a frame repeats the customer (the guidelines ask operators to show they
understood), so a negation or a rude word there is not ours. Each language adapter names
its frames (`LanguageAdapter.reported_speech`); findings about wording that lie wholly
inside a reported stretch are dropped. Quotation marks are left to the rules: an operator
also quotes themself («нажмите «Не сейчас»»).
"""

from __future__ import annotations

import re

from replyguard.models import Category, Finding

WORDING = frozenset({Category.bad_word, Category.negative_phrasing})


def spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    """Where the customer's reported words stand in `text` (after the frame, to the clause end)."""
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(text):
        group = "said" if match.group("said") is not None else "said2"
        if group in pattern.groupindex and match.group(group):
            found.append(match.span(group))
    return found


def not_reported(findings: list[Finding], reported: list[tuple[int, int]]) -> list[Finding]:
    """The findings, without wording findings wholly inside the customer's reported words."""
    if not reported:
        return findings
    return [
        f
        for f in findings
        if f.category not in WORDING or not any(low <= f.start and f.end <= high for low, high in reported)
    ]
