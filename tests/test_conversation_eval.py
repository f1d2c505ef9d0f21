"""The conversation dev cases (tests/data/conversation, 50 per language in the SCHEMA format
of ../shared/eval, written from the guidelines by writers who had not read the rules): the
structure and tone findings they expect are found, and the good replies stay free of them.
Scored as ../shared/tools/evaluate.py scores: a finding of the category overlapping the
trigger, or anywhere for a reply-level (null) trigger."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from replyguard import Guard, Report

DATA = Path(__file__).parent / "data" / "conversation"


@pytest.fixture(scope="module")
def guard() -> Guard:
    return Guard()


def _cases(lang: str, name: str = "{lang}.jsonl") -> list[dict[str, Any]]:
    lines = (DATA / name.format(lang=lang)).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _hit(report: Report, text: str, category: str, trigger: str | None) -> bool:
    found = [f for f in report.findings if f.category.value == category]
    if trigger is None:
        return bool(found)
    low = text.index(trigger)
    high = low + len(trigger)
    return any((f.start < high and low < f.end) or (f.start == f.end and low <= f.start <= high) for f in found)


# the recall each language has reached (issue 11 is open: sl and zh vocabularies still grow)
RECALL = {"ru": 0.95, "sl": 0.9, "zh": 0.8}


@pytest.mark.parametrize("lang", ["ru", "sl", "zh"])
def test_expected_conversation_findings_are_found(guard: Guard, lang: str) -> None:
    expected = missed = 0
    misses = []
    for case in _cases(lang):
        report = guard.check(case["text"], case["context"], lang=lang)
        for want in case["expect"]:
            expected += 1
            if not _hit(report, case["text"], want["category"], want["trigger"]):
                missed += 1
                misses.append(case["id"])
    assert expected >= 25
    assert expected - missed >= expected * RECALL[lang], misses


@pytest.mark.parametrize("lang", ["ru", "sl", "zh"])
def test_good_replies_stay_clean(guard: Guard, lang: str) -> None:
    flagged = []
    for case in _cases(lang):
        if case["expect"]:
            continue
        report = guard.check(case["text"], case["context"], lang=lang)
        banned = set(case.get("clean_of", ["structure"]))
        if any(f.category.value in banned for f in report.findings):
            flagged.append(case["id"])
    assert len(flagged) <= 1, flagged


# Seven blind rounds (<lang>.blind1…7.jsonl: 30 complaint/reply pairs per language each, 15
# faulty and 15 good, written from the guidelines alone by writers who never saw the rules).
# Measured once before any change they prompted, faulty replies found and good ones flagged:
#   round 1  ru 11/15 0, sl 5/15 1, zh 9/15 4 (the zh pack was mid-edit)
#   round 2  ru 12/15 0, sl 8/15 1, zh 8/15 1
#   round 3  ru 7/15 0,  sl 9/15 0, zh 7/15 0 (its writers were asked for irony and dry reports)
#   round 4  ru 13/15 2, sl 10/15 0, zh 12/15 1
#   round 5  ru 10/15 2, sl 13/15 3, zh 14/15 0
#   round 6  ru 13/15 1, sl 13/15 0, zh 15/15 0
#   round 7  ru 13/15 0, sl 12/15 0, zh 14/15 0
# Scored on the complaint rules only: some good e-mails there have no closing, which the
# email rule rightly flags and the writers did not count as a fault.
BLIND_RECALL = {"ru": 0.85, "sl": 0.85, "zh": 0.9}
COMPLAINT_RULES = ("complaint_", "promotion_in_complaint")


def _complaint_rules(report: Report) -> set[str]:
    return {f.rule for f in report.findings if any(key in f.rule for key in COMPLAINT_RULES)}


@pytest.mark.parametrize("round_", [f"blind{n}" for n in range(1, 8)])
@pytest.mark.parametrize("lang", ["ru", "sl", "zh"])
def test_blind_complaint_replies(guard: Guard, lang: str, round_: str) -> None:
    faulty = found = 0
    flagged, missed = [], []
    for case in _cases(lang, "{lang}." + round_ + ".jsonl"):
        rules = _complaint_rules(guard.check(case["text"], case["context"], lang=lang))
        if case["expect"]:
            faulty += 1
            found += bool(rules)
            if not rules:
                missed.append(case["id"])
        elif rules:
            flagged.append(case["id"])
    assert faulty == 15
    assert found >= faulty * BLIND_RECALL[lang], missed
    assert len(flagged) <= 1, flagged
