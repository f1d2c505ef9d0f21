"""Notebook views: a Report as highlighted HTML, and `review()`: many replies as a pandas table.

pandas is imported only when `review` runs (`pip install "replyguard[notebook]"`), so that
`import replyguard` and a Report's HTML stay cheap.
"""

from __future__ import annotations

import itertools
import json
import math
import threading
import warnings
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING, Any, NamedTuple

from replyguard.arguments import context_fields

if TYPE_CHECKING:
    from typing import TypeAlias

    import pandas as pd

    from replyguard.guard import Guard
    from replyguard.models import Finding, Report

    ReviewResult: TypeAlias = pd.DataFrame  # to type checkers; at run time a subclass made on first use

COLOURS = {"error": "#f8c4c4", "warning": "#fbe3a6", "info": "#cfe3f7"}
_RANK = {"error": 3, "warning": 2, "info": 1}

# One finding as a table row, in review() here and in replyguard.spark's output alike.
FINDING_COLUMNS = (
    "lang",
    "rule",
    "category",
    "severity",
    "start",
    "end",
    "message",
    "suggestion",
    "safe",
    "score",
    "error",
)
# review()'s columns: the input row, the finding, and the flagged text after its offsets.
COLUMNS = ("row", *FINDING_COLUMNS[:6], "text", *FINDING_COLUMNS[6:])
SUMMARY_COLUMNS = ("category", "rule", "severity", "findings", "replies")


def report_html(report: Report) -> str:
    """The reply with highlighted spans, then a table of findings and the suggested fixes."""
    text = report.text
    cuts = sorted({0, len(text), *(f.start for f in report.findings), *(f.end for f in report.findings)})
    parts: list[str] = []
    for finding in report.findings:
        if finding.start == finding.end == 0:
            parts.append(_marker(finding))
    for left, right in itertools.pairwise(cuts):
        covering = [f for f in report.findings if f.start <= left and right <= f.end and f.start < f.end]
        piece = escape(text[left:right]).replace("\n", "<br>")
        if covering:
            worst = max(covering, key=lambda f: _RANK[f.severity.value])
            title = escape(" | ".join(f"{f.rule}: {f.message}" for f in covering), quote=True)
            colour = COLOURS[worst.severity.value]
            piece = f'<mark title="{title}" style="background:{colour}">{piece}</mark>'
        parts.append(piece)
        parts.extend(_marker(f) for f in report.findings if f.start == f.end == right)
    rows = "".join(
        f"<tr><td>{escape(f.severity.value)}</td><td>{escape(f.category.value)}</td><td><code>{escape(f.rule)}</code></td>"
        f"<td>{escape(text[f.start : f.end])}</td><td>{escape(f.message)}</td>"
        f"<td>{escape(f.suggestions[0].replacement) if f.suggestions else ''}</td></tr>"
        for f in report.findings
    )
    head = f"<p><b>score {report.score}</b> · {'ok' if report.ok else 'blocked'} · {escape(report.lang)}</p>"
    table = (
        "<table><tr><th>severity</th><th>category</th><th>rule</th><th>text</th><th>message</th><th>suggestion</th></tr>"
        f"{rows}</table>"
        if rows
        else ""
    )
    return f'<div class="replyguard">{head}<p>{"".join(parts)}</p>{table}</div>'


def _marker(finding: Finding) -> str:
    title = escape(f"{finding.rule}: {finding.message}", quote=True)
    return f'<span title="{title}" style="color:#b00">▾</span>'


# One Guard per process and per settings, for review() without guard= and for the spaCy
# component: loading the packs costs about a second, a notebook re-runs cells many times.
_shared: dict[tuple[Any, ...], Guard] = {}
_shared_lock = threading.Lock()


def shared_guard(extra_rules: Sequence[str] = (), disable: Sequence[str] = (), message_lang: str = "reply") -> Guard:
    """This process's Guard for these settings, built on first use and then kept."""
    key = (tuple(str(p) for p in extra_rules), tuple(disable), message_lang)
    guard = _shared.get(key)
    if guard is None:
        with _shared_lock:
            guard = _shared.get(key)
            if guard is None:
                from replyguard.guard import Guard

                guard = Guard(extra_rules=list(key[0]), disable=list(key[1]), message_lang=message_lang)
                _shared[key] = guard
    return guard


def review(
    items: Any,
    *,
    guard: Guard | None = None,
    text_col: str = "text",
    context_cols: Mapping[str, str] | Sequence[str] | None = None,
    lang: str | None = None,
    lang_col: str | None = None,
    context_col: str | None = None,
    jobs: int = 1,
) -> ReviewResult:
    """Check many replies and get one table row per finding, for reading, sorting and filtering.

    `items` is a pandas DataFrame (or Series) of replies, or an iterable of texts,
    (text, context) pairs, or mappings (records) with the text under `text_col` and optional
    'context' and 'lang' (other keys are ignored). `context_cols` maps Context fields to
    columns or keys (`{"customer_name": "name"}`) or lists ones named like the fields;
    `context_col` (a record's 'context' by default) holds a whole context as a dict or a JSON
    object, which `context_cols` override; `lang` applies to every row unless `lang_col` or a
    record's 'lang' says otherwise (None: detected). `jobs` as in `Guard.check_many`.

    Returns a DataFrame with the columns `COLUMNS`: `row` is the DataFrame's index label or
    the item's position, `text` the flagged words, `suggestion` / `safe` the best edit,
    `score` the whole reply's. A reply without findings has no row. A row that cannot be
    checked (missing or empty text, an unsupported language, an invalid context) is never
    dropped: it gets one row with `error` set (no draft text in it) and a warning says how
    many there are. Attributes: `.summary` (findings and replies per category and rule, the
    most frequent first) and `.reports` (each input row's Report, None for a bad row).
    """
    pd = _pandas()
    fields = context_fields(context_cols)
    work = guard or shared_guard()
    columns = _Columns(text_col, fields, lang_col, context_col)
    rows = list(_rows(pd, items, columns, lang))
    reports = _check(work, rows, jobs)
    records: list[dict[str, Any]] = []
    for (label, _, _, row_lang), outcome in zip(rows, reports, strict=True):
        if isinstance(outcome, str):
            records.append({"row": label, "lang": row_lang, "error": outcome})
            continue
        for finding in outcome.findings:
            best = finding.suggestions[0] if finding.suggestions else None
            records.append(
                {
                    "row": label,
                    "lang": finding.lang or outcome.lang,
                    "rule": finding.rule,
                    "category": finding.category.value,
                    "severity": finding.severity.value,
                    "start": finding.start,
                    "end": finding.end,
                    "text": outcome.text[finding.start : finding.end],
                    "message": finding.message,
                    "suggestion": best.replacement if best else None,
                    "safe": best.safe if best else None,
                    "score": outcome.score,
                }
            )
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    for column in ("start", "end", "score"):
        frame[column] = frame[column].astype("Int64")
    frame["safe"] = frame["safe"].astype("boolean")
    result = _result_class()(frame)
    result.summary = _summary(pd, frame)
    result.reports = [None if isinstance(r, str) else r for r in reports]
    bad = sum(isinstance(r, str) for r in reports)
    if bad:
        warnings.warn(
            f"{bad} of {len(rows)} rows could not be checked; their rows in the result have 'error' set",
            stacklevel=2,
        )
    return result


Row = tuple[Any, Any, Any, "str | None"]  # label, text, context (or why it is unusable), lang


class _Columns(NamedTuple):
    """Where review() finds each part of a row."""

    text: str
    fields: dict[str, str]
    lang: str | None
    context: str | None


def _rows(pd: Any, items: Any, cols: _Columns, lang: str | None) -> Iterable[Row]:
    """Each input row as (label, text, context, lang), whatever shape the caller has."""
    if isinstance(items, pd.DataFrame):
        wanted = (cols.text, cols.lang, cols.context, *cols.fields.values())
        missing = [c for c in wanted if c is not None and c not in items.columns]
        if missing:
            raise ValueError(
                f"the DataFrame has no column {', '.join(map(repr, missing))}; its columns are "
                f"{', '.join(map(repr, map(str, items.columns)))}"
            )
        texts = items[cols.text].tolist()
        langs = items[cols.lang].tolist() if cols.lang else [None] * len(items)
        wholes = items[cols.context].tolist() if cols.context else [None] * len(items)
        values = {field: items[column].tolist() for field, column in cols.fields.items()}
        for n, label in enumerate(items.index.tolist()):
            context = _context(wholes[n], {field: column[n] for field, column in values.items()})
            yield label, texts[n], context, _missing_to_none(langs[n]) or lang
        return
    if isinstance(items, pd.Series):
        for label, text in items.items():
            yield label, text, None, lang
        return
    if isinstance(items, (str, bytes)):
        raise TypeError("review() takes many replies (a list, a DataFrame, ...); for one text use Guard.check")
    for n, item in enumerate(items):
        if isinstance(item, str):
            yield n, item, None, lang
        elif isinstance(item, tuple) and len(item) == 2:
            yield n, item[0], item[1], lang
        elif isinstance(item, Mapping):
            context = _context(item.get(cols.context or "context"), {f: item.get(c) for f, c in cols.fields.items()})
            yield n, item.get(cols.text), context, _missing_to_none(item.get(cols.lang or "lang")) or lang
        else:
            yield n, item, None, lang  # check() says why it is not a reply


def _context(whole: Any, fields: dict[str, Any]) -> Any:
    """A row's context: the whole one (a dict, a Context or a JSON object) with the single
    fields over it; or the InvalidContext saying why the row has none."""
    from replyguard.errors import InvalidContext

    whole = _missing_to_none(whole)
    if isinstance(whole, str):
        try:
            whole = json.loads(whole)
        except json.JSONDecodeError:
            return InvalidContext(["context: the context column holds text that is not valid JSON"])
    if whole is not None and not isinstance(whole, Mapping) and not hasattr(whole, "model_dump"):
        return InvalidContext([f"context: a dict or a JSON object is needed, not {type(whole).__name__}"])
    picked = _clean(fields)
    if not picked:
        return whole
    base = whole.model_dump(exclude_unset=True) if hasattr(whole, "model_dump") else dict(whole or {})
    return {**base, **picked}


def _check(guard: Guard, rows: list[Row], jobs: int) -> list[Report | str]:
    """A Report, or the error text, for each row; one bad row never stops the others."""
    from replyguard.batch import outcome, workers
    from replyguard.errors import InvalidInput

    outcomes: list[Report | str | None] = [None] * len(rows)
    todo: list[int] = []
    for n, (_, text, context, _) in enumerate(rows):
        if _missing_to_none(text) is None:
            outcomes[n] = str(InvalidInput("the text is missing: there is no reply to check"))
        elif isinstance(context, Exception):
            outcomes[n] = str(context)
        elif isinstance(text, str) and not text.strip():  # a blank cell: told here, cheaply
            outcomes[n] = outcome(guard, text, context, rows[n][3])
        else:
            todo.append(n)
    if workers(jobs) > 1 and todo:
        try:
            batch = guard.check_many(
                [{"text": rows[n][1], "context": rows[n][2], "lang": rows[n][3]} for n in todo], jobs=jobs
            )
        except Exception:  # some row is bad: find which, one by one, below
            pass
        else:
            for n, report in zip(todo, batch, strict=True):
                outcomes[n] = report
            todo = []
    for n in todo:
        _, text, context, row_lang = rows[n]
        outcomes[n] = outcome(guard, text, context, row_lang)
    return [o if o is not None else "internal error: not checked" for o in outcomes]


def _summary(pd: Any, frame: Any) -> Any:
    """Findings and distinct replies per (category, rule), the most frequent first."""
    found = frame[frame["error"].isna()]
    if found.empty:
        return pd.DataFrame(
            {c: pd.Series(dtype="int64" if c in ("findings", "replies") else object) for c in SUMMARY_COLUMNS}
        )
    grouped = found.groupby(["category", "rule", "severity"], sort=False).agg(
        findings=("row", "size"), replies=("row", "nunique")
    )
    table = grouped.reset_index().sort_values(["findings", "category", "rule"], ascending=[False, True, True])
    return table.reset_index(drop=True)[list(SUMMARY_COLUMNS)]


def _clean(context: dict[str, Any]) -> dict[str, Any]:
    """Drop missing cells (None, NaN, NaT) and turn pandas timestamps into datetimes."""
    plain: dict[str, Any] = {}
    for field, value in context.items():
        value = _missing_to_none(value)
        if value is None:
            continue
        if hasattr(value, "to_pydatetime"):
            value = value.to_pydatetime()
        elif hasattr(value, "item") and not isinstance(value, (str, bytes)):  # a numpy scalar
            value = value.item()
        plain[field] = value
    return plain


def _missing_to_none(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ in ("NaTType", "NAType"):
        return None
    return value


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError(
            "replyguard.review needs pandas, which is not installed; "
            'install it with: pip install "replyguard[notebook]"'
        ) from None
    return pandas


_result_type: type | None = None


def _result_class() -> type:
    """ReviewResult, a DataFrame with `.summary` and `.reports`: made on first use, since it
    subclasses pandas' DataFrame and pandas is imported only then."""
    global _result_type
    if _result_type is None:
        frames = _pandas()

        class Result(frames.DataFrame):  # type: ignore[misc, name-defined]
            """The findings table of `review()`; `.summary` and `.reports` ride along.

            A frame derived from it (a filter, a sort) is a plain DataFrame: the summary
            describes the whole review, not the part of it.
            """

            _metadata = ["summary", "reports"]  # noqa: RUF012 (pandas' convention)

            @property
            def _constructor(self) -> Any:
                return frames.DataFrame

        Result.__module__ = __name__
        Result.__name__ = Result.__qualname__ = "ReviewResult"
        _result_type = Result
    return _result_type


def __getattr__(name: str) -> Any:
    """`replyguard.notebook.ReviewResult` (so a pickled result loads in a new process)."""
    if name == "ReviewResult":
        return _result_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
