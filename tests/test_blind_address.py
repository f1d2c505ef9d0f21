"""Address drafts written blind by native readers (two rounds of 30 per language, with and
without a known name), kept after they were measured (issue 8): faulty drafts stay caught,
clean ones free of warnings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from replyguard import Guard

DATA = Path(__file__).parent / "data" / "blind"
CATEGORIES = frozenset({"personalization", "formality"})


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard()


def _drafts(lang: str) -> list[dict]:
    lines = (DATA / f"{lang}_address.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _caught(guard: Guard, lang: str, draft: dict) -> bool:
    text = draft["text"]
    findings = [
        f for f in guard.check(text, context=draft["context"], lang=lang).findings if f.category.value in CATEGORIES
    ]
    if not draft["faults"]:
        return bool(findings)  # a missing name has no span
    spans = [(text.index(f), text.index(f) + len(f)) for f in draft["faults"]]
    return any(
        (f.start < high and low < f.end) or (f.start == f.end and low <= f.start <= high)
        for f in findings
        for low, high in spans
    )


@pytest.mark.parametrize("lang", ["ru", "sl", "zh"])
def test_blind_faulty_address_drafts_are_caught(guard: Guard, lang: str) -> None:
    faulty = [d for d in _drafts(lang) if d["faulty"]]
    missed = [d["id"] for d in faulty if not _caught(guard, lang, d)]
    assert len(faulty) >= 30
    assert len(missed) <= len(faulty) * 0.2, missed


@pytest.mark.parametrize("lang", ["ru", "sl", "zh"])
def test_blind_clean_address_drafts_get_no_warning(guard: Guard, lang: str) -> None:
    flagged = []
    for draft in (d for d in _drafts(lang) if not d["faulty"]):
        findings = guard.check(draft["text"], context=draft["context"], lang=lang).findings
        loud = [f.rule for f in findings if f.category.value in CATEGORIES and f.severity.value != "info"]
        if loud:
            flagged.append((draft["id"], loud))
    assert len(flagged) <= 1, flagged
