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
  empty            `phrases` (verb and object lemmas: «учесть», «принять меры», 加强 培训)
                   promised with no deadline: an assurance nothing can be checked against
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
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from replyguard.kinds.base import Match, RuleBase, Suggestion
from replyguard.lang.base import Analysis, LanguageAdapter
from replyguard.models import CommitmentKind, Context
from replyguard.promises import Found, Moment, Promise

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
    придёт»), still a commitment.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    callback: list[str] = Field(default_factory=list)
    reply: list[str] = Field(default_factory=list)
    delivery: list[str] = Field(default_factory=list)
    refund: list[str] = Field(default_factory=list)
    resolve: list[str] = Field(default_factory=list)
    other: list[str] = Field(default_factory=list)
    agents: list[str] = Field(default_factory=list)

    @field_validator("*")
    @classmethod
    def _no_empty_entry(cls, value: list[str]) -> list[str]:
        if any(not entry.strip() for entry in value):
            raise ValueError("an entry must not be empty")
        return [" ".join(entry.split()) for entry in value]

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
        needs = {"vague": "phrases", "empty": "phrases", "overdue": "phrases"}
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
        self._verb_phrases = {
            rule.id: [tuple(p.lower().split()) for p in rule.phrases] for rule in rules if rule.check == "empty"
        }

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
                feasible = _feasible_deadline(moment, lead)
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
            feasible = _feasible_deadline(found.moment, _lead(found.moment, promise.kind))
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
        matches = []
        for verb in found.statements:
            if verb.voice not in ("first", "impersonal") or verb.start in dated:
                continue
            lemmas = {lemma.lower() for lemma in verb.lemmas}
            objects = set(verb.objects)
            if any(p[0] in lemmas and all(o in objects for o in p[1:]) for p in phrases):
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


@dataclass(frozen=True, slots=True)
class Phrases:
    """A rule's written phrases as one regex, with the words (or, in Chinese, the characters)
    they can start with: a reply without any of them is not scanned."""

    pattern: re.Pattern[str]
    starts: frozenset[str]
    by_character: bool

    def could_match(self, analysis: Analysis) -> bool:
        if self.by_character:
            present = analysis.memo.get("characters")
            if present is None:
                present = analysis.memo["characters"] = frozenset(analysis.lowered)
        else:
            present = analysis.memo.get("words")
            if present is None:
                present = analysis.memo["words"] = frozenset(t.lower for t in analysis.tokens)
        return not self.starts.isdisjoint(present)


def phrase_pattern(phrases: list[str], adapter: LanguageAdapter, gaps: int = 0) -> Phrases | None:
    """One regex for written phrases, lowercase, in named group `phrase`: whole words in
    languages written with spaces (any spacing between them, and the loose spellings the
    adapter knows, e.g. Slovenian without č/š/ž), plain characters in Chinese. With `gaps`,
    up to that many other words may stand between two words of a phrase («se kaj takega
    nikoli več ne bo ponovilo» for «se nikoli več ne bo ponovilo»)."""
    if not phrases:
        return None
    alternatives = []
    starts: set[str] = set()
    by_character = False
    for phrase in sorted({" ".join(p.lower().split()) for p in phrases}, key=len, reverse=True):
        if adapter.character_phrase(phrase) is not None:
            alternatives.append(re.escape(phrase))
            starts.add(phrase[0])
            by_character = True
            continue
        first = phrase.split()[0]
        # the token a phrase starts with: its first word, or what the tokenizer cuts off it («100%» → «100»)
        starts.update(t.lower for form in adapter.typed_forms(first) for t in adapter.words(form)[:1])
        words = []
        for word in phrase.split():
            forms = adapter.typed_forms(word)
            words.append("(?:" + "|".join(re.escape(f) for f in forms) + ")" if len(forms) > 1 else re.escape(word))
        joint = r"\s+" if not gaps else rf"\s+(?:\w+\s+){{0,{gaps}}}?"
        alternatives.append(joint.join(words))
    body = "|".join(alternatives)
    if adapter.joins is not None:
        return Phrases(re.compile(f"(?P<phrase>{body})"), frozenset(starts), by_character)
    return Phrases(re.compile(rf"(?<!\w)(?P<phrase>{body})(?!\w)"), frozenset(starts), by_character)


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


def _lead(moment: Moment, kind: CommitmentKind) -> dt.timedelta:
    if not moment.policy_given:
        return dt.timedelta(0)
    return moment.calendar.policy.min_lead.get(kind, dt.timedelta(0))


def _feasible_deadline(moment: Moment, lead: dt.timedelta) -> dt.datetime:
    """The end of the first working day on which the company can have done it."""
    ready = moment.calendar.earliest_feasible(moment.now + lead)
    return moment.calendar.close_of(ready.date())


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


def no_empty_phrase(phrases: list[str]) -> list[str]:
    """A pack's phrase list, refused with a clear error if a phrase is blank."""
    if any(not phrase.strip() for phrase in phrases):
        raise ValueError("a phrase must not be empty")
    return phrases


def opening(
    rule: RuleBase, analysis: Analysis, adapter: LanguageAdapter, greetings: Phrases | None, sentence: str
) -> Match:
    """A reply-level finding that suggests `sentence` as the reply's opening, right after its
    greeting (a space after it where the language writes spaces); offered, never applied."""
    at = after_greeting(analysis, greetings)
    gap = "" if adapter.joins is not None else " "
    insert = sentence + gap if at < len(analysis.text) else gap + sentence
    return Match(rule, at, at, [Suggestion(at, at, insert, safe=False)])


def after_greeting(analysis: Analysis, greetings: Phrases | None) -> int:
    """Where an opening sentence goes: after a greeting near the start of the reply, with
    the name and the punctuation that close it («Здравствуйте, Анна! », «Pozdravljeni, gospa
    Novak, », «钟先生您好，»), else at the very start."""
    text = analysis.text
    lead = len(text) - len(text.lstrip())
    if greetings is None:
        return lead
    hit = greetings.pattern.search(analysis.lowered, lead, lead + 30)
    if hit is None:
        return lead
    tail = _GREETING_TAIL.match(text, hit.end())
    return tail.end() if tail else lead


# After the greeting word: maybe a comma and a name of up to four words in a Latin or
# Cyrillic script, then the punctuation that closes the greeting.
_GREETING_TAIL = re.compile(r"\s*(?:[,，]\s*(?:[A-Za-zÀ-žА-яЁё][\w.-]*\s*){1,4}(?=[!！,，\n]))?[!！.。,，:：\n]+\s*")


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
