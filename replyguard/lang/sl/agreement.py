"""Slovenian rewrites that agree: the replacement takes the case and number of the matched
noun, and adjectives and possessives directly left of it follow the new noun's gender
(«z vašo težavo» → «z vašim vprašanjem», «eno minutko» → «en trenutek»).

The matched noun's readings come from its generated paradigm (`declension`), narrowed by
agreeing modifiers on its left and by the preposition before them; without any preposition
the locative and instrumental are dropped (in Slovenian both always follow one). An edit is
certain only when every remaining reading gives the same words, every form is sure, and
the noun is not a possible subject whose gender changes (its verb or participle would no
longer agree: «minutka je minila» → «trenutek je minil»).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from replyguard.edits import match_case
from replyguard.lang.base import Rewrite, Token
from replyguard.lang.sl.declension import (
    ADJECTIVES,
    NOUNS,
    Features,
    adjective_form,
    adjective_readings,
    agrees,
    modifier_readings,
    noun_form,
    noun_readings,
)

# Which cases a preposition governs. Source: Toporišič, Slovenska slovnica (predlogi);
# «z/s» + genitive is «z mize» (off the table); «o» takes the locative in today's usage.
PREPOSITION_CASES: dict[str, frozenset[str]] = {
    **{p: frozenset({"gen"}) for p in ("brez", "do", "iz", "od", "zaradi", "glede", "namesto", "poleg", "razen")},
    **{p: frozenset({"gen"}) for p in ("sredi", "okoli", "okrog", "zraven", "blizu", "mimo", "izmed", "vrh", "spričo")},
    **{p: frozenset({"dat"}) for p in ("k", "h", "proti", "kljub", "nasproti")},
    **{p: frozenset({"acc"}) for p in ("čez", "skozi", "zoper", "cez")},
    **{p: frozenset({"acc", "loc"}) for p in ("v", "na", "ob", "po")},
    **{p: frozenset({"loc"}) for p in ("o", "pri")},
    **{p: frozenset({"ins", "gen"}) for p in ("z", "s")},
    **{p: frozenset({"acc", "ins"}) for p in ("pred", "med", "nad", "pod")},
    "za": frozenset({"acc", "ins"}),  # «za časa» (genitive) is only in fixed phrases
}
_NEEDS_PREPOSITION = frozenset({"loc", "ins"})
_LOOK_BACK = 3  # words scanned for a preposition separated from the noun by unknown words


@dataclass(frozen=True)
class _Modifier:
    token: Token
    readings: list[tuple[str, Features, bool]]  # (lemma, features, definite)


def agree_rewrite(
    tokens: list[Token],
    text: str,
    first: int,
    last: int,
    phrase_words: Sequence[frozenset[str]],
    replacement: str,
) -> Rewrite | None:
    """The agreeing rewrite of tokens first..last, or None when the module does not know the
    matched head or the replacement (the caller then inserts the replacement as written)."""
    words = [t for t in tokens[first : last + 1] if not t.is_space]
    if not words or len(words) != len(phrase_words):
        return None
    new_words = replacement.split()
    head = _replacement_head(new_words)
    matched = _matched_head(words, phrase_words)
    if matched is None or head is None:
        return _adjective_rewrite(tokens, text, first, last, words, phrase_words, new_words)
    _, readings = matched
    modifiers, readings = _left_modifiers(tokens, first, readings)
    outer = _outer_start(tokens, first, modifiers)
    readings = _narrow_by_preposition(tokens, outer, readings)
    span_start = modifiers[0].token.start if modifiers else tokens[first].start
    end = tokens[last].end
    renders = []
    for reading in readings:
        rendered = _render(text, first, last, tokens, modifiers, new_words, head, reading)
        if rendered is None:
            return None
        renders.append(rendered)
    pieces = renders[0][0]
    # Ambiguous readings are harmless when every one of them gives the same words.
    results = {_splice(text, span_start, end, other) for other, _ in renders}
    certain = len(results) == 1 and all(sure for _, sure in renders)
    new_gender = NOUNS[head[1]].gender
    if any(r.case == "nom" and r.gender != new_gender for r in readings):
        certain = False  # a subject's verb or participle agrees in gender
    changed = [p for p in pieces if text[p[0] : p[1]] != p[2]]
    start = min([p[0] for p in changed] + [tokens[first].start])
    return Rewrite(start, end, _splice(text, start, end, [p for p in pieces if p[0] >= start]), certain)


def _replacement_head(new_words: list[str]) -> tuple[int, str] | None:
    """Position and lemma of the replacement's head noun: its first known noun."""
    for at, word in enumerate(new_words):
        if word.lower() in NOUNS:
            return at, word.lower()
    return None


def _matched_head(words: list[Token], phrase_words: Sequence[frozenset[str]]) -> tuple[int, list[Features]] | None:
    """The last matched word that is a known noun of the phrase's lemma at that place, with
    the readings of its written form."""
    for at in range(len(words) - 1, -1, -1):
        for lemma in sorted(phrase_words[at] & NOUNS.keys()):
            readings = noun_readings(words[at].lower, lemma)
            if readings:
                return at, readings
    return None


def _left_modifiers(
    tokens: list[Token], first: int, readings: list[Features]
) -> tuple[list[_Modifier], list[Features]]:
    """Agreeing adjectives and possessives directly left of the match, and the noun readings
    they leave (a modifier that agrees with no reading ends the run)."""
    found: list[_Modifier] = []
    at = first - 1
    while at >= 0 and not tokens[at].is_space:
        options = modifier_readings(tokens[at].lower)
        narrowed = [r for r in readings if any(agrees(f, r) for _, f, _ in options)]
        if not narrowed:
            break
        found.insert(0, _Modifier(tokens[at], options))
        readings = narrowed
        at -= 1
    return found, readings


def _outer_start(tokens: list[Token], first: int, modifiers: list[_Modifier]) -> int:
    """Token index where the noun phrase (modifiers included) starts."""
    return modifiers[0].token.i if modifiers else first


def _narrow_by_preposition(tokens: list[Token], start: int, readings: list[Features]) -> list[Features]:
    """Keep the cases the preposition before the phrase governs; with no preposition within a
    few words before it, drop the locative and instrumental (which always follow one)."""
    at = start - 1
    seen = 0
    while at >= 0 and seen < _LOOK_BACK:
        token = tokens[at]
        at -= 1
        if token.is_space:
            continue
        if token.pos == "PUNCT":
            break
        allowed = PREPOSITION_CASES.get(token.lower)
        if allowed is not None:
            if seen == 0:
                return [r for r in readings if r.case in allowed] or readings
            return readings  # a preposition further back, over words we do not know
        seen += 1
    return [r for r in readings if r.case not in _NEEDS_PREPOSITION] or readings


def _render(
    text: str,
    first: int,
    last: int,
    tokens: list[Token],
    modifiers: list[_Modifier],
    new_words: list[str],
    head: tuple[int, str],
    reading: Features,
) -> tuple[list[tuple[int, int, str]], bool] | None:
    """The pieces (start, end, new text) for one reading of the matched noun, and whether
    every form in them is sure."""
    head_at, head_lemma = head
    noun = NOUNS[head_lemma]
    target = Features(reading.case, reading.number, noun.gender, noun.animate)
    form, sure = noun_form(head_lemma, target.case, target.number)
    out_words: list[str] = []
    for at, word in enumerate(new_words):
        if at == head_at:
            out_words.append(form)
        elif at < head_at:
            agreed = _agree_written(word, target)
            if agreed is None:
                out_words.append(word)
                sure = False
            else:
                out_words.append(agreed[0])
                sure = sure and agreed[1]
        else:
            out_words.append(word)  # a dependent after the head keeps its own case
    start, end = tokens[first].start, tokens[last].end
    pieces = [(start, end, match_case(text[start:end], " ".join(out_words)))]
    for modifier in reversed(modifiers):
        options = [(lemma, f, d) for lemma, f, d in modifier.readings if agrees(f, reading)]
        if not options:
            return None
        lemma, features, definite = options[0]
        shown = _shows_definiteness(lemma, features)
        new = adjective_form(lemma, target, definite if shown else None)
        if new is None:
            return None
        token = modifier.token
        pieces.insert(0, (token.start, token.end, match_case(token.text, new[0])))
        sure = sure and new[1]
    return pieces, sure


def _agree_written(word: str, target: Features) -> tuple[str, bool] | None:
    """A replacement's adjective written in the nominative («povratna»), agreeing with `target`."""
    for lemma, features, definite in modifier_readings(word):
        if features.case == "nom":
            return adjective_form(lemma, target, definite if _shows_definiteness(lemma, features) else None)
    return None


def _shows_definiteness(lemma: str, features: Features) -> bool:
    """Whether a regular adjective's form shows (in)definiteness: masculine singular
    nominative or inanimate accusative."""
    adjective = ADJECTIVES[lemma]
    return (
        adjective.definite
        and not adjective.definite_only
        and not adjective.forms
        and features.gender == "m"
        and features.number == "sg"
        and (features.case == "nom" or (features.case == "acc" and not features.animate))
    )


def _adjective_rewrite(
    tokens: list[Token],
    text: str,
    first: int,
    last: int,
    words: list[Token],
    phrase_words: Sequence[frozenset[str]],
    new_words: list[str],
) -> Rewrite | None:
    """One adjective for another («v dotičnem primeru» → «v tem primeru»): the last matched
    word's readings, narrowed by a known noun after it and by the preposition before."""
    if len(new_words) != 1 or new_words[0].lower() not in ADJECTIVES:
        return None
    new_lemma = new_words[0].lower()
    word = words[-1]
    readings: list[tuple[Features, bool]] = []
    for lemma in sorted(phrase_words[-1] & ADJECTIVES.keys()):
        readings = adjective_readings(word.lower, lemma)
        if readings:
            break
    if not readings:
        return None
    following = _noun_after(tokens, last)
    if following:
        readings = [(f, d) for f, d in readings if any(agrees(f, n) for n in following)] or readings
    kept = _narrow_by_preposition(tokens, first, [f for f, _ in readings])
    readings = [(f, d) for f, d in readings if f in kept]
    forms: set[str] = set()
    best: str | None = None
    sure = True
    for features, definite in readings:
        target = _as_noun(features, following)
        new = adjective_form(new_lemma, target, definite if features.gender == "m" else None)
        if new is None:
            return None
        forms.add(new[0])
        sure = sure and new[1]
        best = best or new[0]
    if best is None:
        return None
    start, end = tokens[first].start, tokens[last].end
    return Rewrite(start, end, match_case(text[start:end], best), sure and len(forms) == 1)


def _noun_after(tokens: list[Token], last: int) -> list[Features]:
    """Readings of a known noun right after the match («dotični zadevi»), else none."""
    at = last + 1
    if at >= len(tokens) or tokens[at].is_space:
        return []
    token = tokens[at]
    for lemma in (*token.lemmas, token.lower):
        if lemma in NOUNS:
            return noun_readings(token.lower, lemma)
    return []


def _as_noun(features: Features, following: list[Features]) -> Features:
    """The noun features an adjective reading stands for (animacy from the noun after it)."""
    animate = features.animate
    for noun in following:
        if agrees(features, noun):
            animate = noun.animate
            break
    return Features(features.case, features.number, features.gender, bool(animate))


def _splice(text: str, start: int, end: int, pieces: list[tuple[int, int, str]]) -> str:
    """text[start:end] with each piece (start, end, replacement) put in."""
    out: list[str] = []
    cursor = start
    for piece_start, piece_end, new in sorted(pieces):
        if piece_start < cursor:
            continue
        out.append(text[cursor:piece_start])
        out.append(new)
        cursor = piece_end
    out.append(text[cursor:end])
    return "".join(out)
