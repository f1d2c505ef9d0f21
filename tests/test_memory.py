"""Memory stays bounded: a vocabulary that has grown is replaced, and results do not change."""

from __future__ import annotations

import pytest

from replyguard import Guard
from replyguard.lang import registry


def test_a_grown_vocabulary_is_renewed_without_changing_results(monkeypatch: pytest.MonkeyPatch) -> None:
    guard = Guard()
    texts = [f"Заказ Z{n}Q{n * 7} ждёт вас, ваша проблема решена, слово{n}." for n in range(300)]
    before = [guard.check(t, lang="ru") for t in texts[:5]]
    first = registry.get_adapter("ru")
    monkeypatch.setattr(registry, "STRINGS_LIMIT", first.vocabulary_size() + 50)
    after = [guard.check(t, lang="ru") for t in texts]
    assert registry.get_adapter("ru") is not first  # renewed on the way
    assert registry.get_adapter("ru").vocabulary_size() < first.vocabulary_size() + 2000
    assert after[:5] == before
    assert all(r.findings for r in after)
