"""Checking a large batch in several processes: each worker builds its own Guard once.

Workers are started with the 'spawn' method, which is safe in a threaded host (a web server,
a notebook) where 'fork' can deadlock; each pays a cold start (under a second, with the pack
cache warm), so several processes pay off from a few thousand replies on. Reports come back
in the order of the items, equal to what `Guard.check` gives one by one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from multiprocessing import get_context
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from replyguard.guard import CheckItem, Guard
    from replyguard.models import Report

T = TypeVar("T")
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
    reports: list[Report] = []
    for done in in_processes(settings, chunks, jobs, _check_many):
        reports.extend(done)
    return reports


def in_processes(
    settings: dict[str, Any], chunks: Sequence[list[Any]], jobs: int, work: Callable[[Guard, list[Any]], list[T]]
) -> Iterator[list[T]]:
    """`work(guard, chunk)` for each chunk in `jobs` spawned worker processes, each with one
    Guard built from `settings` (a Guard's `_settings`); results in the chunks' order, as
    each is done (a caller can show progress). `work` is a module-level function."""
    with ProcessPoolExecutor(
        max_workers=max(1, min(jobs, len(chunks))),
        mp_context=get_context("spawn"),
        initializer=_start,
        initargs=(settings,),
    ) as pool:
        yield from pool.map(partial(_in_worker, work), chunks)


def outcome(guard: Guard, text: Any, context: Any = None, lang: str | None = None) -> Report | str:
    """The Report, or why this one reply could not be checked (replyguard's messages never
    repeat the draft, names or context; a bug is named by its type only, its text might hold
    the draft): a batch surface reports a bad row and goes on."""
    from replyguard.errors import ReplyguardError

    try:
        return guard.check(text, context, lang)
    except ReplyguardError as exc:
        return str(exc)
    except Exception as exc:  # a bug in a rule must not cost the other rows
        return f"internal error: {type(exc).__name__}"


def check_each(guard: Guard, items: list[dict[str, Any]]) -> list[Report | str]:
    """`outcome` for each {"text", "context", "lang"} item: one `check_many` call, and only
    when a row in it fails, each row alone so that just that row is reported bad."""
    try:
        return list(guard.check_many(items))
    except Exception:  # one bad row spoils the batch call: find it
        return [outcome(guard, item["text"], item.get("context"), item.get("lang")) for item in items]


def _start(settings: dict[str, Any]) -> None:
    global _worker_guard
    from replyguard.guard import Guard

    _worker_guard = Guard(**settings)


def _in_worker(work: Callable[[Guard, list[Any]], list[T]], chunk: list[Any]) -> list[T]:
    assert _worker_guard is not None, "the worker's Guard is built by the pool initializer"
    return work(_worker_guard, chunk)


def _check_many(guard: Guard, items: list[CheckItem]) -> list[Report]:
    return guard.check_many(items)
