"""The pre-commit hook: .pre-commit-hooks.yaml and `python -m replyguard.precommit FILE...`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from replyguard.precommit import PLACEHOLDER_RULES, main

ROOT = Path(__file__).resolve().parent.parent
BAD = "Добрый день, {name}!\n\nВаша проблема — не наша вина.\n"
TEMPLATE = "Добрый день, {name}!\n\nСпасибо, что дождались ответа. Заказ №{{order_id}} передан курьеру.\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    made = {"bad": BAD, "template": TEMPLATE, "empty": "  \n", "warn": "Ваша проблема решена, спасибо за ожидание!"}
    paths = {}
    for name, text in made.items():
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def test_the_manifest_runs_this_module_on_template_files() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "replyguard")
    assert hook["entry"] == "python -m replyguard.precommit" and hook["language"] == "python"
    assert hook["pass_filenames"] is True and hook["types"] == ["text"]
    pattern = re.compile(hook["files"])
    assert all(pattern.search(n) for n in ("replies/a.txt", "b.md", "c.html", "d.htm"))
    assert not any(pattern.search(n) for n in ("setup.py", "data.csv", "notes.txt.bak"))


def test_a_blocking_finding_fails_with_file_line_column(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(files["bad"]), str(files["template"])]) == 1
    out = capsys.readouterr().out
    assert f"{files['bad']}:3:17: error [ru.bad_word.ne_nasha_vina]" in out
    assert str(files["template"]) not in out  # placeholders are what a template is made of


def test_placeholders_block_on_request_and_warnings_fail_on_request(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(files["template"])]) == 0
    assert main(["--placeholders", "block", str(files["template"])]) == 1
    assert "placeholder" in capsys.readouterr().out
    assert main([str(files["warn"])]) == 0
    assert main(["--fail-on", "warning", str(files["warn"])]) == 1
    assert main(["--lang", "ru", "--messages", "en", str(files["warn"])]) == 0
    assert "sounds alarming" in capsys.readouterr().out


def test_files_that_cannot_be_checked_exit_2_and_others_still_run(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "utf16.txt"
    binary.write_bytes("Привет".encode("utf-16"))
    missing = tmp_path / "missing.txt"
    assert main([str(files["empty"]), str(binary), str(missing), str(files["bad"])]) == 2
    captured = capsys.readouterr()
    assert "E006" in captured.err and "not UTF-8" in captured.err and "cannot read" in captured.err
    assert "ru.bad_word.ne_nasha_vina" in captured.out  # the good file after them was still checked
    assert main([]) == 0  # pre-commit with no matching files


def test_company_pack_and_context(files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "acme.yaml"
    pack.write_text(
        "language: ru\nabout: test\noverrides:\n  - id: ru.bad_word.ne_nasha_vina\n    severity: info\n",
        encoding="utf-8",
    )
    assert main(["--rules", str(pack), str(files["bad"])]) == 0
    context = tmp_path / "context.json"
    context.write_text(json.dumps({"channel": "email"}), encoding="utf-8")
    assert main(["--context", str(context), str(files["warn"])]) == 0
    context.write_text("[1]", encoding="utf-8")
    assert main(["--context", str(context), str(files["warn"])]) == 2
    assert main(["--rules", str(tmp_path / "nope.yaml"), str(files["warn"])]) == 2
    assert "no such rule file" in capsys.readouterr().err


def test_placeholder_rule_ids_exist(guard) -> None:  # type: ignore[no-untyped-def]
    ids = {r.rule.id for r in guard.rules}
    assert set(PLACEHOLDER_RULES) <= ids, "a placeholder rule was renamed: update PLACEHOLDER_RULES"


def test_the_hook_entry_runs_as_pre_commit_calls_it(files: dict[str, Path]) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "replyguard.precommit", str(files["template"]), str(files["bad"])],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert run.returncode == 1, run.stderr
    assert "ru.bad_word.ne_nasha_vina" in run.stdout
