"""Slovenian rewrites agree in case, number and gender, checked word for word; paradigms
written out in full; every safe one-word replacement of the sl packs is declinable."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from replyguard import Guard
from replyguard.lang.base import Rewrite
from replyguard.lang.registry import get_adapter
from replyguard.lang.sl.declension import (
    NOUNS,
    UNINFLECTED,
    Features,
    adjective_form,
    declinable,
    noun_readings,
    paradigm_table,
)

RULES = Path(__file__).resolve().parents[3] / "rules" / "sl"


def _rewrite(text: str, word: str, phrase: str, replacement: str) -> tuple[Rewrite, str]:
    adapter = get_adapter("sl")
    analysis = adapter.analyse(text)
    (index,) = [t.i for t in analysis.tokens if t.text == word]
    rewrite = adapter.rewrite(analysis, index, index, phrase, replacement)
    return rewrite, text[rewrite.start : rewrite.end]


# (text, matched word, phrase lemma, replacement, replaced span, new words, certain)
TABLE = [
    # nominative: certain only where the gender stays (a subject's verb agrees in gender)
    ("Težava je rešena.", "Težava", "težava", "zadeva", "Težava", "Zadeva", True),
    ("Vaša minutka je minila.", "minutka", "minutka", "trenutek", "Vaša minutka", "Vaš trenutek", False),
    ("Vprašanje je rešeno.", "Vprašanje", "vprašanje", "zadeva", "Vprašanje", "Zadeva", False),
    ("Dve minutki sta minili.", "minutki", "minutka", "trenutek", "Dve minutki", "Dva trenutka", False),
    # genitive
    ("Nimam cajta.", "cajta", "cajt", "čas", "cajta", "časa", True),
    ("Brez problemov.", "problemov", "problem", "vprašanje", "problemov", "vprašanj", True),
    ("Zaradi te težave zamujamo.", "težave", "težava", "problem", "te težave", "tega problema", True),
    ("Brez dveh minutk ne gre.", "minutk", "minutka", "trenutek", "minutk", "trenutkov", True),
    ("Brez trenutka odlašanja.", "trenutka", "trenutek", "minuta", "trenutka", "minute", True),
    # dative
    ("K vaši težavi se vrnemo.", "težavi", "težava", "problem", "vaši težavi", "vašemu problemu", True),
    ("K vašim vprašanjem se vrnemo.", "vprašanjem", "vprašanje", "zadeva", "vprašanjem", "zadevam", True),
    ("K dvema težavama se vrnemo.", "težavama", "težava", "problem", "težavama", "problemoma", True),
    ("Vsem našim kupcem pošljemo.", "kupcem", "kupec", "stranka", "kupcem", "strankam", True),
    # accusative, masculine animate = genitive
    ("Počakajte eno minutko, prosim.", "minutko", "minutka", "trenutek", "eno minutko", "en trenutek", True),
    ("Poklicali smo vašo gospo.", "gospo", "gospa", "kupec", "vašo gospo", "vašega kupca", True),
    ("Za vaše težave nam je žal.", "težave", "težava", "problem", "težave", "probleme", True),
    ("Imamo novo težavo.", "težavo", "težava", "problem", "novo težavo", "nov problem", False),  # nov or novi?
    # locative
    ("O vašem problemu smo obveščeni.", "problemu", "problem", "zadeva", "vašem problemu", "vaši zadevi", True),
    ("V tem sporočilu piše.", "sporočilu", "sporočilo", "e-pošta", "tem sporočilu", "tej e-pošti", True),
    ("V vaših mejlih piše.", "mejlih", "mejl", "e-sporočilo", "mejlih", "e-sporočilih", True),
    ("O dveh težavah smo pisali.", "težavah", "težava", "problem", "težavah", "problemih", True),
    ("Pri vseh naših storitvah.", "storitvah", "storitev", "posodobitev", "storitvah", "posodobitvah", True),
    # instrumental
    ("Z vašo težavo se ukvarjamo.", "težavo", "težava", "vprašanje", "vašo težavo", "vašim vprašanjem", True),
    ("Z vašim problemom se ukvarjamo.", "problemom", "problem", "vprašanje", "problemom", "vprašanjem", True),
    ("Z vašimi težavami se ukvarjamo.", "težavami", "težava", "problem", "težavami", "problemi", True),
    ("Pred dvema minutkama.", "minutkama", "minutka", "trenutek", "minutkama", "trenutkoma", True),
    ("Z novo težavo se ukvarjamo.", "težavo", "težava", "problem", "novo težavo", "novim problemom", True),
    ("Govorili smo z vašo gospo.", "gospo", "gospa", "kurir", "vašo gospo", "vašim kurirjem", True),
    # ambiguity that stays: genitive singular or accusative/dual after «tistega»
    ("Poklicali smo tistega kupca.", "kupca", "kupec", "stranka", "tistega kupca", "tisto stranko", False),
    # capitals and text typed without č/š/ž
    ("Z VAŠO TEŽAVO se ukvarjamo.", "TEŽAVO", "težava", "vprašanje", "VAŠO TEŽAVO", "VAŠIM VPRAŠANJEM", True),
    ("Z vaso tezavo se ukvarjamo.", "tezavo", "težava", "vprašanje", "vaso tezavo", "vašim vprašanjem", True),
    # adjective for adjective
    ("V dotičnem primeru ne moremo.", "dotičnem", "dotičen", "ta", "dotičnem", "tem", True),
    ("Videli smo dotičnega kupca.", "dotičnega", "dotičen", "ta", "dotičnega", "tega", True),
    ("Z dotično stranko smo govorili.", "dotično", "dotičen", "ta", "dotično", "to", True),
    ("Dotični problem smo rešili.", "Dotični", "dotičen", "ta", "Dotični", "Ta", True),
]


@pytest.mark.parametrize(("text", "word", "phrase", "replacement", "span", "expected", "certain"), TABLE)
def test_sl_rewrite_table(
    text: str, word: str, phrase: str, replacement: str, span: str, expected: str, certain: bool
) -> None:
    rewrite, replaced = _rewrite(text, word, phrase, replacement)
    assert (replaced, rewrite.text, rewrite.certain) == (span, expected, certain)


def test_sl_rewrite_table_covers_every_case_number_and_gender() -> None:
    cases, numbers = set(), set()
    for _, word, phrase, *_ in TABLE:
        if phrase in NOUNS:
            for reading in noun_readings(word, phrase):
                cases.add(reading.case)
                numbers.add(reading.number)
    assert cases == {"nom", "gen", "dat", "acc", "loc", "ins"}
    assert numbers == {"sg", "du", "pl"}
    assert {NOUNS[p].gender for _, _, p, *_ in TABLE if p in NOUNS} == {"m", "f", "n"}


def test_sl_unknown_replacement_goes_in_as_written() -> None:
    rewrite, _ = _rewrite("Plačilo je mogoče z denarjem.", "denarjem", "denar", "kartica")
    assert (rewrite.text, rewrite.certain) == ("kartica", False)


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        ("Nimam cajta za to.", "sl.bad_word.cajt", "časa"),
        ("Hvala za vaš dopis.", "sl.bad_word.dopis", "vaše sporočilo"),
        ("Počakajte eno minutko, prosim.", "sl.bad_word.minutka", "en trenutek"),
    ],
)
def test_sl_rewrite_through_guard(guard: Guard, text: str, rule: str, expected: str) -> None:
    if rule not in _rules():
        pytest.skip(f"{rule} is no longer in the pack")
    (finding,) = [f for f in guard.check(text, lang="sl").findings if f.rule == rule]
    best = finding.suggestions[0]
    assert best.replacement == expected
    assert best.safe == bool(_rules()[rule].get("safe"))  # each of these forms is certain


# Paradigms written out in full: singular, dual, plural in the order nom gen dat acc loc ins.
PARADIGMS = {
    "trenutek": {  # fleeting -e-
        "sg": "trenutek trenutka trenutku trenutek trenutku trenutkom",
        "du": "trenutka trenutkov trenutkoma trenutka trenutkih trenutkoma",
        "pl": "trenutki trenutkov trenutkom trenutke trenutkih trenutki",
    },
    "denar": {  # -j- insertion, soft after it
        "sg": "denar denarja denarju denar denarju denarjem",
        "du": "denarja denarjev denarjema denarja denarjih denarjema",
        "pl": "denarji denarjev denarjem denarje denarjih denarji",
    },
    "kupec": {  # animate, fleeting -e-, soft stem
        "sg": "kupec kupca kupcu kupca kupcu kupcem",
        "du": "kupca kupcev kupcema kupca kupcih kupcema",
        "pl": "kupci kupcev kupcem kupce kupcih kupci",
    },
    "težava": {
        "sg": "težava težave težavi težavo težavi težavo",
        "du": "težavi težav težavama težavi težavah težavama",
        "pl": "težave težav težavam težave težavah težavami",
    },
    "gospa": {  # irregular
        "sg": "gospa gospe gospe gospo gospe gospo",
        "du": "gospe gospa gospema gospe gospeh gospema",
        "pl": "gospe gospa gospem gospe gospeh gospemi",
    },
    "storitev": {
        "sg": "storitev storitve storitvi storitev storitvi storitvijo",
        "du": "storitvi storitev storitvama storitvi storitvah storitvama",
        "pl": "storitve storitev storitvam storitve storitvah storitvami",
    },
    "sporočilo": {
        "sg": "sporočilo sporočila sporočilu sporočilo sporočilu sporočilom",
        "du": "sporočili sporočil sporočiloma sporočili sporočilih sporočiloma",
        "pl": "sporočila sporočil sporočilom sporočila sporočilih sporočili",
    },
    "vprašanje": {  # soft neuter
        "sg": "vprašanje vprašanja vprašanju vprašanje vprašanju vprašanjem",
        "du": "vprašanji vprašanj vprašanjema vprašanji vprašanjih vprašanjema",
        "pl": "vprašanja vprašanj vprašanjem vprašanja vprašanjih vprašanji",
    },
}


@pytest.mark.parametrize("lemma", sorted(PARADIGMS))
def test_sl_noun_paradigm(lemma: str) -> None:
    expected = {number: row.split() for number, row in PARADIGMS[lemma].items()}
    assert paradigm_table(lemma) == expected


ADJECTIVE_FORMS = [
    ("vaš", Features("ins", "sg", "n"), "vašim"),
    ("vaš", Features("nom", "sg", "n"), "vaše"),
    ("vaš", Features("acc", "sg", "f"), "vašo"),
    ("vaš", Features("acc", "sg", "m", True), "vašega"),
    ("vaš", Features("acc", "sg", "m", False), "vaš"),
    ("naš", Features("dat", "du", "f"), "našima"),
    ("moj", Features("ins", "pl", "f"), "mojimi"),
    ("ta", Features("loc", "sg", "f"), "tej"),
    ("ta", Features("ins", "sg", "m"), "tem"),
    ("ta", Features("gen", "pl", "n"), "teh"),
    ("ta", Features("nom", "du", "n"), "ti"),
    ("en", Features("acc", "sg", "m", False), "en"),
    ("en", Features("acc", "sg", "f"), "eno"),
    ("dva", Features("ins", "du", "m"), "dvema"),
    ("dva", Features("nom", "du", "f"), "dve"),
    ("dotičen", Features("loc", "sg", "m"), "dotičnem"),
    ("pričujoč", Features("nom", "sg", "n"), "pričujoče"),
    ("naslednji", Features("nom", "sg", "m"), "naslednji"),
]


@pytest.mark.parametrize(("lemma", "features", "expected"), ADJECTIVE_FORMS)
def test_sl_adjective_forms(lemma: str, features: Features, expected: str) -> None:
    assert adjective_form(lemma, features) == (expected, True)


def test_sl_adjective_definiteness_is_chosen_only_when_shown() -> None:
    assert adjective_form("nov", Features("nom", "sg", "m")) == ("nov", False)
    assert adjective_form("nov", Features("nom", "sg", "m"), definite=True) == ("novi", True)


def test_sl_ambiguous_forms_keep_every_reading() -> None:
    readings = {(r.case, r.number) for r in noun_readings("težave", "težava")}
    assert readings == {("gen", "sg"), ("nom", "pl"), ("acc", "pl")}
    assert {(r.case, r.number) for r in noun_readings("minutki", "minutka")} == {
        ("dat", "sg"),
        ("loc", "sg"),
        ("nom", "du"),
        ("acc", "du"),
    }


def _rules() -> dict[str, dict]:  # type: ignore[type-arg]
    found = {}
    for path in sorted(RULES.glob("*.yaml")):
        for rule in yaml.safe_load(path.read_text(encoding="utf-8")).get("rules") or []:
            found[rule["id"]] = rule
    return found


def _looks_like_infinitive(word: str) -> bool:
    return word.endswith(("ti", "či"))


def test_sl_safe_one_word_replacements_are_declinable_or_known_not_to_decline() -> None:
    """A safe rule's one-word replacement must be in the declension lexicon (noun or
    adjective), or listed as a word that does not decline; a replacement noun also needs its
    rule's one-word phrases in the lexicon, or the matched form cannot be read."""
    missing = []
    for rule_id, rule in _rules().items():
        if rule.get("kind", "lexicon") != "lexicon" or not rule.get("safe"):
            continue
        for replacement in rule.get("replace") or []:
            words = replacement.replace(",", " ").split()
            if len(words) != 1:
                continue
            word = words[0].lower()
            if not (declinable(word) or word in UNINFLECTED or _looks_like_infinitive(word)):
                missing.append(f"{rule_id}: replacement «{word}»")
            if declinable(word) and rule.get("match", "lemma") == "lemma":
                for phrase in rule.get("phrases") or []:
                    if " " not in phrase.strip() and not declinable(phrase.strip()):
                        missing.append(f"{rule_id}: phrase «{phrase}»")
    assert not missing, "add to replyguard/lang/sl/declension.py: " + "; ".join(missing)
