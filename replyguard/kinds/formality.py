"""The formality kind: the reader addressed informally (ты, ti, 你) in a business reply,
or formal and informal forms mixed towards one customer.

The adapter tells which words address the reader and how (`addressee_register`); the rule
says where that matters (`channels`, every channel when empty) and how loud it is.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from replyguard.kinds.base import Match, RuleBase
from replyguard.lang.base import Analysis, LanguageAdapter
from replyguard.models import Context


class FormalityRule(RuleBase):
    """`check: informal` flags every informal address word (support writes to customers
    formally); `check: mixed` flags the informal ones only where the reply also addresses the
    reader formally, the sign of a slip rather than a chosen register; `check: capitals_mixed`
    flags the less frequent spelling where the polite «Вы»/«Vi» is capitalised in some places
    and not in others (sentence starts aside)."""

    kind: Literal["formality"]
    check: Literal["informal", "mixed", "capitals_mixed"]
    channels: list[str] = Field(default_factory=list)
    pronouns: list[str] = Field(default_factory=list)  # capitals_mixed: the polite pronouns, lowercase


class CompiledFormality:
    """Formality rules of one language."""

    def __init__(
        self, rules: list[FormalityRule], adapter: LanguageAdapter, *, prefilter: bool = True, cache: bool = False
    ) -> None:
        self._rules = rules
        self._adapter = adapter
        self._pronouns = {rule.id: frozenset(p.lower() for p in rule.pronouns) for rule in rules}

    def find(self, analysis: Analysis, context: Context) -> list[Match]:
        if not self._rules:
            return []
        words = self._adapter.addressee_register(analysis)
        informal = [(start, end) for start, end, register in words if register == "informal"]
        formal = [(start, end) for start, end, register in words if register == "formal"]
        channel = context.channel or "default"
        matches: list[Match] = []
        for rule in self._rules:
            if rule.channels and channel not in rule.channels:
                continue
            if rule.check == "capitals_mixed":
                polite = self._pronouns[rule.id]
                pronouns = [(s, e) for s, e in formal if analysis.text[s:e].lower() in polite]
                matches.extend(Match(rule, start, end) for start, end in _odd_capitals(analysis, pronouns))
            elif rule.check == "informal" or formal:
                matches.extend(Match(rule, start, end) for start, end in informal)
        return matches


def _odd_capitals(analysis: Analysis, formal: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The polite pronouns spelt the less usual way in this reply (capitalised or not), not
    counting sentence starts, where a capital says nothing."""
    starts = {start for start, _ in analysis.sentences}
    text = analysis.text
    pronouns = [(s, e) for s, e in formal if s not in starts]
    upper = [(s, e) for s, e in pronouns if text[s].isupper()]
    lower = [(s, e) for s, e in pronouns if text[s].islower()]
    if not upper or not lower:
        return []
    return lower if len(lower) < len(upper) else upper
