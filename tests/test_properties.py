"""Property-based tests (hypothesis): what holds for any input, not only for the examples.

1. Any Unicode text gives a valid Report or one of the documented errors, spans inside the text.
2. A bad phrase stays found under whitespace variants, invisible characters, stress marks and HTML.
3. `fixed` differs from the text only inside the edits it applied.
4. `fixed` is a fixed point: checking it again fixes nothing more.
5. `check_many` gives the same reports as `check` one by one.

CI runs about 4,100 examples (some 20 s), reproducibly (derandomized). For a long run set
REPLYGUARD_PROPERTY_EXAMPLES (examples per test) or use benchmarks/properties_long.py;
REPLYGUARD_PROPERTY_DERANDOMIZE=0 draws new examples on every run.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from replyguard import Guard
from replyguard.edits import apply_edits, pick_edits
from replyguard.errors import EmptyText, InvalidInput, TextTooLong, UnsupportedLanguage
from replyguard.models import Report
from replyguard.normalize import normalize

GUARD = Guard()
LANGS = ("ru", "sl", "zh")
DOCUMENTED_ERRORS = (EmptyText, TextTooLong, UnsupportedLanguage, InvalidInput)

_OVERRIDE = int(os.environ.get("REPLYGUARD_PROPERTY_EXAMPLES", "0") or 0)
_DERANDOMIZE = os.environ.get("REPLYGUARD_PROPERTY_DERANDOMIZE", "1") != "0"


def _settings(ci_examples: int) -> settings:
    """`ci_examples` in CI; REPLYGUARD_PROPERTY_EXAMPLES overrides it for long runs."""
    return settings(
        max_examples=_OVERRIDE or ci_examples,
        deadline=None,
        derandomize=_DERANDOMIZE,
        database=None,  # nothing written to .hypothesis/; a failure prints its minimal example
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# Bad sentences and the rule ids that flag them when clean (asserted below, so the list
# cannot silently lose a sentence when a rule changes). The later ones carry safe edits,
# so that properties 3 and 4 have something to apply.
BAD: dict[str, list[tuple[str, frozenset[str]]]] = {
    "ru": [
        ("Ваша проблема — не наша вина.", frozenset({"ru.bad_word.ne_nasha_vina", "ru.bad_word.problema"})),
        ("Вы должны были прочитать условия.", frozenset({"ru.bad_word.vy_dolzhny"})),
        ("Это не наша вина.", frozenset({"ru.bad_word.ne_nasha_vina"})),
        ("Мы не можем вернуть деньги.", frozenset({"ru.negative_phrasing.ne_mozhem"})),
        ("Вы неправильно заполнили форму.", frozenset({"ru.bad_word.vy_nepravilno"})),
        ("Я не знаю, когда придёт посылка.", frozenset({"ru.negative_phrasing.ne_znayu"})),
        ("С возвратом это не ко мне.", frozenset({"ru.bad_word.ne_v_kompetentsii"})),
        ("Обращайтесь в банк.", frozenset({"ru.bad_word.obrashchaytes_k_drugim"})),
        ("Это ваша вина.", frozenset({"ru.bad_word.vasha_vina"})),
        ("С вашей проблемой разберёмся сегодня.", frozenset({"ru.bad_word.problema"})),
        ("Данный товар щас на складе.", frozenset({"ru.bad_word.dannyy", "ru.bad_word.shchas"})),
        (
            "Денежные средства вернём незамедлительно.",
            frozenset({"ru.bad_word.denezhnye_sredstva", "ru.bad_word.nezamedlitelno"}),
        ),
        ("Минуточку, проверяю вашу проблему.", frozenset({"ru.bad_word.minutochka", "ru.bad_word.problema"})),
        ("Плз, подождите секундочку.", frozenset({"ru.bad_word.pozhaluysta_chat", "ru.bad_word.sekundochka"})),
        ("Сложившаяся ситуация нам неприятна.", frozenset({"ru.bad_word.slozhivshayasya_situatsiya"})),
    ],
    "sl": [
        ("To ni naša krivda.", frozenset({"sl.bad_word.ni_nasa_krivda"})),
        ("Žal ne moremo vrniti denarja.", frozenset({"sl.bad_word.zal", "sl.negative_phrasing.ne_moremo"})),
        ("Morali bi prebrati pogoje.", frozenset({"sl.bad_word.bi_morali_vedeti"})),
        ("Ne vem, kdaj bo paket prišel.", frozenset({"sl.negative_phrasing.ne_vem"})),
        ("To ni moja stvar.", frozenset({"sl.bad_word.ni_moja_stvar"})),
        ("Narobe ste izpolnili obrazec.", frozenset({"sl.bad_word.narobe_ste_vnesli"})),
        ("To je vaša krivda.", frozenset({"sl.bad_word.vasa_napaka"})),
        ("Ne moremo vam pomagati.", frozenset({"sl.negative_phrasing.ne_moremo"})),
        ("Garantiramo, da paket prispe jutri.", frozenset({"sl.broken_promise.guarantee"})),
        ("Vaša težava ni naš problem.", frozenset({"sl.bad_word.ni_moja_stvar"})),  # «težava» is the neutral word
        ("V kolikor imate težavo, pišite.", frozenset({"sl.bad_word.v_kolikor"})),
        ("Sori za zamudo.", frozenset({"sl.bad_word.sori"})),
        ("Mersi za potrpežljivost.", frozenset({"sl.bad_word.mersi"})),
        ("Paket se nahaja v skladišču.", frozenset({"sl.bad_word.se_nahaja"})),
        ("Zmenjeno, pošljemo jutri.", frozenset({"sl.bad_word.zmenjeno"})),
    ],
    "zh": [
        ("这不是我们的问题。", frozenset({"zh.bad_word.bu_shi_women_de_wenti"})),
        ("您必须先付款。", frozenset({"zh.bad_word.ni_bixu"})),
        ("这不是我们的责任。", frozenset({"zh.bad_word.bu_shi_women_de_wenti"})),
        ("我们不能退款。", frozenset({"zh.negative_phrasing.bu_neng"})),
        ("我不知道包裹什么时候到。", frozenset({"zh.negative_phrasing.bu_zhidao"})),
        ("你应该先看说明。", frozenset({"zh.bad_word.ni_yinggai"})),
        ("这是你的错。", frozenset({"zh.bad_word.shi_nin_de_wenti"})),
        ("这不归我们管。", frozenset({"zh.bad_word.bu_gui_women_guan"})),
        ("您自己去问银行吧。", frozenset({"zh.bad_word.nin_qu_wen"})),
        ("已知悉您的问题。", frozenset({"zh.bad_word.zhixi"})),
        ("烦请提供订单号。", frozenset({"zh.bad_word.fanqing"})),
        ("您亦可在线退款。", frozenset({"zh.bad_word.yike"})),
        ("如欲退货，请联系我们。", frozenset({"zh.bad_word.ruyu"})),
        ("神马情况？", frozenset({"zh.bad_word.wangluo_shenma"})),
        ("酱紫就可以了。", frozenset({"zh.bad_word.jiangzi"})),
    ],
}
SENTENCES = [(lang, text) for lang, rows in BAD.items() for text, _ in rows]


def _rules(report: Report) -> set[str]:
    return {f.rule for f in report.findings}


def _check_clean() -> dict[tuple[str, str], set[str]]:
    return {(lang, text): _rules(GUARD.check(text, lang=lang)) for lang, text in SENTENCES}


CLEAN_RULES = _check_clean()  # also compiles every language once, before any timing


# --- noise -----------------------------------------------------------------------------

WHITESPACE = ["  ", "\t", "\u00a0", "\u2009", "\n", "\r\n", "&nbsp;", " \n ", "\u00a0\u00a0"]
WHITESPACE_ZH = [*WHITESPACE, " ", "\u3000"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u00ad", "\u2060", "\ufeff", "\u200e", "\u202a", "\u202b", "\u202c"]
INLINE_TAGS = [("<b>", "</b>"), ("<i>", "</i>"), ("<span>", "</span>"), ('<span class="x">', "</span>")]
BLOCK_TAGS = [("<p>", "</p>"), ("<div>", "</div>")]
CYRILLIC_VOWELS = frozenset("аеёиоуыэюяАЕЁИОУЫЭЮЯ")

# Noise the properties may leave out because of a known gap, named here so the exclusion is
# visible. None today: the three gaps they found (zh line breaks, unnamed letters in
# pymorphy3, lemmagen3 on words of 256+ bytes) are fixed and kept as plain tests below.
# REPLYGUARD_PROPERTY_KNOWN_GAPS=1 generates any listed noise anyway.
_LISTED_GAPS: frozenset[str] = frozenset()
KNOWN_GAPS: frozenset[str] = frozenset() if os.environ.get("REPLYGUARD_PROPERTY_KNOWN_GAPS") == "1" else _LISTED_GAPS


def _units(lang: str, text: str) -> tuple[list[str], list[str]]:
    """Words and the gaps between them (len(gaps) == len(words) - 1): Russian and Slovenian
    split at spaces; Chinese, written without spaces, at every character."""
    if lang == "zh":
        return list(text), [""] * (len(text) - 1)
    parts = re.split(r"( )", text)
    return parts[0::2], parts[1::2]


@st.composite
def _noisy_word(draw: st.DrawFn, word: str, lang: str) -> str:
    chars = list(word)
    if lang == "ru":  # a stress mark right after some Cyrillic vowels
        vowels = [i for i, c in enumerate(chars) if c in CYRILLIC_VOWELS]
        if vowels:
            for i in sorted(draw(st.sets(st.sampled_from(vowels), max_size=2)), reverse=True):
                chars.insert(i + 1, "\u0301")
    # Invisible characters anywhere in the word, but never between a letter and its stress mark.
    slots = [i for i in range(len(chars) + 1) if i == len(chars) or chars[i] != "\u0301"]
    inserts = draw(st.lists(st.tuples(st.sampled_from(slots), st.sampled_from(INVISIBLE)), max_size=3))
    for at, char in sorted(inserts, key=lambda pair: pair[0], reverse=True):
        chars.insert(at, char)
    out = "".join(chars)
    if draw(st.integers(0, 4)) == 4:
        opening, closing = draw(st.sampled_from(INLINE_TAGS))
        out = opening + out + closing
    return out


@st.composite
def noisy(draw: st.DrawFn, lang: str, text: str) -> str:
    """`text` with random whitespace, invisible characters, stress marks and HTML."""
    words, gaps = _units(lang, text)
    out_words = [draw(_noisy_word(w, lang)) if draw(st.booleans()) else w for w in words]
    if len(out_words) > 1 and draw(st.integers(0, 3)) == 3:  # an inline tag around a run of words
        first = draw(st.integers(0, len(out_words) - 1))
        last = draw(st.integers(first, len(out_words) - 1))
        opening, closing = draw(st.sampled_from(INLINE_TAGS))
        out_words[first] = opening + out_words[first]
        out_words[last] = out_words[last] + closing
    variants = WHITESPACE_ZH if lang == "zh" else WHITESPACE
    if lang == "zh" and "zh_line_break" in KNOWN_GAPS:
        variants = [v for v in variants if "\n" not in v]
    out_gaps = []
    for gap in gaps:
        choice = draw(st.integers(0, 3))
        if choice == 1:
            gap = draw(st.sampled_from(variants))
        elif choice == 2:
            gap = gap + draw(st.sampled_from(INVISIBLE)) + (gap if draw(st.booleans()) else "")
        out_gaps.append(gap)
    pieces = [out_words[0]]
    for gap, word in zip(out_gaps, out_words[1:], strict=True):
        pieces.extend((gap, word))
    result = "".join(pieces)
    if draw(st.integers(0, 3)) == 3:
        opening, closing = draw(st.sampled_from(BLOCK_TAGS))
        result = opening + result + closing
    return result


@st.composite
def noisy_sentence(draw: st.DrawFn) -> tuple[str, str, str]:
    """(lang, clean sentence, noisy sentence) for one of the bad sentences."""
    lang, text = draw(st.sampled_from(SENTENCES))
    return lang, text, draw(noisy(lang, text))


# --- random text ----------------------------------------------------------------------

SPECIAL_CHARS = (
    "\x00\x01\x08\x0b\x0c\x1b\x7f\x85\x9f\u00ad\u034f\u0301\u0300\u0308\u0483\u1ab0\u20dd\ufe20"  # controls, combining
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2069\ufeff\ufffd"  # invisible, bidi
    "\u05d0\u05e9\u0627\u0644\u0639\u0631\u0628\u064a\u0629"  # Hebrew, Arabic (RTL)
    "\U0001f600\U0001f44d\U0001f3fd\u2764\ufe0f\U0001f1f7\U0001f1fa\u200d"  # emoji, modifiers, flags
    "问题我们您的不是必须退款。，！？\u3000\u3001\u300a\u300b\uff01"  # CJK
    "проблемаВАШАёй čšžČŠŽ !?.,;:—«»<>&\"'/\n\r\t \u00a0\u2009\u2028\u2029"
)
FRAGMENTS = [
    "<b>",
    "</b>",
    "<p>",
    "</p>",
    "<div>",
    "<br>",
    "<span style='x'>",
    "</span>",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "&nbsp;",
    "&amp;",
    "&#1087;",
    "&#x4e0d;",
    "&#xD800;",
    "&#99999999;",
    "&bogus;",
    "!" * 12,
    "！" * 10,
    "?!" * 5,
    "{имя}",
    "[NAME]",
    "\r\n\r\n",
    "ВЫ ДОЛЖНЫ",
    *(text for _, text in SENTENCES),
]


def _named(char: str) -> bool:
    """Not a letter that this Python's unicodedata has no name for (Tangut, U+17000-U+18D08)."""
    return not ("\U00017000" <= char <= "\U00018d08" and unicodedata.name(char, None) is None)


_characters = st.characters(exclude_categories=["Cs"])
if "unnamed_letters" in KNOWN_GAPS:
    _characters = _characters.filter(_named)
_alphabet = st.one_of(_characters, st.sampled_from(SPECIAL_CHARS))
any_text = st.one_of(
    st.text(_alphabet, max_size=300),
    st.lists(st.one_of(st.text(_alphabet, max_size=30), st.sampled_from(FRAGMENTS)), max_size=20).map("".join),
)


# --- checks shared by the properties ----------------------------------------------------


def _assert_valid(report: Report, text: str, lang: str | None) -> None:
    assert isinstance(report, Report)
    assert report.text == text
    assert report.lang in LANGS and (lang is None or report.lang == lang)
    size = len(text)
    for finding in report.findings:
        assert 0 <= finding.start <= finding.end <= size, finding
        for edit in finding.suggestions:
            assert 0 <= edit.start <= edit.end <= size, (finding.rule, edit)
    _assert_fixed_only_inside_edits(report)


def _assert_fixed_only_inside_edits(report: Report) -> None:
    """Rebuild `fixed` from the edits it applies; outside them it is the text, byte for byte."""
    text, fixed = report.text, report.fixed
    edits = pick_edits(report.findings)
    assert edits == [f.suggestions[0] for f in report.findings if f.suggestions and f.suggestions[0].safe]
    assert fixed == apply_edits(text, edits)
    # Independently of apply_edits: walk the taken edits (by position; an overlapping one is
    # skipped, as documented) and compare every untouched stretch where it must land.
    taken: list[Any] = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start >= cursor:
            taken.append(edit)
            cursor = edit.end
    at_text = at_fixed = 0
    for edit in taken:
        kept = text[at_text : edit.start]
        assert fixed[at_fixed : at_fixed + len(kept)].encode("utf-8") == kept.encode("utf-8")
        at_fixed += len(kept)
        assert fixed[at_fixed : at_fixed + len(edit.replacement)] == edit.replacement
        at_fixed += len(edit.replacement)
        at_text = edit.end
    assert fixed[at_fixed:].encode("utf-8") == text[at_text:].encode("utf-8")
    if taken:
        assert fixed.startswith(text[: taken[0].start])
        assert fixed.endswith(text[taken[-1].end :])
    else:
        assert fixed == text


def _has_long_word(text: str) -> bool:
    """A run without whitespace of 256 UTF-8 bytes or more in the text as the rules see it."""
    return max((len(run.encode("utf-8")) for run in normalize(text).text.split()), default=0) >= 256


def _known_gap(error: Exception, text: str, lang: str | None) -> bool:
    """Whether `error` is the known gap "sl_long_words": lemmagen3 keeps a word's length in
    UTF-8 bytes modulo 256, so a word of 256 bytes or more, checked as Slovenian, can raise
    UnicodeDecodeError (pinned by test_known_gap_sl_word_of_256_bytes_or_more)."""
    return (
        "sl_long_words" in KNOWN_GAPS
        and isinstance(error, UnicodeDecodeError)
        and lang in (None, "sl")
        and _has_long_word(text)
    )


def _check_or_documented_error(text: str, lang: str | None) -> Report | Exception:
    try:
        return GUARD.check(text, lang=lang)
    except DOCUMENTED_ERRORS as exc:
        return exc
    except Exception as exc:
        if _known_gap(exc, text, lang):
            return exc
        raise


def _assert_still_found(lang: str, clean: str, text: str) -> Report:
    report = GUARD.check(text, lang=lang)
    missing = CLEAN_RULES[(lang, clean)] - _rules(report)
    assert not missing, f"{missing} lost in {text!r}"
    return report


def _assert_idempotent(report: Report) -> None:
    again = GUARD.check(report.fixed, lang=report.lang)
    applied = sorted(f.rule for f in again.findings if f.suggestions and f.suggestions[0].safe)
    assert again.fixed == report.fixed, f"fixing {report.fixed!r} again gives {again.fixed!r} ({applied})"


# --- the properties ---------------------------------------------------------------------


def test_bad_sentences_are_flagged_when_clean() -> None:
    for (lang, text), found in CLEAN_RULES.items():
        expected = dict(BAD[lang])[text]
        assert expected <= found, (lang, text, found)
    assert all(len(rows) >= 8 for rows in BAD.values())


@_settings(1000)
@given(text=any_text)
@example(text="")
@example(text=" \u200b\n\ufeff ")
@example(text="<p></p>&nbsp;")
@example(text="\u0301\u0301 проблема")
@example(text="a" * 301)
def test_any_text_gives_a_valid_report_or_a_documented_error(text: str) -> None:
    for lang in (None, *LANGS):
        outcome = _check_or_documented_error(text, lang)
        if isinstance(outcome, Report):
            _assert_valid(outcome, text, lang)
        elif lang is not None:  # a language given is one of ours: only the text itself can be refused
            assert not isinstance(outcome, UnsupportedLanguage), (lang, outcome)


@_settings(100)
@given(
    text=st.text(st.characters(exclude_categories=["Cs"]), max_size=20),
    surrogate=st.characters(categories=["Cs"]),
    at=st.integers(0, 20),
    lang=st.sampled_from([None, *LANGS]),
)
def test_an_unpaired_surrogate_is_invalid_input(text: str, surrogate: str, at: int, lang: str | None) -> None:
    with pytest.raises(InvalidInput, match="surrogate"):
        GUARD.check(text[:at] + surrogate + text[at:], lang=lang)


@_settings(1500)
@given(case=noisy_sentence())
def test_bad_phrases_stay_found_under_noise(case: tuple[str, str, str]) -> None:
    lang, clean, text = case
    report = _assert_still_found(lang, clean, text)
    _assert_valid(report, text, lang)


@_settings(600)
@given(case=noisy_sentence(), context=st.sampled_from([None, {"format": "html"}, {"channel": "chat"}]))
def test_fixed_changes_nothing_outside_the_applied_edits(case: tuple[str, str, str], context: Any) -> None:
    lang, clean, text = case
    for candidate in (clean, text):
        _assert_fixed_only_inside_edits(GUARD.check(candidate, context, lang=lang))


@_settings(600)
@given(case=noisy_sentence())
def test_fixed_is_idempotent(case: tuple[str, str, str]) -> None:
    lang, clean, text = case
    for candidate in (clean, text):
        _assert_idempotent(GUARD.check(candidate, lang=lang))


_CONTEXTS = st.sampled_from([None, {}, {"channel": "email"}, {"format": "html"}, {"format": "text"}])


@st.composite
def batch_item(draw: st.DrawFn) -> tuple[Any, Callable[[], Report]]:
    """A batch item in one of its three shapes, and the one-by-one call it stands for."""
    lang: str | None
    if draw(st.booleans()):
        lang, _, text = draw(noisy_sentence())
    else:
        lang, text = draw(st.sampled_from([None, *LANGS])), draw(any_text)
    if "sl_long_words" in KNOWN_GAPS and _has_long_word(text):  # see _known_gap
        text = " ".join(re.findall(r".{1,60}", text, re.DOTALL))
    shape = draw(st.sampled_from(["text", "pair", "mapping"]))
    if shape == "text":
        return text, lambda: GUARD.check(text)
    context = draw(_CONTEXTS)
    if shape == "pair":
        return (text, context), lambda: GUARD.check(text, context)
    item: dict[str, Any] = {"text": text}
    if context is not None or draw(st.booleans()):
        item["context"] = context
    if lang is not None:
        item["lang"] = lang
    return item, lambda: GUARD.check(text, context, lang)


def _dumps(reports: Sequence[Report]) -> list[dict[str, Any]]:
    return [r.model_dump(mode="json") for r in reports]


@_settings(300)
@given(batch=st.lists(batch_item(), max_size=6))
def test_check_many_equals_check_one_by_one(batch: list[tuple[Any, Callable[[], Report]]]) -> None:
    items = [item for item, _ in batch]
    one_by_one: list[Report] = []
    error: Exception | None = None
    for _, call in batch:
        try:
            one_by_one.append(call())
        except DOCUMENTED_ERRORS as exc:
            error = exc
            break
    if error is None:
        assert _dumps(GUARD.check_many(items)) == _dumps(one_by_one)
    else:
        with pytest.raises(type(error)) as caught:
            GUARD.check_many(items)
        assert str(caught.value) == str(error)


# --- failures these properties found, fixed and kept as plain tests ------------------------


@pytest.mark.parametrize(
    ("clean", "text"),
    [
        ("这是你的错。", "这是你的\n错。"),
        ("这不是我们的问题。", "这不是我们的\r\n问题。"),
        ("这是你的错。", "<p>这是你的\n错。</p>"),  # in HTML a raw line break is only a space
    ],
    ids=["lf", "crlf", "html-lf"],
)
def test_known_gap_zh_line_break_inside_a_phrase(clean: str, text: str) -> None:
    _assert_still_found("zh", clean, text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [("\U00017000А", "ru"), ("Здравствуйте, ваш заказ \U00018d00готов.", None)],
    ids=["given-ru", "detected-ru"],
)
def test_known_gap_unnamed_letter_in_a_russian_word(text: str, lang: str | None) -> None:
    outcome = _check_or_documented_error(text, lang)
    if isinstance(outcome, Report):
        _assert_valid(outcome, text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("č" * 128 + "a", "sl"),
        ("如" * 86, "sl"),
        ("Pozdravljeni, " + "težava" * 50, None),
        # as the long run found it (benchmarks/properties_long.py): one sl "word" of 89 CJK characters
        ("如欲退货，请联系我们。0" + "如欲退货，请联系我们。" * 5 + "0" + "如欲退货，请联系我们。" * 2, "sl"),
    ],
    ids=["given-sl", "cjk-given-sl", "detected-sl", "long-run"],
)
def test_known_gap_sl_word_of_256_bytes_or_more(text: str, lang: str | None) -> None:
    report = GUARD.check(text, lang=lang)
    _assert_valid(report, text, lang)
