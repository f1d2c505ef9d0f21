"""The Slovenian conversation pack (rules/sl/conversation.yaml) on messages and replies written
for it: whether the customer's message reads as a complaint (negated, conditional and softened
ones do not), whether the reply apologises, names the point back, gives a next step, pitches
an offer, puts off an answer without a time; the time grammar's «from» phrase and the away
message built from it."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from replyguard import Guard, away_message
from replyguard.lang.sl.time import from_phrase

APOLOGY = "sl.structure.complaint_apology"
FIRST = "sl.structure.complaint_apology_first"
NAMED = "sl.structure.complaint_acknowledgement"
STEP = "sl.structure.complaint_next_step"
PITCH = "sl.structure.promotion_in_complaint"
DEFER = "sl.structure.deferred_answer"

_CHAT: dict[str, Any] = {
    "channel": "chat",
    "now": "2026-12-07T12:00:00+01:00",
    "customer_message_at": "2026-12-07T11:55:00+01:00",
    "policy": {"timezone": "Europe/Ljubljana", "holidays": "SI", "response_time": {"chat": "PT15M"}},
}

# the customer's message, the reply, the conversation findings expected
ROWS: list[tuple[str, str, set[str]]] = [
    # complaints answered badly
    (
        "Nezaslišano! Paket še vedno ni prispel, čakam že dva tedna.",
        "Pozdravljeni! Paket je pri kurirju.",
        {APOLOGY, STEP},
    ),
    (
        "Vrnite mi denar, sesalnik ne dela že po treh dneh. Zelo sem razočarana.",
        "Oprostite za nevšečnosti. Vse bomo uredili.",
        {NAMED},
    ),
    ("Dvakrat ste mi zaračunali isto naročilo!!", "Oprostite, preverim in vam sporočim.", {NAMED, DEFER}),
    (
        "Kurir je bil zelo nesramen, pa še paket je bil poškodovan. Napisala bom slabo oceno.",
        "Oprostite. Mimogrede, ta mesec so vsi izdelki v akciji, 20 % cenejši!",
        {STEP, PITCH},
    ),
    (
        "Reklamacija za pokvarjen telefon: ekran je počen.",
        "Telefona v garanciji ne moremo zamenjati, ker je ekran mehansko poškodovan. Žal nam je.",
        {FIRST},
    ),
    ("Ne bom več naročala pri vas, obupna storitev.", "Opravičujemo se. Zadevo bom posredovala vodji.", {NAMED, DEFER}),
    ("Zakaj mi še niste vrnili denarja? Čakam že tri tedne!", "Pozdravljeni. Denar vam nakažemo do srede.", {APOLOGY}),
    ("Ne razumem zakaj paket zamuja.", "Paket je na poti.", {APOLOGY, STEP}),
    ("Zelo sem nezadovoljen z vašo storitvijo.", "Opravičujemo se. Kaj se je zgodilo?", {NAMED, STEP}),
    # complaints answered well (typed without č, š, ž too)
    (
        "Nezaslišano! Paket še vedno ni prispel, čakam že dva tedna.",
        "Pozdravljeni! Opravičujemo se za zamudo paketa. Kurir ga dostavi jutri do 16. ure.",
        set(),
    ),
    (
        "Vrnite mi denar, sesalnik ne dela že po treh dneh. Zelo sem razočarana.",
        "Oprostite, da se je sesalnik pokvaril. Kupnino vam vrnemo na kartico do petka.",
        set(),
    ),
    (
        "Dvakrat ste mi zaračunali isto naročilo!!",
        "Oprostite za dvojno bremenitev. Drugo plačilo smo že stornirali, denar bo na računu v treh delovnih dneh.",
        set(),
    ),
    (
        "Kurir je bil zelo nesramen, pa še paket je bil poškodovan.",
        "Iskreno se opravičujemo za neprijaznega kurirja in poškodovan paket. Nov paket vam pošljemo jutri, "
        "kot opravičilo pa vam podarimo 20 % popusta.",
        set(),
    ),
    (
        "Internet ze tretjic ta teden ne deluje, to je sramota",
        "Opravicujemo se za motnje. Serviser pride jutri med 8. in 12. uro.",
        set(),
    ),
    (
        "ful sm jezna, paket ni prisel, nihce se ne oglasi na telefon",
        "Oprostite, res nam je žal. Paket poiščemo in vas pokličemo danes do 15. ure.",
        set(),
    ),
    (
        "To je katastrofa, že en teden ne morem dostopati do svojega uporabniškega računa!",
        "Opravičujemo se. Geslo smo ponastavili, novo ste prejeli po e-pošti.",
        set(),
    ),
    (
        "Naročila sem majico, prišla pa je napačna velikost. Kaj zdaj?",
        "Oprostite za napako. Pošljite nam majico nazaj, pravo velikost vam pošljemo takoj po prejemu.",
        set(),
    ),
    (
        "Nisem zadovoljna s servisom, kurir je zamujal dve uri.",
        "Opravičujemo se za zamudo kurirja. Pritožbo smo posredovali prevozniku, odgovor vam pošljemo do petka.",
        set(),
    ),
    ("Izgubili ste mi paket!", "Opravičujemo se, nov paket vam pošljemo danes.", set()),
    # no complaint: negated, conditional, disowned, a question, thanks
    ("Ne pritožujem se, samo zanima me, kdaj bo paket prispel.", "Paket bo prispel jutri.", set()),
    ("Če paket do petka ne pride, bom napisal pritožbo.", "Paket je na poti, kurir ga dostavi v četrtek.", set()),
    ("Paket je prispel, ni poškodovan, hvala.", "Veseli nas, hvala vam.", set()),
    ("Hvala za hitro dostavo, vse je v redu!", "Hvala vam za prijazne besede!", set()),
    ("Ali imate ta model tudi v modri barvi?", "Da, modra je na zalogi.", set()),
    ("To ni pritožba, samo vprašanje: kdaj bo dostava?", "Paket pošljemo jutri.", set()),
    # deferred answers: with a time, waiting for an event, a request to the customer
    ("Kdaj bo paket prispel?", "Preverim pri kurirju in vam jutri do 12. ure sporočim.", set()),
    ("Kdaj bo modra spet na voljo?", "Obvestili vas bomo, ko bo izdelek spet na zalogi.", set()),
    ("Kdaj bo paket prispel?", "Prosim, preverite številko naročila na računu.", set()),
    ("Kdaj bo paket prispel?", "Pozanimam se in vam odpisem.", {DEFER}),
    ("Kdaj bo paket prispel?", "Preverim in vam sporočim čim prej.", set()),  # the vague-promise rule says it
]


def _conversation(guard: Guard, reply: str, context: dict[str, Any]) -> set[str]:
    report = guard.check(reply, context, lang="sl")
    return {f.rule for f in report.findings if f.rule.startswith("sl.structure.")}


@pytest.mark.parametrize(("message", "reply", "expected"), ROWS)
def test_reading_of_complaints_and_replies(guard: Guard, message: str, reply: str, expected: set[str]) -> None:
    assert _conversation(guard, reply, {**_CHAT, "customer_message": message}) == expected


def test_a_deferred_answer_gets_the_earliest_feasible_time_after_the_verb(guard: Guard) -> None:
    text = "Preverim v skladišču in vam sporočim."
    report = guard.check(text, _CHAT, lang="sl")
    (finding,) = [f for f in report.findings if f.rule == DEFER]
    assert text[finding.start : finding.end] == "Preverim"
    assert report.apply([finding.id], unsafe=True).startswith("Preverim danes do ")


_TZ = ZoneInfo("Europe/Ljubljana")
_FRIDAY_EVENING = dt.datetime(2026, 12, 4, 19, 30, tzinfo=_TZ)


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (dt.datetime(2026, 12, 4, 20, 0, tzinfo=_TZ), "danes po 20. uri"),
        (dt.datetime(2026, 12, 5, 8, 0, tzinfo=_TZ), "jutri po 8. uri"),
        (dt.datetime(2026, 12, 6, 9, 30, tzinfo=_TZ), "pojutrišnjem po 9.30"),
        (dt.datetime(2026, 12, 7, 8, 0, tzinfo=_TZ), "v ponedeljek po 8. uri"),
        (dt.datetime(2026, 12, 14, 8, 0, tzinfo=_TZ), "14. decembra po 8. uri"),
        (dt.datetime(2027, 1, 5, 8, 0, tzinfo=_TZ), "5. januarja 2027 po 8. uri"),
        (dt.datetime(2026, 12, 7, 7, 0, tzinfo=dt.UTC), "v ponedeljek po 8. uri"),  # said in local time
    ],
)
def test_from_phrase(start: dt.datetime, expected: str) -> None:
    assert from_phrase(start.astimezone(_TZ), _FRIDAY_EVENING) == expected


def test_the_day_of_from_phrase_is_the_day_of_deadline_phrase(guard: Guard) -> None:
    from replyguard.lang.sl.time import deadline_phrase

    for days in range(0, 12):
        start = (_FRIDAY_EVENING + dt.timedelta(days=days)).replace(hour=8, minute=0)
        day = deadline_phrase(start.replace(hour=18), _FRIDAY_EVENING).removesuffix(" do 18. ure")
        assert from_phrase(start, _FRIDAY_EVENING) == f"{day} po 8. uri"


_AWAY: dict[str, Any] = {
    "now": "2026-12-04T19:30:00+01:00",
    "channel": "chat",
    "policy": {"timezone": "Europe/Ljubljana", "holidays": "SI", "min_lead": {"reply": "PT1H"}},
}


def test_away_message_after_hours_passes_the_checks(guard: Guard) -> None:
    message = away_message("sl", _AWAY, guard=guard)
    assert message == (
        "Pozdravljeni! Hvala za vaše sporočilo. Trenutno smo zunaj delovnega časa. "
        "Odgovorili vam bomo v ponedeljek po 9. uri."
    )
    assert guard.check(message, _AWAY, lang="sl").findings == []


def test_away_message_with_a_name_in_chat_passes_the_checks(guard: Guard) -> None:
    context = {**_AWAY, "customer_name": "Ana Novak", "customer_gender": "female"}
    message = away_message("sl", context, guard=guard)
    assert message.startswith("Pozdravljeni, Ana! Hvala za vaše sporočilo.")
    assert guard.check(message, context, lang="sl").findings == []


def test_away_message_by_email_with_a_name_runs_on_after_the_comma(guard: Guard) -> None:
    context = {**_AWAY, "channel": "email", "customer_name": "Ana Novak", "customer_gender": "female"}
    message = away_message("sl", context, guard=guard)
    assert message == (
        "Spoštovana gospa Novak, hvala za vaše sporočilo. Trenutno smo zunaj delovnega časa. "
        "Odgovorili vam bomo v ponedeljek po 9. uri."
    )
    assert guard.check(message, context, lang="sl").findings == []


def test_away_message_while_busy_says_until_when(guard: Guard) -> None:
    context = {**_AWAY, "now": "2026-12-07T10:00:00+01:00"}
    message = away_message("sl", context, guard=guard)
    assert message == (
        "Pozdravljeni! Hvala za vaše sporočilo. Vsi naši svetovalci so trenutno zasedeni. "
        "Odgovorili vam bomo danes do 18. ure."
    )
    assert guard.check(message, context, lang="sl").findings == []
