"""The pattern prefilter changes how long a check takes, never what it finds.

Every rule example, every benchmark sentence and (when ../shared is beside the repository)
every dev draft is checked with the prefilter and without it; the findings must be equal.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from replyguard import Guard
from replyguard.engine import CompiledPack, findings_from
from replyguard.kinds.anchors import LEMMA, LOWER, LOWER_HAS, TEXT_HAS, TEXT_RE, UNBOUNDED, regex_needs, shape_of
from replyguard.lang.registry import get_adapter
from replyguard.models import Context

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev"
_GUARD = Guard()


def _texts(lang: str) -> list[str]:
    texts = []
    for loaded in _GUARD.rules:
        if loaded.lang == lang:
            texts += [b.text for b in loaded.rule.examples.bad] + loaded.rule.examples.good_texts
    corpus = (ROOT / "benchmarks" / "corpus" / f"{lang}.txt").read_text(encoding="utf-8")
    lines = corpus.replace("{name}", "Ana").replace("{n}", "12345").replace("{k}", "3").replace("{day}", "jutri")
    texts += lines.splitlines()
    texts.append(" ".join(lines.splitlines()))  # one long text: windows far apart, merged ones
    dev = DEV / f"{lang}.jsonl"
    if dev.exists():
        texts += [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


@pytest.mark.parametrize("lang", ["ru", "sl", "zh"])
def test_prefilter_finds_exactly_what_the_full_run_finds(lang: str) -> None:
    rules = [r.rule for r in _GUARD.rules if r.lang == lang]
    adapter = get_adapter(lang)
    _GUARD.compiled(lang)  # the segmenter learns every pack term first, as in real use
    fast, full = CompiledPack(rules, adapter), CompiledPack(rules, adapter, prefilter=False)
    texts = _texts(lang)
    assert len(texts) > 100
    for text in texts:
        analysis = adapter.analyse(text)
        got = findings_from(fast.find(analysis, Context()), analysis, "en")
        want = findings_from(full.find(analysis, Context()), analysis, "en")
        assert got == want, text


def test_prefilter_keeps_matches_at_the_text_edges_and_across_merged_windows(tmp_path: Path) -> None:
    """Hits at the first and last token, a greedy match spanning two hits, `!` at the end."""
    pack = tmp_path / "edges.yaml"
    pack.write_text(
        """\
language: ru
about: prefilter edge cases
rules:
  - id: ru.tone.edges
    kind: pattern
    category: tone
    patterns:
      - [{LOWER: очень}, {LOWER: очень, OP: "*"}, {LOWER: плохо}]
      - [{LOWER: да}, {LOWER: нет, OP: "!"}]
      - [{IS_SENT_START: true}, {LOWER: увы}]
      - [{LOWER: ни}, {IS_PUNCT: false, OP: "?"}, {LOWER: {IN: [ещё, уже, совсем]}, OP: "*"}, {LOWER: слова}]
    context_before: 0
    message: {ru: "Тест.", en: "Test."}
    examples:
      bad: [{text: "очень очень очень плохо", span: "очень очень очень плохо"}]
      good: ["хорошо"]
""",
        encoding="utf-8",
    )
    guard = Guard(extra_rules=[pack], bundled=False)
    adapter = get_adapter("ru")
    rules = [r.rule for r in guard.rules]
    fast, full = CompiledPack(rules, adapter), CompiledPack(rules, adapter, prefilter=False)
    for text in [
        "очень очень очень плохо",
        "да",
        "да нет",
        "Ну да. Увы, очень плохо",
        "плохо очень " * 30 + "очень плохо да",
        "увы",
        "ни одного ещё уже совсем ещё слова, ни ещё слова, ни одного два слова",
        "слова ни " * 20 + "ни совсем совсем совсем ещё ещё уже слова",
    ]:
        analysis = adapter.analyse(text)
        got = [(m.start, m.end) for m in fast.find(analysis, Context())]
        want = [(m.start, m.end) for m in full.find(analysis, Context())]
        assert sorted(got) == sorted(want), text
        assert got or "очень" not in text


def test_anchors_of_a_pattern() -> None:
    shape = shape_of([{"LOWER": "не"}, {"_": {"lemmas": {"INTERSECTS": ["мочь", "смочь"]}}}])
    assert [a.keys for a in shape.anchors] == [
        frozenset({(LOWER, "не")}),
        frozenset({(LEMMA, "мочь"), (LEMMA, "смочь")}),
    ]
    assert shape.max_length == 2
    optional = shape_of([{"ORTH": "Не", "OP": "?"}, {"LEMMA": {"IN": ["знать"]}}, {"IS_PUNCT": True, "OP": "!"}])
    assert [a.keys for a in optional.anchors] == [frozenset({(LEMMA, "знать")})]
    assert (optional.max_length, optional.lead, optional.tail) == (3, 1, 1)
    open_ended = shape_of([{"LOWER": "мы"}, {"IS_PUNCT": False, "OP": "*"}, {"LOWER": "вина"}])
    assert open_ended.max_length == UNBOUNDED and (open_ended.lead, open_ended.tail) == (0, 0)
    assert not shape_of([{"POS": "VERB"}, {"LOWER": "x", "OP": "?"}]).anchored


def test_regex_anchors_need_their_literals() -> None:
    assert regex_needs("^(随|隨)(你|您)便$") == [frozenset("随隨"), frozenset("你您"), frozenset({"便"})]
    assert regex_needs("^не(до|пере)") == [frozenset({"не"}), frozenset({"до", "пере"})]
    assert regex_needs("^x?y*$") == []
    assert regex_needs("(?i)abc") == []
    lower = shape_of([{"LOWER": {"REGEX": "^neuspe"}}])
    assert lower.anchors[0].keys == frozenset({(LOWER_HAS, "neuspe")})
    text = shape_of([{"TEXT": {"REGEX": "^催"}}])
    assert text.anchors[0].keys == frozenset({(TEXT_HAS, "催")})
    capitals = shape_of([{"TEXT": {"REGEX": "^[А-ЯЁ]{2,}$"}}])
    assert capitals.anchors[0].keys == frozenset({(TEXT_RE, "^[А-ЯЁ]{2,}$")})
