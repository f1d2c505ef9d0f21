"""A pack N times the size of the bundled one, for the scale test of `speed.py`.

Each bundled rule is cloned N-1 times with its words swapped for other real words of the same
language (the words of the packs' own example sentences, as written and as lemmatized), a
common word (the language's stop-word list) for a common word and any other word for any
other. Other words are taken only where the benchmark corpus does not use them, so that the
clones fire on the benchmark drafts about as often as the rules they copy (as new rules about
other faults would); the benchmark prints findings per reply beside the times. The clones keep
the rule's shape: lexicon phrases keep their length, patterns keep their operators and parts
of speech, and a regex becomes a prefix regex over another word. The clones are never checked
for sense; they only make the matcher and the prefilter carry a pack of the given size with
realistic vocabulary.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from replyguard import Guard
from replyguard.lang.registry import get_adapter

Pools = dict[tuple[str, bool], list[str]]  # (form or lemma, common?) -> words


def vocabulary(guard: Guard, lang: str, avoid: str = "") -> Pools:
    """Written forms and lemmas of the rules' example sentences, split into common and other;
    no other word that the corpus or `avoid` (what drafts are filled with) contains."""
    adapter = get_adapter(lang)
    common = adapter.common_words
    corpus_text = (Path(__file__).resolve().parent / "corpus" / f"{lang}.txt").read_text(encoding="utf-8") + avoid
    in_corpus = {key for t in adapter.analyse(corpus_text).tokens for key in (t.lower, *t.lemmas)}
    texts: list[str] = []
    for loaded in guard.rules:
        if loaded.lang == lang:
            texts += [b.text for b in loaded.rule.examples.bad] + loaded.rule.examples.good_texts
    pools: dict[tuple[str, bool], set[str]] = {(kind, c): set() for kind in ("form", "lemma") for c in (True, False)}
    for text in texts:
        for token in adapter.analyse(text).tokens:
            if token.is_space or not any(c.isalpha() for c in token.text):
                continue
            if token.lower in common:
                pools["form", True].add(token.lower)
                pools["lemma", True].update(token.lemmas[:1])
            elif token.lower not in corpus_text and not in_corpus & {token.lower, *token.lemmas}:
                pools["form", False].add(token.lower)
                pools["lemma", False].update(token.lemmas[:1])
    return {key: sorted(words) for key, words in pools.items()}


def write_pack(folder: Path, lang: str, times: int, seed: int = 0, avoid: str = "") -> int:
    """Write `times - 1` clones of every bundled `lang` rule to folder/<lang>/; the rule count."""
    guard = Guard()
    pools = vocabulary(guard, lang, avoid)
    common = get_adapter(lang).common_words
    rng = random.Random(seed)

    def swap(word: str, kind: str, keep_common: bool = True) -> str:
        return rng.choice(pools[kind, keep_common and word.lower() in common])

    rules: list[dict[str, Any]] = []
    for copy in range(1, times):
        for loaded in guard.rules:
            if loaded.lang != lang:
                continue
            rule = loaded.rule.model_dump(mode="json", exclude_defaults=False)
            rule["id"] = f"{rule['id']}_x{copy}"
            if rule["kind"] == "lexicon":
                rule["phrases"] = [_swap_phrase(p, swap, lang) for p in rule["phrases"]]
            elif rule["kind"] == "regex":
                rule["regex"] = re.escape(swap("", "form", False))
            elif rule["kind"] == "pattern":
                rule["patterns"] = [_swap_pattern(p, swap) for p in rule["patterns"]]
            elif rule.get("phrases"):  # an address rule's generic addresses
                rule["phrases"] = [_swap_phrase(p, swap, lang) for p in rule["phrases"]]
            rules.append(rule)
    target = folder / lang
    target.mkdir(parents=True, exist_ok=True)
    pack = {"language": lang, "about": f"synthetic scale-test pack ({times}x), not for use", "rules": rules}
    (target / "synthetic.yaml").write_text(yaml.safe_dump(pack, allow_unicode=True), encoding="utf-8")
    return len(rules)


Swap = Callable[..., str]
_WORD_ATTRS = ("LOWER", "ORTH", "TEXT", "LEMMA", "_")


def _swap_phrase(phrase: str, swap: Swap, lang: str) -> str:
    """Same number of words; the last one never common, as a real phrase is never all stop words."""
    if lang == "zh":
        return swap(phrase, "form", False)
    words = phrase.split()
    return " ".join(swap(word, "lemma", n < len(words) - 1) for n, word in enumerate(words))


def _swap_pattern(pattern: list[dict[str, Any]], swap: Swap) -> list[dict[str, Any]]:
    """Same specs; the first spec that names words gets uncommon ones, the rest keep their kind."""
    swapped = []
    forced = False
    for spec in pattern:
        names_words = any(attr in _WORD_ATTRS for attr in spec) and spec.get("OP") in (None, "1", "+")
        keep_common = forced or not names_words
        forced = forced or names_words
        swapped.append(_swap_spec(spec, swap, keep_common))
    return swapped


def _swap_spec(spec: dict[str, Any], swap: Swap, keep_common: bool) -> dict[str, Any]:
    swapped: dict[str, Any] = {}
    for attr, condition in spec.items():
        kind = "lemma" if attr in ("LEMMA", "_") else "form"
        if attr in _WORD_ATTRS:
            swapped[attr] = _swap_condition(condition, lambda w, k=kind: swap(w, k, keep_common))
        else:
            swapped[attr] = condition
    return swapped


def _swap_condition(condition: Any, swap: Callable[[str], str]) -> Any:
    if isinstance(condition, str):
        return swap(condition)
    if isinstance(condition, list):
        return [swap(word) if isinstance(word, str) else word for word in condition]
    if isinstance(condition, dict):
        return {key: _swap_operand(key, value, swap) for key, value in condition.items()}
    return condition


def _swap_operand(operator: str, value: Any, swap: Callable[[str], str]) -> Any:
    """A regex becomes one over another word (a prefix match, as most pack regexes are)."""
    if operator == "NOT_IN":
        return value
    if operator == "REGEX":
        return "^" + re.escape(swap(""))
    return _swap_condition(value, swap)
