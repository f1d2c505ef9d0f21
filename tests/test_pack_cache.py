"""The per-user cache of validated packs: a hit equals a fresh load, any change is a miss,
and a folder other users could write to is never read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from replyguard import Context, Guard, pack_cache, packs
from replyguard.packs import bundled_rules_dir, load_packs

PACK = """\
language: ru
about: cache test
rules:
  - id: ru.bad_word.cache_test
    kind: lexicon
    category: bad_word
    phrases: [{word}]
    message: {{ru: "Тест.", en: "Test."}}
    examples:
      bad: [{{text: "{word}", span: "{word}"}}]
      good: ["Вопрос решён."]
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("REPLYGUARD_CACHE_DIR", str(folder))
    return folder


def _no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(files: list[Path]) -> None:
        raise AssertionError("validated again instead of reading the cache")

    monkeypatch.setattr(packs, "_load_files", fail)


def test_pack_cache_a_hit_equals_a_fresh_load(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = load_packs([bundled_rules_dir()])
    assert list(cache.glob("packs-*.pickle"))
    assert cache.stat().st_mode & 0o777 == 0o700
    _no_validation(monkeypatch)
    cached = load_packs([bundled_rules_dir()])
    assert cached == fresh
    assert Guard().check("Ваша проблема — не наша вина.", lang="ru").findings


def test_pack_cache_an_edited_pack_is_a_miss(cache: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK.format(word="заказ"), encoding="utf-8")
    assert load_packs([pack])[0].rule.phrases == ["заказ"]
    pack.write_text(PACK.format(word="ответ"), encoding="utf-8")
    assert load_packs([pack])[0].rule.phrases == ["ответ"]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="ownership checks need POSIX uids")
def test_pack_cache_is_not_read_from_a_folder_others_can_write(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_packs([bundled_rules_dir()])
    cache.chmod(0o777)
    calls: list[int] = []
    real = packs._load_files
    monkeypatch.setattr(packs, "_load_files", lambda files: calls.append(1) or real(files))
    load_packs([bundled_rules_dir()])
    assert calls == [1]


def test_pack_cache_switched_off_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLYGUARD_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert pack_cache.cache_dir() is None
    load_packs([bundled_rules_dir()])
    assert not list(tmp_path.rglob("*.pickle"))


def test_pack_cache_a_corrupt_entry_is_a_miss(cache: Path) -> None:
    fresh = load_packs([bundled_rules_dir()])
    for entry in cache.glob("packs-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert load_packs([bundled_rules_dir()]) == fresh


def test_pack_cache_remembers_phrase_lemmas(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second compile takes the phrases' lemmas from the cache and finds the same."""
    from replyguard.engine import CompiledPack
    from replyguard.lang.registry import get_adapter

    adapter = get_adapter("ru")
    rules = [r.rule for r in Guard().rules if r.lang == "ru" and r.rule.kind == "lexicon"]
    text = "С вашей проблемой разберёмся, денежные средства вернём."
    want = CompiledPack(rules, adapter, cache=True).find(adapter.analyse(text), Context())
    assert list(cache.glob("phrases-*.pickle"))
    monkeypatch.setattr(adapter, "_phrase_cache", {})
    monkeypatch.setattr(adapter, "_form_cache", {})
    real_words = adapter.words
    phrases = {p for rule in rules for p in rule.phrases}
    monkeypatch.setattr(
        adapter,
        "words",
        lambda text: pytest.fail(f"lemmatized {text!r} again") if text in phrases else real_words(text),
    )
    got = CompiledPack(rules, adapter, cache=True).find(adapter.analyse(text), Context())
    assert [(m.rule.id, m.start, m.end) for m in got] == [(m.rule.id, m.start, m.end) for m in want]
