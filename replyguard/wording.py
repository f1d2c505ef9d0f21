"""Dictionary-form phrases of a pack's data, found by lemma in any analysed text.

The conversation checks read wordings in two texts, the customer's message and the reply
(«верните деньги» in «верните, пожалуйста, деньги», «приносить извинение» in «приносим
извинения»): one word-by-word lemma match for languages written with spaces, a character
match for Chinese (a segmenter's cut must not hide a phrase), as the lexicon kind does.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from replyguard.lang.base import Analysis, LanguageAdapter, Token

# where a phrase may not reach across: the end of a sentence or a line
_STOPS = frozenset(".!?…。！？\n;；")


@dataclass(frozen=True, slots=True)
class Hit:
    """One phrase found: its characters in the analysed text and the phrase as listed."""

    start: int
    end: int
    phrase: str


class LemmaPhrases:
    """Phrases matched in any inflection; with `gaps`, up to that many other words (and any
    commas) may stand between two words of a phrase («верните, пожалуйста, деньги»)."""

    def __init__(self, phrases: Iterable[str], adapter: LanguageAdapter, gaps: int = 0) -> None:
        self._gaps = gaps
        self._by_first: dict[str, list[tuple[str, tuple[Step, ...]]]] = {}
        self._characters: list[tuple[str, str, bool]] = []
        for phrase in dict.fromkeys(" ".join(p.lower().split()) for p in phrases):
            if not phrase:
                continue
            characters = adapter.character_phrase(phrase)
            if characters is not None:
                self._characters.append((phrase, characters[0], characters[1]))
                continue
            steps = tuple(_steps(adapter, phrase))
            if steps:
                for key in steps[0][0]:
                    self._by_first.setdefault(key, []).append((phrase, steps))

    def __bool__(self) -> bool:
        return bool(self._by_first or self._characters)

    def find(self, analysis: Analysis, low: int = 0, high: int | None = None) -> list[Hit]:
        """Every phrase found between characters `low` and `high`, in text order."""
        high = len(analysis.text) if high is None else high
        hits: list[Hit] = []
        if self._characters:
            hits.extend(self._character_hits(analysis, low, high))
        if self._by_first:
            tokens = analysis.tokens
            first = bisect_left(_bounds(analysis)[2], low)  # a stretch is searched in its own tokens only
            for i in range(first, len(tokens)):
                token = tokens[i]
                if token.end > high:
                    break
                for key in (token.lower, *token.lemmas):
                    for phrase, steps in self._by_first.get(key.lower(), ()):
                        if not _fits(token, steps[0]):
                            continue  # an exact form («=ni») reached through a lemma
                        end = self._match_from(tokens, i, steps, high)
                        if end is not None:
                            hits.append(Hit(token.start, end, phrase))
        return sorted(set(hits), key=lambda h: (h.start, -h.end))

    def first(self, analysis: Analysis, low: int = 0, high: int | None = None) -> Hit | None:
        hits = self.find(analysis, low, high)
        return hits[0] if hits else None

    def _match_from(self, tokens: list[Token], i: int, steps: tuple[Step, ...], high: int) -> int | None:
        end = tokens[i].end
        at = i
        for step in steps[1:]:
            skipped = 0
            at += 1
            while at < len(tokens):
                token = tokens[at]
                if token.end > high or token.text in _STOPS or (token.is_space and "\n" in token.text):
                    return None
                if token.is_space or token.pos == "PUNCT":
                    at += 1
                    continue
                if _fits(token, step):
                    break
                skipped += 1
                if skipped > self._gaps:
                    return None
                at += 1
            else:
                return None
            end = tokens[at].end
        return end

    def _character_hits(self, analysis: Analysis, low: int, high: int) -> list[Hit]:
        text = analysis.lowered
        hits = []
        for phrase, characters, bounded in self._characters:
            at = text.find(characters, low, high)
            while at != -1:
                end = at + len(characters)
                if bounded:
                    starts, ends, _ = _bounds(analysis)
                    if at not in starts or end not in ends:
                        at = text.find(characters, at + 1, high)
                        continue
                hits.append(Hit(at, end, phrase))
                at = text.find(characters, at + 1, high)
        return hits


def _bounds(analysis: Analysis) -> tuple[frozenset[int], frozenset[int], list[int]]:
    """Where the analysed text's tokens start and end (sets, and the starts in order), built
    once per analysis: the checks search many stretches of one reply."""
    found = analysis.memo.get(_BOUNDS)
    if found is None:
        starts = [t.start for t in analysis.tokens]
        found = analysis.memo[_BOUNDS] = (frozenset(starts), frozenset(t.end for t in analysis.tokens), starts)
    return found


_BOUNDS = "token_bounds"


def entries(value: list[str]) -> list[str]:
    """A pack's lexicon entries with their spacing made single, refused if one is blank."""
    if any(not entry.strip() for entry in value):
        raise ValueError("an entry must not be empty")
    return [" ".join(entry.split()) for entry in value]


Step = tuple[frozenset[str], bool]  # one word of a phrase: what it matches, and whether only as written


def _fits(token: Token, step: Step) -> bool:
    """Whether a token is that word of a phrase: by its form, or by a lemma unless exact."""
    forms, exact = step
    return token.lower in forms or (not exact and not forms.isdisjoint(token.lemmas))


def _steps(adapter: LanguageAdapter, phrase: str) -> list[Step]:
    """Each word of a phrase: its lemmas, the ways people type it (Slovenian without
    č/š/ž) and the word as written; a word written `=word` is that form only («=ni» is not
    «biti», «=dva» is not «dvema»). Punctuation is left out."""
    steps: list[Step] = []
    for word in phrase.split():
        if word.startswith("=") and len(word) > 1:
            steps.append((frozenset(adapter.typed_forms(word[1:])), True))
            continue
        for token in adapter.words(word):
            if not token.is_space and token.pos != "PUNCT" and any(c.isalnum() for c in token.text):
                forms = {lemma.lower() for lemma in token.lemmas} | set(adapter.typed_forms(token.lower))
                steps.append((frozenset(forms | {token.lower}), False))
    return steps
