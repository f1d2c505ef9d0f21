"""The conversation kind: the reply judged against the message it answers and its channel.

Each rule names one `check`; the wordings it looks for are the rule's data (`phrases`, in
dictionary form, matched by lemma; see `wording.LemmaPhrases`). What the customer wrote is
read once per reply (`customer.CustomerReader`, the packs' `customer:` section) and only
when the CRM sent `Context.customer_message`.

To a complaint (see `customer`), or to any message where the reply itself admits our fault
or the customer's annoyance (the vocabulary's `admissions`: «по ошибке», «pomotoma», 发错):
  apology             the reply says none of `phrases` (apologies, regret): suggests `opening`
  apology_first       the first apology comes after a sentence with one of `refusals`, or
                      after `window` sentences past the greeting: an apology buried after a
                      «no» or the bad news is missing where it counts
  acknowledgement     the reply names back none of the things the customer named (the
                      vocabulary's `objects`, or the message's content words)
  next_step           no commitment and no future action stated (see `promises`), and
                      none of `phrases` (a solution already carried out: «оформили
                      возврат», 已为您补发)
  promotion           `phrases` (discounts, new products, «кстати») offered while the
                      complaint is open; not in a sentence with one of `unless` (compensation
                      «в качестве извинения»), nor when the customer asked about them
Any message:
  thanks_for_waiting  the message (`customer_message_at`) waited longer than
                      `policy.response_time[channel]` until `now` and the reply says none of
                      `phrases`: suggests `opening` after the greeting
  deferred_answer     we defer the answer (`phrases`: verbs, or «verb object», as
                      `commitments:` entries: «уточнить», «передать специалист», 核实) and no
                      deadline stands in that sentence: suggests the earliest feasible time;
                      not in reply to a thank-you, which awaits no answer
By channel (`channels`):
  introduction        phone: the first `window` sentences name neither the operator nor the
                      company (`Context.operator_name`, `company_name`; when both are
                      unknown, none of `phrases`): suggests `opening` ({operator}, {company})
  ask_name            phone, the customer's name unknown, and no `phrases` asking for it
  goodbye             phone: the last `window` sentences lack `phrases` (goodbye) or `thanks`
  greeting_line       email: the first line has none of `phrases`
  closing_line        email: the last five lines (the closing, a signature of up to four)
                      have none of `phrases`: suggests `closing`
                      ({signature}: the operator's or the company's name)
  length              email: more than `max_paragraphs` paragraphs answering a question that
                      is not a complaint (`greetings` paragraphs, the `closings` and the
                      signature under them not counted)
  first_reply_smiley  first contact in one of `channels`, `policy.first_reply_smiley` (None:
                      `custom`, the language's habit) and no emoji, no typed smiley (:) ^_^)
                      and none of `smileys`, the chat apps' codes as written ([微笑])
  emoji               emoji in a channel the policy forbids them in (`policy.emoji`; a channel
                      it does not name: forbidden when listed in `forbidden_in`)

Silent without what a check needs (the customer's message, the times, the channel): it
never guesses.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import Literal

from pydantic import Field, field_validator, model_validator

from replyguard import layout
from replyguard.customer import ADMITTED, CUSTOMER, Reading
from replyguard.kinds.base import Match, RuleBase, Suggestion
from replyguard.kinds.phrases import greeting_end, no_empty_phrase
from replyguard.kinds.promise import PROMISES
from replyguard.lang.base import Analysis, LanguageAdapter
from replyguard.models import Channel, Context
from replyguard.promises import Found, feasible_deadline, lead_for, says, verb_entries
from replyguard.reported import frames
from replyguard.when import PromiseVerb
from replyguard.wording import Hit, LemmaPhrases

Check = Literal[
    "apology",
    "apology_first",
    "acknowledgement",
    "next_step",
    "promotion",
    "thanks_for_waiting",
    "deferred_answer",
    "introduction",
    "ask_name",
    "goodbye",
    "greeting_line",
    "closing_line",
    "length",
    "first_reply_smiley",
    "emoji",
]

# the data each check cannot work without
_NEEDS: dict[str, tuple[str, ...]] = {
    "apology": ("phrases", "opening"),
    "apology_first": ("phrases", "refusals"),
    "promotion": ("phrases",),
    "thanks_for_waiting": ("phrases", "opening"),
    "deferred_answer": ("phrases",),
    "ask_name": ("phrases",),
    "goodbye": ("phrases",),
    "greeting_line": ("phrases",),
    "closing_line": ("phrases",),
    "first_reply_smiley": ("channels",),
    "emoji": ("forbidden_in",),
}


class ConversationRule(RuleBase):
    """One check of the reply against its conversation (see the module docstring)."""

    kind: Literal["conversation"]
    check: Check
    phrases: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    refusals: list[str] = Field(default_factory=list)
    smileys: list[str] = Field(default_factory=list)  # first_reply_smiley: chat apps' codes, as written ([微笑])
    thanks: list[str] = Field(default_factory=list)
    greetings: list[str] = Field(default_factory=list)  # an opening goes after the greeting
    closings: list[str] = Field(default_factory=list)
    opening: str | None = Field(default=None, min_length=1)
    closing: str | None = Field(default=None, min_length=1)
    time_goes: Literal["before", "after"] = "after"  # deferred_answer: the deadline beside the verb
    channels: list[Channel] = Field(default_factory=list)  # the channels the check applies to; empty: all
    forbidden_in: list[Channel] = Field(default_factory=list)  # emoji: where the policy says nothing
    custom: bool = False
    window: int = Field(default=2, ge=1)
    max_paragraphs: int = Field(default=3, ge=1)

    @field_validator("phrases", "unless", "refusals", "thanks", "greetings", "closings")
    @classmethod
    def _no_empty_phrase(cls, value: list[str]) -> list[str]:
        return no_empty_phrase(value)

    @model_validator(mode="after")
    def _data_for_its_check(self) -> ConversationRule:
        missing = [name for name in _NEEDS.get(self.check, ()) if not getattr(self, name)]
        if missing:
            raise ValueError(f"a '{self.check}' conversation rule needs '{missing[0]}'")
        return self


class CompiledConversation:
    """Conversation rules of one language."""

    def __init__(
        self, rules: list[ConversationRule], adapter: LanguageAdapter, *, prefilter: bool = True, cache: bool = False
    ) -> None:
        self._rules = rules
        self._adapter = adapter
        self._gap = "" if adapter.joins is not None else " "
        self._phrases = {rule.id: LemmaPhrases(rule.phrases, adapter, gaps=1) for rule in rules}
        self._unless = {rule.id: LemmaPhrases(rule.unless, adapter, gaps=1) for rule in rules}
        self._refusals = {rule.id: LemmaPhrases(rule.refusals, adapter, gaps=1) for rule in rules}
        self._thanks = {rule.id: LemmaPhrases(rule.thanks, adapter, gaps=1) for rule in rules}
        self._greetings = {rule.id: LemmaPhrases(rule.greetings, adapter) for rule in rules}
        self._closings = {rule.id: LemmaPhrases(rule.closings, adapter) for rule in rules}
        self._verbs = {rule.id: verb_entries(rule.phrases) for rule in rules if rule.check == "deferred_answer"}

    def find(self, analysis: Analysis, context: Context) -> list[Match]:
        matches = []
        reading: Reading | None = analysis.memo.get(CUSTOMER)
        for rule in self._rules:
            if rule.channels and context.channel not in rule.channels:
                continue
            matches.extend(_CHECKS[rule.check](self, rule, analysis, context, reading))
        return matches

    # --- to a complaint -----------------------------------------------------------------

    def _apology(
        self, rule: ConversationRule, analysis: Analysis, context: Context, reading: Reading | None
    ) -> list[Match]:
        if not _complained(analysis, reading) or self._phrases[rule.id].find(analysis):
            return []
        return [self._opening(rule, analysis, rule.opening or "")]

    def _apology_first(
        self, rule: ConversationRule, analysis: Analysis, context: Context, reading: Reading | None
    ) -> list[Match]:
        if not _complained(analysis, reading):
            return []
        apology = self._phrases[rule.id].first(analysis)
        if apology is None:  # missing altogether: the apology check says so
            return []
        found = _found(analysis)
        apology_sentence = analysis.sentence_at(apology.start)

        def moved() -> list[Suggestion]:  # the apology at the opening, whichever way it was buried
            return [self._opening(rule, analysis, rule.opening).suggestions[0]] if rule.opening else []

        for refusal in self._refusals[rule.id].find(analysis, 0, apology.start):
            ours = found is None or not found.not_ours(refusal.start, refusal.end)
            if ours and _before_in_own_clause(analysis, refusal, apology, apology_sentence):
                return [Match(rule, refusal.start, refusal.end, moved())]
        # no refusal seen, yet the apology comes only after `window` sentences of other news
        opened = _after_greeting(analysis, self._adapter, self._greetings[rule.id])
        sentences = analysis.sentences
        before = bisect_left(sentences, (apology_sentence[0],)) - bisect_left(sentences, (opened,))
        if before >= rule.window:
            low, high = _trimmed(analysis.text, apology_sentence)
            return [Match(rule, low, high, moved())]
        return []

    def _acknowledgement(
        self, rule: ConversationRule, analysis: Analysis, context: Context, reading: Reading | None
    ) -> list[Match]:
        if reading is None or not reading.complaint or reading.acknowledged:
            return []
        if not (reading.objects or reading.words):  # nothing named that could be named back
            return []
        return [self._at_start(rule, analysis)]

    def _next_step(
        self, rule: ConversationRule, analysis: Analysis, context: Context, reading: Reading | None
    ) -> list[Match]:
        if not _complained(analysis, reading):
            return []
        found = _found(analysis)
        if found is not None and _new_steps(found, reading):
            return []  # a promise or a future action of ours («технолог осмотрит», «пришьём»)
        if self._phrases[rule.id] and self._phrases[rule.id].find(analysis):
            return []
        return [self._at_start(rule, analysis)]

    def _promotion(
        self, rule: ConversationRule, analysis: Analysis, context: Context, reading: Reading | None
    ) -> list[Match]:
        if not _complained(analysis, reading):
            return []
        offers = self._phrases[rule.id]
        # the customer's own subject is no pitch
        asked = {hit.phrase for hit in offers.find(reading.message)} if reading is not None else set()
        reported, _ = frames(self._adapter, analysis)
        matches = []
        seen: set[tuple[int, int]] = set()
        for hit in offers.find(analysis):
            if hit.phrase in asked or any(low <= hit.start < high for low, high in reported):
                continue
            low, high = _trimmed(analysis.text, analysis.sentence_at(hit.start))
            if (low, high) in seen or self._unless[rule.id].find(analysis, low, high):
                continue
            seen.add((low, high))
            matches.append(Match(rule, low, high, [Suggestion(low, high, "", safe=False)]))
        return matches

    # --- any message ----------------------------------------------------------------------

    def _thanks_for_waiting(
        self, rule: ConversationRule, analysis: Analysis, context: Context, reading: Reading | None
    ) -> list[Match]:
        if not _waited_too_long(context) or self._phrases[rule.id].find(analysis):
            return []
        return [self._opening(rule, analysis, rule.opening or "")]

    def _deferred_answer(
        self, rule: ConversationRule, analysis: Analysis, context: Context, reading: Reading | None
    ) -> list[Match]:
        found = _found(analysis)
        if found is None:
            return []
        if reading is not None and reading.thanks and not (reading.question or reading.complaint):
            return []  # a thank-you awaits no answer: «передадим вашу благодарность мастеру»
        entries = self._verbs[rule.id]
        _, conditional = frames(self._adapter, analysis)
        dated = [p.sentence for p in found.promises if p.resolved is not None]
        for verb in found.statements:
            if verb.voice not in ("first", "impersonal"):
                continue
            if not says(verb, entries):
                continue
            sentence = analysis.sentence_at(verb.start)
            if any(low <= verb.start < high for low, high in dated) or _next_dated(analysis, sentence, dated):
                continue
            if self._unless[rule.id] and self._unless[rule.id].find(analysis, *sentence):
                continue  # «сообщим, как только посылка придёт»: the answer waits for an event
            if any(sentence[0] <= low < sentence[1] for low, _ in conditional):
                continue  # «если хотите, уточню»: an offer, not a promise to come back
            deadline = feasible_deadline(found.moment, lead_for(found.moment, "reply"))
            phrase = self._adapter.deadline_phrase(deadline, found.moment.now)
            if rule.time_goes == "before":
                edit = Suggestion(verb.start, verb.start, phrase + self._gap, safe=False)
            else:
                edit = Suggestion(verb.end, verb.end, self._gap + phrase, safe=False)
            return [Match(rule, verb.start, verb.end, [edit])]
        return []

    # --- by channel -----------------------------------------------------------------------

    def _introduction(
        self, rule: ConversationRule, analysis: Analysis, context: Context, reading: Reading | None
    ) -> list[Match]:
        low, high = _window(analysis, rule.window, from_end=False)
        start = analysis.lowered[low:high]
        known = [name for name in (context.operator_name, context.company_name) if name and name.strip()]
        if known:
            if all(_names(start, name) for name in known):
                return []
        elif self._phrases[rule.id] and self._phrases[rule.id].find(analysis, low, high):
            return []
        suggestions = []
        sentence = _filled(rule.opening, operator=context.operator_name, company=context.company_name)
        if sentence:  # after the greeting the reply opens with, if any: «Добрый день! Компания …»
            at = _after_greeting(analysis, self._adapter, self._greetings[rule.id])
            insert = sentence + self._gap if at < len(analysis.text) else self._gap + sentence
            suggestions.append(Suggestion(at, at, insert, safe=False))
        return [Match(rule, low, low, suggestions)]

    def _ask_name(
        self, rule: ConversationRule, analysis: Analysis, context: Context, reading: Reading | None
    ) -> list[Match]:
        if (context.customer_name or "").strip() or self._phrases[rule.id].find(analysis):
            return []
        if not analysis.sentences:
            return []
        at = _trimmed(analysis.text, analysis.sentences[0])[1]
        suggestions = [Suggestion(at, at, self._gap + rule.opening, safe=False)] if rule.opening else []
        return [Match(rule, at, at, suggestions)]

    def _goodbye(
        self, rule: ConversationRule, analysis: Analysis, context: Context, reading: Reading | None
    ) -> list[Match]:
        low, high = _window(analysis, rule.window, from_end=True)
        bye = self._phrases[rule.id].find(analysis, low, high)
        thanked = not rule.thanks or self._thanks[rule.id].find(analysis, low, high)
        if bye and thanked:
            return []
        return [self._closing(rule, analysis, rule.closing, self._gap)]

    def _greeting_line(
        self, rule: ConversationRule, analysis: Analysis, context: Context, reading: Reading | None
    ) -> list[Match]:
        lines = layout.lines(analysis)
        if not lines:
            return []
        low, high = lines[0]
        if len(lines) > 1 and high - low <= 40 and analysis.text[high - 1] in ":：,，":
            high = lines[1][1]  # an address line first («王先生：», «Anna Novak,»), the greeting after it
        if self._phrases[rule.id].find(analysis, low, high):
            return []
        suggestions = [Suggestion(low, low, rule.opening + "\n\n", safe=False)] if rule.opening else []
        return [Match(rule, low, low, suggestions)]

    def _closing_line(
        self, rule: ConversationRule, analysis: Analysis, context: Context, reading: Reading | None
    ) -> list[Match]:
        lines = layout.lines(analysis)
        if not lines:
            return []
        low = lines[max(0, len(lines) - 5)][0]  # the closing, then a name, a title, a company
        if self._phrases[rule.id].find(analysis, low, len(analysis.text)):
            return []
        signature = context.operator_name or context.company_name
        closing = _filled(rule.closing, signature=signature)
        if closing is None and rule.closing:  # no name to sign with: the closing words alone
            closing = rule.closing.split("\n")[0].rstrip(",，")
        return [self._closing(rule, analysis, closing, "\n\n")]

    def _length(
        self, rule: ConversationRule, analysis: Analysis, context: Context, reading: Reading | None
    ) -> list[Match]:
        if reading is None or reading.complaint or not reading.question:
            return []
        blocks = layout.paragraphs(analysis)
        closings = self._closings[rule.id]
        # the closing («此致 / 敬礼» may be two lines) and the signature under it are no
        # paragraphs of the answer: cut at the first closing among the last five blocks
        first = max(0, len(blocks) - 5)
        last = len(blocks)
        if blocks:  # one search over the tail: a closing word may run across two lines (此致敬礼)
            for hit in closings.find(analysis, blocks[first][0], blocks[-1][1]):
                last = min(last, next((i for i in range(first, len(blocks)) if hit.start < blocks[i][1]), last))
        body = [
            (low, high)
            for low, high in blocks[:last]
            if not (self._greetings[rule.id].find(analysis, low, high) and high - low <= 60)
        ]
        if len(body) <= rule.max_paragraphs:
            return []
        return [self._at_start(rule, analysis)]

    def _first_reply_smiley(
        self, rule: ConversationRule, analysis: Analysis, context: Context, reading: Reading | None
    ) -> list[Match]:
        wanted = context.policy.first_reply_smiley
        if context.first_contact is not True or not (rule.custom if wanted is None else wanted):
            return []
        text = analysis.text
        if _emoji(text) or _EMOTICON.search(text) or any(code in text for code in rule.smileys):
            return []
        return [self._opening(rule, analysis, rule.opening or "")]

    def _emoji(
        self, rule: ConversationRule, analysis: Analysis, context: Context, reading: Reading | None
    ) -> list[Match]:
        channel = context.channel
        if channel is None:
            return []
        allowed = context.policy.emoji.get(channel)
        if allowed is True or (allowed is None and channel not in rule.forbidden_in):
            return []
        matches = []
        text = analysis.text
        for start, end in _emoji(text):
            low = start - 1 if start > 0 and text[start - 1] == " " else start  # its space goes with it
            matches.append(Match(rule, start, end, [Suggestion(low, end, "", safe=False)]))
        return matches

    # --- where a finding goes -------------------------------------------------------------

    def _opening(self, rule: ConversationRule, analysis: Analysis, sentence: str | None) -> Match:
        """A reply-level finding suggesting `sentence` right after the reply's greeting."""
        greetings = self._greetings[rule.id]
        at = _after_greeting(analysis, self._adapter, greetings)
        if not sentence:
            return Match(rule, at, at)
        insert = sentence + self._gap if at < len(analysis.text) else self._gap + sentence
        return Match(rule, at, at, [Suggestion(at, at, insert, safe=False)])

    def _closing(self, rule: ConversationRule, analysis: Analysis, sentence: str | None, gap: str) -> Match:
        end = len(analysis.text.rstrip())
        suggestions = [Suggestion(end, end, gap + sentence, safe=False)] if sentence else []
        return Match(rule, end, end, suggestions)

    @staticmethod
    def _at_start(rule: ConversationRule, analysis: Analysis) -> Match:
        lead = len(analysis.text) - len(analysis.text.lstrip())
        return Match(rule, lead, lead)


_Checker = Callable[[CompiledConversation, ConversationRule, Analysis, Context, "Reading | None"], list[Match]]
_CHECKS: dict[str, _Checker] = {
    "apology": CompiledConversation._apology,
    "apology_first": CompiledConversation._apology_first,
    "acknowledgement": CompiledConversation._acknowledgement,
    "next_step": CompiledConversation._next_step,
    "promotion": CompiledConversation._promotion,
    "thanks_for_waiting": CompiledConversation._thanks_for_waiting,
    "deferred_answer": CompiledConversation._deferred_answer,
    "introduction": CompiledConversation._introduction,
    "ask_name": CompiledConversation._ask_name,
    "goodbye": CompiledConversation._goodbye,
    "greeting_line": CompiledConversation._greeting_line,
    "closing_line": CompiledConversation._closing_line,
    "length": CompiledConversation._length,
    "first_reply_smiley": CompiledConversation._first_reply_smiley,
    "emoji": CompiledConversation._emoji,
}


def _found(analysis: Analysis) -> Found | None:
    found = analysis.memo.get(PROMISES)
    return found if isinstance(found, Found) else None


def _before_in_own_clause(analysis: Analysis, refusal: Hit, apology: Hit, sentence: tuple[int, int]) -> bool:
    """The refusal is told before the apology: in an earlier sentence, or in an earlier
    clause of the apology's own (不支持全额退款，很抱歉…), not inside it («не можем не извиниться»)."""
    if analysis.sentence_at(refusal.start) != sentence:
        return True
    return any(mark in analysis.text[refusal.end : apology.start] for mark in ",;，；")


def _complained(analysis: Analysis, reading: Reading | None) -> bool:
    """A complaint is open: the message reads as one, or the reply admits our fault."""
    return (reading is not None and reading.complaint) or bool(analysis.memo.get(ADMITTED))


def _new_steps(found: Found, reading: Reading | None) -> list[PromiseVerb]:
    """The reply's steps, but for the complaint said back: a thing doing, with no time, what
    the customer said it does («zavore cvilijo še bolj kot prej») restates, it is no step."""
    timed = {promise.verb.start for promise in found.promises if promise.time is not None}
    return [
        verb
        for verb in found.steps()
        if verb.voice == "first" or verb.start in timed or reading is None or not set(verb.lemmas) & reading.words
    ]


def _waited_too_long(context: Context) -> bool:
    """The message being answered waited longer than the policy allows for its channel."""
    if context.customer_message_at is None or context.now is None or context.channel is None:
        return False
    allowed = context.policy.response_time.get(context.channel)
    return allowed is not None and context.now - context.customer_message_at > allowed


def _after_greeting(analysis: Analysis, adapter: LanguageAdapter, greetings: LemmaPhrases) -> int:
    """After a greeting that opens the reply (with the name and punctuation closing it)."""
    lead = len(analysis.text) - len(analysis.text.lstrip())
    hit = greetings.first(analysis, lead, min(len(analysis.text), lead + 30)) if greetings else None
    if hit is None:
        return lead
    return greeting_end(analysis, adapter, hit.end)


def _next_dated(analysis: Analysis, sentence: tuple[int, int], dated: list[tuple[int, int]]) -> bool:
    """The sentence right after has a dated promise («Уточню у склада. Ответ пришлю до 15:00.»)."""
    at = bisect_left(analysis.sentences, (sentence[1],))
    if at == len(analysis.sentences):
        return False
    following = analysis.sentences[at][0]
    return any(low <= following < high for low, high in dated)


def _trimmed(text: str, span: tuple[int, int]) -> tuple[int, int]:
    low, high = span
    while low < high and text[low].isspace():
        low += 1
    while high > low and text[high - 1].isspace():
        high -= 1
    return low, high


def _window(analysis: Analysis, count: int, *, from_end: bool) -> tuple[int, int]:
    """The first or last `count` sentences of the reply, as one stretch."""
    sentences = [s for s in analysis.sentences if analysis.text[s[0] : s[1]].strip()]
    if not sentences:
        return 0, len(analysis.text)
    chosen = sentences[-count:] if from_end else sentences[:count]
    return chosen[0][0], chosen[-1][1]


def _names(stretch: str, name: str) -> bool:
    """Whether a person's or company's name stands in `stretch` (lowercased), in any case
    ending: each of its words by its stem («Молния Экспресс» in «компании «Молнии Экспресс»»)."""
    words = [w for w in re.findall(r"\w+", name.lower()) if len(w) >= 2]
    if not words:
        return True
    return all(w[: max(3, len(w) - 2)] in stretch if len(w) > 3 else w in stretch for w in words)


def _filled(template: str | None, **values: str | None) -> str | None:
    """`template` with its {placeholders} filled; None when one it uses is unknown."""
    if template is None:
        return None
    for key, value in values.items():
        if "{" + key + "}" in template:
            if not value or not value.strip():
                return None
            template = template.replace("{" + key + "}", value.strip())
    return template


# typed smileys: :) :-) ;) =) :D ^_^ ^^ and the Russian «))»
_EMOTICON = re.compile(r"(?<![\w:])[:;=]-?[)D(Pp]|\^_*\^|(?<=[^\s(])\)\)+|[(（][\^*]?[ωᴗ▽][\^*]?[)）]")


def _emoji(text: str) -> list[tuple[int, int]]:
    """Where emoji stand (the `emoji` package knows the sequences; imported on first use)."""
    if text.isascii():
        return []
    import emoji

    return [(found["match_start"], found["match_end"]) for found in emoji.emoji_list(text)]
