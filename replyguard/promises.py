"""Commitments: every promise the company makes in a reply, with its deadline.

Found once per reply, before the rules run, because the report lists them (a CRM schedules a
reminder for each) whichever rules are enabled, and because several checks judge the same
promises. The adapter says which verb groups state a future action (`promise_verbs`) and
where the time expressions are (`time_expressions`); the packs' `commitments:` lexicon says
which verbs are promises and of what kind; here they are put together:

- a verb in a question, in a conditional clause, in quotation marks or in the customer's
  reported words is no promise of ours;
- each promise takes the nearest time expression of its sentence that no other promise
  verb stands between; neighbouring time expressions («послезавтра, 17 декабря, с 9:00 до
  13:00») are one time;
- the deadline comes from `deadlines.resolve` against `Context.now` (the clock when the CRM
  gives none: a pre-send hook runs when the reply goes out) in the policy's time zone.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from replyguard.deadlines import Resolved, resolve
from replyguard.models import Commitment, CommitmentKind, Context, Policy
from replyguard.reported import frames
from replyguard.when import PromiseVerb, TimeSpan
from replyguard.workdays import WorkCalendar

if TYPE_CHECKING:
    from replyguard.kinds.promise import CommitmentLexicon
    from replyguard.lang.base import Analysis, LanguageAdapter

# Words in quotation marks are someone's words (the courier said «bo dostavljen čim prej»),
# or a label: no promise of ours.
_QUOTED = re.compile(r"«[^«»\n]*»|»[^»«\n]*«|„[^„“”\n]*[“”]|“[^“”\n]*”|\"[^\"\n]*\"|「[^「」]*」|『[^『』]*』")
_BETWEEN_PARTS = re.compile(r"[\s,，、()（）\-–—]*")
_QUESTION = frozenset("?？")
KIND_ORDER: tuple[CommitmentKind, ...] = ("callback", "reply", "delivery", "refund", "resolve", "other")
DEFAULT_POLICY = Policy()


@dataclass(frozen=True, slots=True)
class Promise:
    """A commitment found in a reply, with what the checks need besides the public fields."""

    kind: CommitmentKind
    start: int
    end: int
    verb: PromiseVerb
    time: TimeSpan | None
    resolved: Resolved | None
    sentence: tuple[int, int]
    company: bool  # we / a named agent of the company (not an outcome or nobody)

    @property
    def voice(self) -> str:
        return self.verb.voice

    def public(self, text: str) -> Commitment:
        return Commitment(
            kind=self.kind,
            start=self.start,
            end=self.end,
            deadline=self.resolved.deadline if self.resolved else None,
            vague=self.resolved is None,
            text=text[self.start : self.end],
        )


@dataclass(frozen=True, slots=True)
class Moment:
    """`Context.now` (or the clock) and the calendar it is read in."""

    now: dt.datetime
    calendar: WorkCalendar
    policy_given: bool


def moment_of(context: Context) -> Moment:
    """The time and calendar a reply's promises are judged in; `policy_given` is False when
    the CRM sent no policy (checks against the calendar then stay silent)."""
    given = "policy" in context.model_fields_set
    if given:
        calendar = _calendar(context.policy)
    else:  # no policy: read the day in the CRM's own offset, as `now` carries it
        calendar = _calendar(DEFAULT_POLICY, context.now.tzinfo if context.now else None)
    now = context.now or dt.datetime.now(calendar.tz)
    return Moment(now.astimezone(calendar.tz), calendar, given)


def verb_entries(entries: list[str]) -> list[tuple[str, ...]]:
    """A rule's «verb [object…]» entries («передать специалист», 加强 培训), split once."""
    return [tuple(entry.lower().split()) for entry in entries]


def says(verb: PromiseVerb, entries: list[tuple[str, ...]]) -> bool:
    """Whether a verb group is one of the entries: its lemma, with every object named."""
    lemmas = {lemma.lower() for lemma in verb.lemmas}
    objects = set(verb.objects)
    return any(entry[0] in lemmas and all(o in objects for o in entry[1:]) for entry in entries)


def lead_for(moment: Moment, kind: CommitmentKind) -> dt.timedelta:
    """How long the company needs for a promise of `kind` (no time without a policy)."""
    if not moment.policy_given:
        return dt.timedelta(0)
    return moment.calendar.policy.min_lead.get(kind, dt.timedelta(0))


def feasible_deadline(moment: Moment, lead: dt.timedelta) -> dt.datetime:
    """The end of the first working day on which the company can have done it."""
    ready = moment.calendar.earliest_feasible(moment.now + lead)
    return moment.calendar.close_of(ready.date())


_CALENDARS: dict[tuple[object, ...], WorkCalendar] = {}


def _calendar(policy: Policy, tz: dt.tzinfo | None = None) -> WorkCalendar:
    """One calendar per distinct policy (CRMs send the same few policies again and again)."""
    key = (
        tz,
        policy.timezone,
        tuple(policy.working_days),
        tuple(policy.working_hours),
        policy.holidays,
        tuple(sorted(policy.min_lead.items())),
    )
    found = _CALENDARS.get(key)
    if found is None:
        if len(_CALENDARS) > 256:
            _CALENDARS.clear()
        found = _CALENDARS[key] = WorkCalendar(policy, tz)
    return found


class CommitmentFinder:
    """One language's promises: its adapter's grammar and its packs' lexicon."""

    def __init__(self, lexicon: CommitmentLexicon | None, adapter: LanguageAdapter) -> None:
        self._adapter = adapter
        self._entries: dict[str, list[tuple[int, int, CommitmentKind, tuple[str, ...]]]] = {}
        self.agents: frozenset[str] = frozenset()
        self._assurances: list[tuple[str, ...]] = []
        if lexicon is None:
            return
        self._assurances = verb_entries(lexicon.assurances)
        for order, kind in enumerate(KIND_ORDER):
            for entry in getattr(lexicon, kind):
                verb, *objects = entry.lower().split()
                self._entries.setdefault(verb, []).append((-len(objects), order, kind, tuple(objects)))
        for found in self._entries.values():
            found.sort()
        self.agents = frozenset(a.lower() for a in lexicon.agents)

    def kind_of(self, verb: PromiseVerb) -> CommitmentKind | None:
        """The kind of promise a verb makes: the most specific lexicon entry that fits it."""
        best: tuple[int, int, CommitmentKind, tuple[str, ...]] | None = None
        objects = set(verb.objects)
        for lemma in verb.lemmas:
            for entry in self._entries.get(lemma.lower(), ()):
                if all(o in objects for o in entry[3]) and (best is None or entry[:2] < best[:2]):
                    best = entry
                    break
        return best[2] if best else None

    def find(self, analysis: Analysis, context: Context) -> Found:
        """The reply's promises, and what the checks need besides (see `Found`)."""
        moment = moment_of(context)
        text = analysis.text
        reported, conditional = frames(self._adapter, analysis)
        not_ours = reported + conditional
        questions = [s for s in analysis.sentences if _is_question(text, s)]
        quoted = [m.span() for m in _QUOTED.finditer(text)]
        found = Found(moment, [], [], [], not_ours + questions + quoted)
        if not self._entries:
            return found
        verbs = self._adapter.promise_verbs(analysis)
        if not verbs:
            return found
        found.statements.extend(v for v in verbs if not found.not_ours(v.start, v.end))
        kept: list[tuple[PromiseVerb, CommitmentKind]] = []
        for verb in found.statements:
            if says(verb, self._assurances):
                found.assurances.append(verb)
            kind = self.kind_of(verb)
            if kind is not None:
                kept.append((verb, kind))
        if not kept:
            return found
        times = joined_times(self._adapter.time_expressions(analysis), text)
        starts = sorted(verb.start for verb, _ in kept)
        sentence_starts = [low for low, _ in analysis.sentences]
        time_starts = [time.start for time in times]
        for verb, kind in kept:
            sentence = _sentence_of(analysis.sentences, sentence_starts, verb.start)
            time = _nearest_time(text, verb, sentence, times, time_starts, starts)
            resolved = resolve(time.when, moment.now, moment.calendar) if time is not None else None
            start = min(verb.start, time.start) if time else verb.start
            end = max(verb.end, time.end) if time else verb.end
            company = verb.voice == "first" or (verb.voice == "third" and (verb.subject or "").lower() in self.agents)
            found.promises.append(Promise(kind, start, end, verb, time, resolved, sentence, company))
        found.requests.extend(self._adapter.request_verbs(analysis))
        return found


@dataclass(slots=True)
class Found:
    """What the promise checks read: the promises, every future statement (promise or not),
    the assurances among them («мы учтём»), the customer's requests, the moment, and the
    stretches that are not our statements (questions, conditions, reported words)."""

    moment: Moment
    promises: list[Promise]
    statements: list[PromiseVerb]
    requests: list[tuple[int, int]]
    skipped: list[tuple[int, int]] = field(default_factory=list)
    assurances: list[PromiseVerb] = field(default_factory=list)
    _lows: list[int] = field(default_factory=list, init=False, repr=False)
    _highs: list[int] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        # the skipped stretches merged and sorted, so a lookup is a bisection, not a scan
        merged: list[list[int]] = []
        for low, high in sorted(self.skipped):
            if merged and low <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], high)
            else:
                merged.append([low, high])
        self._lows = [low for low, _ in merged]
        self._highs = [high for _, high in merged]

    def steps(self) -> list[PromiseVerb]:
        """What the reply says will happen, but for the assurances: «мы учтём» is no step,
        «технолог осмотрит», «пришьём» and «деньги вернутся» are."""
        assured = {verb.start for verb in self.assurances}
        return [verb for verb in self.statements if verb.start not in assured]

    def not_ours(self, start: int, end: int) -> bool:
        at = bisect_right(self._lows, start) - 1
        return at >= 0 and end <= self._highs[at]


def joined_times(times: list[TimeSpan], text: str) -> list[TimeSpan]:
    """Neighbouring time expressions separated only by spaces, commas, dashes or brackets
    are one time («послезавтра, 17 декабря, с 9:00 до 13:00»; 12月12日周六上午)."""
    ordered = sorted(times, key=lambda t: (t.start, t.end))
    joined: list[TimeSpan] = []
    for time in ordered:
        if joined:
            last = joined[-1]
            gap = text[last.end : time.start] if time.start >= last.end else ""
            if time.start < last.end or _BETWEEN_PARTS.fullmatch(gap):
                joined[-1] = TimeSpan(last.start, max(last.end, time.end), last.when.joined(time.when))
                continue
        joined.append(time)
    return joined


def _sentence_of(sentences: list[tuple[int, int]], starts: list[int], offset: int) -> tuple[int, int]:
    """The sentence holding `offset` (`starts`: the sentences' starts, for bisection)."""
    at = bisect_right(starts, offset) - 1
    if at >= 0 and sentences[at][0] <= offset < sentences[at][1]:
        return sentences[at]
    return (0, 0)


def _is_question(text: str, sentence: tuple[int, int]) -> bool:
    return text[sentence[0] : sentence[1]].rstrip()[-1:] in _QUESTION


def _nearest_time(
    text: str,
    verb: PromiseVerb,
    sentence: tuple[int, int],
    times: list[TimeSpan],
    time_starts: list[int],
    verb_starts: list[int],
) -> TimeSpan | None:
    """The time expression of the verb's sentence nearest to it with no other promise verb
    in between; one across a clause boundary counts as much farther («Paket bomo poslali
    danes, prejeli ga boste že jutri»: «jutri» is the second promise's). Only the sentence's
    own times are looked at, and verbs in between are counted by bisection: a long text
    costs in proportion to its length."""
    best: tuple[int, TimeSpan] | None = None
    first = bisect_left(time_starts, sentence[0])
    last = bisect_left(time_starts, sentence[1])
    for time in times[first:last]:
        if time.end > sentence[1]:
            continue
        low, high = (time.end, verb.start) if time.end <= verb.start else (verb.end, time.start)
        between = bisect_left(verb_starts, high) - bisect_left(verb_starts, low)
        if low <= verb.start < high:
            between -= 1  # the verb itself
        if between > 0:
            continue
        distance = max(0, high - low) + (_CLAUSE_GAP if _CLAUSE_BREAK.search(text, low, max(low, high)) else 0)
        if best is None or distance < best[0]:
            best = (distance, time)
    return best[1] if best else None


_CLAUSE_BREAK = re.compile(r"[,;:，；：]|\s[—–]\s")
_CLAUSE_GAP = 50
