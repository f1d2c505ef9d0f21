"""A reply in two languages: which stretches of it are in which language.

Operators paste a customer's words, a template in another language or a courier's English
status into a reply. A reply whose letters are all of one script is one segment in its
detected language (the common case costs one pass over the script counts). Otherwise it is
cut into sentences, each sentence's language is detected on its own, neighbours in the same
language are joined, and a sentence in a language without a pack is marked None: the Guard
checks each stretch with its own language's rules and reports the unchecked ones once.
Short Latin fragments (product names, codes) stay with the sentence around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from replyguard.errors import UnsupportedLanguage
from replyguard.lang.detect import MIN_LATIN_LETTERS, SCRIPT_LANGUAGES, detect, script_counts, scripts_present

_SENTENCE_END = re.compile(r"(?<=[.!?…。！？；;])\s*|\n")
CHUNK_CHARS = 50_000  # a longer stretch is analysed in pieces cut at sentence ends


@dataclass(frozen=True, slots=True)
class Segment:
    """text[start:end] is in `lang` (None: a language replyguard has no rules for)."""

    start: int
    end: int
    lang: str | None
    found: str | None = None  # the unsupported language, when it was recognised


def segments(text: str, main: str, breaks: frozenset[int] = frozenset()) -> list[Segment]:
    """Stretches of `text` by language; `main` is the language of the reply as a whole."""
    if not _mixed(text):
        return [Segment(0, len(text), main)]
    found: list[Segment] = []
    for start, end in _sentences(text, breaks):
        piece = text[start:end]
        lang, named = _language_of(piece, main)
        if found and found[-1].lang == lang and found[-1].found == named:
            found[-1] = Segment(found[-1].start, end, lang, named)
        else:
            found.append(Segment(start, end, lang, named))
    return found


def chunked(parts: list[Segment], text: str, limit: int = CHUNK_CHARS) -> list[Segment]:
    """Stretches no longer than `limit`, cut at a sentence end (else at a space, else
    anywhere): a 5 MB paste is analysed piece by piece, so the objects alive at one time,
    and the garbage collector's work, stay bounded and the cost stays linear."""
    out: list[Segment] = []
    for part in parts:
        start = part.start
        while part.end - start > limit:
            window = text[start : start + limit]
            ends = [m.end() for m in _SENTENCE_END.finditer(window) if m.end() > limit // 2]
            cut = ends[-1] if ends else (window.rfind(" ", limit // 2) + 1 or limit)
            out.append(Segment(start, start + cut, part.lang, part.found))
            start += cut
        out.append(Segment(start, part.end, part.lang, part.found))
    return out


def _mixed(text: str) -> bool:
    """Whether two writing systems each hold enough letters to carry a sentence."""
    if scripts_present(text) < 2:
        return False
    counts = script_counts(text)
    scripts = [s for s in ("cyrillic", "han", "latin", "kana", "hangul") if counts[s] >= MIN_LATIN_LETTERS]
    return len(scripts) >= 2


def _sentences(text: str, breaks: frozenset[int]) -> list[tuple[int, int]]:
    cuts = {m.end() for m in _SENTENCE_END.finditer(text)} | {b + 1 for b in breaks}
    bounds = sorted(c for c in cuts if 0 < c < len(text))
    starts = [0, *bounds]
    ends = [*bounds, len(text)]
    return [(s, e) for s, e in zip(starts, ends, strict=True) if text[s:e].strip()]


def _language_of(sentence: str, main: str) -> tuple[str | None, str | None]:
    """A sentence's language: its own script decides for ru and zh; Latin letters go to
    detection; too few letters to tell: the reply's main language."""
    counts = script_counts(sentence)
    if not counts:
        return main, None
    script = counts.most_common(1)[0][0]
    if script in SCRIPT_LANGUAGES:
        return SCRIPT_LANGUAGES[script], None
    if script == "latin" and counts["latin"] < MIN_LATIN_LETTERS:
        return main, None
    try:
        return detect(sentence, main), None
    except UnsupportedLanguage as exc:
        return None, exc.lang
