"""Where the reply's lines and paragraphs end, after normalization made them spaces.

Normalization writes a line break as a space (see `normalize.Normalized.breaks`), which is
right for reading words but loses the letter's layout that the email checks read: the
greeting line, the closing lines, the number of paragraphs. The guard keeps it here, in the
analysed text's offsets; an analysis of raw text (a rule's examples) reads its own newlines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from replyguard.lang.base import Analysis
from replyguard.normalize import Normalized

LAYOUT = "layout"  # the analysis memo key


@dataclass(frozen=True, slots=True)
class Layout:
    """Offsets (in the analysed text) of the characters that stand for a line break, and of
    those that stand for a blank line between paragraphs."""

    line_breaks: frozenset[int]
    paragraph_breaks: frozenset[int]


def layout_of(normalized: Normalized, breaks: frozenset[int], offset: int = 0) -> Layout:
    """The layout of a stretch of `normalized` starting at `offset` (its `breaks` already
    in the stretch's offsets)."""
    original = normalized.original
    blank = frozenset(b for b in breaks if _BLANK.search(original[slice(*normalized.span(b + offset, b + offset + 1))]))
    return Layout(breaks, blank)


def lines(analysis: Analysis) -> list[tuple[int, int]]:
    """The reply's non-blank lines, trimmed."""
    return _pieces(analysis, "line_breaks", _LINE)


def paragraphs(analysis: Analysis) -> list[tuple[int, int]]:
    """Blocks between blank lines; a reply without blank lines has a paragraph per line."""
    blocks = _pieces(analysis, "paragraph_breaks", _PARAGRAPH)
    return blocks if len(blocks) > 1 else lines(analysis)


def closing_block(analysis: Analysis) -> int:
    """Where a letter's closing block starts: the run of short last lines after the body
    («С уважением,» / «Павел Ермаков» / «служба поддержки»; «此致» / «敬礼！» / a name),
    short and not ending as a sentence does. The text's length when the last line is a
    sentence of the body or there is one line only."""
    text = analysis.text
    spans = lines(analysis)
    at = len(spans)
    while at > 1:
        line = text[slice(*spans[at - 1])]
        if len(line.split()) > 6 or len(line) > 40 or line[-1] in ".。?？…":
            break  # a sentence of the body: a signature line ends in a comma, a «！» or nothing
        at -= 1
    if at == len(spans) or at == 0:
        return len(text)
    return spans[at][0]


def _pieces(analysis: Analysis, kind: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    text = analysis.text
    layout = analysis.memo.get(LAYOUT)
    if layout is None or (not layout.line_breaks and "\n" in text):
        return [(m.start(), m.end()) for m in pattern.finditer(text)]
    cuts = sorted(getattr(layout, kind))
    pieces = []
    low = 0
    for cut in [*cuts, len(text)]:
        start, end = low, cut
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            pieces.append((start, end))
        low = cut + 1 if cut < len(text) and text[cut].isspace() else cut
    return pieces


_BLANK = re.compile(r"\n[ \t\r]*\n")
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*")
