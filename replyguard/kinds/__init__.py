"""The closed set of rule kinds: each is a YAML schema plus a compiler for one language."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from replyguard.kinds.address import AddressRule, CompiledAddress
from replyguard.kinds.base import CompiledKind, KindCompiler, Match, RuleBase, Suggestion
from replyguard.kinds.conversation import CompiledConversation, ConversationRule
from replyguard.kinds.formality import CompiledFormality, FormalityRule
from replyguard.kinds.lexicon import CompiledLexicon, LexiconRule
from replyguard.kinds.pattern import CompiledPatterns, PatternRule
from replyguard.kinds.promise import CompiledPromises, PromiseRule
from replyguard.kinds.regex import CompiledRegexes, RegexRule

Rule = Annotated[
    LexiconRule | PatternRule | RegexRule | AddressRule | FormalityRule | PromiseRule | ConversationRule,
    Field(discriminator="kind"),
]

COMPILERS: dict[str, KindCompiler] = {
    "lexicon": CompiledLexicon,
    "pattern": CompiledPatterns,
    "regex": CompiledRegexes,
    "address": CompiledAddress,
    "formality": CompiledFormality,
    "promise": CompiledPromises,
    "conversation": CompiledConversation,
}
KIND_NAMES: tuple[str, ...] = tuple(COMPILERS)

__all__ = ["COMPILERS", "KIND_NAMES", "CompiledKind", "Match", "Rule", "RuleBase", "Suggestion"]
