"""Rule kinds over an analysed text → findings: language-agnostic from here on.

A `CompiledPack` holds one language's rules, compiled by their kinds against that
language's adapter. `findings_from` turns raw matches into `Finding`s with `Edit`s and
merges overlapping findings of one category, keeping the stronger one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from replyguard.customer import ADMITTED, CUSTOMER, CustomerReader, CustomerVocabulary
from replyguard.kinds import COMPILERS, CompiledKind, Match, RuleBase
from replyguard.kinds.promise import PROMISES, CommitmentLexicon
from replyguard.lang.base import Analysis, LanguageAdapter
from replyguard.models import Category, Commitment, Context, Edit, Finding, Severity
from replyguard.normalize import Normalized
from replyguard.promises import CommitmentFinder

_STRENGTH = {Severity.error: 3, Severity.warning: 2, Severity.info: 1}


class CompiledPack:
    """Every enabled rule of one language, compiled once per Guard and language."""

    def __init__(
        self,
        rules: Iterable[RuleBase],
        adapter: LanguageAdapter,
        *,
        prefilter: bool = True,
        cache: bool = False,
        commitments: CommitmentLexicon | None = None,
        customer: CustomerVocabulary | None = None,
    ) -> None:
        """`prefilter=False` makes every kind look at every rule everywhere (for tests that
        prove the prefilter changes no result); `cache` lets kinds keep what they computed
        in the per-user pack cache (a Guard's packs, not one-rule test packs);
        `commitments` is the packs' lexicon of promise verbs (see `promises`), `customer`
        their vocabulary for reading the customer's message (see `customer`)."""
        self.promises = CommitmentFinder(commitments, adapter)
        by_kind: dict[str, list[RuleBase]] = defaultdict(list)
        for rule in rules:
            by_kind[rule.kind].append(rule)
        # only the conversation rules read the customer's message: without them it is not analysed
        self.customer = CustomerReader(customer if "conversation" in by_kind else None, adapter)
        self.kinds: list[CompiledKind] = [
            COMPILERS[kind](group, adapter, prefilter=prefilter, cache=cache) for kind, group in sorted(by_kind.items())
        ]

    def find(self, analysis: Analysis, context: Context) -> list[Match]:
        """Every rule's matches; the reply's promises and the reading of the customer's
        message are found first and left in `analysis.memo` for the rules and the report."""
        found = analysis.memo[PROMISES] = self.promises.find(analysis, context)
        analysis.memo[CUSTOMER] = self.customer.read(analysis, context, found.statements)
        analysis.memo[ADMITTED] = self.customer.admits(analysis)
        matches: list[Match] = []
        for kind in self.kinds:
            matches.extend(kind.find(analysis, context))
        return matches


def findings_from(
    matches: Iterable[Match],
    analysis: Analysis,
    message_lang: str,
    shown: str | None = None,
    unfold: Callable[[str], str] | None = None,
) -> list[Finding]:
    """Findings (messages in `message_lang`, or the analysed text's language for 'reply'), merged.

    `shown` is the text as written when the analysis saw it folded (Traditional Chinese read
    as Simplified, same length): messages quote it, and `unfold` writes each replacement in
    the reply's own form.
    """
    lang = analysis.lang if message_lang == "reply" else message_lang
    written = analysis.text if shown is None else shown

    def replacement(text: str) -> str:
        return unfold(text) if unfold is not None else text

    findings = []
    for match in matches:
        best = match.suggestions[0] if match.suggestions else None
        # The message quotes what the best edit replaces, which may be wider than the match.
        matched = written[best.start : best.end] if best else written[match.start : match.end]
        # The finding covers what its best edit replaces («вашей проблемой», not «проблемой»),
        # so the CLI column, the highlight and the quoted words agree.
        start = min(match.start, best.start) if best else match.start
        end = max(match.end, best.end) if best else match.end
        findings.append(
            Finding(
                rule=match.rule.id,
                category=match.rule.category,
                severity=match.rule.severity,
                start=start,
                end=end,
                message=match.rule.text_of_message(lang, matched, replacement(best.text) if best else ""),
                lang=analysis.lang,
                suggestions=_distinct(
                    [
                        Edit(
                            start=s.start,
                            end=s.end,
                            replacement=replacement(s.text),
                            safe=s.safe and not _repeats_sentence(analysis, s.start, s.end, s.text),
                        )
                        for s in match.suggestions
                    ]
                ),
            )
        )
    return merge_overlapping(findings)


def _repeats_sentence(analysis: Analysis, start: int, end: int, replacement: str) -> bool:
    """Whether a word the replacement brings already stands elsewhere in its sentence
    («незамедлительно заблокировали карту сразу после…» → «сразу … сразу»): grammatical,
    but worse wording, so such an edit is offered, not applied."""
    words = [w for w in _WORD.findall(replacement.lower()) if len(w) > 2]
    if not words:
        return False
    low, high = analysis.sentence_at(start)
    around = (analysis.text[low:start] + " " + analysis.text[end:high]).lower()
    present = set(_WORD.findall(around))
    return any(word in present for word in words)


_WORD = re.compile(r"[^\W\d_]+")


def _distinct(edits: list[Edit]) -> list[Edit]:
    """The edits without repeats (two replacements may read alike once written in the reply's
    script), the first of each kept."""
    seen: set[tuple[int, int, str]] = set()
    kept = []
    for edit in edits:
        key = (edit.start, edit.end, edit.replacement)
        if key not in seen:
            seen.add(key)
            kept.append(edit)
    return kept


def shifted(findings: list[Finding], offset: int) -> list[Finding]:
    """Findings of a stretch that starts at `offset` of the whole text, in the whole text's offsets."""
    return [_moved(f, lambda start, end: (start + offset, end + offset)) for f in findings]


UNCHECKED_RULE = "core.language.unchecked"
UNCHECKED_MESSAGE_EN = "This part is in {language}, which replyguard cannot check: read it yourself before sending."


def unchecked_finding(stretches: list[Any], main: str, message_lang: str) -> Finding:
    """One info finding over the first stretch in a language without rules, naming it."""
    from replyguard.lang.registry import get_adapter

    first = stretches[0]
    language = first.found or "?"
    lang = main if message_lang == "reply" else message_lang
    template = (
        get_adapter(lang).messages.get("unchecked_language", UNCHECKED_MESSAGE_EN)
        if lang != "en"
        else UNCHECKED_MESSAGE_EN
    )
    return Finding(
        rule=UNCHECKED_RULE,
        category=Category.language,
        severity=Severity.info,
        start=first.start,
        end=first.end,
        message=template.replace("{language}", language),
        lang=first.found,
    )


def to_original(findings: list[Finding], normalized: Normalized) -> list[Finding]:
    """Findings with spans in the caller's text. An edit stays safe only where the original
    reads exactly as the normalized text: replacing markup, an entity or an odd space is
    offered, never applied unasked."""
    if normalized.identity:
        return findings
    return [_moved(f, normalized.span, normalized.exact) for f in findings]


def commitments_in_original(commitments: list[Commitment], normalized: Normalized, text: str) -> list[Commitment]:
    """Promises with spans (and quoted text) in the caller's text, in text order."""
    if normalized.identity:  # offsets and quoted text are the caller's already
        return sorted(commitments, key=lambda c: (c.start, c.end))
    moved = []
    for commitment in commitments:
        start, end = normalized.span(commitment.start, commitment.end)
        moved.append(commitment.model_copy(update={"start": start, "end": end, "text": text[start:end]}))
    return sorted(moved, key=lambda c: (c.start, c.end))


def _moved(
    finding: Finding,
    span: Callable[[int, int], tuple[int, int]],
    still_safe: Callable[[int, int], bool] | None = None,
) -> Finding:
    """The finding with its span and its edits' spans mapped by `span`; an edit stays safe
    only where `still_safe` says so of its old span."""
    start, end = span(finding.start, finding.end)
    edits = []
    for edit in finding.suggestions:
        low, high = span(edit.start, edit.end)
        safe = edit.safe and (still_safe is None or still_safe(edit.start, edit.end))
        edits.append(Edit(start=low, end=high, replacement=edit.replacement, safe=safe))
    return finding.model_copy(
        update={"start": start, "end": end, "suggestions": edits, "id": f"{finding.rule}@{start}"}
    )


def merge_overlapping(findings: list[Finding]) -> list[Finding]:
    """Of findings in one category whose spans overlap, keep the strongest.

    Stronger means higher severity, then the longer span, then the earlier rule id; findings
    of different categories never suppress each other. A zero-width finding (an insertion
    point) only collides with one of the same rule at the same point. O(n log n): the spans kept in one
    category never overlap, so a new one need only be compared with its two neighbours.
    """
    ranked = sorted(findings, key=lambda f: (-_STRENGTH[f.severity], -(f.end - f.start), f.start, f.rule))
    kept: list[Finding] = []
    spans: dict[str, _KeptSpans] = defaultdict(_KeptSpans)
    points: set[tuple[str, str, int]] = set()
    for finding in ranked:
        if finding.start == finding.end:
            # a point is reply-level advice (no apology, no closing): distinct rules there
            # say distinct things, so only the same rule's twice at one point is merged
            point = (finding.category.value, finding.rule, finding.start)
            if point not in points:
                points.add(point)
                kept.append(finding)
        elif spans[finding.category.value].take(finding.start, finding.end):
            kept.append(finding)
    kept.sort(key=lambda f: (f.start, f.end, f.rule))
    return kept


class _KeptSpans:
    """Disjoint spans kept so far in one category, sorted, plus the zero-width points."""

    __slots__ = ("ends", "points", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.points: set[int] = set()

    def take(self, start: int, end: int) -> bool:
        """Keep the span unless it overlaps one already kept; True when kept."""
        if start == end:
            if start in self.points:
                return False
            self.points.add(start)
            return True
        at = bisect_right(self.starts, start)
        if at > 0 and self.ends[at - 1] > start:
            return False
        if at < len(self.starts) and self.starts[at] < end:
            return False
        self.starts.insert(at, start)
        self.ends.insert(at, end)
        return True
