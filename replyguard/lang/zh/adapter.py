"""The Chinese adapter: jieba's algorithm and dictionary through rjieba (jieba-rs).

Sources: jieba's dictionary and HMM (MIT), as shipped in rjieba; OpenCC's tables for
Traditional → Simplified (see `scripts`). Multiword terms from the rule packs are added to
the segmenter's dictionary so they stay whole. Replies are folded to Simplified characters
and ASCII letters for matching, and suggestions come back in the reply's script. Limits: the
word is its own lemma (Chinese does not inflect).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

from replyguard.lang.base import Analysis, LanguageAdapter, Token, make_analysis, register_extensions
from replyguard.lang.names import PersonName
from replyguard.lang.tokenized import require
from replyguard.lang.zh import names as zh_names
from replyguard.lang.zh.scripts import is_traditional, to_simplified, to_traditional
from replyguard.lang.zh.tags import PRONOUNS, PROPER_NOUN_FLAGS, UD_POS_BY_FLAG, UNTAGGED_FLAGS

SENTENCE_ENDERS = frozenset("。！？!?…；;")
_LATIN = re.compile(r"[A-Za-z0-9]")
BOUNDED_BELOW = 3  # a lexicon phrase this short must also match whole words


class ChineseAdapter(LanguageAdapter):
    code = "zh"
    messages: ClassVar[dict[str, str]] = {
        "unchecked_language": "这部分是其他语言（{language}），replyguard 无法检查，发送前请您自己再读一遍。",
    }
    grammar: ClassVar[str | None] = "replyguard.lang.zh"  # time, promises, requests
    analyzer_packages = ("rjieba",)
    # 您说餐品洒了没法吃 / 您提到：…; not 您反馈的问题 (the problem you reported: our clause follows)
    reported_speech: ClassVar[re.Pattern[str] | None] = re.compile(
        r"(?:您|你)(?:刚才|之前|在留言里|在留言中)?(?:说|提到|反映|表示|讲|问)(?![的得过])(?:[，,:：“\"]\s*)?"
        r"(?P<said>[^。！？!?\n；;，,”\"]*)"
    )
    conditional_clause: ClassVar[re.Pattern[str] | None] = re.compile(
        r"(?:如果|要是|假如|假使|若是|倘若|万一|一旦)(?P<clause>[^。！？!?\n；;，,]*)"
    )
    name = "Chinese"

    def __init__(self) -> None:
        jieba_class = _jieba_class()
        super().__init__()
        from spacy.util import get_lang_class
        from spacy.vocab import create_vocab

        # spaCy's Chinese lexical attributes (IS_PUNCT, LOWER, LIKE_NUM, IS_STOP) without its
        # tokenizer: jieba segments. A bare Vocab() has none, so IS_PUNCT was always false.
        self._defaults = get_lang_class("zh").Defaults
        self._vocab = create_vocab("zh", self._defaults)
        register_extensions()
        self._jieba = jieba_class()  # our own: pack terms never change anyone else's segmentation
        self._terms: set[str] = set()

    @property
    def vocab(self) -> Any:
        return self._vocab

    def _start_vocabulary(self) -> None:
        from spacy.vocab import create_vocab

        self._vocab = create_vocab("zh", self._defaults)

    @property
    def common_words(self) -> frozenset[str]:
        """spaCy's Chinese stop-word list."""
        return frozenset(self._defaults.stop_words)

    def add_terms(self, terms: Sequence[str]) -> None:
        """Add pack phrases to the segmenter's dictionary so that they come out as one word.
        Phrases with Latin letters or digits stay out: jieba would cut «book» into bo / ok
        once «ok» is a word of its dictionary."""
        with self._lock:
            for term in terms:
                term = "".join(term.split())
                if len(term) > 1 and term not in self._terms and not term.isascii() and not _LATIN.search(term):
                    self._jieba.add_word(term, None, None)
                    self._terms.add(term)

    def analyse(self, text: str, breaks: frozenset[int] = frozenset()) -> Analysis:
        tokens = self.words(text)
        return make_analysis(self.code, self._vocab, text, tokens, [False] * len(tokens), SENTENCE_ENDERS, None, breaks)

    @property
    def fold(self) -> Callable[[str], str]:
        """Traditional and full-width text folded to Simplified and ASCII, same length."""
        return to_simplified

    def unfolding(self, original: str, folded: str) -> Callable[[str], str] | None:
        return to_traditional if is_traditional(original, folded) else None

    def character_phrase(self, phrase: str) -> tuple[str, bool] | None:
        """Phrases of Chinese characters are matched on the characters, whatever jieba's cut
        («你就等着吧» may come out 你/就等/着吧); a phrase shorter than three characters must
        also start and end at word bounds («我会» is not in «我会议后»)."""
        chars = "".join(phrase.split()).lower()
        if not chars or not all(_cjk(c) for c in chars):
            return None
        return chars, len(chars) < BOUNDED_BELOW

    @property
    def joins(self) -> Callable[[str, str], bool]:
        """Whitespace between two Chinese characters (or CJK punctuation) is not a word break."""
        return _both_cjk

    def words(self, text: str) -> list[Token]:
        tokens: list[Token] = []
        offset = 0
        for i, (word, flag) in enumerate(self._jieba.tag(text)):
            end = offset + len(word)
            if word.isspace():
                tokens.append(Token(i, word, offset, end, (), "SPACE", "shape", True))
            else:
                tokens.append(Token(i, word, offset, end, (word.lower(),), _pos(word, flag), "jieba"))
            offset = end
        return tokens

    def parse_name(self, raw: str, gender: str | None = None) -> PersonName | None:
        """Surname (single or compound), given name and title; see `zh/names.py`."""
        return zh_names.parse_name(raw, gender)

    def person_names(self, analysis: Analysis) -> list[tuple[int, int, str]]:
        """Surnames with a title and full names in address position; see `zh/names.py`."""
        return zh_names.person_names(analysis, self._jieba.tag, self.reported_speech)

    def addressee_register(self, analysis: Analysis) -> list[tuple[int, int, str]]:
        """您 (formal) and 你 (informal) addressed to the reader; see `zh/names.py`."""
        return zh_names.addressee_register(analysis, self.reported_speech)


def _cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x3000 <= code <= 0x303F  # CJK punctuation
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
    )


def _both_cjk(before: str, after: str) -> bool:
    return _cjk(before) and _cjk(after)


def _jieba_class() -> Any:
    """rjieba's Jieba class, without building the module-level default instance that
    `import rjieba` builds (a second dictionary load, 0.08 s) when rjieba is not imported yet."""
    import importlib.util
    import sys

    if "rjieba" not in sys.modules:
        spec = importlib.util.find_spec("rjieba")
        folder = spec.submodule_search_locations if spec is not None else None
        if folder:
            for candidate in Path(next(iter(folder))).glob("rjieba*"):
                if candidate.suffix in (".so", ".pyd"):
                    native = importlib.util.spec_from_file_location("rjieba.rjieba", candidate)
                    if native is not None and native.loader is not None:
                        module = importlib.util.module_from_spec(native)
                        native.loader.exec_module(module)
                        return module.Jieba
    return require("rjieba", "zh").Jieba


def _pos(word: str, flag: str) -> str:
    """UD part of speech from jieba's flag; punctuation is told by its Unicode category."""
    if word in PRONOUNS:
        return "PRON"
    if flag in PROPER_NOUN_FLAGS:
        return "PROPN"
    if flag in UNTAGGED_FLAGS:
        if all(unicodedata.category(c).startswith("P") for c in word):
            return "PUNCT"
        if all(unicodedata.category(c).startswith("S") for c in word):
            return "SYM"
        return "X"
    return UD_POS_BY_FLAG.get(flag[0], "X")
