"""The text as the rules see it, with a map back to the caller's offsets.

What operators paste differs from what rule authors write in ways that must not hide a
finding: whitespace of any kind and length counts as one space (a line break also ends a
sentence); invisible and formatting characters (zero-width, soft hyphen, bidi controls, BOM,
NUL and other controls) and stress marks on Cyrillic letters are ignored; Unicode is compared
in NFC; a run of more than eight identical marks («!!!!!!!!!!!!») counts as eight, so no
pattern can be made slow by one; HTML is checked on its visible text, entities decoded. Every
character of the normalized text remembers the span of the original it came from, so findings
and edits point into the caller's string, as a compiler's source map does.

A language may also say which characters join across whitespace (Chinese writes no spaces
between words, so «这不是我们的 问题» is matched as «这不是我们的问题»).
"""

from __future__ import annotations

import html as html_entities
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

Joins = Callable[[str, str], bool]

RUN_KEPT = 8  # identical marks kept of a longer run; the last one stands for the rest
_IGNORED = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\x00-\x08\x0e-\x1f\x7f-\x9f"
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _special(single_space_matters: bool) -> re.Pattern[str]:
    """What the fold step rewrites; with a language that joins across whitespace, a single
    plain space matters too."""
    lone = r"\s" if single_space_matters else r"[^\S ]"
    return re.compile(
        rf"(?P<ws>(?:\s|[{_IGNORED}]){{2,}}|{lone})"  # a run with whitespace other than one plain space
        rf"|(?P<ign>[{_IGNORED}])"
        r"|(?P<stress>(?<=[\u0400-\u04ff])[\u0300\u0301])"
        rf"|(?P<run>(?P<mark>[^\w\s]|_)(?P=mark){{{RUN_KEPT},}})"
    )


_SPECIAL = _special(single_space_matters=False)
_SPECIAL_JOINING = _special(single_space_matters=True)
_COMBINING = re.compile(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+", re.DOTALL)
_HTML_HINT = re.compile(
    r"<(?:p|br|div|span|b|i|u|s|em|strong|a|ul|ol|li|table|tr|td|th|h[1-6]|blockquote|font|img|hr|pre|code|html|body"
    r"|head|style|script|sup|sub|small|big|center|section|article|header|footer|label|button)\b[^<>]*>"
    r"|</[a-zA-Z][a-zA-Z0-9]*\s*>|&(?:[a-zA-Z]{2,8}|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});"
)
_MARKUP = re.compile(
    r"(?P<comment><!--.*?(?:-->|$))"
    r"|(?P<tag></?(?P<name>[a-zA-Z][a-zA-Z0-9]*)\b(?:[^<>\"']|\"[^\"]*\"|'[^']*')*/?>)"
    r"|(?P<entity>&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});)",
    re.DOTALL,
)
_BLOCK_TAGS = frozenset(
    [
        "p",
        "br",
        "div",
        "li",
        "ul",
        "ol",
        "tr",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "hr",
        "pre",
        "section",
        "article",
        "header",
        "footer",
        "title",
    ]
)
_CELL_TAGS = frozenset({"td", "th"})
_HIDDEN_TAGS = frozenset({"script", "style", "head", "template"})


@dataclass(frozen=True, slots=True)
class Normalized:
    """The normalized text and where each of its characters came from in the original.

    `starts[i]` and `ends[i]` are the original span of character i (None: the text is its
    own normalized form); `breaks` holds the offsets of spaces that stand for a line break
    (or, where a language joins across the break, of the character after it).
    """

    text: str
    original: str
    starts: list[int] | None = None
    ends: list[int] | None = None
    breaks: frozenset[int] = frozenset()

    @property
    def identity(self) -> bool:
        return self.starts is None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalized text[start:end] (a zero-width span stays one)."""
        if self.starts is None or self.ends is None:
            return start, end
        if start >= len(self.text):
            point = len(self.original) if not self.ends else self.ends[-1]
            return point, point
        origin = self.starts[start]
        if end <= start:
            return origin, origin
        return origin, self.ends[end - 1]

    def exact(self, start: int, end: int) -> bool:
        """Whether the original span reads exactly as the normalized one (nothing folded)."""
        if self.starts is None:
            return True
        low, high = self.span(start, end)
        return self.original[low:high] == self.text[start:end]


class _Builder:
    """The output text with, for each character, the span of the source it came from."""

    __slots__ = ("breaks", "ends", "out", "source", "starts")

    def __init__(self, source: str) -> None:
        self.source = source
        self.out: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.breaks: set[int] = set()

    def keep(self, low: int, high: int) -> None:
        """Copy source[low:high] as it is."""
        if low < high:
            self.out.append(self.source[low:high])
            self.starts.extend(range(low, high))
            self.ends.extend(range(low + 1, high + 1))

    def put(self, chars: str, low: int, high: int, line_break: bool = False) -> None:
        """Write `chars` standing for source[low:high]."""
        if line_break:
            self.breaks.add(len(self.starts))
        for char in chars:
            self.out.append(char)
            self.starts.append(low)
            self.ends.append(high)

    def last_char(self) -> str:
        return self.out[-1][-1] if self.out and self.out[-1] else ""

    def result(self, original: str) -> Normalized:
        return Normalized("".join(self.out), original, self.starts, self.ends, frozenset(self.breaks))


def looks_like_html(text: str) -> bool:
    """Markup an email editor or a web form leaves: known tags or character entities."""
    return ("<" in text or "&" in text) and _HTML_HINT.search(text) is not None


def normalize(text: str, *, html: bool | None = None, joins: Joins | None = None) -> Normalized:
    """Normalize `text` for matching; `html` None means: decide by `looks_like_html`."""
    if html is None:
        html = looks_like_html(text)
    if not html:
        return _fold(text, joins)
    visible, starts, ends = _visible_text(text)
    folded = _fold(visible, joins)
    if folded.starts is None or folded.ends is None:
        return Normalized(visible, text, starts, ends)
    return Normalized(
        folded.text,
        text,
        [starts[i] for i in folded.starts],
        [ends[i - 1] for i in folded.ends],
        folded.breaks,
    )


def _fold(text: str, joins: Joins | None) -> Normalized:
    """Whitespace, invisible characters, stress marks, runs of marks and NFC, with offsets."""
    special = _SPECIAL if joins is None else _SPECIAL_JOINING
    nfc = unicodedata.is_normalized("NFC", text)
    if nfc and special.search(text) is None:
        return Normalized(text, text)
    built = _Builder(text)
    position = 0
    for found in special.finditer(text):
        low, high = found.span()
        built.keep(position, low)
        position = high
        if found.group("ws") is not None:
            piece = found.group()
            if not any(c.isspace() for c in piece):
                continue  # only invisible characters
            line_break = any(c in _LINE_BREAKS for c in piece)
            before, after = built.last_char(), text[high : high + 1]
            if joins is not None and before and after and joins(before, after):
                if line_break:  # a wrapped line: the sentence may still end here
                    built.breaks.add(len(built.starts))
                continue  # no word break between these characters in this language
            built.put(" ", low, high, line_break)
        elif found.group("run") is not None:
            built.keep(low, low + RUN_KEPT - 1)
            built.put(found.group("mark"), low + RUN_KEPT - 1, high)
        # "ign" and "stress" are dropped
    built.keep(position, len(text))
    folded = built.result(text)
    return folded if nfc else _compose(folded)


def _compose(partial: Normalized) -> Normalized:
    """NFC per combining sequence, each composed character mapped to its sequence's span."""
    assert partial.starts is not None and partial.ends is not None
    text, old_starts, old_ends = partial.text, partial.starts, partial.ends
    if unicodedata.is_normalized("NFC", text):
        return partial
    built = _Builder(text)
    position = 0

    def keep(low: int, high: int) -> None:
        for at in range(low, high):
            built.put(text[at], old_starts[at], old_ends[at], at in partial.breaks)

    for found in _COMBINING.finditer(text):
        low, high = found.span()
        keep(position, low)
        position = high
        built.put(unicodedata.normalize("NFC", found.group()), old_starts[low], old_ends[high - 1])
    keep(position, len(text))
    return built.result(partial.original)


def _visible_text(text: str) -> tuple[str, list[int], list[int]]:
    """The text a reader of the HTML sees: tags and comments out, entities decoded, a line
    break for each block tag, a space for a table cell; with each character's origin."""
    built = _Builder(text)
    position = 0
    hidden_until = -1
    for found in _MARKUP.finditer(text):
        low, high = found.span()
        if low < hidden_until:
            continue
        built.keep(position, low)
        position = high
        if found.lastgroup == "entity":
            built.put(html_entities.unescape(found.group()), low, high)
        elif found.group("tag"):
            name = found.group("name").lower()
            closing = found.group().startswith("</")
            if name in _HIDDEN_TAGS and not closing:
                end_tag = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(text, high)
                hidden_until = end_tag.end() if end_tag else len(text)
                position = hidden_until
            elif name in _BLOCK_TAGS:
                built.put("\n", low, high)
            elif name in _CELL_TAGS:
                built.put(" ", low, high)
    built.keep(position, len(text))
    return "".join(built.out), built.starts, built.ends
