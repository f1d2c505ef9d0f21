"""Slovenian verb groups that state a future action or outcome (replyguard/lang/sl/promises.py):
which groups are found, their voice and subject, and what is not a promise (past, negation,
offers with «lahko», requests, conditions, infinitives, the imperfective present)."""

from __future__ import annotations

import pytest

from replyguard.lang.registry import get_adapter
from replyguard.when import PromiseVerb


def _verbs(text: str) -> list[PromiseVerb]:
    adapter = get_adapter("sl")
    return adapter.promise_verbs(adapter.analyse(text))


# sentence, the group's words, its main lemma, voice, subject
PROMISES: list[tuple[str, str, str, str, str | None]] = [
    # first person: bom/bomo + l-participle, either order
    ("Poklicali vas bomo jutri.", "Poklicali vas bomo", "poklicati", "first", None),
    ("Jutri vas bomo poklicali.", "bomo poklicali", "poklicati", "first", None),
    ("Odgovor vam bom poslala do petka.", "bom poslala", "poslati", "first", None),
    ("Vrnili vam bomo denar.", "Vrnili vam bomo", "vrniti", "first", None),
    ("Zadevo bomo uredili v treh delovnih dneh.", "bomo uredili", "urediti", "first", None),
    # first person: the perfective present
    ("Pošljemo vam nov paket.", "Pošljemo", "poslati", "first", None),
    ("Pokličem vas ob 14. uri.", "Pokličem", "poklicati", "first", None),
    ("Denar vam nakažemo v petek.", "nakažemo", "nakazati", "first", None),
    ("Odgovorimo vam do konca tedna.", "Odgovorimo", "odgovoriti", "first", None),
    ("Jutri vam vrnemo kupnino.", "vrnemo", "vrniti", "first", None),
    ("posljemo vam racun jutri", "posljemo", "poslati", "first", None),
    ("Jutri pošiljamo vse pakete.", "pošiljamo", "pošiljati", "first", None),
    # second person: the customer receives
    ("Prejeli boste e-pošto s povezavo.", "Prejeli boste", "prejeti", "second", None),
    ("Odgovor boste dobili do petka.", "boste dobili", "dobiti", "second", None),
    ("Denar prejmete v 14 dneh.", "prejmete", "prejeti", "second", None),
    # third person with a named subject
    ("Kurir vas bo poklical pojutrišnjem.", "bo poklical", "poklicati", "third", "kurir"),
    ("Jutri vas bo poklical naš serviser.", "bo poklical", "poklicati", "third", "serviser"),
    # a time between the auxiliary and the participle, commas and all
    ("Vodja vas bo danes do 16. ure poklicala.", "bo danes do 16. ure poklicala", "poklicati", "third", "vodja"),
    (
        "Kurir bo jutri, v sredo, med 9. in 13. uro dostavil paket.",
        "bo jutri, v sredo, med 9. in 13. uro dostavil",
        "dostaviti",
        "third",
        "kurir",
    ),
    ("Paket bo prispel v četrtek.", "bo prispel", "prispeti", "third", "paket"),
    ("Na vaš naslov bo kurir prinesel nov aparat.", "bo kurir prinesel", "prinesti", "third", "kurir"),
    ("Kurir pride med 8. in 12. uro.", "pride", "priti", "third", "kurir"),
    ("Paket prispe v petek.", "prispe", "prispeti", "third", "paket"),
    ("Denar bo na vašem računu v petek.", "bo", "biti", "third", "denar"),
    # impersonal: nobody named
    ("Poklicali vas bodo.", "Poklicali vas bodo", "poklicati", "impersonal", None),
    ("Pokličejo vas jutri dopoldne.", "Pokličejo", "poklicati", "impersonal", None),
    ("Paket bo dostavljen v petek.", "bo dostavljen", "dostaviti", "impersonal", "paket"),
    ("Vračilo bo nakazano na vaš račun.", "bo nakazano", "nakazati", "impersonal", "vračilo"),
    ("O tem boste obveščeni po e-pošti.", "boste obveščeni", "obvestiti", "impersonal", None),
    ("Reklamacija bo rešena do petka.", "bo rešena", "rešiti", "impersonal", "reklamacija"),
]


@pytest.mark.parametrize(("text", "group", "lemma", "voice", "subject"), PROMISES)
def test_promise(text: str, group: str, lemma: str, voice: str, subject: str | None) -> None:
    verbs = _verbs(text)
    assert len(verbs) == 1, [(text[v.start : v.end], v.lemmas) for v in verbs]
    (verb,) = verbs
    assert text[verb.start : verb.end] == group
    assert lemma in verb.lemmas
    assert verb.voice == voice
    assert verb.subject == subject


NOT_PROMISES: list[str] = [
    "Paket smo poslali včeraj.",  # past
    "Poslali smo vam nov račun.",
    "Kurir je paket že dostavil.",
    "Ne bomo vam poslali novega paketa.",  # negated
    "Nikoli ne pošljemo paketov brez sledenja.",
    "Lahko vas pokličemo jutri.",  # an offer
    "Vas lahko pokličemo jutri?",
    "Naj vam pošljemo nov račun?",
    "Pošljite nam fotografijo računa.",  # requests to the customer
    "Prosimo, sporočite nam številko naročila.",
    "Pokličite nas na 01 234 56 78.",
    "Paket morate prevzeti v 7 dneh.",  # an infinitive with a modal
    "Poslati vam moramo nov obrazec.",
    "Pošiljamo pakete vsak dan.",  # imperfective present, no time: a habit
    "Zagotovo razumemo, da ste razočarani.",
    "Če prejmemo plačilo danes",  # a conditional clause alone
    "Paket je na poti.",
    "Garancija velja dve leti.",
    "Izdelek bi moral biti v originalni embalaži.",
    "Hvala za vaše sporočilo.",
]


@pytest.mark.parametrize("text", NOT_PROMISES)
def test_not_a_promise(text: str) -> None:
    assert [text[v.start : v.end] for v in _verbs(text)] == []


def test_conditional_clause_before_the_main_one() -> None:
    text = "Ko prejmemo paket, vam vrnemo denar."
    assert [text[v.start : v.end] for v in _verbs(text)] == ["vrnemo"]


def test_two_promises_in_one_sentence() -> None:
    text = "Paket bomo poslali danes, prejeli ga boste jutri."
    assert [(text[v.start : v.end], v.voice) for v in _verbs(text)] == [
        ("bomo poslali", "first"),
        ("prejeli ga boste", "second"),
    ]


def test_objects_for_verb_and_object_entries() -> None:
    (verb,) = _verbs("Vrnili vam bomo denar v treh dneh.")
    assert "denar" in verb.objects
    (verb,) = _verbs("Denar vam vrnemo jutri.")  # the object first: Slovenian word order is free
    assert "denar" in verb.objects


def test_enough_rows() -> None:
    assert len(PROMISES) + len(NOT_PROMISES) >= 30
