"""A per-user cache of validated rule packs, so a new process skips YAML parsing and validation.

Parsing and validating the bundled packs costs a new process about 0.2 s; reading them back
validated costs 0.01 s. The cache key is a hash of every pack file's path and bytes and of the
versions of replyguard, pydantic and spaCy, so an edited pack or an upgrade is a miss, never a
stale hit. The cache holds pickles, so it is only read from a folder that belongs to the
current user and that no one else may write to (created 0700); anything else, or any error,
is a miss and the packs load as usual.

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
from collections.abc import Sequence
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


def cache_key(files: Sequence[Path]) -> str:
    """A hash of the pack files (paths and contents) and of the code that validated them."""
    from importlib.metadata import PackageNotFoundError, version

    import pydantic

    from replyguard import __version__

    try:
        spacy_version = version("spacy")  # spaCy's pattern schema validated the patterns
    except PackageNotFoundError:
        spacy_version = "-"
    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{pydantic.VERSION}|{spacy_version}".encode())
    for path in files:
        digest.update(str(path.resolve()).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def read(key: str) -> Any | None:
    """The cached value for `key`, or None (a miss) when absent, unsafe or unreadable."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"packs-{key}.pickle"
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


def write(key: str, value: Any) -> None:
    """Store `value` under `key` atomically; failures only mean the next start is slower."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(folder):
            return
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".packs-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, folder / f"packs-{key}.pickle")
        entries = sorted(folder.glob("packs-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
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
