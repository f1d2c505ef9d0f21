"""The `replyguard` command: check a draft, list rules, run rule examples.

Exit codes: 0 nothing blocks, 1 a finding of severity error (or a failing rule example),
2 a usage or input error. Only this module writes prose to the terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from replyguard.errors import ReplyguardError
from replyguard.lang.registry import SUPPORTED

EXIT_OK, EXIT_BLOCKED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad arguments or unreadable input: reported on stderr with exit code 2."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.handler(args))
    except (UsageError, ReplyguardError, ValidationError, OSError, UnicodeDecodeError) as exc:
        print(f"replyguard: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="replyguard", description="Check a support reply before it is sent.")
    commands = parser.add_subparsers(title="commands")

    check = commands.add_parser("check", help="check one draft reply")
    check.add_argument("file", nargs="?", default="-", help="the draft (UTF-8 text); '-' or nothing reads stdin")
    check.add_argument("--lang", choices=SUPPORTED, help="the reply's language (detected when omitted)")
    check.add_argument("--name", help="the customer's name as the CRM stores it")
    check.add_argument("--gender", choices=("female", "male"), help="the customer's gender, if known")
    check.add_argument("--channel", choices=("chat", "email", "phone", "messenger", "social"))
    check.add_argument("--context", type=Path, help="a JSON file with the context (see Context); flags override it")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--messages", choices=("reply", "en"), default="reply", help="message language")
    check.set_defaults(handler=_check)

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


def _read_text(file: str) -> str:
    if file == "-":
        return sys.stdin.read()
    path = Path(file)
    if not path.is_file():
        raise UsageError(f"no such file: {file}")
    return path.read_text(encoding="utf-8")


def _context(args: argparse.Namespace) -> dict[str, Any]:
    context: dict[str, Any] = {}
    if args.context:
        try:
            context = json.loads(args.context.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise UsageError(f"{args.context}: not valid JSON: {exc}") from None
        if not isinstance(context, dict):
            raise UsageError(f"{args.context}: the context is a JSON object")
    for key, value in (("customer_name", args.name), ("customer_gender", args.gender), ("channel", args.channel)):
        if value is not None:
            context[key] = value
    return context


def _check(args: argparse.Namespace) -> int:
    from replyguard.guard import Guard

    text = _read_text(args.file)
    report = Guard(message_lang=args.messages).check(text, _context(args), lang=args.lang)
    if args.format == "json":
        print(report.model_dump_json(indent=2))
    else:
        name = "<stdin>" if args.file == "-" else args.file
        for finding in report.findings:
            line, column = _line_column(text, finding.start)
            flagged = text[finding.start : finding.end]
            row = f"{name}:{line}:{column}: {finding.severity.value} [{finding.rule}] {finding.message}"
            if flagged and flagged not in finding.message:
                row += f"  «{flagged}»"
            if finding.suggestions:
                edit = finding.suggestions[0]
                row += f"  → «{edit.replacement}»" + ("" if edit.safe else " (check before applying)")
            print(row)
        verdict = "ok" if report.ok else "blocked"
        print(f"{len(report.findings)} findings, score {report.score}, {verdict} ({report.lang})")
    return EXIT_OK if report.ok else EXIT_BLOCKED


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
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in rules:
        print(f"{r.rule.id:<48} {r.rule.kind:<8} {r.rule.category.value:<18} {r.rule.severity.value:<8} {r.rule.why}")
    print(f"{len(rules)} rules")
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
    for failure in failures:
        print(failure, end="\n\n")
    failed = len({f.rule for f in failures})
    print(f"{len(rules) - failed} passed, {failed} failed")
    return EXIT_BLOCKED if failures else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
