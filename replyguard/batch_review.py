"""Reviewing a file of replies (CSV, JSONL, XLSX): one report per row, bad rows kept.

A support lead's sheet of templates is never clean: an empty cell, a row in English, a
context cell that is not JSON, bytes that are not UTF-8. Each such row is reported with its
number and the reason, and every other row is checked as usual; only a file that cannot be
read at all (no such column, not a workbook) stops the review. Row numbers are the ones a
spreadsheet shows (the header is row 1) for CSV and XLSX, and line numbers for JSONL, so the
reader finds the row where they edit it. Nothing here logs or prints a reply.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import math
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from replyguard.errors import UnsupportedLanguage
from replyguard.lang.registry import SUPPORTED

if TYPE_CHECKING:
    from replyguard.guard import Guard
    from replyguard.models import Report

InputFormat = Literal["csv", "jsonl", "xlsx"]
Progress = Callable[[int], object]
Outcome = Any  # a Report, or the reason (str) a row could not be checked

COLD_START_ROWS = 2500
"""A worker process's cold start (import, a fresh Guard, each language compiled again: 3-4 s)
costs about as much as checking this many short replies (measured: ~620 a second on one
core). With n workers the review goes to processes only from COLD_START_ROWS * n / (n - 1)
rows on (5,000 with 2, 2,860 with 8): below that one process finishes first."""
LOCAL_CHUNK = 16  # rows per progress step when checking in this process
SUFFIXES: dict[str, InputFormat] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
}
FINDING_FIELDS = (
    "row",
    "id",
    "status",
    "lang",
    "score",
    "rule",
    "category",
    "severity",
    "start",
    "end",
    "flagged",
    "message",
    "suggestion",
    "error",
)


class ReviewError(ValueError):
    """The file cannot be reviewed at all (unreadable, no header, a named column missing)."""


class _BadRow(Exception):
    """Why one row cannot be checked; the review goes on."""


@dataclass(frozen=True)
class Columns:
    """Which column holds what. Only `text` is required; None means the file has no such column."""

    text: str = "text"
    id: str | None = None
    name: str | None = None
    gender: str | None = None
    channel: str | None = None
    lang: str | None = None
    context: str | None = None

    def named(self) -> dict[str, str]:
        """The columns asked for, by the option that names them (for error messages)."""
        options = {
            "--column": self.text,
            "--id-column": self.id,
            "--name-column": self.name,
            "--gender-column": self.gender,
            "--channel-column": self.channel,
            "--lang-column": self.lang,
            "--context-column": self.context,
        }
        return {option: column for option, column in options.items() if column is not None}


@dataclass
class Row:
    """One row of the file: what to check (`item`, as Guard.check_many takes it) or why not."""

    number: int
    key: str | None = None
    item: dict[str, Any] | None = None
    error: str | None = None


@dataclass
class Reviewed:
    """One row after the check: its report, or the reason it could not be checked."""

    number: int
    key: str | None
    report: Report | None = None
    error: str | None = None

    @property
    def status(self) -> str:
        """'ok', 'blocked' (a finding of severity error) or 'error' (not checked)."""
        if self.report is None:
            return "error"
        return "ok" if self.report.ok else "blocked"


@dataclass
class RuleCount:
    """How often one rule fired: findings in all, and in how many replies."""

    rule: str
    category: str
    severity: str
    findings: int = 0
    replies: int = 0


@dataclass
class Review:
    """Every row of one file, in the file's order, and the blank rows that were skipped."""

    source: str
    rows: list[Reviewed]
    blank: list[int] = field(default_factory=list)

    @property
    def checked(self) -> list[Reviewed]:
        return [r for r in self.rows if r.report is not None]

    @property
    def bad(self) -> list[Reviewed]:
        return [r for r in self.rows if r.report is None]

    @property
    def blocked(self) -> list[Reviewed]:
        return [r for r in self.rows if r.status == "blocked"]

    @property
    def findings(self) -> int:
        return sum(len(r.report.findings) for r in self.checked if r.report is not None)

    def worst_first(self) -> list[Reviewed]:
        """The checked rows, lowest score first (ties in the file's order)."""
        return sorted(self.checked, key=lambda r: (r.report.score if r.report else 101, r.number))

    def by_rule(self) -> list[RuleCount]:
        """Counts per rule, the most frequent first."""
        counts: dict[str, RuleCount] = {}
        for row in self.checked:
            assert row.report is not None
            seen: set[str] = set()
            for finding in row.report.findings:
                count = counts.setdefault(
                    finding.rule, RuleCount(finding.rule, finding.category.value, finding.severity.value)
                )
                count.findings += 1
                if finding.rule not in seen:
                    seen.add(finding.rule)
                    count.replies += 1
        return sorted(counts.values(), key=lambda c: (-c.findings, c.rule))

    def by_category(self) -> list[tuple[str, int, int]]:
        """(category, findings, replies) per category, the most frequent first."""
        findings: Counter[str] = Counter()
        replies: Counter[str] = Counter()
        for row in self.checked:
            assert row.report is not None
            categories = [f.category.value for f in row.report.findings]
            findings.update(categories)
            replies.update(set(categories))
        return sorted(((c, n, replies[c]) for c, n in findings.items()), key=lambda t: (-t[1], t[0]))

    @property
    def exit_code(self) -> int:
        """As `replyguard check`: 1 when a reply has a blocking finding; otherwise 2 when a row
        could not be checked (as check says 2 for an empty or unsupported draft); else 0."""
        if self.blocked:
            return 1
        return 2 if self.bad else 0


# --- reading -------------------------------------------------------------------------------


def guess_format(name: str, data: bytes) -> InputFormat:
    """The input format from the file name's suffix, else from its first bytes."""
    suffix = Path(name).suffix.lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "jsonl"
    return "csv"


def read_file(
    path: str | Path,
    columns: Columns,
    *,
    input_format: InputFormat | None = None,
    lang: str | None = None,
    sheet: str | None = None,
) -> tuple[list[Row], list[int]]:
    """The rows of a file (and the numbers of blank rows skipped); see `parse_rows`."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ReviewError(f"cannot read it: {exc.strerror or exc}") from None
    return parse_rows(data, input_format or guess_format(str(path), data), columns, lang=lang, sheet=sheet)


def parse_rows(
    data: bytes,
    input_format: InputFormat,
    columns: Columns,
    *,
    lang: str | None = None,
    sheet: str | None = None,
) -> tuple[list[Row], list[int]]:
    """Rows to check from the bytes of a CSV, JSONL or XLSX file, and the blank rows skipped.

    `lang` is the language of rows whose language column is empty (or of every row when there
    is no such column); None lets each reply's language be detected. Raises ReviewError only
    when the file as a whole is unusable; a bad row comes back with its `error` set.
    """
    if lang is not None and lang not in SUPPORTED:
        raise ReviewError(f"--lang is one of {', '.join(SUPPORTED)}; got {lang!r}")
    if input_format == "csv":
        records, blank = _csv_records(data, columns)
    elif input_format == "jsonl":
        records, blank = _jsonl_records(data, columns)
    elif input_format == "xlsx":
        records, blank = _xlsx_records(data, columns, sheet)
    else:
        raise ReviewError(f"the input format is csv, jsonl or xlsx; got {input_format!r}")
    rows = [
        Row(number, _key(record, columns), error=record)
        if isinstance(record, str)
        else _row(number, record, columns, lang)
        for number, record in records
    ]
    return rows, blank


Record = tuple[int, Mapping[str, Any] | str]  # a row's number and its cells, or why it has none


def _text_of(data: bytes) -> str:
    """CSV text: UTF-8 with undecodable bytes kept as surrogates (so only their rows fail), or
    UTF-16 when the file says so with a byte-order mark (Excel's 'Unicode text')."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")


def _delimiter(text: str) -> str:
    """The delimiter the header line uses most: ',' (the default), ';' (spreadsheets in
    locales with a decimal comma) or a tab."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


@contextlib.contextmanager
def _wide_fields() -> Iterator[None]:
    """Let a huge cell through to the check (which reports it as too long) instead of having
    the csv module stop the whole file at it."""
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, 2**31 - 1))
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _csv_records(data: bytes, columns: Columns) -> tuple[list[Record], list[int]]:
    text = _text_of(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    records: list[Record] = []
    blank: list[int] = []
    number = 0
    header: list[str] | None = None
    with _wide_fields():
        try:
            for cells in reader:
                number += 1  # a record, as a spreadsheet counts rows (a quoted line break stays in its row)
                if header is None:
                    if not any(c.strip() for c in cells):
                        raise ReviewError("the first line is empty: a header row with the column names comes first")
                    header = [_printable(c.strip()) for c in cells]
                    _require(header, columns)
                    continue
                if not any(c.strip() for c in cells):
                    blank.append(number)
                    continue
                records.append((number, dict(zip(header, cells, strict=False))))
        except csv.Error as exc:
            raise ReviewError(f"row {number + 1}: not readable as CSV: {exc}") from None
    if header is None:
        raise ReviewError("the file is empty: a header row with the column names comes first")
    return records, blank


def _jsonl_records(data: bytes, columns: Columns) -> tuple[list[Record], list[int]]:
    records: list[Record] = []
    blank: list[int] = []
    named_text = False
    lines = data.split(b"\n")
    if lines[-1] == b"":  # the newline that ends the last line starts no line
        lines.pop()
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip(b"\r")
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            blank.append(number)
            continue
        try:
            value = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            records.append((number, f"not UTF-8 text (byte 0x{line[exc.start]:02x} at column {exc.start + 1})"))
            continue
        except json.JSONDecodeError as exc:
            records.append((number, f"not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        if not isinstance(value, dict):
            records.append((number, f"a JSON object is expected on each line, not {_json_type(value)}"))
            continue
        named_text = named_text or columns.text in value
        records.append((number, value))
    if any(not isinstance(r, str) for _, r in records) and not named_text:
        seen = sorted({k for _, r in records if not isinstance(r, str) for k in r})
        raise ReviewError(
            f"no line has the field '{columns.text}' (--column); fields seen: {', '.join(map(_printable, seen))}"
        )
    return records, blank


def _xlsx_records(data: bytes, columns: Columns, sheet: str | None) -> tuple[list[Record], list[int]]:
    try:
        import openpyxl
    except ImportError:
        raise ReviewError('reading .xlsx files needs openpyxl: pip install "replyguard[xlsx]"') from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # zipfile, XML and openpyxl's own errors: all mean "not a workbook"
        raise ReviewError(f"not a readable .xlsx workbook ({type(exc).__name__})") from None
    try:
        if sheet is not None:
            if sheet not in book.sheetnames:
                raise ReviewError(f"no worksheet '{sheet}'; the workbook has: {', '.join(book.sheetnames)}")
            worksheet = book[sheet]
        else:
            worksheet = book.worksheets[0]
        records: list[Record] = []
        blank: list[int] = []
        header: list[str] | None = None
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            empty = all(v is None or (isinstance(v, str) and not v.strip()) for v in values)
            if header is None:
                if empty:
                    raise ReviewError("the first row is empty: a header row with the column names comes first")
                header = ["" if v is None else _printable(str(v).strip()) for v in values]
                _require(header, columns)
                continue
            if empty:
                blank.append(number)
                continue
            records.append((number, dict(zip(header, values, strict=False))))
        if header is None:
            raise ReviewError("the worksheet is empty: a header row with the column names comes first")
    finally:
        book.close()
    # A formatted but empty tail of the sheet is not a list of blank rows anyone typed.
    last = max((n for n, _ in records), default=1)
    return records, [n for n in blank if n < last]


def _require(header: list[str], columns: Columns) -> None:
    missing = [f"{option} {column!r}" for option, column in columns.named().items() if column not in header]
    if missing:
        raise ReviewError(f"no column {', '.join(missing)}; the header has: {', '.join(repr(h) for h in header)}")


def _row(number: int, record: Mapping[str, Any], columns: Columns, default_lang: str | None) -> Row:
    """A record's cells as a check_many item, or the reason it cannot be one."""
    key = _key(record, columns)
    try:
        if columns.text not in record:
            raise _BadRow(f"there is no '{columns.text}' field")
        text = _cell(record, columns.text)
        if text is None or not text.strip():
            raise _BadRow(f"the text ('{columns.text}') is empty")
        context = _context_cell(record, columns.context)
        for name, column, fold in (
            ("customer_name", columns.name, False),
            ("customer_gender", columns.gender, True),
            ("channel", columns.channel, True),
        ):
            value = _cell(record, column)
            if value is not None and value.strip():
                context[name] = value.strip().lower() if fold else value.strip()
        code = _cell(record, columns.lang)
        code = code.strip().lower() if code and code.strip() else default_lang
        if code is not None and code not in SUPPORTED:
            shown = code if len(code) <= 12 and code.isalnum() else None
            raise _BadRow(str(UnsupportedLanguage(shown, SUPPORTED, f"in the '{columns.lang}' column", detected=False)))
    except _BadRow as exc:
        return Row(number, key, error=str(exc))
    return Row(number, key, item={"text": text, "context": context or None, "lang": code})


def _key(record: Mapping[str, Any] | str, columns: Columns) -> str | None:
    """The row's id as the reader knows it, for display (undecodable bytes shown as �)."""
    if isinstance(record, str) or columns.id is None:
        return None
    value = record.get(columns.id)
    if value is None:
        return None
    return _printable(value if isinstance(value, str) else _plain(value, columns.id) or "")


def _cell(record: Mapping[str, Any], column: str | None) -> str | None:
    """A cell as text: None when empty or absent; a bad row when it is not text."""
    if column is None:
        return None
    value = record.get(column)
    if value is None:
        return None
    text = value if isinstance(value, str) else _plain(value, column)
    for at, char in enumerate(text):
        if "\ud800" <= char <= "\udfff":
            if "\udc80" <= char <= "\udcff":
                raise _BadRow(f"the '{column}' cell is not UTF-8 text (byte 0x{ord(char) - 0xDC00:02x})")
            raise _BadRow(f"the '{column}' cell is not valid Unicode (an unpaired surrogate at offset {at})")
    return text


def _plain(value: Any, column: str) -> str:
    """A number or a date from a sheet or JSON as the text a person sees."""
    if isinstance(value, bool):
        raise _BadRow(f"the '{column}' cell holds a true/false value, not text")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    raise _BadRow(f"the '{column}' cell holds {_json_type(value)}, not text")


def _context_cell(record: Mapping[str, Any], column: str | None) -> dict[str, Any]:
    """The context from a JSON cell (a JSON object in a string, or an object in JSONL)."""
    if column is None:
        return {}
    value = record.get(column)
    if isinstance(value, str):
        value = _cell(record, column)
        if value is None or not value.strip():
            return {}
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise _BadRow(
                f"the '{column}' cell is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
            ) from None
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _BadRow(f"the '{column}' cell holds {_json_type(value)}; the context is a JSON object")
    return dict(value)


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "true/false", int: "a number"}
    if value is None:
        return "null"
    return names.get(type(value), "a number" if isinstance(value, float) else type(value).__name__)


def _printable(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8") if any("\ud800" <= c <= "\udfff" for c in text) else text


# --- checking ------------------------------------------------------------------------------


def check_rows(
    guard: Guard,
    rows: Sequence[Row],
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> list[Reviewed]:
    """Check every row that can be checked, with Guard.check_many in chunks (in `jobs` worker
    processes for a large file; 0 or -1: one per core). A row that fails its check is
    reported, never raised. `progress(n)` is called as each n rows are done.

    Every row is checked as of one moment, `now` (default: when the review starts) unless its
    context names its own: a promise «within 2 hours» gets the same deadline in row 2 and in
    row 20,000, in one process or in eight.
    """
    from replyguard import batch

    step = progress or (lambda _n: None)
    count = batch.workers(jobs)
    moment = now or dt.datetime.now(dt.timezone.utc)
    bad = [row for row in rows if row.item is None]
    if bad:
        step(len(bad))
    todo = [row for row in rows if row.item is not None]
    items = [
        {**row.item, "context": {"now": moment, **(row.item["context"] or {})}} for row in todo if row.item is not None
    ]
    outcomes: list[Outcome] = []
    if count <= 1 or len(items) < COLD_START_ROWS * count / (count - 1):
        for at in range(0, len(items), LOCAL_CHUNK):
            done = batch.check_each(guard, items[at : at + LOCAL_CHUNK])
            outcomes.extend(done)
            step(len(done))
    else:
        outcomes = _in_processes(guard, items, count, step)
    results = {row.number: Reviewed(row.number, row.key, error=row.error) for row in bad}
    for row, outcome in zip(todo, outcomes, strict=True):
        if isinstance(outcome, str):
            results[row.number] = Reviewed(row.number, row.key, error=outcome)
        else:
            results[row.number] = Reviewed(row.number, row.key, report=outcome)
    return [results[row.number] for row in rows]


def _in_processes(guard: Guard, items: list[dict[str, Any]], count: int, step: Progress) -> list[Outcome]:
    """Chunks small enough for a smooth progress bar (a few per worker), in the items' order;
    each worker builds a Guard like `guard` once (see `batch.in_processes`)."""
    from replyguard import batch

    size = max(1, min(batch.CHUNK, math.ceil(len(items) / (count * 8))))
    chunks = [items[at : at + size] for at in range(0, len(items), size)]
    outcomes: list[Outcome] = []
    for done in batch.in_processes(guard._settings, chunks, count, batch.check_each):
        outcomes.extend(done)
        step(len(done))
    return outcomes


def review_file(
    path: str | Path,
    columns: Columns | None = None,
    *,
    guard: Guard | None = None,
    jobs: int = 1,
    lang: str | None = None,
    input_format: InputFormat | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> Review:
    """Read and check a whole file: what `replyguard review` does, for a script."""
    from replyguard.guard import Guard

    rows, blank = read_file(path, columns or Columns(), input_format=input_format, lang=lang, sheet=sheet)
    reviewed = check_rows(guard or Guard(), rows, jobs=jobs, progress=progress, now=now)
    return Review(str(path), reviewed, blank)


# --- writing -------------------------------------------------------------------------------


def finding_rows(review: Review) -> Iterator[dict[str, Any]]:
    """One flat row per finding, in the file's order; a reply without findings and a row that
    could not be checked get one row each, so every row of the input is accounted for."""
    for row in review.rows:
        base = {"row": row.number, "id": row.key or "", "status": row.status}
        report = row.report
        if report is None:
            yield {**dict.fromkeys(FINDING_FIELDS, ""), **base, "error": row.error or ""}
            continue
        base |= {"lang": report.lang, "score": report.score}
        if not report.findings:
            yield {**dict.fromkeys(FINDING_FIELDS, ""), **base}
        for finding in report.findings:
            best = finding.suggestions[0] if finding.suggestions else None
            yield {
                **base,
                "rule": finding.rule,
                "category": finding.category.value,
                "severity": finding.severity.value,
                "start": finding.start,
                "end": finding.end,
                "flagged": report.text[finding.start : finding.end],
                "message": finding.message,
                "suggestion": "" if best is None else best.replacement,
                "error": "",
            }


def write_csv(review: Review, stream: TextIO) -> None:
    """The findings as CSV (columns: FINDING_FIELDS)."""
    writer = csv.DictWriter(stream, fieldnames=FINDING_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(finding_rows(review))


def write_jsonl(review: Review, stream: TextIO) -> None:
    """One JSON object per input row: its number, id and status, and either the whole Report
    (the library's schema) or the error."""
    for row in review.rows:
        record: dict[str, Any] = {"row": row.number, "id": row.key, "status": row.status}
        if row.report is None:
            record["error"] = row.error
        else:
            record["report"] = row.report.model_dump(mode="json")
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
