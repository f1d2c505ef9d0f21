"""The HTML report of the bundled templates, opened in headless Chromium: the highlights, the
counts and the filter script are in the DOM the browser built, and a screenshot is saved.

Chromium comes from the machine's packages (Debian's `chromium`; CI installs it). Without it
the test is skipped on a developer's machine and fails in CI (CI=true), so a missing browser
can never pass for a passing test.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from html_elements import PageElements

from replyguard import Guard
from replyguard.cli import main

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "examples" / "templates.csv"
COLUMNS = [
    *("--id-column", "id", "--name-column", "customer_name", "--gender-column", "gender"),
    *("--channel-column", "channel", "--lang-column", "lang", "--context-column", "context"),
]
NOW = "2025-03-06T10:30:00+03:00"


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("no chromium binary on PATH in CI: install Debian's 'chromium' package (apt-get install chromium)")
    pytest.skip("no chromium binary on PATH (apt-get install chromium); CI runs this test")


def _browser(binary: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        binary,
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`replyguard review` on the bundled templates, as a user runs it."""
    _chromium()  # skip or fail before the work when there is no browser
    path = tmp_path_factory.mktemp("report") / "templates.html"
    code = main(["review", str(TEMPLATES), *COLUMNS, "--now", NOW, "-o", str(path)])
    assert code == 1  # some templates have blocking findings
    return path


def _expected(guard: Guard) -> dict[int, Any]:
    """The library's reports for the checkable templates, with the same context, by row."""
    import json

    reports = {}
    with TEMPLATES.open(encoding="utf-8") as f:
        for number, row in enumerate(csv.DictReader(f), start=2):
            if not row["lang"]:
                continue  # the one row in English: not checkable
            context: dict[str, Any] = {"now": NOW, **(json.loads(row["context"]) if row["context"] else {})}
            for key, column in (
                ("customer_name", "customer_name"),
                ("customer_gender", "gender"),
                ("channel", "channel"),
            ):
                if row[column]:
                    context[key] = row[column]
            reports[number] = guard.check(row["text"], context, row["lang"])
    return reports


def test_report_in_chromium_has_highlights_counts_and_a_screenshot(report: Path, tmp_path: Path, guard: Guard) -> None:
    binary = _chromium()
    page = _browser(binary, tmp_path / "profile", "--dump-dom", report.as_uri()).stdout
    dom = PageElements(page)
    expected = _expected(guard)
    reports = list(expected.values())
    findings = sum(len(r.findings) for r in reports)

    # the script ran in the browser: it wrote the count of replies shown
    assert dom.by_id("shown")["text"] == f"{len(reports)} of {len(reports)} replies shown"
    # totals and counts as the library finds them
    assert int(dom.by_id("total-findings")["text"]) == findings
    assert int(dom.by_id("total-blocked")["text"]) == sum(not r.ok for r in reports)
    assert int(dom.by_id("total-bad")["text"]) == 1
    rule_counts: dict[str, int] = {}
    for r in reports:
        for f in r.findings:
            rule_counts[f.rule] = rule_counts.get(f.rule, 0) + 1
    shown_counts = {
        row["attrs"]["data-rule"]: int(
            next(td for td in _inside(dom, row, "tr") if "findings" in td["attrs"].get("class", ""))["text"]
        )
        for row in dom.find("tr")
        if "data-rule" in row["attrs"]
    }
    assert shown_counts == rule_counts
    # in each reply, every finding's span is highlighted, with its message on hover
    articles = dom.find("article")
    assert sorted(int(a["attrs"]["data-row"]) for a in articles) == sorted(expected)
    for article in articles:
        reply = expected[int(article["attrs"]["data-row"])]
        assert article["attrs"]["data-score"] == str(reply.score)
        marks = [e for e in _inside(dom, article, "article") if e["tag"] == "mark"]
        for rule in {f.rule for f in reply.findings if f.start < f.end}:
            over = [m for m in marks if rule in m["attrs"]["data-rules"].split()]
            spans = [reply.text[f.start : f.end] for f in reply.findings if f.rule == rule]
            assert "".join(m["text"] for m in over) == "".join(spans), rule
            messages = [f.message for f in reply.findings if f.rule == rule]
            assert all(any(message in m["attrs"]["title"] for message in messages) for m in over)
    # worst replies first
    scores = [int(a["attrs"]["data-score"]) for a in articles]
    assert scores == sorted(scores)
    # the bad row is listed with its number
    bad = [row for row in dom.find("tr") if row["attrs"].get("class") == "bad"]
    with TEMPLATES.open(encoding="utf-8") as f:
        last = sum(1 for _ in csv.DictReader(f)) + 1
    assert [row["attrs"]["data-row"] for row in bad] == [str(last)]

    shot = tmp_path / "report.png"
    _browser(binary, tmp_path / "profile", "--window-size=1280,2400", f"--screenshot={shot}", report.as_uri())
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 30_000  # a page of coloured text, not a blank one (which is a few kB)


def test_filter_from_the_address_hides_other_replies(report: Path, tmp_path: Path) -> None:
    binary = _chromium()
    url = report.as_uri() + "#rule=ru.bad_word.uspokoytes"
    dom = PageElements(_browser(binary, tmp_path / "profile", "--dump-dom", url).stdout)
    visible = [a for a in dom.find("article") if "hidden" not in a["attrs"]]
    assert [a["attrs"]["data-rules"] for a in visible] == ["ru.bad_word.uspokoytes"]
    assert dom.by_id("shown")["text"].startswith("1 of ")
    dimmed = [m for m in dom.find("mark") if "dim" in m["attrs"]["class"].split()]
    assert dimmed and all("ru.bad_word.uspokoytes" not in m["attrs"]["data-rules"] for m in dimmed)


def _inside(dom: PageElements, element: dict[str, Any], tag: str) -> list[dict[str, Any]]:
    """The elements after `element` up to the next element with tag `tag` (its contents, for
    a table row or an article, which do not nest)."""
    start = dom.elements.index(element)
    inside = []
    for other in dom.elements[start + 1 :]:
        if other["tag"] == tag:
            break
        inside.append(other)
    return inside
