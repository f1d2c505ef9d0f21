"""What every rule kind shares: the rule's identity, advice, examples, and what a match is.

Rule kinds are a small closed set (as Vale's extension points): a kind is a pydantic model
for its YAML fields plus a compiled matcher; anything that cannot be data becomes a new kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, field_validator

from replyguard.models import Category, Context, Severity

if TYPE_CHECKING:
    from replyguard.lang.base import Analysis, LanguageAdapter

RULE_ID = re.compile(r"^[a-z]{2,3}\.[a-z][a-z_]*\.[a-z0-9][a-z0-9_]*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BadExample(_Strict):
    """Text that must trigger the rule; `span` is the exact text flagged, `fixed` the text
    after this rule's safe edits (required whenever the rule makes a safe edit)."""

    text: str = Field(min_length=1)
    span: str | None = None
    fixed: str | None = None
    context: dict[str, Any] | None = None  # this example's own context (see Examples.context)


class GoodExample(_Strict):
    """Text that must not trigger the rule, in a context of its own (a question that is no
    complaint, a channel where emoji are welcome)."""

    text: str = Field(min_length=1)
    context: dict[str, Any]


class Examples(_Strict):
    """LanguageTool-style examples; both kinds are required, and the test suite runs them."""

    bad: list[BadExample] = Field(min_length=1)
    good: list[str | GoodExample] = Field(min_length=1)
    # The context every example is checked in (a Context as a dict: customer_name, channel…),
    # for rules that read it; a bad example may bring its own.
    context: dict[str, Any] | None = None

    @property
    def good_texts(self) -> list[str]:
        """The good examples' texts, whatever context each is checked in."""
        return [g if isinstance(g, str) else g.text for g in self.good]


class RuleBase(_Strict):
    """Fields every rule has, whatever its kind."""

    id: str
    kind: str
    category: Category
    severity: Severity = Severity.warning
    message: dict[str, str]
    why: str = ""
    examples: Examples

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not RULE_ID.match(value):
            raise ValueError("a rule id looks like 'ru.bad_word.problema': language.category.name, lowercase")
        return value

    @field_validator("message")
    @classmethod
    def _english_message(cls, value: dict[str, str]) -> dict[str, str]:
        if "en" not in value:
            raise ValueError("a message needs an English text under 'en' (and one in the pack's language)")
        if any(not text.strip() for text in value.values()):
            raise ValueError("a message text must not be empty")
        return value

    def text_of_message(self, lang: str, match: str = "", suggestion: str = "") -> str:
        """The message in `lang` (English if missing), with {match} and {suggestion} filled in."""
        template = self.message.get(lang) or self.message["en"]
        return template.replace("{match}", match).replace("{suggestion}", suggestion)


@dataclass(frozen=True, slots=True)
class Suggestion:
    start: int
    end: int
    text: str
    safe: bool


@dataclass(slots=True)
class Match:
    """A rule firing on text[start:end], with its candidate edits best first."""

    rule: RuleBase
    start: int
    end: int
    suggestions: list[Suggestion] = field(default_factory=list)


class CompiledKind(Protocol):
    """A kind's rules for one language, compiled once and run on every analysis."""

    def find(self, analysis: Analysis, context: Context) -> list[Match]: ...


class KindCompiler(Protocol):
    """Compiles a kind's rules for one language; `prefilter` lets it skip rules that cannot
    match a text and `cache` lets it keep what it computed in the per-user pack cache (neither
    may change a result, only the time it takes)."""

    def __call__(
        self, rules: list[Any], adapter: LanguageAdapter, *, prefilter: bool = True, cache: bool = False
    ) -> CompiledKind: ...
