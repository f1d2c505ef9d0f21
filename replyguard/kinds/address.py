"""The address kind: is the customer addressed by their name, by the right one, in the right
gender — checks that need the context's `customer_name`.

The language adapter parses the name (`parse_name`) and finds the names a reply uses
(`person_names`); the rule's YAML holds everything else: greeting templates per channel,
the greeting words a named greeting replaces, generic addresses, gendered address words.
So a company changes a greeting without Python, and no language is named here.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field

from replyguard.edits import match_case
from replyguard.kinds.base import Match, RuleBase, Suggestion
from replyguard.lang.base import Analysis, LanguageAdapter, Token
from replyguard.lang.detect import UNSPACED_SCRIPTS, has_script
from replyguard.lang.names import PersonName, fill
from replyguard.models import Context


class AddressRule(RuleBase):
    """`check` says which question the rule asks:

    - `name_missing`: the name is known and the reply never uses it → a named greeting from
      `greetings` (by channel, `default` otherwise), replacing an opening `greeting_words`;
    - `generic`: one of `phrases` («уважаемый клиент») stands where the known name belongs
      → replaced by the first `greetings` template whose slots are known;
    - `wrong_name`: the reply names someone in address position who is not the customer;
    - `gender`: a word of `gendered` («уважаемый» / «уважаемая») next to the customer's
      name disagrees with the customer's gender → its counterpart;
    - `gender_guess`: the customer's gender is unknown and the reply opens with a gendered
      address word anyway («Spoštovana gospa,», «先生，您好»);
    - `title_first_name`: a title of `gendered` before the customer's first name («gospod
      Marko») → the title with the surname;
    - `name_case`: the name after an address word of `gendered` is not in the form the
      address needs («Уважаемая Анне») → the form of the greeting slots;
    - `phrase`: one of `phrases` used as an address, whatever the name (with `unless_policy`,
      a company decides: 亲 / 亲亲 on Chinese marketplaces).
    """

    kind: Literal["address"]
    check: Literal[
        "name_missing",
        "generic",
        "wrong_name",
        "gender",
        "gender_guess",
        "title_first_name",
        "name_case",
        "phrase",
    ]
    greetings: dict[str, list[str]] = Field(default_factory=dict)
    greeting_words: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    gendered: dict[str, list[str]] = Field(default_factory=dict)  # "female" / "male" → words, in the same order
    channels: list[str] = Field(default_factory=list)  # where the rule applies; empty: every channel
    # Words after which a name is in address position («Уважаемая», «gospa», «您好»).
    lead_ins: list[str] = Field(default_factory=list)
    # A boolean Policy field that switches the rule off when true (a company's choice).
    unless_policy: str | None = None


@dataclass(frozen=True, slots=True)
class _Known:
    """The context's name, parsed once per reply and language, with the scripts it is
    written in."""

    name: PersonName
    channel: str
    scripts: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Words:
    """A rule's word lists, lowercased once when the pack compiles."""

    gendered: frozenset[str]  # every word of `gendered`, either gender
    lead_ins: frozenset[str]
    openers: tuple[str, ...]  # `greeting_words`, longest first


@dataclass(slots=True)
class _Reply:
    """What several address rules ask of one reply, found once: the names it uses."""

    analysis: Analysis
    adapter: LanguageAdapter
    _names: list[tuple[int, int, str]] | None = field(default=None)

    @property
    def names(self) -> list[tuple[int, int, str]]:
        if self._names is None:
            self._names = self.adapter.person_names(self.analysis)
        return self._names


class CompiledAddress:
    """Address rules of one language."""

    def __init__(
        self, rules: list[AddressRule], adapter: LanguageAdapter, *, prefilter: bool = True, cache: bool = False
    ) -> None:
        self._rules = rules
        self._adapter = adapter
        self._phrases = {
            rule.id: [[frozenset(step) for step in adapter.phrase_lemmas(p)] for p in rule.phrases] for rule in rules
        }
        self._words = {
            rule.id: _Words(
                frozenset(w.lower() for group in rule.gendered.values() for w in group),
                frozenset(w.lower() for w in rule.lead_ins),
                tuple(sorted((w.lower() for w in rule.greeting_words), key=len, reverse=True)),
            )
            for rule in rules
        }

    def find(self, analysis: Analysis, context: Context) -> list[Match]:
        known = self._known(context)
        reply = _Reply(analysis, self._adapter)
        matches: list[Match] = []
        for rule in self._rules:
            if rule.unless_policy and getattr(context.policy, rule.unless_policy, False):
                continue
            if rule.check == "phrase":
                matches.extend(Match(rule, s, e) for s, e in _phrase_spans(analysis, self._phrases[rule.id]))
                continue
            if rule.check == "gender_guess":
                if known is None or known.name.gender is None:
                    matches.extend(self._gender_guess(rule, analysis))
                continue
            if known is None or (rule.channels and known.channel not in rule.channels):
                continue
            if rule.check == "title_first_name":
                matches.extend(self._title_first_name(rule, analysis, known))
            elif rule.check == "name_case":
                matches.extend(self._name_case(rule, analysis, known))
            elif rule.check == "name_missing":
                matches.extend(self._name_missing(rule, reply, known))
            elif rule.check == "generic":
                matches.extend(self._generic(rule, analysis, known))
            elif rule.check == "wrong_name":
                matches.extend(self._wrong_name(rule, reply, known))
            else:
                matches.extend(self._gender(rule, analysis, known))
        return matches

    def _known(self, context: Context) -> _Known | None:
        if not context.customer_name or not context.customer_name.strip():
            return None
        name = self._adapter.parse_name(context.customer_name, context.customer_gender)
        if name is None or not name.forms:
            return None
        return _Known(name, context.channel or "default", frozenset(_script(form) for form in name.forms))

    def _greeting(self, rule: AddressRule, known: _Known) -> str | None:
        templates = rule.greetings.get(known.channel) or rule.greetings.get("default") or []
        for template in templates:
            filled = fill(template, known.name.slots)
            if filled is not None:
                return filled
        return None

    @staticmethod
    def _names_customer(reply: _Reply, known: _Known) -> bool:
        """Whether any word (or, for unspaced scripts, any stretch) of the reply names them.
        A word written in lower case is not a name («23. maja» is May, not Maja); a name in
        another script than the CRM's (杨先生 for «YANG Fan») may be theirs, so it counts."""
        analysis, forms = reply.analysis, known.name.forms
        if any(not t.is_space and t.lower in forms and not t.text[:1].islower() for t in analysis.tokens):
            return True
        lowered = analysis.lowered
        if any(len(form) > 1 and _unspaced(form) and form in lowered for form in forms):
            return True
        return any(
            _script(analysis.text[s:e]) not in known.scripts and _in_address_position(analysis.text, s, e)
            for s, e, _ in reply.names
        )

    def _name_missing(self, rule: AddressRule, reply: _Reply, known: _Known) -> list[Match]:
        analysis = reply.analysis
        if self._names_customer(reply, known):
            return []
        greeting = self._greeting(rule, known)
        if greeting is None:
            return []
        opener = self._opening_greeting(rule, analysis)
        if opener is not None:
            start, end = opener
            return [Match(rule, start, end, [Suggestion(start, end, greeting, False)])]
        return [Match(rule, 0, 0, [Suggestion(0, 0, greeting + _separator(greeting), False)])]

    def _opening_greeting(self, rule: AddressRule, analysis: Analysis) -> tuple[int, int] | None:
        """The span of a greeting that opens the reply («Здравствуйте!», «Pozdravljeni,»),
        with its punctuation, for the named greeting to replace."""
        text = analysis.text
        head = text.lstrip()
        offset = len(text) - len(head)
        lowered = head.lower()
        for opener in self._words[rule.id].openers:
            if lowered.startswith(opener):
                end = offset + len(opener)
                while end < len(text) and text[end] in "!,.?！，。 ":
                    end += 1
                return offset, end
        return None

    def _generic(self, rule: AddressRule, analysis: Analysis, known: _Known) -> list[Match]:
        greeting = self._greeting(rule, known)
        matches = []
        for start, end in _phrase_spans(analysis, self._phrases[rule.id]):
            suggestions = (
                [Suggestion(start, end, match_case(analysis.text[start:end], greeting), False)] if greeting else []
            )
            matches.append(Match(rule, start, end, suggestions))
        return matches

    def _wrong_name(self, rule: AddressRule, reply: _Reply, known: _Known) -> list[Match]:
        analysis = reply.analysis
        first = known.name.slots.get("first") or known.name.slots.get("full")
        lead_ins = self._words[rule.id].lead_ins
        signature = _signature_start(analysis)
        matches = []
        for start, end, lemma in reply.names:
            if lemma in known.name.forms or analysis.text[start:end].lower() in known.name.forms:
                continue
            if _script(analysis.text[start:end]) not in known.scripts:
                continue  # 杨先生 beside a CRM name in Latin letters («YANG Fan»): cannot tell
            if start >= signature or not _in_address_position(analysis.text, start, end, lead_ins):
                continue
            suggestions = [Suggestion(start, end, first, False)] if first else []
            matches.append(Match(rule, start, end, suggestions))
        return matches

    def _gender_guess(self, rule: AddressRule, analysis: Analysis) -> list[Match]:
        """A gendered address word opening the reply (or following a greeting word) although
        nobody knows the customer's gender."""
        words, lead_ins = self._words[rule.id].gendered, self._words[rule.id].lead_ins
        matches = []
        tokens = [t for t in analysis.tokens[:8] if not t.is_space]
        for at, token in enumerate(tokens):
            if token.pos == "PUNCT":
                continue
            if token.lower in words:
                # «Spoštovana gospa,» guesses; «Spoštovana stranka» agrees with «stranka».
                following = tokens[at + 1] if at + 1 < len(tokens) else None
                if following is None or following.pos == "PUNCT" or following.lower in words:
                    matches.append(Match(rule, token.start, token.end))
                break
            if token.lower not in lead_ins:
                break
        # Unspaced scripts: a title right at the start («先生，您好»).
        head = analysis.lowered.lstrip()
        offset = len(analysis.lowered) - len(head)
        for word in words:
            if _unspaced(word) and head.startswith(word) and not matches:
                matches.append(Match(rule, offset, offset + len(word)))
        return matches

    def _name_case(self, rule: AddressRule, analysis: Analysis, known: _Known) -> list[Match]:
        """After an address word the name stands as in the greeting («Уважаемая Анна
        Сергеевна»); another case form of it («Уважаемая Анне») is a slip."""
        words = self._words[rule.id].gendered
        slots = known.name.slots
        right = {
            form.lower(): form for key in ("first", "patronymic", "surname") for form in [slots.get(key, "")] if form
        }
        tokens = [t for t in analysis.tokens if not t.is_space]
        matches = []
        for at, token in enumerate(tokens[:-1]):
            if token.lower not in words:
                continue
            for name in tokens[at + 1 : at + 3]:
                if name.lower not in known.name.forms or name.lower in right or name.lower in words:
                    break
                fix = next((form for low, form in right.items() if _same_stem(low, name.lower)), None)
                suggestions = [Suggestion(name.start, name.end, match_case(name.text, fix), False)] if fix else []
                matches.append(Match(rule, name.start, name.end, suggestions))
        return matches

    def _title_first_name(self, rule: AddressRule, analysis: Analysis, known: _Known) -> list[Match]:
        """A title before the customer's first name («gospod Marko»): titles go with the surname."""
        first = (known.name.first or "").lower()
        if not first:
            return []
        titles = self._words[rule.id].gendered
        surname = known.name.surname
        tokens = [t for t in analysis.tokens if not t.is_space]
        matches = []
        for at in range(len(tokens) - 1):
            title, name = tokens[at], tokens[at + 1]
            if title.lower in titles and (name.lower == first or first in name.lemmas):
                suggestions = [Suggestion(name.start, name.end, surname, False)] if surname else []
                matches.append(Match(rule, title.start, name.end, suggestions))
        return matches

    def _gender(self, rule: AddressRule, analysis: Analysis, known: _Known) -> list[Match]:
        gender = known.name.gender
        if gender not in ("female", "male"):
            return []
        other = "male" if gender == "female" else "female"
        wrong = [w.lower() for w in rule.gendered.get(other, [])]
        right = rule.gendered.get(gender, [])
        tokens = [t for t in analysis.tokens if not t.is_space]
        spans: list[tuple[int, int, int]] = []  # start, end, index of the wrong word
        titles = self._words[rule.id].gendered
        for at, token in enumerate(tokens):
            if token.lower in wrong and _names_next(tokens, at + 1, titles, known.name.forms):
                spans.append((token.start, token.end, wrong.index(token.lower)))
        # Scripts without spaces: the title right after the surname (王先生), however cut, where
        # it addresses the reader (a courier 王先生 mentioned in passing is someone else).
        lowered = analysis.lowered
        surnames = [known.name.slots[k] for k in ("surname", "full") if known.name.slots.get(k)]
        for index, word in enumerate(wrong):
            if not _unspaced(word):
                continue
            for surname in (s for s in surnames if _unspaced(s)):
                at = lowered.find(surname + word)
                while at != -1:
                    start = at + len(surname)
                    if _addresses(analysis.text, at, start + len(word), self._words[rule.id].lead_ins):
                        spans.append((start, start + len(word), index))
                    at = lowered.find(surname + word, at + 1)
        matches = []
        for start, end, index in sorted(set(spans)):
            written = analysis.text[start:end]
            fix = right[index] if index < len(right) else None
            suggestions = [Suggestion(start, end, match_case(written, fix), True)] if fix else []
            matches.append(Match(rule, start, end, suggestions))
        return matches


def _names_next(tokens: list[Token], at: int, titles: frozenset[str], forms: frozenset[str]) -> bool:
    """Whether the customer's name follows, maybe after other address words or a comma
    («Уважаемая Анна», «Spoštovana gospa Novak»); «Уважаемый клиент Елена» agrees with
    «клиент»."""
    while at < len(tokens) and (tokens[at].lower in titles or tokens[at].text in (",", "，")):
        at += 1  # «Pozdravljen, Ana!»: a comma may stand between
    return at < len(tokens) and tokens[at].lower in forms


def _addresses(text: str, start: int, end: int, lead_ins: frozenset[str]) -> bool:
    """A name with its title that opens the reply, follows one of `lead_ins` (a greeting),
    or is followed by a comma or an exclamation mark: the reader addressed, not someone
    mentioned."""
    before = text[:start].rstrip()
    return text[end : end + 1] in _ADDRESS_END or not before or before.lower().endswith(tuple(lead_ins))


def _same_stem(one: str, other: str) -> bool:
    """Two forms of one name: they share all but their last two letters («анна» / «анне»)."""
    stem = min(len(one), len(other)) - 2
    return stem >= 2 and one[:stem] == other[:stem]


def _script(text: str) -> str:
    """The writing system of a name: Latin letters first («yang先生»: the name is Latin, the
    title not), then Han characters, else another alphabet."""
    if has_script(text, "latin"):
        return "latin"
    return "han" if has_script(text, "han") else "other"


def _unspaced(form: str) -> bool:
    """Whether a form is written in a script without spaces between words (王先生)."""
    return has_script(form, *UNSPACED_SCRIPTS)


def _separator(greeting: str) -> str:
    """What follows an inserted greeting: a space, except after full-width punctuation
    («王女士，您好！»), which carries its own spacing."""
    return "" if greeting and unicodedata.east_asian_width(greeting[-1]) in ("F", "W") else " "


# Punctuation after a name that addresses the reader, in half and full width.
_ADDRESS_END = frozenset(",!:，！：")


def _in_address_position(text: str, start: int, end: int, lead_ins: frozenset[str] = frozenset()) -> bool:
    """A name followed by «,» or «!» that opens the reply or a sentence, or follows a greeting
    or another address word (`lead_ins`: «Уважаемая Елена,», «gospa Kralj,») — the place where
    the reader is addressed."""
    if text[end : end + 1] not in _ADDRESS_END:
        return False
    before = text[:start].rstrip()
    if not before or before[-1] in ".!?\n。！？,，":  # «Здравствуйте, Анна!» too
        return True
    words = before.split()
    return bool(words) and words[-1].lower().strip('«»"') in lead_ins


def _signature_start(analysis: Analysis) -> int:
    """Where a closing signature starts: a short last sentence of its own (a line break ends
    a sentence too) with no question or exclamation («Ксения, служба поддержки»); names
    there are the operator's. The text's length when there is none."""
    text = analysis.text
    if len(analysis.sentences) < 2:
        return len(text)
    start, end = analysis.sentences[-1]
    last = text[start:end].strip()
    if last and len(last.split()) <= 6 and last[-1] not in "?!？！":
        return start
    return len(text)


def _phrase_spans(analysis: Analysis, phrases: list[list[frozenset[str]]]) -> list[tuple[int, int]]:
    """Where one of the phrases (lemma sets per word) stands in the reply."""
    tokens = [t for t in analysis.tokens if not t.is_space]
    spans = []
    for at in range(len(tokens)):
        for steps in phrases:
            if at + len(steps) > len(tokens):
                continue
            if all(not steps[k].isdisjoint(tokens[at + k].lemmas) for k in range(len(steps))):
                spans.append((tokens[at].start, tokens[at + len(steps) - 1].end))
                break
    return spans
