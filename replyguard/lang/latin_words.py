"""Words that tell Slovenian from Croatian, Serbian and Bosnian, and both from other Latin languages.

`word_scores` weighs a text's words into one score for Slovenian and one for Croatian, Serbian,
Bosnian and Montenegrin (BCS); language detection asks langdetect (1-3 ms) only when these do not
decide. The evidence is what one side has and the other lacks, closed-class words first:

- Function words (`SLOVENIAN`, `BCS`): Slovenian «in», «v», «so», «ni», «bo/bomo/boste», «lahko»,
  «kaj», «ker», «če», «kje», «kdaj», «tudi», «jutri», «prosimo», «žal», «ki», «nimamo» against BCS
  «i», «u», «su», «nije», «će/ćemo/ću», «što/šta», «jer», «ako», «gdje/gde», «kada», «također»,
  «sutra», «molimo», «nažalost», «ovo/ovaj», «koji», «nemamo»; and pairs («hvala lepa» against
  «hvala lijepa», «hvala na», «da li»).
- Stems (`STEMS`): the ijekavian reflex of jat in Croatian, Bosnian and Montenegrin (lijep-,
  mjesec-, vrijem-, cijen-, provjer-, zahtjev-), which Slovenian never has, and support vocabulary
  the two sides name differently (naroč-/narudžb-, izdelek/proizvod, prevz-/preuz-, pošlj-/pošalj-).
  The ekavian forms («lepo», «mesec», «vreme», «cena») are no evidence for Slovenian: Serbian
  writes them too, so they are in neither list.
- Endings (`ENDINGS`) of words listed nowhere: BCS l-participle «-ao/-io» (Slovenian «-al/-il»),
  fused future «-ćemo», adjective «-nog/-noj»; Slovenian «-ega» and «-rja/-rju» («kurirju»).
- The letters ć and đ in a word not written with a capital (a surname such as Horvatić is no
  evidence: Slovenia has many).

Lists are spelled with č, š, ž, ć, đ; every entry also matches as typed without them («zal»,
«narocilo», «cemo», «takodjer»), except where the plain spelling stands for words of both sides
(`AMBIGUOUS_PLAIN`): «če» and «će» are both «ce», «še» is «se», «šta» is Slovenian «sta», «što»
is «sto», «več» and «već» are both «vec». Such a plain form weighs nothing unless the context
settles it («ce biti», «ce vas nazvati»: «će» before an infinitive). Case never matters.
Weights: 3 for a frequent word the other side never uses, 2 for a clear one, 1-1.5 for one with
a rare homograph there; a side wins when its score is at least MIN_SCORE and DOMINANCE times the
other's.

A text with a word of another candidate language (`OTHER_LANGUAGE_WORDS`: Czech, Slovak, Polish,
English, German, Italian, Hungarian) or a letter with another diacritic (á, ě, ł, ü, ...) is never
decided here. Written from the languages' standard grammar and spelling (function words, the
reflexes of jat, inflection) and from support replies as operators type them, often without
diacritics; no list was learned from data.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

SLOVENIAN: dict[str, float] = {
    # conjunctions, particles
    "in": 3, "ter": 2, "ki": 3, "kaj": 3, "tudi": 3, "vendar": 2, "ampak": 2, "ker": 3, "če": 3,
    "saj": 1.5, "naj": 1.5, "kot": 1.5, "sicer": 2, "oziroma": 2,
    # adverbs
    "že": 2, "še": 2, "zelo": 3, "več": 2, "kje": 3, "kdaj": 3, "zakaj": 3, "kdo": 2, "zdaj": 2,
    "sedaj": 2, "potem": 2, "nekaj": 2, "nič": 2, "morda": 2, "mogoče": 1.5, "takoj": 2, "kmalu": 2,
    "seveda": 2, "vedno": 2, "nikoli": 2, "spet": 1.5, "prej": 2, "nazaj": 2, "tukaj": 2, "drugam": 2,
    "raje": 2, "očitno": 2, "narobe": 2, "dlje": 2, "drugače": 2, "res": 2, "dolgo": 2,
    # time
    "danes": 2, "jutri": 3, "včeraj": 2, "zjutraj": 2, "popoldne": 2, "teden": 2, "dni": 1.5, "dneh": 2,
    "dneva": 1.5, "ur": 1.5, "uro": 1.5, "uri": 1,
    # prepositions, and the phrases they make
    "v": 2, "z": 1.5, "ob": 2, "brez": 2, "čez": 2, "zaradi": 2, "glede": 2, "namesto": 2, "skozi": 1.5,
    "med": 1, "pri": 1, "poti": 1.5, "voljo": 2, "pri miru": 2,
    # «biti», its future and negation; «imeti» negated; other verbs
    "sem": 2, "so": 2, "ni": 2, "nisem": 3, "niso": 3, "bo": 3, "bom": 3, "boš": 3, "bomo": 3,
    "boste": 3, "bodo": 3, "bova": 3, "bosta": 3, "bodite": 2, "nimamo": 3, "nimate": 3, "nimam": 3,
    "nima": 2, "moremo": 2, "morete": 2, "velja": 2, "veljajo": 2, "gre": 2, "traja": 1.5,
    # pronouns, determiners
    "jih": 2, "jo": 1.5, "ji": 1.5, "tem": 1.5, "tega": 2, "vse": 1.5, "vsi": 1.5, "vsak": 1.5, "vsega": 2,
    "vašega": 2, "našega": 2, "vašo": 2, "našo": 2, "pošiljko": 2, "katero": 1.5, "kateri": 1.5,
    "katere": 1.5, "katerega": 2, "tisti": 2, "tista": 2, "tisto": 2, "tiste": 2, "kakšen": 2,
    "kakšna": 2, "kakšno": 2, "tak": 1.5,
    # modal words, address and courtesy
    "lahko": 3, "prosim": 3, "prosimo": 2, "pozdravljeni": 3, "spoštovani": 3, "spoštovana": 3,
    "žal": 3, "dober": 2, "hvala lepa": 2, "lp": 1, "gospod": 1.5, "gospa": 1.5, "pomoč": 2,
    "obrnite se": 2, "ne skrbite": 2, "odgovoren": 1.5,
}  # fmt: skip

BCS: dict[str, float] = {
    # conjunctions, particles
    "i": 2, "jer": 3, "ako": 2.5, "inače": 2, "li": 1.5, "da li": 2, "je li": 2,
    # adverbs
    "što": 3, "šta": 3, "zašto": 2, "tko": 2, "gdje": 3, "gde": 3, "ovdje": 3, "ovde": 3, "kada": 2,
    "kad": 1.5, "također": 3, "takođe": 3, "još": 2, "već": 2, "vrlo": 2, "više": 1.5, "jako": 1,
    "uvijek": 3, "uvek": 3, "nikad": 2, "nikada": 2, "odmah": 2, "uskoro": 2, "naravno": 1, "možda": 2,
    "sada": 2, "sad": 1.5, "zatim": 2, "prije": 2, "poslije": 2, "posle": 2, "natrag": 2, "nazad": 2,
    "nešto": 2, "ništa": 2, "radije": 2, "očito": 2, "očigledno": 2, "dugo": 2, "tačno": 2,
    "moguće": 1.5,
    # time
    "danas": 2, "sutra": 3, "sjutra": 3, "prekosutra": 3, "jučer": 2, "juče": 2, "ujutro": 2, "dana": 1,
    "sati": 2, "sata": 2, "sat": 1.5, "tjedan": 2, "sedmica": 1.5, "sedmice": 1.5,
    # prepositions, and the phrases they make
    "u": 2, "sa": 1, "bez": 2, "kroz": 1.5, "zbog": 3, "umjesto": 2, "umesto": 2, "među": 1.5,
    "kod": 1.5, "prema": 1.5, "iznad": 1.5, "između": 2, "putu": 2,
    # «biti», the future and conditional auxiliaries, negation; «imati», «moći» present; other verbs
    "sam": 1, "su": 2.5, "nije": 3, "nisu": 3, "nisam": 3, "će": 3, "ću": 3, "ćeš": 3, "ćemo": 3,
    "ćete": 3, "bit": 2, "bih": 2, "bismo": 2.5, "biste": 2.5, "budemo": 1.5, "budete": 1.5,
    "budite": 2, "nema": 2, "nemamo": 3, "nemate": 3, "nemam": 3, "može": 2, "možemo": 2, "možete": 2,
    "mogu": 2, "trebate": 1.5, "trebamo": 1.5, "važi": 1.5, "ide": 1.5, "traje": 1.5, "stići": 2,
    "doći": 2, "naći": 2, "otići": 2, "ići": 1.5,
    # pronouns, determiners
    "ovo": 2, "ovaj": 2, "ova": 2, "ove": 1.5, "ovu": 2, "ovog": 2, "ovoga": 2, "ovoj": 2, "taj": 2,
    "toga": 1.5, "tog": 1.5, "tome": 1, "tom": 1, "toj": 1.5, "koji": 2, "koja": 2, "koje": 2, "koju": 2,
    "kojeg": 2, "kojem": 2, "kojima": 2, "ih": 1.5, "joj": 1.5, "vašu": 2, "našu": 2, "vašeg": 2,
    "našeg": 2, "vašoj": 2, "našoj": 2, "svojoj": 2, "pošiljku": 2, "kakav": 2, "kakva": 2, "kakvo": 2,
    "takav": 1.5, "takva": 1.5, "takvo": 1.5,
    # modal words, address and courtesy
    "molimo": 3, "molim": 2, "poštovani": 3, "poštovana": 3, "poštovanje": 3, "žao": 3, "nažalost": 3,
    "dobar": 2, "hvala lepo": 1.5, "hvala na": 2, "srdačan": 2, "srdačno": 2, "gospodin": 2,
    "gospođa": 2, "gospođo": 2, "obratite se": 2, "odgovoran": 1.5, "pomoć": 2,
    # support words: «number», «product», «offer», «sent», «working days», «inconvenience»
    "broj": 1.5, "proizvod": 1, "artikl": 1.5, "ponuda": 1.5, "ponudu": 1.5, "poslata": 2, "poslato": 2,
    "poslat": 1.5, "predat": 1.5, "predata": 1.5, "radnih": 2, "radnim": 2, "neugodnost": 1.5,
    "neugodnosti": 1.5,
}  # fmt: skip

SLOVENIAN_STEMS: tuple[str, ...] = (
    # support vocabulary, spelled without diacritics: a word matches when its plain spelling starts so
    "sporoc", "prejm", "prejel", "prejet", "naroc", "tezav", "obvesc", "opravic", "poklic", "zalog",
    "izdelk", "izdelek", "vracil", "kupnin", "denar", "postnin", "brezplac", "stevilk", "prevz",
    "dostop", "potrp", "poslj", "pricak", "nevsec", "tedn", "delovn", "zamud", "odposl", "vprasanj",
    "povpras", "podpor", "odd", "pripon", "pristojn", "vrn", "ponudb", "veljav", "prever", "sprejel",
    "sprejet", "sprejm", "potrd", "uporab", "povezav", "zavrn", "cakam", "cakaj", "cakat", "dobavitelj",
    "napak", "napacn", "napacen", "pogoj", "vnes", "vnos", "neprijet", "ponuj", "nasledn", "pozab",
    "izvaj", "menjav", "krivd",
)  # fmt: skip

IJEKAVIAN_STEMS: tuple[str, ...] = (
    # Croatian, Bosnian and Montenegrin «ije»/«je» for old jat, where Slovenian (and Serbian) has «e»
    "lijep", "cijen", "vrijem", "vrijed", "dijete", "djet", "mjesec", "mjest", "obavijest",
    "obavjest", "vijest", "rijes", "rjes", "rijec", "rijetk", "tjedn", "vjerojat", "vjeruj", "djelat",
    "djelom", "dijel", "odjel", "zahtjev", "primjer", "mjer", "promjen", "zamjen", "promijen",
    "zamijen", "provjer", "savjet", "svjet", "svijet", "bijel", "cijel", "sjed", "uspje", "nedjelj",
    "smjer", "htje", "razumje", "vidje", "posjet", "povjer", "pogrjes", "sljede", "djeluj", "uvjet",
    "unijel", "unijet",
)  # fmt: skip

BCS_STEMS: tuple[str, ...] = (
    # support vocabulary, spelled without diacritics
    "narudz", "naruc", "porudz", "isporuc", "preuz", "posalj", "izvin", "neprijat", "ispric", "kasnjenj",
    "besplat", "hiljad", "tisuc", "zaprim", "dostupn", "strplj", "kupnj", "postarin", "priprem",
    "ocekuj", "pitanj", "slobod", "upit", "podrsk", "primlj", "sacek", "stign", "stiz", "stigl",
    "stigao", "dinar", "novc", "nadlezn", "raspolag", "privit", "nazv", "nazov", "prover", "potvrd",
    "upotreb", "lozink", "poveznic", "cekam", "cekaj", "dobavljac", "gresk", "pogresk", "uslov", "uput",
    "unes", "unos", "zaborav", "krivnj",
)  # fmt: skip

STEMS: tuple[tuple[tuple[str, ...], tuple[float, float]], ...] = (
    (SLOVENIAN_STEMS, (1.5, 0.0)),
    (IJEKAVIAN_STEMS, (0.0, 2.5)),
    (BCS_STEMS, (0.0, 1.5)),
)
"""Stems and what a word starting with one weighs for (Slovenian, BCS)."""

ENDINGS: tuple[tuple[tuple[str, ...], tuple[float, float]], ...] = (
    (("ćemo", "ćete"), (0.0, 3.0)),  # Serbian fused future: «javićemo», «dobićete»
    (("cemo", "cete"), (0.0, 1.5)),  # the same typed plain (Slovenian «rečemo», «pečemo» end so too)
    (("ao", "io"), (0.0, 1.5)),  # BCS l-participle: «poslao», «dobio» for Slovenian «poslal», «dobil»
    (("ega",), (1.0, 0.0)),  # Slovenian adjective and pronoun genitive: «novega», «vašega», «tistega»
    (("rja", "rju", "rjem"), (1.5, 0.0)),  # Slovenian -r- nouns take -j-: «kurirju», «direktorja»
    (("nog", "noj"), (0.0, 1.0)),  # BCS ones: «dostavnog», «dostavnoj» for Slovenian «dostavnega», «dostavni»
)
"""Inflectional endings of words not otherwise listed (at least ENDING_MIN_LENGTH letters, no capital)."""
ENDING_MIN_LENGTH = 5
ENDING_EXCEPTIONS = frozenset(
    {"radio", "audio", "studio", "kakao", "scenario", "portfolio", "kolega", "njega", "omega", "sprega"}
)

AMBIGUOUS_PLAIN = frozenset({"ce", "se", "sta", "sto", "vec", "pomoc"})
"""Plain spellings that are a word on both sides (or each side's word without its diacritic)."""

OTHER_LANGUAGE_WORDS: dict[str, frozenset[str]] = {
    "cs": frozenset({
        "jsme", "jste", "jsou", "jsem", "není", "neni", "pro", "který", "ktery", "která", "ktera",
        "které", "ktere", "kterou", "aby", "byla", "bylo", "byly", "byl", "zítra", "zitra",
        "děkujeme", "dekujeme", "děkuji", "dekuji", "objednávka", "objednavka", "objednávku",
        "objednavku", "zásilka", "zasilka", "zásilku", "zasilku", "také", "tedy", "když", "kdyz",
        "ještě", "už", "omlouváme", "omlouvame", "dobrý", "dobry", "den", "ale", "balík", "balik",
    }),
    "sk": frozenset({
        "sme", "som", "bola", "bolo", "zajtra", "ďakujeme", "dakujeme", "ďakujem", "dakujem", "ktorý",
        "ktory", "ktorá", "ktora", "ktoré", "ktore", "ktorú", "ktoru", "nie", "ešte", "este", "alebo",
        "aj", "len", "iba", "balík", "balik", "môžete", "objednávka", "objednavka", "dobrý", "dobry",
        "už", "ale",
    }),
    "pl": frozenset({
        "jest", "się", "sie", "dla", "oraz", "czy", "przez", "że", "który", "która", "został", "zostal",
        "została", "zostala", "zostało", "zostalo", "będzie", "bedzie", "pani", "panie", "państwo",
        "panstwo", "jesteśmy", "jestesmy", "dzień", "dzien", "dziękujemy", "dziekujemy", "zamówienie",
        "zamowienie", "paczka", "paczkę", "paczke", "już", "juz", "w", "nie", "dobry", "ale",
    }),
    "en": frozenset({
        "the", "and", "is", "are", "you", "your", "we", "our", "will", "be", "been", "was", "of", "for",
        "with", "have", "has", "this", "that", "please", "thank", "thanks", "order", "hello", "dear",
        "sorry", "unfortunately", "tomorrow", "not", "can", "would", "could",
    }),
    "de": frozenset({
        "und", "der", "die", "das", "ist", "sie", "wir", "ihre", "ihr", "ihnen", "nicht", "ein", "eine",
        "mit", "für", "auf", "bitte", "danke", "wird", "werden", "sehr", "geehrte", "geehrter",
    }),
    "it": frozenset({
        "il", "la", "di", "del", "della", "che", "per", "sono", "siamo", "non", "grazie", "un", "una",
        "è", "ordine", "domani", "gentile", "cordiali", "saluti",
    }),
    "hu": frozenset({
        "és", "az", "egy", "hogy", "nem", "van", "köszönjük", "koszonjuk", "rendelés", "rendeles",
        "holnap", "kérjük", "kerjuk",
    }),
}  # fmt: skip
"""Frequent words of the other candidate languages (Czech, Slovak, Polish, English, German,
Italian, Hungarian) that are no Slovenian or BCS word, with and without their diacritics."""

OTHER_LATIN: dict[str, tuple[str, ...]] = {}
for _lang, _words in OTHER_LANGUAGE_WORDS.items():
    for _word in _words:
        OTHER_LATIN[_word] = (*OTHER_LATIN.get(_word, ()), _lang)

SLOVENIAN_LETTERS = frozenset("čšž")
BCS_LETTERS = frozenset("ćđ")
LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz") | SLOVENIAN_LETTERS | BCS_LETTERS
"""The letters a Slovenian or BCS text is written in; any other sends the text to langdetect."""

BCS_LETTER_WEIGHT = 1.5
OTHER_WORD_WEIGHT = 2.0
MAX_CHARS = 3000
"""Only the first MAX_CHARS characters are weighed: the language shows long before, and a
100,000-character reply costs no more than a page."""
MIN_SCORE = 3.0
DOMINANCE = 3.0
"""Words decide for a side when its score is at least MIN_SCORE and DOMINANCE times the other's."""

_WORD = re.compile(r"[^\W\d_]+")
_PLAIN = str.maketrans({"č": "c", "ć": "c", "š": "s", "ž": "z", "đ": "d"})
_MARKED = re.compile("[čćšžđ]")


def plain(word: str) -> str:
    """`word` typed without č, ć, š, ž, đ, as on a phone: «naročilo» → «narocilo»."""
    return word.translate(_PLAIN)


def _plain_forms(word: str) -> set[str]:
    forms = {plain(word)}
    if "đ" in word:
        forms.add(word.replace("đ", "dj").translate(_PLAIN))  # «takodjer», «izmedju»
    return forms


def _tables() -> tuple[dict[str, tuple[float, float]], dict[str, tuple[float, float]]]:
    """Exact spellings, and plain spellings that only one side's words can stand for."""
    exact: dict[str, tuple[float, float]] = {}
    for word, weight in SLOVENIAN.items():
        exact[word] = (weight, 0.0)
    for word, weight in BCS.items():
        if word in exact:
            raise ValueError(f"{word!r} is listed for both Slovenian and BCS")
        exact[word] = (0.0, weight)
    plain_sides: dict[str, set[int]] = {}
    for side, words in enumerate((SLOVENIAN, BCS)):
        for word in words:
            for form in _plain_forms(word):
                plain_sides.setdefault(form, set()).add(side)
    folded: dict[str, tuple[float, float]] = {}
    for word, (sl, bcs) in exact.items():
        for form in _plain_forms(word):
            if form == word or form in AMBIGUOUS_PLAIN or len(plain_sides[form]) > 1:
                continue
            folded[form] = (sl, bcs)
    return exact, folded


EXACT, PLAIN = _tables()
_PAIR_FIRST = frozenset(plain(word.split()[0]) for word in EXACT if " " in word) | {"ce"}
_CLITICS = frozenset({"me", "mi", "te", "ti", "se", "si", "ga", "mu", "je", "joj", "ju", "nas", "nam", "vas", "vam"})


@dataclass
class WordScores:
    """What the words of a Latin-script text say: a score per side, and what rules words out."""

    sl: float = 0.0
    bcs: float = 0.0
    sl_words: list[str] = field(default_factory=list)
    bcs_words: list[str] = field(default_factory=list)
    other_words: list[str] = field(default_factory=list)
    other_letters: bool = False

    def verdict(self) -> str | None:
        """'sl' or 'hr' when the words decide, else None (langdetect breaks the tie)."""
        if self.other_words or self.other_letters:
            return None
        if self.sl >= MIN_SCORE and self.sl >= DOMINANCE * self.bcs:
            return "sl"
        if self.bcs >= MIN_SCORE and self.bcs >= DOMINANCE * self.sl:
            return "hr"
        return None

    def other_language(self) -> str | None:
        """The other candidate language whose words outweigh both sides' (two words at least)."""
        if len(self.other_words) < 2 or OTHER_WORD_WEIGHT * len(self.other_words) <= max(self.sl, self.bcs):
            return None
        votes = Counter(lang for word in self.other_words for lang in OTHER_LATIN[word])
        return votes.most_common(1)[0][0]

    def add(self, word: str, weights: tuple[float, float]) -> None:
        sl, bcs = weights
        if sl:
            self.sl += sl
            self.sl_words.append(word)
        if bcs:
            self.bcs += bcs
            self.bcs_words.append(word)


def word_scores(text: str) -> WordScores:
    """Score `text` for Slovenian and for BCS from its words; case does not matter.

    >>> word_scores("Hvala za vase sporocilo, narocilo je ze na poti.").verdict()
    'sl'
    >>> word_scores("Nazalost nemamo taj proizvod").verdict()
    'hr'
    """
    scores = WordScores()
    originals = _WORD.findall(text[:MAX_CHARS])
    words = [word.lower() for word in originals]
    flats = [plain(word) if _MARKED.search(word) else word for word in words]
    scores.other_letters = not LETTERS.issuperset("".join(words))
    for original, word, flat in zip(originals, words, flats, strict=True):
        if word in OTHER_LATIN:
            scores.other_words.append(word)
            continue
        weights = EXACT.get(word) or PLAIN.get(flat)
        if weights is not None:
            scores.add(word, weights)
            continue
        for stems, stem_weights in STEMS:
            if flat.startswith(stems):
                scores.add(word, stem_weights)
                break
        else:
            if original.istitle():
                continue  # a name, or the first word of a sentence: «Horvatić», «Mario»
            if flat != word and not BCS_LETTERS.isdisjoint(word):
                scores.add(word, (0.0, BCS_LETTER_WEIGHT))  # «stići», «obrađen»
            elif len(word) >= ENDING_MIN_LENGTH and word not in ENDING_EXCEPTIONS:
                for endings, ending_weights in ENDINGS:
                    if word.endswith(endings):
                        scores.add(word, ending_weights)
                        break
    for at, flat in enumerate(flats[:-1]):
        if flat not in _PAIR_FIRST:
            continue
        pair = f"{words[at]} {words[at + 1]}"
        weights = EXACT.get(pair) or PLAIN.get(f"{flat} {flats[at + 1]}")
        if weights is not None:
            scores.add(pair, weights)
        elif words[at] == "ce" and _infinitive_follows(flats, at + 1):
            scores.add(pair, (0.0, BCS["će"]))  # «ce biti», «ce vas nazvati»: the future, not «če»
    return scores


def _infinitive_follows(flats: list[str], at: int) -> bool:
    """An infinitive at `at`, or right after a clitic pronoun there («ce vas nazvati»)."""
    if at < len(flats) - 1 and flats[at] in _CLITICS:
        at += 1
    return len(flats[at]) > 3 and flats[at].endswith(("ti", "ci"))
