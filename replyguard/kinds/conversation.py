"""The conversation kind: the reply judged against the message it answers.

  thanks_for_waiting  the customer's message (`Context.customer_message_at`) waited longer
                      than `policy.response_time[channel]` until `Context.now`, and the
                      reply says none of `phrases` (thanks for the patience, an apology for
                      the wait): a reply-level finding suggesting `opening` after the greeting

Silent without the times, the channel or a response time for that channel: it never guesses
how long is too long.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from replyguard.kinds.base import Match, RuleBase
from replyguard.kinds.phrases import Phrases, no_empty_phrase, opening, phrase_pattern
from replyguard.lang.base import Analysis, LanguageAdapter
from replyguard.models import Context


class ConversationRule(RuleBase):
    """One check of the reply against its conversation (see the module docstring)."""

    kind: Literal["conversation"]
    check: Literal["thanks_for_waiting"]
    phrases: list[str] = Field(min_length=1)
    greetings: list[str] = Field(default_factory=list)  # the opening goes after the greeting
    opening: str = Field(min_length=1)

    @field_validator("phrases", "greetings")
    @classmethod
    def _no_empty_phrase(cls, value: list[str]) -> list[str]:
        return no_empty_phrase(value)


class CompiledConversation:
    """Conversation rules of one language."""

    def __init__(
        self, rules: list[ConversationRule], adapter: LanguageAdapter, *, prefilter: bool = True, cache: bool = False
    ) -> None:
        self._rules = rules
        self._adapter = adapter
        self._phrases: dict[str, Phrases | None] = {rule.id: phrase_pattern(rule.phrases, adapter) for rule in rules}
        self._greetings = {rule.id: phrase_pattern(rule.greetings, adapter) for rule in rules}

    def find(self, analysis: Analysis, context: Context) -> list[Match]:
        if not self._rules or not _waited_too_long(context):
            return []
        matches = []
        for rule in self._rules:
            phrases = self._phrases[rule.id]
            if phrases is not None and phrases.could_match(analysis) and phrases.pattern.search(analysis.lowered):
                continue
            matches.append(opening(rule, analysis, self._adapter, self._greetings[rule.id], rule.opening))
        return matches


def _waited_too_long(context: Context) -> bool:
    """The message being answered waited longer than the policy allows for its channel."""
    if context.customer_message_at is None or context.now is None or context.channel is None:
        return False
    allowed = context.policy.response_time.get(context.channel)
    return allowed is not None and context.now - context.customer_message_at > allowed
