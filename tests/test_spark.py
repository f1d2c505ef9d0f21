"""replyguard.spark on a local Spark session: the same findings as Guard.check, row by row.

One small `local[2]` session (Java 17) for the module; a few thousand varied ru/sl/zh drafts
with context, detected and given languages, and bad rows that must come out as error rows.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import random
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from replyguard import Guard
from replyguard.errors import ReplyguardError

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ("lang", "rule", "category", "severity", "start", "end", "message", "suggestion", "safe", "score", "error")
SCHEMA = "id long, text string, name string, channel string, lang string, now timestamp, ctx string"
CHANNELS = ["chat", "email", "messenger", None]
POLICIES = {
    "ru": '{"policy": {"timezone": "Europe/Moscow", "holidays": "RU", "min_lead": {"delivery": "P2D"}}}',
    "sl": '{"policy": {"timezone": "Europe/Ljubljana", "holidays": "SI"}}',
    "zh": '{"policy": {"timezone": "Asia/Shanghai", "holidays": "CN"}, "customer_gender": "female"}',
}


def _speed() -> Any:
    """benchmarks/speed.py, for its `drafts()` generator and the names it fills in."""
    spec = importlib.util.spec_from_file_location("replyguard_bench_speed", ROOT / "benchmarks" / "speed.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows() -> list[tuple[Any, ...]]:
    """~2,700 drafts in three languages with varied context, plus rows that cannot be checked."""
    speed = _speed()
    rng = random.Random(10)
    rows: list[tuple[Any, ...]] = []
    for lang in ("ru", "sl", "zh"):
        for n, text in enumerate(speed.drafts(lang, 900, seed=100 + len(rows), sentences=(1, 5))):
            if n % 9 == 0:
                text = f"<p>{text}</p>"  # HTML, recognised by its tags
            name = rng.choice(speed.NAMES[lang]) if n % 3 else None
            now = dt.datetime(2026, 11, rng.randint(20, 30), rng.randint(0, 23), 15, tzinfo=ZoneInfo("Europe/Moscow"))
            rows.append(
                (
                    len(rows),
                    text,
                    name,
                    rng.choice(CHANNELS),
                    lang if n % 2 else None,  # given or detected
                    now if n % 4 else None,
                    POLICIES[lang] if n % 5 == 0 else None,
                )
            )
    rows.append((len(rows), "Ваша проблема — не наша вина. 您的问题不是我们的错。", "Анна", None, None, None, None))
    bad = [
        (None, None, None),  # null text
        ("", None, None),  # empty
        ("  \n\t ", None, None),  # whitespace only
        ("Thank you for waiting, we will look into it.", "en", None),  # unsupported language
        ("Ваша проблема решена.", None, "{not json"),  # context column not JSON
        ("Ваша проблема решена.", None, '{"customer_gender": "x"}'),  # invalid context field
        ("Ваша проблема решена.", None, "[1, 2]"),  # a context that is not an object
        ("а" * 100_001, None, None),  # over Guard's max_chars
    ]
    rows.extend((len(rows), text, None, None, lang, None, ctx) for text, lang, ctx in bad)
    return rows


def _expected(guard: Guard, row: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """What the library itself says about one row, in the output's columns."""
    import json

    row_id, text, name, channel, lang, now, ctx = row
    context: dict[str, Any] = {}
    try:
        if ctx is not None:
            try:
                context = json.loads(ctx)
            except json.JSONDecodeError:
                return [(row_id, lang, *[None] * 9, "E008")]
            if not isinstance(context, dict):
                return [(row_id, lang, *[None] * 9, "E008")]
        context.update({k: v for k, v in {"customer_name": name, "channel": channel, "now": now}.items() if v})
        if text is None:
            return [(row_id, lang, *[None] * 9, "E004")]
        report = guard.check(text, context, lang=lang)
    except ReplyguardError as exc:
        return [(row_id, lang, *[None] * 9, str(exc)[1:5])]
    found = [
        (
            row_id,
            f.lang or report.lang,
            f.rule,
            f.category.value,
            f.severity.value,
            f.start,
            f.end,
            f.message,
            f.suggestions[0].replacement if f.suggestions else None,
            f.suggestions[0].safe if f.suggestions else None,
            report.score,
            None,
        )
        for f in report.findings
    ]
    return found or [(row_id, report.lang, None, None, None, None, None, None, None, None, 100, None)]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark", reason='needs the spark extra: pip install "replyguard[spark]"')
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.skip("Spark needs a Java runtime (17); none is on PATH or in JAVA_HOME")
    from pyspark.sql import SparkSession

    saved = {key: os.environ.get(key) for key in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON")}
    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("replyguard-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.memory", "1g")
        .config("spark.sql.session.timeZone", "Europe/Moscow")  # the drafts' `now` is Moscow time
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def test_findings_match_the_library_row_by_row(spark: Any, guard: Guard) -> None:
    from replyguard.spark import review

    rows = _rows()
    df = spark.createDataFrame(rows, SCHEMA).repartition(4)
    out = review(
        df,
        text_col="text",
        context_cols={"customer_name": "name", "channel": "channel", "now": "now"},
        lang_col="lang",
        id_col="id",
        context_col="ctx",
        all_rows=True,
    )
    assert out.columns == ["id", *COLUMNS]
    got: dict[int, list[tuple[Any, ...]]] = {}
    for r in out.collect():
        values = tuple(r)
        if values[-1] is not None:  # an error row: compare the error's code, and no draft in it
            draft = (rows[values[0]][1] or "").strip()
            assert not draft or draft[:12] not in values[-1]
            values = (*values[:-1], values[-1][1:5])
        got.setdefault(values[0], []).append(values)
    assert sorted(got) == [row[0] for row in rows], "every input row comes out, once checked"
    mismatched = [row[0] for row in rows if sorted(got[row[0]], key=repr) != sorted(_expected(guard, row), key=repr)]
    assert not mismatched, f"{len(mismatched)} rows differ from Guard.check, e.g. id {mismatched[:5]}"
    flat = [v for values in got.values() for v in values]
    assert sum(1 for v in flat if v[2]) > 2000  # the drafts are not all clean: the comparison means something
    assert {v[1] for v in flat if v[2]} >= {"ru", "sl", "zh"}
    errors = sorted(v[-1] for v in flat if v[-1])
    assert errors == ["E001", "E004", "E006", "E006", "E007", "E008", "E008", "E008"]

    # The workers kept their Guard after the job: a later task in the same process finds it.
    def cached(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd

        from replyguard import spark as module

        for _ in batches:
            yield pd.DataFrame({"pid": [os.getpid()], "guards": [len(module._guards)]})

    probes = spark.range(0, 8, numPartitions=4).mapInPandas(cached, "pid long, guards long").collect()
    assert max(p.guards for p in probes) == 1, "one Guard per worker process for one set of settings"


def test_worker_guard_is_built_once_per_settings() -> None:
    from replyguard.spark import worker_guard

    first = worker_guard({"disable": [], "message_lang": "en"})
    assert worker_guard({"message_lang": "en", "disable": []}) is first
    assert worker_guard({"disable": ["ru.personalization"], "message_lang": "en"}) is not first
    assert first.message_lang == "en"


def test_a_missing_extra_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from replyguard.spark import review

    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark now raises ImportError
    with pytest.raises(ImportError, match=r'pip install "replyguard\[spark\]"'):
        review(object())  # type: ignore[arg-type]


def test_own_packs_are_shipped_and_ids_generated(spark: Any, tmp_path: Path) -> None:
    from replyguard.spark import review

    pack = tmp_path / "acme.yaml"
    pack.write_text(
        "language: ru\nabout: test overrides\noverrides:\n  - id: ru.bad_word.problema\n    severity: info\n"
        "allow:\n  - не наша вина\n",
        encoding="utf-8",
    )
    texts = ["Ваша проблема — не наша вина.", "Спасибо, что дождались ответа! Всё готово.", "Ваша проблема решена."]
    df = spark.createDataFrame([(t,) for t in texts], "text string")
    out = review(df, rules=[pack], disable=["ru.personalization"]).collect()
    assert all(isinstance(r.row_id, int) for r in out)
    assert len({r.row_id for r in out}) == 2  # generated ids; the clean reply gives no row
    library = Guard(extra_rules=[pack], disable=["ru.personalization"])
    expected = sorted((f.rule, f.severity.value, f.start) for t in texts for f in library.check(t).findings)
    assert sorted((r.rule, r.severity, r.start) for r in out) == expected
    assert {r.severity for r in out if r.rule == "ru.bad_word.problema"} == {"info"}
    assert not any(r.rule == "ru.bad_word.ne_nasha_vina" for r in out)


def test_mistakes_fail_on_the_driver(spark: Any) -> None:
    from replyguard.errors import PackError, UnknownRule
    from replyguard.spark import review

    df = spark.createDataFrame([(1, "Ваша проблема.")], "n long, body string")
    with pytest.raises(ValueError, match="'text'"):
        review(df)
    with pytest.raises(ValueError, match="string column"):
        review(df, text_col="n")
    with pytest.raises(ValueError, match="no Context field"):
        review(df, text_col="body", context_cols={"nmae": "body"})
    with pytest.raises(UnknownRule):
        review(df, text_col="body", disable=["ru.no_such_rule"])
    with pytest.raises(PackError):
        review(df, text_col="body", rules=["/no/such/pack.yaml"])
    with pytest.raises(ValueError, match="clash"):
        review(spark.createDataFrame([("ru", "x")], "lang string, text string"), id_col="lang")
    with pytest.raises(ValueError, match="id_col='row_id'"):
        review(spark.createDataFrame([(1, "x")], "row_id long, text string"))
