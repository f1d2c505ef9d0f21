"""The promise kind: commitments the company cannot keep, and promises that commit to nothing.

The commitments themselves are found once per reply, before any rule runs (see
`replyguard.promises`), from the adapter's grammar (`promise_verbs`, `time_expressions`) and
the packs' `commitments:` lexicon; the rules of this kind judge them:

  too_soon         the deadline is sooner than `policy.min_lead` for its kind allows
  non_working_day  the promise names a day the company does not work (weekend, holiday)
  outside_hours    a callback at a time outside `policy.working_hours`
  vague            `phrases` (скоро, kmalu, 尽快) in a promise that gives no concrete time
  nobody           nobody stands behind it: «вам перезвонят», «bo dostavljena», or its
                   subject is one of `phrases`, things that cannot act (结果, «система»); no deadline
  empty            an assurance nothing can be checked against, promised with no deadline:
                   the lexicon's `assurances` (verb and object lemmas: «учесть», «принять
                   меры», 加强 培训) and the rule's own `phrases`, if any
  guarantee        `phrases` (гарантирую, zagotovo, 一定) in a sentence with a promise, or
                   `standalone` phrases that are one by themselves («больше никогда не
                   повторится», 百分之百保证)
  overdue          an earlier promise in `Context.history` is past due and not done, and
                   the reply says none of `phrases` (an apology): a reply-level finding with
                   `openings[kind]` ({day}: when it was due) as the sentence to add

Checks that compare with the company's calendar (too_soon, non_working_day,
outside_hours) need a `Context.policy`: without one they stay silent rather than guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from replyguard.kinds.base import Match, RuleBase, Suggestion
from replyguard.kinds.phrases import Phrases, no_empty_phrase, opening, phrase_pattern
from replyguard.lang.base import Analysis, LanguageAdapter
from replyguard.models import CommitmentKind, Context
from replyguard.promises import Found, Moment, Promise, feasible_deadline, lead_for, says, verb_entries
from replyguard.wording import entries

Check = Literal["too_soon", "non_working_day", "outside_hours", "vague", "nobody", "empty", "guarantee", "overdue"]
KINDS: tuple[CommitmentKind, ...] = ("callback", "reply", "delivery", "refund", "resolve", "other")


class CommitmentLexicon(BaseModel):
    """A pack's `commitments:` section: which future verbs are promises, and of what kind.

    Entries are lemmas of the verb («перезвонить», «poklicati», 回电), or a verb and the
    lemma of its object («дать ответ», «vrniti denar», 安排 师傅): the object is looked for
    among the few words after the verb. A verb in two kinds counts for the one whose entry is
    longer (more specific), then the first listed. `agents` are third-person subjects that
    speak for the company («курьер», «менеджер», «kurir», 师傅): with them a third-person
    future is the company's promise; other subjects make it a promised outcome («посылка
    придёт»), still a commitment. `assurances` are future verbs that sound like a step and
    commit to nothing anyone can check («учтём», «примем меры», «upoštevali bomo», 加强培训):
    the empty-promise check flags them, and a complaint's next step is not one of them.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    callback: list[str] = Field(default_factory=list)
    reply: list[str] = Field(default_factory=list)
    delivery: list[str] = Field(default_factory=list)
    refund: list[str] = Field(default_factory=list)
    resolve: list[str] = Field(default_factory=list)
    other: list[str] = Field(default_factory=list)
    agents: list[str] = Field(default_factory=list)
    assurances: list[str] = Field(default_factory=list)

    @field_validator("*")
    @classmethod
    def _no_empty_entry(cls, value: list[str]) -> list[str]:
        return entries(value)

    def merged(self, other: CommitmentLexicon) -> CommitmentLexicon:
        """This lexicon with another pack's entries added (a company pack extends the bundled one)."""
        return CommitmentLexicon(
            **{
                name: list(dict.fromkeys([*getattr(self, name), *getattr(other, name)]))
                for name in type(self).model_fields
            }
        )


class PromiseRule(RuleBase):
    """One check over the reply's commitments (see the module docstring for each `check`)."""

    kind: Literal["promise"]
    check: Check
    phrases: list[str] = Field(default_factory=list)
    standalone: list[str] = Field(default_factory=list)
    openings: dict[CommitmentKind, str] = Field(default_factory=dict)
    kinds: list[CommitmentKind] = Field(default_factory=list)  # the promise kinds checked; empty: all
    greetings: list[str] = Field(default_factory=list)  # overdue: the apology goes after the greeting

    @field_validator("phrases", "standalone", "greetings")
    @classmethod
    def _no_empty_phrase(cls, value: list[str]) -> list[str]:
        return no_empty_phrase(value)

    @model_validator(mode="after")
    def _data_for_its_check(self) -> PromiseRule:
        needs = {"vague": "phrases", "overdue": "phrases"}
        field = needs.get(self.check)
        if field and not getattr(self, field):
            raise ValueError(f"a '{self.check}' promise rule needs '{field}'")
        if self.check == "guarantee" and not (self.phrases or self.standalone):
            raise ValueError("a 'guarantee' promise rule needs 'phrases' or 'standalone'")
        if self.check == "overdue" and "other" not in self.openings:
            raise ValueError("an 'overdue' promise rule needs 'openings' with at least 'other' (the fallback)")
        return self


class CompiledPromises:
    """Promise rules of one language, run over the promises found before them."""

    def __init__(
        self, rules: list[PromiseRule], adapter: LanguageAdapter, *, prefilter: bool = True, cache: bool = False
    ) -> None:
        self._rules = rules
        self._adapter = adapter
        self._phrases = {rule.id: phrase_pattern(rule.phrases, adapter) for rule in rules if rule.check != "empty"}
        # short Chinese phrases that must start and end where words do (一定, not 不一定)
        self._bounded = frozenset(
            p
            for rule in rules
            for p in (*rule.phrases, *rule.standalone)
            if (adapter.character_phrase(p) or ("", False))[1]
        )
        self._subjects = {rule.id: frozenset(p.lower() for p in rule.phrases) for rule in rules}
        self._standalone = {rule.id: phrase_pattern(rule.standalone, adapter, gaps=2) for rule in rules}
        self._greetings = {rule.id: phrase_pattern(rule.greetings, adapter) for rule in rules}
        self._verb_phrases = {rule.id: verb_entries(rule.phrases) for rule in rules if rule.check == "empty"}

    def find(self, analysis: Analysis, context: Context) -> list[Match]:
        found = analysis.memo.get(PROMISES)
        if found is None or not self._rules:
            return []
        matches: list[Match] = []
        for rule in self._rules:
            check = _CHECKS[rule.check]
            matches.extend(check(self, rule, analysis, context, found))
        return matches

    def _hits(self, phrases: Phrases, analysis: Analysis) -> list[tuple[int, int]]:
        """Where the phrases stand; a short Chinese phrase only where it is a word of its own
        (一定, not the 一定 of 不一定)."""
        if not phrases.could_match(analysis):
            return []
        hits = []
        bounds: tuple[set[int], set[int]] | None = None
        for hit in phrases.pattern.finditer(analysis.lowered):
            start, end = hit.span("phrase")
            if hit.group("phrase") in self._bounded:
                if bounds is None:
                    bounds = ({t.start for t in analysis.tokens}, {t.end for t in analysis.tokens})
                if start not in bounds[0] or end not in bounds[1]:
                    continue
            hits.append((start, end))
        return hits

    # The checks: each takes the rule, the analysis, the context and what was found.

    def _too_soon(self, rule: PromiseRule, analysis: Analysis, context: Context, found: Found) -> list[Match]:
        moment = found.moment
        if not moment.policy_given:
            return []
        leads = moment.calendar.policy.min_lead
        matches = []
        for promise in _of_kinds(found.promises, rule):
            lead = leads.get(promise.kind)
            if lead is None or promise.resolved is None or promise.time is None:
                continue
            soonest = moment.now + lead
            if promise.resolved.deadline < soonest:
                feasible = feasible_deadline(moment, lead)
                matches.append(self._at_time(rule, analysis, promise, feasible, moment))
        return matches

    def _non_working_day(self, rule: PromiseRule, analysis: Analysis, context: Context, found: Found) -> list[Match]:
        moment = found.moment
        if not moment.policy_given:
            return []
        matches = []
        for promise in _of_kinds(found.promises, rule):
            day = promise.resolved.day if promise.resolved else None
            if day is None or promise.time is None or moment.calendar.working_day(day):
                continue
            following = moment.calendar.working_days_after(day, 1)
            matches.append(self._at_time(rule, analysis, promise, moment.calendar.close_of(following), moment))
        return matches

    def _outside_hours(self, rule: PromiseRule, analysis: Analysis, context: Context, found: Found) -> list[Match]:
        moment = found.moment
        if not moment.policy_given:
            return []
        calendar = moment.calendar
        matches = []
        for promise in _of_kinds(found.promises, rule):
            if promise.time is None or promise.resolved is None or not promise.time.when.has_clock:
                continue
            when, resolved = promise.time.when, promise.resolved
            earliest = resolved.earliest.timetz().replace(tzinfo=None) if resolved.earliest else None
            latest = resolved.deadline.timetz().replace(tzinfo=None) if when.latest is not None else None
            too_late = earliest is not None and earliest > calendar.closes
            too_early = latest is not None and latest < calendar.opens
            if too_late or too_early:
                matches.append(Match(rule, promise.time.start, promise.time.end))
        return matches

    def _vague(self, rule: PromiseRule, analysis: Analysis, context: Context, found: Found) -> list[Match]:
        pattern = self._phrases[rule.id]
        if pattern is None or not found.promises:  # a vague time word only matters in a promise
            return []
        matches = []
        for start, end in self._hits(pattern, analysis):
            if found.not_ours(start, end):
                continue
            promise = _promise_near(found, start, end)
            if promise is None or promise.resolved is not None or not _of_kind(promise, rule):
                continue
            feasible = feasible_deadline(found.moment, lead_for(found.moment, promise.kind))
            phrase = self._adapter.deadline_phrase(feasible, found.moment.now)
            matches.append(Match(rule, start, end, [Suggestion(start, end, phrase, safe=False)]))
        return matches

    def _nobody(self, rule: PromiseRule, analysis: Analysis, context: Context, found: Found) -> list[Match]:
        """Impersonal promises («вам перезвонят»), and those whose subject is a thing that
        cannot act (`phrases`: 处理结果会通知您, «система уведомит вас»), with no deadline."""
        things = self._subjects[rule.id]
        return [
            Match(rule, p.verb.start, p.verb.end)
            for p in _of_kinds(found.promises, rule)
            if p.resolved is None
            and (p.voice == "impersonal" or (p.voice == "third" and (p.verb.subject or "").lower() in things))
        ]

    def _empty(self, rule: PromiseRule, analysis: Analysis, context: Context, found: Found) -> list[Match]:
        phrases = self._verb_phrases[rule.id]
        dated = {p.verb.start for p in found.promises if p.resolved is not None}
        assured = {verb.start for verb in found.assurances}
        matches = []
        for verb in found.statements:
            if verb.voice not in ("first", "impersonal") or verb.start in dated:
                continue
            if verb.start in assured or says(verb, phrases):
                matches.append(Match(rule, verb.start, verb.end))
        return matches

    def _guarantee(self, rule: PromiseRule, analysis: Analysis, context: Context, found: Found) -> list[Match]:
        matches = []
        standalone = self._standalone[rule.id]
        if standalone is not None:
            for start, end in self._hits(standalone, analysis):
                if not found.not_ours(start, end):
                    matches.append(Match(rule, start, end))
        pattern = self._phrases[rule.id]
        if pattern is None or not found.promises:  # these bind a promise, and there is none
            return matches
        text = analysis.text
        for start, end in self._hits(pattern, analysis):
            bound = any(_binds(text, start, end, p) for p in found.promises)
            if bound and not found.not_ours(start, end):
                matches.append(Match(rule, start, end))
        return matches

    def _overdue(self, rule: PromiseRule, analysis: Analysis, context: Context, found: Found) -> list[Match]:
        now = found.moment.now
        late = [h for h in context.history if not h.done and h.due is not None and h.due < now]
        if not late:
            return []
        apology = self._phrases[rule.id]
        if apology is not None and self._hits(apology, analysis):
            return []
        latest = max(late, key=lambda h: h.due or now)
        assert latest.due is not None
        due = latest.due.astimezone(found.moment.calendar.tz).date()
        day = self._adapter.day_phrase(due, now.date())
        sentence = (rule.openings.get(latest.kind) or rule.openings["other"]).replace("{day}", day)
        return [opening(rule, analysis, self._adapter, self._greetings[rule.id], sentence)]

    def _at_time(
        self, rule: PromiseRule, analysis: Analysis, promise: Promise, instead: dt.datetime, moment: Moment
    ) -> Match:
        """A finding on the promise's time expression, suggesting `instead` (not applied
        unasked: a new date changes what the customer is told)."""
        assert promise.time is not None
        start, end = promise.time.start, promise.time.end
        phrase = self._adapter.deadline_phrase(instead, moment.now)
        return Match(rule, start, end, [Suggestion(start, end, phrase, safe=False)])


PROMISES = "promises"


def _binds(text: str, start: int, end: int, promise: Promise) -> bool:
    """Whether a guarantee word at start..end is about `promise`: in the same statement and
    close, with at most one comma between («Гарантирую, что в четверг она будет у вас»;
    not «…на 100% из хлопка, это указано на ярлыке» after «Уточню по составу:»)."""
    verb = promise.verb
    between = text[end : verb.start] if end <= verb.start else text[verb.end : start]
    return len(between) <= 60 and not _APART.search(between) and sum(c in ",，" for c in between) <= 1


# a sentence end, a colon or a bracket between: not the same statement (a line break is:
# operators break lines anywhere)
_APART = re.compile(r"[.!?。！？:;：；()（）]|\s[—–]\s")


def _of_kind(promise: Promise, rule: PromiseRule) -> bool:
    return not rule.kinds or promise.kind in rule.kinds


def _of_kinds(promises: list[Promise], rule: PromiseRule) -> list[Promise]:
    return [p for p in promises if _of_kind(p, rule)]


def _promise_near(found: Found, start: int, end: int) -> Promise | None:
    """The promise a phrase at start..end belongs to: the nearest promise verb of its
    sentence, unless a request to the customer stands nearer («pošljite račun čim prej»)."""
    best: tuple[int, Promise | None] | None = None
    for promise in found.promises:
        low, high = promise.sentence
        if not low <= start < high:
            continue
        distance = max(promise.verb.start - end, start - promise.verb.end, 0)
        if best is None or distance < best[0]:
            best = (distance, promise)
    if best is None:
        return None
    for low, high in found.requests:
        if max(low - end, start - high, 0) < best[0]:
            sentence = best[1].sentence if best[1] else (0, 0)
            if sentence[0] <= low < sentence[1]:
                return None
    return best[1]


_CHECKS: dict[str, Callable[[CompiledPromises, PromiseRule, Analysis, Context, Found], list[Match]]] = {
    "too_soon": CompiledPromises._too_soon,
    "non_working_day": CompiledPromises._non_working_day,
    "outside_hours": CompiledPromises._outside_hours,
    "vague": CompiledPromises._vague,
    "nobody": CompiledPromises._nobody,
    "empty": CompiledPromises._empty,
    "guarantee": CompiledPromises._guarantee,
    "overdue": CompiledPromises._overdue,
}
