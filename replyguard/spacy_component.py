"""replyguard as a spaCy pipeline component: `nlp.add_pipe("replyguard")`.

    import spacy
    import replyguard.spacy_component  # registers the factory (an entry point does it once installed)

    nlp = spacy.blank("ru")
    nlp.add_pipe("replyguard")
    doc = nlp("С вашей проблемой разберёмся.")
    doc._.replyguard                  # the Report
    doc.spans["replyguard"]           # one Span per finding, labelled with the rule id

Spans are aligned to tokens by expanding a finding's characters to the tokens that cover
them ("expand"); a zero-width finding (an insertion point, such as a missing greeting) gets
the token at that point. The span group lists the findings in the Report's order, and each
span's `id_` is its finding's id, so `span._.replyguard_finding` finds the Finding back. The
Guard behind the component is built once per process and shared (see
`replyguard.notebook.shared_guard`), so adding the pipe to several pipelines costs nothing more.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from replyguard.guard import Guard
from replyguard.lang.registry import SUPPORTED
from replyguard.models import Context, Finding, Report
from replyguard.notebook import shared_guard

NAME = "replyguard"
CONTEXT_ATTR = "replyguard_context"  # set it on a Doc before the pipe runs to pass a Context
FINDING_ATTR = "replyguard_finding"


def _finding_of(span: Span) -> Finding | None:
    report = span.doc._.get(NAME)
    if report is None:
        return None
    return next((f for f in report.findings if f.id == span.id_), None)


_CODEC_KEY = "__replyguard_report__"


def _encode_report(obj: Any, chain: Any = None) -> Any:
    """A Report in a Doc's user data as JSON, so `nlp.pipe(n_process=...)`, `Doc.to_bytes`
    and a DocBin with user data carry it (spaCy packs user data with srsly's msgpack)."""
    if isinstance(obj, Report):
        return {_CODEC_KEY: obj.model_dump_json()}
    return obj if chain is None else chain(obj)


def _decode_report(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, dict) and _CODEC_KEY in obj:
        return Report.model_validate_json(obj[_CODEC_KEY])
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register(_CODEC_KEY, func=_encode_report)
srsly.msgpack_decoders.register(_CODEC_KEY, func=_decode_report)

if not Doc.has_extension(NAME):
    Doc.set_extension(NAME, default=None)
if not Doc.has_extension(CONTEXT_ATTR):
    Doc.set_extension(CONTEXT_ATTR, default=None)
if not Span.has_extension(FINDING_ATTR):
    Span.set_extension(FINDING_ATTR, getter=_finding_of)


class ReplyguardComponent:
    """Checks each Doc's text with a shared Guard and writes the findings as spans.

    A Doc whose text is empty or only whitespace gets no report (None) and no spans: a corpus
    often has such rows and one of them must not stop `nlp.pipe`. Any other problem (an
    invalid context, a text over the Guard's limit) raises replyguard's numbered error.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = NAME,
        *,
        lang: str | None = None,
        spans_key: str = NAME,
        extra_rules: list[str] | None = None,
        disable: list[str] | None = None,
        message_lang: str = "reply",
    ) -> None:
        if lang not in (None, "auto", *SUPPORTED):
            raise ValueError(
                f"lang is None (the pipeline's language), 'auto' (detected per text) or one of "
                f"{', '.join(SUPPORTED)}; got {lang!r}"
            )
        self.name = name
        self.spans_key = spans_key
        # None: the pipeline's own language when replyguard has rules for it, else detected.
        self.lang = (
            (nlp.lang if nlp.lang in SUPPORTED else None) if lang is None else (None if lang == "auto" else lang)
        )
        self.settings: dict[str, Any] = {
            "extra_rules": tuple(extra_rules or ()),
            "disable": tuple(disable or ()),
            "message_lang": message_lang,
        }
        shared_guard(**self.settings)  # built (or reused) now: a bad pack or rule id fails in add_pipe

    @property
    def guard(self) -> Guard:
        """The process's shared Guard for this component's settings (looked up, not stored,
        so the component pickles for `nlp.pipe(n_process=...)`)."""
        return shared_guard(**self.settings)

    def __call__(self, doc: Doc) -> Doc:
        context = doc._.get(CONTEXT_ATTR)
        if isinstance(context, Mapping):
            context = dict(context)
        elif context is not None and not isinstance(context, Context):
            raise TypeError(f"doc._.{CONTEXT_ATTR} must be a Context, a dict or None, not {type(context).__name__}")
        if not doc.text.strip():
            doc._.set(NAME, None)
            doc.spans[self.spans_key] = []
            return doc
        report = self.guard.check(doc.text, context, self.lang)
        doc._.set(NAME, report)
        doc.spans[self.spans_key] = [_span(doc, finding) for finding in report.findings]
        return doc


def _span(doc: Doc, finding: Finding) -> Span:
    """The tokens a finding covers, labelled with its rule and carrying its id."""
    found = doc.char_span(finding.start, finding.end, alignment_mode="expand")
    if found is not None and found.text.strip():
        start, end = found.start, found.end
    else:  # an insertion point, or only spaces: the word at (or after) that point
        words = [t for t in doc if not t.is_space] or list(doc)
        start = next((t.i for t in words if t.idx + len(t) > finding.start), words[-1].i)
        end = start + 1
    return Span(doc, start, end, label=finding.rule, span_id=finding.id)


def report_of(doc: Doc) -> Report | None:
    """The Report the component left on `doc` (None before the pipe ran or for an empty text)."""
    report: Report | None = doc._.get(NAME)
    return report


@Language.factory(
    NAME,
    default_config={"lang": None, "spans_key": NAME, "extra_rules": [], "disable": [], "message_lang": "reply"},
)
def make_component(
    nlp: Language,
    name: str,
    lang: str | None,
    spans_key: str,
    extra_rules: list[str],
    disable: list[str],
    message_lang: str,
) -> ReplyguardComponent:
    """spaCy's factory for the "replyguard" pipe; the config keys are the component's options."""
    return ReplyguardComponent(
        nlp, name, lang=lang, spans_key=spans_key, extra_rules=extra_rules, disable=disable, message_lang=message_lang
    )
