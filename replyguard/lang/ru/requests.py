"""Russian requests to the customer: imperatives («пришлите», «оплатите») and «просим /
прошу + infinitive» («просим вас оплатить»), each to the end of its clause."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from replyguard.lang.requests import request_spans

if TYPE_CHECKING:
    from replyguard.lang.base import Analysis

_ASKING = frozenset({"просить", "попросить"})
_LETS = frozenset({"давайте", "давай"})  # «давайте проверим»: we act together, nobody is asked


def find_requests(analysis: Analysis) -> list[tuple[int, int]]:
    starts = []
    for token in analysis.tokens:
        parses: Any = token.morph or ()
        if not parses:
            continue
        tag = parses[0].tag
        imperative = "impr" in tag and "incl" not in tag and token.lower not in _LETS
        asking = parses[0].normal_form in _ASKING and "1per" in tag
        if imperative or asking:
            starts.append(token.start)
    return request_spans(analysis.text, starts)
