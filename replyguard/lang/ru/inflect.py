"""Russian rewrites that agree: a replacement takes the case and number of the word it
replaces, and agreeing modifiers on its left follow the new noun's gender
(«с вашей проблемой» → «с вашим вопросом»).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from replyguard.lang.ru.government import PREPOSITION_CASES

_MODIFIER_POS = frozenset({"ADJF", "PRTF"})
_PROPER = frozenset({"Name", "Surn", "Patr"})


@dataclass(frozen=True)
class Features:
    """Case, number and (in the singular) gender of a noun phrase."""

    case: str
    number: str
    gender: str | None
    animacy: str | None


def _case(tag: Any) -> str | None:
    return str(tag.case) if tag.case else None


def noun_readings(parses: tuple[Any, ...], lemmas: frozenset[str]) -> list[Features]:
    """The readings of a matched noun whose lemma is the rule's, most likely first."""
    return _readings(parses, lemmas, frozenset({"NOUN"}))


def adjective_readings(parses: tuple[Any, ...], lemmas: frozenset[str]) -> list[Features]:
    """The readings of a matched adjective («данной», «дешёвую») whose lemma is the rule's."""
    return _readings(parses, lemmas, _MODIFIER_POS)


def _readings(parses: tuple[Any, ...], lemmas: frozenset[str], pos: frozenset[str]) -> list[Features]:
    found: list[Features] = []
    for parse in parses:
        if parse.tag.POS not in pos or parse.normal_form.replace("ё", "е") not in lemmas:
            continue
        if _PROPER & parse.tag.grammemes:
            continue  # «данной» is not the name «Данна», «заказика» not a person called «Заказик»
        case = _case(parse.tag)
        if case is None or parse.tag.number is None:
            continue
        features = Features(case, str(parse.tag.number), _opt(parse.tag.gender), _opt(parse.tag.animacy))
        if features not in found:
            found.append(features)
    return found


def _opt(value: Any) -> str | None:
    return str(value) if value else None


def modifier_agrees(parse: Any, features: Features) -> bool:
    """Does an adjective-like parse agree with the noun in case, number and gender?"""
    tag = parse.tag
    if tag.POS not in _MODIFIER_POS or _case(tag) != features.case or tag.number != features.number:
        return False
    return features.number == "plur" or tag.gender == features.gender


def prefer_genitive(readings: list[Features]) -> list[Features]:
    """Genitive readings first: a noun right after an inanimate noun usually depends on it
    («для решения проблемы»), though it may also be a subject («на сайте проблемы»), so the
    other readings stay (and keep the edit unsure when they give other words)."""
    return [r for r in readings if r.case == "gent"] + [r for r in readings if r.case != "gent"]


def narrow_by_preposition(readings: list[Features], preposition: str | None) -> list[Features]:
    """Keep the readings a preceding preposition allows («из-за проблемы»: genitive only)."""
    allowed = PREPOSITION_CASES.get(preposition or "")
    if not allowed:
        return readings
    narrowed = [r for r in readings if r.case in allowed]
    return narrowed or readings


def inflect_phrase(
    parse_word: Callable[[str], tuple[Any, ...]], replacement: str, target: Features
) -> tuple[str, Features | None, bool]:
    """Inflect a dictionary-form replacement phrase to `target` case and number.

    Returns the words, the features of the new head noun (for modifiers to agree with),
    and whether every word was inflected without guessing.
    """
    words = replacement.split()
    parses = [parse_word(word)[0] for word in words]
    head_at = phrase_head(parses)
    if head_at is None:
        return replacement, None, False
    head = parses[head_at]
    head_features = Features(target.case, target.number, _opt(head.tag.gender), _opt(head.tag.animacy))
    out: list[str] = []
    certain = True
    for at, (word, parse) in enumerate(zip(words, parses, strict=True)):
        if at > head_at:
            out.append(word)  # a dependent after the head keeps its case («карта лояльности»)
            continue
        grammemes = _grammemes_for(parse, head_features)
        if grammemes is None:
            out.append(word)
            continue
        inflected = parse.inflect(grammemes)
        if inflected is None:
            out.append(word)
            certain = False
        else:
            out.append(inflected.word)
    return " ".join(out), head_features, certain


def phrase_head(parses: list[Any]) -> int | None:
    """The head noun of a dictionary-form phrase: its first noun in the nominative («карта» in
    «карта лояльности»; the genitive after it depends on it), else its last noun."""
    nouns = [at for at, parse in enumerate(parses) if parse.tag.POS == "NOUN"]
    if not nouns:
        return None
    return next((at for at in nouns if parses[at].tag.case == "nomn"), nouns[-1])


def _grammemes_for(parse: Any, features: Features) -> set[str] | None:
    """The grammemes to inflect one replacement word to, or None to keep it as written."""
    if parse.tag.POS == "NOUN":
        return {features.case, features.number}
    if parse.tag.POS in _MODIFIER_POS:
        grammemes = {features.case, features.number}
        if features.number == "sing" and features.gender:
            grammemes.add(features.gender)
        if features.case == "accs" and features.animacy and (features.number == "plur" or features.gender == "masc"):
            grammemes.add(features.animacy)
        return grammemes
    return None


def reinflect_modifier(parse: Any, features: Features) -> str | None:
    """A left modifier («вашей») re-inflected to agree with the new head."""
    grammemes = _grammemes_for(parse, features)
    if grammemes is None:
        return None
    inflected = parse.inflect(grammemes)
    return inflected.word if inflected else None


_VERB_POS = frozenset({"VERB", "INFN"})
_NON_PAST = frozenset({"pres", "futr"})


def verb_readings(parses: tuple[Any, ...], lemmas: frozenset[str]) -> list[Any]:
    """The finite or infinitive readings of a matched verb whose lemma is the rule's
    («произведите» of «произвести оплату»)."""
    return [p for p in parses if p.tag.POS in _VERB_POS and p.normal_form.replace("ё", "е") in lemmas]


def inflect_verb(
    parse_word: Callable[[str], tuple[Any, ...]], replacement: str, matched: Any
) -> tuple[str, bool] | None:
    """The replacement phrase with its leading infinitive in the matched verb's form
    («произведите оплату» → «оплатите», «произвели возврат» → «вернули»), and whether the
    form keeps the meaning exactly. None when the replacement does not start with an
    infinitive or the form does not exist.

    A non-past form follows the replacement's own aspect: the present of an imperfective
    verb and the future of a perfective one are the same slot, but they do not mean the same
    («производим» → «оплатим» moves from now to later), so such a form is not certain."""
    words = replacement.split()
    parses = parse_word(words[0])
    infinitive = parses[0]
    if infinitive.tag.POS != "INFN" or any(
        p.tag.POS in _VERB_POS and p.normal_form != infinitive.normal_form for p in parses
    ):
        return None  # «есть» (there is, of «быть») is also the verb «есть» (to eat): left as written
    tag = matched.tag
    if tag.POS == "INFN":
        return replacement, True
    certain = True
    if tag.mood == "impr":
        grammemes = {"impr", str(tag.number)}
        grammemes.add(str(tag.involvement) if tag.involvement else "excl")
    elif tag.tense == "past":
        grammemes = {"past", str(tag.number)}
        if tag.number == "sing" and tag.gender:
            grammemes.add(str(tag.gender))
    elif tag.tense in _NON_PAST:
        own = "futr" if infinitive.tag.aspect == "perf" else "pres"
        certain = infinitive.tag.aspect == tag.aspect
        grammemes = {own, str(tag.number), str(tag.person)}
    else:
        return None
    inflected = infinitive.inflect(grammemes)
    if inflected is None:
        return None
    return " ".join([inflected.word, *words[1:]]), certain
