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
    reader formally, the sign of a slip rather than a chosen register."""

    kind: Literal["formality"]
    check: Literal["informal", "mixed"]
    channels: list[str] = Field(default_factory=list)


class CompiledFormality:
    """Formality rules of one language."""

    def __init__(
        self, rules: list[FormalityRule], adapter: LanguageAdapter, *, prefilter: bool = True, cache: bool = False
    ) -> None:
        self._rules = rules
        self._adapter = adapter

    def find(self, analysis: Analysis, context: Context) -> list[Match]:
        if not self._rules:
            return []
        words = self._adapter.addressee_register(analysis)
        informal = [(start, end) for start, end, register in words if register == "informal"]
        if not informal:
            return []
        formal = any(register == "formal" for _, _, register in words)
        channel = context.channel or "default"
        matches: list[Match] = []
        for rule in self._rules:
            if rule.channels and channel not in rule.channels:
                continue
            if rule.check == "mixed" and not formal:
                continue
            matches.extend(Match(rule, start, end) for start, end in informal)
        return matches
