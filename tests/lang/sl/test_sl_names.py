"""Slovenian names word for word: a CRM string parsed into first name, surname, gender,
greeting slots and case forms; the names a reply mentions (and the ordinary words, the
signature, quotations and order descriptions that are not one); ti/vi address words."""

from __future__ import annotations

import pytest

from replyguard.lang.registry import get_adapter
from replyguard.lang.sl.name_data import FIRST_NAMES

F = {"greeting": "Pozdravljeni", "title": "gospa", "dear": "Spoštovana"}
M = {"greeting": "Pozdravljeni", "title": "gospod", "dear": "Spoštovani"}
U = {"greeting": "Pozdravljeni"}

# raw, CRM gender, first, surname, gender, slots beyond first/surname, forms that must be there
NAMES: list[tuple[str, str | None, str | None, str | None, str | None, dict[str, str], set[str]]] = [
    ("Ana Novak", None, "Ana", "Novak", "female", F, {"ana", "ane", "ani", "ano", "novak"}),
    ("Novak Ana", None, "Ana", "Novak", "female", F, {"ano", "novak"}),
    ("NOVAK, Ana", None, "Ana", "Novak", "female", F, {"ani"}),
    ("ana novak", None, "Ana", "Novak", "female", F, {"ane"}),
    ("Janez Novak", None, "Janez", "Novak", "male", M, {"janeza", "janezu", "janezom", "novaka", "novaku", "novakom"}),
    ("Luka Kovačič", None, "Luka", "Kovačič", "male", M, {"luke", "luki", "luko", "kovačiča", "kovačičem", "kovacicu"}),
    ("Jaka Potočnik", None, "Jaka", "Potočnik", "male", M, {"jake", "jako", "potočnika", "potočnikom"}),
    ("Miha Zupan", None, "Miha", "Zupan", "male", M, {"mihe", "miho", "zupanu"}),
    ("Nikola Horvat", None, "Nikola", "Horvat", "male", M, {"nikoli", "horvatom"}),
    ("Andrija Kos", None, "Andrija", "Kos", "male", M, {"andrije", "kosa"}),
    ("Sava Kralj", None, "Sava", "Kralj", "male", M, {"savo", "kraljem"}),
    ("Marko Mlakar", None, "Marko", "Mlakar", "male", M, {"marka", "marku", "markom", "mlakarja"}),
    ("Matjaž Krajnc", None, "Matjaž", "Krajnc", "male", M, {"matjaža", "matjažem", "krajncem"}),
    ("Tine Zorec", None, "Tine", "Zorec", "male", M, {"tineta", "tinetu", "tinetom", "zorca", "zorcem"}),
    ("Jože Korošec", None, "Jože", "Korošec", "male", M, {"jožeta", "korošca", "korošcu"}),
    ("Pavel Golob", None, "Pavel", "Golob", "male", M, {"pavla", "pavlom", "goloba"}),
    ("Sašo Vidmar", None, "Sašo", "Vidmar", "male", M, {"saša", "sašem"}),
    ("Maša Turk", None, "Maša", "Turk", "female", F, {"maše", "maši", "mašo", "turk"}),
    ("Karmen Zupančič", None, "Karmen", "Zupančič", "female", F, {"karmen", "zupančič"}),
    ("Saša Kotnik", None, "Saša", "Kotnik", None, U, {"saše", "kotnika"}),
    ("Saša Kotnik", "female", "Saša", "Kotnik", "female", F, {"saši", "kotnik"}),
    ("Vanja Hribar", "male", "Vanja", "Hribar", "male", M, {"vanje", "hribarja"}),
    ("Ana Novak", "male", "Ana", "Novak", "male", M, {"novaku"}),
    ("g. Janez Horvat", None, "Janez", "Horvat", "male", M, {"horvata"}),
    ("ga. Novak", None, None, "Novak", "female", F, {"novak"}),
    ("Novak", None, None, "Novak", None, U, {"novak", "novaka"}),
    ("Luka", None, "Luka", None, "male", M, {"luka", "luke"}),
    ("Vesna", None, "Vesna", None, "female", F, {"vesni"}),
    ("ziga horvat", None, "Žiga", "Horvat", "male", M, {"žige", "zige"}),
    ("Ana Marija Novak-Kovač", None, "Ana Marija", "Novak-Kovač", "female", F, {"marije", "novak-kovač"}),
    ("dr. Peter Kos", "m", "Peter", "Kos", "male", M, {"petra", "petrom"}),
    ("Zlata Krajnc", None, "Zlata", "Krajnc", "female", F, {"zlato"}),
]


@pytest.mark.parametrize(("raw", "crm", "first", "surname", "gender", "slots", "forms"), NAMES)
def test_names_parse_word_for_word(
    raw: str,
    crm: str | None,
    first: str | None,
    surname: str | None,
    gender: str | None,
    slots: dict[str, str],
    forms: set[str],
) -> None:
    name = get_adapter("sl").parse_name(raw, crm)
    assert name is not None
    assert (name.first, name.surname, name.gender) == (first, surname, gender)
    expected = dict(slots)
    if first:
        expected["first"] = first
    if surname:
        expected["surname"] = surname
    assert name.slots == expected
    assert forms <= name.forms, forms - name.forms
    assert all(form == form.lower() for form in name.forms)


def test_singular_declension_in_full() -> None:
    """The six cases, nominative to instrumental, with the animate accusative."""
    adapter = get_adapter("sl")
    assert adapter.parse_name("Ana").forms == {"ana", "ane", "ani", "ano"}
    assert adapter.parse_name("Janez").forms == {"janez", "janeza", "janezu", "janezom"}
    assert adapter.parse_name("Luka").forms == {"luka", "luke", "luki", "luko"}
    assert adapter.parse_name("Marko").forms == {"marko", "marka", "marku", "markom"}


@pytest.mark.parametrize("raw", ["", "   ", "stranka", "Kupec", "{ime}", "[IME]", "ana@example.com", "12345", "N.N."])
def test_not_a_name(raw: str) -> None:
    assert get_adapter("sl").parse_name(raw) is None


def test_name_list_has_genders_and_male_names_in_a() -> None:
    assert len(FIRST_NAMES) >= 300
    for name in ("luka", "jaka", "miha", "nikola", "sava", "andrija", "jaša", "aljoša"):
        assert FIRST_NAMES[name][1] == "m", name
    assert FIRST_NAMES["saša"][1] == "u"


# text, the names found (written, dictionary form)
PERSONS: list[tuple[str, list[tuple[str, str]]]] = [
    ("Pozdravljeni, Ana!", [("Ana", "ana")]),
    ("Pozdravljeni Janez, vaš paket je na poti.", [("Janez", "janez")]),
    ("Draga Ana, hvala za sporočilo.", [("Ana", "ana")]),
    ("Vesna, hvala za sporočilo!", [("Vesna", "vesna")]),
    ("Z Markom sva se dogovorila.", [("Markom", "marko")]),
    ("Hvala, Luki smo že sporočili.", [("Luki", "luka")]),
    ("Spoštovana gospa Novak, hvala.", [("Novak", "novak")]),
    ("Spoštovani g. Novak,", [("Novak", "novak")]),
    ("Pisali smo gospodu Kovačiču in gospe Horvat.", [("Kovačiču", "kovačič"), ("Horvat", "horvat")]),
    ("Spoštovana gospa Alenka,", [("Alenka", "alenka")]),
    ("Zlata Novak vam bo poslala račun.", [("Zlata", "zlata")]),
    ("V roku treh dni prejmete paket, Rok.", [("Rok", "rok")]),
    ("Pozdravljen, Ziga!", [("Ziga", "žiga")]),
    # ordinary words that are also names, at a sentence start
    ("Rok dostave je tri dni.", []),
    ("Jasno je, da vam bomo pomagali.", []),
    ("Samo še en korak manjka.", []),
    ("Vera v naše izdelke je pomembna.", []),
    ("Luka Koper je prevzela pošiljko.", []),
    ("Zlata ogrlica je že na poti.", []),
    ("Rada vam pomagam. Vidi se, da je paket zamujal.", []),
    ("Paket je šel prek Francije, Francija je tranzitna država.", []),
    ("Pošiljka je prispela v Luko Koper.", []),
    # the operator's own name: signature and introduction
    ("Pozdravljeni, Ana!\n\nPaket smo poslali včeraj.\n\nLep pozdrav,\nMaja", [("Ana", "ana")]),
    ("Hvala za potrpežljivost.\nMaja Novak", []),
    ("Paket je na poti. Lep pozdrav, Tina", []),
    ("Sem Maja iz službe za stranke.", []),
    # the name in an order description or a quotation
    ("Naročili ste skodelico z napisom »Luka«.", []),
    ("Naročili ste majico z napisom Ana.", []),
    ("Na ovojnici piše „Za Petra“.", []),
]


@pytest.mark.parametrize(("text", "names"), PERSONS)
def test_person_names(text: str, names: list[tuple[str, str]]) -> None:
    adapter = get_adapter("sl")
    found = adapter.person_names(adapter.analyse(text))
    assert [(text[start:end], name) for start, end, name in found] == names


# text, the address words found (written, register)
REGISTERS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Paket ti pošljemo jutri, vi pa nam sporočite naslov.",
        [("ti", "informal"), ("vi", "formal"), ("sporočite", "formal")],
    ),
    ("Ali si nam pisal včeraj?", [("si nam pisal", "informal")]),
    ("Prejel si napačen izdelek.", [("Prejel si", "informal")]),
    ("Hvala ti za potrpežljivost!", [("ti", "informal")]),
    ("Prosimo te, da počakaš.", [("te", "informal"), ("počakaš", "informal")]),
    ("Kaj imaš v mislih? Piši nam.", [("imaš", "informal"), ("Piši", "informal")]),
    ("Poglej na spletno stran.", [("Poglej", "informal")]),
    ("Boš prišel jutri?", [("Boš", "informal")]),
    ("Sporoči nam številko naročila.", [("Sporoči", "informal")]),
    ("Če želiš, ti lahko pošljemo nov izdelek.", [("želiš", "informal"), ("ti", "informal")]),
    ("Hvala za vaše sporočilo. Tvoj paket je na poti.", [("vaše", "formal"), ("Tvoj", "informal")]),
    ("Imate še kakšno vprašanje? Pišite nam.", [("Imate", "formal"), ("Pišite", "formal")]),
    ("Lahko si ogledate katalog.", [("ogledate", "formal")]),
    ("Vaš paket smo poslali, ste ga prejeli?", [("Vaš", "formal"), ("ste", "formal")]),
    ("Počakajte, prosim, preverimo stanje.", [("Počakajte", "formal")]),
    ("Ste bila zadovoljna?", [("Ste", "formal")]),
    # demonstratives, third persons and quoted words are not the reader
    ("Ti izdelki so na zalogi, te dni jih pošljemo.", []),
    ("Te izdelke bomo poslali jutri.", []),
    ("Kurir sporoči stranki, kdaj pride.", []),
    ("Stranka je napisala: »Ali mi lahko pošlješ račun?«", []),
    ("Naročilo bo dostavljeno v treh dneh.", []),
]


@pytest.mark.parametrize(("text", "spans"), REGISTERS)
def test_addressee_register(text: str, spans: list[tuple[str, str]]) -> None:
    adapter = get_adapter("sl")
    found = adapter.addressee_register(adapter.analyse(text))
    assert [(text[start:end], register) for start, end, register in found] == spans
