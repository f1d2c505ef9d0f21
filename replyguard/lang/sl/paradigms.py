"""Slovenian declension rules: how a noun or adjective builds its 18 (noun) or 54 (adjective)
forms from a dictionary form and a few listed facts.

There is no Slovenian inflection package (lemmagen3 gives lemmas only), so rewrites that must
agree in case, number and gender («z vašo težavo» → «z vašim vprašanjem») generate the
paradigm of a known word here and look the written form up in it.

Source: Toporišič, Slovenska slovnica (2000), §§ on the noun declensions (1st masculine,
1st/2nd feminine, neuter) and the adjective declension; Slovenski pravopis 2001 for the
listed exceptions. Limits: only the types the lexicon (`declension.py`) uses; accent-driven
variants (2nd feminine dual/plural -em/-im) are recognised both ways, generated one way
and reported as unsure; the old neuter stem extensions (ime → imena) are not built.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CASES = ("nom", "gen", "dat", "acc", "loc", "ins")
NUMBERS = ("sg", "du", "pl")
GENDERS = ("m", "f", "n")

Cell = tuple[str, str]  # (case, number)

_SOFT = ("c", "č", "j", "š", "ž")  # after these, o in an ending becomes e (stricem, stricev)


@dataclass(frozen=True, slots=True)
class Features:
    """Case, number and gender of a noun phrase; `animate` matters only for the masculine
    singular accusative (= genitive when animate); None on a modifier means either."""

    case: str
    number: str
    gender: str
    animate: bool | None = False


@dataclass(frozen=True)
class Noun:
    """A noun of the lexicon: gender, animacy, oblique stem, listed exceptions.

    `stem` is the stem of the oblique forms when it differs from the dictionary form minus
    its ending: fleeting -e- (trenutek → trenutk-), -j- insertion (denar → denarj-), -tev
    nouns (storitev → storitv-). `forms` overrides whole cells; the first form of a cell is
    the one generated, the others are only recognised. `unsure` cells are generated but
    never 'certain' (accent-driven variants).
    """

    lemma: str
    gender: str
    declension: str  # m (1st masculine), a (1st feminine, -a), i (2nd feminine), n (neuter)
    animate: bool = False
    stem: str | None = None
    forms: dict[Cell, tuple[str, ...]] = field(default_factory=dict)
    unsure: frozenset[Cell] = frozenset()


def _soft(stem: str) -> bool:
    return stem.endswith(_SOFT)


def _o(stem: str, ending: str) -> str:
    """The ending after this stem: o → e after a soft consonant (-om/-ov/-oma → -em/-ev/-ema)."""
    if ending.startswith("o") and _soft(stem):
        return "e" + ending[1:]
    return ending


def _table(rows: dict[str, str]) -> dict[Cell, str]:
    """Endings written one number a row in case order; '-' is the bare stem, '=' the lemma."""
    out: dict[Cell, str] = {}
    for number, row in rows.items():
        for case, ending in zip(CASES, row.split(), strict=True):
            out[(case, number)] = ending
    return out


_MASCULINE = _table({"sg": "= a u = u om", "du": "a ov oma a ih oma", "pl": "i ov om e ih i"})
_FEMININE_A = _table({"sg": "a e i o i o", "du": "i - ama i ah ama", "pl": "e - am e ah ami"})
_FEMININE_I = _table({"sg": "= i i = i jo", "du": "i i ema i eh ema", "pl": "i i em i eh mi"})
_FEMININE_I_ALT = {("dat", "du"): "ima", ("ins", "du"): "ima", ("dat", "pl"): "im", ("loc", "pl"): "ih"}
_NEUTER = _table({"sg": "= a u = u om", "du": "i - oma i ih oma", "pl": "a - om a ih i"})
_BY_DECLENSION = {"m": _MASCULINE, "a": _FEMININE_A, "i": _FEMININE_I, "n": _NEUTER}


def noun_paradigm(noun: Noun) -> dict[Cell, tuple[str, ...]]:
    """Every form of a noun by (case, number); a cell may hold variants, the usual one first."""
    lemma = noun.lemma
    bare = noun.declension in {"m", "i"}  # the lemma is the stem; -a, -o and -e are endings
    stem = noun.stem or (lemma if bare else lemma[:-1])
    cells: dict[Cell, tuple[str, ...]] = {}
    for cell, ending in _BY_DECLENSION[noun.declension].items():
        if ending == "=":
            form = lemma
        elif ending == "-":
            form = stem
        else:
            form = stem + _o(stem, ending)
        forms: tuple[str, ...] = (form,)
        alternative = _FEMININE_I_ALT.get(cell) if noun.declension == "i" else None
        if alternative:
            forms = (form, stem + alternative)
        cells[cell] = forms
    if noun.animate and noun.gender == "m":
        cells[("acc", "sg")] = cells[("gen", "sg")]
    cells.update(noun.forms)
    return cells


@dataclass(frozen=True)
class Adjective:
    """An adjective, possessive, pronoun or numeral that agrees with its noun.

    `stem` is the stem before the endings (dotičen → dotičn-); `definite` says whether the
    masculine nominative singular has a definite form in -i beside the lemma (nov/novi);
    `definite_only` adjectives have only that one (tisti, naslednji). Pronominal and
    numeral words are written out as tables (`forms`), with `numbers` limiting the numbers
    a numeral has (dva: dual only).
    """

    lemma: str
    stem: str | None = None
    definite: bool = True
    definite_only: bool = False
    forms: dict[tuple[str, str, str], tuple[str, ...]] = field(default_factory=dict)
    numbers: tuple[str, ...] = NUMBERS


_ADJ_ENDINGS: dict[tuple[str, str], str] = {
    ("m", "sg"): "= ega emu = em im",
    ("f", "sg"): "a e i o i o",
    ("n", "sg"): "o ega emu o em im",
    ("m", "du"): "a ih ima a ih ima",
    ("f", "du"): "i ih ima i ih ima",
    ("n", "du"): "i ih ima i ih ima",
    ("m", "pl"): "i ih im e ih imi",
    ("f", "pl"): "e ih im e ih imi",
    ("n", "pl"): "a ih im a ih imi",
}

AdjCell = tuple[str, str, str]  # (case, number, gender)


def adjective_paradigm(adjective: Adjective) -> dict[AdjCell, tuple[str, ...]]:
    """Every form by (case, number, gender). The masculine singular accusative is the
    inanimate one (= nominative); the animate one is the genitive (see `adjective_cells`).
    Where an adjective has a definite form, a masculine nominative cell holds
    (indefinite, definite)."""
    if adjective.forms:
        return dict(adjective.forms)
    lemma = adjective.lemma
    stem = adjective.stem or (lemma[:-1] if adjective.definite_only else lemma)
    cells: dict[AdjCell, tuple[str, ...]] = {}
    for (gender, number), row in _ADJ_ENDINGS.items():
        if number not in adjective.numbers:
            continue
        for case, ending in zip(CASES, row.split(), strict=True):
            if ending == "=":
                if adjective.definite_only:
                    forms: tuple[str, ...] = (stem + "i",)
                elif adjective.definite:
                    forms = (lemma, stem + "i")
                else:
                    forms = (lemma,)
            elif ending == "o" and gender == "n" and _soft(stem):
                forms = (stem + "e",)  # vaše, moje, pričujoče
            else:
                forms = (stem + ending,)
            cells[(case, number, gender)] = forms
    return cells


def pronominal(stem: str, m_nom: str, n_nom: str, f_nom: str) -> dict[AdjCell, tuple[str, ...]]:
    """The pronominal declension of «ta» and «ves» (tega, tej, teh, tema, temi): written
    out because its e-endings (loc/ins -em, gen pl -eh) differ from the adjectives'."""
    rows = {
        ("m", "sg"): f"{m_nom} {stem}ega {stem}emu {m_nom} {stem}em {stem}em",
        ("f", "sg"): f"{f_nom} {stem}e {stem}ej {stem}o {stem}ej {stem}o",
        ("n", "sg"): f"{n_nom} {stem}ega {stem}emu {n_nom} {stem}em {stem}em",
        ("m", "du"): f"{stem}a {stem}eh {stem}ema {stem}a {stem}eh {stem}ema",
        ("f", "du"): f"{stem}i {stem}eh {stem}ema {stem}i {stem}eh {stem}ema",
        ("n", "du"): f"{stem}i {stem}eh {stem}ema {stem}i {stem}eh {stem}ema",
        ("m", "pl"): f"{stem}i {stem}eh {stem}em {stem}e {stem}eh {stem}emi",
        ("f", "pl"): f"{stem}e {stem}eh {stem}em {stem}e {stem}eh {stem}emi",
        ("n", "pl"): f"{stem}a {stem}eh {stem}em {stem}a {stem}eh {stem}emi",
    }
    return _cells(rows)


def numeral(rows: dict[tuple[str, str], str]) -> dict[AdjCell, tuple[str, ...]]:
    """A numeral's table (dva/dve, trije/tri), one gender and number a row in case order."""
    return _cells(rows)


def _cells(rows: dict[tuple[str, str], str]) -> dict[AdjCell, tuple[str, ...]]:
    cells: dict[AdjCell, tuple[str, ...]] = {}
    for (gender, number), row in rows.items():
        for case, form in zip(CASES, row.split(), strict=True):
            cells[(case, number, gender)] = (form,)
    return cells


def adjective_cells(adjective: Adjective) -> list[tuple[Features, str, bool]]:
    """(features, form, definite) for every form, with the masculine singular accusative
    split by animacy: inanimate = nominative, animate = genitive."""
    paradigm = adjective_paradigm(adjective)
    out: list[tuple[Features, str, bool]] = []
    for (case, number, gender), forms in paradigm.items():
        animacy: list[bool | None] = [None]
        if case == "acc" and number == "sg" and gender == "m":
            animacy = [False, True]
        for animate in animacy:
            cell_forms = paradigm[("gen", number, gender)] if animate else forms
            for at, form in enumerate(cell_forms):
                definite = adjective.definite_only or (at == 1 and len(cell_forms) == 2)
                out.append((Features(case, number, gender, animate), form, definite))
    return out
