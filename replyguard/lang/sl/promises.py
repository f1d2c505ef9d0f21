"""Slovenian verb groups that state a future action or outcome: «poklicali vas bomo», «pošljemo»,
«kurir vas bo poklical», «prejeli boste», «paket bo dostavljen», «pokličejo vas».

Slovenian says the future three ways, and the grammar follows them:
- «bom/bomo/bo/bodo …» with the l-participle, in either order and with clitics between
  («bomo poslali», «poklicali vas bomo»); the auxiliary's person gives the voice;
- the present of a perfective verb, which means the future («pošljemo» = we will send):
  first person plural or singular; third person with a named subject («kurir pride»), or
  without one in the plural (impersonal «pokličejo vas»); second person only for receiving
  («prejmete», «dobite»), since «pošljite/preverite» are requests. lemmagen3 gives no aspect,
  so the secondary imperfectives are known by their suffix (pošiljati, preverjati, urejati,
  vračati, reševati: -jati, -vati, -čati …) and a short list (klicati, pisati, delati …); an
  imperfective present counts only with a time expression in its sentence («jutri pošiljamo»);
- «bo/bodo» with a passive participle («bo dostavljena», «bo nakazan»): impersonal.
Not returned: a negated group («ne bomo poslali»), an offer with «lahko» («lahko vas
pokličemo»), «naj …», modal verbs, the past («smo poslali»), a verb inside a clause opened by
če/ko/kadar/dokler/preden/čim/kolikor (a condition, not the promise).

Sources: Toporišič, Slovenska slovnica (future tense, aspect and its secondary imperfective
suffixes, passive participles in -n/-t). Limits: no tagger, so a subject is the nearest
word of the clause that is not a closed-class word, an adverb or a verb (nominative is not
checked); replies typed without č/š/ž are lemmatized by trying the carons back.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from replyguard.lang.base import Analysis, Token
from replyguard.lang.sl.closed_class import CLOSED_CLASS_POS
from replyguard.lang.sl.time import find_times
from replyguard.lang.sl.time import fold as _fold_text
from replyguard.when import PromiseVerb, Voice

_FUTURE_AUX: dict[str, Voice] = {
    "bom": "first", "bomo": "first", "bova": "first",
    "bos": "second", "boste": "second",
    "bo": "third", "bosta": "third", "bodo": "third",
}  # fmt: skip
# the present, conditional and negated forms of «biti» (not a future: «smo poslali» is past)
# and its l-participle: the closed-class table's auxiliaries without the future ones (folded,
# as the finder reads words)
_OTHER_AUX = frozenset(
    {_fold_text(w) for w, pos in CLOSED_CLASS_POS.items() if pos == "AUX" and w != "biti"} - set(_FUTURE_AUX)
    | {"bil", "bila", "bilo", "bili", "bile"}
)
_ANY_AUX = _OTHER_AUX | frozenset(_FUTURE_AUX)
_SUBORDINATE = frozenset({"ko", "ce", "ker", "da", "ki"})
_NEGATION = frozenset({"ne", "nikoli", "nikdar"})
_OFFER = frozenset({"lahko", "naj", "mogoce", "morda", "bi"})
_CONDITION = frozenset({"ce", "ko", "kadar", "dokler", "preden", "cim", "kolikor", "ali", "ceprav", "cetudi", "ki"})
_CLAUSE_END = frozenset(',;:.!?()—–"«»“”„')
_MODALS = frozenset(
    {"morati", "moči", "smeti", "hoteti", "želeti", "upati", "poskušati", "moč", "znati", "biti", "nameravati"}
)
# verbs a customer «receives» by: the only second-person outcomes («prejeli boste», «dobite»)
_RECEIVE = frozenset({"prejeti", "dobiti", "imeti", "izvedeti", "videti", "prejemati", "dobivati"})
# simple imperfective verbs: their present is the present, not a promise
_IMPERFECTIVE = frozenset(
    {"klicati", "pisati", "delati", "iskati", "čakati", "imeti", "vedeti", "biti", "skrbeti", "držati", "nesti",
     "peljati", "voziti", "hoditi", "iti", "govoriti", "misliti", "delovati", "veljati", "trajati", "ponujati",
     "sprejemati", "zagotavljati", "priporočati", "prositi", "zahvaljevati", "opravičevati", "razumeti", "spremljati",
     "sodelovati", "obravnavati", "urejati", "reševati", "pošiljati", "odpošiljati", "pripravljati", "preverjati",
     "odgovarjati", "vračati", "obveščati", "sporočati", "nakazovati", "dostavljati", "menjati", "popravljati",
     # states and feelings: «vas moti», «me zanima», «stane 20 evrov»
     "motiti", "jeziti", "zanimati", "veseliti", "čutiti", "verjeti", "upati", "slišati", "videti",
     "gledati", "brati", "živeti", "ležati", "sedeti", "stati", "pomeniti", "boleti", "ljubiti", "učiti", "jemati"}
)  # fmt: skip
# knowing, feeling and lacking: their present is a state even beside a time («razumem, kako
# neprijetno je to tik pred božičem», «manjka čelada»), never an act we will do
_STATES = frozenset(
    {"razumeti", "vedeti", "verjeti", "upati", "čutiti", "motiti", "jeziti", "zanimati", "veseliti", "manjkati",
     "obžalovati", "opravičevati", "zahvaljevati", "mrzeti", "bati", "skrbeti", "boleti", "pomeniti", "ceniti",
     "zavedati", "strinjati", "spoštovati"}
)  # fmt: skip
_IMPERFECTIVE_SUFFIX = re.compile(
    r"(?:ovati|evati|avati|ivati|[^a]jati|(?:st|d)ajati|ljati|njati|rjati|čati|ščati|šati|žati)$"
)
_PERFECTIVE_JATI = frozenset({"zamenjati", "pojasniti", "poslati", "odposlati", "nakazati", "pokazati", "dokazati"})
_ADVERBS = frozenset(
    [
        "jutri",
        "danes",
        "pojutrisnjem",
        "takoj",
        "zagotovo",
        "gotovo",
        "vsekakor",
        "ze",
        "se",
        "tudi",
        "kmalu",
        "verjetno",
        "predvidoma",
        "najkasneje",
        "najpozneje",
        "cim",
        "prej",
        "nato",
        "potem",
        "nemudoma",
        "osebno",
        "telefonsko",
        "ponovno",
        "znova",
        "nazaj",
        "sele",
        "vsaj",
        "morda",
        "mogoce",
        "zelo",
        "hitro",
        "seveda",
        "lahko",
        "sicer",
        "vedno",
        "nikoli",
        "vec",
        "manj",
        "skupaj",
        "sami",
        "sam",
        "takrat",
        "tam",
        "tukaj",
        "sem",
        "tja",
    ]
)
# prepositions (the closed-class list's): free in the reach of «bo» («bo pol ure pred prihodom poklical»)
_PREPOSITIONS = frozenset(_fold_text(w) for w, pos in CLOSED_CLASS_POS.items() if pos == "ADP")
_COPULA_NEXT = re.compile(r"(?:pri|na|gotov\w*|nared|zakljucen\w*|v\s+redu)(?!\w)")


fold = lru_cache(maxsize=8192)(_fold_text)  # words repeat: each is folded once
_FOLDED_STATES = frozenset(map(_fold_text, _STATES))
_FOLDED_IMPERFECTIVE = _IMPERFECTIVE | frozenset(map(_fold_text, _IMPERFECTIVE))  # lemmas come folded or not


def _infinitive(lemma: str) -> bool:
    """An infinitive: -ti, or -či after e/o (reči, peči, vleči, pomoči; not «domači»)."""
    return len(lemma) > 3 and (lemma.endswith("ti") or lemma.endswith(("eči", "oči")))


def _imperfective(lemma: str) -> bool:
    return lemma in _FOLDED_IMPERFECTIVE or (bool(_IMPERFECTIVE_SUFFIX.search(lemma)) and lemma not in _PERFECTIVE_JATI)


@lru_cache(maxsize=4096)
def _with_carons(word: str) -> tuple[str, ...]:
    """Infinitive lemmas of a word typed without č/š/ž («posljemo» → poslati): lemmagen3
    reads the plain spelling as another word, so the carons are tried back."""
    from replyguard.lang.registry import get_adapter

    lemma_of = getattr(get_adapter("sl"), "_lemma", None)
    if lemma_of is None:
        return ()
    places = [at for at, char in enumerate(word) if char in "csz"][:4]
    found: list[str] = []
    for mask in range(1, 1 << len(places)):
        letters = list(word)
        for bit, at in enumerate(places):
            if mask >> bit & 1:
                letters[at] = {"c": "č", "s": "š", "z": "ž"}[letters[at]]
        lemma = lemma_of("".join(letters))
        if _infinitive(lemma) and lemma not in found and lemma != "".join(letters):
            found.append(lemma)
    return tuple(found)


@lru_cache(maxsize=8192)
def _infinitives(lower: str, lemmas: tuple[str, ...]) -> tuple[str, ...]:
    plain = fold(lower)
    if plain == lower and any(c in plain for c in "csz"):
        extra = tuple(lemma for lemma in _with_carons(plain) if lemma not in lemmas)
        lemmas = (*lemmas, *extra)
    return tuple(lemma for lemma in lemmas if _infinitive(lemma) and lemma != lower)


def _lemmas(token: Token) -> tuple[str, ...]:
    return token.lemmas or (token.lower,)


_PARTICIPLE_END = re.compile(r"(?:l|la|lo|li|le)$")
_AND = frozenset({"in", "ter", "pa"})
_AGAIN = frozenset({"spet", "ponovno", "znova", "ze", "tudi", "vse"})  # «bo spet na voljo» (folded: že → ze)
_PASSIVE_END = re.compile(r"(?:[ae]n|[ae]na|[ae]no|[ae]ni|[ae]ne|t|ta|to|ti|te)$")
# passive participles in -t (the rest end in -n): «sprejet», «odprt», «pokrit», «začet»
_PASSIVE_T = re.compile(r"(?:jet|vzet|prt|krit|čet|cet|mit|pit|bit|vit|šit|sit|det|obut|dut|nit)$")
_PRESENT_1 = re.compile(r"(?:[aei]mo|[aei]m|[aei]va)$")
_PRESENT_2 = re.compile(r"(?:[aei]te)$")
_PRESENT_3PL = re.compile(r"(?:ejo|ijo|ajo|jo)$")
_PRESENT_3SG = re.compile(r"(?:[aei])$")
_PRESENT_ANY = re.compile(r"(?:mo|m|va|te|jo|[aei])$")


def _passive_infinitives(word: str) -> tuple[str, ...]:
    """Infinitives a passive participle may come from: «dostavljena» → dostaviti, «urejeno»
    → urediti, «poslan» → poslati, «obveščen» → obvestiti, «odprt» → odpreti."""
    stem = (
        re.sub(r"(?:a|o|i|e)$", "", word) if word.endswith(("na", "no", "ni", "ne", "ta", "to", "ti", "te")) else word
    )
    found: list[str] = []
    if stem.endswith("an"):
        found.append(stem[:-2] + "ati")
    elif stem.endswith("en"):
        base = stem[:-2]
        found.append(base + "iti")
        if base.endswith("lj") and base[-3:-2] in "pbvmf":
            found.append(base[:-2] + "iti")
        if base.endswith(("nj", "rj", "lj")):
            found.append(base[:-1] + "iti")
        if base.endswith("šč"):
            found.append(base[:-2] + "stiti")
        if base.endswith("j") and base[-2:-1] in "aeiou":
            found += [base[:-1] + "diti", base[:-1] + "iti"]
        if base.endswith("d"):
            found.append(base[:-1] + "sti")
        if base.endswith("s"):
            found.append(base + "ti")
    elif stem.endswith("t"):
        found += [stem + "i", stem[:-1] + "eti"]
    return tuple(dict.fromkeys(found))


def _words(analysis: Analysis) -> list[Token]:
    return [t for t in analysis.tokens if not t.is_space]


@lru_cache(maxsize=8192)
def _closed_word(lower: str, lemma: str) -> bool:
    return bool(CLOSED_CLASS_POS.get(lower) or CLOSED_CLASS_POS.get(lemma))


@lru_cache(maxsize=8192)
def _content_word(lower: str, lemma: str) -> bool:
    low = fold(lower)
    return not (
        _closed_word(lower, lemma) or low in _ADVERBS or low in _FUTURE_AUX or low in _OTHER_AUX or low in _NEGATION
    )


Present = tuple[str, tuple[str, ...], bool]  # person («first», «second», «3pl», «3sg»), lemmas, perfective


@dataclass(frozen=True, slots=True)
class _Form:
    """What the finder asks of one word, worked out once per form: every answer here depends
    only on the word as written and its lemmas, and a reply's words repeat across replies."""

    folded: str
    clause_end: bool
    closed: bool
    content: bool
    noun_like: bool
    verbs: tuple[str, ...]  # its infinitive lemmas, with the carons tried back (`_infinitives`)
    participle: bool  # an l-participle of a verb that is not modal («poslali»)
    passive: bool  # may be a passive participle («dostavljena»), see `compound`
    present: Present | None  # a present form that may be a promise, see `_present_form`


@lru_cache(maxsize=16384)
def _form(lower: str, lemmas: tuple[str, ...]) -> _Form:
    folded = fold(lower)
    lemma = lemmas[0] if lemmas else lower
    verbs = _infinitives(lower, lemmas or (lower,))
    # a content word starts with a letter; the lowercase's first character is a letter exactly
    # when the written one is (checked over all of Unicode), so the form alone decides
    content = lower[:1].isalpha() and _content_word(lower, lemma)
    plain_lemma = fold(lemmas[0]) if lemmas else folded
    return _Form(
        folded=folded,
        clause_end=lower in _CLAUSE_END,
        closed=_closed_word(lower, lemma),
        content=content,
        noun_like=content and not verbs and not lower.endswith(("no", "ko")),
        verbs=verbs,
        participle=bool(verbs and _PARTICIPLE_END.search(folded)) and not set(verbs) & _MODALS,
        passive=(plain_lemma.endswith(("an", "en")) or bool(_PASSIVE_T.search(plain_lemma)))
        and bool(_PASSIVE_END.search(folded))
        and content
        and not verbs,
        present=_present_form(folded, lemmas, verbs)
        if folded[:1].isalpha() and len(folded) >= 3 and not _closed_word(lower, lemma)
        else None,
    )


_FORMS: dict[str, tuple[tuple[str, ...], _Form]] = {}  # by the lowercase, for its usual lemmas object


def _forms(words: list[Token]) -> list[_Form]:
    """Each word's `_Form`. The adapter hands the same lemmas tuple for the same word, so a
    dict by the lowercase with an identity check on the lemmas is twice as quick as the lru
    key (a tuple of both, hashed every time); anything else falls back to `_form`."""
    get = _FORMS.get
    found: list[_Form] = []
    for word in words:
        hit = get(word.lower)
        if hit is not None and hit[0] is word.lemmas:
            found.append(hit[1])
            continue
        form = _form(word.lower, word.lemmas)
        if len(_FORMS) >= 16384:
            _FORMS.clear()
        _FORMS[word.lower] = (word.lemmas, form)
        found.append(form)
    return found


def _present_form(word: str, lemmas: tuple[str, ...], verbs: tuple[str, ...]) -> Present | None:
    """The part of `_Finder.present` that needs no context: which person a perfective (or,
    with a time, imperfective) present form is in, or None when it cannot be a promise."""
    if not lemmas or not _PRESENT_ANY.search(word) or word == fold(lemmas[0]):
        return None
    if not verbs or set(verbs) & _MODALS or fold(lemmas[0]) in _FOLDED_STATES:
        return None
    perfective = not _imperfective(fold(lemmas[0])) or not _imperfective(verbs[0])
    if _PRESENT_1.search(word) and not word.endswith(("ama", "ema", "ima")):
        return "first", verbs, perfective
    if _PRESENT_2.search(word):
        return ("second", verbs, perfective) if set(verbs) & _RECEIVE else None
    if _PRESENT_3PL.search(word):
        return "3pl", verbs, perfective
    if _PRESENT_3SG.search(word) and not _PARTICIPLE_END.search(word) and _infinitive(lemmas[0]):
        return "3sg", verbs, perfective
    return None


class _Finder:
    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.words = _words(analysis)
        self.forms = _forms(self.words)
        self.folded = [form.folded for form in self.forms]
        self._ends: list[int] | None = None
        self._times: list[tuple[int, int]] | None = None
        self._timed: set[int] | None = None
        self.used: set[int] = set()
        self.extra: list[PromiseVerb] = []  # participles coordinated with a found group

    def times(self) -> list[tuple[int, int]]:
        if self._times is None:
            self._times = [
                (t.start, t.end)
                for t in find_times(self.analysis)
                if t.when.days_ahead is None or t.when.days_ahead >= 0
            ]
        return self._times

    def clause(self, at: int) -> tuple[int, int]:
        """The words up to the nearest punctuation on each side (a mark is a clause of its own);
        a comma between two parts of one time does not count («bo jutri, v sredo, dostavil»)."""
        if self._ends is None:
            self._ends = [
                i
                for i, form in enumerate(self.forms)
                if form.clause_end
                and not (
                    self.folded[i] == ","
                    and 0 < i < len(self.words) - 1
                    and self.in_time(i - 1)
                    and self.in_time(i + 1)
                )
            ]
        ends = self._ends
        i = bisect_left(ends, at)
        if i < len(ends) and ends[i] == at:
            return at, at
        return (ends[i - 1] + 1 if i else 0), (ends[i] - 1 if i < len(ends) else len(self.words) - 1)

    def in_time(self, at: int) -> bool:
        """The word starts inside a time expression."""
        if self._timed is None:
            start_of = attrgetter("start")
            self._timed = set()
            for low, high in self.times():
                first = bisect_left(self.words, low, key=start_of)
                self._timed.update(range(first, bisect_left(self.words, high, first, key=start_of)))
        return at in self._timed

    # -- what stops a group from being a promise
    def blocked(self, first: int, last: int) -> bool:
        """Negated, an offer («lahko», «naj»), or inside a conditional clause."""
        low, high = self.clause(first)
        before = self.folded[max(low, first - 3) : first]
        inside = self.folded[first : last + 1]
        if not _NEGATION.isdisjoint(before[-2:] + inside) or not _OFFER.isdisjoint(before + inside):
            return True
        if last + 1 <= high and self.folded[last + 1] == "lahko":
            return True
        return not _CONDITION.isdisjoint(self.folded[low:first])

    def subject(self, first: int, last: int) -> str | None:
        """The word of the clause that could name who acts: inside the group («bo kurir
        prinesel»), then the nearest on the left, then right after it; not after a preposition."""
        low, high = self.clause(first)
        order = [*range(first + 1, last), *range(first - 1, low - 1, -1), *range(last + 1, min(high, last + 3) + 1)]
        for at in order:
            if at in self.used or self.in_time(at) or not self.forms[at].noun_like or self.governed(at, low):
                continue
            return self.words[at].lemmas[0] if self.words[at].lemmas else self.words[at].lower
        return None

    def governed(self, at: int, low: int) -> bool:
        """After a preposition («na vaš naslov») or right after another noun, as its genitive
        («glede termina zamenjave»): not a subject."""
        if at - 1 >= low and self.forms[at - 1].noun_like:
            return True
        for before in range(at - 1, max(low, at - 3) - 1, -1):
            pos = CLOSED_CLASS_POS.get(self.words[before].lower, "")
            if pos == "ADP":
                return True
            if pos not in ("PRON", "DET") and not self.folded[before].startswith(("vas", "nas", "moj", "tvoj")):
                return False
        return False

    def objects(self, verb: int, group: tuple[int, int], subject_at: str | None) -> tuple[str, ...]:
        """Lemmas of up to three content words after the verb (and two before it in the
        clause: Slovenian puts the object first as readily, «denar vam vrnemo»)."""
        low, high = self.clause(verb)
        found: list[str] = []
        taken = 0
        for at in range(group[1] + 1, high + 1):
            if taken == 3:
                break
            if self.forms[at].content and not self.in_time(at):
                found.extend(_lemmas(self.words[at]))
                taken += 1
        taken = 0
        for at in range(group[0] - 1, low - 1, -1):
            if taken == 2:
                break
            word = self.words[at]
            if self.forms[at].content and not self.in_time(at) and word.lemmas[:1] != (subject_at,):
                found.extend(_lemmas(word))
                taken += 1
        return tuple(dict.fromkeys(found))

    def verb(self, first: int, last: int, main: int, lemmas: tuple[str, ...], voice: Voice,
             subject: str | None = None) -> PromiseVerb:  # fmt: skip
        self.used.update(range(first, last + 1))
        return PromiseVerb(
            start=self.words[first].start,
            end=self.words[last].end,
            lemmas=lemmas,
            voice=voice,
            subject=subject,
            objects=self.objects(main, (first, last), subject),
        )

    # -- the three future forms
    def compound(self, aux: int) -> PromiseVerb | None:
        """«bomo poslali», «poklicali vas bomo», «bo dostavljena», «boste prejeli»."""
        low, high = self.clause(aux)
        person = _FUTURE_AUX[self.folded[aux]]
        reach: list[int] = []
        counted = 0  # after the auxiliary, four words up to another one; a time, adverb or preposition is free
        for at in range(aux + 1, min(high, aux + 20) + 1):  # «bo danes do 16. ure poklicala»
            if self.folded[at] in _ANY_AUX or counted == 4:
                break
            reach.append(at)
            if not (self.in_time(at) or self.folded[at] in _ADVERBS or self.folded[at] in _PREPOSITIONS):
                counted += 1
        for at in range(aux - 1, max(low, aux - 4) - 1, -1):  # before it, likewise
            if self.folded[at] in _ANY_AUX:
                break
            reach.append(at)
        for at in reach:
            if not self.forms[at].participle:
                continue
            lemmas = self.forms[at].verbs
            first, last = min(at, aux), max(at, aux)
            if self.blocked(first, last):
                return None
            if person == "second":
                return self.verb(first, last, at, lemmas, "second") if set(lemmas) & _RECEIVE else None
            if person == "first":
                self.coordinated(max(at, aux), "first", None)
                return self.verb(first, last, at, lemmas, "first")
            subject = self.subject(first, last)
            if subject is None and self.folded[aux] == "bodo":
                self.coordinated(max(at, aux), "impersonal", None)
                return self.verb(first, last, at, lemmas, "impersonal")
            self.coordinated(max(at, aux), "third", subject)
            return self.verb(first, last, at, lemmas, "third", subject)
        for at in reach:
            if at < aux:
                break
            if not self.forms[at].passive:
                continue
            token = self.words[at]
            infinitives = (*_passive_infinitives(token.lemmas[0]), *_passive_infinitives(token.lower))
            if self.blocked(aux, at):
                return None
            lemmas = tuple(dict.fromkeys((*infinitives, *token.lemmas)))
            return self.verb(aux, at, at, lemmas, "impersonal", self.subject(aux, at))
        return self.copula(aux, person)

    def coordinated(self, last: int, voice: Voice, subject: str | None) -> None:
        """A second participle sharing the auxiliary: «bomo obravnavali … in poskrbeli za …»,
        also past a subordinate clause («bomo obdelali, takoj ko bo mogoče, in vam odgovorili»)."""
        end = self.words[last].start
        sentence_end = next((high for low, high in self.analysis.sentences if low <= end < high), end)
        high = last
        while high + 1 < len(self.words) and self.words[high + 1].start < sentence_end and high < last + 15:
            high += 1
        for at in range(last + 1, high + 1):
            if self.folded[at] in _ANY_AUX and _SUBORDINATE.isdisjoint(self.folded[max(last, at - 2) : at]):
                return
            if self.folded[at] not in _AND:
                continue
            for ahead in range(at + 1, min(high, at + 2) + 1):
                if self.forms[ahead].participle:
                    self.extra.append(self.verb(ahead, ahead, ahead, self.forms[ahead].verbs, voice, subject))
                    return
            return

    def copula(self, aux: int, person: Voice) -> PromiseVerb | None:
        """«paket bo jutri pri vas», «denar bo na računu», «popravilo bo gotovo v petek»."""
        if person != "third":
            return None
        _, high = self.clause(aux)
        skipped = 0  # the subject may stand between: «bo znesek 129,00 EUR na vašem računu»
        for at in range(aux + 1, min(high, aux + 6) + 1):
            if _COPULA_NEXT.match(self.folded[at]):
                if self.blocked(aux, aux):
                    return None
                self.used.add(aux)
                extra = tuple(
                    lemma
                    for i in range(at, min(high, at + 3) + 1)
                    if not self.in_time(i)
                    for lemma in _lemmas(self.words[i])
                )
                verb = self.verb(aux, aux, aux, ("biti",), "third", self.subject(aux, aux))
                return PromiseVerb(verb.start, verb.end, verb.lemmas, verb.voice, verb.subject, extra + verb.objects)
            if self.in_time(at) or self.folded[at] in _ADVERBS or self.folded[at] in _AGAIN:
                continue
            if skipped < 3 and (self.forms[at].noun_like or self.folded[at][:1].isdigit()):
                skipped += 1
                continue
            return None
        return None

    def present(self, at: int) -> PromiseVerb | None:
        """A perfective present: «pošljemo», «pokličem», «prejmete», «kurir pride», «pokličejo vas»."""
        form = self.forms[at].present
        if form is None:
            return None
        person, lemmas, perfective = form
        if not perfective and not self.time_in_sentence(at):
            return None
        subject: str | None = None
        if person == "first":
            voice: Voice = "first"
        elif person == "second":
            voice = "second"
        elif person == "3pl":
            subject = self.subject(at, at)
            voice = "third" if subject else "impersonal"
        else:
            if at > 0 and CLOSED_CLASS_POS.get(self.words[at - 1].lower) == "ADP":
                return None  # «na poti»: a noun after a preposition
            subject = self.subject(at, at)
            if subject is None:
                return None
            voice = "third"
        if self.blocked(at, at):
            return None
        return self.verb(at, at, at, lemmas, voice, subject)

    def time_in_sentence(self, at: int) -> bool:
        start = self.words[at].start
        for low, high in self.analysis.sentences:
            if low <= start < high:
                return any(low <= s and e <= high for s, e in self.times())
        return False

    def find(self) -> list[PromiseVerb]:
        found: list[PromiseVerb] = []
        for at in [at for at, word in enumerate(self.folded) if word in _FUTURE_AUX]:
            if at not in self.used:
                verb = self.compound(at)
                if verb is not None:
                    found.append(verb)
        # only the words whose form may be a present promise (the form says so up front)
        for at in [at for at, form in enumerate(self.forms) if form.present is not None]:
            if at in self.used:
                continue
            if at > 0 and self.folded[at - 1] in _OTHER_AUX:
                continue  # «je pokliče»: not a future form
            verb = self.present(at)
            if verb is not None:
                found.append(verb)
        return sorted(found + self.extra, key=lambda v: v.start)


def find_promise_verbs(analysis: Analysis) -> list[PromiseVerb]:
    """Verb groups that state a future action or outcome (see the module docstring)."""
    if not analysis.tokens:
        return []
    return _Finder(analysis).find()
