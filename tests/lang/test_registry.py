"""The adapter registry: unknown codes are refused, a missing package names its pip extra."""

from __future__ import annotations

import sys

import pytest

from replyguard.errors import MissingDependency, UnsupportedLanguage
from replyguard.lang.registry import SUPPORTED, get_adapter


def test_registry_unknown_code_is_unsupported() -> None:
    with pytest.raises(UnsupportedLanguage) as caught:
        get_adapter("uk")
    assert caught.value.supported == SUPPORTED


def test_registry_adapters_are_shared() -> None:
    assert get_adapter("ru") is get_adapter("ru")


@pytest.mark.parametrize(
    ("module", "adapter_path", "package", "extra"),
    [
        ("rjieba", "replyguard.lang.zh.adapter:ChineseAdapter", "rjieba", "replyguard[zh]"),
        ("lemmagen3", "replyguard.lang.sl.adapter:SlovenianAdapter", "lemmagen3", "replyguard[sl]"),
        ("pymorphy3", "replyguard.lang.ru.adapter:RussianAdapter", "pymorphy3", "replyguard[ru]"),
    ],
)
def test_registry_missing_package_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, module: str, adapter_path: str, package: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # makes `import module` raise ImportError
    module_name, class_name = adapter_path.split(":")
    adapter_class = getattr(__import__(module_name, fromlist=[class_name]), class_name)
    with pytest.raises(MissingDependency) as caught:
        adapter_class()
    assert package in str(caught.value) and extra in str(caught.value)
