"""Chinese names: the customer's name as a CRM stores it, the names a reply addresses, and 你/您.

A CRM holds «王小明», «欧阳娜娜», «王先生», «張女士» (Traditional), «Wang Xiaoming» or «John
Smith»; a reply greets «王先生，您好！» or «小明，您好». `parse_name` splits the stored name
on a table of surnames (`name_data`: a single or a compound one such as 欧阳, 诸葛) and lists
every way a reply may name the person. `person_names` finds who a reply addresses, so the
address checks can tell a wrong name from the customer's: a surname with a title (王先生,
李经理, 张总), a full name in front of a title, and a full name opening the reply
(«王小明，»). Precision matters more than recall there: a name in quotes, in the customer's
reported words, after «我是»/«客服» (the operator's own) or «收货人» (an order's details), and
a signature line are left out. `addressee_register` lists 你 (informal) and 您 (formal).

Limits: the gender is never guessed from the characters of a given name (only the CRM's
gender or a stored title 先生/女士/小姐/太太/夫人 tell it); a name whose surname is not in the
tables (a rare one, or a given name stored alone, «小明») is not parsed; a given name alone
is not found in a reply (only surname + title and a full name); the text the adapter sees
is already folded to Simplified characters, and so are the forms and slots.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from replyguard.lang.names import PersonName
from replyguard.lang.zh.name_data import (
    COMPOUND_SURNAMES,
    GENDER_TITLE,
    LATIN_SURNAMES,
    LATIN_TITLES,
    SINGLE_SURNAMES,
    TITLE_GENDER,
    TITLES,
)
from replyguard.lang.zh.scripts import to_simplified

if TYPE_CHECKING:
    from replyguard.lang.base import Analysis, Token

Tagger = Callable[[str], Sequence[tuple[str, str]]]
Span = tuple[int, int, str]

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"[{_HAN}]+")
_HAN_CHAR = re.compile(f"[{_HAN}]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_DOTS = "·•・‧"
_SEX_MARK = re.compile(r"[（(]\s*([男女])\s*[)）]")
_TITLE_SUFFIX = re.compile("(?:" + "|".join(TITLES) + ")$")
_TITLE_IN_TEXT = re.compile("|".join(TITLES))
_LONGEST_COMPOUND = max(len(s) for s in COMPOUND_SURNAMES)
# Characters no given name is made of: a «name» with them is a phrase («王的», «张们»).
_NOT_IN_GIVEN = frozenset("的了们您你我他她它吗呢吧啊呀是在和与及")
# CRM fillers that are not a name.
_NOT_A_NAME = frozenset(
    {"name", "first", "last", "firstname", "lastname", "customer", "client", "user", "guest", "test", "unknown"}
    | {"null", "none", "nil", "na", "xxx", "noname", "anonymous", "buyer"}
)
_GENDER_WORDS = {"female": "female", "f": "female", "woman": "female", "女": "female", "male": "male", "m": "male"}
_GENDER_WORDS |= {"man": "male", "男": "male"}

# jieba flags of a person's name; a one-word opener with another flag is an ordinary word.
_NAME_FLAGS = frozenset({"nr", "nrt", "nrfg"})
# Flags of function words: «和你，», «于是，» are not a surname and a given name.
_FUNCTION_FLAGS = ("p", "c", "d", "u", "y", "r", "e", "o", "m", "q", "f", "t")
# Words jieba's dictionary tags as names that open replies as ordinary words.
_NOT_NAMES = frozenset({"谢谢", "毛巾", "万分", "高兴", "安好", "明白", "常常", "时时", "金额"})
# A surname token with one of these parts of speech is a preposition or conjunction before a
# title: «向老板反映», «和老师沟通», «于先生处» is not 向/和/于 + title.
_NOT_SURNAME_POS = frozenset({"ADP", "CCONJ", "SCONJ", "ADV", "VERB", "AUX", "PRON", "PART"})

# Words just before a name that make it the operator's own or an order's detail, not the
# person the reply addresses.
_OPERATOR = ("我是", "我叫", "我姓", "本人", "客服", "专员", "顾问", "店长", "主管", "同事", "售后", "我司", "本店")
_ORDER_DETAIL = ("收货人", "收件人", "寄件人", "联系人", "签收人", "下单人", "订购人", "代收人", "购买人", "姓名")
_THIRD_PARTY = ("快递员", "配送员", "骑手", "署名", "落款", "朋友", "家人", "爱人", "丈夫", "妻子", "老公", "老婆")
_NOT_ADDRESSED_BEFORE = (*_OPERATOR, *_ORDER_DETAIL, *_THIRD_PARTY)
_NOT_ADDRESSED_AFTER = ("敬上", "谨上", "为您服务", "竭诚为您服务", "很高兴为您服务", "代收", "代签", "签收")
_SIGNATURE_LINE = 40
_FILLERS = " \t：:是为的"
# Titles of a position (经理, 总, 老师) name the reader only in address position; elsewhere they
# are usually a colleague («李经理会联系您»). 先生, 女士, 小姐 count anywhere.
_BUSINESS_TITLES = frozenset(TITLES) - frozenset(TITLE_GENDER)
_ADDRESS_AFTER = ("您好", "你好", "好", "早上好", "上午好", "下午好", "晚上好")
_QUOTES = {"“": "”", "「": "」", "『": "』", "《": "》", '"': '"', "‘": "’"}
_ADDRESS_PUNCT = "，、：:,!！"
_OPENER = re.compile(r"\s*(?:(?:尊敬的|亲爱的|致)\s*|(?:dear|hi|hello)\s+)?", re.IGNORECASE)
_LATIN_OPENER = re.compile(
    r"\s*(?:(?:dear|hi|hello)\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s*[,，]\s*(?:您好|你好|早上好|上午好|下午好|晚上好)"
)
_LATIN_BEFORE = re.compile(r"(?<![A-Za-z])([A-Z][A-Za-z'’\-]+) ?$")

# 你 inside a word that is not the pronoun.
_NOT_PRONOUN = frozenset({"迷你", "迷你版", "迷你型", "迷你装", "你来我往", "你死我活", "你追我赶", "你争我夺"})
_NOT_PRONOUN |= frozenset({"你情我愿", "你侬我侬", "你中有我", "你一言我一语"})

# 妳 (Taiwan's «you» to a woman) is not folded to 你 by OpenCC, and is as informal.
_PRONOUN_CHARS = frozenset("你您妳")

_tag_cache: dict[str, tuple[tuple[str, str], ...]] = {}
_TAG_CACHE_SIZE = 4096


def parse_name(raw: str, gender: str | None = None) -> PersonName | None:
    """The stored name parsed; `gender` (the CRM's) wins over a stored title.

    >>> parse_name("歐陽娜娜", "female").slots
    {'surname': '欧阳', 'full': '欧阳娜娜', 'given': '娜娜', 'title': '女士'}
    """
    crm_gender = _GENDER_WORDS.get(gender.strip().lower()) if gender else None
    text = to_simplified(raw).strip()
    if not text or any(c in text for c in "{}[]<>%$#_@"):
        return None
    if any(d in text for d in _DOTS) and _HAN_CHAR.search(text):
        return _transliterated(raw, text, crm_gender)
    if _HAN_CHAR.search(text):
        return _han_name(raw, text, crm_gender)
    return _latin_name(raw, text, crm_gender)


def _han_name(raw: str, text: str, crm_gender: str | None) -> PersonName | None:
    """«王小明», «欧阳娜娜», «王先生», «王小明 先生», «王小明（女士）»: surname, given name, title."""
    marked = _SEX_MARK.search(text)  # «王小明（女）»: a CRM's sex column pasted in
    if marked:
        crm_gender = crm_gender or _GENDER_WORDS[marked.group(1)]
        text = text[: marked.start()] + text[marked.end() :]
    joined = re.sub(r"[\s()（）]+", "", text)
    run = _HAN_RUN.search(joined)
    if run is None:
        return None
    name = run.group()
    stored = _TITLE_SUFFIX.search(name)
    title = stored.group() if stored else None
    name = name[: stored.start()] if stored else name
    split = _split(name)
    if split is None:
        return None
    surname, given = split
    if len(given) > 3 or any(c in _NOT_IN_GIVEN for c in given):
        return None
    person_gender = crm_gender or TITLE_GENDER.get(title or "")
    greeting_title = _greeting_title(title, person_gender)
    forms = {surname + t for t in TITLES}
    slots = {"surname": surname}
    if given:
        full = surname + given
        forms.add(full)
        forms.update(full + t for t in TITLES)
        slots["full"] = full
        if len(given) >= 2:
            forms.add(given)
            slots["given"] = given
    if greeting_title:
        slots["title"] = greeting_title
    return PersonName(raw, given or None, None, surname, person_gender, frozenset(forms), slots)


def _split(name: str) -> tuple[str, str] | None:
    """Surname and given name: a compound surname first («欧阳娜娜», «司马光»), else one character."""
    for size in range(min(_LONGEST_COMPOUND, len(name)), 1, -1):
        if name[:size] in COMPOUND_SURNAMES:
            return name[:size], name[size:]
    if name and name[0] in SINGLE_SURNAMES:
        return name[0], name[1:]
    return None


def _greeting_title(stored: str | None, gender: str | None) -> str | None:
    """The title a greeting uses: a stored honorific (总, 经理, 老师, or 小姐 for a woman)
    as stored; else the one of the known gender; a stored gendered title that contradicts
    the CRM's gender gives way to it."""
    if stored and (stored not in TITLE_GENDER or TITLE_GENDER[stored] == gender):
        return stored
    return GENDER_TITLE.get(gender or "")


def _transliterated(raw: str, text: str, crm_gender: str | None) -> PersonName | None:
    """«约翰·史密斯», «迪丽热巴·迪力木拉提»: given name first, the last part addressed with a title."""
    parts = [p for p in re.split(f"[{_DOTS}\\s]+", text) if p]
    if len(parts) < 2 or not all(_HAN_RUN.fullmatch(p) for p in parts):
        return None
    first, last = parts[0], parts[-1]
    full = "·".join(parts)
    forms = {full, "".join(parts), first, *(last + t for t in TITLES), *(first + t for t in TITLES)}
    slots = {"surname": last, "full": full, "given": first}
    if crm_gender:
        slots["title"] = GENDER_TITLE[crm_gender]
    return PersonName(raw, first, None, last, crm_gender, frozenset(forms), slots)


def _latin_name(raw: str, text: str, crm_gender: str | None) -> PersonName | None:
    """«Wang Xiaoming», «Xiaoming Wang», «Mr. Smith», «John Smith»: which word is the surname
    is told by the table of romanised surnames, and an upper-case word (WANG Xiaoming)."""
    words = _LATIN_WORD.findall(text)
    if not words or re.search(r"\d", text):
        return None
    title = None
    if len(words) > 1 and words[0].lower() in LATIN_TITLES:
        title = LATIN_TITLES[words.pop(0).lower()]
    if len(words) == 1 and (words[0].lower() in _NOT_A_NAME or words[0].lower() in LATIN_TITLES):
        return None
    if len(words) == 1:
        single = _capitalised(words[0])
        is_surname = title is not None or single.lower() in LATIN_SURNAMES
        surname, given = (single, None) if is_surname else (None, single)
        written = [single]
    else:
        surname_first = (words[0].isupper() and not words[-1].isupper()) or (
            not (words[-1].isupper() and not words[0].isupper()) and words[0].lower() in LATIN_SURNAMES
        )
        written = [_capitalised(w) for w in words]
        if surname_first:
            surname, given = written[0], " ".join(written[1:])
        else:
            surname, given = written[-1], " ".join(written[:-1])
    person_gender = crm_gender or TITLE_GENDER.get(title or "")
    forms: set[str] = set()
    slots: dict[str, str] = {}
    if surname:
        slots["surname"] = surname
        forms.update(f"{surname.lower()}{space}{t}" for t in TITLES for space in ("", " "))
    if given:
        slots["given"] = given
        forms.add(given.lower())
    if surname and given:
        full = " ".join(written)
        slots["full"] = full
        forms.update({full.lower(), f"{given} {surname}".lower(), f"{surname} {given}".lower()})
    greeting_title = _greeting_title(title, person_gender)
    if greeting_title:
        slots["title"] = greeting_title
    return PersonName(raw, given, None, surname, person_gender, frozenset(forms), slots)


def _capitalised(word: str) -> str:
    """«WANG» and «wang» as «Wang»; «McDonald» as typed."""
    return word.capitalize() if word.isupper() or word.islower() else word


def person_names(analysis: Analysis, tag: Tagger, reported: re.Pattern[str] | None = None) -> list[Span]:
    """Names the reply addresses someone by: (start, end, the name lowercased, spaces out).

    One regex pass for the titles, a look at the tokens around each hit, and one look at the
    reply's opening; `tag` (jieba's tagger) is asked only about an opening word, cached.
    """
    text = analysis.text
    found: list[Span] = []
    bounds = _Bounds(analysis.tokens)
    context = _Context(text, reported)
    for hit in _TITLE_IN_TEXT.finditer(text):
        start, end = hit.span()
        if end not in bounds.ends:
            continue
        begin = _name_before(text, start, bounds)
        if begin is None or context.not_addressed(begin, end):
            continue
        if hit.group() in _BUSINESS_TITLES and not _address_position(text, begin, end):
            continue  # «李经理会联系您»: a colleague, not the reader
        found.append((begin, end, "".join(text[begin:end].lower().split())))
    opening = _opening_name(text, tag)
    if opening is not None and not any(s <= opening[0] < e for s, e, _ in found):
        found.append(opening)
    return sorted(found)


class _Bounds:
    """Where the reply's words start and end, built on first use."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self._starts: dict[int, int] | None = None
        self._ends: set[int] | None = None

    @property
    def starts(self) -> dict[int, int]:
        if self._starts is None:
            self._starts = {t.start: i for i, t in enumerate(self.tokens)}
        return self._starts

    @property
    def ends(self) -> set[int]:
        if self._ends is None:
            self._ends = {t.end for t in self.tokens}
        return self._ends


def _name_before(text: str, title_at: int, bounds: _Bounds) -> int | None:
    """Where the name in front of a title starts: a full name (王小明先生, 欧阳娜娜女士), a
    surname (王先生, 欧阳女士) or a Latin surname (Smith先生); None when none is there."""
    starts = bounds.starts
    if title_at in starts:
        for size in (4, 3, 2):
            begin = title_at - size
            if begin < 0 or begin not in starts:
                continue
            split = _split(text[begin:title_at])
            if split is None or not (1 <= len(split[1]) <= 2) or any(c in _NOT_IN_GIVEN for c in split[1]):
                continue
            words = bounds.tokens[starts[begin] : starts[title_at]]
            if all(t.pos == "PROPN" for t in words):
                return begin
    for size in range(_LONGEST_COMPOUND, 0, -1):
        begin = title_at - size
        if begin < 0 or begin not in starts:
            continue
        candidate = text[begin:title_at]
        if candidate in COMPOUND_SURNAMES or (size == 1 and candidate in SINGLE_SURNAMES):
            token = bounds.tokens[starts[begin]]
            if token.end == title_at and token.pos in _NOT_SURNAME_POS:
                return None
            return begin
    latin = _LATIN_BEFORE.search(text, max(0, title_at - 40), title_at)
    return latin.start(1) if latin else None


def _address_position(text: str, start: int, end: int) -> bool:
    """Whether a name stands where the reader is addressed: followed by a comma, a colon,
    «！», a line break or «您好» («王总，», «尊敬的李经理：», «王总您好»), or closing a sentence
    after a comma («谢谢，王总。»)."""
    after = text[end : end + 4].lstrip(" \t")
    if not after or after[0] in _ADDRESS_PUNCT or after[0] == "\n" or after.startswith(_ADDRESS_AFTER):
        return True
    before = text[max(0, start - 4) : start].rstrip(" \t")
    return after[0] in "。？?.～~" and before.endswith(("，", ","))


def _opening_name(text: str, tag: Tagger) -> Span | None:
    """A full name opening the reply in address position: «王小明，», «尊敬的欧阳娜娜：»,
    «Amy，您好»."""
    opener = _OPENER.match(text)
    at = opener.end() if opener else 0
    run = _HAN_RUN.match(text, at)
    if run is None:
        latin = _LATIN_OPENER.match(text)
        if latin is None:
            return None
        return latin.start(1), latin.end(1), latin.group(1).lower()
    after = text[run.end() : run.end() + 2].lstrip()
    if not after or after[0] not in _ADDRESS_PUNCT:
        return None
    candidate = run.group()
    split = _split(candidate) if 2 <= len(candidate) <= 4 else None
    if split is None or _TITLE_SUFFIX.search(candidate):
        return None
    surname, given = split
    longest = 2 if len(surname) == 1 else 3
    if not 1 <= len(given) <= longest or any(c in _NOT_IN_GIVEN for c in given) or candidate in _NOT_NAMES:
        return None
    if not _tagged_as_name(candidate, surname, tag):
        return None
    return run.start(), run.end(), candidate


def _tagged_as_name(candidate: str, surname: str, tag: Tagger) -> bool:
    """Whether jieba reads `candidate` as a name: one word tagged as a name (王小明, 司马光),
    or the surname alone followed by a content word (张 + 浩然) — not an ordinary word
    (方便, 明天, 江苏) nor a surname-like preposition with a function word (于是, 和您)."""
    words = _tag_cache.get(candidate)
    if words is None:
        words = tuple(tag(candidate))
        if len(_tag_cache) >= _TAG_CACHE_SIZE:
            _tag_cache.clear()
        _tag_cache[candidate] = words
    if len(words) == 1:
        return words[0][1] in _NAME_FLAGS
    if words[0][0] != surname:
        return False
    return all(flag in _NAME_FLAGS or not flag.startswith(_FUNCTION_FLAGS) for _, flag in words[1:])


class _Context:
    """What surrounds a name, looked at only when a name is found: quotes, the customer's
    reported words, self-introductions, order details and signature lines."""

    def __init__(self, text: str, reported: re.Pattern[str] | None) -> None:
        self.text = text
        self.reported = reported
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        self._first_word = len(text) - len(text.lstrip())

    def quoted(self, at: int) -> bool:
        """Whether `at` is inside quotes or the customer's reported words (spans merged and
        bisected: a reply with many quotes and many names stays linear)."""
        if self._starts is None:
            spans = _quoted_spans(self.text)
            if self.reported is not None:
                spans += [m.span("said") for m in self.reported.finditer(self.text) if m.group("said")]
            merged: list[tuple[int, int]] = []
            for start, end in sorted(spans):
                if merged and start <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
                else:
                    merged.append((start, end))
            self._starts, self._ends = [s for s, _ in merged], [e for _, e in merged]
        at_span = bisect_right(self._starts, at) - 1
        return at_span >= 0 and at < self._ends[at_span]

    def not_addressed(self, start: int, end: int) -> bool:
        text = self.text
        before = text[max(0, start - 8) : start].rstrip(_FILLERS)
        if before.endswith(_NOT_ADDRESSED_BEFORE):
            return True
        if text[end : end + 8].lstrip().startswith(_NOT_ADDRESSED_AFTER):
            return True
        return self._signature(start, end) or self.quoted(start)

    def _signature(self, start: int, end: int) -> bool:
        """A name alone at the end of a short line that is not the reply's first: «——客服部
        王经理». Only a few characters around the name are read (a signature line is short)."""
        text = self.text
        newline = text.rfind("\n", max(0, start - _SIGNATURE_LINE), start)
        if newline == -1 or newline < self._first_word:
            return False
        if any(c in "，,您你" for c in text[newline:start]):
            return False  # «……\n祝您生活愉快，王先生»: an address closing the reply
        line_end = text.find("\n", end, end + _SIGNATURE_LINE)
        if line_end == -1:
            if end + _SIGNATURE_LINE < len(text):
                return False
            line_end = len(text)
        return not text[end:line_end].strip(" \t。.")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """The spans inside quotation marks and book-title marks, in one pass."""
    spans: list[tuple[int, int]] = []
    closing: str | None = None
    opened = 0
    for at, char in enumerate(text):
        if closing is not None:
            if char == closing:
                spans.append((opened, at))
                closing = None
        elif char in _QUOTES:
            closing, opened = _QUOTES[char], at
    return spans


def addressee_register(analysis: Analysis, reported: re.Pattern[str] | None = None) -> list[Span]:
    """你/你们/你的/你好/妳 (informal) and 您/您们/您好 (formal) addressed to the reader, each the
    pronoun's own characters (so 你 → 您 is the edit); not inside quotes or the customer's
    reported words («您说"你们怎么还不发货"»), not 迷你 or an idiom (你追我赶)."""
    found: list[Span] = []
    text = analysis.text
    if "你" not in text and "您" not in text and "妳" not in text and "阁下" not in text:
        return found
    for token in analysis.tokens:
        word = token.text
        if not any(c in _PRONOUN_CHARS for c in word) and word != "阁下":
            continue
        if word in _NOT_PRONOUN:
            continue
        if word == "阁下":
            found.append((token.start, token.end, "formal"))
            continue
        for at, char in enumerate(word):
            if char not in _PRONOUN_CHARS:
                continue
            start = token.start + at
            end = start + (2 if text[start + 1 : start + 2] == "们" else 1)
            found.append((start, end, "formal" if char == "您" else "informal"))
    if found:
        context = _Context(text, reported)
        found = [span for span in found if not context.quoted(span[0])]
    return found
