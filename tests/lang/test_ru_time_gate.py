"""The Russian time scanner tries a parser only where a word of a kind it needs stands
within reach (`_NEEDS` in ru/time.py). That gate may only save time: with it switched off,
every time expression of a varied body of text must come out the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from replyguard.lang.registry import get_adapter
from replyguard.lang.ru import time as ru_time

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    corpus = (ROOT / "benchmarks" / "corpus" / "ru.txt").read_text(encoding="utf-8").splitlines()
    blind = (ROOT / "tests" / "data" / "blind" / "ru_promises.jsonl").read_text(encoding="utf-8").splitlines()
    long_lead_ins = [
        "Вернём деньги не позднее чем через от двадцати четырёх до тридцати шести рабочих часов.",
        "Ответим в течение ближайших двух-трёх рабочих дней, но не позднее 15 декабря 2026 года.",
        "Перезвоним в следующий вторник с девяти утра до половины первого дня.",
        "Мастер приедет послезавтра, 17 декабря, примерно с 9:00 до 13:00 по московскому времени.",
    ]
    examples = []
    for pack in sorted((ROOT / "rules" / "ru").glob("*.yaml")):
        for rule in yaml.safe_load(pack.read_text(encoding="utf-8")).get("rules", []):
            examples += [bad["text"] for bad in rule["examples"]["bad"]] + [
                good if isinstance(good, str) else good["text"] for good in rule["examples"]["good"]
            ]
    corpus_lines = [line for line in corpus if line.strip()]
    return corpus_lines + [json.loads(line)["text"] for line in blind] + examples + long_lead_ins


def _found(texts: list[str]) -> list[list[tuple[int, int, object]]]:
    adapter = get_adapter("ru")
    return [[(s.start, s.end, s.when) for s in ru_time.find_times(adapter.analyse(text))] for text in texts]


def test_the_gate_changes_no_time_expression(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    assert len(texts) > 1000
    gated = _found(texts)
    monkeypatch.setattr(ru_time._Scanner, "_near", lambda self, at: (1 << 256) - 1)  # every kind everywhere
    assert _found(texts) == gated
