"""Reading the customer's message: is it a complaint, a question, thanks, and what it names.

The conversation checks judge a reply against the message it answers (a complaint wants an
apology, the customer's point named back and a next step). The words come from the packs'
`customer:` section (rules/<lang>/conversation.yaml); the adapter gives the lemmas, the
conditional clauses and the words that carry a message's content. Read once per reply and
only when the CRM sent `Context.customer_message`.

Not complaints: a complaint word right after one of the `negators` in its clause («не
жалуюсь»), in a sentence with a conditional clause («если не придёт к пятнице, буду
жаловаться»: a threat not yet made) or with a `not_complaint` phrase («претензий нет»).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field, field_validator

from replyguard import layout
from replyguard.lang.base import Analysis, LanguageAdapter, Token
from replyguard.models import Context
from replyguard.reported import frames
from replyguard.when import PromiseVerb
from replyguard.wording import Hit, LemmaPhrases, entries

CUSTOMER = "customer"  # the analysis memo key of the reading
ADMITTED = "admitted"  # the memo key of whether the reply admits our fault (see `admits`)


# the word lists of a vocabulary, merged entry by entry when a company pack extends it
_LISTS = (
    "complaint",
    "not_complaint",
    "negators",
    "question",
    "inquiry",
    "thanks",
    "contrast",
    "common",
    "marks",
    "failure_negators",
    "failure_words",
    "not_failure",
    "irony",
    "admissions",
    "units",
)


class CustomerVocabulary(BaseModel):
    """A pack's `customer:` section. Phrases are in dictionary form and match any inflection;
    a word written `=word` matches only that form («=верните деньги»: a demand, not «как
    вернуть деньги?»). `objects` groups the words that name one thing (order: заказ,
    посылка), so «посылка» in the message is named back by «заказ» in the reply; `common`
    lists words too general to count as naming the customer's point back. `marks` are
    punctuation that carries anger in writing («?!», «!!», «？！»), matched as written: in a
    sentence without thanks (not «Спасибо!!») they make a complaint too.

    A stated failure is a weaker sign: `failure_negators` (written as they stand: «не», «ni»,
    没) negating a statement, or a `failure_words` word («царапина», «manjka», 漏发), outside
    the `not_failure` wordings («не знаю», «ni problema», 不客气), read only in messages that
    neither thank, ask politely (`inquiry`, or `question` where a pack has no `inquiry`: 请问,
    not the 怎么 of «这让我怎么穿？») nor disown a complaint; in a message that thanks it takes
    two of them, or one and an `irony` word («Спасибо за прекрасное утро: агент трубку не
    берёт. Браво.»). A complaint word in a sentence that thanks counts only with a `contrast`
    word («спасибо, но…») or as the thanks itself.

    `admissions` are the reply's side: our fault admitted («по ошибке», «pomotoma», 发错) or
    the customer's annoyance understood; such a reply answers a complaint whatever the
    message reads as (`CustomerReader.admits`). The words after one of `units` name a
    department («отдел возвратов», «oddelek za obračun»), like the staff who will act: they
    name nothing the customer said back."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    complaint: list[str] = Field(default_factory=list)
    not_complaint: list[str] = Field(default_factory=list)
    negators: list[str] = Field(default_factory=list)
    question: list[str] = Field(default_factory=list)
    inquiry: list[str] = Field(default_factory=list)
    thanks: list[str] = Field(default_factory=list)
    objects: dict[str, list[str]] = Field(default_factory=dict)
    common: list[str] = Field(default_factory=list)
    marks: list[str] = Field(default_factory=list)
    failure_negators: list[str] = Field(default_factory=list)
    failure_words: list[str] = Field(default_factory=list)
    not_failure: list[str] = Field(default_factory=list)
    contrast: list[str] = Field(default_factory=list)
    irony: list[str] = Field(default_factory=list)
    admissions: list[str] = Field(default_factory=list)
    units: list[str] = Field(default_factory=list)

    @field_validator(*_LISTS)
    @classmethod
    def _no_empty_entry(cls, value: list[str]) -> list[str]:
        return entries(value)

    @field_validator("objects")
    @classmethod
    def _no_empty_object(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        if any(not words or any(not w.strip() for w in words) for words in value.values()):
            raise ValueError("each object needs at least one word, and no word may be empty")
        return value

    def merged(self, other: CustomerVocabulary) -> CustomerVocabulary:
        """This vocabulary with another pack's entries added (a company pack extends it)."""
        objects = {key: list(words) for key, words in self.objects.items()}
        for key, words in other.objects.items():
            objects[key] = list(dict.fromkeys([*objects.get(key, []), *words]))
        lists = {name: list(dict.fromkeys([*getattr(self, name), *getattr(other, name)])) for name in _LISTS}
        return CustomerVocabulary(objects=objects, **lists)


@dataclass(frozen=True, slots=True)
class Reading:
    """What the customer's message says, for the conversation checks."""

    complaints: tuple[Hit, ...]  # in the customer's message
    question: bool
    thanks: bool
    objects: frozenset[str]  # keys of `objects` a complaint names (read for complaints only)
    words: frozenset[str]  # a complaint's content words (lemmas), besides the objects
    acknowledged: bool  # the reply names one of the objects or content words back
    message: Analysis  # the message itself, for checks that look for their own words in it

    @property
    def complaint(self) -> bool:
        return bool(self.complaints)


class CustomerReader:
    """One language's reading of the customer's message, from the packs' vocabulary."""

    def __init__(self, vocabulary: CustomerVocabulary | None, adapter: LanguageAdapter) -> None:
        self._adapter = adapter
        self._vocabulary = vocabulary
        self._name_lemmas: dict[str, frozenset[str]] = {}
        self._ready = False  # the message side is compiled on the first message (`_prepare`)
        self._lock = threading.Lock()
        # the reply side runs on every reply: whether it admits our fault
        self._admissions = LemmaPhrases(vocabulary.admissions if vocabulary else [], adapter, gaps=1)

    def _prepare(self) -> None:
        """Compile the words for reading a message, once, when the first one comes: a CRM
        that never sends the customer's message never pays for them (nor does a cold start)."""
        with self._lock:
            if self._ready or self._vocabulary is None:
                return
            vocabulary, adapter = self._vocabulary, self._adapter
            self._complaint = LemmaPhrases(vocabulary.complaint, adapter, gaps=2)
            self._not_complaint = LemmaPhrases(vocabulary.not_complaint, adapter, gaps=1)
            self._negators = frozenset(n.lower() for n in vocabulary.negators)
            self._question = LemmaPhrases(vocabulary.question, adapter)
            # without an `inquiry` list the polite questions are the `question` ones, found once
            self._inquiry = LemmaPhrases(vocabulary.inquiry, adapter) if vocabulary.inquiry else None
            self._thanks = LemmaPhrases(vocabulary.thanks, adapter)
            self._objects = {key: LemmaPhrases(words, adapter) for key, words in vocabulary.objects.items()}
            self._common = frozenset(lemma for word in vocabulary.common for lemma in _lemmas(adapter, word))
            # the longest mark first, so «!!!» is one hit, not «!!» twice
            marks = sorted(vocabulary.marks, key=len, reverse=True)
            self._marks = re.compile("|".join(map(re.escape, marks))) if marks else None
            self._failure_negators = _word_pattern(vocabulary.failure_negators, spaced=adapter.joins is None)
            self._not_failure = LemmaPhrases(vocabulary.not_failure, adapter)
            self._contrast = LemmaPhrases(vocabulary.contrast, adapter)
            self._failure_words = LemmaPhrases(vocabulary.failure_words, adapter)
            self._irony = LemmaPhrases(vocabulary.irony, adapter)
            self._units = LemmaPhrases(vocabulary.units, adapter)
            self._ready = True

    def read(self, reply: Analysis, context: Context, statements: Sequence[PromiseVerb] = ()) -> Reading | None:
        """The reading of `context.customer_message` (None without one or without a
        vocabulary), with whether `reply` names its point back. The subjects of the reply's
        future `statements` («经理会联系您», «serviser vas bo poklical») are who will act: an
        object named only as that (staff for staff) names nothing the customer said; the
        customer's own words said back still do («报告…出具»)."""
        text = context.customer_message
        if self._vocabulary is None or text is None or not text.strip():
            return None
        if not self._ready:
            self._prepare()
        fold = self._adapter.fold  # Traditional Chinese read as Simplified, as the reply is
        message = self._adapter.analyse(fold(text) if fold is not None else text)
        thanks = self._thanks.find(message)
        questions = self._question.find(message)
        complaints = tuple(self._complaints(message, thanks, questions))
        objects: frozenset[str] = frozenset()
        words: frozenset[str] = frozenset()
        acknowledged = False
        if complaints:  # only a complaint needs its point named back: read what both name
            objects = self._named(message)
            words = self._adapter.content_words(message) - self._common - self._names(context)
            body = layout.closing_block(reply)  # a signature names the company, not the point
            actors = frozenset(v.subject for v in statements if v.subject and v.voice == "third")
            roles = self._roles(reply, actors, body)
            said_back = words & (self._adapter.content_words(reply, body) - self._only_acting(reply, roles, body))
            acknowledged = bool(objects & self._named(reply, roles, body)) or bool(said_back)
        return Reading(
            complaints=complaints,
            question="?" in text or "？" in text or bool(questions),
            thanks=bool(thanks),
            objects=objects,
            words=words,
            acknowledged=acknowledged,
            message=message,
        )

    def admits(self, reply: Analysis) -> bool:
        """Whether the reply admits our fault or understands the customer's annoyance (the
        `admissions`), outside conditions and reported words («если размер не тот, обменяем»)."""
        if self._vocabulary is None or not self._admissions:
            return False
        hits = self._admissions.find(reply)
        if not hits:
            return False
        reported, conditional = frames(self._adapter, reply)
        hedged = {reply.sentence_at(low) for low, _ in conditional}
        return any(
            reply.sentence_at(hit.start) not in hedged and not any(low <= hit.start < high for low, high in reported)
            for hit in hits
        )

    def _complaints(self, message: Analysis, thanks: list[Hit], questions: list[Hit]) -> list[Hit]:
        words = self._complaint.find(message)
        disowned = self._not_complaint.find(message)
        failures = self._failures(message, thanks, words, questions, disowned)  # weighed against thanks already
        hits = words + self._angry_marks(message, thanks) + failures
        if not hits:
            return []
        _, conditional = frames(self._adapter, message)
        starts = [t.start for t in message.tokens]
        kept = []
        for hit in hits:
            sentence = message.sentence_at(hit.start)
            if any(sentence[0] <= low < sentence[1] for low, _ in conditional):
                continue
            if any(sentence[0] <= d.start < sentence[1] for d in disowned):
                continue
            if self._negated(message, hit.start, bisect_left(starts, hit.start)):
                continue
            if _repeated_around(message.text, hit.start, self._negators):
                continue  # 能不能用 asks; it does not say 不能用
            if hit not in failures and self._grateful(message, sentence, hit, thanks):
                continue
            kept.append(hit)
        return kept

    def _grateful(self, message: Analysis, sentence: tuple[int, int], hit: Hit, thanks: list[Hit]) -> bool:
        """A complaint word inside a sentence that thanks, with no `contrast` word in it: the
        customer thanks for help with it («hvala, ker ste mi pomagali najti izgubljene
        ključe»). A thanks that is itself the complaint («спасибо за ничего») stays one, and
        so does «спасибо, но заказ так и не пришёл»."""
        inside = [t for t in thanks if sentence[0] <= t.start < sentence[1]]
        if not inside or any(t.start < hit.end and hit.start < t.end for t in inside):
            return False
        return not (self._contrast and self._contrast.find(message, *sentence))

    def _angry_marks(self, message: Analysis, thanks: list[Hit]) -> list[Hit]:
        """The `marks` in sentences that thank nobody: «Где заказ?!» is anger, «Спасибо!!» is not."""
        if self._marks is None:
            return []
        found = [Hit(m.start(), m.end(), m.group()) for m in self._marks.finditer(message.text)]
        if not found:
            return []
        thanked = [message.sentence_at(hit.start) for hit in thanks]
        return [hit for hit in found if message.sentence_at(max(hit.start - 1, 0)) not in thanked]

    def _failures(
        self, message: Analysis, thanks: list[Hit], complaints: list[Hit], questions: list[Hit], disowned: list[Hit]
    ) -> list[Hit]:
        """Statements of what failed: a negation («посылка не пришла», «ne deluje», 没收到)
        or a `failure_words` word («царапина», «manjka», 漏发), not in a clause that asks
        («Ali popravljate počene zaslone?») nor in a sentence that asks with a question word,
        but in one that leads to a bare question («钱扣了对方说没收到，这就是你们的大银行？»).
        Weaker signs than a complaint word, so
        none in a message that asks politely («подскажите», «zanima me», 请问) or says it is
        no complaint, and two at least in one that thanks: there a negation is news or a
        detail («ребёнок даже не плакал», «čez dan me ni doma»), while «спасибо огромное,
        третий день сижу без интернета» thanks in irony. Not in a `not_failure` wording («не
        знаю», «ni problema», 不客气), nor when what is negated is itself bad: good news («ni
        poškodovan», 没让我失望)."""
        if self._failure_negators is None and not self._failure_words:
            return []
        polite = self._inquiry.find(message) if self._inquiry is not None else questions
        if polite or disowned:
            return []
        text = message.text
        words = list(self._failure_words.find(message)) if self._failure_words else []
        found = list(words)
        if self._failure_negators is not None:
            bad = words + complaints
            for match in self._failure_negators.finditer(text):
                if self._answers(message, match.start(), match.end()):
                    continue
                if not any(_negates(text, match.end(), hit.start) for hit in bad):
                    found.append(Hit(match.start(), match.end(), match.group()))
        if not found:
            return []
        quiet = self._not_failure.find(message) if self._not_failure else []
        asking = _asking(message, questions)
        kept = [
            hit
            for hit in found
            if not _asked(text, hit.end)
            and message.sentence_at(hit.start) not in asking
            and not any(q.start <= hit.start < q.end for q in quiet)
        ]
        if thanks and len({hit.start for hit in kept}) + bool(kept and self._irony.find(message)) < 2:
            return []
        return kept

    @staticmethod
    def _answers(message: Analysis, start: int, end: int) -> bool:
        """«Нет.», «Ne, …»: a negator that opens its sentence and stands alone answers; it
        reports nothing. «…da zdravnice ni.» ends a report."""
        text = message.text
        alone = end >= len(text) or not (text[end].isalnum() or text[end].isspace())
        return alone and not text[message.sentence_at(start)[0] : start].strip()

    def _negated(self, message: Analysis, start: int, first: int) -> bool:
        """A negator among the three words ending before `start` (token `first` on), in its
        clause («не жалуюсь»)."""
        if not self._negators:
            return False
        before: list[Token] = []
        at = first - 1
        while at >= 0 and len(before) < 3:
            token = message.tokens[at]
            if not token.is_space and token.end <= start:
                before.append(token)
            at -= 1
        for token in before:
            if token.pos == "PUNCT":
                return False
            if token.lower in self._negators or self._ends_with_negator(message, token):
                return True
        return False

    def _ends_with_negator(self, message: Analysis, token: Token) -> bool:
        # where words are written together (Chinese), a negator may end the token before: 并不 投诉
        return self._adapter.joins is not None and any(token.lower.endswith(n) for n in self._negators)

    def _named(
        self, analysis: Analysis, actors: frozenset[str] = frozenset(), high: int | None = None
    ) -> frozenset[str]:
        """The `objects` keys a text names (before `high`), but for the words inside one of `actors`."""
        text = analysis.lowered
        return frozenset(
            key
            for key, words in self._objects.items()
            if any(not _within(text[hit.start : hit.end], actors) for hit in words.find(analysis, 0, high))
        )

    def _roles(self, reply: Analysis, actors: frozenset[str], high: int) -> frozenset[str]:
        """The words that say who acts or where a case goes, not what the customer said: the
        promises' subjects with the two words after them («старший администратор клиники»)
        and the two words after one of `units` («отдел возвратов», «oddelek za obračun»)."""
        heads = [t.end for t in reply.tokens if t.start < high and t.lower in actors]
        if self._units:
            heads += [unit.end for unit in self._units.find(reply, 0, high)]
        if not heads:
            return actors
        tokens = reply.tokens
        starts = [t.start for t in tokens]
        names = set(actors)
        for end in heads:
            taken = 0
            for token in tokens[bisect_left(starts, end) :]:
                if token.pos == "PUNCT" or taken == 2 or token.start >= high:
                    break
                if token.text.isalpha() and len(token.text) >= 3:
                    names.add(token.lower)
                    taken += 1
        return frozenset(names)

    def _only_acting(self, reply: Analysis, actors: frozenset[str], high: int) -> frozenset[str]:
        """The actors' lemmas that the reply uses only as who will act («старший администратор
        позвонит»): not where it also says them otherwise («报告…出具», «电子版报告发到»)."""
        if not actors:
            return frozenset()
        acting = {lemma for actor in actors for lemma in _lemmas(self._adapter, actor)}
        uses = sum(1 for t in reply.tokens if t.start < high and {t.lower, *(x.lower() for x in t.lemmas)} & acting)
        return frozenset(acting) if uses <= len(actors) else frozenset()

    def _names(self, context: Context) -> frozenset[str]:
        """The people's and the company's names: the same name in both texts is not the
        customer's point named back (each name's lemmas analysed once; a bounded memory)."""
        found: set[str] = set()
        for name in (context.customer_name, context.operator_name, context.company_name):
            if name:
                lemmas = self._name_lemmas.get(name)
                if lemmas is None:
                    if len(self._name_lemmas) > 4096:
                        self._name_lemmas.clear()
                    lemmas = self._name_lemmas[name] = frozenset(
                        lemma for word in name.split() for lemma in _lemmas(self._adapter, word)
                    )
                found.update(lemmas)
        return frozenset(found)


def _asking(message: Analysis, questions: list[Hit]) -> set[tuple[int, int]]:
    """The sentences that ask with a question word (`questions`) and a question mark («我没收
    到验证码，能再发一次吗？», «Ne bom mogla priti, ali lahko prestavim?»): a detail told to ask."""
    text = message.text
    sentences = {message.sentence_at(hit.start) for hit in questions}
    return {(low, high) for low, high in sentences if "?" in text[low:high] or "？" in text[low:high]}


def _within(word: str, actors: frozenset[str]) -> bool:
    return any(word in actor.lower() for actor in actors)


def _word_pattern(words: list[str], spaced: bool) -> re.Pattern[str] | None:
    """`words` as written, as whole words where words are spaced, anywhere where they are
    written together (Chinese)."""
    if not words:
        return None
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)" if spaced else f"(?:{alternatives})", re.IGNORECASE)


_CLAUSE_ENDS = re.compile(r"[,;:.!?…，、；：。！？\n]")


def _asked(text: str, end: int) -> bool:
    """Whether the clause going on at `end` ends in a question mark."""
    found = _CLAUSE_ENDS.search(text, end)
    return found is not None and found.group() in "?？"


def _repeated_around(text: str, start: int, negators: frozenset[str]) -> bool:
    """A one-character negator between two copies of one character: the A-not-A question
    of Chinese (能不能, 有没有, 是不是), which asks and negates nothing."""
    after = start + 1
    return (
        start > 0
        and after < len(text)
        and text[start] in negators
        and text[start - 1] == text[after]
        and text[after].isalpha()
    )


def _negates(text: str, end: int, start: int) -> bool:
    """Whether a negator ending at `end` reaches a word starting at `start`: close after
    it, in the same clause."""
    between = text[end:start]
    return 0 <= start - end <= 12 and not any(mark in between for mark in ",.;:!?，。；：！？")


def _lemmas(adapter: LanguageAdapter, word: str) -> set[str]:
    return {lemma.lower() for t in adapter.words(word) for lemma in (t.lower, *t.lemmas)}
