"""Slovenian nouns and adjectives that rewrites inflect: the lexicon, and lookups both ways.

A written form of a known lemma gives its readings (every case, number and gender whose
generated form it is: ambiguity stays ambiguous), and a lemma gives its form for given
features. The lexicon covers every noun and adjective the Slovenian rule packs use as a
replacement or match as the head of a rewritten phrase, plus the modifiers that agree with
them (vaš, naš, moj, ta, en, dva, common adjectives). `tests/lang/sl/test_sl_declension.py`
fails when a one-word replacement of a safe rule is neither here nor in `UNINFLECTED`.

Source: Toporišič, Slovenska slovnica; Slovenski pravopis 2001 (genders, animacy,
fleeting vowels, -j- stems); written for this project. Limits: only the listed words; no
stem-extended neuters; the definite adjective form is generated only where the original
modifier showed it (otherwise the edit is unsure).
"""

from __future__ import annotations

from functools import lru_cache

from replyguard.lang.sl.paradigms import (
    CASES,
    NUMBERS,
    Adjective,
    Features,
    Noun,
    adjective_cells,
    noun_paradigm,
    numeral,
    pronominal,
)

__all__ = [
    "ADJECTIVES",
    "NOUNS",
    "UNINFLECTED",
    "Features",
    "adjective_form",
    "adjective_readings",
    "declinable",
    "fold",
    "modifier_readings",
    "noun_form",
    "noun_readings",
]


def _m(lemma: str, stem: str | None = None, animate: bool = False, forms: dict[str, str] | None = None) -> Noun:
    """A masculine noun; `forms` overrides cells by name (gen_sg="dneva", gen_pl="dni|dnevov")."""
    return Noun(lemma, "m", "m", animate, stem, _forms(forms or {}))


def _f(lemma: str, gen_pl: str | None = None, **forms: str) -> Noun:
    """A feminine noun in -a; `gen_pl` when the bare stem takes a fleeting -e- (sester)."""
    extra = _forms(forms)
    if gen_pl:
        extra[("gen", "du")] = extra[("gen", "pl")] = (gen_pl,)
    return Noun(lemma, "f", "a", forms=extra)


def _f_tev(lemma: str) -> Noun:
    """A feminine noun in -tev (storitev): -a endings on storitv-, the lemma in the nominative,
    accusative and genitive plural, -ijo in the instrumental."""
    stem = lemma[:-2] + "v"
    cells: dict[tuple[str, str], tuple[str, ...]] = {
        ("nom", "sg"): (lemma,),
        ("acc", "sg"): (lemma,),
        ("ins", "sg"): (stem + "ijo",),
    }
    cells[("gen", "du")] = cells[("gen", "pl")] = (lemma,)
    return Noun(lemma, "f", "a", stem=stem, forms=cells)


def _f_i(lemma: str, unsure_plural: bool = True) -> Noun:
    """A feminine noun of the 2nd declension (stvar, možnost): dual/plural dative, locative
    and instrumental have accent-driven variants (-em/-im), so those cells are unsure."""
    unsure = frozenset({("dat", "du"), ("ins", "du"), ("dat", "pl"), ("loc", "pl")}) if unsure_plural else frozenset()
    return Noun(lemma, "f", "i", unsure=unsure)


def _n(lemma: str, gen_pl: str | None = None, **forms: str) -> Noun:
    extra = _forms(forms)
    if gen_pl:
        extra[("gen", "du")] = extra[("gen", "pl")] = (gen_pl,)
    return Noun(lemma, "n", "n", forms=extra)


def _forms(given: dict[str, str]) -> dict[tuple[str, str], tuple[str, ...]]:
    """Keyword overrides like gen_sg="dneva", gen_pl="dni|dnevov" → cells with variants."""
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for key, value in given.items():
        case, number = key.split("_")
        out[(case, number)] = tuple(value.split("|"))
    return out


_DAN = {
    "gen_sg": "dneva",
    "dat_sg": "dnevu",
    "loc_sg": "dnevu",
    "ins_sg": "dnevom",
    "nom_du": "dneva",
    "gen_du": "dni|dnevov",
    "dat_du": "dnevoma",
    "acc_du": "dneva",
    "loc_du": "dneh|dnevih",
    "ins_du": "dnevoma",
    "nom_pl": "dnevi",
    "gen_pl": "dni|dnevov",
    "dat_pl": "dnem|dnevom",
    "acc_pl": "dni|dneve",
    "loc_pl": "dneh|dnevih",
    "ins_pl": "dnevi",
}
# gospa: the one irregular -a noun (gospe, gospo; gen pl gospa, loc pl gospeh).
_GOSPA = {
    "gen_sg": "gospe",
    "dat_sg": "gospe",
    "loc_sg": "gospe",
    "nom_du": "gospe",
    "gen_du": "gospa",
    "dat_du": "gospema",
    "acc_du": "gospe",
    "loc_du": "gospeh",
    "ins_du": "gospema",
    "nom_pl": "gospe",
    "gen_pl": "gospa",
    "dat_pl": "gospem",
    "loc_pl": "gospeh",
    "ins_pl": "gospemi",
}

_NOUN_LIST: list[Noun] = [
    # masculine, hard stems
    _m("problem"),
    _m("dopis"),
    _m("cajt"),
    _m("mejl"),
    _m("e-mejl"),
    _m("imejl"),
    _m("mail"),
    _m("fajl"),
    _m("tiket"),
    _m("refund"),
    _m("apdejt"),
    _m("fidbek"),
    _m("dedlajn"),
    _m("čas"),
    _m("rok"),
    _m("paket"),
    _m("popust"),
    _m("račun"),
    _m("naslov"),
    _m("sistem"),
    _m("odgovor"),
    _m("pozdrav"),
    _m("primer"),
    _m("termin"),
    _m("zahtevek", "zahtevk"),
    _m("trenutek", "trenutk"),
    _m("momentek", "momentk"),
    _m("pozdravček", "pozdravčk"),
    _m("problemček", "problemčk"),
    _m("paketek", "paketk"),
    _m("popustek", "popustk"),
    _m("izdelek", "izdelk"),
    _m("znesek", "znesk"),
    _m("strošek", "strošk"),
    _m("teden", "tedn"),
    _m("artikel", "artikl"),
    _m("dan", forms=_DAN),
    # masculine, soft stems and -j- insertion
    _m("momentič"),
    _m("mesec"),
    _m("denar", "denarj"),
    _m("uporabnik", animate=True),
    _m("naročnik", animate=True),
    _m("mladenič", animate=True),
    _m("kupec", "kupc", animate=True),
    _m("sodelavec", "sodelavc", animate=True),
    _m("kurir", "kurirj", animate=True),
    # feminine in -a
    _f("težava"),
    _f("zadeva"),
    _f("minuta"),
    _f("minutka"),
    _f("minutica"),
    _f("sekunda"),
    _f("sekundka"),
    _f("sekundica"),
    _f("ura"),
    _f("gospodična", "gospodičen"),
    _f("gospa", **_GOSPA),
    _f("e-pošta"),
    _f("pošta"),
    _f("napaka"),
    _f("napakica"),
    _f("zamuda"),
    _f("zamudica"),
    _f("koda"),
    _f("kodica"),
    _f("težavica"),
    _f("datoteka"),
    _f("izvedba"),
    _f("ponudba"),
    _f("informacija"),
    _f("dostava"),
    _f("pošiljka"),
    _f("stranka"),
    _f("reklamacija"),
    _f_tev("rešitev"),
    _f_tev("storitev"),
    _f_tev("posodobitev"),
    _f_tev("izvršitev"),
    # feminine, 2nd declension
    _f_i("stvar"),
    _f_i("pomoč"),
    _f_i("možnost"),
    # neuter
    _n("vprašanje"),
    _n("vprašanjce", "vprašanjc"),
    _n("sporočilo"),
    _n("e-sporočilo"),
    _n("sporočilce", "sporočilc"),
    _n("naročilo"),
    _n("naročilce", "naročilc"),
    _n("vračilo"),
    _n("mnenje"),
    _n("nudenje"),
    _n("potrpljenje"),
    _n("leto"),
]

NOUNS: dict[str, Noun] = {noun.lemma: noun for noun in _NOUN_LIST}

_TA = pronominal("t", "ta", "to", "ta")
_VES = pronominal("vs", "ves", "vse", "vsa")
_DVA = numeral(
    {
        ("m", "du"): "dva dveh dvema dva dveh dvema",
        ("f", "du"): "dve dveh dvema dve dveh dvema",
        ("n", "du"): "dve dveh dvema dve dveh dvema",
    }
)
_OBA = numeral(
    {
        ("m", "du"): "oba obeh obema oba obeh obema",
        ("f", "du"): "obe obeh obema obe obeh obema",
        ("n", "du"): "obe obeh obema obe obeh obema",
    }
)
_TRIJE = numeral(
    {
        ("m", "pl"): "trije treh trem tri treh tremi",
        ("f", "pl"): "tri treh trem tri treh tremi",
        ("n", "pl"): "tri treh trem tri treh tremi",
    }
)
_STIRJE = numeral(
    {
        ("m", "pl"): "štirje štirih štirim štiri štirih štirimi",
        ("f", "pl"): "štiri štirih štirim štiri štirih štirimi",
        ("n", "pl"): "štiri štirih štirim štiri štirih štirimi",
    }
)

_ADJECTIVE_LIST: list[Adjective] = [
    # possessives and pronominal adjectives (no definite form)
    *(Adjective(w, definite=False) for w in ("vaš", "naš", "moj", "tvoj", "svoj", "njegov", "njen", "njihov")),
    *(Adjective(w, definite=False) for w in ("en", "vsak", "drug", "tak")),
    Adjective("noben", definite=False),
    Adjective("kakšen", "kakšn", definite=False),
    Adjective("takšen", "takšn", definite=False),
    Adjective("ta", forms=_TA),
    Adjective("ves", forms=_VES),
    Adjective("dva", forms=_DVA, numbers=("du",)),
    Adjective("oba", forms=_OBA, numbers=("du",)),
    Adjective("trije", forms=_TRIJE, numbers=("pl",)),
    Adjective("štirje", forms=_STIRJE, numbers=("pl",)),
    # definite-only adjectives
    *(
        Adjective(w, definite_only=True)
        for w in ("tisti", "isti", "prejšnji", "naslednji", "zadnji", "manjši", "večji")
    ),
    # regular adjectives (indefinite lemma, definite -i)
    Adjective("nov"),
    Adjective("velik"),
    Adjective("majhen", "majhn"),
    Adjective("dober", "dobr"),
    Adjective("kratek", "kratk"),
    Adjective("dodaten", "dodatn"),
    Adjective("tehničen", "tehničn"),
    Adjective("dotičen", "dotičn"),
    Adjective("zadeven", "zadevn"),
    Adjective("predmeten", "predmetn"),
    Adjective("naveden", "navedn"),
    Adjective("pričujoč"),
    Adjective("povraten", "povratn"),
    Adjective("elektronski", definite_only=True),
    Adjective("pokvarjen"),
    Adjective("crknjen"),
    Adjective("skurjen"),
]

ADJECTIVES: dict[str, Adjective] = {adjective.lemma: adjective for adjective in _ADJECTIVE_LIST}

# One-word replacements known not to decline (verbs, adverbs, conjunctions, particles,
# interjections, participles used as adverbs): the coverage test accepts them as written.
UNINFLECTED: frozenset[str] = frozenset(
    {
        "zaradi",
        "tako",
        "nič",
        "nisem",
        "kaj",
        "koliko",
        "malo",
        "če",
        "ker",
        "je",
        "sicer",
        "po",
        "glede",
        "hvala",
        "oprostite",
        "opravičujemo",
        "prosim",
        "dogovorjeno",
        "lahko",
        "žal",
        "seveda",
        "vendar",
        "takoj",
        "kmalu",
        "danes",
        "jutri",
        "zdaj",
        "sedaj",
        "zato",
        "da",
        "in",
        "ali",
        "tudi",
        "prav",
        "pozdravljeni",
        "nasvidenje",
        "pravočasno",
        "natančno",
        "zagotovo",
        "verjetno",
        "približno",
        "sporočamo",
        "pošljemo",
        "preverimo",
        "preverim",
        "uredimo",
        "uredim",
        "pomagamo",
    }
)

_FOLD = str.maketrans("čšžćđ", "cszcd")


def fold(word: str) -> str:
    """The word without č/š/ž (people often type «tezava» for «težava»)."""
    return word.translate(_FOLD)


_CASE_RANK = {case: at for at, case in enumerate(("nom", "acc", "gen", "loc", "dat", "ins"))}
_NUMBER_RANK = {"sg": 0, "pl": 1, "du": 2}


def _rank(features: Features) -> tuple[int, int]:
    """Likelier readings first: singular before plural before dual, nominative and
    accusative before the oblique cases."""
    return (_NUMBER_RANK[features.number], _CASE_RANK[features.case])


@lru_cache(maxsize=512)
def _noun_cells(lemma: str) -> tuple[tuple[str, str, str], ...]:
    """(case, number, form) for every form of a known noun."""
    noun = NOUNS[lemma]
    return tuple((case, number, form) for (case, number), forms in noun_paradigm(noun).items() for form in forms)


def noun_readings(form: str, lemma: str) -> list[Features]:
    """The case/number readings of a written form of a known noun, likeliest first (none for
    an unknown lemma or a form not in its paradigm); a form typed without č/š/ž counts."""
    noun = NOUNS.get(lemma)
    if noun is None:
        return []
    lowered = form.lower()
    cells = _noun_cells(lemma)
    found = {(case, number) for case, number, written in cells if written == lowered}
    if not found:
        folded = fold(lowered)
        found = {(case, number) for case, number, written in cells if fold(written) == folded}
    readings = [Features(case, number, noun.gender, noun.animate) for case, number in found]
    return sorted(readings, key=_rank)


def noun_form(lemma: str, case: str, number: str) -> tuple[str, bool]:
    """The form of a known noun for a case and number, and whether that form is sure."""
    noun = NOUNS[lemma]
    forms = noun_paradigm(noun)[(case, number)]
    return forms[0], (case, number) not in noun.unsure


@lru_cache(maxsize=512)
def _adjective_cells(lemma: str) -> tuple[tuple[Features, str, bool], ...]:
    return tuple(adjective_cells(ADJECTIVES[lemma]))


def adjective_readings(form: str, lemma: str) -> list[tuple[Features, bool]]:
    """(features, definite) readings of a written form of a known adjective, likeliest first."""
    if lemma not in ADJECTIVES:
        return []
    lowered = form.lower()
    cells = _adjective_cells(lemma)
    found = [(f, definite) for f, written, definite in cells if written == lowered]
    if not found:
        folded = fold(lowered)
        found = [(f, definite) for f, written, definite in cells if fold(written) == folded]
    unique = list(dict.fromkeys(found))
    return sorted(unique, key=lambda pair: _rank(pair[0]))


@lru_cache(maxsize=1)
def _modifier_index() -> dict[str, tuple[str, ...]]:
    """Folded written form → the adjective lemmas that have it."""
    index: dict[str, list[str]] = {}
    for lemma in ADJECTIVES:
        for _, written, _ in _adjective_cells(lemma):
            lemmas = index.setdefault(fold(written), [])
            if lemma not in lemmas:
                lemmas.append(lemma)
    return {form: tuple(lemmas) for form, lemmas in index.items()}


def modifier_readings(form: str) -> list[tuple[str, Features, bool]]:
    """(lemma, features, definite) of a word that may be an agreeing modifier («vašo»)."""
    found: list[tuple[str, Features, bool]] = []
    for lemma in _modifier_index().get(fold(form.lower()), ()):
        found.extend((lemma, f, definite) for f, definite in adjective_readings(form, lemma))
    return found


def adjective_form(lemma: str, features: Features, definite: bool | None = None) -> tuple[str, bool] | None:
    """The form of a known adjective agreeing with a noun of `features`, and whether it is sure.

    In the masculine nominative (and inanimate accusative) singular a regular adjective has
    an indefinite and a definite form: `definite` picks one; None picks the indefinite and
    calls it unsure. None when the adjective lacks that number (dva in the plural).
    """
    adjective = ADJECTIVES[lemma]
    matching = [
        (written, is_definite)
        for f, written, is_definite in _adjective_cells(lemma)
        if f.case == features.case
        and f.number == features.number
        and f.gender == features.gender
        and (f.animate is None or f.animate == bool(features.animate))
    ]
    if not matching:
        return None
    if len(matching) == 1 or adjective.definite_only:
        return matching[0][0], True
    wanted = definite if definite is not None else False
    chosen = next((written for written, is_definite in matching if is_definite == wanted), matching[0][0])
    return chosen, definite is not None


def agrees(modifier: Features, noun: Features) -> bool:
    """Does a modifier reading agree with a noun reading in case, number, gender (and
    animacy, where the masculine singular accusative shows it)?"""
    return (
        modifier.case == noun.case
        and modifier.number == noun.number
        and modifier.gender == noun.gender
        and (modifier.animate is None or modifier.animate == bool(noun.animate))
    )


def declinable(word: str) -> bool:
    """Is this dictionary form a noun or adjective the module can inflect?"""
    return word.lower() in NOUNS or word.lower() in ADJECTIVES


def paradigm_table(lemma: str) -> dict[str, list[str]]:
    """A noun's paradigm as rows by number in case order (usual form of each cell), for tests
    and docs."""
    cells = noun_paradigm(NOUNS[lemma])
    return {number: [cells[(case, number)][0] for case in CASES] for number in NUMBERS}
