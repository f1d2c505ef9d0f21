"""Allowed phrases: brands, product names and agreed scripts that nothing inside is flagged in.

A company lists them in its own pack (`allow:`). The longest match wins: a finding that lies
wholly inside an allowed phrase is dropped («Problem Solver» as a product name), one that
reaches beyond it stays (a flagged phrase longer than the allowed one).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable

from replyguard.lang.detect import UNSPACED_SCRIPTS, has_script
from replyguard.models import Finding


class AllowList:
    """Allowed phrases of one language compiled into one case-insensitive search."""

    def __init__(self, phrases: Iterable[str], fold: Callable[[str], str] | None = None) -> None:
        """`fold` brings a phrase to the form the checked text is in (e.g. one Chinese script)."""
        alternatives = []
        for phrase in sorted({" ".join(p.split()) for p in phrases if p.strip()}, key=len, reverse=True):
            written = fold(phrase) if fold else phrase
            body = r"\s*".join(re.escape(part) for part in written.split(" "))
            # A phrase that starts or ends in a script written without spaces may sit inside
            # a longer run of letters; elsewhere it is a whole word.
            head = "" if has_script(written[0], *UNSPACED_SCRIPTS) else r"(?<!\w)"
            tail = "" if has_script(written[-1], *UNSPACED_SCRIPTS) else r"(?!\w)"
            alternatives.append(head + body + tail)
        self._search = re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None

    def __bool__(self) -> bool:
        return self._search is not None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where allowed phrases stand in `text`, longest first at each place, not overlapping."""
        if self._search is None:
            return []
        return [m.span() for m in self._search.finditer(text) if m.end() > m.start()]

    def keep(self, findings: list[Finding], text: str) -> list[Finding]:
        """The findings not wholly inside an allowed phrase of `text` (zero-width ones stay)."""
        spans = self.spans(text)
        if not spans:
            return findings
        starts = [start for start, _ in spans]
        kept = []
        for finding in findings:
            at = bisect_right(starts, finding.start) - 1
            inside = (
                at >= 0
                and finding.end > finding.start
                and spans[at][0] <= finding.start
                and finding.end <= spans[at][1]
            )
            if not inside:
                kept.append(finding)
        return kept
