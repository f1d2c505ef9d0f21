"""Applying edits: byte-identical outside the edited spans, overlaps resolved by position."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from replyguard.edits import apply_edits, match_case


@dataclass
class _Edit:
    start: int
    end: int
    replacement: str


def test_edits_outside_spans_stay_byte_identical() -> None:
    text = "a\r\n  b\u00a0c 🙂 d"
    assert apply_edits(text, [_Edit(0, 1, "A")]) == "A\r\n  b\u00a0c 🙂 d"
    assert apply_edits(text, []) is text


def test_edits_overlapping_the_earlier_one_is_skipped() -> None:
    text = "0123456789"
    edits = [_Edit(2, 5, "x"), _Edit(4, 7, "y"), _Edit(8, 8, "+")]
    assert apply_edits(text, edits) == "01x567+89"


def test_edits_insertions_at_one_point_keep_their_order() -> None:
    assert apply_edits("ab", [_Edit(1, 1, "1"), _Edit(1, 1, "2")]) == "a12b"


@pytest.mark.parametrize(
    ("original", "replacement", "expected"),
    [
        ("проблема", "вопрос", "вопрос"),
        ("Проблема", "вопрос", "Вопрос"),
        ("ПРОБЛЕМА", "вопрос", "ВОПРОС"),
        ("Težava", "vprašanje", "Vprašanje"),
        ("问题", "情况", "情况"),
        ("Я", "мы", "Мы"),
        ("OK", "v redu", "V redu"),
    ],
)
def test_edits_match_case(original: str, replacement: str, expected: str) -> None:
    assert match_case(original, replacement) == expected
