"""Which language a reply is in: the script decides first, then words, langdetect last.

Han → zh and Cyrillic → ru are certain from the script alone (after ruling out Japanese kana
and the letters only Ukrainian, Belarusian, Serbian or Macedonian use), and cost nothing.
Latin-script text is weighed by its words (`latin_words.word_scores`): Slovenian function
words and forms («in», «v», «so», «bo», «lahko», «ker», «jutri») against Croatian, Serbian and
Bosnian ones («i», «u», «su», «nije», «ćemo», «jer», «sutra», ijekavian «lijep», «mjesec»),
with or without č, š, ž, ć, đ and in any case. When one side clearly wins and no word or
letter of another language is there, that decides (a few microseconds): Slovenian is
accepted, BCS refused. Only the rest goes to langdetect (1-3 ms a call), seeded (it samples
at random otherwise) and restricted to Slovenian and the languages it is confused with; a
third language it names is refused, and between Slovenian and Croatian its margin is added
to the words' lean (`LANGDETECT_WEIGHT`), so it breaks ties but cannot outvote clear words.

Croatian, Serbian, Bosnian and Montenegrin in Latin script are all refused as 'hr': they share
the function words that set them apart from Slovenian, langdetect has no profile for Serbian
or Bosnian in Latin script, and telling them apart is no use to a reply checker that supports
none of them. The message names all three. Serbian in Cyrillic is refused as 'sr' (by its
letters ђ, ћ, џ, љ, њ, ј); without them it is read as Russian, as before.
"""

from __future__ import annotations

import os
import re
import threading
from collections import Counter
from typing import Any

from replyguard.errors import UnsupportedLanguage
from replyguard.lang.latin_words import WordScores, word_scores
from replyguard.lang.registry import SUPPORTED

MIN_LATIN_LETTERS = 12
CYRILLIC_SHARE = 0.25
HAN_SHARE = 0.1
LATIN_CANDIDATES = ("sl", "hr", "sk", "cs", "pl", "en", "de", "it", "hu")
LANGDETECT_WEIGHT = 1.25
"""langdetect's p(sl) - p(hr), times this, is added to the words' score for sl minus that for hr."""
BCS_NAMES = "Croatian, Serbian or Bosnian"
_CYRILLIC_ONLY_IN = {
    "і": "uk",
    "ї": "uk",
    "є": "uk",
    "ґ": "uk",
    "ў": "be",
    "ђ": "sr",
    "ћ": "sr",
    "џ": "sr",
    "љ": "sr",
    "њ": "sr",
    "ј": "sr",
    "ѓ": "mk",
    "ќ": "mk",
    "ѕ": "mk",
}

_factory: Any = None
_factory_lock = threading.Lock()


# Scripts that name their language outright (a sentence in them needs no detection).
SCRIPT_LANGUAGES = {"cyrillic": "ru", "han": "zh"}
_LATIN_LETTERS = "".join(chr(c) for c in range(0x0250) if chr(c).isalpha())
_SCRIPT_PATTERNS = {
    "han": re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]"),
    "kana": re.compile("[\u3040-\u30ff]"),
    "hangul": re.compile("[\uac00-\ud7af]"),
    "cyrillic": re.compile("[\u0400-\u04ff]"),
    "latin": re.compile(f"[{re.escape(_LATIN_LETTERS)}]"),
}


UNSPACED_SCRIPTS = ("han", "kana", "hangul")  # written without spaces between words


def has_script(text: str, *scripts: str) -> bool:
    """Whether `text` holds a letter of any of `scripts` ("han", "kana", "hangul",
    "cyrillic", "latin": Latin letters with their accents, č, š, ž included)."""
    return any(_SCRIPT_PATTERNS[script].search(text) for script in scripts)


def scripts_present(text: str) -> int:
    """How many of the scripts `script_counts` tells apart occur in `text` at all: a few
    regex searches in C, so a text in one script need not be counted letter by letter."""
    return sum(1 for pattern in _SCRIPT_PATTERNS.values() if pattern.search(text))


def script_counts(text: str) -> Counter[str]:
    """Letters per script; a Han character counts twice, as it usually stands for a word."""
    counts: Counter[str] = Counter()
    for char in text:
        code = ord(char)
        if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
            counts["han"] += 2
        elif 0x3040 <= code <= 0x30FF:
            counts["kana"] += 2
        elif 0xAC00 <= code <= 0xD7AF:
            counts["hangul"] += 2
        elif 0x0400 <= code <= 0x04FF:
            counts["cyrillic"] += 1
        elif char.isalpha():
            counts["latin" if code < 0x0250 else "other"] += 1
    return counts


def detect(text: str, default: str) -> str:
    """The language code of `text`; `default` for text too short to tell.

    Raises UnsupportedLanguage naming what was found when it is not ru, sl or zh.
    """
    counts = script_counts(text)
    if not counts:
        return default
    total = sum(counts.values())
    script = counts.most_common(1)[0][0]
    # Product names and codes come in Latin letters: a reply with a fair share of Han or
    # Cyrillic is in that language even when the Latin letters outnumber them.
    for own_script, share in (("han", HAN_SHARE), ("cyrillic", CYRILLIC_SHARE)):
        if counts[own_script] >= share * total and script == "latin":
            script = own_script
    if script == "han":
        if counts["kana"] * 10 >= counts["han"]:
            raise UnsupportedLanguage("ja", SUPPORTED, "Japanese kana")
        return "zh"
    if script == "kana":
        raise UnsupportedLanguage("ja", SUPPORTED, "Japanese kana")
    if script == "hangul":
        raise UnsupportedLanguage("ko", SUPPORTED, "Hangul script")
    if script == "cyrillic":
        lowered = text.lower()
        for letter, lang in _CYRILLIC_ONLY_IN.items():
            if letter in lowered:
                raise UnsupportedLanguage(lang, SUPPORTED, f"the letter '{letter}'")
        return "ru"
    if script == "latin":
        if counts["latin"] < MIN_LATIN_LETTERS:
            return default
        return _latin_language(text)
    raise UnsupportedLanguage(None, SUPPORTED, "a script none of the supported languages uses")


def latin_by_words(text: str) -> str | None:
    """'sl' or 'hr' when the words alone decide the language of Latin-script `text`, else None."""
    return word_scores(text).verdict()


def slovenian_by_words(text: str) -> bool:
    """True when the words alone make `text` Slovenian (no langdetect needed)."""
    return latin_by_words(text) == "sl"


def _latin_language(text: str) -> str:
    scores = word_scores(text)
    verdict = scores.verdict()
    if verdict == "sl":
        return "sl"
    if verdict == "hr":
        raise UnsupportedLanguage("hr", SUPPORTED, _bcs_reason(scores))
    probabilities = _probabilities(_for_langdetect(text))
    best, best_p = max(probabilities.items(), key=lambda kv: kv[1])
    if best not in ("sl", "hr"):
        raise UnsupportedLanguage(best, SUPPORTED, f"detected with p={best_p:.2f}")
    other = scores.other_language()
    if other is not None:  # «Dakujeme, balik sme uz odoslali»: Slovak words, langdetect says hr
        shown = ", ".join(f"'{word}'" for word in dict.fromkeys(scores.other_words[:6]))
        raise UnsupportedLanguage(other, SUPPORTED, f"words: {shown}")
    lean = scores.sl - scores.bcs + LANGDETECT_WEIGHT * (probabilities.get("sl", 0.0) - probabilities.get("hr", 0.0))
    if lean > 0 or (lean == 0 and best == "sl"):
        return "sl"
    raise UnsupportedLanguage("hr", SUPPORTED, _bcs_reason(scores, probabilities.get("hr", 0.0)))


def _bcs_reason(scores: WordScores, p_hr: float | None = None) -> str:
    found = f"{BCS_NAMES} words: " + ", ".join(f"'{word}'" for word in dict.fromkeys(scores.bcs_words[:6]))
    if p_hr is None:
        return found
    by_langdetect = f"langdetect p={p_hr:.2f}"
    return f"{found}; {by_langdetect}" if scores.bcs_words else f"{BCS_NAMES}, {by_langdetect}"


def _for_langdetect(text: str) -> str:
    """All-caps text lowercased: langdetect's profiles are of ordinary text and misread capitals."""
    upper = sum(1 for char in text if char.isupper())
    return text.lower() if upper * 2 > sum(1 for char in text if char.isalpha()) else text


def _probabilities(text: str) -> dict[str, float]:
    detector = _detector_factory().create()
    detector.append(text)
    try:
        return {p.lang: p.prob for p in detector.get_probabilities()}
    except Exception:  # langdetect raises its own error on text without features
        return {"sl": 1.0}


def _detector_factory() -> Any:
    """A langdetect factory that knows only the candidate languages, seeded for stable answers."""
    global _factory
    if _factory is None:
        with _factory_lock:
            if _factory is None:
                import langdetect
                from langdetect.detector_factory import DetectorFactory

                folder = os.path.join(os.path.dirname(langdetect.__file__), "profiles")
                profiles = []
                for code in LATIN_CANDIDATES:
                    with open(os.path.join(folder, code), encoding="utf-8") as handle:
                        profiles.append(handle.read())
                factory = DetectorFactory()
                factory.load_json_profile(profiles)
                factory.set_seed(0)
                _factory = factory
    return _factory
