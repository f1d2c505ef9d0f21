"""The command line: exit codes 0 / 1 / 2, text and JSON output, rule listing and testing."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from replyguard.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _run(monkeypatch, capsys, argv: list[str], stdin: str = "") -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_blocking_finding_exits_1(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _run(monkeypatch, capsys, ["check", "-"], "Ваша проблема — не наша вина.")
    assert code == 1
    assert "<stdin>:1:" in out and "blocked" in out


def test_cli_clean_reply_exits_0(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _run(monkeypatch, capsys, ["check"], "Анна, спасибо за ожидание! Заказ уже в пути.")
    assert code == 0
    assert "0 findings" in out


def test_cli_bundled_example_is_blocked_with_line_and_column(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _run(
        monkeypatch,
        capsys,
        ["check", str(EXAMPLES / "draft_ru.txt"), "--context", str(EXAMPLES / "draft_ru_context.json")],
    )
    assert code == 1
    assert "draft_ru.txt:3:" in out


def test_cli_json_output_is_a_report(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _run(
        monkeypatch,
        capsys,
        ["check", "--format", "json", "--lang", "ru", "--name", "Анна"],
        "С вашей проблемой разберёмся.",
    )
    data = json.loads(out)
    assert code == 0
    assert data["lang"] == "ru" and data["fixed"] == "С вашим вопросом разберёмся."


@pytest.mark.parametrize(
    ("argv", "stdin"),
    [
        (["check", "/no/such/file.txt"], ""),
        (["check", "--lang", "xx"], "текст"),
        (["check"], "Hello, this reply is written in English and should be refused."),
        (["check", "--context", "/no/such/context.json"], "текст"),
        ([], ""),
    ],
)
def test_cli_usage_and_input_errors_exit_2(monkeypatch, capsys, argv: list[str], stdin: str) -> None:  # type: ignore[no-untyped-def]
    try:
        code, _, err = _run(monkeypatch, capsys, argv, stdin)
    except SystemExit as exc:  # argparse's own usage errors
        code, err = int(exc.code or 0), capsys.readouterr().err
    assert code == 2
    assert err


def test_cli_bad_context_json_exits_2(monkeypatch, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = tmp_path / "context.json"
    context.write_text('{"now": "2026-11-25T10:00:00"}', encoding="utf-8")
    code, _, err = _run(monkeypatch, capsys, ["check", "--context", str(context)], "Добрый день!")
    assert code == 2
    assert "now" in err


def test_cli_rules_list_and_test(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _run(monkeypatch, capsys, ["rules", "list", "--lang", "sl"])
    assert code == 0 and "sl." in out and "ru." not in out
    code, out, _ = _run(monkeypatch, capsys, ["rules", "test", str(Path(__file__).parent.parent / "rules" / "ru")])
    assert code == 0
    assert out.strip().endswith("0 failed")
