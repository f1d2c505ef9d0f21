"""Review replies on Apache Spark: a DataFrame of replies in, a DataFrame of findings out.

    from replyguard.spark import review
    findings = review(df, text_col="text", context_cols={"customer_name": "name"}, lang_col="lang")

The check runs in `mapInPandas`, so rows travel to the Python workers in Arrow batches; each
worker process builds one Guard the first time it needs it and keeps it for every later batch
and task (Spark reuses its Python workers), so a worker pays the cold start once, not per row.

Output schema, one row per finding (`FINDING_COLUMNS`):

    <id>        the input's `id_col`, unchanged; or `row_id` (long) made with
                monotonically_increasing_id() when no id column is named
    lang        string   the language the finding is about (for an error row: lang_col's value)
    rule        string   stable rule id, e.g. ru.bad_word.problema
    category    string   bad_word, negative_phrasing, personalization, ...
    severity    string   error, warning or info
    start, end  int      character offsets into the text (Spark's substring(text, start + 1, end - start))
    message     string   the advice, in the reply's language unless message_lang says otherwise
    suggestion  string   the best replacement for text[start:end], null when there is none
    safe        boolean  applying the suggestion cannot change the meaning (null without one)
    score       int      the whole reply's score, 0-100 (repeated on each of its findings)
    error       string   null, or why the row could not be checked (numbered replyguard error)

A reply without findings gives no row (with `all_rows=True` it gives one row whose rule is
null, so every input row can be counted). A row that cannot be checked (null or empty text,
an unsupported language, an invalid context) gives one row with `error` set and the rest null;
it never fails the job. Error texts never repeat the draft, names or context.
"""

from __future__ import annotations

import json
import math
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from replyguard.arguments import context_fields
from replyguard.errors import InvalidContext, InvalidInput, ReplyguardError
from replyguard.notebook import FINDING_COLUMNS

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame

    from replyguard.guard import Guard

GENERATED_ID = "row_id"
_DTYPES = {"start": "Int32", "end": "Int32", "score": "Int32", "safe": "boolean"}  # the rest: object
_TEXT, _LANG, _CONTEXT = "__replyguard_text", "__replyguard_lang", "__replyguard_context"
_FIELD = "__replyguard_ctx_"

# One Guard per Python worker process, per set of Guard settings.
_guards: dict[str, Guard] = {}
_guards_lock = threading.Lock()


def review(
    df: DataFrame,
    text_col: str = "text",
    context_cols: Mapping[str, str] | Sequence[str] | None = None,
    lang_col: str | None = None,
    rules: Sequence[str | Path] | None = None,
    *,
    id_col: str | None = None,
    context_col: str | None = None,
    disable: Sequence[str] | None = None,
    message_lang: str = "reply",
    all_rows: bool = False,
) -> DataFrame:
    """The findings of every reply in `df`, as a lazy DataFrame (see the module docstring).

    `context_cols` maps Context fields to columns (`{"customer_name": "name", "channel":
    "channel"}`), or lists columns already named like the fields; `context_col` is a column
    holding a whole context as a JSON string or a struct (its fields are overridden by
    `context_cols`). `lang_col` holds ru / sl / zh per row (null: detected). `rules` are your
    own pack files or folders: they are read and validated here, on the driver, and shipped
    to the executors with the job, so they need not exist on the cluster's machines.
    """
    from replyguard.guard import Guard
    from replyguard.packs import pack_files

    _need_pyspark()
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    columns = set(df.columns)
    fields = context_fields(context_cols)
    named = {"text_col": text_col, "lang_col": lang_col, "id_col": id_col, "context_col": context_col}
    named.update({f"context_cols[{field!r}]": column for field, column in fields.items()})
    for what, column in named.items():
        if column is not None and column not in columns:
            raise ValueError(f"{what} names the column {column!r}, which the DataFrame does not have")
    text_type = df.schema[text_col].dataType
    if not isinstance(text_type, T.StringType):
        raise ValueError(f"text_col {text_col!r} must be a string column, not {text_type.simpleString()}")
    if id_col in FINDING_COLUMNS:
        raise ValueError(f"id_col {id_col!r} would clash with an output column; rename it first")
    if id_col is None and GENERATED_ID in columns:
        raise ValueError(
            f"the DataFrame has a column {GENERATED_ID!r}: pass id_col={GENERATED_ID!r} to keep it as the id"
        )
    # Validate the packs, `disable` and `message_lang` now: a mistake fails here, not in a task.
    Guard(extra_rules=list(rules or ()), disable=disable, message_lang=message_lang)
    shipped = [(path.name, path.read_bytes()) for path in pack_files(rules or ())]
    settings = {"disable": list(disable or ()), "message_lang": message_lang}
    zone = df.sparkSession.conf.get("spark.sql.session.timeZone") or "UTC"

    id_name = id_col or GENERATED_ID
    id_type = df.schema[id_col].dataType if id_col else T.LongType()
    selected = [
        (F.col(id_col) if id_col else F.monotonically_increasing_id()).alias(id_name),
        F.col(text_col).alias(_TEXT),
        (F.col(lang_col).cast("string") if lang_col else F.lit(None).cast("string")).alias(_LANG),
    ]
    if context_col:
        selected.append(F.col(context_col).alias(_CONTEXT))
    selected.extend(F.col(column).alias(_FIELD + field) for field, column in fields.items())
    schema = T.StructType(
        [
            T.StructField(id_name, id_type),
            T.StructField("lang", T.StringType()),
            T.StructField("rule", T.StringType()),
            T.StructField("category", T.StringType()),
            T.StructField("severity", T.StringType()),
            T.StructField("start", T.IntegerType()),
            T.StructField("end", T.IntegerType()),
            T.StructField("message", T.StringType()),
            T.StructField("suggestion", T.StringType()),
            T.StructField("safe", T.BooleanType()),
            T.StructField("score", T.IntegerType()),
            T.StructField("error", T.StringType()),
        ]
    )

    def check_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        guard = worker_guard(settings, shipped)
        for batch in batches:
            yield _findings_frame(guard, batch, id_name, zone, all_rows)

    return df.select(*selected).mapInPandas(check_batches, schema)


def worker_guard(settings: Mapping[str, Any], shipped: Sequence[tuple[str, bytes]] = ()) -> Guard:
    """This process's Guard for these settings and packs, built on first use and then kept."""
    from replyguard.guard import Guard

    key = json.dumps([settings, [(name, content.hex()) for name, content in shipped]], sort_keys=True)
    guard = _guards.get(key)
    if guard is None:
        with _guards_lock:
            guard = _guards.get(key)
            if guard is None:
                extra = [_unpack(shipped)] if shipped else []
                guard = Guard(extra_rules=extra, **settings)
                _guards[key] = guard
    return guard


def _unpack(shipped: Sequence[tuple[str, bytes]]) -> str:
    """Write the driver's pack files into a folder of this process, numbered so that they
    load in the driver's order (an override applies to the packs before it)."""
    folder = Path(tempfile.mkdtemp(prefix="replyguard-packs-"))
    for n, (name, content) in enumerate(shipped):
        (folder / f"{n:04d}-{name}").write_bytes(content)
    return str(folder)


def _findings_frame(guard: Guard, batch: pd.DataFrame, id_name: str, zone: str, all_rows: bool) -> pd.DataFrame:
    """One Arrow batch of replies checked: the rows of `schema`, as a pandas DataFrame."""
    import pandas as pd

    field_columns = [c for c in batch.columns if c.startswith(_FIELD)]
    has_context = _CONTEXT in batch.columns
    rows: list[dict[str, Any]] = []
    for record in batch.to_dict("records"):
        row_id = _plain(record[id_name], zone)
        lang = _plain(record[_LANG], zone)
        try:
            context = _context(record, has_context, field_columns, zone)
            text = _plain(record[_TEXT], zone)
            if text is None:
                raise InvalidInput("the text is null: there is no reply to check")
            report = guard.check(text, context, lang=lang)
        except ReplyguardError as exc:
            rows.append({id_name: row_id, "lang": lang, "error": str(exc)})
            continue
        except Exception as exc:  # a bug must not stop 200 million rows; its text may hold the draft
            rows.append({id_name: row_id, "lang": lang, "error": f"internal error: {type(exc).__name__}"})
            continue
        for finding in report.findings:
            best = finding.suggestions[0] if finding.suggestions else None
            rows.append(
                {
                    id_name: row_id,
                    "lang": finding.lang or report.lang,
                    "rule": finding.rule,
                    "category": finding.category.value,
                    "severity": finding.severity.value,
                    "start": finding.start,
                    "end": finding.end,
                    "message": finding.message,
                    "suggestion": best.replacement if best else None,
                    "safe": best.safe if best else None,
                    "score": report.score,
                }
            )
        if all_rows and not report.findings:
            rows.append({id_name: row_id, "lang": report.lang, "score": report.score})
    # Explicit dtypes: inferred ones break Arrow (a column of only nulls becomes float64).
    return pd.DataFrame(
        {
            column: pd.Series([row.get(column) for row in rows], dtype=_DTYPES.get(column, object))
            for column in (id_name, *FINDING_COLUMNS)
        }
    )


def _context(record: Mapping[str, Any], has_context: bool, field_columns: list[str], zone: str) -> dict[str, Any]:
    """The row's context as a plain dict; Guard.check validates it (InvalidContext, E008)."""
    context: dict[str, Any] = {}
    if has_context:
        whole = _plain(record[_CONTEXT], zone)
        if isinstance(whole, str):
            try:
                whole = json.loads(whole)
            except json.JSONDecodeError:
                raise InvalidContext(["context: the context column is not valid JSON"]) from None
        if whole is not None and not isinstance(whole, dict):
            raise InvalidContext(["context: the context column must hold a JSON object or a struct"])
        context.update(whole or {})
    for column in field_columns:
        value = _plain(record[column], zone)
        if value is not None:
            context[column[len(_FIELD) :]] = value
    return {key: value for key, value in context.items() if value is not None}


def _plain(value: Any, zone: str) -> Any:
    """A value from an Arrow batch as plain Python: numpy arrays and scalars to lists and
    numbers, NaN and NaT to None, maps (lists of pairs) to dicts. Spark hands timestamps to
    Python as naive times in the session time zone; they get that zone back."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp (NaT is caught below)
        value = value.to_pydatetime() if str(value) != "NaT" else None
        if value is None:
            return None
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=ZoneInfo(zone))
    if isinstance(value, dict):
        return {key: _plain(item, zone) for key, item in value.items()}
    if hasattr(value, "tolist") and not isinstance(value, str):  # numpy array or scalar
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        items = [_plain(item, zone) for item in value]
        if items and all(isinstance(item, tuple) and len(item) == 2 for item in value):
            return {key: item for key, item in items}
        return items
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _need_pyspark() -> None:
    """Fail with the install command when the Spark extra is missing."""
    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            f"replyguard.spark needs pyspark, pandas and pyarrow ({exc.name} is missing); "
            'install them with: pip install "replyguard[spark]"'
        ) from None
