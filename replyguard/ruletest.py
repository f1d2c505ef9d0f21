"""Run every rule's own examples, as LanguageTool's PatternRuleTest does.

Each rule runs alone (so another rule's overlapping finding cannot hide a miss) on each
`bad` example, which must be flagged at `span` and, where the rule has a safe fix, become
`fixed`; each `good` example must stay quiet. A failure shows what the adapter saw.
"""

from __future__ import annotations

from dataclasses import dataclass

from replyguard.engine import CompiledPack, findings_from
from replyguard.guard import Guard
from replyguard.lang.registry import get_adapter
from replyguard.models import Context, Report
from replyguard.packs import LoadedRule


@dataclass(frozen=True)
class ExampleFailure:
    rule: str
    where: str
    example: str
    problem: str
    analysis: str

    def __str__(self) -> str:
        return f"{self.where}: {self.rule}: {self.problem}\n  example: {self.example!r}\n{self.analysis}"


def check_rule(guard: Guard, loaded: LoadedRule) -> list[ExampleFailure]:
    """The failures of one rule's examples (an empty list when all pass)."""
    rule = loaded.rule
    guard.compiled(loaded.lang)  # the whole pack first: a segmenter learns every pack term
    adapter = get_adapter(loaded.lang)
    alone = CompiledPack(
        [rule], adapter, commitments=guard.commitments.get(loaded.lang), customer=guard.customer.get(loaded.lang)
    )
    where = f"{loaded.path}:{loaded.line}"
    failures: list[ExampleFailure] = []

    def fail(example: str, problem: str, analysis_text: str) -> None:
        failures.append(ExampleFailure(rule.id, where, example, problem, analysis_text))

    shared = Context.model_validate(rule.examples.context or {})
    for bad in rule.examples.bad:
        analysis = adapter.analyse(bad.text)
        context = Context.model_validate(bad.context) if bad.context is not None else shared
        findings = findings_from(alone.find(analysis, context), analysis, "reply")
        seen = [bad.text[f.start : f.end] for f in findings]
        seen += [bad.text[f.suggestions[0].start : f.suggestions[0].end] for f in findings if f.suggestions]
        if not findings:
            fail(bad.text, "bad example not flagged", analysis.describe())
            continue
        if bad.span is not None and bad.span not in seen:
            fail(bad.text, f"flagged {seen}, expected the span {bad.span!r}", analysis.describe())
        fixed = Report(text=bad.text, lang=loaded.lang, findings=findings).fixed
        if bad.fixed is not None and fixed != bad.fixed:
            fail(bad.text, f"fixed text is {fixed!r}, expected {bad.fixed!r}", analysis.describe())
        if bad.fixed is None and fixed != bad.text:
            fail(bad.text, f"the rule makes a safe edit ({fixed!r}); add the expected 'fixed' text", "")
    for example in rule.examples.good:
        good, context = (example, shared) if isinstance(example, str) else (example.text, Context(**example.context))
        analysis = adapter.analyse(good)
        findings = findings_from(alone.find(analysis, context), analysis, "reply")
        if findings:
            flagged = [good[f.start : f.end] for f in findings]
            fail(good, f"good example flagged at {flagged}", analysis.describe())
    return failures


def check_rules(guard: Guard, rules: list[LoadedRule] | None = None) -> list[ExampleFailure]:
    """Failures of every rule's examples (all rules of `guard` when `rules` is None)."""
    failures: list[ExampleFailure] = []
    for loaded in guard.rules if rules is None else rules:
        failures.extend(check_rule(guard, loaded))
    return failures
