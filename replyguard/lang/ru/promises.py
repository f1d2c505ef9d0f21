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
    if not any(_verbal(t) and (_has(t, "futr") or _has(t, "pres", "1per")) for t in words):
        return []
    if time_starts is None:
        times = find_times(analysis)
        time_starts = frozenset(
            start for start, end in analysis.sentences if any(start <= span.start < end for span in times)
        )
    found: list[PromiseVerb] = []
    at = 0
    for sentence_start, sentence_end in analysis.sentences:
        group = []
        while at < len(words) and words[at].start < sentence_end:
            if words[at].start >= sentence_start:
                group.append(words[at])
            at += 1
        if any(_verbal(t) for t in group):
            found.extend(_Sentence(group, sentence_start in time_starts).verbs())
    return found


class _Sentence:
    """The words of one sentence and the promise verbs among them."""

    def __init__(self, words: list[Token], has_time: bool) -> None:
        self.w = words
        self.has_time = has_time
        self.inside = self._conditional_words()

    def low(self, at: int) -> str:
        return self.w[at].lower.replace("ё", "е") if 0 <= at < len(self.w) else ""

    def _conditional_words(self) -> set[int]:
        """Word positions inside a clause opened by «если», «когда», «как только», «чтобы»…"""
        inside: set[int] = set()
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
        for at in range(len(self.w)):
            if at in used or at in self.inside:
                continue
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
                    objects = self._objects(main)
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
        parses = token.morph or ()
        if token.pos != "VERB" and not any(_tag(p, "VERB", "futr", "1per", "indc") for p in parses):
            # the likeliest reading: a finite verb, an auxiliary; a first-person future also
            # where a short adjective is likelier («перечислим», «решим»)
            return None
        aux = [p for p in parses if p.normal_form == "быть" and _tag(p, "futr", "indc")]
        if aux:
            return self._auxiliary(at, aux[0])
        future = [p for p in parses if "VERB" in grammemes(p) and _tag(p, "futr", "indc") and p.normal_form != "быть"]
        if future:
            parse = future[0]
            if "2per" in grammemes(parse) and any(_tag(p, "impr") for p in parses) and not self._addressee_before(at):
                return None  # «получите посылку в пункте выдачи» is a request
            voice = _voice(parse)
            if _normal(parse) in _CHAIN:
                infinitive = self._infinitive_after(at)
                if infinitive is None:
                    return None
                return at, infinitive, _lemmas(self.w[infinitive], "INFN"), voice, False
            return at, at, _lemmas(token, "VERB", "futr"), voice, False
        present = [p for p in parses if "VERB" in grammemes(p) and _tag(p, "pres", "1per", "indc")]
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

    def _auxiliary(self, at: int, aux: Any) -> tuple[int, int, tuple[str, ...], Voice, bool] | None:
        """«будем звонить», «будет отправлен», «будет готов»."""
        voice = _voice(aux)
        if self.low(at + 1) == "у" and self.low(at + 2) == "вас":
            # «заказ будет у вас в четверг»: an arrival promised; the lexicon names it «быть у вы»
            return at, at + 2, ("быть",), voice, False
        for ahead in range(at + 1, min(at + 4, len(self.w))):
            token = self.w[ahead]
            parses = token.morph or ()
            if self.low(ahead) == "не" or self.low(ahead) in _CLAUSE_END:
                return None
            if any("INFN" in grammemes(p) for p in parses):
                return at, ahead, _lemmas(token, "INFN"), voice, False
            if any("PRTS" in grammemes(p) and _tag(p, "pssv") for p in parses):
                return at, ahead, _lemmas(token, "PRTS"), voice, True
            if any("ADJS" in grammemes(p) and _normal(p) in _READY for p in parses):
                return at, ahead, tuple(sorted({_normal(p) for p in parses if _normal(p) in _READY})), voice, False
            if token.pos not in _SKIPPABLE:
                return None
        return None

    def _infinitive_after(self, at: int) -> int | None:
        for ahead in range(at + 1, min(at + 4, len(self.w))):
            if self.low(ahead) in _CLAUSE_END or self.low(ahead) == "не":
                return None
            if any("INFN" in grammemes(p) for p in self.w[ahead].morph or ()):
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
        number = next((_number(p) for p in self.w[first].morph or () if _number(p)), None)
        if number is None:
            number = next((_number(p) for p in self.w[main].morph or () if _number(p)), None)
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
        for parse in self.w[at].morph or ():
            if (
                "NOUN" in grammemes(parse)
                and _tag(parse, "nomn")
                and "Abbr" not in grammemes(parse)
                and (number is None or _number(parse) == number or "Pltm" in grammemes(parse))
            ):
                return _normal(parse)
        return None

    def _objects(self, main: int) -> tuple[str, ...]:
        """Lemmas (and written forms) of the next 1–3 content words after the verb («вернём вам деньги»,
        «вернусь с ответом»), up to a preposition that opens another phrase («… в пятницу»)."""
        lemmas: list[str] = []
        taken = 0
        for ahead in range(main + 1, min(main + 6, len(self.w))):
            token = self.w[ahead]
            if self.low(ahead) in _CLAUSE_END or taken == 3 or (taken and token.pos == "ADP"):
                break
            parses = token.morph or ()
            content = token.pos in {"NOUN", "ADJ"} and not any(_tag(p, "Apro") for p in parses)
            if content or any("INFN" in grammemes(p) for p in parses):
                taken += 1
                # the lemmas, and the written form for entries that name it («вернуть деньги»)
                for lemma in (*token.lemmas, token.lower.replace("ё", "е")):
                    if lemma not in lemmas:
                        lemmas.append(lemma)
        return tuple(lemmas)


def _verbal(token: Token) -> bool:
    """A verb, or a first-person future that a short adjective outranks («перечислим»)."""
    return token.pos == "VERB" or _has(token, "VERB", "futr", "1per", "indc")


def _has(token: Token, *wanted: str) -> bool:
    return any(_tag(p, *wanted) for p in token.morph or ())


def _tag(parse: Any, *wanted: str) -> bool:
    return grammemes(parse).issuperset(wanted)


def _number(parse: Any) -> str | None:
    grams = grammemes(parse)
    return "sing" if "sing" in grams else "plur" if "plur" in grams else None


def _normal(parse: Any) -> str:
    return str(parse.normal_form).replace("ё", "е")


def _lemmas(token: Token, pos: str, *wanted: str) -> tuple[str, ...]:
    """The token's lemmas from its parses as `pos` (the likeliest first), else all of them."""
    found: list[str] = []
    for parse in token.morph or ():
        if pos in grammemes(parse) and _tag(parse, *wanted):
            name = _normal(parse)
            if name not in found:
                found.append(name)
    return tuple(found) or token.lemmas


def _voice(parse: Any) -> Voice:
    grams = grammemes(parse)
    if "1per" in grams:
        return "first"
    if "2per" in grams:
        return "second"
    return "third"
