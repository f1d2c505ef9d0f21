"""Chinese requests to the customer: 请 / 麻烦 / 劳烦 / 务必 / 记得 and what follows them to the
end of the clause («请尽快付款», «麻烦您尽快确认»)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from replyguard.lang.requests import request_spans

if TYPE_CHECKING:
    from replyguard.lang.base import Analysis

# 请问 asks a question, 申请 / 邀请 are words of their own
_ASKING = re.compile(r"(?<![申邀])(?:请(?!问)|麻烦您?|劳烦|务必|记得)")


def find_requests(analysis: Analysis) -> list[tuple[int, int]]:
    return request_spans(analysis.text, [m.start() for m in _ASKING.finditer(analysis.text)])
