"""The property-based tests of tests/test_properties.py with many more examples than CI runs.

    python benchmarks/properties_long.py                     # at least 100,000 examples in all
    python benchmarks/properties_long.py --total 20000 --random --known-gaps

Each hypothesis test gets an equal share of --total (REPLYGUARD_PROPERTY_EXAMPLES). The run
is reproducible (derandomized) unless --random; --known-gaps also generates the noise that
the tests leave out for known, xfail-pinned gaps. Prints, per test and in all, how many
examples ran (test body executions, shrinking included) and how many failures were found
(a failing test reports its minimal example after shrinking); exit code 1 on any failure.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import math
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests" / "test_properties.py"


def _load(examples: int, randomize: bool, known_gaps: bool) -> Any:
    os.environ["REPLYGUARD_PROPERTY_EXAMPLES"] = str(examples)
    os.environ["REPLYGUARD_PROPERTY_DERANDOMIZE"] = "0" if randomize else "1"
    os.environ["REPLYGUARD_PROPERTY_KNOWN_GAPS"] = "1" if known_gaps else "0"
    spec = importlib.util.spec_from_file_location("replyguard_test_properties", TESTS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _property_tests(module: Any) -> list[tuple[str, Callable[[], None]]]:
    return [
        (name, value)
        for name, value in vars(module).items()
        if name.startswith("test_") and callable(value) and hasattr(value, "hypothesis")
    ]


def _failures(error: BaseException) -> list[BaseException]:
    """Hypothesis raises one error per distinct failure (an ExceptionGroup for several)."""
    inner = getattr(error, "exceptions", None)
    return list(inner) if inner else [error]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--total", type=int, default=100_000, help="examples in all, shared equally by the tests")
    parser.add_argument("--random", action="store_true", help="new examples on every run (not derandomized)")
    parser.add_argument("--known-gaps", action="store_true", help="also generate noise excluded for known gaps")
    parser.add_argument("-k", default="", help="only tests whose name contains this")
    args = parser.parse_args()

    probe = _load(1, args.random, args.known_gaps)
    count = len([n for n, _ in _property_tests(probe) if args.k in n])
    if not count:
        print(f"no property test matches -k {args.k!r}")
        return 2
    per_test = math.ceil(args.total / count)
    module = _load(per_test, args.random, args.known_gaps)
    tests = [(n, t) for n, t in _property_tests(module) if args.k in n]
    print(
        f"{len(tests)} property tests, max_examples={per_test:,} each "
        f"({'random' if args.random else 'derandomized'}, known gaps {'included' if args.known_gaps else 'excluded'})",
        flush=True,
    )

    total_runs = total_failures = 0
    started = time.perf_counter()
    for name, test in tests:
        runs = 0
        inner = test.hypothesis.inner_test  # type: ignore[attr-defined]

        @functools.wraps(inner)
        def counting(*a: Any, _inner: Callable[..., None] = inner, **kw: Any) -> None:
            nonlocal runs
            runs += 1
            _inner(*a, **kw)

        test.hypothesis.inner_test = counting  # type: ignore[attr-defined]
        began = time.perf_counter()
        failures: list[BaseException] = []
        try:
            test()
        except Exception as error:
            failures = _failures(error)
        seconds = time.perf_counter() - began
        total_runs += runs
        total_failures += len(failures)
        print(f"{name}: {runs:,} examples, {len(failures)} failures, {seconds:.1f} s", flush=True)
        for failure in failures:
            text = "".join(traceback.format_exception_only(type(failure), failure))  # with its notes
            print("    " + text.strip().replace("\n", "\n    "), flush=True)
    elapsed = time.perf_counter() - started
    print(f"total: {total_runs:,} examples in {elapsed:.0f} s, {total_failures} failures", flush=True)
    return 1 if total_failures else 0


if __name__ == "__main__":
    sys.exit(main())
