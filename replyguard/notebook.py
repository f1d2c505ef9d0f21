"""HTML for notebooks: the reply with each finding highlighted and its message on hover."""

from __future__ import annotations

import itertools
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from replyguard.models import Finding, Report

COLOURS = {"error": "#f8c4c4", "warning": "#fbe3a6", "info": "#cfe3f7"}
_RANK = {"error": 3, "warning": 2, "info": 1}


def report_html(report: Report) -> str:
    """The reply with highlighted spans, then a table of findings and the suggested fixes."""
    text = report.text
    cuts = sorted({0, len(text), *(f.start for f in report.findings), *(f.end for f in report.findings)})
    parts: list[str] = []
    for finding in report.findings:
        if finding.start == finding.end == 0:
            parts.append(_marker(finding))
    for left, right in itertools.pairwise(cuts):
        covering = [f for f in report.findings if f.start <= left and right <= f.end and f.start < f.end]
        piece = escape(text[left:right]).replace("\n", "<br>")
        if covering:
            worst = max(covering, key=lambda f: _RANK[f.severity.value])
            title = escape(" | ".join(f"{f.rule}: {f.message}" for f in covering), quote=True)
            colour = COLOURS[worst.severity.value]
            piece = f'<mark title="{title}" style="background:{colour}">{piece}</mark>'
        parts.append(piece)
        parts.extend(_marker(f) for f in report.findings if f.start == f.end == right)
    rows = "".join(
        f"<tr><td>{escape(f.severity.value)}</td><td>{escape(f.category.value)}</td><td><code>{escape(f.rule)}</code></td>"
        f"<td>{escape(text[f.start : f.end])}</td><td>{escape(f.message)}</td>"
        f"<td>{escape(f.suggestions[0].replacement) if f.suggestions else ''}</td></tr>"
        for f in report.findings
    )
    head = f"<p><b>score {report.score}</b> · {'ok' if report.ok else 'blocked'} · {escape(report.lang)}</p>"
    table = (
        "<table><tr><th>severity</th><th>category</th><th>rule</th><th>text</th><th>message</th><th>suggestion</th></tr>"
        f"{rows}</table>"
        if rows
        else ""
    )
    return f'<div class="replyguard">{head}<p>{"".join(parts)}</p>{table}</div>'


def _marker(finding: Finding) -> str:
    title = escape(f"{finding.rule}: {finding.message}", quote=True)
    return f'<span title="{title}" style="color:#b00">▾</span>'
