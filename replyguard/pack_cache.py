"""A per-user cache of validated rule packs and of their phrases' lemmas, so a new process
skips YAML parsing, validation and lemmatizing the packs' phrases.

Parsing and validating the bundled packs costs a new process about 0.2 s, and lemmatizing a
language's phrases 0.02-0.06 s; reading them back costs 0.01 s. Phrase lemmas are keyed by
the phrases and the versions of the language's analyzers; packs by a hash of every pack
file's path and bytes and of the versions of replyguard, pydantic and spaCy. An edited pack
or an upgrade is a miss, never a stale hit. The cache holds pickles, so it is only read from
a folder that belongs to the current user and that no one else may write to (created 0700);
anything else, or any error, is a miss and the packs load as usual.

    REPLYGUARD_CACHE_DIR=/some/folder   where to keep it (default: $XDG_CACHE_HOME/replyguard
                                        or ~/.cache/replyguard)
    REPLYGUARD_CACHE_DIR=""             no cache at all
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import stat
import tempfile
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger("replyguard")

FORMAT = 1  # bump when LoadedRule or the rule models change shape
KEEP = 8  # entries kept per user: one per set of packs in use (bundled, bundled + a company's)


def cache_dir() -> Path | None:
    """Where validated packs are kept, or None when caching is switched off."""
    configured = os.environ.get("REPLYGUARD_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "replyguard"


def cache_key(files: Mapping[Path, bytes]) -> str:
    """A hash of the pack files (paths and the contents read) and of the code that validated them."""
    from importlib.metadata import PackageNotFoundError, version

    import pydantic

    from replyguard import __version__

    try:
        spacy_version = version("spacy")  # spaCy's pattern schema validated the patterns
    except PackageNotFoundError:
        spacy_version = "-"
    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{pydantic.VERSION}|{spacy_version}|{_schema()}".encode())
    for path, content in files.items():
        digest.update(str(path.resolve()).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
        digest.update(content)
        digest.update(b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _schema() -> str:
    """The fields of every pack model: a pickle of rules from before a field was added would
    load without it (a developer's checkout changes models without a new version)."""
    from replyguard.kinds import COMPILERS  # noqa: F401 - the kinds' modules define the models
    from replyguard.kinds.base import BadExample, Examples, RuleBase
    from replyguard.packs import Override, PackFile

    models: list[type[Any]] = [PackFile, Override, Examples, BadExample, *_subclasses(RuleBase)]
    models.sort(key=lambda m: m.__name__)
    return ";".join(f"{m.__name__}:{','.join(sorted(m.model_fields))}" for m in models)


def _subclasses(base: type[Any]) -> list[type[Any]]:
    found: list[type[Any]] = []
    for sub in base.__subclasses__():
        found.append(sub)
        found.extend(_subclasses(sub))
    return found


def phrases_key(lang: str, fingerprint: str, phrases: Sequence[str]) -> str:
    """A hash of a language's pack phrases and of the analyzers that lemmatized them."""
    digest = hashlib.sha256(f"{FORMAT}|{lang}|{fingerprint}".encode())
    for phrase in sorted(set(phrases)):
        digest.update(phrase.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def package_versions(names: Sequence[str]) -> str:
    """'name=version' of each installed package, for cache keys (missing ones say so)."""
    from importlib.metadata import PackageNotFoundError, version

    from replyguard import __version__

    found = [f"replyguard={__version__}"]
    for name in names:
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=-")
    return ";".join(found)


def read(key: str, kind: str = "packs") -> Any | None:
    """The cached value for `key`, or None (a miss) when absent, unsafe or unreadable."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"{kind}-{key}.pickle"
    try:
        if not (_private(folder) and _private(path)):
            return None
        with path.open("rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a broken or foreign cache file is a miss, never an error
        log.debug("pack cache not used: %s", type(exc).__name__)
        return None


def write(key: str, value: Any, kind: str = "packs") -> None:
    """Store `value` under `key` atomically; failures only mean the next start is slower."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, folder / f"{kind}-{key}.pickle")
        entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except Exception as exc:
        log.debug("pack cache not written: %s", type(exc).__name__)


def _private(path: Path) -> bool:
    """Owned by this user and writable by no one else (always true where there are no uids)."""
    info = path.stat()
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return True
    return info.st_uid == getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
