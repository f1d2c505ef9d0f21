"""The command line: exit codes 0 / 1 / 2, text and JSON output, rule listing and testing,
UTF-8 in and out whatever the locale, closed pipes, library and internal errors."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from replyguard import Context, __version__
from replyguard.cli import main
from replyguard.guard import Guard

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BLOCKED = "Ваша проблема — не наша вина."  # a warning at column 1, an error at column 17
BOM = "\ufeff"


def _run(  # type: ignore[no-untyped-def]
    monkeypatch, capsys, argv: list[str], stdin: str | bytes = "", stdin_encoding: str = "utf-8", errors: str = "strict"
) -> tuple[int, str, str]:
    """main() with stdin as a terminal gives it: bytes behind a text layer of the locale's encoding."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding=stdin_encoding, errors=errors))
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


# Input: UTF-8 bytes, with or without a BOM, whatever the terminal's encoding.


@pytest.mark.parametrize(
    ("encoding", "errors"), [("ascii", "strict"), ("ascii", "surrogateescape"), ("cp1251", "strict")]
)
def test_cli_reads_stdin_as_utf8_bytes_whatever_the_terminal_says(  # type: ignore[no-untyped-def]
    monkeypatch, capsys, encoding: str, errors: str
) -> None:
    code, out, err = _run(monkeypatch, capsys, ["check"], BLOCKED, stdin_encoding=encoding, errors=errors)
    assert (code, err) == (1, "")
    assert "<stdin>:1:17: error" in out


@pytest.mark.parametrize("source", ["file", "stdin"])
def test_cli_drops_a_bom_and_columns_stay_right(monkeypatch, capsys, tmp_path: Path, source: str) -> None:  # type: ignore[no-untyped-def]
    data = (BOM + BLOCKED).encode("utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_bytes(data)
    argv, stdin, name = (["check", str(draft)], b"", str(draft)) if source == "file" else (["check"], data, "<stdin>")
    code, out, _ = _run(monkeypatch, capsys, argv, stdin)
    assert code == 1
    assert f"{name}:1:1: warning" in out and f"{name}:1:17: error" in out
    code, out, _ = _run(monkeypatch, capsys, [*argv, "--format", "json"], stdin)
    assert json.loads(out)["text"] == BLOCKED


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        ("OK: Ваша проблема".encode("cp1251"), "byte 0xc2 at offset 4"),
        ("Café, ça va?".encode("latin-1"), "byte 0xe9 at offset 3"),
        (BLOCKED.encode("utf-16"), "it starts with a UTF-16 byte-order mark"),
    ],
)
def test_cli_non_utf8_draft_exits_2_naming_the_file_and_the_byte(  # type: ignore[no-untyped-def]
    monkeypatch, capsys, tmp_path: Path, data: bytes, problem: str
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_bytes(data)
    code, out, err = _run(monkeypatch, capsys, ["check", str(draft)])
    assert (code, out) == (2, "")
    assert err == f"replyguard: error: {draft}: not UTF-8 text ({problem}); save it as UTF-8\n"


@pytest.mark.parametrize("errors", ["strict", "surrogateescape"])  # surrogateescape: what LANG=C gives stdin
def test_cli_non_utf8_stdin_exits_2_without_a_surrogate_error(monkeypatch, capsys, errors: str) -> None:  # type: ignore[no-untyped-def]
    code, _, err = _run(monkeypatch, capsys, ["check"], "OK: Ваша".encode("cp1251"), errors=errors)
    assert code == 2
    assert err == "replyguard: error: <stdin>: not UTF-8 text (byte 0xc2 at offset 4); save it as UTF-8\n"


def test_cli_context_json_is_utf8_with_or_without_a_bom(monkeypatch, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = tmp_path / "context.json"
    context.write_bytes((BOM + '{"customer_name": "Анна", "channel": "chat"}').encode("utf-8"))
    code, _, err = _run(monkeypatch, capsys, ["check", "--context", str(context)], "Анна, спасибо за ожидание!")
    assert (code, err) == (0, "")
    context.write_bytes('{"customer_name": "Анна"}'.encode("cp1251"))
    code, _, err = _run(monkeypatch, capsys, ["check", "--context", str(context)], "Анна, спасибо за ожидание!")
    assert code == 2
    assert err == f"replyguard: error: {context}: not UTF-8 text (byte 0xc0 at offset 19); save it as UTF-8\n"


# Output: UTF-8 whatever the terminal's encoding; a closed pipe is not an error.


def test_cli_writes_utf8_to_an_ascii_terminal(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    terminal = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(BLOCKED.encode("utf-8")), encoding="utf-8"))
    monkeypatch.setattr("sys.stdout", terminal)
    assert main(["check"]) == 1
    terminal.flush()
    assert "«не наша вина»" in terminal.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]


def _command(*argv: str, **env: str) -> subprocess.Popen[bytes]:
    environ = {key: value for key, value in os.environ.items() if key not in ("PYTHONUTF8", "LC_ALL", "LANG")}
    return subprocess.Popen(
        [sys.executable, "-m", "replyguard", *argv],
        cwd=ROOT,
        env={**environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_cli_process_under_an_ascii_locale_prints_utf8(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(BLOCKED + "\n您好，这个问题不是我们的错。\n", encoding="utf-8")
    process = _command("check", str(draft), "--lang", "ru", PYTHONIOENCODING="ascii", LANG="C", LC_ALL="C")
    out, err = process.communicate(timeout=120)
    assert (process.returncode, err) == (1, b"")
    assert "«не наша вина»" in out.decode("utf-8")


def test_cli_process_with_its_stdout_closed_early_keeps_the_exit_code(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(BLOCKED, encoding="utf-8")
    process = _command("check", str(draft))
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `| head -0`: the reader has gone before the first line
    err = process.stderr.read()
    assert (process.wait(timeout=120), err) == (1, b"")


class _ClosedPipe(io.TextIOBase):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.mark.parametrize(("argv", "expected"), [(["check"], 1), (["rules", "list"], 0), (["--version"], 0)])
def test_cli_closed_pipe_ends_quietly_with_the_real_exit_code(  # type: ignore[no-untyped-def]
    monkeypatch, capsys, argv: list[str], expected: int
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(BLOCKED.encode("utf-8")), encoding="utf-8"))
    monkeypatch.setattr("sys.stdout", _ClosedPipe())
    assert main(argv) == expected
    assert capsys.readouterr().err == ""


# --version, --max-chars, --input-format.


def test_cli_version(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    assert _run(monkeypatch, capsys, ["--version"]) == (0, f"replyguard {__version__}\n", "")


def test_cli_max_chars_is_passed_to_the_guard(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    assert _run(monkeypatch, capsys, ["check", "--max-chars", "40"], BLOCKED)[0] == 1
    code, _, err = _run(monkeypatch, capsys, ["check", "--max-chars", "10"], BLOCKED)
    assert code == 2
    assert err.startswith("replyguard: error: [E007] the text has 29 characters, more than the limit of 10")
    code, _, err = _run(monkeypatch, capsys, ["check", "--max-chars", "0"], BLOCKED)
    assert code == 2 and "--max-chars: a positive whole number" in err


@pytest.mark.parametrize(
    ("argv", "in_file", "expected"),
    [
        (["--input-format", "html"], None, "html"),
        (["--input-format", "text"], None, "text"),
        (["--input-format", "auto"], None, None),
        ([], None, None),
        ([], "html", "html"),  # auto leaves the context file's choice alone
        (["--input-format", "text"], "html", "text"),  # a flag overrides the file
    ],
)
def test_cli_input_format_becomes_the_context_format(  # type: ignore[no-untyped-def]
    monkeypatch, capsys, tmp_path: Path, argv: list[str], in_file: str | None, expected: str | None
) -> None:
    seen: list[Any] = []
    check = Guard.check

    def spy(self: Guard, text: str, context: Any = None, lang: str | None = None) -> Any:
        seen.append(dict(context))
        return check(self, text, context, lang)

    monkeypatch.setattr(Guard, "check", spy)
    if in_file:
        context = tmp_path / "context.json"
        context.write_text(json.dumps({"format": in_file}), encoding="utf-8")
        argv = [*argv, "--context", str(context)]
    code, _, err = _run(monkeypatch, capsys, ["check", *argv], "Анна, спасибо за ожидание!")
    assert (code, err) == (0, "")
    assert seen[0].get("format", None) == expected


# Library errors: exit 2 with the numbered message; anything else: exit 2, one line, nothing private.


@pytest.mark.parametrize(
    ("argv", "stdin", "code"),
    [
        (["check"], "", "E006"),
        (["check"], " \n\t \n", "E006"),
        (["check"], BOM + "\n", "E006"),
        (["check", "--max-chars", "5"], BLOCKED, "E007"),
        (["check"], "Hello, this reply is written in English and should be refused.", "E001"),
        (["check", "--gender", "female", "--channel", "chat"], "Hello, this reply is in English.", "E001"),
    ],
)
def test_cli_library_errors_exit_2_with_their_code(  # type: ignore[no-untyped-def]
    monkeypatch, capsys, argv: list[str], stdin: str, code: str
) -> None:
    status, out, err = _run(monkeypatch, capsys, argv, stdin)
    assert (status, out) == (2, "")
    assert err.startswith(f"replyguard: error: [{code}] ") and err.count("\n") == 1


def test_cli_invalid_context_exits_2_without_its_values(monkeypatch, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = tmp_path / "context.json"
    context.write_text(json.dumps({"customer_name": "Анна Петрова", "customer_gender": "Анна Петрова"}), "utf-8")
    code, _, err = _run(monkeypatch, capsys, ["check", "--context", str(context)], BLOCKED)
    assert code == 2
    assert err.startswith("replyguard: error: [E008] ") and "customer_gender" in err
    assert "Анна" not in err and "проблема" not in err


def test_cli_unexpected_error_exits_2_on_one_line_without_the_draft_or_name(  # type: ignore[no-untyped-def]
    monkeypatch, capsys
) -> None:
    def broken(self: Guard, text: str, context: Any = None, lang: str | None = None) -> Any:
        raise RuntimeError(f"cannot analyse {text!r} for {context['customer_name']}\nsecond line")

    monkeypatch.setattr(Guard, "check", broken)
    code, out, err = _run(monkeypatch, capsys, ["check", "--name", "Анна Петрова"], BLOCKED + "\nДо свидания.\n")
    assert (code, out) == (2, "")
    assert err.startswith("replyguard: internal error: RuntimeError: cannot analyse '<redacted>")
    assert err.endswith("' for <redacted> second line\n") and err.count("\n") == 1
    assert not any(private in err for private in ("Ваша", "вина", "свидания", "Анна", "Петрова"))


def test_cli_unexpected_validation_error_does_not_repeat_its_input(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    def broken(self: Guard, text: str, context: Any = None, lang: str | None = None) -> Any:
        return Context.model_validate({"channel": "секретная переписка"})

    monkeypatch.setattr(Guard, "check", broken)
    code, _, err = _run(monkeypatch, capsys, ["check"], BLOCKED)
    assert code == 2
    assert err.startswith("replyguard: internal error: ValidationError: channel: Input should be")
    assert "секретная" not in err and err.count("\n") == 1


def test_cli_rules_option_applies_a_company_pack(monkeypatch, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pack = tmp_path / "acme.yaml"
    pack.write_text(
        "language: ru\nabout: ACME.\noverrides:\n  - id: ru.bad_word.vy_sami_vinovaty\n    severity: info\n",
        encoding="utf-8",
    )
    text = "Вы сами виноваты, что не проверили адрес."
    assert _run(monkeypatch, capsys, ["check", "-", "--lang", "ru"], text)[0] == 1
    code, out, _ = _run(monkeypatch, capsys, ["check", "-", "--lang", "ru", "--rules", str(pack)], text)
    assert code == 0 and "ru.bad_word.vy_sami_vinovaty" in out
    broken = tmp_path / "broken.yaml"
    broken.write_text("language: ru\nabout: typo.\noverrides:\n  - id: ru.bad_word.nope\n    severity: info\n")
    code, _, err = _run(monkeypatch, capsys, ["check", "-", "--rules", str(broken)], text)
    assert code == 2 and "broken.yaml:4" in err
