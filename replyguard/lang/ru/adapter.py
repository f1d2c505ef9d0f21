"""The Russian adapter: spaCy's blank Russian tokenizer and pymorphy3, called directly.

Sources: pymorphy3 with the OpenCorpora dictionary (MIT); spaCy's Russian tokenizer
exceptions. Limits: no tagger, so an ambiguous word keeps every candidate lemma and the
likeliest part of speech; agreement in rewrites covers adjective-like modifiers directly
left of the replaced noun, not verbs or relative clauses.
"""

from __future__ import annotations

import re
from typing import ClassVar

from replyguard.edits import match_case
from replyguard.lang.base import Analysis, Rewrite, Token
from replyguard.lang.names import PersonName
from replyguard.lang.ru.inflect import (
    adjective_readings,
    inflect_phrase,
    inflect_verb,
    modifier_agrees,
    narrow_by_preposition,
    noun_readings,
    phrase_head,
    prefer_genitive,
    reinflect_modifier,
    verb_readings,
)
from replyguard.lang.ru.names import RussianNames
from replyguard.lang.ru.units import DictionaryUnit, normalize, shape_unit, source_of
from replyguard.lang.tokenized import SpacyTokenizedAdapter, WordAnalysis, require


class RussianAdapter(SpacyTokenizedAdapter):
    code = "ru"
    messages: ClassVar[dict[str, str]] = {
        "unchecked_language": "Эта часть написана на другом языке ({language}), replyguard её не проверяет: "
        "перечитайте её сами перед отправкой.",
    }
    grammar: ClassVar[str | None] = "replyguard.lang.ru"  # time, promises, requests
    analyzer_packages = ("spacy", "pymorphy3", "pymorphy3-dicts-ru")
    # «Вы пишете, что …», «вы указали, что …»: past plurals only after «вы» («мы сообщили» is ours)
    reported_speech: ClassVar[re.Pattern[str] | None] = re.compile(
        r"(?:(?<![\w-])[Вв]ы\s+(?:(?:нам|мне|уже|ранее)\s+)*(?:написали|указали|сообщили|сказали|отметили|упомянули"
        r"|спросили|пожаловались|уточнили)|(?<![\w-])(?:[Вв]ы\s+)?(?:пишете|говорите|сообщаете|указываете|жалуетесь"
        r"|утверждаете|спрашиваете))(?:\s+(?:нам|мне))?,?\s+(?:что|будто|мол|как)\s+(?P<said>[^.!?\n;]*)"
        r"|(?<![\w-])[Пп]о вашим словам,?\s+(?P<said2>[^.!?\n;]*)"
    )
    conditional_clause: ClassVar[re.Pattern[str] | None] = re.compile(
        r"(?<![\w-])(?:[Ее]сли|[Ее]жели|[Вв] случае,? если)(?![\w-])(?P<clause>[^.!?\n;,—–:]*)"
    )
    name = "Russian"

    def __init__(self) -> None:
        pymorphy3 = require("pymorphy3", self.code)
        super().__init__()
        self._dictionary = DictionaryUnit(pymorphy3.MorphAnalyzer())

    def analyse_word(self, word: str) -> WordAnalysis:
        lowered = word.lower()
        shaped = shape_unit(lowered)
        if shaped is not None:
            lemmas, pos, parses = shaped
            return WordAnalysis(lemmas, pos, "shape", parses)
        lemmas, pos, parses = self._dictionary(lowered)
        return WordAnalysis(lemmas, pos, source_of(parses), parses)

    def parse_name(self, raw: str, gender: str | None = None) -> PersonName | None:
        """First name, patronymic and surname in any order (see `ru/names.py`)."""
        return self._names().parse_name(raw, gender)

    def person_names(self, analysis: Analysis) -> list[tuple[int, int, str]]:
        return self._names().person_names(analysis)

    def addressee_register(self, analysis: Analysis) -> list[tuple[int, int, str]]:
        return self._names().addressee_register(analysis)

    def _names(self) -> RussianNames:
        """The name reader over this adapter's pymorphy3 parses, made on first use."""
        reader: RussianNames | None = getattr(self, "_name_reader", None)
        if reader is None:
            reader = self._name_reader = RussianNames(self._dictionary.parse)
        return reader

    def rewrite(self, analysis: Analysis, first: int, last: int, phrase: str, replacement: str) -> Rewrite:
        """Inflect the replacement to the matched noun's case and number; re-agree modifiers.

        Falls back to the literal replacement (certain only for a dictionary-form match)
        when the match has no noun to agree with.
        """
        tokens = analysis.tokens
        phrase_lemmas = self.phrase_lemmas(phrase)
        words = [t for t in tokens[first : last + 1] if not t.is_space]
        verb = self._rewrite_verb(analysis, words, phrase_lemmas, replacement)
        if verb is not None:
            return verb
        head_at = _head_position(words, phrase_lemmas, self._phrase_head(phrase))
        if head_at is None:
            adjective = self._rewrite_adjective(analysis, words, phrase_lemmas, replacement)
            return adjective or super().rewrite(analysis, first, last, phrase, replacement)
        head = words[head_at]
        readings = noun_readings(head.morph, phrase_lemmas[head_at])
        modifiers = _left_modifiers(tokens, first)
        readings = [
            r for r in readings if all(any(modifier_agrees(p, r) for p in m.morph) for m in modifiers)
        ] or readings
        preposition = _preposition_before(tokens, first - len(modifiers))
        readings = narrow_by_preposition(readings, preposition)
        if preposition is None and _inanimate_noun_before(tokens, first - len(modifiers)):
            readings = prefer_genitive(readings)
        if not readings:
            return super().rewrite(analysis, first, last, phrase, replacement)
        target = readings[0]
        new_text, new_features, certain = inflect_phrase(self._dictionary.parse, replacement, target)
        # Ambiguous readings are harmless when every one of them gives the same words.
        certain = certain and all(
            inflect_phrase(self._dictionary.parse, replacement, r)[0] == new_text for r in readings[1:]
        )
        if (
            new_features is not None
            and target.case == "nomn"
            and target.number == "sing"
            and new_features.gender != target.gender
        ):
            certain = False  # a subject's predicate agrees in gender («проблема решена» → «вопрос решён»)
        end = tokens[last].end
        pieces = [(tokens[first].start, end, match_case(analysis.text[tokens[first].start : end], new_text))]
        if new_features is not None:
            for modifier in reversed(modifiers):
                agreeing = [p for p in modifier.morph if modifier_agrees(p, target)]
                changed = reinflect_modifier(agreeing[0], new_features) if agreeing else None
                if changed is None or normalize(changed) == normalize(modifier.text):
                    break
                pieces.insert(0, (modifier.start, modifier.end, match_case(modifier.text, changed)))
                certain = certain and len({str(p.tag) for p in agreeing}) == 1
        return Rewrite(pieces[0][0], end, _splice(analysis.text, pieces), certain)

    def _phrase_head(self, phrase: str) -> int | None:
        """Where the head noun stands in a dictionary-form pack phrase (see `phrase_head`)."""
        words = phrase.split()
        if len(words) < 2:
            return None
        return phrase_head([self._dictionary.parse(word)[0] for word in words])

    def _rewrite_verb(
        self, analysis: Analysis, words: list[Token], phrase_lemmas: list[frozenset[str]], replacement: str
    ) -> Rewrite | None:
        """A verb phrase for a verb phrase («произведите оплату» → «оплатите»): the
        replacement's infinitive takes the matched verb's mood, tense, person, number and
        gender. Certain only when every reading of the matched verb gives the same words."""
        if len(words) != len(phrase_lemmas):
            return None
        for word, lemmas in zip(words, phrase_lemmas, strict=True):
            readings = verb_readings(word.morph or (), lemmas)
            if not readings:
                continue
            results = [inflect_verb(self._dictionary.parse, replacement, r) for r in readings]
            if any(r is None for r in results):
                return None
            texts = {r[0] for r in results if r is not None}
            best = results[0]
            assert best is not None
            certain = len(texts) == 1 and all(r[1] for r in results if r is not None)
            start, end = words[0].start, words[-1].end
            return Rewrite(start, end, match_case(analysis.text[start:end], best[0]), certain)
        return None

    def _rewrite_adjective(
        self, analysis: Analysis, words: list[Token], phrase_lemmas: list[frozenset[str]], replacement: str
    ) -> Rewrite | None:
        """One adjective for another («данной» → «этой»), in the matched word's case, number and gender."""
        if len(words) != 1 or len(phrase_lemmas) != 1 or " " in replacement.strip():
            return None
        readings = adjective_readings(words[0].morph, phrase_lemmas[0])
        new = self._dictionary.parse(replacement.strip())[0]
        if not readings or new.tag.POS not in {"ADJF", "PRTF"}:
            return None
        forms = {reinflect_modifier(new, reading) for reading in readings}
        best = reinflect_modifier(new, readings[0])
        if best is None:
            return None
        word = words[0]
        return Rewrite(word.start, word.end, match_case(word.text, best), len(forms) == 1)


def _head_position(words: list[Token], phrase_lemmas: list[frozenset[str]], head: int | None) -> int | None:
    """The matched word standing for the phrase's head noun (`head`, when it can be that
    noun), else the last matched word that can be a noun with the phrase's lemma there."""
    if len(words) != len(phrase_lemmas):
        return None
    if head is not None and head < len(words) and noun_readings(words[head].morph, phrase_lemmas[head]):
        return head
    for at in range(len(words) - 1, -1, -1):
        if noun_readings(words[at].morph, phrase_lemmas[at]):
            return at
    return None


def _left_modifiers(tokens: list[Token], first: int) -> list[Token]:
    """Adjective-like words directly left of the match (separated by single spaces)."""
    found: list[Token] = []
    at = first - 1
    while at >= 0:
        token = tokens[at]
        if token.is_space:
            break
        if not any(p.tag.POS in {"ADJF", "PRTF"} for p in token.morph or ()):
            break
        found.insert(0, token)
        at -= 1
    return found


def _preposition_before(tokens: list[Token], at: int) -> str | None:
    before = at - 1
    while before >= 0 and tokens[before].is_space:
        before -= 1
    if before < 0:
        return None
    token = tokens[before]
    return token.lower if token.pos == "ADP" else None


def _inanimate_noun_before(tokens: list[Token], at: int) -> bool:
    """Is the word just before position `at` an inanimate noun (whose dependent is genitive)?"""
    before = at - 1
    if before < 0 or tokens[before].is_space or not tokens[before].morph:
        return False
    parse = tokens[before].morph[0]
    return parse.tag.POS == "NOUN" and parse.tag.animacy == "inan"


def _splice(text: str, pieces: list[tuple[int, int, str]]) -> str:
    """The text from the first piece's start to the last one's end, with each piece replaced."""
    out: list[str] = []
    cursor = pieces[0][0]
    for start, end, replacement in pieces:
        out.append(text[cursor:start])
        out.append(replacement)
        cursor = end
    return "".join(out)
