"""Which languages exist and where their adapters live; each loads on first use only.

Adding a language is one line here, a folder beside this file and `rules/<code>/`.
"""

from __future__ import annotations

import importlib
import threading

from replyguard.lang.base import LanguageAdapter

ADAPTER_MODULES: dict[str, str] = {
    "ru": "replyguard.lang.ru",
    "sl": "replyguard.lang.sl",
    "zh": "replyguard.lang.zh",
}
SUPPORTED: tuple[str, ...] = tuple(ADAPTER_MODULES)

_adapters: dict[str, LanguageAdapter] = {}
_lock = threading.Lock()


def get_adapter(code: str) -> LanguageAdapter:
    """The process-wide adapter for `code`, created (and its models loaded) on first call."""
    adapter = _adapters.get(code)
    if adapter is not None:
        return adapter
    if code not in ADAPTER_MODULES:
        from replyguard.errors import UnsupportedLanguage

        raise UnsupportedLanguage(code, SUPPORTED)
    with _lock:
        adapter = _adapters.get(code)
        if adapter is None:
            module = importlib.import_module(ADAPTER_MODULES[code])
            adapter = module.ADAPTER()
            _adapters[code] = adapter
    return adapter


def loaded() -> tuple[str, ...]:
    """Codes of the adapters this process has loaded so far (for tests of lazy loading)."""
    return tuple(_adapters)


STRINGS_LIMIT = 30_000  # strings a vocabulary may hold before its adapter is renewed


def renew_if_grown(adapter: LanguageAdapter, limit: int | None = None) -> bool:
    """Replace `adapter` with a fresh one once its spaCy vocabulary holds more than `limit`
    strings (every new word a reply brings adds a lexeme and its strings, and spaCy never
    forgets them). Results do not change: a fresh adapter analyses every word the same way.
    Guards compile their rules again for the new adapter; checks still running keep the
    old one until they finish. True when this call renewed it."""
    if adapter.vocabulary_size() <= (STRINGS_LIMIT if limit is None else limit):
        return False
    with _lock:
        if _adapters.get(adapter.code) is not adapter:
            return False  # another thread renewed it already
        _adapters[adapter.code] = adapter.renewed()
    return True


def release_memory() -> None:
    """After a renewed adapter's old vocabulary is dropped: collect it now and, on glibc,
    hand the freed pages back to the system (malloc_trim), so a long-running service's
    resident size stays flat instead of creeping up with fragmented free memory."""
    import ctypes
    import ctypes.util
    import gc

    gc.collect()
    name = ctypes.util.find_library("c")
    if name and "libc" in name:
        try:
            trim = getattr(ctypes.CDLL(name), "malloc_trim", None)
        except OSError:
            return
        if trim is not None:
            trim(0)
