"""Language detection: the script first, then Slovenian and BCS words, then langdetect among Latin ones."""

from __future__ import annotations

import subprocess
import sys

import pytest

from replyguard.errors import UnsupportedLanguage
from replyguard.lang.detect import detect


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Здравствуйте! Ваш заказ передан в доставку.", "ru"),
        ("Ваш заказ iPhone 15 Pro Max и AirPods Pro отправлен", "ru"),  # English product names
        ("Pozdravljeni, vaše naročilo smo danes odposlali.", "sl"),
        ("Spoštovana gospa Novak, paket vam pošljemo jutri.", "sl"),
        ("王女士您好，您的订单已经发出。", "zh"),
        ("陳小姐您好，您的退貨申請已通過。", "zh"),
        ("iPhone 15 Pro Max 已发货", "zh"),
        ("Ok", "ru"),  # too short to tell: the default
        ("12:00 !!!", "ru"),
    ],
)
def test_detect_supported(text: str, lang: str) -> None:
    assert detect(text, default="ru") == lang


def test_detect_short_text_uses_the_configured_default() -> None:
    assert detect("Hvala!", default="sl") == "sl"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hello, your order has been shipped and will arrive tomorrow.", "en"),
        ("Poštovani, vaša narudžba je poslana i stići će sutra ujutro.", "hr"),
        ("Dobrý den, vaše objednávka byla odeslána a zítra dorazí.", "cs"),
        ("Вітаємо! Ваше замовлення вже відправлено.", "uk"),
        ("ご注文ありがとうございます。", "ja"),
        ("주문해 주셔서 감사합니다", "ko"),
    ],
)
def test_detect_unsupported_names_the_language(text: str, lang: str) -> None:
    with pytest.raises(UnsupportedLanguage) as caught:
        detect(text, default="ru")
    assert caught.value.lang == lang
    assert caught.value.supported == ("ru", "sl", "zh")


def test_detect_is_stable_across_calls() -> None:
    text = "Pozdravljeni, paket je na poti in bo jutri pri vas."
    assert {detect(text, default="ru") for _ in range(20)} == {"sl"}


@pytest.mark.parametrize(
    "text",
    [
        "Pozdravljeni, paket je na poti in bo jutri pri vas.",
        "Žal tega modela nimamo več na zalogi, lahko pa vam ponudimo drugega.",
        "POZDRAVLJENI, VAŠE NAROČILO SMO DANES ODPOSLALI IN BO JUTRI PRI VAS.",
        "Datum dobave še ni znan, sporočimo ga takoj, ko ga prejmemo.",  # langdetect says hr
    ],
)
def test_detect_slovenian_words_decide_without_langdetect(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import replyguard.lang.detect as detection

    def no_langdetect(text: str) -> dict[str, float]:
        raise AssertionError("langdetect was asked although the words decide")

    monkeypatch.setattr(detection, "_probabilities", no_langdetect)
    assert detect(text, default="ru") == "sl"


@pytest.mark.parametrize(
    "text",
    [
        "Postovani, vasa narudzba je poslana i stize sutra ujutro.",  # Croatian without ć, đ
        "Nazalost, nemamo taj proizvod na skladistu, ali mozemo ga naruciti.",
        "Pozdrav, vas paket ce biti isporucen sutra izmedu 9 i 12 sati.",  # Serbian/Bosnian Latin
        "Hello, your package is on its way and will arrive tomorrow.",
        "Dobrý den, balík je na cestě a zítra bude u vás.",  # Czech letters
        "Paket je v Ljubljani, the courier will call you.",  # mixed: let langdetect weigh it
    ],
)
def test_detect_neighbours_of_slovenian_are_not_decided_by_words(text: str) -> None:
    from replyguard.lang.detect import slovenian_by_words

    assert not slovenian_by_words(text)


# Slovenian support replies: (text, decided by the words alone). Typed with and without č, š, ž,
# and in capitals; «Kovačević», «Petrović» are customers' surnames, no Croatian evidence.
SLOVENIAN_REPLIES = [
    ("Pozdravljeni, vaše naročilo smo prejeli in ga bomo odposlali jutri zjutraj.", True),
    ("Žal izdelka trenutno ni na zalogi, vendar ga pričakujemo v dveh tednih.", True),
    ("Prosimo, pošljite nam številko naročila, da lahko preverimo stanje pošiljke.", True),
    ("Kupnino vam bomo vrnili v petih delovnih dneh po prejemu vračila.", True),
    ("Če paketa ne prejmete do petka, nas pokličite na 01 234 56 78.", True),
    ("Opravičujemo se za zamudo, kurirska služba je imela težave z dostavo.", True),
    ("Vašo reklamacijo smo sprejeli in jo bomo obravnavali v osmih dneh.", True),
    ("Geslo si ponastavite s klikom na povezavo, ki smo vam jo poslali.", True),
    ("Spoštovani gospod Kovačević, vaše vprašanje smo prejeli.", True),
    ("Pozdravljeni, gospa Petrović, paket je že na poti.", True),
    ("Paket je bil vrnjen pošiljatelju, ker ga niste prevzeli.", True),
    ("Veseli nas, da ste zadovoljni z nakupom.", False),
    ("Stroške vračila krijemo mi.", False),
    ("Zal tega modela nimamo vec na zalogi, lahko pa vam ponudimo podobnega.", True),
    ("Hvala za vase sporocilo, narocilo je ze na poti.", True),
    ("Postnina je brezplacna pri narocilih nad 50 evrov.", True),
    ("Ceprav je bil paket poslan v ponedeljek, ga dostavna sluzba se ni prevzela.", True),
    ("Tezavo z racunom smo odpravili, racun vam posljemo po e-posti.", True),
    ("Vasega narocila zal ne moremo vec preklicati, ker je ze odposlano.", True),
    ("Ce izdelek vrnete v 14 dneh, vam vrnemo celotno kupnino.", True),
    ("Kurir bo paket pustil pri sosedu, ce vas ne bo doma.", True),
    ("Se enkrat se opravicujemo za nevsecnosti in vam zelimo lep dan.", True),
    ("Hvala za potrpezljivost, tezavo smo uspesno odpravili.", True),
    ("Datum dobave se ni znan, sporocimo ga takoj, ko ga prejmemo.", True),
    ("Oprostite za nevsecnosti.", False),
    ("POZDRAVLJENI, VASE NAROCILO JE NA POTI IN BO JUTRI PRI VAS.", True),
    ("SPOŠTOVANI, VRAČILO DENARJA SMO ODOBRILI IN BO NA VAŠEM RAČUNU V TREH DNEH.", True),
    ("ZAL NAM JE ZA NEVSECNOSTI, KI SMO VAM JIH POVZROCILI.", True),
    ("VAŠ PAKET JE ŽE PRI KURIRJU IN BO DOSTAVLJEN DANES.", True),
    ("PROSIMO, DA NAM SPOROCITE SVOJO TELEFONSKO STEVILKO.", True),
    ("HVALA ZA VAS NAKUP, RACUN SMO POSLALI NA VAS E-NASLOV.", False),
]

# Croatian, Serbian (Latin), Bosnian and Montenegrin replies, all refused as 'hr'.
BCS_REPLIES = [
    ("Poštovani, vaša narudžba je poslana i stići će sutra ujutro.", True),
    ("Žao nam je zbog neugodnosti, povrat novca bit će obrađen u roku od pet radnih dana.", True),
    ("Molimo vas da nam pošaljete broj narudžbe kako bismo provjerili status pošiljke.", True),
    ("Paket je još uvijek u skladištu, ali bit će poslan tijekom tjedna.", True),
    ("Također vas obavještavamo da je cijena dostave promijenjena.", True),
    ("Reklamaciju smo zaprimili i riješit ćemo je u najkraćem mogućem roku.", True),
    ("Račun za vašu kupnju nalazi se u privitku ove poruke.", True),
    ("Lozinku možete promijeniti u postavkama korisničkog računa.", True),
    ("Ispričavamo se zbog neugodnosti i zahvaljujemo na strpljenju.", True),
    ("Poštovani, javit čemo vam se sutra.", True),  # č for ć, as on a Slovenian keyboard
    ("Nije problem, hvala!", True),
    ("Postovani, vasa narudzba je poslana i stize sutra", True),
    ("Nazalost nemamo taj proizvod na skladistu.", True),
    ("Hvala vam, javit cemo se", True),
    ("Hvala na poruci, provjerit cemo status i javiti vam se.", True),
    ("Nazalost, paket je vracen posiljatelju jer nije preuzet.", True),
    ("Mozete li nam poslati broj narudzbe?", True),
    ("Isprike zbog kasnjenja, dostava ce biti izvrsena sutra.", True),
    ("Cekamo potvrdu od dobavljaca.", True),
    ("Poštovani, vaša porudžbina je poslata i stiže sutra između 9 i 12 časova.", True),  # Serbian
    ("Izvinjavamo se zbog kasnjenja, porudzbina ce biti isporucena u ponedeljak.", True),
    ("Racun cete dobiti na mejl, a mozete ga preuzeti i u aplikaciji.", True),
    ("Proverite da li ste uneli tačnu adresu.", True),
    ("Hvala na razumevanju, javicemo vam se cim dobijemo odgovor.", True),
    ("Vaš paket je predat kuriru.", False),
    ("Hvala lijepo na strpljenju, vas paket je vec na putu i stize u utorak.", True),  # Bosnian
    ("Hvala vam što ste nas kontaktirali, provjerit ćemo šta se desilo.", True),
    ("Nažalost, ne možemo vam vratiti novac za ovaj artikal.", True),
    ("Vaš paket će biti dostavljen sjutra.", True),  # Montenegrin
    ("POŠTOVANI, VAŠA NARUDŽBA JE POSLANA I STIŽE SUTRA.", True),
    ("NAZALOST, PROIZVOD VISE NIJE DOSTUPAN.", True),
    ("HVALA VAM NA NARUDZBI, PAKET CE STICI SUTRA.", True),
    ("POŠTOVANI, VAŠA PORUDŽBINA JE POSLATA.", True),
    ("Zahvaljujemo na strpljenju.", False),
    ("Vas paket je na putu.", False),
]


@pytest.mark.parametrize(("text", "by_words"), SLOVENIAN_REPLIES)
def test_detect_slovenian_replies(text: str, by_words: bool) -> None:
    from replyguard.lang.detect import latin_by_words

    assert detect(text, default="ru") == "sl"
    assert latin_by_words(text) == ("sl" if by_words else None)


@pytest.mark.parametrize(("text", "by_words"), BCS_REPLIES)
def test_detect_croatian_serbian_bosnian_are_refused_as_hr(text: str, by_words: bool) -> None:
    from replyguard.lang.detect import latin_by_words

    with pytest.raises(UnsupportedLanguage) as caught:
        detect(text, default="ru")
    assert caught.value.lang == "hr"
    assert "Croatian, Serbian or Bosnian" in str(caught.value)
    assert latin_by_words(text) == ("hr" if by_words else None)


@pytest.mark.parametrize(
    ("text", "lang"),
    [(text, "sl") for text, by_words in SLOVENIAN_REPLIES if by_words]
    + [(text, "hr") for text, by_words in BCS_REPLIES if by_words],
)
def test_detect_words_decide_without_langdetect(text: str, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import replyguard.lang.detect as detection

    def no_langdetect(text: str) -> dict[str, float]:
        raise AssertionError("langdetect was asked although the words decide")

    monkeypatch.setattr(detection, "_probabilities", no_langdetect)
    if lang == "sl":
        assert detect(text, default="ru") == "sl"
    else:
        with pytest.raises(UnsupportedLanguage) as caught:
            detect(text, default="ru")
        assert caught.value.lang == "hr"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hello, your order has been shipped and will arrive tomorrow.", "en"),
        ("We are sorry for the delay, your parcel will arrive on Monday.", "en"),
        ("Paket je v Ljubljani, the courier will call you.", "en"),
        ("Dobrý den, vaše objednávka byla odeslána a zítra dorazí.", "cs"),
        ("Dobry den, vase objednavka byla odeslana a zitra dorazi.", "cs"),
        ("Děkujeme za trpělivost, reklamaci jsme vyřídili.", "cs"),
        ("Dobrý deň, vaša objednávka bola odoslaná a zajtra bude u vás.", "sk"),
        ("Dakujeme za trpezlivost, balik sme uz odoslali.", "sk"),  # langdetect alone says hr
        ("Vaša reklamácia bola prijatá.", "sk"),
        ("Dzień dobry, Pani zamówienie zostało wysłane i jutro będzie u Pani.", "pl"),
        ("Dziekujemy za cierpliwosc, paczka jest juz w drodze.", "pl"),
        ("Nie mamy tego produktu na stanie.", "pl"),
        ("Vielen Dank für Ihre Bestellung.", "de"),
        ("Grazie per la sua pazienza.", "it"),
        ("Köszönjük a türelmét.", "hu"),
    ],
)
def test_detect_other_latin_languages_stay_refused(text: str, lang: str) -> None:
    with pytest.raises(UnsupportedLanguage) as caught:
        detect(text, default="ru")
    assert caught.value.lang == lang


@pytest.mark.parametrize(
    "text",
    [
        "Vase reklamace byla prijata.",  # Czech without diacritics: refused, though named 'hr'
        "Objednavku sme odoslali vcera.",  # Slovak without diacritics: refused, though named 'cs'
    ],
)
def test_detect_other_latin_languages_without_diacritics_are_refused(text: str) -> None:
    with pytest.raises(UnsupportedLanguage) as caught:
        detect(text, default="ru")
    assert caught.value.lang not in caught.value.supported


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ЗДРАВСТВУЙТЕ! ВАШ ЗАКАЗ ПЕРЕДАН В ДОСТАВКУ.", "ru"),
        ("ВАШ ЗАКАЗ IPHONE 15 PRO MAX ОТПРАВЛЕН", "ru"),
        ("IPHONE 15 PRO MAX 已发货", "zh"),
        ("POZDRAVLJENI, VAŠE NAROČILO JE NA POTI.", "sl"),
    ],
)
def test_detect_all_caps(text: str, lang: str) -> None:
    assert detect(text, default="sl") == lang


def test_detect_all_caps_serbian_cyrillic_is_refused() -> None:
    with pytest.raises(UnsupportedLanguage) as caught:
        detect("ПОШТОВАНИ, ВАША ПОРУЏБИНА ЈЕ ПОСЛАТА.", default="ru")
    assert caught.value.lang == "sr"


@pytest.mark.parametrize(
    ("text", "probabilities", "expected"),
    [
        # the words lean to Slovenian («poti»), langdetect slightly to Croatian: the words win
        ("Vas paket je na poti.", {"hr": 0.6, "sl": 0.4}, "sl"),
        # the words lean to BCS («putu»), langdetect is sure of Slovenian: still too little
        ("Vas paket je na putu.", {"sl": 0.6, "hr": 0.4}, "hr"),
        # no telling word at all: langdetect decides
        ("Cena dostave je 3,50 EUR.", {"sl": 0.7, "hr": 0.3}, "sl"),
        ("Cena dostave je 300 RSD.", {"hr": 0.7, "sl": 0.3}, "hr"),
        # a third language named by langdetect is refused whatever the words say
        ("Paket je na poti, tracking 123.", {"en": 0.8, "sl": 0.2}, "en"),
    ],
)
def test_detect_langdetect_breaks_ties(
    text: str, probabilities: dict[str, float], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import replyguard.lang.detect as detection

    monkeypatch.setattr(detection, "_probabilities", lambda text: probabilities)
    if expected == "sl":
        assert detect(text, default="ru") == "sl"
    else:
        with pytest.raises(UnsupportedLanguage) as caught:
            detect(text, default="ru")
        assert caught.value.lang == expected


def test_detect_langdetect_gets_all_caps_text_in_lowercase(monkeypatch: pytest.MonkeyPatch) -> None:
    import replyguard.lang.detect as detection

    seen: list[str] = []
    monkeypatch.setattr(detection, "_probabilities", lambda text: seen.append(text) or {"sl": 1.0})
    assert detect("HVALA ZA VAS NAKUP, RACUN SMO POSLALI NA VAS E-NASLOV.", default="ru") == "sl"
    assert seen == ["hvala za vas nakup, racun smo poslali na vas e-naslov."]


def test_detect_words_decide_without_importing_langdetect() -> None:
    code = (
        "import sys; from replyguard.errors import UnsupportedLanguage; from replyguard.lang.detect import detect\n"
        "assert detect('Hvala za vase sporocilo, narocilo je ze na poti.', 'ru') == 'sl'\n"
        "try:\n    detect('Nazalost nemamo taj proizvod na skladistu.', 'ru')\n"
        "except UnsupportedLanguage as error:\n    assert error.lang == 'hr'\n"
        "print('langdetect' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_latin_word_lists_are_consistent() -> None:
    from replyguard.lang import latin_words as lw

    assert not set(lw.SLOVENIAN) & set(lw.BCS)
    # a plain spelling that stands for words of both sides weighs nothing
    for side, other in ((lw.SLOVENIAN, lw.BCS), (lw.BCS, lw.SLOVENIAN)):
        other_plain = {lw.plain(word) for word in other} | {lw.plain(word.replace("đ", "dj")) for word in other}
        for word in side:
            assert word not in other_plain, word
            if lw.plain(word) in other_plain:
                assert lw.plain(word) not in lw.PLAIN, word
    for word in lw.AMBIGUOUS_PLAIN:
        assert word not in lw.PLAIN
    # the other languages' words are no Slovenian or BCS entry, and no stem claims them
    for word in lw.OTHER_LATIN:
        assert word not in lw.EXACT and word not in lw.PLAIN, word
    # no stem claims a word listed for the other side
    stems_of = {0: lw.SLOVENIAN_STEMS, 1: lw.IJEKAVIAN_STEMS + lw.BCS_STEMS}
    for side, words in ((0, lw.BCS), (1, lw.SLOVENIAN)):
        for word in words:
            assert not lw.plain(word).startswith(stems_of[side]), word
    assert not set(lw.SLOVENIAN_STEMS) & set(lw.IJEKAVIAN_STEMS + lw.BCS_STEMS)


def test_word_scores_explain_the_verdict() -> None:
    from replyguard.lang.latin_words import word_scores

    scores = word_scores("Hvala vam, javit cemo se cim dobijemo vise informacija.")
    assert scores.sl == 0 and scores.bcs_words == ["cemo", "vise"]
    scores = word_scores("Ce vas ne bo doma, bo kurir paket pustil na posti.")
    assert scores.bcs == 0  # «ce» here is Slovenian «če»: no infinitive follows
    scores = word_scores("Kurir ce vas nazvati sat vremena prije dostave.")
    assert "ce vas" in scores.bcs_words  # «će» before a clitic and an infinitive
