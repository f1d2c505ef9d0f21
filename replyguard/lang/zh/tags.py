"""jieba's part-of-speech flags (ICTCLAS set) mapped to Universal Dependencies POS, by first letter."""

UD_POS_BY_FLAG: dict[str, str] = {
    "n": "NOUN",
    "v": "VERB",
    "a": "ADJ",
    "b": "ADJ",
    "d": "ADV",
    "r": "PRON",
    "m": "NUM",
    "q": "NOUN",
    "p": "ADP",
    "c": "CCONJ",
    "u": "PART",
    "y": "PART",
    "e": "INTJ",
    "o": "INTJ",
    "t": "NOUN",
    "s": "NOUN",
    "f": "NOUN",
    "z": "ADJ",
    "l": "X",
    "i": "X",
    "j": "NOUN",
}
# "zg" (a morpheme of a state word) is what jieba gives most unknown single characters: no POS.
UNTAGGED_FLAGS = frozenset({"zg", "x", "w", "eng", ""})
PROPER_NOUN_FLAGS = frozenset({"nr", "ns", "nt", "nz", "nrt", "nrfg"})
PRONOUNS = frozenset({"我", "你", "您", "他", "她", "它", "我们", "你们", "他们", "她们", "咱们", "自己"})
