"""Guard: load the rule packs once, then check replies: thread-safe, offline, no logging of text."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from replyguard.allow import AllowList
from replyguard.engine import (
    CompiledPack,
    commitments_in_original,
    findings_from,
    shifted,
    to_original,
    unchecked_finding,
)
from replyguard.errors import (
    EmptyText,
    InvalidContext,
    InvalidInput,
    TextTooLong,
    UnknownRule,
    UnsupportedLanguage,
)
from replyguard.kinds.promise import PROMISES
from replyguard.lang.base import LanguageAdapter
from replyguard.lang.detect import detect
from replyguard.lang.registry import SUPPORTED, get_adapter, release_memory, renew_if_grown
from replyguard.lang.segments import Segment, chunked, segments
from replyguard.layout import LAYOUT, layout_of
from replyguard.models import Commitment, Context, Finding, Report
from replyguard.normalize import Normalized, normalize
from replyguard.packs import LoadedRule, bundled_rules_dir, load_pack_set
from replyguard.reported import NEGATIVE, frames, outside

log = logging.getLogger("replyguard")

CheckItem = str | Mapping[str, Any] | tuple[str, Any]
MAX_CHARS = 100_000


class Guard:
    """Checks draft replies against the bundled rule packs (plus any you add).

    >>> guard = Guard()
    >>> report = guard.check("Ваша проблема — не наша вина.", lang="ru")
    >>> report.ok
    False
    """

    def __init__(
        self,
        extra_rules: Sequence[str | Path] | None = None,
        disable: Sequence[str] | None = None,
        *,
        default_lang: str = "ru",
        message_lang: str = "reply",
        bundled: bool = True,
        freeze_gc: bool = True,
        max_chars: int = MAX_CHARS,
    ) -> None:
        """Load and validate every pack now; compile a language's rules on its first reply.

        `disable` takes rule ids or id prefixes (`ru.bad_word`); `message_lang` is 'reply'
        (the reply's own language) or a language code such as 'en'; `default_lang` is used
        for texts too short to tell their language. With `freeze_gc` (the default), once a
        language is compiled every object alive is moved out of the garbage collector's
        way (`gc.freeze()`): the packs, models and caches are long-lived, and a full
        collection walking them costs a reply 40-100 ms at random. Pass False if your
        process relies on collecting cycles that exist at that moment. A text longer than
        `max_chars` (100,000 by default, far more than any reply) raises TextTooLong.
        """
        if max_chars < 1:
            raise ValueError(f"max_chars must be a positive number of characters; got {max_chars}")
        if default_lang not in SUPPORTED:
            raise UnsupportedLanguage(default_lang, SUPPORTED, "given as default_lang", detected=False)
        if message_lang != "reply" and message_lang not in (*SUPPORTED, "en"):
            raise ValueError(f"message_lang is 'reply', 'en' or one of {', '.join(SUPPORTED)}; got {message_lang!r}")
        sources: list[str | Path] = [bundled_rules_dir()] if bundled else []
        sources.extend(extra_rules or ())
        packs = load_pack_set(sources)
        loaded = packs.rules
        disabled = _disabled_ids(loaded, disable or ())
        self.rules: list[LoadedRule] = [r for r in loaded if r.rule.id not in disabled]
        self.allowed: dict[str, tuple[str, ...]] = packs.allow  # per language, from the packs' `allow:`
        self.commitments = packs.commitments  # per language: the promise verbs (see `promises`)
        self.customer = packs.customer  # per language: how the customer's message is read
        self.away = packs.away  # per language: the away auto-reply's sentences
        self.default_lang = default_lang
        self.message_lang = message_lang
        self.freeze_gc = freeze_gc
        self.max_chars = max_chars
        # What a worker process needs to build the same Guard (check_many with jobs).
        self._settings: dict[str, Any] = {
            "extra_rules": [str(p) for p in extra_rules or ()],
            "disable": list(disable or ()),
            "default_lang": default_lang,
            "message_lang": message_lang,
            "bundled": bundled,
            "freeze_gc": freeze_gc,
            "max_chars": max_chars,
        }
        self._compiled: dict[str, tuple[CompiledPack, LanguageAdapter]] = {}
        self._allow_lists: dict[str, AllowList] = {}
        self._lock = threading.Lock()
        log.debug("loaded %d rules (%d disabled)", len(self.rules), len(disabled))

    def check(self, text: str, context: Context | Mapping[str, Any] | None = None, lang: str | None = None) -> Report:
        """Check one draft; `context` is a Context or a plain dict of the same shape."""
        if not isinstance(text, str):
            raise InvalidInput(f"text must be a str, got {type(text).__name__}")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InvalidInput(
                f"text has an unpaired surrogate at offset {exc.start}: it is not valid Unicode; decode the input with "
                "errors='replace' or fix its source"
            ) from None
        if len(text) > self.max_chars:
            raise TextTooLong(len(text), self.max_chars)
        ctx = _as_context(context)
        html = None if ctx.format is None else ctx.format == "html"
        normalized = normalize(text, html=html)
        if not normalized.text.strip():
            raise EmptyText("the text is empty or only whitespace: there is no reply to check")
        code = self._language(normalized.text, lang)
        adapter = get_adapter(code)
        if adapter.joins is not None and " " in normalized.text:
            normalized = normalize(text, html=html, joins=adapter.joins)
        findings: list[Finding] = []
        promised: list[Commitment] = []
        unchecked: list[Segment] = []
        for segment in chunked(segments(normalized.text, code, normalized.breaks), normalized.text):
            if segment.lang is None:
                unchecked.append(segment)
            else:
                found, commitments = self._check_segment(normalized, segment, ctx)
                findings.extend(found)
                promised.extend(commitments)
        if unchecked:
            findings.append(unchecked_finding(unchecked, code, self.message_lang))
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        return Report(
            text=text,
            lang=code,
            findings=to_original(findings, normalized),
            commitments=commitments_in_original(promised, normalized, text),
        )

    def _check_segment(
        self, normalized: Normalized, segment: Segment, ctx: Context
    ) -> tuple[list[Finding], list[Commitment]]:
        """Findings and promises in one stretch of the reply, by its own language's rules, in
        the whole text's offsets; messages in that stretch's language unless asked otherwise
        (its rules are written in it)."""
        assert segment.lang is not None
        whole = segment.start == 0 and segment.end == len(normalized.text)
        piece = normalized.text if whole else normalized.text[segment.start : segment.end]
        breaks = (
            normalized.breaks
            if whole
            else frozenset(b - segment.start for b in normalized.breaks if segment.start <= b < segment.end)
        )
        pack = self._pack(segment.lang)  # first: compiling teaches a segmenter the pack's terms
        adapter = get_adapter(segment.lang)
        fold = adapter.fold
        folded = fold(piece) if fold is not None else piece  # same length: offsets hold
        analysis = adapter.analyse(folded, breaks)
        analysis.memo[LAYOUT] = layout_of(normalized, breaks, segment.start)
        renew_if_grown(adapter)
        unfold = adapter.unfolding(piece, folded) if folded != piece else None
        found = findings_from(pack.find(analysis, ctx), analysis, self.message_lang, piece, unfold)
        promised = [p.public(piece) for p in analysis.memo[PROMISES].promises]
        reported, conditional = frames(adapter, analysis)
        found = outside(found, reported)
        found = outside(found, conditional, NEGATIVE)
        allowed = self._allow_lists.get(segment.lang)
        if allowed:
            found = allowed.keep(found, folded)
        if whole:
            return found, promised
        return shifted(found, segment.start), [
            c.model_copy(update={"start": c.start + segment.start, "end": c.end + segment.start}) for c in promised
        ]

    def check_many(self, items: Iterable[CheckItem], *, jobs: int = 1) -> list[Report]:
        """Check a batch: each item is a text, a (text, context) pair, or a mapping with
        'text' and optional 'context' and 'lang'. Same results as check() one by one.

        `jobs` > 1 checks in that many worker processes (0 or -1: one per core), each with a
        Guard built like this one; worth it from a few thousand replies on (see `batch`).
        """
        from replyguard import batch  # multiprocessing is imported only by callers who batch

        if isinstance(items, str):
            raise InvalidInput("check_many takes a list of texts, not one text; use check() for a single reply")
        count = batch.workers(jobs)
        if count > 1:
            listed = list(items)
            if len(listed) > batch.CHUNK:
                return batch.check_in_processes(self._settings, listed, count)
            items = listed
        reports = []
        for item in items:
            if isinstance(item, str):
                reports.append(self.check(item))
            elif isinstance(item, tuple) and len(item) == 2:
                reports.append(self.check(item[0], item[1]))
            elif isinstance(item, Mapping) and "text" in item:
                unknown = set(item) - {"text", "context", "lang"}
                if unknown:
                    raise InvalidInput(f"unknown keys in a batch item: {', '.join(sorted(unknown))}")
                reports.append(self.check(item["text"], item.get("context"), item.get("lang")))
            else:
                raise InvalidInput("a batch item is a text, a (text, context) pair or a mapping with 'text'")
        return reports

    def compiled(self, lang: str) -> CompiledPack:
        """The compiled rules of one language (compiled now if this is the first use)."""
        return self._pack(lang)

    def _language(self, text: str, lang: str | None) -> str:
        if lang is None:
            return detect(text, self.default_lang)
        if lang not in SUPPORTED:
            raise UnsupportedLanguage(lang, SUPPORTED, "given as lang", detected=False)
        return lang

    def _pack(self, lang: str) -> CompiledPack:
        """The language's compiled rules, compiled again when the process renewed the
        language's adapter (see `registry.renew_if_grown`): Matchers belong to a vocabulary."""
        adapter = get_adapter(lang)
        compiled = self._compiled.get(lang)
        if compiled is None or compiled[1] is not adapter:
            with self._lock:
                compiled = self._compiled.get(lang)
                if compiled is None or compiled[1] is not adapter:
                    first = compiled is None
                    rules = [r.rule for r in self.rules if r.lang == lang]
                    compiled = (
                        CompiledPack(
                            rules,
                            adapter,
                            cache=True,
                            commitments=self.commitments.get(lang),
                            customer=self.customer.get(lang),
                        ),
                        adapter,
                    )
                    self._allow_lists[lang] = AllowList(self.allowed.get(lang, ()), adapter.fold)
                    self._compiled[lang] = compiled
                    if first and self.freeze_gc:
                        gc.freeze()  # once: a renewal's old vocabulary must stay collectable
                    elif not first:
                        release_memory()  # the old pack held the old vocabulary
        return compiled[0]


def _as_context(context: Context | Mapping[str, Any] | None) -> Context:
    if context is None:
        return Context()
    if isinstance(context, Context):
        return context
    if isinstance(context, Mapping):
        try:
            return Context.model_validate(dict(context))
        except ValidationError as exc:
            raise InvalidContext([_problem(error) for error in exc.errors()]) from None
    raise InvalidInput(f"context must be a Context, a dict or None, got {type(context).__name__}")


def _problem(error: Any) -> str:
    """One pydantic error as 'field.path: what is wrong' (the value itself is not repeated:
    it may be personal data)."""
    where = ".".join(str(part) for part in error.get("loc", ())) or "context"
    return f"{where}: {error.get('msg', 'invalid')}"


def _disabled_ids(loaded: list[LoadedRule], disable: Iterable[str]) -> set[str]:
    ids = [r.rule.id for r in loaded]
    disabled: set[str] = set()
    for wanted in disable:
        hits = {i for i in ids if i == wanted or i.startswith(wanted.rstrip(".") + ".")}
        if not hits:
            raise UnknownRule(f"disable= names '{wanted}', which no loaded rule id is or starts with")
        disabled |= hits
    return disabled
