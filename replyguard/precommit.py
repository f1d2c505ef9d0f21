"""Check reply templates on commit: `python -m replyguard.precommit FILE...` (the pre-commit hook).

`replyguard check` takes one draft; pre-commit passes every changed file at once, so this
entry point checks each file with one Guard and prints `file:line:column: severity [rule]
message` lines. Exit codes as `check`: 0 nothing blocks, 1 a blocking finding in some file,
2 a file that cannot be checked (unreadable, not UTF-8, empty) or a usage error.

Templates hold placeholders (`{name}`, `{{order_id}}`, `%ИМЯ%`) by design, so the rules that
block unfilled placeholders in a draft are off here unless `--placeholders block` is given.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from replyguard.lang.registry import SUPPORTED

EXIT_OK, EXIT_BLOCKED, EXIT_USAGE = 0, 1, 2

# The bundled rules that flag an unfilled template field (tests/test_precommit.py checks each exists).
PLACEHOLDER_RULES = (
    "ru.personalization.placeholder",
    "ru.personalization.placeholder_syntax",
    "sl.personalization.placeholder",
    "sl.personalization.placeholder_syntax",
    "zh.personalization.xingming_zhanweifu",
    "zh.personalization.placeholder_syntax",
)


def main(argv: Sequence[str] | None = None) -> int:
    """Check every file named; return the exit code (never raises: a crash would read as 1)."""
    from replyguard import cli
    from replyguard.errors import ReplyguardError

    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):  # «» and 您 print whatever the locale says
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # help, or a usage error argparse has printed
        return int(exc.code or 0)
    try:
        guard, context = _setup(args)
    except Exception as exc:  # a bad pack, --context file or rule id: one line, exit 2
        cli._complain(f"error: {exc}")
        return EXIT_USAGE
    worst = EXIT_OK
    blocking = {"error"} if args.fail_on == "error" else {"error", "warning"}
    for file in args.files:
        try:
            text = cli._decode(cli._read_bytes(Path(file)), file)
            report = guard.check(text, context, lang=args.lang)
        except (cli.UsageError, ReplyguardError, OSError) as exc:  # their messages repeat no draft text
            cli._complain(str(exc) if str(exc).startswith(f"{file}:") else f"{file}: {exc}")
            worst = EXIT_USAGE
            continue
        except Exception as exc:  # a bug: its message might quote the template, so only its type
            cli._complain(f"{file}: internal error: {type(exc).__name__}")
            worst = EXIT_USAGE
            continue
        lines = []
        for finding in report.findings:
            line, column = cli._line_column(report.text, finding.start)
            row = f"{file}:{line}:{column}: {finding.severity.value} [{finding.rule}] {finding.message}"
            if finding.suggestions:
                row += f"  → «{finding.suggestions[0].replacement}»"
            lines.append(row)
        cli._write(lines)
        if worst == EXIT_OK and any(f.severity.value in blocking for f in report.findings):
            worst = EXIT_BLOCKED
    return worst


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="replyguard-check-files", description="Check reply template files (the pre-commit hook)."
    )
    parser.add_argument("files", nargs="*", help="UTF-8 template files; each is one reply")
    parser.add_argument("--lang", choices=SUPPORTED, help="the templates' language (detected per file when omitted)")
    parser.add_argument("--rules", action="append", default=[], metavar="PATH", help="your own pack; repeatable")
    parser.add_argument("--context", type=Path, help="a JSON file with a context for every file (e.g. the channel)")
    parser.add_argument("--messages", choices=("reply", "en"), default="reply", help="message language")
    parser.add_argument(
        "--placeholders",
        choices=("allow", "block"),
        default="allow",
        help="allow (default): {name} and the like are expected in templates; block: flag them as in a draft",
    )
    parser.add_argument(
        "--fail-on", choices=("error", "warning"), default="error", help="the lowest severity that fails the commit"
    )
    return parser


def _setup(args: argparse.Namespace) -> tuple[Any, dict[str, Any]]:
    from replyguard import cli
    from replyguard.guard import Guard
    from replyguard.packs import bundled_rules_dir, load_pack_set

    context: dict[str, Any] = {}
    if args.context:
        try:
            context = json.loads(cli._decode(cli._read_bytes(args.context), str(args.context)))
        except json.JSONDecodeError as exc:
            raise cli.UsageError(f"{args.context}: not valid JSON: {exc}") from None
        if not isinstance(context, dict):
            raise cli.UsageError(f"{args.context}: the context is a JSON object")
    off: list[str] = []
    if args.placeholders == "allow":  # the ids the packs define (read from the pack cache), so one Guard is built
        present = {r.rule.id for r in load_pack_set([bundled_rules_dir(), *args.rules]).rules}
        off = [rule for rule in PLACEHOLDER_RULES if rule in present]
    return Guard(extra_rules=args.rules, message_lang=args.messages, disable=off), context


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
