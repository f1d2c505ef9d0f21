"""Which language a reply is in: the script decides first, langdetect only among Latin ones.

Han → zh and Cyrillic → ru are certain from the script alone (after ruling out Japanese kana
and the letters only Ukrainian, Belarusian, Serbian or Macedonian use), and cost nothing.
Latin-script text is Slovenian at once when its function words and letters decide it (see
`latin_words`: «in», «v», «bomo», «lahko» and none of «i», «u», «su», «the» ..., no letter
with a diacritic besides č, š, ž); only the rest goes to langdetect (1-3 ms a call), seeded
(it samples at random otherwise) and restricted to Slovenian and the languages it is
confused with, so a Croatian or English reply is named as such and refused instead of being
checked as Slovenian.
"""

from __future__ import annotations

import os
import re
import threading
from collections import Counter
from itertools import pairwise
from typing import Any

from replyguard.errors import UnsupportedLanguage
from replyguard.lang.latin_words import OTHER_LATIN, SLOVENIAN_LETTERS, SLOVENIAN_ONLY
from replyguard.lang.registry import SUPPORTED

MIN_LATIN_LETTERS = 12
CYRILLIC_SHARE = 0.25
HAN_SHARE = 0.1
LATIN_CANDIDATES = ("sl", "hr", "sk", "cs", "pl", "en", "de", "it", "hu")
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
_CROATIAN_LETTERS = frozenset("ćđ")
_WORD = re.compile(r"[^\W\d_]+")
_PLAIN_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz") | SLOVENIAN_LETTERS

_factory: Any = None
_factory_lock = threading.Lock()


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


def slovenian_by_words(text: str) -> bool:
    """True when the words and letters alone make `text` Slovenian (no langdetect needed)."""
    lowered = text.lower()
    words = _WORD.findall(lowered)
    letters = {c for word in words for c in word}
    if not letters <= _PLAIN_LATIN:
        return False  # ć, đ, á, ě, ł, ü ... or another script: let langdetect weigh it
    pairs = {f"{a} {b}" for a, b in pairwise(words)}
    vocabulary = set(words) | pairs
    if vocabulary & OTHER_LATIN:
        return False
    own = len(vocabulary & SLOVENIAN_ONLY)
    return own >= 3 or (own >= 2 and bool(letters & SLOVENIAN_LETTERS))


def _latin_language(text: str) -> str:
    if slovenian_by_words(text):
        return "sl"
    probabilities = _probabilities(text)
    best, best_p = max(probabilities.items(), key=lambda kv: kv[1])
    if best == "sl":
        return "sl"
    # Slovenian and Croatian share most short words; Croatian writes ć and đ, Slovenian never does.
    if best == "hr" and probabilities.get("sl", 0.0) >= 0.2 and not _CROATIAN_LETTERS & set(text.lower()):
        return "sl"
    raise UnsupportedLanguage(best, SUPPORTED, f"detected with p={best_p:.2f}")


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
