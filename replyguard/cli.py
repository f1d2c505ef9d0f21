"""The `replyguard` command: check a draft, list rules, run rule examples.

Exit codes: 0 nothing blocks, 1 a finding of severity error (or a failing rule example),
2 a usage, input or internal error. A pre-send hook reads 1 as "blocked", so nothing else
may end with 1: not a crash, not a closed pipe. Only this module writes prose to the
terminal; it reads and writes UTF-8 whatever the locale says, and its error messages never
repeat the draft or the customer's name.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from replyguard import __version__, review_command, serve_command
from replyguard.arguments import add_rules_option, positive
from replyguard.errors import ReplyguardError
from replyguard.lang.registry import SUPPORTED

EXIT_OK, EXIT_BLOCKED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad arguments or unreadable input: reported on stderr with exit code 2."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code. No exception escapes: Python would print a
    traceback and exit 1, which a pre-send hook takes for a blocked reply."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):  # «», ü and 您 print whatever LANG or PYTHONIOENCODING say
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    private: list[str] = []  # what an error message must not repeat; the check adds the draft and names
    try:
        return _run(argv, private)
    except (UsageError, ReplyguardError, OSError) as exc:
        _complain(f"error: {exc}")
    except Exception as exc:  # a bug: one line, exit 2
        _complain(f"internal error: {type(exc).__name__}: {_redacted(exc, private)}")
    return EXIT_USAGE


def _run(argv: Sequence[str] | None, private: list[str]) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed the help, the version or a usage error
        _write(())
        return int(exc.code or 0)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    args.private = private
    return int(args.handler(args))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="replyguard", description="Check a support reply before it is sent.")
    parser.add_argument("--version", action="version", version=f"replyguard {__version__}")
    commands = parser.add_subparsers(title="commands")

    check = commands.add_parser("check", help="check one draft reply")
    check.add_argument("file", nargs="?", default="-", help="the draft (UTF-8 text); '-' or nothing reads stdin")
    check.add_argument("--lang", choices=SUPPORTED, help="the reply's language (detected when omitted)")
    check.add_argument("--name", help="the customer's name as the CRM stores it")
    check.add_argument("--gender", choices=("female", "male"), help="the customer's gender, if known")
    check.add_argument("--channel", choices=("chat", "email", "phone", "messenger", "social"))
    check.add_argument("--context", type=Path, help="a JSON file with the context (see Context); flags override it")
    check.add_argument("--input-format", choices=("auto", "text", "html"), default="auto", help="auto: HTML by tags")
    add_rules_option(
        check, "your own pack file or folder, after the bundled ones (overrides, allow-list, rules); repeatable"
    )
    check.add_argument("--max-chars", type=positive, metavar="N", help="refuse a longer draft (default: Guard's)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--messages", choices=("reply", "en"), default="reply", help="message language")
    check.set_defaults(handler=_check)

    serve_command.add_parser(commands)  # imports no FastAPI until a server starts
    review_command.add_parser(commands)  # imports no tqdm or openpyxl until a review runs
    rules = commands.add_parser("rules", help="list the rules or run their examples")
    rule_commands = rules.add_subparsers(title="rule commands")
    listing = rule_commands.add_parser("list", help="list the loaded rules")
    listing.add_argument("--lang", choices=SUPPORTED)
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(handler=_rules_list)
    testing = rule_commands.add_parser("test", help="run every rule's good and bad examples")
    testing.add_argument("paths", nargs="*", type=Path, help="pack files or folders (default: the bundled packs)")
    testing.set_defaults(handler=_rules_test)
    return parser


def _write(lines: Iterable[str]) -> None:
    """Print to stdout. Once the reader has gone (`| head -1`) the rest is dropped quietly:
    a closed pipe says nothing about the draft, so the exit code stays the check's."""
    if sys.stdout is None:
        return
    try:
        for line in lines:
            print(line)
        sys.stdout.flush()
    except BrokenPipeError:
        _drop_stdout()


def _drop_stdout() -> None:
    """Point stdout's descriptor at the null device, so that the interpreter's own flush at
    exit meets no closed pipe either (the recipe in Python's `signal` documentation)."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file: a test's or a host program's stream
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


def _complain(message: str) -> None:
    """One line on stderr; a closed stderr must not turn exit 2 into a crash with exit 1."""
    if sys.stderr is not None:  # print(file=None) would fall back to stdout
        with contextlib.suppress(OSError):
            print(f"replyguard: {message}", file=sys.stderr)


def _redacted(exc: Exception, private: Sequence[str]) -> str:
    """An unexpected error's message on one line without the draft or the customer's name.
    pydantic repeats every bad input (a whole Report, say), so its errors are rebuilt from
    the field names and reasons alone."""
    if isinstance(exc, ValidationError):
        message = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']}" for e in exc.errors())
    else:
        message = str(exc)
    secrets = {piece.strip() for text in private for piece in (text, *text.splitlines())}
    for secret in sorted(secrets, key=len, reverse=True):
        if len(secret) > 1:
            message = message.replace(secret, "<redacted>")
    return " ".join(message.split())


def _decode(data: bytes, name: str) -> str:
    """UTF-8 text from bytes, so neither the locale nor the terminal decides. A leading BOM is
    dropped: it is not part of the reply, and columns then count from the first character."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UsageError(f"{name}: not UTF-8 text (it starts with a UTF-16 byte-order mark); save it as UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8"
        ) from None
    return text.removeprefix("\ufeff")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read it: {exc.strerror or exc}") from None


def _read_draft(file: str) -> str:
    if file != "-":
        return _decode(_read_bytes(Path(file)), file)
    if sys.stdin is None:
        raise UsageError("there is no standard input: name the draft file")
    binary = getattr(sys.stdin, "buffer", None)
    if binary is not None:
        return _decode(binary.read(), "<stdin>")
    # A host program's text stream: a lone surrogate in it then fails as "not UTF-8".
    return _decode(sys.stdin.read().encode("utf-8", "surrogatepass"), "<stdin>")


def _context(args: argparse.Namespace) -> dict[str, Any]:
    context: dict[str, Any] = {}
    if args.context:
        try:
            context = json.loads(_decode(_read_bytes(args.context), str(args.context)))
        except json.JSONDecodeError as exc:
            raise UsageError(f"{args.context}: not valid JSON: {exc}") from None
        if not isinstance(context, dict):
            raise UsageError(f"{args.context}: the context is a JSON object")
    flags = {
        "customer_name": args.name,
        "customer_gender": args.gender,
        "channel": args.channel,
        "format": None if args.input_format == "auto" else args.input_format,
    }
    context.update({key: value for key, value in flags.items() if value is not None})
    return context


def _check(args: argparse.Namespace) -> int:
    from replyguard.guard import Guard

    text = _read_draft(args.file)
    args.private.append(text)
    context = _context(args)
    personal = tuple(context.get(key) for key in ("customer_name", "customer_message", "operator_name", "company_name"))
    args.private.extend(value for value in personal if isinstance(value, str))
    options: dict[str, Any] = {"message_lang": args.messages, "extra_rules": args.rules}
    if args.max_chars is not None:
        options["max_chars"] = args.max_chars
    report = Guard(**options).check(text, context, lang=args.lang)
    code = EXIT_OK if report.ok else EXIT_BLOCKED
    if args.format == "json":
        _write([report.model_dump_json(indent=2)])
        return code
    name = "<stdin>" if args.file == "-" else args.file
    rows = []
    for finding in report.findings:  # offsets index report.text, the text the library checked
        line, column = _line_column(report.text, finding.start)
        flagged = report.text[finding.start : finding.end]
        row = f"{name}:{line}:{column}: {finding.severity.value} [{finding.rule}] {finding.message}"
        if flagged and flagged not in finding.message:
            row += f"  «{flagged}»"
        if finding.suggestions:
            edit = finding.suggestions[0]
            row += f"  → «{edit.replacement}»" + ("" if edit.safe else " (check before applying)")
        rows.append(row)
    for commitment in report.commitments:  # what a CRM would schedule a reminder for
        line, column = _line_column(report.text, commitment.start)
        due = commitment.deadline.strftime("%Y-%m-%d %H:%M %Z").strip() if commitment.deadline else "no deadline"
        rows.append(f"{name}:{line}:{column}: promise [{commitment.kind}] «{commitment.text}» due {due}")
    verdict = "ok" if report.ok else "blocked"
    rows.append(f"{len(report.findings)} findings, score {report.score}, {verdict} ({report.lang})")
    _write(rows)
    return code


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _rules_list(args: argparse.Namespace) -> int:
    from replyguard.guard import Guard

    rules = [r for r in Guard().rules if args.lang in (None, r.lang)]
    if args.format == "json":
        rows = [
            {
                "id": r.rule.id,
                "kind": r.rule.kind,
                "category": r.rule.category.value,
                "severity": r.rule.severity.value,
                "message": r.rule.message.get("en"),
                "why": r.rule.why,
                "source": f"{r.path}:{r.line}",
            }
            for r in rules
        ]
        _write([json.dumps(rows, ensure_ascii=False, indent=2)])
        return EXIT_OK
    lines = [
        f"{r.rule.id:<48} {r.rule.kind:<8} {r.rule.category.value:<18} {r.rule.severity.value:<8} {r.rule.why}"
        for r in rules
    ]
    _write([*lines, f"{len(rules)} rules"])
    return EXIT_OK


def _rules_test(args: argparse.Namespace) -> int:
    from replyguard.guard import Guard
    from replyguard.packs import bundled_rules_dir, pack_files
    from replyguard.ruletest import check_rules

    bundled = bundled_rules_dir().resolve()
    wanted = {p.resolve() for p in pack_files(args.paths)} if args.paths else None
    outside = [p for p in wanted or () if bundled not in p.parents]
    guard = Guard(extra_rules=outside)
    rules = [r for r in guard.rules if wanted is None or Path(r.path).resolve() in wanted]
    failures = check_rules(guard, rules)
    failed = len({f.rule for f in failures})
    _write([*(f"{failure}\n" for failure in failures), f"{len(rules) - failed} passed, {failed} failed"])
    return EXIT_BLOCKED if failures else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
