"""Written phrases of a rule's data, matched in a reply, and where an opening sentence goes.

Shared by the rule kinds that read fixed wordings beside their grammar (promises: vague
times, guarantees, apologies; the conversation: thanks for waiting) and that suggest a
sentence to open the reply with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from replyguard.kinds.base import Match, RuleBase, Suggestion
from replyguard.lang.base import Analysis, LanguageAdapter


@dataclass(frozen=True, slots=True)
class Phrases:
    """A rule's written phrases as one regex, with the words (or, in Chinese, the characters)
    they can start with: a reply without any of them is not scanned."""

    pattern: re.Pattern[str]
    starts: frozenset[str]
    by_character: bool

    def could_match(self, analysis: Analysis) -> bool:
        if self.by_character:
            present = analysis.memo.get("characters")
            if present is None:
                present = analysis.memo["characters"] = frozenset(analysis.lowered)
        else:
            present = analysis.memo.get("words")
            if present is None:
                present = analysis.memo["words"] = frozenset(t.lower for t in analysis.tokens)
        return not self.starts.isdisjoint(present)


def phrase_pattern(phrases: list[str], adapter: LanguageAdapter, gaps: int = 0) -> Phrases | None:
    """One regex for written phrases, lowercase, in named group `phrase`: whole words in
    languages written with spaces (any spacing between them, and the loose spellings the
    adapter knows, e.g. Slovenian without č/š/ž), plain characters in Chinese. With `gaps`,
    up to that many other words may stand between two words of a phrase («se kaj takega
    nikoli več ne bo ponovilo» for «se nikoli več ne bo ponovilo»)."""
    if not phrases:
        return None
    alternatives = []
    starts: set[str] = set()
    by_character = False
    for phrase in sorted({" ".join(p.lower().split()) for p in phrases}, key=len, reverse=True):
        if adapter.character_phrase(phrase) is not None:
            alternatives.append(re.escape(phrase))
            starts.add(phrase[0])
            by_character = True
            continue
        first = phrase.split()[0]
        # the token a phrase starts with: its first word, or what the tokenizer cuts off it («100%» → «100»)
        starts.update(t.lower for form in adapter.typed_forms(first) for t in adapter.words(form)[:1])
        words = []
        for word in phrase.split():
            forms = adapter.typed_forms(word)
            words.append("(?:" + "|".join(re.escape(f) for f in forms) + ")" if len(forms) > 1 else re.escape(word))
        joint = r"\s+" if not gaps else rf"\s+(?:\w+\s+){{0,{gaps}}}?"
        alternatives.append(joint.join(words))
    body = "|".join(alternatives)
    if adapter.joins is not None:
        return Phrases(re.compile(f"(?P<phrase>{body})"), frozenset(starts), by_character)
    return Phrases(re.compile(rf"(?<!\w)(?P<phrase>{body})(?!\w)"), frozenset(starts), by_character)


def no_empty_phrase(phrases: list[str]) -> list[str]:
    """A pack's phrase list, refused with a clear error if a phrase is blank."""
    if any(not phrase.strip() for phrase in phrases):
        raise ValueError("a phrase must not be empty")
    return phrases


def opening(
    rule: RuleBase, analysis: Analysis, adapter: LanguageAdapter, greetings: Phrases | None, sentence: str
) -> Match:
    """A reply-level finding that suggests `sentence` as the reply's opening, right after its
    greeting (a space after it where the language writes spaces); offered, never applied."""
    at = after_greeting(analysis, adapter, greetings)
    gap = "" if adapter.joins is not None else " "
    insert = sentence + gap if at < len(analysis.text) else gap + sentence
    return Match(rule, at, at, [Suggestion(at, at, insert, safe=False)])


def after_greeting(analysis: Analysis, adapter: LanguageAdapter, greetings: Phrases | None) -> int:
    """Where an opening sentence goes: after a greeting near the start of the reply, with
    the name and the punctuation that close it («Здравствуйте, Анна! », «Pozdravljeni, gospa
    Novak, », «钟先生您好，»), else at the very start."""
    text = analysis.text
    lead = len(text) - len(text.lstrip())
    if greetings is None:
        return lead
    hit = greetings.pattern.search(analysis.lowered, lead, lead + 30)
    if hit is None:
        return lead
    return greeting_end(analysis, adapter, hit.end())


def greeting_end(analysis: Analysis, adapter: LanguageAdapter, end: int) -> int:
    """Where a greeting ending at `end` is closed: past the name and the punctuation after
    it, else (no closing punctuation) the reply's start."""
    text = analysis.text
    lead = len(text) - len(text.lstrip())
    # a name of a few words after a comma exists only where words are spaced: in Chinese the
    # text after 您好， is already the message
    tail = (_GREETING_TAIL if adapter.joins is None else _GREETING_CLOSE).match(text, end)
    return tail.end() if tail else lead


# The punctuation that closes a greeting, and before it, in languages written with spaces,
# maybe a comma and a name of up to four words («, Анна!», «, gospa Novak,»).
_CLOSE = r"[!！.。,，:：\n]+\s*"
_GREETING_CLOSE = re.compile(r"\s*" + _CLOSE)
_GREETING_TAIL = re.compile(r"\s*(?:[,，]\s*(?:[^\W\d_][\w.-]*\s*){1,4}(?=[!！,，\n]))?" + _CLOSE)
