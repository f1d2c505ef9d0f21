"""Values that several command-line commands and batch surfaces accept and check alike."""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from pathlib import Path


def positive(value: str) -> int:
    """An argparse type: a whole number of at least 1 (characters, workers, bytes)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"a positive whole number, not {value!r}")
    return number


def add_rules_option(parser: argparse.ArgumentParser, help: str) -> None:
    """`--rules PATH`, repeatable: a company's own packs after the bundled ones (check,
    review and serve take them alike)."""
    parser.add_argument("--rules", type=Path, action="append", default=[], metavar="PATH", help=help)


def context_fields(context_cols: Mapping[str, str] | Sequence[str] | None) -> dict[str, str]:
    """Context field → column, from a mapping or a list of columns named like the fields;
    checked against Context's fields once, not on every row (notebook and Spark reviews)."""
    from replyguard.models import Context

    if context_cols is None:
        return {}
    if isinstance(context_cols, str):
        raise ValueError("context_cols is a mapping {context field: column} or a list of columns, not one string")
    mapping = dict(context_cols) if isinstance(context_cols, Mapping) else {c: c for c in context_cols}
    unknown = sorted(set(mapping) - set(Context.model_fields))
    if unknown:
        raise ValueError(
            f"context_cols names {', '.join(map(repr, unknown))}, which no Context field is; "
            f"the fields are {', '.join(Context.model_fields)}"
        )
    return mapping
