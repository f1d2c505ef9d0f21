"""Stretches of a reply that are not the operator's statement: the customer's reported words,
and conditional clauses.

«Вы пишете, что курьер не смог дозвониться», «Pravite, da paketa ni», «您说餐品洒了没法吃»:
what follows such a frame repeats the customer (the guidelines ask operators to show they
understood), so a negation or a rude word there is not ours. Each language adapter names
its frames (`LanguageAdapter.reported_speech`); findings about wording that lie wholly
inside a reported stretch are dropped. Quotation marks are left to the rules: an operator
also quotes themself («нажмите «Не сейчас»»).

A conditional clause («Если письма всё ещё не будут приходить, …», «Če izdelka ne želite
obdržati, …», 如果您无法按时收货，…) states no refusal: negative phrasing inside one is left
alone, as the guidelines ask (the adapter's `conditional_clause`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from replyguard.models import Category, Finding

if TYPE_CHECKING:
    from replyguard.lang.base import Analysis, LanguageAdapter

WORDING = frozenset({Category.bad_word, Category.negative_phrasing})
NEGATIVE = frozenset({Category.negative_phrasing})


def spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    """The stretches `pattern` marks in `text`: the span of its first named group that took
    part in each match (the reported words or the conditional clause, without the frame)."""
    if pattern is None:
        return []
    found = []
    for match in pattern.finditer(text):
        group = next((name for name in pattern.groupindex if match.group(name)), None)
        if group is not None:
            found.append(match.span(group))
    return found


def outside(
    findings: list[Finding], stretches: list[tuple[int, int]], categories: frozenset[Category] = WORDING
) -> list[Finding]:
    """The findings, without those of `categories` wholly inside one of `stretches`."""
    if not stretches:
        return findings
    return [
        f
        for f in findings
        if f.category not in categories or not any(low <= f.start and f.end <= high for low, high in stretches)
    ]


def frames(adapter: LanguageAdapter, analysis: Analysis) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The reported-speech and the conditional stretches of an analysed reply, found once
    (the promise finder and the guard both ask)."""
    found = analysis.memo.get("frames")
    if found is None:
        found = analysis.memo["frames"] = (
            spans(adapter.reported_speech, analysis.text),
            spans(adapter.conditional_clause, analysis.text),
        )
    return found
