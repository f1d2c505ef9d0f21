"""replyguard.review: the findings table and its summary equal what check() says one by one."""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections import Counter
from html import escape
from typing import Any

import pandas as pd
import pytest

import replyguard
from replyguard import Guard, Report
from replyguard.notebook import COLUMNS, SUMMARY_COLUMNS, report_html, review

DRAFTS: list[tuple[str, dict[str, Any]]] = [
    ("Здравствуйте! С вашей проблемой разберёмся, перезвоним вам скоро.", {"customer_name": "Анна Петрова"}),
    ("Анна, здравствуйте! Заказ передан в доставку.", {"customer_name": "Анна Петрова", "channel": "chat"}),
    ("Ты неправильно установил приложение, это не наша вина.", {"customer_name": "Иван Соколов"}),
    ("Pozdravljeni, v skladišču imamo nekaj problemov, paket bo prispel kmalu.", {"channel": "email"}),
    ("Ne moremo vam pomagati, to ni naša napaka.", {}),
    ("这是您没按说明书安装的问题，我们不能免费上门维修。", {"customer_name": "王芳"}),
    ("亲，我们会尽快给您回电，请耐心等待。", {"channel": "social"}),
]


def expected_rows(guard: Guard, labelled: list[tuple[Any, str, Any, str | None]]) -> list[dict[str, Any]]:
    """The rows review() must give, built from check() one reply at a time."""
    rows = []
    for label, text, context, lang in labelled:
        report = guard.check(text, context, lang)
        for f in report.findings:
            best = f.suggestions[0] if f.suggestions else None
            rows.append(
                {
                    "row": label,
                    "lang": f.lang or report.lang,
                    "rule": f.rule,
                    "category": f.category.value,
                    "severity": f.severity.value,
                    "start": f.start,
                    "end": f.end,
                    "text": text[f.start : f.end],
                    "message": f.message,
                    "suggestion": best.replacement if best else None,
                    "safe": best.safe if best else None,
                    "score": report.score,
                    "error": None,
                }
            )
    return rows


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as plain Python values, missing cells as None, for an exact comparison."""
    plain = frame.astype(object).where(frame.notna(), None)
    return [{k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()} for row in plain.to_dict("records")]


def test_review_of_a_list_equals_check_one_by_one(guard: Guard) -> None:
    items = [text for text, _ in DRAFTS[:3]] + [(text, context) for text, context in DRAFTS[3:]]
    result = review(items, guard=guard)
    labelled = [(n, text, None, None) for n, (text, _) in enumerate(DRAFTS[:3])]
    labelled += [(n + 3, text, context, None) for n, (text, context) in enumerate(DRAFTS[3:])]
    want = expected_rows(guard, labelled)
    assert len(want) >= 10  # the drafts have findings in every language
    assert records(result) == want
    assert [r.text for r in result.reports] == [text for text, _ in DRAFTS]


def test_review_of_a_dataframe_reads_columns_and_keeps_the_index(guard: Guard) -> None:
    frame = pd.DataFrame(
        {
            "draft": [text for text, _ in DRAFTS],
            "name": [context.get("customer_name") for _, context in DRAFTS],  # None where unknown
            "channel": [context.get("channel") for _, context in DRAFTS],
        },
        index=[f"t{n}" for n in range(len(DRAFTS))],
    )
    result = review(frame, guard=guard, text_col="draft", context_cols={"customer_name": "name", "channel": "channel"})
    labelled = [(f"t{n}", text, context, None) for n, (text, context) in enumerate(DRAFTS)]
    assert records(result) == expected_rows(guard, labelled)
    assert set(result["row"]) <= set(frame.index)
    # The name is read: without the column the Chinese and Russian drafts lose their name findings.
    without = review(frame, guard=guard, text_col="draft")
    assert "ru.personalization.name_missing" in set(result["rule"])
    assert "ru.personalization.name_missing" not in set(without["rule"])


def test_review_of_records_series_and_a_lang(guard: Guard) -> None:
    texts = [text for text, _ in DRAFTS]
    from_records = review(
        [{"body": text, "name": context.get("customer_name")} for text, context in DRAFTS],
        guard=guard,
        text_col="body",
        context_cols={"customer_name": "name"},
    )
    labelled = [
        (n, text, {"customer_name": c["customer_name"]} if "customer_name" in c else {}, None)
        for n, (text, c) in enumerate(DRAFTS)
    ]
    assert records(from_records) == expected_rows(guard, labelled)
    series = pd.Series(texts, index=range(100, 100 + len(texts)))
    assert records(review(series, guard=guard)) == expected_rows(
        guard, [(100 + n, text, None, None) for n, text in enumerate(texts)]
    )
    short = ["С вашей проблемой разберёмся.", "Imamo problem."]
    assert [r.lang for r in review(short, guard=guard, lang="sl").reports] == ["sl", "sl"]  # lang is obeyed
    langs = pd.DataFrame({"text": short, "lang": ["ru", None]})  # a missing cell: lang= decides
    by_column = review(langs, guard=guard, lang_col="lang", lang="sl")
    assert [r.lang for r in by_column.reports] == ["ru", "sl"]
    assert records(by_column) == expected_rows(guard, [(0, short[0], {}, "ru"), (1, short[1], {}, "sl")])


def test_review_columns_and_types(guard: Guard) -> None:
    result = review([DRAFTS[0][0]], guard=guard)
    assert tuple(result.columns) == COLUMNS
    assert str(result["start"].dtype) == "Int64" and str(result["score"].dtype) == "Int64"
    assert str(result["safe"].dtype) == "boolean"
    empty = review(["Анна, здравствуйте! Заказ передан в доставку."], guard=guard)
    assert empty.empty and tuple(empty.columns) == COLUMNS
    assert empty.summary.empty and tuple(empty.summary.columns) == SUMMARY_COLUMNS
    assert empty.reports[0].ok


def test_review_summary_counts_findings_and_replies(guard: Guard) -> None:
    texts = [text for text, _ in DRAFTS] + [DRAFTS[0][0]]  # the first draft twice
    result = review(texts, guard=guard)
    summary = result.summary
    assert tuple(summary.columns) == SUMMARY_COLUMNS
    found = Counter(f.rule for text in texts for f in guard.check(text).findings)
    replies = Counter(rule for text in texts for rule in {f.rule for f in guard.check(text).findings})
    assert dict(zip(summary["rule"], summary["findings"], strict=True)) == dict(found)
    assert dict(zip(summary["rule"], summary["replies"], strict=True)) == dict(replies)
    assert summary["findings"].is_monotonic_decreasing
    assert summary["findings"].sum() == len(result)
    problema = summary.set_index("rule").loc["ru.bad_word.problema"]
    assert (problema["category"], problema["findings"], problema["replies"]) == ("bad_word", 2, 2)


def test_a_bad_row_is_reported_with_its_row_and_stops_nothing(guard: Guard) -> None:
    secret = "Hello there, my friend, how are you doing today?"  # English: unsupported
    items = [DRAFTS[0][0], "", None, float("nan"), secret, (DRAFTS[2][0], {"chanel": "chat"}), DRAFTS[5][0]]
    with pytest.warns(UserWarning, match="5 of 7 rows could not be checked"):
        result = review(items, guard=guard)
    errors = result[result["error"].notna()]
    assert list(errors["row"]) == [1, 2, 3, 4, 5]
    assert (
        "E006" in errors["error"].iloc[0] and "E001" in errors["error"].iloc[3] and "chanel" in errors["error"].iloc[4]
    )
    assert not errors["error"].str.contains("friend").any()  # no draft text in an error
    assert errors["rule"].isna().all()
    good = result[result["error"].isna()]
    assert set(good["row"]) == {0, 6}
    assert records(good.reset_index(drop=True)) == expected_rows(
        guard, [(0, DRAFTS[0][0], None, None), (6, DRAFTS[5][0], None, None)]
    )
    assert result.reports[1] is None and isinstance(result.reports[6], Report)
    assert result.summary["findings"].sum() == len(good)


def test_review_in_worker_processes_equals_in_process(guard: Guard) -> None:
    # More than one chunk (so workers run), in one language (so each compiles one pack); blank rows told up front.
    texts = [text for text, _ in DRAFTS[:3]] * 70 + ["", None]
    with pytest.warns(UserWarning, match="2 of 212"):
        parallel = review(texts, guard=guard, jobs=2)
    with pytest.warns(UserWarning, match="2 of 212"):
        serial = review(texts, guard=guard)
    assert records(parallel) == records(serial)
    assert list(parallel[parallel["error"].notna()]["row"]) == [210, 211]


def test_a_batch_that_fails_is_checked_again_row_by_row(guard: Guard, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bad row found only while checking (an unsupported language) fails a worker's batch;
    review() then checks row by row so that the others still get their findings."""
    from replyguard.errors import UnsupportedLanguage

    def failing(items: Any, *, jobs: int = 1) -> list[Report]:
        raise UnsupportedLanguage("en", ("ru", "sl", "zh"))

    texts = [text for text, _ in DRAFTS] + ["Hello there, my friend, how are you doing today?"]
    monkeypatch.setattr(guard, "check_many", failing)
    with pytest.warns(UserWarning, match="1 of 8"):
        result = review(texts, guard=guard, jobs=2)
    monkeypatch.undo()
    with pytest.warns(UserWarning, match="1 of 8"):
        assert records(result) == records(review(texts, guard=guard))
    assert "E001" in result["error"].dropna().iloc[0]


def test_review_rejects_what_it_cannot_read(guard: Guard) -> None:
    with pytest.raises(TypeError, match="many replies"):
        review("Одна реплика", guard=guard)
    with pytest.raises(ValueError, match="'draft'"):
        review(pd.DataFrame({"text": ["a"]}), guard=guard, text_col="draft")
    with pytest.raises(ValueError, match=r"'customer'.*customer_name"):
        review(pd.DataFrame({"text": ["a"]}), guard=guard, context_cols=["customer"])


def test_review_uses_the_guard_it_is_given(guard: Guard) -> None:
    quiet = Guard(disable=["ru.bad_word"])
    result = review([DRAFTS[0][0]], guard=quiet)
    assert "ru.bad_word.problema" not in set(result["rule"])
    assert "ru.bad_word.problema" in set(review([DRAFTS[0][0]])["rule"])  # the shared default Guard


def test_a_derived_frame_is_plain_and_a_result_pickles(guard: Guard) -> None:
    result = review([text for text, _ in DRAFTS], guard=guard)
    assert isinstance(result, pd.DataFrame) and type(result).__name__ == "ReviewResult"
    part = result[result["severity"] == "error"]
    assert type(part) is pd.DataFrame  # a part does not carry the whole review's summary
    again = pickle.loads(pickle.dumps(result))
    assert records(again) == records(result)
    assert again.summary.equals(result.summary) and again.reports == result.reports


def test_review_is_exported_and_import_replyguard_does_not_import_pandas() -> None:
    assert replyguard.review is review
    assert "review" not in replyguard.__all__  # the DESIGN names stay the public contract
    code = "import sys, replyguard; replyguard.review; print('pandas' in sys.modules, 'spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_review_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now raises ImportError
    with pytest.raises(ImportError, match=r'pip install "replyguard\[notebook\]"'):
        review(["Здравствуйте"])


def test_report_html_highlights_each_finding_with_its_message(guard: Guard) -> None:
    text = "<b>Ты</b> неправильно установил приложение, это не наша вина."
    report = guard.check(text, {"customer_name": "Иван Соколов"}, "ru")
    html = report._repr_html_()
    assert html == report_html(report)
    assert "&lt;b&gt;" in html and "<b>Ты" not in html  # the draft is escaped, never markup
    for finding in report.findings:
        assert finding.rule in html and escape(finding.message) in html
    blocking = next(f for f in report.findings if f.severity.value == "error")
    assert f'<mark title="{blocking.rule}: ' in html and "background:#f8c4c4" in html
    assert "не наша вина</mark>" in html
    assert f"score {report.score}" in html
    assert "blocked" in html
    zero_width = [f for f in report.findings if f.start == f.end]
    assert zero_width and "▾" in html  # an insertion point gets a marker


def test_a_whole_context_column_with_fields_over_it(guard: Guard) -> None:
    text = "Здравствуйте! С вашей проблемой разберёмся."
    frame = pd.DataFrame(
        {
            "text": [text, text, text, text],
            "context": ['{"customer_name": "Анна Петрова", "channel": "email"}', None, "{not json", "[1, 2]"],
            "name": [None, "Иван Соколов", None, None],
        }
    )
    with pytest.warns(UserWarning, match="2 of 4"):
        result = review(frame, guard=guard, context_col="context", context_cols={"customer_name": "name"})
    want = [
        guard.check(text, {"customer_name": "Анна Петрова", "channel": "email"}),
        guard.check(text, {"customer_name": "Иван Соколов"}),
    ]
    assert result.reports[:2] == want
    errors = result[result["error"].notna()]
    assert list(errors["row"]) == [2, 3] and errors["error"].str.contains("E008").all()
    records_in = [{"text": text, "context": {"channel": "chat"}, "name": "Анна Петрова", "id": 7}]
    from_records = review(records_in, guard=guard, context_cols={"customer_name": "name"})
    assert from_records.reports == [guard.check(text, {"channel": "chat", "customer_name": "Анна Петрова"})]
