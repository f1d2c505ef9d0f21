"""Merging overlapping findings: the O(n log n) merge keeps exactly what the pairwise rule keeps."""

from __future__ import annotations

import random

from replyguard.engine import _STRENGTH, merge_overlapping
from replyguard.models import Category, Finding, Severity


def _naive(findings: list[Finding]) -> list[Finding]:
    def overlap(a: Finding, b: Finding) -> bool:
        if a.start == a.end or b.start == b.end:  # a point: only the same rule's at the same point
            return (a.start, a.end, a.rule) == (b.start, b.end, b.rule)
        return a.start < b.end and b.start < a.end

    ranked = sorted(findings, key=lambda f: (-_STRENGTH[f.severity], -(f.end - f.start), f.start, f.rule))
    kept: list[Finding] = []
    for finding in ranked:
        if not any(k.category == finding.category and overlap(k, finding) for k in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: (f.start, f.end, f.rule))


def test_merge_equals_the_pairwise_rule_on_random_spans() -> None:
    rng = random.Random(7)
    categories = [Category.bad_word, Category.negative_phrasing, Category.tone]
    for _ in range(300):
        findings = []
        for n in range(rng.randint(0, 40)):
            start = rng.randint(0, 60)
            end = start + rng.choice([0, 0, 1, 2, 3, 5, 8, 13])
            findings.append(
                Finding(
                    rule=f"ru.bad_word.r{n % 7}",
                    category=rng.choice(categories),
                    severity=rng.choice(list(Severity)),
                    start=start,
                    end=end,
                    message="m",
                    suggestions=[],
                )
            )
        assert merge_overlapping(findings) == _naive(findings)
