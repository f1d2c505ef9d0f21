"""Language detection: the script first, then langdetect among Latin-script languages."""

from __future__ import annotations

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
