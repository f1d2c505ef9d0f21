"""Slovenian requests to the customer: the vi-imperative («pošljite», «plačajte»,
«sporočite») and «prosimo (vas), …», each to the end of its clause.

lemmagen3 gives no mood, so the imperative is told by its ending on a verb (its lemma ends
in -ti): -ite, -ajte, -jte. «sporočite» is also the present tense; in a clause with a vague
time word, a request is by far the likelier reading.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from replyguard.lang.requests import request_spans

if TYPE_CHECKING:
    from replyguard.lang.base import Analysis

_IMPERATIVE = re.compile(r"(?:ite|jte)$")
_ASKING = frozenset({"prosimo", "prosim"})


def find_requests(analysis: Analysis) -> list[tuple[int, int]]:
    starts = []
    for token in analysis.tokens:
        lower = token.lower
        imperative = _IMPERATIVE.search(lower) and any(lemma.endswith(("ti", "či")) for lemma in token.lemmas)
        if lower in _ASKING or imperative:
            starts.append(token.start)
    return request_spans(analysis.text, starts)
