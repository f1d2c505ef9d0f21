"""Russian verb groups that state a future action or outcome (see `replyguard.when.PromiseVerb`).

Read from the pymorphy3 parses the adapter keeps on each token (`Token.morph`):
  - a perfective non-past (pymorphy tags it 'futr'): «перезвоним», «курьер привезёт»,
    «с вами свяжутся», «вы получите»;
  - «буду / будем / будет / будут» + an infinitive: «будем звонить»; + a short passive
    participle: «будет отправлен» (impersonal: nobody named does it);
  - «сможем / постараемся / успеем» + an infinitive: the infinitive is what is promised;
  - a present first person with a time expression in the same sentence: «завтра
    отправляем», «планируем отправить в пятницу».
Left out as no statement of a promise: negated verbs («не перезвоним»), imperatives and
requests («отправьте», «давайте перезвоним»), offers with «можем / могу», bare
infinitives, past forms, verbs followed by «ли», and verbs inside a clause opened by «если»,
«когда», «как только», «чтобы», «пока» (up to the next comma): those are conditions, not
promises (the caller drops whole conditional sentences as well).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from replyguard.lang.base import Analysis, Token
from replyguard.lang.ru.time import find_times, grammemes
from replyguard.when import PromiseVerb, Voice

# finite verbs whose infinitive carries the promise («сможем отправить»)
_CHAIN = frozenset({"смочь", "постараться", "попробовать", "попытаться", "успеть", "суметь"})
# present-tense verbs of intention, promising their infinitive when a time is named
_INTENT = frozenset({"планировать", "собираться", "намереваться", "обещать", "обязаться", "обязываться"})
# present-tense verbs that are not a promise even with a time: offers, requests, politeness
_NOT_PRESENT = frozenset(
    {"мочь", "хотеть", "просить", "рекомендовать", "советовать", "предлагать", "благодарить", "извиняться",
     "понимать", "знать", "видеть", "ждать", "надеяться", "сожалеть", "работать", "напоминать", "уточнять",
     "быть", "являться", "приносить", "сообщать", "информировать", "уведомлять"}
)  # fmt: skip
_READY = frozenset({"готовый", "доступный"})
_OPENERS = frozenset({"если", "ежели", "когда", "пока", "чтобы", "чтоб", "раз", "коли"})
_CLAUSE_END = frozenset({",", ";", ":", "—", "–", "-", "(", ")", "!", "?", ".", "…"})
_SKIPPABLE = frozenset({"ADV", "PART", "PRON"})  # between an auxiliary and its infinitive
_SUBJECT_PRONOUNS = {"он": "sing", "она": "sing", "оно": "sing", "они": "plur"}


def find_promise_verbs(analysis: Analysis, time_starts: frozenset[int] | None = None) -> list[PromiseVerb]:
    """Every future verb group of a Russian text that states an action or outcome.

    `time_starts`: the sentences (by start offset) that name a time; when None they are
    found here (needed only for present-tense verbs such as «завтра отправляем»)."""
    words = [t for t in analysis.tokens if not t.is_space]
    forms = [_form(t) for t in words]
    if not any(form.candidate for form in forms):
        return []
    starts = [t.start for t in words]
    found: list[PromiseVerb] = []
    at = 0
    for sentence_start, sentence_end in analysis.sentences:
        # the sentence's words: from `at` on (words are in text order), those starting inside it
        end = bisect_left(starts, sentence_end, at)
        first = bisect_left(starts, sentence_start, at, end)
        at = end
        group = forms[first:end]
        if any(form.verbal for form in group):
            # whether the sentence names a time matters only to a present first person
            has_time = False
            if any(form.present for form in group):
                if time_starts is None:
                    time_starts = _time_starts(analysis)
                has_time = sentence_start in time_starts
            found.extend(_Sentence(words[first:end], group, has_time).verbs())
    return found


def _time_starts(analysis: Analysis) -> frozenset[int]:
    """The sentences (by start offset) that name a time."""
    times = find_times(analysis)
    return frozenset(start for start, end in analysis.sentences if any(start <= span.start < end for span in times))


@dataclass(frozen=True, slots=True)
class _Form:
    """What the grammar asks of a word form's pymorphy3 parses, read once per form (`_form`)."""

    low: str  # lowercased, ё folded into е
    grams: tuple[frozenset[str], ...]  # each parse's grammemes, in the parses' order
    normals: tuple[str, ...]  # each parse's normal form, ё folded into е
    verbal: bool  # a verb, or a first-person future that a short adjective outranks («перечислим»)
    candidate: bool  # verbal and a future or a present first person: worth reading the text for
    present: bool  # a present first-person indicative verb: a promise only beside a named time
    infinitive: bool  # some parse is an infinitive
    pronominal: bool  # some parse is a pronominal adjective («наш», «этот»): not content


_FORMS: dict[str, _Form] = {}
_FORMS_KEPT = 20_000  # distinct forms remembered (bounded: a service sees millions)


def _form(token: Token) -> _Form:
    """The token's `_Form`, cached by its lowercased form: the adapter analyses each form on its
    own, so its part of speech and parses depend on nothing else."""
    found = _FORMS.get(token.lower)
    if found is None:
        parses = token.morph or ()
        grams = tuple(grammemes(p) for p in parses)
        verbal = token.pos == "VERB" or any(g.issuperset(("VERB", "futr", "1per", "indc")) for g in grams)
        found = _Form(
            token.lower.replace("ё", "е"),
            grams,
            tuple(_normal(p) for p in parses),
            verbal,
            verbal and any("futr" in g or g.issuperset(("pres", "1per")) for g in grams),
            any(g.issuperset(("VERB", "pres", "1per", "indc")) for g in grams),
            any("INFN" in g for g in grams),
            any("Apro" in g for g in grams),
        )
        if len(_FORMS) >= _FORMS_KEPT:
            _FORMS.clear()
        _FORMS[token.lower] = found
    return found


class _Sentence:
    """The words of one sentence and the promise verbs among them."""

    def __init__(self, words: list[Token], forms: list[_Form], has_time: bool) -> None:
        self.w = words
        self.forms = forms  # each word's `_Form`
        self.lows = [form.low for form in forms]
        self.has_time = has_time
        self.inside = self._conditional_words()

    def low(self, at: int) -> str:
        return self.lows[at] if 0 <= at < len(self.lows) else ""

    def _conditional_words(self) -> set[int]:
        """Word positions inside a clause opened by «если», «когда», «как только», «чтобы»…"""
        inside: set[int] = set()
        if _OPENERS.isdisjoint(self.lows) and "как" not in self.lows and "того" not in self.lows:
            return inside  # nothing opens a clause (the common case)
        opened = False
        for at in range(len(self.w)):
            word = self.low(at)
            if word in _CLAUSE_END:
                opened = False
            elif word in _OPENERS or (word in {"как", "того"} and self.low(at + 1) in {"только", "как"}):
                opened = True  # «если», «когда», «как только», «после того как»
            if opened:
                inside.add(at)
        return inside

    def verbs(self) -> list[PromiseVerb]:
        found: list[PromiseVerb] = []
        used: set[int] = set()
        for at, form in enumerate(self.forms):
            if not form.verbal or at in used or at in self.inside:
                continue  # (a group starts at a verbal word: see `_verb_at`)
            verb = self._verb_at(at)
            if verb is not None:
                first, main, lemmas, voice, passive = verb
                used.update(range(first, main + 1))
                if self._excluded(first, main):
                    continue
                subject: str | None = None
                if voice == "third":
                    subject, voice = self._subject(first, main)
                if lemmas == ("быть",):  # «будет у вас»
                    objects: tuple[str, ...] = ("у", "вы")
                elif passive and subject:  # «возврат будет произведён»: the subject is what is done
                    objects = (subject, *self._objects(main))
                else:
                    objects = self._objects(main) + self._fronted(first, subject)
                found.append(
                    PromiseVerb(
                        self.w[first].start,
                        self.w[main].end,
                        lemmas,
                        "impersonal" if passive else voice,
                        None if passive else subject,
                        objects,
                    )
                )
        return found

    def _verb_at(self, at: int) -> tuple[int, int, tuple[str, ...], Voice, bool] | None:
        """(first word, main verb, its lemmas, voice, passive) of a group starting at `at`."""
        token = self.w[at]
        form = self.forms[at]
        if not form.verbal:
            # the likeliest reading: a finite verb, an auxiliary; a first-person future also
            # where a short adjective is likelier («перечислим», «решим»)
            return None
        readings = list(zip(token.morph or (), form.grams, strict=True))  # (parse, its grammemes)
        aux = [g for p, g in readings if p.normal_form == "быть" and g.issuperset(("futr", "indc"))]
        if aux:
            return self._auxiliary(at, aux[0])
        future = [(p, g) for p, g in readings if g.issuperset(("VERB", "futr", "indc")) and p.normal_form != "быть"]
        if future:
            parse, grams = future[0]
            first_parse, first_grams = readings[0]
            if "pres" in first_grams and first_parse.normal_form == parse.normal_form and not self.has_time:
                return None  # «возвраты проводит организатор»: one verb of two aspects, likelier present
            if "2per" in grams and any("impr" in g for g in form.grams) and not self._addressee_before(at):
                return None  # «получите посылку в пункте выдачи» is a request
            voice = _voice(grams)
            if _normal(parse) in _CHAIN:
                infinitive = self._infinitive_after(at)
                if infinitive is None:
                    return None
                return at, infinitive, _lemmas(self.w[infinitive], "INFN"), voice, False
            return at, at, _lemmas(token, "VERB", "futr"), voice, False
        present = [p for p, g in readings if g.issuperset(("VERB", "pres", "1per", "indc"))]
        if present and self.has_time:
            name = _normal(present[0])
            if name in _NOT_PRESENT:
                return None
            if name in _INTENT:
                infinitive = self._infinitive_after(at)
                if infinitive is None:
                    return None
                return at, infinitive, _lemmas(self.w[infinitive], "INFN"), "first", False
            return at, at, _lemmas(token, "VERB", "pres"), "first", False
        return None

    def _auxiliary(self, at: int, aux: frozenset[str]) -> tuple[int, int, tuple[str, ...], Voice, bool] | None:
        """«будем звонить», «будет отправлен», «будет готов» (`aux`: the grammemes of «будет»)."""
        voice = _voice(aux)
        if self.low(at + 1) == "у" and self.low(at + 2) == "вас":
            # «заказ будет у вас в четверг»: an arrival promised; the lexicon names it «быть у вы»
            return at, at + 2, ("быть",), voice, False
        for ahead in range(at + 1, min(at + 4, len(self.w))):
            token = self.w[ahead]
            form = self.forms[ahead]
            if self.low(ahead) == "не" or self.low(ahead) in _CLAUSE_END:
                return None
            if form.infinitive:
                return at, ahead, _lemmas(token, "INFN"), voice, False
            if any(g.issuperset(("PRTS", "pssv")) for g in form.grams):
                return at, ahead, _lemmas(token, "PRTS"), voice, True
            ready = [n for g, n in zip(form.grams, form.normals, strict=True) if "ADJS" in g and n in _READY]
            if ready:
                return at, ahead, tuple(sorted({n for n in form.normals if n in _READY})), voice, False
            if token.pos not in _SKIPPABLE:
                return None
        return None

    def _infinitive_after(self, at: int) -> int | None:
        for ahead in range(at + 1, min(at + 4, len(self.w))):
            if self.low(ahead) in _CLAUSE_END or self.low(ahead) == "не":
                return None
            if self.forms[ahead].infinitive:
                return ahead
            if self.w[ahead].pos not in _SKIPPABLE:
                return None
        return None

    def _addressee_before(self, at: int) -> bool:
        """Is «вы» / «ты» the subject just before a second-person verb («вы получите»)?"""
        return any(self.low(before) in {"вы", "ты"} for before in range(max(0, at - 3), at))

    def _excluded(self, first: int, main: int) -> bool:
        """Negated, a request with «давайте» / «пусть», or a «ли» question."""
        before = self.low(first - 1)
        if before in {"не", "ни"} or before in {"давайте", "давай", "пусть", "пускай"}:
            return True
        if before == "обязательно" and self.low(first - 2) == "не":
            return False
        return self.low(main + 1) == "ли" or self.low(first + 1) == "ли"

    def _subject(self, first: int, main: int) -> tuple[str | None, Voice]:
        """The subject of a third-person verb: the nearest nominative noun agreeing in
        number, left in its clause, else right after the verb («вам позвонит менеджер»).
        A plural without one is impersonal («вам перезвонят», «с вами свяжутся»)."""
        # the group's first word agrees with the subject: the verb, or its auxiliary («будет у вас»)
        number = next((_number(g) for g in self.forms[first].grams if _number(g)), None)
        if number is None:
            number = next((_number(g) for g in self.forms[main].grams if _number(g)), None)
        at = first - 1
        while at >= 0 and self.low(at) not in _CLAUSE_END:
            found = self._nominative(at, number)
            if found is not None:
                return found, "third"
            at -= 1
        for ahead in range(main + 1, min(main + 5, len(self.w))):
            if self.low(ahead) in _CLAUSE_END:
                break
            found = self._nominative(ahead, number)
            if found is not None:
                return found, "third"
        return None, ("impersonal" if number == "plur" else "third")

    def _nominative(self, at: int, number: str | None) -> str | None:
        word = self.low(at)
        if word in _SUBJECT_PRONOUNS and (number is None or _SUBJECT_PRONOUNS[word] == number):
            return word
        # a noun after a preposition or after another noun («по дате установки») is not the subject
        if self.w[at].pos != "NOUN" or (at > 0 and self.w[at - 1].pos in {"ADP", "NOUN"}):
            return None
        form = self.forms[at]
        for grams, normal in zip(form.grams, form.normals, strict=True):
            if (
                grams.issuperset(("NOUN", "nomn"))
                and "Abbr" not in grams
                and (number is None or _number(grams) == number or "Pltm" in grams)
            ):
                return normal
        return None

    def _fronted(self, first: int, subject: str | None) -> tuple[str, ...]:
        """Nouns put before the verb in its clause, as Russian readily does with the object
        («Ответ по компенсации направим вам…», «Деньги вернём…»): up to two, not the subject."""
        found: list[str] = []
        at = first - 1
        while at >= 0 and len(found) < 4 and self.low(at) not in _CLAUSE_END:
            token = self.w[at]
            if token.pos == "NOUN" and (not subject or subject not in token.lemmas):
                found.extend(lemma for lemma in _content_lemmas(token) if lemma not in found)
            at -= 1
        return tuple(found)

    def _objects(self, main: int) -> tuple[str, ...]:
        """Lemmas (and written forms) of the next 1–3 content words after the verb («вернём вам деньги»,
        «вернусь с ответом»), up to a preposition that opens another phrase («… в пятницу»)."""
        lemmas: list[str] = []
        taken = 0
        for ahead in range(main + 1, min(main + 6, len(self.w))):
            token = self.w[ahead]
            if self.low(ahead) in _CLAUSE_END or taken == 3 or (taken and token.pos == "ADP"):
                break
            form = self.forms[ahead]
            if (token.pos in {"NOUN", "ADJ"} and not form.pronominal) or form.infinitive:
                taken += 1
                # the lemmas, and the written form for entries that name it («вернуть деньги»)
                for lemma in (*token.lemmas, token.lower.replace("ё", "е")):
                    if lemma not in lemmas:
                        lemmas.append(lemma)
        return tuple(lemmas)


def _content_lemmas(token: Token) -> tuple[str, ...]:
    return (*token.lemmas, token.lower.replace("ё", "е"))


def _number(grams: frozenset[str]) -> str | None:
    return "sing" if "sing" in grams else "plur" if "plur" in grams else None


def _normal(parse: Any) -> str:
    return str(parse.normal_form).replace("ё", "е")


def _lemmas(token: Token, pos: str, *wanted: str) -> tuple[str, ...]:
    """The token's lemmas from its parses as `pos` (the likeliest first), else all of them."""
    found: list[str] = []
    form = _form(token)
    for grams, name in zip(form.grams, form.normals, strict=True):
        if pos in grams and grams.issuperset(wanted) and name not in found:
            found.append(name)
    return tuple(found) or token.lemmas


def _voice(grams: frozenset[str]) -> Voice:
    if "1per" in grams:
        return "first"
    if "2per" in grams:
        return "second"
    return "third"
