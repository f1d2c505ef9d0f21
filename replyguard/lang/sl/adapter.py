"""The Slovenian adapter: spaCy's blank Slovenian tokenizer and lemmagen3.

Sources: lemmagen3's Slovenian model (CC BY-SA, trained on the Multext-East lexicon);
spaCy's Slovenian tokenizer exceptions. Checked with: 59 of 60 inflected support words
lemmatized right. Limits: one lemma per word (lemmagen3 is deterministic), no inflection
engine, so a replacement is only certain where the matched word is in dictionary form;
lemmagen3 is inconsistent on capitals, so words are lowercased first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import ClassVar

from replyguard.lang.base import Analysis, LanguageAdapter, Rewrite
from replyguard.lang.names import PersonName
from replyguard.lang.sl.agreement import agree_rewrite
from replyguard.lang.sl.closed_class import CLOSED_CLASS_POS
from replyguard.lang.sl.names import find_addressee_register, find_person_names, parse_sl_name
from replyguard.lang.tokenized import SpacyTokenizedAdapter, WordAnalysis, require

_LETTER = re.compile(r"[^\W\d_]")
_DIACRITICS = str.maketrans("čšžćđ", "cszcd")
_HAS_DIACRITICS = re.compile("[čšžćđ]")
_WITH_CARON = {"c": "č", "s": "š", "z": "ž"}
_MOST_PLAIN_LETTERS = 5  # c, s or z tried with a caron: at most 2**5 spellings per word


def without_diacritics(word: str) -> str:
    """The word as typed on a keyboard without č, š, ž (ć and đ of names too)."""
    return word.translate(_DIACRITICS)


_NUMBER = re.compile(r"^(?=.*\d)[\d.,:–\-/+%]+$")


class SlovenianAdapter(SpacyTokenizedAdapter):
    code = "sl"
    messages: ClassVar[dict[str, str]] = {
        "unchecked_language": "Ta del je v drugem jeziku ({language}), ki ga replyguard ne preverja: "
        "pred pošiljanjem ga preberite sami.",
    }
    grammar: ClassVar[str | None] = "replyguard.lang.sl"  # time, promises, requests
    analyzer_packages = ("spacy", "lemmagen3")
    # «Pišete, da …», «omenili ste, da …»: the customer's words
    reported_speech: ClassVar[re.Pattern[str] | None] = re.compile(
        r"(?:(?<!\w)(?:[Pp]išete|[Pp]ravite|[Nn]avajate|[Tt]rdite|[Ss]prašujete|[Oo]menjate|[Ss]poročate)"
        r"|(?<!\w)(?:[Oo]menili|[Nn]apisali|[Ss]poročili|[Nn]avedli|[Rr]ekli|[Vv]prašali|[Zz]apisali) ste)"
        r"(?: nam| mi)?,? (?:da|ali|kako|zakaj) (?P<said>[^.!?\n;]*)"
    )
    conditional_clause: ClassVar[re.Pattern[str] | None] = re.compile(
        r"(?<!\w)(?:[Čč]e|[Cc]e|[Vv] primeru, da|[Vv] kolikor)(?!\w)(?P<clause>[^.!?\n;,—–:]*)"
    )
    name = "Slovenian"
    # in spaCy's Slovenian abbreviation list, yet ordinary words that end sentences: «… kot je.»,
    # «… če sta.», «… ves dan.»
    words_not_abbreviations: ClassVar[frozenset[str]] = frozenset(
        {"do", "ga", "in", "iz", "je", "kdo", "med", "mi", "na", "nad", "nam", "ob", "od", "po", "pod", "pred",
         "so", "sta", "ste", "ter", "tu", "ven", "dan", "del", "čas", "red", "nov", "moj", "sam", "star", "živ",
         "test", "tip", "film", "glas", "grad", "kraj", "les", "let", "list", "svet", "trg", "sin", "pet",
         "prav", "dol", "gor", "ok", "no", "rad", "oseb", "pol", "daj", "žival"}
    )  # fmt: skip

    def __init__(self) -> None:
        lemmagen3 = require("lemmagen3", self.code)
        super().__init__()
        self._lemmatizer = lemmagen3.Lemmatizer("sl")
        # Pack lemmas with č/š/ž by their plain spelling: «tezavo» is read as «težavo».
        self._restored: dict[str, frozenset[str]] = {}
        self._prefixes: frozenset[str] = frozenset()  # their first three letters, plain

    def _start_vocabulary(self) -> None:
        super()._start_vocabulary()
        self._cached = lru_cache(maxsize=self.word_cache_size)(self._analyse_lowered)

    def typed_forms(self, word: str) -> tuple[str, ...]:
        plain = without_diacritics(word)
        return (word,) if plain == word else (word, plain)

    def learn_words(self, lemmas: Iterable[str]) -> None:
        """Remember the packs' lemmas with č, š or ž under their plain spelling, so a reply
        typed without them («zal», «cakajte», «tezavo») matches as if written properly. Only
        words without any such letter are read this way: «koš» never stands for «kos»."""
        grown = dict(self._restored)
        for lemma in lemmas:
            plain = without_diacritics(lemma)
            if plain != lemma:
                grown[plain] = grown.get(plain, frozenset()) | {lemma}
        if grown != self._restored:
            self._restored = grown
            self._prefixes = frozenset(plain[:3] for plain in grown)
            self._cached.cache_clear()
            self._analysed.cache_clear()

    def _lemma(self, lowered: str) -> str:
        """lemmagen3's lemma; a word of 255 UTF-8 bytes or more is its own (lemmagen3 keeps
        a word's length in one byte and fails on longer ones)."""
        if len(lowered.encode("utf-8")) >= 255:
            return lowered
        try:
            return self._lemmatizer.lemmatize(lowered) or lowered
        except UnicodeDecodeError:
            return lowered

    def _respelled(self, plain: str) -> set[str]:
        """Pack lemmas of the word with carons put back («vaso» → «vašo» → vaš): lemmagen3
        reads a plain spelling as another word. Tried only where a pack lemma starts alike."""
        if plain[:3] not in self._prefixes:
            return set()
        places = [at for at, char in enumerate(plain) if char in _WITH_CARON][:_MOST_PLAIN_LETTERS]
        found: set[str] = set()
        for mask in range(1, 1 << len(places)):
            letters = list(plain)
            for bit, at in enumerate(places):
                if mask >> bit & 1:
                    letters[at] = _WITH_CARON[letters[at]]
            lemma = self._lemma("".join(letters))
            if without_diacritics(lemma) in self._restored and lemma in self._restored[without_diacritics(lemma)]:
                found.add(lemma)
        return found

    def parse_name(self, raw: str, gender: str | None = None) -> PersonName | None:
        """First name and surname, gender (the CRM's, else the name list's) and forms (`names`)."""
        return parse_sl_name(raw, gender)

    def person_names(self, analysis: Analysis) -> list[tuple[int, int, str]]:
        """Listed first names in any case, surnames after gospod/gospa (`names`)."""
        return find_person_names(analysis)

    def addressee_register(self, analysis: Analysis) -> list[tuple[int, int, str]]:
        """Vikanje and tikanje words addressed to the reader (`names`)."""
        return find_addressee_register(analysis)

    def rewrite(self, analysis: Analysis, first: int, last: int, phrase: str, replacement: str) -> Rewrite:
        """The replacement in the matched noun's case and number, with modifiers on its left
        re-agreed (`agreement`); what the declension lexicon does not know goes in as written."""
        forms = self.phrase_forms(phrase)
        lemmas = self.phrase_lemmas(phrase)
        if len(lemmas) == len(forms):
            words = [frozenset({form}) | found for form, found in zip(forms, lemmas, strict=True)]
        else:
            words = [frozenset({form}) for form in forms]
        agreed = agree_rewrite(analysis.tokens, analysis.text, first, last, words, replacement)
        return agreed or LanguageAdapter.rewrite(self, analysis, first, last, phrase, replacement)

    def analyse_word(self, word: str) -> WordAnalysis:
        return self._cached(word.lower())  # the base caches by written form; this by lowercase

    def _analyse_lowered(self, lowered: str) -> WordAnalysis:
        """Lemma candidates (lemmagen3's, then the word itself), part of speech and source."""
        if not _LETTER.search(lowered):
            return WordAnalysis((lowered,), "NUM" if _NUMBER.match(lowered) else "PUNCT", "shape")
        lemma = self._lemma(lowered)
        lemmas: tuple[str, ...] = (lemma,) if lemma == lowered else (lemma, lowered)
        if self._restored and not _HAS_DIACRITICS.search(lowered):
            restored = self._restored.get(lemma, frozenset()) | self._restored.get(lowered, frozenset())
            lemmas += tuple(sorted((restored | self._respelled(lowered)) - set(lemmas)))
        pos = CLOSED_CLASS_POS.get(lowered) or CLOSED_CLASS_POS.get(lemma, "")
        return WordAnalysis(lemmas, pos, "closed_class" if pos else "lemmagen3")
