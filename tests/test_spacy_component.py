"""The spaCy component: findings as doc.spans["replyguard"], the report on doc._.replyguard."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import spacy
from spacy import displacy
from spacy.tokens import Doc, DocBin

import replyguard.spacy_component as component
from replyguard import Finding, Guard
from replyguard.notebook import shared_guard

ROOT = Path(__file__).resolve().parent.parent

DRAFTS = {
    "ru": "Ты неправильно установил приложение, это не наша вина. С вашей проблемой разберёмся скоро.",
    "sl": "Pozdravljeni, v skladišču imamo nekaj problemov. Ne moremo vam pomagati, to ni naša napaka.",
    "zh": "这是您没按说明书安装的问题，我们不能免费上门维修，我们会尽快给您回电。",
}


@pytest.fixture(scope="module")
def pipelines() -> dict[str, spacy.Language]:
    made = {}
    for lang in DRAFTS:
        nlp = spacy.blank(lang)
        nlp.add_pipe("replyguard")
        made[lang] = nlp
    return made


@pytest.mark.parametrize("lang", sorted(DRAFTS))
def test_spans_and_report_equal_the_library(pipelines: dict[str, spacy.Language], guard: Guard, lang: str) -> None:
    doc = pipelines[lang](DRAFTS[lang])
    report = doc._.replyguard
    assert report == guard.check(DRAFTS[lang], lang=lang)
    assert len(report.findings) >= 3
    spans = list(doc.spans["replyguard"])
    assert [s.label_ for s in spans] == [f.rule for f in report.findings]
    assert [s.id_ for s in spans] == [f.id for f in report.findings]
    for span, finding in zip(spans, report.findings, strict=True):
        assert span._.replyguard_finding == finding
        assert len(span) >= 1
        if finding.end > finding.start:  # "expand": the tokens cover every flagged character
            assert span.start_char <= finding.start and finding.end <= span.end_char
            assert span.text.strip()


def test_displacy_renders_the_spans(pipelines: dict[str, spacy.Language]) -> None:
    doc = pipelines["ru"](DRAFTS["ru"])
    html = displacy.render(doc, style="span", options={"spans_key": "replyguard"})
    for span in doc.spans["replyguard"]:
        assert span.label_ in html
    assert "наша" in html


def test_a_zero_width_finding_gets_the_token_at_its_point() -> None:
    nlp = spacy.blank("ru")
    doc = nlp("Добрый день!  Ваш заказ готов.")
    for point, token in [(0, "Добрый"), (6, "день"), (13, "Ваш"), (len(doc.text), ".")]:
        finding = Finding(rule="ru.x", category="tone", severity="info", start=point, end=point, message="m")
        span = component._span(doc, finding)
        assert span.text == token and span.label_ == "ru.x" and span.id_ == f"ru.x@{point}"


def test_a_zero_width_finding_in_a_real_report(pipelines: dict[str, spacy.Language]) -> None:
    nlp = pipelines["ru"]
    doc = nlp.make_doc(DRAFTS["ru"])
    doc._.replyguard_context = {"customer_name": "Иван Соколов"}
    doc = nlp(doc)
    first = doc._.replyguard.findings[0]
    assert (first.rule, first.start, first.end) == ("ru.personalization.name_missing", 0, 0)
    assert doc.spans["replyguard"][0].text == "Ты"


def test_the_context_on_the_doc_is_read(pipelines: dict[str, spacy.Language], guard: Guard) -> None:
    text = "Добрый день! Ваш заказ готов."
    nlp = pipelines["ru"]
    plain = nlp(text)
    assert plain._.replyguard.findings == []
    doc = nlp.make_doc(text)
    doc._.replyguard_context = {"customer_name": "Анна Петрова", "channel": "chat"}
    doc = nlp(doc)
    assert doc._.replyguard == guard.check(text, {"customer_name": "Анна Петрова", "channel": "chat"}, "ru")
    assert [s.label_ for s in doc.spans["replyguard"]] == ["ru.personalization.name_missing"]
    bad = nlp.make_doc(text)
    bad._.replyguard_context = 42
    with pytest.raises(TypeError, match="replyguard_context"):
        nlp(bad)


def test_an_empty_doc_gets_no_report_and_does_not_stop_a_pipe(pipelines: dict[str, spacy.Language]) -> None:
    docs = list(pipelines["sl"].pipe(["", "  \n", DRAFTS["sl"]]))
    assert docs[0]._.replyguard is None and len(docs[0].spans["replyguard"]) == 0
    assert docs[1]._.replyguard is None
    assert docs[2]._.replyguard.findings


def test_the_pipeline_language_decides_unless_told(guard: Guard) -> None:
    text = "Ваша проблема."  # Russian in a Slovenian pipeline: the pipeline's language is the declared one
    sl = spacy.blank("sl")
    sl.add_pipe("replyguard")
    assert sl(text)._.replyguard == guard.check(text, lang="sl")
    auto = spacy.blank("sl")
    auto.add_pipe("replyguard", config={"lang": "auto"})
    assert auto(text)._.replyguard.lang == "ru"
    other = spacy.blank("en")  # no rules for English: detected per text
    other.add_pipe("replyguard")
    assert other(text)._.replyguard.lang == "ru"
    with pytest.raises(ValueError, match="'auto'"):
        spacy.blank("ru").add_pipe("replyguard", config={"lang": "de"})


def test_one_guard_per_process_and_config(pipelines: dict[str, spacy.Language]) -> None:
    guards = {id(nlp.get_pipe("replyguard").guard) for nlp in pipelines.values()}
    assert guards == {id(shared_guard())}
    quiet = spacy.blank("ru")
    quiet.add_pipe("replyguard", config={"disable": ["ru.bad_word"], "spans_key": "advice", "message_lang": "en"})
    doc = quiet(DRAFTS["ru"])
    assert quiet.get_pipe("replyguard").guard is not shared_guard()
    assert "replyguard" not in doc.spans and doc.spans["advice"]
    assert not any(s.label_.startswith("ru.bad_word") for s in doc.spans["advice"])
    with pytest.raises(Exception, match=r"ru\.no_such_rule"):
        spacy.blank("ru").add_pipe("replyguard", config={"disable": ["ru.no_such_rule"]})


def test_the_report_travels_with_the_doc(pipelines: dict[str, spacy.Language], tmp_path: Path) -> None:
    nlp = pipelines["zh"]
    doc = nlp(DRAFTS["zh"])
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.replyguard == doc._.replyguard
    assert [s.label_ for s in again.spans["replyguard"]] == [s.label_ for s in doc.spans["replyguard"]]
    stored = DocBin(store_user_data=True, docs=[doc])
    (loaded,) = stored.from_bytes(stored.to_bytes()).get_docs(nlp.vocab)
    assert loaded._.replyguard == doc._.replyguard
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded(DRAFTS["zh"])._.replyguard == doc._.replyguard


def test_nlp_pipe_in_two_processes_equals_one(pipelines: dict[str, spacy.Language]) -> None:
    nlp = pipelines["ru"]
    texts = [DRAFTS["ru"], "Добрый день! Ваш заказ готов.", " ", "Мы не можем перезвонить."] * 2
    parallel = list(nlp.pipe(texts, n_process=2, batch_size=2))
    serial = list(nlp.pipe(texts))
    assert [d._.replyguard for d in parallel] == [d._.replyguard for d in serial]
    assert [[s.label_ for s in d.spans["replyguard"]] for d in parallel] == [
        [s.label_ for s in d.spans["replyguard"]] for d in serial
    ]


def test_the_spacy_entry_point_registers_the_factory(tmp_path: Path) -> None:
    """The line pyproject.toml gives spaCy ([project.entry-points.spacy_factories]) works:
    add_pipe("replyguard") and spacy.load find the factory with no replyguard import."""
    info = tmp_path / "replyguard_entry_point_probe-0.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: replyguard-entry-point-probe\nVersion: 0.0\n")
    (info / "entry_points.txt").write_text(
        "[spacy_factories]\nreplyguard = replyguard.spacy_component:make_component\n"
    )
    code = textwrap.dedent(
        f"""
        import sys, spacy
        nlp = spacy.blank("sl")
        nlp.add_pipe("replyguard")
        nlp.to_disk({str(tmp_path / "pipeline")!r})
        doc = spacy.load({str(tmp_path / "pipeline")!r})("Imamo nekaj problemov.")
        print([s.label_ for s in doc.spans["replyguard"]])
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "['sl.bad_word.problem']"
