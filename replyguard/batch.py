"""Checking a large batch in several processes: each worker builds its own Guard once.

Workers are started with the 'spawn' method, which is safe in a threaded host (a web server,
a notebook) where 'fork' can deadlock; each pays a cold start (under a second, with the pack
cache warm), so several processes pay off from a few thousand replies on. Reports come back
in the order of the items, equal to what `Guard.check` gives one by one.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from replyguard.guard import CheckItem, Guard
    from replyguard.models import Report

CHUNK = 200  # items per task: large enough that pickling is cheap next to checking

_worker_guard: Guard | None = None


def workers(jobs: int) -> int:
    """How many processes `jobs` asks for: a positive count, or 0 / -1 for every core."""
    if jobs in (0, -1):
        return os.cpu_count() or 1
    if jobs < -1:
        raise ValueError(f"jobs is a positive number of processes, or 0 or -1 for every core; got {jobs}")
    return jobs


def check_in_processes(settings: dict[str, Any], items: Sequence[CheckItem], jobs: int) -> list[Report]:
    """Check `items` in `jobs` worker processes, each with a Guard built from `settings`."""
    chunks = [list(items[at : at + CHUNK]) for at in range(0, len(items), CHUNK)]
    context = get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(chunks)), mp_context=context, initializer=_start, initargs=(settings,)
    ) as pool:
        reports: list[Report] = []
        for done in pool.map(_check_chunk, chunks):
            reports.extend(done)
    return reports


def _start(settings: dict[str, Any]) -> None:
    global _worker_guard
    from replyguard.guard import Guard

    _worker_guard = Guard(**settings)


def _check_chunk(items: list[CheckItem]) -> list[Report]:
    assert _worker_guard is not None, "the worker's Guard is built by the pool initializer"
    return _worker_guard.check_many(items)
