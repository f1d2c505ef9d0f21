"""The bundled packs agree with themselves: one phrase never gets two different rewrites, and
a rule's own rewrite is not flagged again by another rule (no advice in circles)."""

from __future__ import annotations

import pytest

from replyguard import Guard

PHRASING = frozenset({"bad_word", "negative_phrasing"})


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard()


def test_overlapping_findings_never_offer_different_rewrites(guard: Guard) -> None:
    clashes = []
    for loaded in guard.rules:
        texts = [e.text for e in loaded.rule.examples.bad] + loaded.rule.examples.good_texts
        for text in texts:
            with_edits = [f for f in guard.check(text, lang=loaded.lang).findings if f.suggestions]
            for n, one in enumerate(with_edits):
                for other in with_edits[n + 1 :]:
                    if one.rule != other.rule and one.start < other.end and other.start < one.end:
                        clashes.append((text, one.rule, other.rule))
    assert not clashes


def test_a_rewrite_is_not_flagged_again(guard: Guard) -> None:
    circles = []
    for loaded in guard.rules:
        for example in loaded.rule.examples.bad:
            report = guard.check(example.text, lang=loaded.lang)
            for finding in report.findings:
                if finding.rule != loaded.rule.id or not finding.suggestions:
                    continue
                edit = finding.suggestions[0]
                rewritten = example.text[: edit.start] + edit.replacement + example.text[edit.end :]
                low, high = edit.start, edit.start + len(edit.replacement)
                for again in guard.check(rewritten, lang=loaded.lang).findings:
                    # The replacement itself flagged (a longer phrase around it is another matter).
                    if again.category.value in PHRASING and low <= again.start and again.end <= high:
                        circles.append((loaded.rule.id, edit.replacement, again.rule))
    assert not circles
