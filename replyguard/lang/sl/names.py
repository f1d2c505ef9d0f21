"""Slovenian names and forms of address: the customer's name parsed from a CRM string, the
names a reply mentions, and the words that address the reader as «ti» or «vi».

Why here: the address checks (issue 8) are language-free and ask the adapter three
questions; Slovenian answers need a name list with genders (male names in -a: Luka, Miha,
Jaka), the singular declension of names (Ana/Ane/Ani/Ano, Marko/Marka/Markom,
Novak/Novaka/Novaku, Tine/Tineta), and the endings of 2nd-person verbs, since lemmagen3
gives lemmas only. Data and their sources: `name_data.py`; the declension tables are
`paradigms.py` (Toporišič). Limits: only the singular (a name addresses one person);
surnames outside the list are declined by the regular rules, with and without a fleeting
-e- (Korošec/Korošca, Zorec/Zoreca both recognised); female surnames are indeclinable
(gospa Novak) except in -a; an unknown first name gives no gender.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from replyguard.lang.base import Analysis, Token
from replyguard.lang.names import PersonName
from replyguard.lang.sl.name_data import (
    FIRST_NAMES,
    FLEETING_E,
    ORDINARY_WORDS,
    PLACES_AFTER,
    PROPER_NOUNS,
    SURNAME_ENDINGS,
    SURNAMES,
    word_set,
)
from replyguard.lang.sl.paradigms import CASES, Noun, noun_paradigm

_PLAIN = str.maketrans("čšžćđ", "cszcd")


def _plain(word: str) -> str:
    return word.translate(_PLAIN)


# --- declension ------------------------------------------------------------------------


def _singular(noun: Noun) -> tuple[str, ...]:
    """The six singular forms (nominative first, variants after), lowercased."""
    cells = noun_paradigm(noun)
    seen: dict[str, None] = {}
    for case in CASES:
        for form in cells[(case, "sg")]:
            seen.setdefault(form, None)
    return tuple(seen)


def _a_declension(word: str) -> tuple[str, ...]:
    """Ana, Ane, Ani, Ano (Maša, Maše, Maši, Mašo): written out, because `paradigms` turns
    every o-ending after a soft consonant into e, which is right for -om/-ov only."""
    stem = word[:-1]
    return (word, stem + "e", stem + "i", stem + "o")


def _masculine(word: str) -> tuple[str, ...]:
    """A man's name or surname as a 1st-declension masculine noun: Marko → Marka (stem
    without -o), Tine → Tineta, Jani → Janija, Pavel → Pavla, Mlakar → Mlakarja, Korošec
    → Korošca. Where the stem cannot be told from the word (a fleeting -e- in -ec/-ek/-en,
    -j- after -r) both stems are kept: the forms are for recognising, and the first stem,
    the likelier, is the one a rewrite would take."""
    if word.endswith("a"):
        return _a_declension(word)  # Luka, Luke, Luki, Luko
    if word.endswith("o"):
        stems = [word[:-1]]
    elif word.endswith("e"):
        stems = [word + "t"]
    elif word.endswith(("i", "u", "y")):
        stems = [word + "j"]
    elif word in FLEETING_E:
        stems = [word[:-2] + word[-1]]
    elif len(word) > 4 and word.endswith(("ec", "ek", "en")):
        stems = [word, word[:-2] + word[-1]]
    elif len(word) > 3 and word.endswith("r"):
        stems = [word + "j", word]  # Mlakarja, Gregorja; a few keep the bare stem
    else:
        stems = [word]
    forms: dict[str, None] = {}
    for stem in stems:
        for form in _singular(Noun(word, "m", "m", animate=True, stem=stem)):
            forms.setdefault(form, None)
    return tuple(forms)


def first_name_forms(name: str, gender: str | None) -> tuple[str, ...]:
    """Every singular case form of a first name, lowercased, nominative first: names in -a
    decline as Ana (a man's too: Luka, Luke, Luki, Luko); a woman's name ending otherwise
    does not decline (Karmen, Ines); a man's follows `_masculine`."""
    word = name.lower()
    if word.endswith("a"):
        return _a_declension(word)
    if gender == "f":
        return (word,)
    return _masculine(word)


def surname_forms(surname: str, gender: str | None) -> tuple[str, ...]:
    """Every singular case form of a surname: a man's declines (Novak, Novaka, Novaku,
    Novakom), a woman's does not (gospa Novak) unless it ends in -a; unknown gender gives
    both. A double surname («Novak-Kovač», «Novak Kovač») gives each part, and the
    hyphenated word declined in step."""
    found: dict[str, None] = {}
    for chunk in surname.lower().split():
        parts = chunk.split("-")
        declined = [_surname_part(part, gender) for part in parts]
        for forms in declined:
            for form in forms:
                found.setdefault(form, None)
        if len(parts) > 1:
            for at in range(max(len(forms) for forms in declined)):
                found.setdefault("-".join(forms[min(at, len(forms) - 1)] for forms in declined), None)
    return tuple(found)


def _surname_part(word: str, gender: str | None) -> tuple[str, ...]:
    if gender == "m":
        return _masculine(word)
    if word.endswith("a"):
        return _a_declension(word)
    if gender == "f":
        return (word,)
    return tuple(dict.fromkeys((word, *_masculine(word))))


# --- the customer's name -----------------------------------------------------------------

_TITLES: dict[str, str | None] = {
    "g.": "male",
    "gospod": "male",
    "ga.": "female",
    "gospa": "female",
    "gdč.": "female",
    "gospodična": "female",
    "dr.": None,
    "mag.": None,
    "prof.": None,
    "doc.": None,
    "izr.": None,
    "ing.": None,
    "univ.": None,
    "dipl.": None,
}
_NOT_NAMES = word_set(
    "stranka kupec kupka kupci uporabnik uporabnica naročnik naročnica gost gostja neznan neznano "
    "neznana anonimno anonimen anonymous customer user client unknown null none test nn n.n. ime "
    "priimek ekipa podjetje d.o.o. d.d. s.p."
)
_WORD = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")
_GENDERS = {
    "female": "female",
    "f": "female",
    "ž": "female",
    "z": "female",
    "w": "female",
    "ženska": "female",
    "ženski": "female",
    "woman": "female",
    "male": "male",
    "m": "male",
    "moški": "male",
    "moski": "male",
    "man": "male",
}
_SHORT = {"female": "f", "male": "m"}


def _gender(value: str | None) -> str | None:
    """The CRM's gender as "female"/"male"; anything else (unknown, «other») is None."""
    if not value:
        return None
    return _GENDERS.get(value.strip().lower())


def _capitalised(word: str) -> str:
    """«ANA» and «ana» as «Ana», each part of «novak-kovač»; mixed case stays as typed."""
    if word.isupper() or word.islower():
        return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
    return word


def _known_first(word: str) -> tuple[str, str] | None:
    return FIRST_NAMES.get(word.lower()) or FIRST_NAMES.get(_FIRST_BY_PLAIN.get(_plain(word.lower()), ""))


def _restored(word: str) -> str:
    """A listed first name typed without carons («Ziga») as it is written («Žiga»)."""
    known = _known_first(word)
    return known[0] if known and _plain(known[0].lower()) == word.lower() else word


def _looks_like_surname(word: str) -> bool:
    low = word.lower()
    return low in SURNAMES or low.endswith(SURNAME_ENDINGS)


def parse_sl_name(raw: str, gender: str | None = None) -> PersonName | None:
    """A CRM name string («Ana Novak», «Novak Ana», «NOVAK, Ana», «g. Janez Novak», «Luka»)
    as first name, surname, gender, forms and greeting slots; None when it is empty or not
    a person's name (digits, an address, a placeholder, «stranka»)."""
    text = " ".join(raw.split())
    if not text or any(ch.isdigit() or ch in "@{}[]<>#%$_|/\\=+*" for ch in text):
        return None
    title_gender: str | None = None
    before_comma: list[str] = []
    words: list[str] = []
    for chunk_at, chunk in enumerate(text.split(",")):
        for word in chunk.split():
            low = word.lower()
            if low in _TITLES:
                title_gender = title_gender or _TITLES[low]
                continue
            if low in _NOT_NAMES:
                return None
            if word.endswith(".") and len(word) <= 3:
                continue  # an initial («A. Novak»)
            if not _WORD.match(word):
                return None
            (before_comma if chunk_at == 0 and "," in text else words).append(_capitalised(word))
    if before_comma:  # «Novak, Ana»: the surname first, by the comma
        first_words, surname_words = words[:1], before_comma + words[1:]
    else:
        first_words, surname_words = _split(words)
    if (not first_words and not surname_words) or len(first_words) + len(surname_words) > 4:
        return None
    first_words = [_restored(word) for word in first_words]
    first = " ".join(first_words) or None
    surname = " ".join(surname_words) or None
    listed = _known_first(first_words[0]) if first_words else None
    sex = _gender(gender) or title_gender
    if sex is None and listed and listed[1] != "u":
        sex = "female" if listed[1] == "f" else "male"
    short = _SHORT.get(sex) if sex else None
    forms: dict[str, None] = {}
    for word in first_words:
        known = _known_first(word)
        for form in first_name_forms(word, short or (known[1] if known else None)):
            forms.setdefault(form, None)
    if surname:
        for form in surname_forms(surname, short):
            forms.setdefault(form, None)
    for form in list(forms):
        forms.setdefault(_plain(form), None)
    return PersonName(
        raw=raw,
        first=first,
        surname=surname,
        gender=sex,
        forms=frozenset(forms),
        slots=_slots(first, surname, sex),
    )


def _split(words: list[str]) -> tuple[list[str], list[str]]:
    """Which words are the first name: a listed first name wins its place («Novak Ana»);
    two listed names before a surname are a double first name («Ana Marija Novak»); a lone
    unlisted word is a surname when it looks like one, else a first name; otherwise the
    Western order, first name first."""
    if not words:
        return [], []
    listed = [_known_first(word) is not None for word in words]
    if len(words) == 1:
        return ([], words) if not listed[0] and _looks_like_surname(words[0]) else (words, [])
    if len(words) >= 3 and listed[0] and listed[1] and not listed[-1]:
        return words[:2], words[2:]
    if listed[0]:
        return words[:1], words[1:]
    if listed[-1] or _looks_like_surname(words[0]):
        return words[-1:], words[:-1]
    return words[:1], words[1:]


def _slots(first: str | None, surname: str | None, gender: str | None) -> dict[str, str]:
    """Greeting slots, only those known: the title and «Spoštovana/Spoštovani» need a gender."""
    slots = {"greeting": "Pozdravljeni"}
    if first:
        slots["first"] = first
    if surname:
        slots["surname"] = surname
    if gender == "female":
        slots["title"], slots["dear"] = "gospa", "Spoštovana"
    elif gender == "male":
        slots["title"], slots["dear"] = "gospod", "Spoštovani"
    return slots


# --- names in a reply ---------------------------------------------------------------------


def _build_index() -> tuple[dict[str, str], dict[str, str]]:
    """Every listed first name's case forms (and their plain spellings: «ziga») → the name;
    a form that is itself a name (Jana, also Jan's genitive) stands for that name."""
    index: dict[str, str] = {}
    for low, (_, gender) in FIRST_NAMES.items():
        for form in first_name_forms(low, gender if gender != "u" else None):
            index.setdefault(form, low)
            index.setdefault(_plain(form), low)
    by_plain = {_plain(low): low for low in FIRST_NAMES}
    by_plain.update({low: low for low in FIRST_NAMES})
    index.update({low: low for low in FIRST_NAMES})
    return index, by_plain


_FORM_INDEX, _FIRST_BY_PLAIN = _build_index()


def _ordinary_words() -> frozenset[str]:
    from spacy.lang.sl.stop_words import STOP_WORDS

    ordinary = ORDINARY_WORDS | frozenset(word for word in STOP_WORDS if word in _FORM_INDEX)
    return ordinary | frozenset(_plain(word) for word in ordinary)


_ORDINARY = _ordinary_words()

_SURNAME_INDEX: dict[str, str] = {}
for _surname in SURNAMES:
    for _form in _masculine(_surname):
        _SURNAME_INDEX.setdefault(_form, _surname)
        _SURNAME_INDEX.setdefault(_plain(_form), _surname)

# Titles before a surname; "m-oblique": a man's title in a case where his surname declines.
_TITLE_CASE = {
    "gospod": "m",
    "g.": "m?",
    "gospoda": "m-oblique",
    "gospodu": "m-oblique",
    "gospodom": "m-oblique",
    "gospa": "f",
    "gospe": "f",
    "gospo": "f",
    "gospej": "f",
    "ga.": "f",
    "gospodična": "f",
    "gospodične": "f",
    "gospodični": "f",
    "gospodično": "f",
    "gdč.": "f",
}
_OPENERS = frozenset("(-–—•*„«»\"“'[:")
# The word before a name in an order description («napis Ana») or the operator's own
# introduction («sem Maja», «vam piše Maja»): not someone the reply addresses.
_NOT_ADDRESSED_AFTER = word_set(
    "napis napisa napisu napisom gravura gravure gravuro gravuri graviranjem model modela "
    "modelu modelom kolekcija kolekcije kolekciji kolekcijo motiv motivom motiva sem piše "
    "imenom ime"
)
_QUOTED = re.compile(
    r"«[^»\n]{1,300}»|»[^«\n]{1,300}«|„[^“”\"\n]{1,300}[“”\"]|“[^”\n]{1,300}”|\"[^\"\n]{1,300}\"|(?m:^>[^\n]*)"
)
_CLOSING = re.compile(
    r"(?im)(?:^|(?<=[.!?]) )[ \t]*(?:lep(?:o)? pozdrav\w*|lp\b|s spoštovanjem|prijazen pozdrav|prijazni pozdravi"
    r"|lepo pozdravljeni|vse dobro|hvala in lep pozdrav|pozdrav\b|vaš[ae]? (?:ekipa|podpora))"
)
_SIGNATURE_LENGTH = 200  # a closing formula this near the end starts the signature
_LAST_LINE = re.compile(r"\n[ \t]*((?:[^\W\d_][\w.'’-]*[ \t]*){1,3})\s*$")


def _muted(text: str, signature: bool) -> list[tuple[int, int]]:
    """Spans whose words address no one: quotations («Ana», „…“, > lines) and, when asked,
    the signature (a closing formula near the end, or a last line of one to three words)."""
    spans = [match.span() for match in _QUOTED.finditer(text)]
    if signature:
        tail = max(0, len(text) - _SIGNATURE_LENGTH)
        for match in _CLOSING.finditer(text, tail):
            spans.append((match.start(), len(text)))
            break
        last = _LAST_LINE.search(text, tail)
        if last:
            spans.append((last.start(1), len(text)))
    spans.sort()
    return spans


def _inside(spans: Sequence[tuple[int, int]], starts: Sequence[int], at: int) -> bool:
    index = bisect_right(starts, at) - 1
    return any(spans[j][0] <= at < spans[j][1] for j in range(max(0, index - 3), index + 1))


def _words(analysis: Analysis) -> list[Token]:
    return [token for token in analysis.tokens if not token.is_space]


def _sentence_initial(words: list[Token], at: int, starts: frozenset[int]) -> bool:
    """First word of its sentence, also behind an opening bracket, dash or quote."""
    while True:
        if words[at].start in starts or at == 0:
            return True
        previous = words[at - 1].text
        if not (len(previous) == 1 and previous in _OPENERS):
            return False
        if previous == ":":
            return True
        at -= 1


def find_person_names(analysis: Analysis) -> list[tuple[int, int, str]]:
    """Spans naming a person: a listed first name in any case written with a capital, and a
    capitalised word after gospod/gospa/g./ga. (a surname, or a first name); each with the
    name's lowercased dictionary form. Names that are ordinary words (Rok, Vesna, Zlata,
    Samo) count only off a sentence start, in address position at the reply's start
    («Vesna, …»), or before a surname. Quotations, the signature, the operator's own
    introduction and order descriptions («napis Ana») are skipped."""
    words = _words(analysis)
    if not words:
        return []
    text = analysis.text
    muted = _muted(text, signature=True)
    muted_starts = [start for start, _ in muted]
    starts = frozenset(start for start, _ in analysis.sentences)
    found: list[tuple[int, int, str]] = []
    after_title: str | None = None
    titled = 0
    for at, token in enumerate(words):
        low = token.lower
        title = _TITLE_CASE.get(low)
        if title:
            after_title, titled = title, 0
            continue
        if not token.text[:1].isupper() or not token.text[:1].isalpha():
            after_title = None
            continue
        if muted and _inside(muted, muted_starts, token.start):
            after_title = None
            continue
        name = _FORM_INDEX.get(low)
        if after_title and titled < 2:
            titled += 1
            found.append((token.start, token.end, name or _surname_lemma(token, after_title)))
            continue
        after_title = None
        if name is None or low in PROPER_NOUNS:
            continue
        if (at and words[at - 1].lower in _NOT_ADDRESSED_AFTER) or _place_name(words, at):
            continue
        if (
            low in _ORDINARY
            and _sentence_initial(words, at, starts)
            and not (_addresses(words, at) or _before_surname(words, at))
        ):
            continue
        found.append((token.start, token.end, name))
    return found


def _addresses(words: list[Token], at: int) -> bool:
    """«Vesna, …» / «Rok!» opening the reply: the nominative, first word, then , or !."""
    return at == 0 and words[0].lower in FIRST_NAMES and len(words) > 1 and words[1].text in {",", "!"}


def _place_name(words: list[Token], at: int) -> bool:
    """«Luka Koper» (the port company): a name-like word that is part of a place's name."""
    return at + 1 < len(words) and words[at + 1].lower in PLACES_AFTER


def _before_surname(words: list[Token], at: int) -> bool:
    if at + 1 >= len(words):
        return False
    following = words[at + 1]
    return following.text[:1].isupper() and following.lower not in _FORM_INDEX and _looks_like_surname(following.text)


def _surname_lemma(token: Token, title: str) -> str:
    """A surname's dictionary form: a woman's is indeclinable; a man's after «gospoda»,
    «gospodu», «gospodom» (or «g.», case unknown) is looked up in the surname list, else
    taken from lemmagen3."""
    low = token.lower
    if title == "f" or title == "m":
        return low
    known = _SURNAME_INDEX.get(low)
    if known:
        return known
    if title == "m-oblique" and token.lemmas and token.lemmas[0] != low:
        return token.lemmas[0]
    return low


# --- ti or vi --------------------------------------------------------------------------

_INFORMAL_WORDS = word_set(
    "tebe tebi tabo tvoj tvoja tvoje tvojega tvojemu tvojem tvojim tvojo tvoji tvojih tvojima "
    "tvojimi boš nisi bodi hočeš moreš smeš"
)
_FORMAL_WORDS = word_set(
    "vi vas vam vami vaš vaša vaše vašega vašemu vašem vašim vašo vaši vaših vašima vašimi "
    "vasa vase vasega vasemu vasem vasim vasih vasima vasimi ste boste niste bodite"
)
# 2nd-singular imperatives that no other form shares (3rd singular: piše, izbere, pošlje).
_IMPERATIVES = word_set(
    "piši napiši vpiši opiši pošlji odpošlji pojdi pridi reci vzemi povej beri preberi izberi "
    "odpri zapri pokliči poišči oglej glej poglej počakaj daj dodaj plačaj vrni pazi "
    "sporoci pisi napisi poslji poisci pocakaj"
)
# Imperatives that are also the 3rd singular (on sporoči): only at a clause's start.
_IMPERATIVES_IF_INITIAL = word_set(
    "sporoči preveri potrdi naroči izpolni prijavi odjavi klikni uporabi shrani spremeni kupi "
    "naloži prenesi javi stopi obvesti"
)
_CLAUSE_OPENERS = frozenset({",", "prosim", "in", "nato", "potem", "zato", "kar", "samo", "le", "še", ":", ";"})
_CLITICS = word_set("bo bom bomo bova bi je sem smo sva ga jo jih mu ji jim ju nam mi se že še tudi res pa lahko ne")
_FOLLOWERS = frozenset(",.!?;:)")
_NOT_FINITE = ("l", "la", "li", "lo", "le", "n", "na", "ni", "no", "ne", "t", "ti", "či", "en", "ena", "eno")


def _verb(token: Token) -> bool:
    """lemmagen3 gave an infinitive (-ti, -či) for another form: the word is a verb form."""
    lemma = token.lemmas[0] if token.lemmas else token.lower
    return lemma != token.lower and lemma.endswith(("ti", "či"))


def _finite(token: Token) -> bool:
    return _verb(token) and not token.lower.endswith(_NOT_FINITE)


def find_addressee_register(analysis: Analysis) -> list[tuple[int, int, str]]:
    """(start, end, "formal" | "informal") for words addressing the reader: vi/vas/vaš,
    ste/boste, 2nd-plural verbs (-te: imate, pišite) are formal; ti/tebi/tvoj, boš/nisi,
    «si» with a singular participle («si nam pisal»), 2nd-singular verbs (-š: imaš) and
    singular imperatives (piši, poglej) informal. «ti»/«te» count only as pronouns (next
    to a verb or clitic, or before punctuation), not as «ti izdelki», «te dni». Quotations
    are skipped. One pass over the tokens; lemmas are the adapter's."""
    words = _words(analysis)
    muted = _muted(analysis.text, signature=False)
    muted_starts = [start for start, _ in muted]
    starts = frozenset(start for start, _ in analysis.sentences)
    found: list[tuple[int, int, str]] = []
    for at, token in enumerate(words):
        low = token.lower
        if not low[:1].isalpha():
            continue
        register, start, end = _register(words, at, starts)
        if register and not (muted and _inside(muted, muted_starts, token.start)):
            found.append((start, end, register))
    return found


def _register(words: list[Token], at: int, starts: frozenset[int]) -> tuple[str | None, int, int]:
    token = words[at]
    low = token.lower
    if low in _FORMAL_WORDS:
        return "formal", token.start, token.end
    if low in _INFORMAL_WORDS or low in _IMPERATIVES:
        return "informal", token.start, token.end
    if low in {"ti", "te"}:
        return ("informal" if _pronoun(words, at) else None), token.start, token.end
    if low == "si":
        return _si(words, at)
    if low in _IMPERATIVES_IF_INITIAL:
        initial = _sentence_initial(words, at, starts) or words[at - 1].lower in _CLAUSE_OPENERS
        return ("informal" if initial else None), token.start, token.end
    if len(low) > 3 and _verb(token):
        if low.endswith("te"):
            return "formal", token.start, token.end
        if low.endswith(("aš", "eš", "iš")) or low.endswith(("aj", "ej", "uj")):
            return "informal", token.start, token.end
    return None, token.start, token.end


def _pronoun(words: list[Token], at: int) -> bool:
    """«ti»/«te» as you-pronoun («ti pošljemo», «te prosim», «hvala ti», «prosimo te, da»),
    not the demonstrative before a noun («ti izdelki», «te dni»)."""
    low = words[at].lower
    following = words[at + 1] if at + 1 < len(words) else None
    if following is None or following.text in _FOLLOWERS or following.lower == "da":
        return True
    if following.lower in _CLITICS or _finite(following):
        return True
    if low == "ti" and at:
        previous = words[at - 1]
        return previous.lower == "hvala" or (_finite(previous) and previous.lower.endswith(("m", "mo")))
    return False


def _si(words: list[Token], at: int) -> tuple[str | None, int, int]:
    """«si» as the 2nd-singular auxiliary: with a singular l-participle after it (clitics
    between: «si nam že pisal») or just before it («Prejel si»); the reflexive «si»
    («oglejte si») is not."""
    for ahead in range(at + 1, min(at + 5, len(words))):
        word = words[ahead]
        if word.lower in _CLITICS:
            continue
        if _singular_participle(word):
            return "informal", words[at].start, word.end
        break
    if at and _singular_participle(words[at - 1]):
        return "informal", words[at - 1].start, words[at].end
    return None, words[at].start, words[at].end


def _singular_participle(token: Token) -> bool:
    return _verb(token) and token.lower.endswith(("l", "la", "lo"))
