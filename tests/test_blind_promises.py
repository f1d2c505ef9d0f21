"""Promise drafts written blind by native readers (two rounds of 30 per language: 18 faulty,
12 good near misses each), kept after they were measured (issue 9). Faulty drafts stay
caught at the marked words, good ones free of broken_promise findings, and the deadlines
the writers computed by hand stay right."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from replyguard import Guard, Report

DATA = Path(__file__).parent / "data" / "blind"


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard()


def _drafts(lang: str) -> list[dict]:
    lines = (DATA / f"{lang}_promises.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _report(guard: Guard, draft: dict) -> Report:
    return guard.check(draft["text"], context=draft.get("context"), lang=draft["lang"])


def _caught(report: Report, draft: dict) -> bool:
    findings = [f for f in report.findings if f.category.value == "broken_promise"]
    trigger = draft.get("trigger")
    if not trigger:
        return bool(findings)  # an overdue promise has no span in the draft
    low = draft["text"].index(trigger)
    high = low + len(trigger)
    return any((f.start < high and low < f.end) or (f.start == f.end and low <= f.start <= high) for f in findings)


@pytest.mark.parametrize("lang", ["ru", "sl", "zh"])
def test_faulty_promises_are_caught(guard: Guard, lang: str) -> None:
    faulty = [d for d in _drafts(lang) if d["faulty"]]
    missed = [d["id"] for d in faulty if not _caught(_report(guard, d), d)]
    assert len(faulty) == 36
    assert len(missed) <= len(faulty) // 10, missed


@pytest.mark.parametrize("lang", ["ru", "sl", "zh"])
def test_good_promises_stay_quiet(guard: Guard, lang: str) -> None:
    good = [d for d in _drafts(lang) if not d["faulty"]]
    flagged = [d["id"] for d in good if any(f.category.value == "broken_promise" for f in _report(guard, d).findings)]
    assert len(good) == 24
    assert len(flagged) <= 1, flagged


@pytest.mark.parametrize("lang", ["ru", "sl", "zh"])
def test_hand_computed_deadlines(guard: Guard, lang: str) -> None:
    expected = wrong = 0
    misses = []
    for draft in _drafts(lang):
        report = _report(guard, draft)
        for promise in draft.get("commitments", []):
            if not promise.get("deadline"):
                continue
            expected += 1
            low = draft["text"].index(promise["span"])
            high = low + len(promise["span"])
            near = [c for c in report.commitments if c.start < high and low < c.end]
            want = dt.datetime.fromisoformat(promise["deadline"])
            if not near or near[0].deadline is None or abs((near[0].deadline - want).total_seconds()) > 1:
                wrong += 1
                misses.append((draft["id"], promise["span"]))
    assert expected >= 30
    assert wrong <= expected // 10, misses
