"""Russian names for the address checks: the customer's name as a CRM stores it, the names a
reply uses, and whether a reply says «ты» or «вы» to its reader.

pymorphy3 (OpenCorpora, MIT) tags first names (Name), patronymics (Patr) and surnames
(Surn) and declines them; `name_data.DIMINUTIVES` adds what it does not know, that «Саша»
is Александр or Александра. Every per-word answer is cached, so a reply costs one dictionary
look-up per distinct word (and those are cached by the adapter already).

Limits: Latin-script names («Anna Petrova») are not read (None); a name of more than three
words other than initials is not read; initials are dropped (the greeting needs whole
words); hyphenated surnames unknown to the dictionary decline part by part only; a name
that is an ordinary word («Надежда») at the very start of a reply and followed by a comma
is taken for an address.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import permutations
from typing import Any

from replyguard.lang.base import Analysis, Token
from replyguard.lang.names import PersonName
from replyguard.lang.ru.name_data import DIMINUTIVES

Parses = tuple[Any, ...]
_CACHE_SIZE = 20_000

# full name → gender, short forms; short form → the full names it stands for
_FULL: dict[str, tuple[str, tuple[str, ...]]] = {full: (gender, short) for full, gender, short in DIMINUTIVES}
_SHORT: dict[str, list[str]] = {}
for _full, _gender, _shorts in DIMINUTIVES:
    for _short in _shorts:
        _SHORT.setdefault(_short, []).append(_full)

_GENDERS = {"femn": "female", "masc": "male"}
_FEMALE = frozenset({"female", "f", "w", "woman", "ж", "жен", "женский", "женщина"})
_MALE = frozenset({"male", "m", "man", "м", "муж", "мужской", "мужчина"})
_TITLES = {"господин": "male", "г-н": "male", "гн": "male", "госпожа": "female", "г-жа": "female", "гжа": "female"}
_TITLE_FORMS = {
    **dict.fromkeys(("господин", "господина", "господину", "господином", "господине", "г-н", "г-на", "г-ну"), "masc"),
    **dict.fromkeys(("госпожа", "госпожи", "госпоже", "госпожу", "госпожой", "г-жа", "г-жи", "г-же"), "femn"),
}
# Turkic patronymic words written after the father's name («Руслан Ахмед оглы»)
_TURKIC_PATRONYMIC = {"оглы": "male", "улы": "male", "кызы": "female", "гызы": "female"}
_NOT_NAMES = frozenset(
    {"клиент", "покупатель", "пользователь", "абонент", "гость", "заказчик", "получатель", "тест", "имя", "фамилия"}
)
_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|овна|евна|ична)$")
_FEMALE_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына|ская|цкая)$")
_MALE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий)$")
_INITIALS = re.compile(r"^(?:[А-ЯЁA-Z]\.){1,3}$|^[А-ЯЁ]$")
_WORD = re.compile(r"^[а-яёА-ЯЁ]+(?:[-'’][а-яёА-ЯЁ]+)*$")
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")

_INFORMAL = frozenset(
    {
        "ты",
        "тебя",
        "тебе",
        "тобой",
        "тобою",
        "твой",
        "твоя",
        "твоё",
        "твое",
        "твои",
        "твоего",
        "твоей",
        "твоему",
        "твоим",
        "твоими",
        "твоих",
        "твою",
        "твоём",
        "твоем",
        "здравствуй",
    }
)
_FORMAL = frozenset(
    {
        "вы",
        "вас",
        "вам",
        "вами",
        "ваш",
        "ваша",
        "ваше",
        "ваши",
        "вашего",
        "вашей",
        "вашему",
        "вашим",
        "вашими",
        "ваших",
        "вашу",
        "вашем",
        "здравствуйте",
    }
)
_OPEN_QUOTES = frozenset("«„")
_CLOSE_QUOTES = frozenset("»”")
_TOGGLE_QUOTES = frozenset('"“')
# «С уважением, Анна», «Ваш менеджер Анна», «Меня зовут Анна»: the operator, not the reader
_SIGN_OFF = frozenset({"уважением", "пожеланиями"})
_SELF = frozenset(
    {"оператор", "менеджер", "специалист", "консультант", "сотрудник", "ассистент", "администратор", "зовут", "я"}
)
_SIGNATURE_FILLER = frozenset(
    {"ваш", "ваша", "оператор", "менеджер", "специалист", "поддержки", "службы", "—", "-", ","}
)
# «Получатель: Анна Петрова», «на имя Анны»: an order's data, not an address
_LABELS = frozenset({"получатель", "отправитель", "фио", "имя", "покупатель", "заказчик", "адресат", "контакт"})


@dataclass(frozen=True, slots=True)
class _Word:
    """What the name and register checks need to know about one lowercased word."""

    name: str | None  # a first name's nominative when the word can be one (singular)
    name_likeliest: bool  # that reading is pymorphy's first
    patronymic: bool
    surnames: tuple[tuple[str, str], ...]  # (pymorphy gender, nominative) of surname readings
    name_cases: frozenset[str]  # the cases of its first-name readings
    noun_cases: frozenset[str]  # the cases of a common inanimate noun's readings («карта Мир»)
    register: str | None  # "formal" / "informal" when the word addresses the reader


class RussianNames:
    """Reads names with the adapter's pymorphy3 `parse` (lowercased word → parses)."""

    def __init__(self, parse: Callable[[str], Parses]) -> None:
        self._parse = parse
        self._word = lru_cache(maxsize=_CACHE_SIZE)(self._read_word)
        # a service sees the same customers' names again and again (0.3 ms each uncached)
        self._name = lru_cache(maxsize=4096)(self._read_name)

    # ----- the customer's name -----

    def parse_name(self, raw: str, gender: str | None = None) -> PersonName | None:
        """The CRM's name string, parsed; None when it holds no Russian name. Cached: treat
        the result (and its `slots`) as read-only."""
        return self._name(raw, gender)

    def _read_name(self, raw: str, gender: str | None) -> PersonName | None:
        words, hint, turkic = self._name_words(raw)
        if words is None or not words:
            return None
        roles = self._assign(words)
        if roles is None:
            return None
        part = {role: word for word, role in zip(words, roles, strict=True)}
        first, patronymic, surname = part.get("first"), part.get("patronymic"), part.get("surname")
        person_gender = (
            _crm_gender(gender)
            or hint
            or (turkic[1] if turkic else None)
            or self._patronymic_gender(patronymic)
            or self._first_gender(first)
            or _surname_gender(surname)
        )
        forms = self._forms(first, patronymic, surname, person_gender)
        if turkic and first and not patronymic:
            patronymic = turkic[0]  # «Ахмед оглы» is written as it is, undeclined
            forms |= set(patronymic.lower().split())
        slots: dict[str, str] = {}
        if first:
            slots["first"] = _title(first)
        if patronymic:
            slots["patronymic"] = _title_words(patronymic)
        if first and patronymic:
            slots["first_patronymic"] = f"{slots['first']} {slots['patronymic']}"
        if surname:
            slots["surname"] = _title(surname)
        if person_gender:
            slots["dear"] = "Уважаемая" if person_gender == "female" else "Уважаемый"
            slots["dear_lower"] = slots["dear"].lower()
        return PersonName(
            raw=raw,
            first=slots.get("first"),
            patronymic=slots.get("patronymic"),
            surname=slots.get("surname"),
            gender=person_gender,
            forms=frozenset(_with_e(forms)),
            slots=slots,
        )

    def _name_words(self, raw: str) -> tuple[list[str] | None, str | None, tuple[str, str] | None]:
        """The name words of `raw` without initials and titles; None when some word is not a
        name word at all (a placeholder, digits, Latin script)."""
        words: list[str] = []
        hint: str | None = None
        turkic: tuple[str, str] | None = None
        for chunk in re.split(r"[\s,;]+", raw.strip()):
            if not chunk or _INITIALS.match(chunk):
                continue
            lower = chunk.lower().rstrip(".")
            if lower in _TITLES:
                hint = _TITLES[lower]
                continue
            if lower in _TURKIC_PATRONYMIC and words:
                turkic = (f"{words.pop()} {lower}", _TURKIC_PATRONYMIC[lower])
                continue
            if not _WORD.match(chunk) or lower in _NOT_NAMES:
                return None, None, None
            if self._common_word(lower):
                if len(words) == 0 and chunk[:1].isupper():
                    continue  # «Уважаемая Анна»: a word before the name
                return None, None, None
            words.append(chunk)
        if len(words) > 3 or not all(_CYRILLIC.search(w) for w in words):
            return None, None, None
        return words, hint, turkic

    def _common_word(self, lower: str) -> bool:
        """A dictionary word that is no name, surname or patronymic (and whose likeliest
        reading is not a noun, so surnames such as «Волк» stay)."""
        if lower in _FULL or lower in _SHORT:
            return False
        parses = self._parse(lower)
        if not parses or not _known(parses):
            return False
        if any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in parses):
            return False
        return parses[0].tag.POS != "NOUN"

    def _assign(self, words: list[str]) -> tuple[str, ...] | None:
        """Which word is the first name, the patronymic and the surname: the likeliest order."""
        fits = [self._fits(w.lower()) for w in words]
        best: tuple[float, tuple[str, ...]] | None = None
        for roles in permutations(("first", "patronymic", "surname"), len(words)):
            if "patronymic" in roles:
                at = roles.index("patronymic")
                if "first" in roles and roles.index("first") != at - 1:
                    continue
            score = sum(fit.get(role, -9.0) for fit, role in zip(fits, roles, strict=True))
            score += _ORDER_BONUS.get(roles, 0.0)
            if best is None or score > best[0]:
                best = (score, roles)
        if best is None or best[0] < 1.0:
            return None
        return best[1]

    def _fits(self, lower: str) -> dict[str, float]:
        """How well a word fits each part of a name (0 poor, 4 certain)."""
        parses = self._parse(lower)
        known = _known(parses)
        fits: dict[str, float] = {}
        name = lower in _FULL or lower in _SHORT or any(_nominative(p, "Name", lower) for p in parses)
        fits["first"] = 3.0 if name else (1.0 if not known else 0.0)
        if any(_nominative(p, "Patr", lower) for p in parses) or _PATRONYMIC.search(lower):
            fits["patronymic"] = 4.0
        surname = any(_nominative(p, "Surn", lower) for p in parses) or _FEMALE_SURNAME.search(lower)
        if surname or (_MALE_SURNAME.search(lower) and not name):
            fits["surname"] = 2.0
        else:
            fits["surname"] = 1.0 if not known else 0.3
        return fits

    def _patronymic_gender(self, word: str | None) -> str | None:
        if not word:
            return None
        lower = word.lower()
        genders = {_gender_of(p.tag) for p in self._parse(lower) if _nominative(p, "Patr", lower)}
        if len(genders) == 1:
            return _GENDERS.get(genders.pop() or "")
        if lower.endswith("на"):
            return "female"
        return "male" if lower.endswith("ич") else None

    def _first_gender(self, word: str | None) -> str | None:
        """The table's gender, else pymorphy's; «Саша», «Женя» (ms-f or both) stay unknown."""
        if not word:
            return None
        lower = word.lower()
        genders: set[str] = set()
        if lower in _FULL:
            genders.add(_FULL[lower][0])
        for full in _SHORT.get(lower, ()):
            genders.add(_FULL[full][0])
        if not genders:
            for parse in self._parse(lower):
                if _nominative(parse, "Name", lower):
                    gender = _GENDERS.get(_gender_of(parse.tag) or "")
                    genders.add(gender or "unknown")
        return genders.pop() if len(genders) == 1 and "unknown" not in genders else None

    def _forms(self, first: str | None, patronymic: str | None, surname: str | None, gender: str | None) -> set[str]:
        """Every lowercased word form naming the person: cases of each part, and the short
        and full forms of the first name."""
        forms: set[str] = set()
        if first:
            lower = first.lower()
            forms |= self._declined(lower, "Name", gender)
            for relative, relative_gender in _relatives(lower, gender):
                forms |= self._declined(relative, "Name", relative_gender)
        if patronymic:
            forms |= self._declined(patronymic.lower(), "Patr", gender)
        if surname:
            lower = surname.lower()
            forms |= self._declined(lower, "Surn", gender or _surname_gender(surname))
            if "-" in lower:
                for piece in lower.split("-"):
                    forms |= self._declined(piece, "Surn", gender)
        return forms

    def _declined(self, lower: str, kind: str, gender: str | None) -> set[str]:
        """The singular case forms of a name word: pymorphy's lexeme of its reading of
        `kind` (in the person's gender when known), else endings guessed from the word."""
        readings = [p for p in self._parse(lower) if _nominative(p, kind, lower)]
        wanted = {"female": "femn", "male": "masc"}.get(gender or "")
        if wanted:
            readings = [p for p in readings if _gender_of(p.tag) in (wanted, None)] or readings
        forms: set[str] = set()
        for reading in readings:
            own = _gender_of(reading.tag)
            for form in reading.lexeme:
                tag = form.tag
                if (
                    tag.number != "plur"
                    and "Dist" not in tag.grammemes
                    and (own is None or _gender_of(tag) in (own, None))
                ):
                    forms.add(form.word)
        if not readings:
            forms |= _guessed_forms(lower, gender)
        # «любой» (Люба), «вере» (Вера), «коли» (Коля) are ordinary words first: they would
        # make any reply seem to name the customer, so only the nominative keeps them.
        return {lower} | {form for form in forms if self._reads_as_name(form)}

    def _reads_as_name(self, form: str) -> bool:
        """Is a form likely enough a name (a quarter of pymorphy's estimate), or unknown?"""
        parses = self._parse(form)
        if not parses or not _known(parses[:1]):
            return True
        return sum(p.score for p in parses if {"Name", "Surn", "Patr"} & p.tag.grammemes) >= 0.25

    # ----- names in a reply -----

    def person_names(self, analysis: Analysis) -> list[tuple[int, int, str]]:
        """Where the reply names someone: a first name (with its patronymic) or a surname
        after «господин/госпожа», with the nominative, lowercased. An ordinary word that is
        also a name counts only where it is clearly one (see `_clearly_a_name`); names in
        quotes, in the operator's signature or introduction, or after a label («Получатель:»)
        are left out."""
        words = [t for t in analysis.tokens if not t.is_space]
        starts = {start for start, _ in analysis.sentences}
        quoted = _quoted(words)
        found: list[tuple[int, int, str]] = []
        seen_word = False
        skip_to = -1
        for at, token in enumerate(words):
            if not _CYRILLIC.search(token.text):
                continue
            opening = not seen_word
            seen_word = True
            if at <= skip_to or quoted[at]:
                continue
            word = self._word(token.lower)
            title = _TITLE_FORMS.get(words[at - 1].lower) if at else None
            if title and word.surnames:
                lemma = next((n for g, n in word.surnames if g == title), word.surnames[0][1])
                found.append((token.start, token.end, lemma))
                continue
            if word.name is None:
                continue
            following = words[at + 1] if at + 1 < len(words) else None
            with_patronymic = following is not None and self._word(following.lower).patronymic
            if not with_patronymic and not _clearly_a_name(words, at, word, starts, opening):
                continue
            if _not_an_address(words, at, self._word):
                continue
            end = following.end if with_patronymic and following is not None else token.end
            skip_to = at + 1 if with_patronymic else at
            found.append((token.start, end, word.name))
        return found

    # ----- ты and вы -----

    def addressee_register(self, analysis: Analysis) -> list[tuple[int, int, str]]:
        """Pronouns and verb forms of ты («тебе», «можешь», «пиши») and of вы («вам»,
        «можете», «пишите»), outside quotes and quoted lines («> …»): one pass."""
        found: list[tuple[int, int, str]] = []
        words = [t for t in analysis.tokens if not t.is_space]
        quoted = _quoted(words)
        line_start = True
        quoted_line = False
        at = 0
        for token in analysis.tokens:
            if token.is_space:
                if "\n" in token.text:
                    line_start, quoted_line = True, False
                continue
            inside = quoted[at]
            at += 1
            if line_start:
                quoted_line = token.text.startswith(">")
                line_start = False
            if inside or quoted_line or token.text in _QUOTE_MARKS:
                continue
            register = self._word(token.lower).register
            if register is not None:
                found.append((token.start, token.end, register))
        return found

    # ----- one word -----

    def _read_word(self, lower: str) -> _Word:
        parses = self._parse(lower) if _CYRILLIC.search(lower) else ()
        name: str | None = None
        likeliest = False
        for rank, parse in enumerate(parses):
            tag = parse.tag
            if "Name" in tag.grammemes and tag.number != "plur":
                name, likeliest = parse.normal_form, rank == 0
                break
        if name is None and lower in _FULL:
            name = lower
        surnames: list[tuple[str, str]] = []
        for parse in parses:
            tag = parse.tag
            if "Surn" in tag.grammemes and tag.number != "plur":
                nominative = parse.inflect({"nomn"})
                entry = (_gender_of(tag) or "", nominative.word if nominative else lower)
                if entry not in surnames:
                    surnames.append(entry)
        top = parses[0].tag if parses else None
        inanimate = (
            top is not None
            and top.POS == "NOUN"
            and top.animacy == "inan"
            and not ({"Name", "Surn", "Patr", "Geox", "Orgn"} & top.grammemes)
        )
        noun_cases = frozenset(
            str(p.tag.case)
            for p in parses
            if inanimate and p.tag.POS == "NOUN" and p.normal_form == parses[0].normal_form
        )
        name_cases = frozenset(str(p.tag.case) for p in parses if "Name" in p.tag.grammemes and p.tag.case)
        return _Word(
            name=name,
            name_likeliest=likeliest,
            patronymic=any("Patr" in p.tag.grammemes for p in parses),
            surnames=tuple(surnames),
            name_cases=name_cases,
            noun_cases=noun_cases,
            register=_register(lower, parses),
        )


_ORDER_BONUS: dict[tuple[str, ...], float] = {
    ("first",): 0.2,
    ("surname", "first", "patronymic"): 0.5,
    ("first", "patronymic", "surname"): 0.5,
    ("first", "patronymic"): 0.5,
    ("first", "surname"): 0.6,
    ("surname", "first"): 0.5,
}


def _register(lower: str, parses: Parses) -> str | None:
    """«ты»-words and 2nd person singular verbs → informal; «вы»-words and 2nd person
    plural verbs → formal. Only the likeliest reading counts («мой» is not «мыть»)."""
    if lower in _INFORMAL:
        return "informal"
    if lower in _FORMAL:
        return "formal"
    if not parses:
        return None
    tag = parses[0].tag
    if tag.POS != "VERB":
        return None
    if "2per" in tag.grammemes or ("impr" in tag.grammemes and "excl" in tag.grammemes):
        return "informal" if tag.number == "sing" else "formal"
    return None


def _clearly_a_name(words: list[Token], at: int, word: _Word, starts: set[int], opening: bool) -> bool:
    """Capitalised inside a sentence, or in address position: the reply's first word, or a
    sentence's first word whose likeliest reading is a name, followed by «,» or «!»."""
    token = words[at]
    text = token.text
    initial = token.start in starts or (at > 0 and words[at - 1].start in starts and not words[at - 1].text.isalnum())
    capital = text[:1].isupper() and not (len(text) > 1 and text.isupper())
    if capital and not initial:
        return True
    following = words[at + 1].text if at + 1 < len(words) else ""
    if following not in {",", "!"}:
        return False
    return opening or (initial and word.name_likeliest)


def _not_an_address(words: list[Token], at: int, read: Callable[[str], _Word]) -> bool:
    """The operator's signature or introduction, an order's data, or a name after a common
    noun («карта Мир», «кукла Маша»)."""
    if at == 0:
        return False
    before = words[at - 1]
    if before.lower in _SELF:
        return True
    if before.text == ":" and at > 1 and words[at - 2].lower in _LABELS:
        return True
    if before.lower == "имя" and at > 1 and words[at - 2].lower == "на":
        return True
    if before.lower.isalpha() and not read(before.lower).noun_cases.isdisjoint(read(words[at].lower).name_cases):
        return True  # in apposition, in the noun's case: «модель Лада»; not «заказ Марине»
    for back in range(at - 1, max(-1, at - 6), -1):
        lower = words[back].lower
        if lower in _SIGN_OFF:
            return True
        if lower not in _SIGNATURE_FILLER:
            break
    return False


_QUOTE_MARKS = _OPEN_QUOTES | _CLOSE_QUOTES | _TOGGLE_QUOTES


def _quoted(words: list[Token]) -> list[bool]:
    """Which words stand inside quotation marks."""
    out: list[bool] = []
    depth = 0
    toggled = False
    for token in words:
        text = token.text
        if text in _OPEN_QUOTES:
            depth += 1
        elif text in _CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif text in _TOGGLE_QUOTES:
            toggled = not toggled
        out.append(bool(depth or toggled))
    return out


def _nominative(parse: Any, kind: str, lower: str) -> bool:
    """A singular nominative reading of `kind` (Name, Patr, Surn) spelled as the word itself."""
    tag = parse.tag
    return (
        kind in tag.grammemes
        and tag.case == "nomn"
        and tag.number != "plur"
        and parse.word.replace("ё", "е") == lower.replace("ё", "е")
    )


def _gender_of(tag: Any) -> str | None:
    """pymorphy's "femn" / "masc" (None for common gender, ms-f, or none)."""
    return str(tag.gender) if tag.gender else None


def _known(parses: Parses) -> bool:
    """Does pymorphy's dictionary (not its guesser) know the word?"""
    return any(type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer" for p in parses)


def _relatives(lower: str, gender: str | None) -> Iterable[tuple[str, str]]:
    """The full names a short form stands for and the short forms of a full name (with
    their genders), in the person's gender when known: «саша» → александр, александра …"""
    fulls = [lower] if lower in _FULL else _SHORT.get(lower, [])
    seen: set[str] = {lower}
    for full in fulls:
        full_gender, shorts = _FULL[full]
        if gender and full_gender != gender:
            continue
        for word in (full, *shorts):
            if word not in seen:
                seen.add(word)
                yield word, full_gender


def _guessed_forms(lower: str, gender: str | None) -> set[str]:
    """Case endings by the word's ending, for names the dictionary does not know."""
    if lower.endswith(("ия", "ья")):
        stem = lower[:-1]
        return {lower, stem + "и", stem + "ю", stem + "ей", stem + "е"}
    if lower.endswith("а"):
        stem = lower[:-1]
        hushing = stem[-1:] in set("гкхжшщч")
        return {lower, stem + ("и" if hushing else "ы"), stem + "е", stem + "у", stem + "ой", stem + "ей"}
    if lower.endswith("я"):
        stem = lower[:-1]
        return {lower, stem + "и", stem + "е", stem + "ю", stem + "ей"}
    if gender == "female":
        return {lower}
    if lower.endswith(("й", "ь")):
        stem = lower[:-1]
        return {lower, stem + "я", stem + "ю", stem + "ем", stem + "е"}
    if lower[-1:] in set("бвгджзклмнпрстфхцчшщ"):
        return {lower, lower + "а", lower + "у", lower + "ом", lower + "ем", lower + "е"}
    return {lower}


def _crm_gender(value: str | None) -> str | None:
    lower = (value or "").strip().lower()
    if lower in _FEMALE:
        return "female"
    return "male" if lower in _MALE else None


def _surname_gender(surname: str | None) -> str | None:
    """-ова, -ина, -ская → female; -ов, -ин, -ский → male; others (-ко, -ян, -ич) unknown."""
    if not surname:
        return None
    lower = surname.lower()
    if _FEMALE_SURNAME.search(lower):
        return "female"
    return "male" if _MALE_SURNAME.search(lower) else None


def _title(word: str) -> str:
    """«анна» / «АННА» → «Анна», «римский-корсаков» → «Римский-Корсаков»; mixed case stays."""
    if word.islower() or word.isupper():
        return "-".join(piece[:1].upper() + piece[1:].lower() for piece in word.split("-"))
    return word


def _title_words(words: str) -> str:
    """Each word of a patronymic titled, except the Turkic «оглы», «кызы» (lowercase)."""
    return " ".join(w if w in _TURKIC_PATRONYMIC else _title(w) for w in words.split())


def _with_e(forms: Iterable[str]) -> set[str]:
    """Each form also with «ё» written as «е», as many people type it."""
    out = set(forms)
    out |= {form.replace("ё", "е") for form in out if "ё" in form}
    return out
