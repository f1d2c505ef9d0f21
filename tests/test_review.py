"""`replyguard review`: CSV, JSONL and XLSX in; every row out (bad ones with their number and
reason); context columns mapped by name; the same reports as the library, in one process or
several; exit codes as `check`; a progress bar on a terminal only; the HTML report's shape."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import pty
import select
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from html_elements import PageElements

from replyguard import Guard
from replyguard import batch_review as br
from replyguard.cli import main
from replyguard.report_html import render

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "examples" / "templates.csv"
MAPPED = [
    "--id-column",
    "id",
    "--name-column",
    "customer_name",
    "--gender-column",
    "gender",
    "--channel-column",
    "channel",
    "--lang-column",
    "lang",
    "--context-column",
    "context",
]
CONTEXT = ("--context-column", "context")
CLEAN = "Анна, здравствуйте! Спасибо, что написали нам. Уже проверяю ваш заказ."
BLOCKED = "Успокойтесь, пожалуйста, мы всё решим."
HOSTILE = '<b onclick="x()">Ваша проблема</b> — не наша вина. </textarea><script>alert(1)</script>'


def _review(capsys: Any, argv: list[str]) -> tuple[int, str, str]:
    code = main(["review", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def _write_csv(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


# --- the bundled templates -------------------------------------------------------------------


def test_bundled_templates_every_row_reported_and_blocked_exit_1(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _review(capsys, [str(TEMPLATES), *MAPPED])
    rows = _csv_rows(out)
    assert code == 1
    with TEMPLATES.open(encoding="utf-8") as f:
        ids = [r["id"] for r in csv.DictReader(f)]
    assert len(ids) >= 30
    # every input row shows up (row 1 is the header), in the file's order
    assert sorted({int(r["row"]) for r in rows}) == list(range(2, len(ids) + 2))
    assert [r["id"] for r in rows if r["row"] == "2"] == [ids[0]]
    bad = [r for r in rows if r["status"] == "error"]
    assert [(r["row"], r["id"]) for r in bad] == [(str(len(ids) + 1), "en-unsupported")]
    assert "E001" in bad[0]["error"] and "ru, sl, zh" in bad[0]["error"]
    assert {r["lang"] for r in rows if r["status"] != "error"} == {"ru", "sl", "zh"}
    assert any(r["severity"] == "error" for r in rows)
    assert f"{len(ids)} rows:" in err and "1 not checked" in err
    assert "Успокойтесь" not in err  # counts only on stderr


def test_mapped_columns_give_the_librarys_reports(capsys, guard: Guard) -> None:  # type: ignore[no-untyped-def]
    now = "2025-03-06T10:30:00+03:00"  # a Thursday: promises get fixed deadlines
    code, out, _ = _review(capsys, [str(TEMPLATES), *MAPPED, "--format", "jsonl", "--now", now])
    records = {r["row"]: r for r in _jsonl(out)}
    with TEMPLATES.open(encoding="utf-8") as f:
        source = list(csv.DictReader(f))
    compared = 0
    for number, row in enumerate(source, start=2):
        context: dict[str, Any] = {"now": now, **(json.loads(row["context"]) if row["context"] else {})}
        for key, column in (("customer_name", "customer_name"), ("customer_gender", "gender"), ("channel", "channel")):
            if row[column]:
                context[key] = row[column]
        record = records[number]
        assert record["id"] == row["id"]
        if record["status"] == "error":
            continue
        expected = guard.check(row["text"], context, row["lang"] or None)
        assert record["report"] == expected.model_dump(mode="json"), row["id"]
        compared += 1
    assert compared == len(source) - 1
    assert any(r.get("report", {}).get("commitments") for r in records.values())
    assert code == 1


def test_the_name_column_reaches_the_check(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _write_csv(
        tmp_path / "semicolons.csv",
        ["Ответ", "Клиент", "Пол", "Язык", "ctx"],
        [
            ["Здравствуйте! Ваш заказ отправлен.", "Игорь Петров", "", "ru", ""],
            ["Уважаемый Анна!", "Анна", "Female", "", ""],
            ["Здравствуйте! Ваш заказ отправлен.", "", "", "", '{"customer_name": "Пётр"}'],
        ],
        delimiter=";",
    )
    argv = [str(path), "--column", "Ответ", "--name-column", "Клиент", "--gender-column", "Пол"]
    code, out, _ = _review(capsys, [*argv, "--lang-column", "Язык", "--context-column", "ctx", "--format", "jsonl"])
    first, second, third = _jsonl(out)
    assert first["report"]["findings"][0]["suggestions"][0]["replacement"].startswith("Игорь")
    assert [f["rule"] for f in second["report"]["findings"]] == ["ru.personalization.gender_mismatch"]  # 'Female'
    assert third["report"]["findings"][0]["suggestions"][0]["replacement"].startswith("Пётр")
    assert code == 1


def test_a_missing_column_is_a_usage_error_naming_it(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = _write_csv(tmp_path / "t.csv", ["reply", "who"], [[CLEAN, "Анна"]])
    code, out, err = _review(capsys, [str(path), "--name-column", "name"])
    assert code == 2 and out == ""
    assert "--column 'text'" in err and "--name-column 'name'" in err and "'reply'" in err


# --- bad rows --------------------------------------------------------------------------------


def test_csv_bad_rows_keep_their_numbers_and_never_stop_the_run(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    lines = [
        "id,text,lang,gender,context",
        f'good-1,"{CLEAN}",,,',  # row 2
        '"multi","Анна, здравствуйте!\nЗаказ уже в пути.",ru,,',  # row 3, two lines in the file
        "empty,   ,ru,,",  # row 4
        'english,"Hello, we will ship your order tomorrow morning.",,,',  # row 5 (detected: en)
        "declared,Здравствуйте,xx,,",  # row 6
        "json,Здравствуйте,ru,,{not json",  # row 7
        "gender,Здравствуйте,ru,robot,",  # row 8: the context fails validation
        ",,,,",  # row 9: blank, skipped and said so
        f'good-2,"{CLEAN}",ru,,',  # row 10
    ]
    data = "\n".join(lines).encode("utf-8") + b"\n"
    data += b"bytes,\xff\xfe \xd0\xbe\xd0\xba,ru,,\n"  # row 11: not UTF-8
    data += f'good-3,"{CLEAN}",ru,,\n'.encode()  # row 12
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    code, out, err = _review(
        capsys,
        [str(path), *("--id-column", "id", "--lang-column", "lang"), *("--gender-column", "gender"), *CONTEXT],
    )
    rows = {r["row"]: r for r in _csv_rows(out)}
    assert sorted(map(int, rows)) == [2, 3, 4, 5, 6, 7, 8, 10, 11, 12]
    assert [rows[n]["status"] for n in ("2", "3", "10", "12")] == ["ok"] * 4
    assert rows["3"]["id"] == "multi"
    errors = {n: r["error"] for n, r in rows.items() if r["status"] == "error"}
    assert set(errors) == {"4", "5", "6", "7", "8", "11"}
    assert "empty" in errors["4"]
    assert "E001" in errors["5"] and "'en'" in errors["5"]
    assert "E001" in errors["6"] and "'xx'" in errors["6"]
    assert "not valid JSON" in errors["7"]
    assert "E008" in errors["8"] and "customer_gender" in errors["8"] and "robot" not in errors["8"]
    assert "not UTF-8" in errors["11"] and "0xff" in errors["11"]
    assert code == 2  # nothing blocked, but some rows could not be checked
    assert "1 blank rows skipped" in err


def test_jsonl_rows_are_lines_and_bad_lines_are_reported(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    lines = [
        json.dumps({"text": CLEAN, "context": {"customer_name": "Анна"}}, ensure_ascii=False).encode(),
        b"",
        b'{"text": "broken',
        b"[1, 2]",
        json.dumps({"text": BLOCKED, "lang": "ru"}, ensure_ascii=False).encode(),
        b'{"text": "\xd0\xbe\xd0\xba \xc3"}',
        json.dumps({"message": CLEAN}).encode(),
        json.dumps({"text": 42}).encode(),
        json.dumps({"text": CLEAN, "context": [1, 2]}).encode(),
    ]
    path = tmp_path / "replies.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    code, out, _ = _review(
        capsys, [str(path), "--context-column", "context", "--lang-column", "lang", "-o", str(tmp_path / "out.jsonl")]
    )
    assert out == ""
    records = {r["row"]: r for r in _jsonl((tmp_path / "out.jsonl").read_text("utf-8"))}
    assert sorted(records) == [1, 3, 4, 5, 6, 7, 8, 9]
    assert records[1]["status"] == "ok" and records[5]["status"] == "blocked"
    assert "not valid JSON" in records[3]["error"]
    assert "JSON object" in records[4]["error"]
    assert "not UTF-8" in records[6]["error"]
    assert "no 'text' field" in records[7]["error"]
    assert records[8]["status"] == "ok"  # a number is text a person sees; it is checked
    assert "JSON object" in records[9]["error"]
    assert code == 1


def test_xlsx_rows_numbers_and_the_sheet(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "notes"
    book.active.append(["nothing to see"])
    sheet = book.create_sheet("Шаблоны")
    sheet.append(["key", "Текст", "Имя"])
    sheet.append(["a", CLEAN, None])  # row 2
    sheet.append([None, None, None])  # row 3: blank
    sheet.append(["b", BLOCKED, "Анна"])  # row 4
    sheet.append(["c", None, "Анна"])  # row 5: no text
    sheet.append([7, "Hvala, Nina, za potrpežljivost. Vračilo smo že odobrili.", None])  # row 6
    path = tmp_path / "templates.xlsx"
    book.save(path)
    argv = [str(path), "--sheet", "Шаблоны", "--column", "Текст", "--name-column", "Имя", "--id-column", "key"]
    code, out, err = _review(capsys, [*argv, "--format", "jsonl"])
    records = {r["row"]: r for r in _jsonl(out)}
    assert sorted(records) == [2, 4, 5, 6]
    assert records[4]["status"] == "blocked" and records[5]["status"] == "error"
    assert records[6]["id"] == "7" and records[6]["report"]["lang"] == "sl"
    assert code == 1 and "1 blank rows skipped" in err
    code, _, err = _review(capsys, [str(path), "--sheet", "nope"])
    assert code == 2 and "Шаблоны" in err


def test_xlsx_without_openpyxl_names_the_extra(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(br.ReviewError, match=r'pip install "replyguard\[xlsx\]"'):
        br.parse_rows(b"PK\x03\x04", "xlsx", br.Columns())


def test_a_failing_check_is_one_bad_row(monkeypatch, guard: Guard) -> None:  # type: ignore[no-untyped-def]
    """A bug in a rule fails its row, not the file; the message does not repeat the text."""
    real = guard.check

    def flaky(text: str, context: Any = None, lang: str | None = None) -> Any:
        if "взрыв" in text:
            raise RuntimeError(f"boom on {text}")
        return real(text, context, lang)

    monkeypatch.setattr(guard, "check", flaky)
    rows = [br.Row(2, item={"text": CLEAN, "context": None, "lang": None})]
    rows.append(br.Row(3, item={"text": "Тут взрыв", "context": None, "lang": "ru"}))
    rows.append(br.Row(4, item={"text": BLOCKED, "context": None, "lang": None}))
    done = br.check_rows(guard, rows)
    assert [r.status for r in done] == ["ok", "error", "blocked"]
    assert done[1].error is not None and "RuntimeError" in done[1].error and "взрыв" not in done[1].error


# --- jobs ------------------------------------------------------------------------------------


def test_jobs_2_gives_the_same_results_as_jobs_1(monkeypatch, guard: Guard) -> None:  # type: ignore[no-untyped-def]
    rows, _ = br.read_file(TEMPLATES, br.Columns(id="id", name="customer_name", lang="lang", context="context"))
    many = [br.Row(i + 2, row.key, row.item, row.error) for i, row in enumerate(rows * 9)]
    monkeypatch.setattr(br, "COLD_START_ROWS", 100)  # a real file pays off from thousands of rows
    used: list[int] = []
    real = br._in_processes

    def spy(*args: Any) -> Any:
        used.append(args[2])
        return real(*args)

    monkeypatch.setattr(br, "_in_processes", spy)
    steps: list[int] = []
    now = dt.datetime(2025, 3, 6, 10, 30, tzinfo=dt.timezone.utc)
    one = br.check_rows(guard, many, jobs=1, now=now)
    two = br.check_rows(guard, many, jobs=2, progress=steps.append, now=now)
    assert used == [2]  # worker processes really ran
    assert sum(steps) == len(many) and len(steps) > 2
    assert [(r.number, r.status, r.error) for r in two] == [(r.number, r.status, r.error) for r in one]
    assert [r.report.model_dump() if r.report else None for r in two] == [
        r.report.model_dump() if r.report else None for r in one
    ]


def test_jobs_must_be_a_count(capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = _review(capsys, [str(TEMPLATES), "--jobs", "-3"])
    assert code == 2 and "--jobs" in err


# --- exit codes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "expected"),
    [([CLEAN, CLEAN], 0), ([CLEAN, BLOCKED], 1), ([CLEAN, ""], 2), ([BLOCKED, ""], 1)],
)
def test_exit_codes_as_check(tmp_path: Path, capsys, texts: list[str], expected: int) -> None:  # type: ignore[no-untyped-def]
    path = _write_csv(tmp_path / "t.csv", ["id", "text"], [[str(i), t] for i, t in enumerate(texts)])
    code, out, _ = _review(capsys, [str(path)])
    assert code == expected
    assert len({r["row"] for r in _csv_rows(out)}) == 2


@pytest.mark.parametrize(
    "argv",
    [
        ["/no/such/file.csv"],
        ["-", "--input-format", "csv"],
        [str(TEMPLATES), "--format", "pdf"],
        [str(TEMPLATES), "--lang", "en"],
    ],
)
def test_usage_errors_exit_2(monkeypatch, capsys, argv: list[str]) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, out, _ = _review(capsys, argv)
    assert code == 2 and out == ""


def test_stdin_and_formats_from_the_output_suffix(monkeypatch, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = f"text\n{BLOCKED}\n".encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, _, _ = _review(capsys, ["-", "-o", str(tmp_path / "r.html")])
    page = (tmp_path / "r.html").read_text("utf-8")
    assert code == 1 and page.startswith("<!DOCTYPE html>") and "&lt;stdin&gt;" in page


# --- the progress bar ------------------------------------------------------------------------


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("COLUMNS", None)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    import fcntl
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    command = [sys.executable, "-m", "replyguard", "review", str(TEMPLATES), "-o", str(tmp_path / "out.csv")]
    child = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=follower, env=_child_env()
    )
    os.close(follower)
    seen = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            child.kill()
            pytest.fail("no output from the review within 120 s")
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert child.wait(timeout=60) == 1
    shown = seen.decode("utf-8", "replace")
    rows = sum(1 for _ in csv.DictReader(TEMPLATES.open(encoding="utf-8")))
    assert f"{rows}/{rows}" in shown and "review" in shown and "%|" in shown
    assert "\r" in shown  # redrawn in place
    assert "rows:" in shown  # then the summary


def test_no_progress_bar_when_piped(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "replyguard", "review", str(TEMPLATES), "-o", str(tmp_path / "out.csv")]
    done = subprocess.run(command, capture_output=True, env=_child_env(), timeout=120, check=False)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1
    assert "%|" not in err and "\r" not in err and "/31" not in err
    assert err.count("\n") == 1 and "rows:" in err


# --- the HTML report -------------------------------------------------------------------------


def test_html_report_structure_and_escaping(tmp_path: Path, guard: Guard, capsys) -> None:  # type: ignore[no-untyped-def]
    evil_id = '"><img src=x onerror=alert(1)>'
    path = _write_csv(
        tmp_path / "t.csv",
        ["id", "text", "lang"],
        [
            ["clean", CLEAN, "ru"],
            [evil_id, HOSTILE, "ru"],
            ["calm", BLOCKED, "ru"],
            ["<i>en</i>", "Hello there, how are you doing?", ""],
        ],
    )
    code, _, _ = _review(
        capsys, [str(path), "--id-column", "id", "--lang-column", "lang", "-o", str(tmp_path / "r.html")]
    )
    page = (tmp_path / "r.html").read_text("utf-8")
    assert code == 1
    # self-contained and inert: no fetch of anything, one script of our own, the markup shown as text
    assert "http://" not in page and "https://" not in page and "default-src 'none'" in page
    dom = PageElements(page)
    assert [e["attrs"] for e in dom.find("script")] == [{}]
    assert not [e for e in dom.elements if e["tag"] in ("img", "link", "iframe", "object", "embed", "i")]
    assert all(not e["attrs"] for e in dom.find("b"))
    assert not [e for e in dom.elements if "src" in e["attrs"] or "onclick" in e["attrs"] or "onerror" in e["attrs"]]
    assert all(e["attrs"]["href"].startswith("#") for e in dom.find("a"))
    cards = dom.find("article")
    scores = [int(c["attrs"]["data-score"]) for c in cards]
    assert scores == sorted(scores) and len(cards) == 3  # worst first; the bad row is not a card
    hostile = guard.check(HOSTILE, lang="ru")
    assert cards[0]["attrs"]["data-row"] == "3" and cards[0]["attrs"]["data-score"] == str(hostile.score)
    assert cards[0]["text"].count("<script>alert(1)</script>") >= 1  # as text
    assert "<b onclick" in cards[0]["text"] and evil_id in cards[0]["text"]
    marks = [m for m in dom.find("mark") if "ru.bad_word.ne_nasha_vina" in m["attrs"]["data-rules"]]
    message = next(f.message for f in hostile.findings if f.rule == "ru.bad_word.ne_nasha_vina")
    assert [m["text"] for m in marks] == ["не наша вина"] and message in marks[0]["attrs"]["title"]
    assert marks[0]["attrs"]["class"] == "f sev-error"
    # counts per rule and per category add up to the findings
    findings = sum(len(guard.check(t, lang="ru").findings) for t in (CLEAN, HOSTILE, BLOCKED))
    total = int(next(e for e in dom.elements if e["attrs"].get("id") == "total-findings")["text"])
    by_rule = [int(e["text"]) for e in dom.find("td", **{"class": "n findings"}) if e in _in_table(dom, "by-rule")]
    by_category = [
        int(e["text"]) for e in dom.find("td", **{"class": "n findings"}) if e in _in_table(dom, "by-category")
    ]
    assert total == findings == sum(by_rule) == sum(by_category)
    rule_row = dom.find("tr", **{"data-rule": "ru.bad_word.uspokoytes"})
    assert rule_row and "bad_word" in rule_row[0]["text"] and "error" in rule_row[0]["text"]
    # filters list every rule and category that fired
    options = {o["attrs"]["value"] for o in dom.find("option")}
    assert {"ru.bad_word.uspokoytes", "ru.bad_word.ne_nasha_vina", "bad_word", ""} <= options
    # the bad row, with its number and an escaped id
    bad = dom.find("tr", **{"class": "bad"})
    assert [b["attrs"]["data-row"] for b in bad] == ["5"] and "<i>en</i>" in bad[0]["text"]


def _in_table(dom: PageElements, table_id: str) -> list[dict[str, Any]]:
    """The elements inside the table with this id (in document order)."""
    elements = dom.elements
    start = next(i for i, e in enumerate(elements) if e["tag"] == "table" and e["attrs"].get("id") == table_id)
    after = next((i for i in range(start + 1, len(elements)) if elements[i]["tag"] == "table"), len(elements))
    return elements[start + 1 : after]


def test_highlight_handles_overlaps_and_insertion_points() -> None:
    from replyguard.models import Category, Finding, Severity
    from replyguard.report_html import highlight

    def finding(rule: str, start: int, end: int, severity: Severity) -> Finding:
        return Finding(rule=rule, category=Category.tone, severity=severity, start=start, end=end, message=f"<{rule}>")

    text = "ab<c>de"
    marked = highlight(
        text,
        [
            finding("x.one", 0, 4, Severity.info),
            finding("x.two", 2, 6, Severity.error),
            finding("x.ins", 7, 7, Severity.warning),
            finding("x.start", 0, 0, Severity.info),
        ],
    )
    dom = PageElements(f"<div>{marked}</div>")
    assert dom.elements[0]["text"] == "▾ab<c>de▾"  # the text, whole, with two markers
    pieces = [(m["text"], m["attrs"]["data-rules"], m["attrs"]["class"]) for m in dom.find("mark")]
    assert pieces == [
        ("ab", "x.one", "f sev-info"),
        ("<c", "x.one x.two", "f sev-error"),
        (">d", "x.two", "f sev-error"),
    ]
    assert "&lt;x.two&gt;" in marked and "<x.two>" not in marked


def test_render_of_a_review_without_findings() -> None:
    review = br.Review("empty.csv", [br.Reviewed(2, "a", error="[E006] empty")])
    page = render(review)
    assert "No findings." in page and 'data-row="2"' in page and review.exit_code == 2
