"""`replyguard review FILE`: check every reply in a CSV, JSONL or XLSX file.

Writes the findings as CSV or JSONL, or a self-contained HTML report. A progress bar goes to
stderr only when stderr is a terminal (a pipe or a CI log gets none); a one-line summary of
counts follows it. Exit codes as `replyguard check`: 1 when a reply has a blocking finding,
otherwise 2 when a row could not be checked (its row number and reason are in the output),
2 for a usage error, else 0. Nothing is imported here that `replyguard check` does not need:
the reading, checking and rendering live in `batch_review` and `report_html`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

from replyguard.arguments import add_rules_option, positive
from replyguard.lang.registry import SUPPORTED

OUTPUT_SUFFIXES = {".html": "html", ".htm": "html", ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def add_parser(commands: Any) -> None:
    """Add `review` to the `replyguard` command's subparsers."""
    review = commands.add_parser(
        "review",
        help="check every reply in a CSV, JSONL or XLSX file",
        description="Check every reply in a file; findings as CSV or JSONL, or an HTML report. Rows are numbered "
        "as a spreadsheet shows them (the header is row 1), lines for JSONL.",
    )
    review.add_argument("file", help="the replies: .csv/.tsv, .jsonl or .xlsx; '-' reads stdin")
    review.add_argument(
        "--input-format", choices=("csv", "jsonl", "xlsx"), help="default: from the file's suffix, else its content"
    )
    review.add_argument("--sheet", metavar="NAME", help="XLSX: the worksheet to read (default: the first)")
    review.add_argument("--column", default="text", metavar="NAME", help="the column with the reply (default: text)")
    review.add_argument("--id-column", metavar="NAME", help="a column that names each row (shown in the output)")
    review.add_argument("--name-column", metavar="NAME", help="the customer's name")
    review.add_argument("--gender-column", metavar="NAME", help="the customer's gender: female, male or empty")
    review.add_argument("--channel-column", metavar="NAME", help="chat, email, phone, messenger or social")
    review.add_argument("--lang-column", metavar="NAME", help="the reply's language (ru, sl, zh); empty: --lang")
    review.add_argument(
        "--context-column", metavar="NAME", help="a JSON object with the context (see Context); the columns above win"
    )
    review.add_argument("--lang", choices=SUPPORTED, help="the language of rows without one (detected when omitted)")
    add_rules_option(review, "your own pack file or folder, after the bundled ones; repeatable")
    review.add_argument(
        "--now",
        type=_moment,
        metavar="ISO",
        help="check as of this moment, e.g. 2025-03-03T09:00+03:00 (default: when the review starts)",
    )
    review.add_argument(
        "--max-chars", type=positive, metavar="N", help="a longer reply is a bad row (default: Guard's)"
    )
    review.add_argument("--messages", choices=("reply", "en"), default="reply", help="message language")
    review.add_argument(
        "--jobs", type=_jobs, default=1, metavar="N", help="worker processes for a large file; 0: one per core"
    )
    review.add_argument("--format", choices=("csv", "jsonl", "html"), help="default: from --output's suffix, else csv")
    review.add_argument("--output", "-o", type=Path, metavar="PATH", help="write here instead of stdout")
    review.set_defaults(handler=_review)


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -2
    if number < 0:
        raise argparse.ArgumentTypeError(f"a number of processes (0: one per core), not {value!r}")
    return number


def _moment(value: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"a date and time with its offset, e.g. 2025-03-03T09:00+03:00; not {value!r}")
    return moment


def _review(args: argparse.Namespace) -> int:
    from replyguard import cli
    from replyguard.batch_review import Columns, Review, ReviewError, check_rows, guess_format, parse_rows
    from replyguard.guard import Guard

    fmt = args.format or (OUTPUT_SUFFIXES.get(args.output.suffix.lower()) if args.output else None) or "csv"
    name = "<stdin>" if args.file == "-" else args.file
    data = _read(args.file)
    columns = Columns(
        text=args.column,
        id=args.id_column,
        name=args.name_column,
        gender=args.gender_column,
        channel=args.channel_column,
        lang=args.lang_column,
        context=args.context_column,
    )
    try:
        rows, blank = parse_rows(
            data, args.input_format or guess_format(name, data), columns, lang=args.lang, sheet=args.sheet
        )
    except ReviewError as exc:
        raise cli.UsageError(f"{name}: {exc}") from None
    options: dict[str, Any] = {"extra_rules": args.rules, "message_lang": args.messages}
    if args.max_chars is not None:
        options["max_chars"] = args.max_chars
    guard = Guard(**options)
    with _progress_bar(len(rows)) as bar:
        reviewed = check_rows(guard, rows, jobs=args.jobs, progress=bar.update, now=args.now)
    review = Review(name, reviewed, blank)
    rendered = _render(review, fmt, Path(name).name)
    if args.output is None:
        cli._write([rendered.removesuffix("\n")])
    else:
        try:
            args.output.write_text(rendered, encoding="utf-8", newline="")
        except OSError as exc:
            raise cli.UsageError(f"{args.output}: cannot write it: {exc.strerror or exc}") from None
    _summary(review, args.output)
    return review.exit_code


def _read(file: str) -> bytes:
    from replyguard import cli

    if file == "-":
        if sys.stdin is None:
            raise cli.UsageError("there is no standard input: name the file to review")
        binary = getattr(sys.stdin, "buffer", None)
        return binary.read() if binary is not None else sys.stdin.read().encode("utf-8", "surrogateescape")
    try:
        return Path(file).read_bytes()
    except OSError as exc:
        raise cli.UsageError(f"{file}: cannot read it: {exc.strerror or exc}") from None


def _render(review: Any, fmt: str, title: str) -> str:
    from replyguard.batch_review import write_csv, write_jsonl

    if fmt == "html":
        from replyguard.report_html import render

        return render(review, title=title)
    out = io.StringIO()
    (write_jsonl if fmt == "jsonl" else write_csv)(review, out)
    return out.getvalue()


def _progress_bar(total: int) -> Any:
    """tqdm on stderr when a person watches it; a silent stand-in otherwise (a pipe, a file, a
    CI log would fill with carriage returns)."""
    from tqdm import tqdm

    shown = _is_terminal(sys.stderr)
    return tqdm(total=total, unit="reply", desc="review", file=sys.stderr, disable=not shown, dynamic_ncols=True)


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def _summary(review: Any, output: Path | None) -> None:
    """Counts only: no reply text on stderr."""
    from replyguard import cli

    parts = [
        f"{len(review.rows)} rows: {len(review.checked) - len(review.blocked)} ok, {len(review.blocked)} blocked, "
        f"{len(review.bad)} not checked; {review.findings} findings"
    ]
    if review.blank:
        parts.append(f"{len(review.blank)} blank rows skipped")
    if output is not None:
        parts.append(f"written to {output}")
    cli._complain("; ".join(parts))
