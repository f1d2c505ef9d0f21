"""The one interface every language adapter implements, and what it hands to the rules.

An adapter turns text into an `Analysis`: tokens with character offsets into the original
text, every candidate lemma of each token, a coarse part of speech, sentences, and a spaCy
`Doc` over the same tokens for the token-pattern rules. Nothing after this layer asks which
language it is.
"""

from __future__ import annotations

import copy
import importlib
import re
import threading
from abc import ABC, abstractmethod
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from replyguard.edits import match_case

if TYPE_CHECKING:
    import datetime as dt

    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from replyguard.lang.names import PersonName
    from replyguard.when import PromiseVerb, TimeSpan

LEMMAS_KEY = "replyguard.lemmas"
_CONTENT = frozenset({"NOUN", "PROPN"})


@dataclass(slots=True)
class Token:
    """One token; `lemmas` holds every candidate normal form, the likeliest first.

    Read-only by convention (not frozen: a frozen dataclass costs five times as much to
    build, and a reply has a token every five characters).
    """

    i: int
    text: str
    start: int
    end: int
    lemmas: tuple[str, ...]
    pos: str = ""
    source: str = ""  # which analyzer unit gave the lemmas (pymorphy's methods_stack idea)
    is_space: bool = False
    morph: Any = None  # adapter-private morphology (e.g. pymorphy parses), read back by its own rewrite()
    lower: str = ""  # the text lowercased; filled in when not given

    def __post_init__(self) -> None:
        if not self.lower:
            self.lower = self.text.lower()


@dataclass(slots=True)
class Analysis:
    """An analysed reply: the text, its tokens, sentence bounds and the spaCy Doc over them."""

    text: str
    lang: str
    tokens: list[Token]
    sentences: list[tuple[int, int]]
    doc: Doc
    _key_positions: dict[tuple[str, str], list[int]] | None = None
    _lowered: str | None = None
    # what one stage found for the rules after it (the reply's promises), per analysis
    memo: dict[str, Any] = field(default_factory=dict)

    def key_positions(self) -> dict[tuple[str, str], list[int]]:
        """Where each lowercased word and each candidate lemma occurs (token indexes), for
        the pattern prefilter: ('lower', word) and ('lemma', lemma) keys, built once."""
        if self._key_positions is None:
            found: dict[tuple[str, str], list[int]] = {}
            for at, token in enumerate(self.tokens):
                lower = token.lower
                found.setdefault(("lower", lower), []).append(at)
                for lemma in token.lemmas or (lower,):
                    found.setdefault(("lemma", lemma), []).append(at)
            self._key_positions = found
        return self._key_positions

    @property
    def lowered(self) -> str:
        """The whole text lowercased (once), for literal prefilters."""
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The bounds of the sentence holding character `offset` (the whole text if none does)."""
        at = bisect_right(self.sentences, (offset, len(self.text) + 1)) - 1
        if at >= 0 and self.sentences[at][0] <= offset < self.sentences[at][1]:
            return self.sentences[at]
        return 0, len(self.text)

    def describe(self, start: int = 0, end: int | None = None) -> str:
        """What the adapter saw, one token a line: used by failing rule examples."""
        end = len(self.text) if end is None else end
        rows = [
            f"  {t.start:>4}-{t.end:<4} {t.text!r:<18} lemmas={list(t.lemmas)} pos={t.pos or '-'} via={t.source or '-'}"
            for t in self.tokens
            if t.end > start and t.start < end and not t.is_space
        ]
        return "\n".join(rows)


@dataclass(frozen=True, slots=True)
class Rewrite:
    """A replacement for text[start:end]; `certain` when its grammatical form is not a guess."""

    start: int
    end: int
    text: str
    certain: bool


class LanguageAdapter(ABC):
    """Everything language-specific that the engine needs, behind one small interface."""

    code: str = ""
    name: str = ""
    analyzer_packages: tuple[str, ...] = ()  # whose versions decide the lemmas (cache keys)
    messages: ClassVar[dict[str, str]] = {}  # the engine's own messages in this language
    # «Вы пишете, что …»: a frame reporting the customer's words; group "said" is what they said
    reported_speech: ClassVar[re.Pattern[str] | None] = None
    # «Если …,»: a conditional clause; its named group is the clause after the conjunction
    conditional_clause: ClassVar[re.Pattern[str] | None] = None
    # the package of this language's promise grammar: `time` (find_times, day_phrase,
    # deadline_phrase), `promises` (find_promise_verbs), `requests` (find_requests); None:
    # the language reads no promises
    grammar: ClassVar[str | None] = None

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._phrase_cache: dict[str, list[frozenset[str]]] = {}
        self._form_cache: dict[str, list[str]] = {}

    @property
    @abstractmethod
    def vocab(self) -> Vocab:
        """The spaCy vocabulary that this language's Docs and Matchers share."""

    @abstractmethod
    def analyse(self, text: str, breaks: frozenset[int] = frozenset()) -> Analysis:
        """Tokenize, lemmatize and split into sentences; offsets point into `text` unchanged.

        `breaks` are offsets of spaces that stood for a line break (see `normalize`): they
        end a sentence as a newline would.
        """

    @property
    def joins(self) -> Callable[[str, str], bool] | None:
        """Which neighbouring characters whitespace does not separate into words (None: all
        whitespace separates): Chinese writes no spaces between words."""
        return None

    @property
    def fold(self) -> Callable[[str], str] | None:
        """A character-for-character folding of text for matching (None: none), such as
        Traditional to Simplified Chinese: rules are written in one form, replies come in
        several. It must keep the length, so offsets stay valid."""
        return None

    def unfolding(self, original: str, folded: str) -> Callable[[str], str] | None:
        """How to write replacements for `original`, a stretch of reply that `fold` turned
        into `folded` (None: as they are): Traditional in, Traditional out."""
        return None

    def words(self, text: str) -> list[Token]:
        """The tokens of `text` without the Doc and sentences (pack phrases need no more)."""
        return self.analyse(text).tokens

    def phrase_lemmas(self, phrase: str) -> list[frozenset[str]]:
        """The lemma sets of a dictionary-form phrase from a rule pack, one per word (cached)."""
        found = self._phrase_cache.get(phrase)
        if found is None:
            found = [frozenset(t.lemmas) for t in self.words(phrase) if not t.is_space and t.lemmas]
            self._phrase_cache[phrase] = found
        return found

    def renewed(self) -> LanguageAdapter:
        """A copy with a fresh, empty spaCy vocabulary that shares this adapter's analyzers
        (a pymorphy or jieba dictionary is loaded once per process, and reloading them
        would only fragment memory). See `registry.renew_if_grown`."""
        fresh = copy.copy(self)
        fresh._lock = threading.Lock()
        fresh._start_vocabulary()
        return fresh

    def _start_vocabulary(self) -> None:  # noqa: B027 - optional hook
        """Build what holds spaCy strings, and every cache bound to this instance."""

    def vocabulary_size(self) -> int:
        """How many strings the spaCy vocabulary holds (it grows with every new word)."""
        return len(self.vocab.strings)

    @property
    def common_words(self) -> frozenset[str]:
        """Words frequent in any text (a stop-word list): the pattern prefilter indexes a rule
        by a rarer word where it has one. Only speed depends on it, never a result."""
        return frozenset()

    def phrase_forms(self, phrase: str) -> list[str]:
        """The lowercased words of a phrase matched by written form (cached)."""
        found = self._form_cache.get(phrase)
        if found is None:
            found = [t.lower for t in self.words(phrase) if not t.is_space]
            self._form_cache[phrase] = found
        return found

    def phrase_memory(self, phrases: Sequence[str]) -> dict[str, Any]:
        """What this adapter learned about `phrases`, to be stored and preloaded later."""
        return {
            "lemmas": {p: self._phrase_cache[p] for p in phrases if p in self._phrase_cache},
            "forms": {p: self._form_cache[p] for p in phrases if p in self._form_cache},
        }

    def preload_phrases(self, memory: Any) -> bool:
        """Take phrase analyses stored by `phrase_memory` (True when they were usable)."""
        if not (isinstance(memory, dict) and isinstance(memory.get("lemmas"), dict)):
            return False
        self._phrase_cache.update(memory["lemmas"])
        self._form_cache.update(memory.get("forms") or {})
        return True

    def character_phrase(self, phrase: str) -> tuple[str, bool] | None:
        """For a language whose phrases are matched on characters rather than on words
        (Chinese: a segmenter's cut must not hide a phrase), the characters of `phrase` and
        whether a match must also start and end where words do (short phrases, which could
        sit across two words); None matches the phrase word by word."""
        return None

    def parse_name(self, raw: str, gender: str | None = None) -> PersonName | None:
        """The customer's name as a CRM stores it, parsed (see `lang/names.py`); `gender` is
        the CRM's, when known, and wins over what the name suggests. None: not a name this
        language can read."""
        return None

    def person_names(self, analysis: Analysis) -> list[tuple[int, int, str]]:
        """Where the reply names a person by a first name or a surname with a title: (start,
        end, the name's dictionary form, lowercased), for telling a wrong name from the
        customer's. Ordinary words that are also names («Вера», «надежда», «Zlata») are only
        names where written with a capital and not at a sentence start."""
        return []

    def addressee_register(self, analysis: Analysis) -> list[tuple[int, int, str]]:
        """Words that address the reader formally or informally: (start, end, "formal" or
        "informal") — pronouns and verb forms of ты/вы, ti/vi, 你/您."""
        return []

    def time_expressions(self, analysis: Analysis) -> list[TimeSpan]:
        """Every time expression of the text with what it means (see `when.When`), in text
        order: «завтра до 17:00», «v treh delovnih dneh», 下周二. Parts written side by side
        («послезавтра, 17 декабря») may come separately: the caller joins neighbours."""
        module = self._grammar("time")
        return module.find_times(analysis) if module else []

    def promise_verbs(self, analysis: Analysis) -> list[PromiseVerb]:
        """Verb groups that state a future action or outcome (see `when.PromiseVerb`); which
        of them are promises, and of what kind, the packs' `commitments:` decide."""
        module = self._grammar("promises")
        return module.find_promise_verbs(analysis) if module else []

    def request_verbs(self, analysis: Analysis) -> list[tuple[int, int]]:
        """Where the reply asks the customer to act: imperatives and polite requests
        («пришлите», «pošljite», 请…付款). A vague «as soon as possible» next to one is the
        customer's deadline, not our promise."""
        module = self._grammar("requests")
        return module.find_requests(analysis) if module else []

    def content_words(self, analysis: Analysis, high: int | None = None) -> frozenset[str]:
        """The lemmas that carry what a text is about (nouns; where the analyzer gives no
        part of speech, every open-class word of four letters or more), for telling whether
        a reply names the customer's point back; with `high`, of the words before it."""
        found: set[str] = set()
        for token in analysis.tokens:
            if high is not None and token.start >= high:
                break
            if len(token.text) >= 2 and token.text.isalpha() and token.text.isupper():
                found.add(token.lower)  # an abbreviation: «ТО», «УЗИ», CRM
            elif token.pos in _CONTENT or (not token.pos and len(token.text) >= 4 and token.text.isalpha()):
                lemma = (token.lemmas[0] if token.lemmas else token.lower).lower()
                if len(lemma) >= 2:
                    found.add(lemma)
        return frozenset(found)

    def day_phrase(self, day: dt.date, today: dt.date) -> str:
        """How this language says "on that day" in a sentence about a past promise: «в
        понедельник», «v ponedeljek», 周一 (a weekday within the last week, else a date)."""
        module = self._grammar("time")
        return module.day_phrase(day, today) if module else day.isoformat()

    def deadline_phrase(self, deadline: dt.datetime, now: dt.datetime) -> str:
        """A concrete deadline to put in place of a vague one: «сегодня до 18:00», «jutri do
        12. ure», 明天中午12点前 (today, tomorrow, a weekday within a week, else a date)."""
        module = self._grammar("time")
        return module.deadline_phrase(deadline, now) if module else deadline.strftime("%Y-%m-%d %H:%M")

    def from_phrase(self, start: dt.datetime, now: dt.datetime) -> str:
        """When the company is back, for an away message: «завтра с 9:00», «v ponedeljek po
        8. uri», 明天上午9点后 (the day as `deadline_phrase` says it)."""
        module = self._grammar("time")
        return module.from_phrase(start, now) if module else start.strftime("%Y-%m-%d %H:%M")

    def _grammar(self, module: str) -> Any:
        """This language's `time`, `promises` or `requests` module (imported on first use:
        a process that never reads a promise does not pay for it)."""
        return importlib.import_module(f"{self.grammar}.{module}") if self.grammar else None

    def typed_forms(self, word: str) -> tuple[str, ...]:
        """The ways people type a lowercase word a rule names (the word first), for
        patterns that match written forms: Slovenian «počakajte» is also «pocakajte»."""
        return (word,)

    def learn_words(self, lemmas: Iterable[str]) -> None:  # noqa: B027 - optional hook
        """The lemmas the packs name, so an adapter can recognise them typed loosely
        (Slovenian written without č, š, ž)."""

    def add_terms(self, terms: Sequence[str]) -> None:  # noqa: B027 - optional hook
        """Teach the tokenizer multiword terms from the rule packs (segmenting languages)."""

    def rewrite(self, analysis: Analysis, first: int, last: int, phrase: str, replacement: str) -> Rewrite:
        """Replace tokens first..last (inclusive), matched by `phrase`, with `replacement`.

        Without an inflection engine the replacement goes in as written, and that is only
        certain when the matched words stand in the phrase's own (dictionary) form.
        """
        tokens = analysis.tokens
        start, end = tokens[first].start, tokens[last].end
        matched = " ".join(t.lower for t in tokens[first : last + 1] if not t.is_space)
        certain = matched == " ".join(phrase.lower().split())
        return Rewrite(start, end, match_case(analysis.text[start:end], replacement), certain)


def make_analysis(
    lang: str,
    vocab: Vocab,
    text: str,
    tokens: list[Token],
    spaces: list[bool],
    enders: frozenset[str],
    doc: Doc | None = None,
    breaks: frozenset[int] = frozenset(),
) -> Analysis:
    """Sentences from the tokens, and a spaCy Doc with LEMMA, POS, sentence starts and the
    `lemmas` extension set, so Matcher patterns can use IS_SENT_START and every lemma.

    `doc` is the tokenizer's own Doc over the same tokens, when there is one: the attributes
    are set on it in place, which costs a fifth of building a second Doc from word lists.
    """
    import numpy
    from spacy.attrs import LEMMA, POS, SENT_START
    from spacy.parts_of_speech import IDS as pos_ids
    from spacy.tokens import Doc

    sentences = sentence_bounds(text, tokens, enders, breaks)
    starts = {start for start, _ in sentences}
    if doc is None:
        doc = Doc(vocab, words=[t.text for t in tokens], spaces=spaces)
    if tokens:
        add = vocab.strings.add
        unknown = pos_ids["X"]
        values: Any = numpy.empty((len(tokens), 3), dtype=numpy.uint64)  # spaCy types it as Ints2d
        values[:, 0] = [add(t.lemmas[0] if t.lemmas else t.lower) for t in tokens]
        values[:, 1] = [pos_ids.get(t.pos, unknown) for t in tokens]
        values[:, 2] = numpy.array([1 if t.start in starts else -1 for t in tokens], dtype=numpy.int32)
        doc.from_array([LEMMA, POS, SENT_START], values)
    doc.user_data[LEMMAS_KEY] = tokens
    return Analysis(text, lang, tokens, sentences, doc)


def register_extensions() -> None:
    """Register `token._.lemmas` (all candidate lemmas), read by INTERSECTS in Matcher patterns."""
    from spacy.tokens import Token as SpacyToken

    if not SpacyToken.has_extension("lemmas"):
        SpacyToken.set_extension("lemmas", getter=_token_lemmas)


def _token_lemmas(token: Any) -> tuple[str, ...]:
    tokens = token.doc.user_data.get(LEMMAS_KEY)
    return tokens[token.i].lemmas if tokens is not None else (token.lemma_,)


def sentence_bounds(
    text: str, tokens: list[Token], enders: frozenset[str], breaks: frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    """Sentences as (start, end) character spans that together cover the whole text.

    A sentence ends after a run of terminal punctuation (and any closing quotes or brackets);
    a line break also ends one, so a greeting line stands on its own: a newline token, or one
    of `breaks`, the offsets of spaces that stood for a line break before normalization.
    Whitespace stays with the sentence before it, so every sentence starts at a word.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    closing = frozenset("»\"')]）」』”’")
    pending = False
    waiting = sorted(breaks)
    next_break = 0
    for token in tokens:
        while next_break < len(waiting) and waiting[next_break] <= token.start:
            pending = pending or token.start > 0
            next_break += 1
        if pending and not (token.is_space or token.text in enders or token.text in closing):
            bounds.append((start, token.start))
            start = token.start
            pending = False
        if (
            token.text in enders
            or (token.text and all(c in enders for c in token.text))
            or (token.is_space and "\n" in token.text)
        ):
            pending = True
    if start < len(text) or not bounds:
        bounds.append((start, len(text)))
    return bounds


@dataclass(frozen=True)
class BlankTokenizer:
    """spaCy's rule-based tokenizer for one language, with its vocabulary and language data."""

    tokenizer: Any
    vocab: Any
    defaults: Any


def blank_tokenizer(code: str, words_not_abbreviations: frozenset[str] = frozenset()) -> BlankTokenizer:
    """spaCy's tokenizer for `code`, keeping hyphenated words («из-за», «e-pošta») whole.

    `words_not_abbreviations` are words spaCy's exceptions keep together with a following
    dot as if abbreviated («je.», «so.»): here the dot is split off, so it ends a sentence.

    Built from the language's data directly, as `spacy.blank` would build it but without the
    config machinery, and with each affix regex compiled once (a new process pays for this).
    spaCy splits letter-hyphen-letter by default; lemmatizers know such words as one.
    """
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, get_lang_class
    from spacy.vocab import create_vocab

    defaults = get_lang_class(code).Defaults
    vocab = create_vocab(code, defaults)
    infixes = [p for p in defaults.infixes or () if not _matches(p, "a-b")]
    rules = defaults.tokenizer_exceptions
    if words_not_abbreviations:
        rules = {k: v for k, v in rules.items() if not (k.endswith(".") and k[:-1].lower() in words_not_abbreviations)}
    tokenizer = Tokenizer(
        vocab,
        rules=rules,
        prefix_search=compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
        suffix_search=compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
        infix_finditer=compile_infix_regex(infixes).finditer if infixes else None,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )
    register_extensions()
    return BlankTokenizer(tokenizer, vocab, defaults)


def _matches(pattern: str | re.Pattern[str], text: str) -> bool:
    return re.search(pattern, text) is not None
