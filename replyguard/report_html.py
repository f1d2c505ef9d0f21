"""The HTML report of a batch review: one file that opens anywhere, offline.

No external asset (a Content-Security-Policy forbids fetching any), so the report can be
mailed or archived with the findings it shows. Every piece of the file's content is escaped,
and the little script reads only data attributes and writes only text, so a reply that holds
markup shows as text and runs nothing. Replies come worst first; each finding is a highlight
with its message on hover; counts per rule and category link to the filters, which also live
in the address (`#rule=ru.bad_word.problema&category=bad_word`), so a filtered view can be
shared as a link.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from replyguard.batch_review import Review, Reviewed, RuleCount
    from replyguard.models import Finding

RANK = {"error": 3, "warning": 2, "info": 1}

_STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:1em 1.5em;
color:#222;background:#fafafa}
h1{font-size:1.4em;margin:.2em 0}h2{font-size:1.15em;margin:1.4em 0 .5em}
.totals{display:flex;flex-wrap:wrap;gap:.6em;margin:.8em 0;padding:0}
.totals div{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.4em .9em;min-width:7em}
.totals dt{font-size:.8em;color:#666}.totals dd{margin:0;font-size:1.4em;font-weight:600}
.counts{display:flex;flex-wrap:wrap;gap:2em;align-items:flex-start}
table{border-collapse:collapse;background:#fff;font-size:.9em}
th,td{border:1px solid #ddd;padding:.25em .6em;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.filters{position:sticky;top:0;background:#fafafa;padding:.6em 0;border-bottom:1px solid #ddd;z-index:1}
.filters label{margin-right:1.2em}
.reply{background:#fff;border:1px solid #ddd;border-left:5px solid #8bc34a;border-radius:6px;margin:.8em 0;
padding:.6em 1em}
.reply.blocked{border-left-color:#d32f2f}.reply.warned{border-left-color:#f9a825}
.reply header{font-size:.85em;color:#555}.reply header b{color:#222}
.text{white-space:pre-wrap;font-size:1.05em;margin:.5em 0}
mark.f{border-radius:3px;padding:0 1px;cursor:help}
mark.sev-error{background:#f8c4c4;border-bottom:2px solid #d32f2f}
mark.sev-warning{background:#fbe3a6;border-bottom:2px solid #f9a825}
mark.sev-info{background:#cfe3f7;border-bottom:2px solid #1976d2}
span.ins{color:#b00;cursor:help;font-size:.8em;vertical-align:super}
.f.dim{background:none;border-bottom-color:transparent;color:inherit}
ol.findings{margin:.3em 0;padding-left:1.4em;font-size:.9em}
ol.findings li.dim{opacity:.4}
.sev{display:inline-block;min-width:4.5em;font-weight:600}
li.sev-error .sev{color:#d32f2f}li.sev-warning .sev{color:#b26a00}li.sev-info .sev{color:#1976d2}
code{font-size:.9em}details{font-size:.9em;color:#333}.bad td{background:#fff3f3}
"""

_SCRIPT = """
(function () {
  var rule = document.getElementById('filter-rule');
  var category = document.getElementById('filter-category');
  var blocked = document.getElementById('filter-blocked');
  function has(list, value) { return !value || (' ' + (list || '') + ' ').indexOf(' ' + value + ' ') >= 0; }
  function apply() {
    var cards = document.querySelectorAll('article.reply'), shown = 0, i;
    for (i = 0; i < cards.length; i++) {
      var c = cards[i];
      var keep = has(c.getAttribute('data-rules'), rule.value) && has(c.getAttribute('data-categories'), category.value)
        && (!blocked.checked || c.getAttribute('data-status') === 'blocked');
      c.hidden = !keep;
      if (keep) { shown++; }
    }
    var marks = document.querySelectorAll('.reply .f, .reply li[data-rules]');
    for (i = 0; i < marks.length; i++) {
      var m = marks[i];
      var on = has(m.getAttribute('data-rules'), rule.value);
      m.classList.toggle('dim', !(on && has(m.getAttribute('data-categories'), category.value)));
    }
    document.getElementById('shown').textContent = shown + ' of ' + cards.length + ' replies shown';
  }
  function fromHash() {
    var wanted = {}, parts = location.hash.replace(/^#/, '').split('&'), i;
    for (i = 0; i < parts.length; i++) {
      var kv = parts[i].split('=');
      if (kv.length === 2) { try { wanted[kv[0]] = decodeURIComponent(kv[1]); } catch (e) { } }
    }
    rule.value = wanted.rule || '';
    category.value = wanted.category || '';
    blocked.checked = wanted.blocked === '1';
    apply();
  }
  function toHash() {
    var parts = [];
    if (rule.value) { parts.push('rule=' + encodeURIComponent(rule.value)); }
    if (category.value) { parts.push('category=' + encodeURIComponent(category.value)); }
    if (blocked.checked) { parts.push('blocked=1'); }
    history.replaceState(null, '', '#' + parts.join('&'));
    apply();
  }
  rule.addEventListener('change', toHash);
  category.addEventListener('change', toHash);
  blocked.addEventListener('change', toHash);
  window.addEventListener('hashchange', fromHash);
  fromHash();
})();
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def highlight(text: str, findings: Sequence[Finding]) -> str:
    """`text`, escaped, with each finding's span in a <mark> that carries the message as its
    title (shown on hover) and the rule and category as data attributes; a zero-width finding
    (an insertion point) is a ▾ marker. Where findings overlap, each piece is marked once with
    all the findings over it, coloured by the worst."""
    spans = [f for f in findings if f.start < f.end]
    points = [f for f in findings if f.start == f.end]
    cuts = sorted({0, len(text), *(f.start for f in findings), *(f.end for f in findings)})
    parts = [_marker(f, "ins", "▾") for f in points if f.start == 0]
    for left, right in itertools.pairwise(cuts):
        covering = [f for f in spans if f.start <= left and right <= f.end]
        piece = _e(text[left:right])
        parts.append(_marker_html(covering, "mark", piece) if covering else piece)
        parts.extend(_marker(f, "ins", "▾") for f in points if f.start == right)
    return "".join(parts)


def _marker(finding: Finding, kind: str, content: str) -> str:
    return _marker_html([finding], kind, content)


def _marker_html(findings: Sequence[Finding], kind: str, content: str) -> str:
    """A <mark> over a span (kind 'mark') or a <span class="ins"> at an insertion point."""
    worst = max(findings, key=lambda f: RANK[f.severity.value]).severity.value
    rules = " ".join(sorted({f.rule for f in findings}))
    categories = " ".join(sorted({f.category.value for f in findings}))
    title = "\n".join(_hover(f) for f in findings)
    classes = f"f sev-{worst}" if kind == "mark" else f"f ins sev-{worst}"
    tag = "mark" if kind == "mark" else "span"
    return (
        f'<{tag} class="{_e(classes)}" data-rules="{_e(rules)}" data-categories="{_e(categories)}" '
        f'title="{_e(title)}">{content}</{tag}>'
    )


def _hover(finding: Finding) -> str:
    text = f"{finding.severity.value}: {finding.message} [{finding.rule}]"
    if finding.suggestions:
        text += f" → «{finding.suggestions[0].replacement}»"
    return text


def render(review: Review, title: str | None = None) -> str:
    """The whole report as one HTML document."""
    name = title or review.source
    rules = review.by_rule()
    categories = review.by_category()
    checked = review.checked
    scores = [r.report.score for r in checked if r.report is not None]
    mean = f"{sum(scores) / len(scores):.0f}" if scores else "–"
    totals = [
        ("rows", "total-rows", len(review.rows)),
        ("checked", "total-checked", len(checked)),
        ("blocked", "total-blocked", len(review.blocked)),
        ("not checked", "total-bad", len(review.bad)),
        ("findings", "total-findings", review.findings),
        ("mean score", "mean-score", mean),
    ]
    blocks = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>replyguard review: {_e(name)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>replyguard review: {_e(name)}</h1>",
        '<dl class="totals" id="totals">'
        + "".join(f'<div><dt>{label}</dt><dd id="{key}">{_e(value)}</dd></div>' for label, key, value in totals)
        + "</dl>",
    ]
    if review.blank:
        blocks.append(f"<p>Blank rows skipped: {_e(', '.join(map(str, review.blank)))}.</p>")
    blocks.append(_counts(rules, categories))
    blocks.append(_bad_rows(review))
    blocks.append(_filters(rules, categories))
    blocks.append('<section id="replies">')
    blocks.extend(_card(row) for row in review.worst_first())
    blocks.append("</section>")
    blocks.append(f"<script>{_SCRIPT}</script></body></html>")
    return "\n".join(blocks) + "\n"


def _counts(rules: Sequence[RuleCount], categories: Sequence[tuple[str, int, int]]) -> str:
    category_rows = "".join(
        f'<tr data-category="{_e(c)}"><td><a href="#category={_e(quote(c, safe=""))}">{_e(c)}</a></td>'
        f'<td class="n findings">{n}</td><td class="n replies">{replies}</td></tr>'
        for c, n, replies in categories
    )
    rule_rows = "".join(
        f'<tr data-rule="{_e(r.rule)}"><td><a href="#rule={_e(quote(r.rule, safe=""))}"><code>{_e(r.rule)}</code></a>'
        f"</td><td>{_e(r.category)}</td><td>{_e(r.severity)}</td>"
        f'<td class="n findings">{r.findings}</td><td class="n replies">{r.replies}</td></tr>'
        for r in rules
    )
    if not rule_rows:
        return '<section id="counts"><h2>Counts</h2><p>No findings.</p></section>'
    return (
        '<section id="counts"><h2>Counts</h2><div class="counts">'
        '<table id="by-category"><thead><tr><th>category</th><th>findings</th><th>replies</th></tr></thead>'
        f"<tbody>{category_rows}</tbody></table>"
        '<table id="by-rule"><thead><tr><th>rule</th><th>category</th><th>severity</th><th>findings</th>'
        f"<th>replies</th></tr></thead><tbody>{rule_rows}</tbody></table></div></section>"
    )


def _bad_rows(review: Review) -> str:
    bad = review.bad
    if not bad:
        return ""
    rows = "".join(
        f'<tr class="bad" data-row="{row.number}"><td class="n">{row.number}</td><td>{_e(row.key or "")}</td>'
        f"<td>{_e(row.error or '')}</td></tr>"
        for row in bad
    )
    return (
        f'<section id="bad-rows"><h2>Rows that could not be checked ({len(bad)})</h2>'
        "<table><thead><tr><th>row</th><th>id</th><th>why</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )


def _filters(rules: Sequence[RuleCount], categories: Sequence[tuple[str, int, int]]) -> str:
    rule_options = "".join(f'<option value="{_e(r.rule)}">{_e(r.rule)} ({r.findings})</option>' for r in rules)
    category_options = "".join(f'<option value="{_e(c)}">{_e(c)} ({n})</option>' for c, n, _ in categories)
    return (
        '<h2>Replies, worst first</h2><div class="filters">'
        f'<label>rule <select id="filter-rule"><option value="">all rules</option>{rule_options}</select></label>'
        '<label>category <select id="filter-category"><option value="">all categories</option>'
        f"{category_options}</select></label>"
        '<label><input type="checkbox" id="filter-blocked"> blocked only</label>'
        '<span id="shown"></span></div>'
    )


def _card(row: Reviewed) -> str:
    report = row.report
    assert report is not None
    findings = report.findings
    rules = " ".join(sorted({f.rule for f in findings}))
    categories = " ".join(sorted({f.category.value for f in findings}))
    worst = max((RANK[f.severity.value] for f in findings), default=0)
    tone = "blocked" if not report.ok else ("warned" if worst >= RANK["warning"] else "clean")
    key = f" · <b>{_e(row.key)}</b>" if row.key else ""
    header = (
        f"<header>row <b>{row.number}</b>{key} · {_e(report.lang)} · score <b>{report.score}</b> · "
        f"{'blocked' if not report.ok else 'ok'} · {len(findings)} finding{'' if len(findings) == 1 else 's'}</header>"
    )
    items = "".join(_finding_item(report.text, f) for f in findings)
    fixed = (
        f'<details><summary>with the safe fixes applied</summary><p class="text fixed">{_e(report.fixed)}</p></details>'
        if report.fixed != report.text
        else ""
    )
    return (
        f'<article class="reply {tone}" id="row-{row.number}" data-row="{row.number}" data-score="{report.score}" '
        f'data-status="{row.status}" data-rules="{_e(rules)}" data-categories="{_e(categories)}">'
        f'{header}<p class="text">{highlight(report.text, findings)}</p>'
        f"{f'<ol class=findings>{items}</ol>' if items else ''}{fixed}</article>"
    )


def _finding_item(text: str, finding: Finding) -> str:
    flagged = text[finding.start : finding.end]
    quoted = f" «{_e(flagged)}»" if flagged and flagged not in finding.message else ""
    best = finding.suggestions[0] if finding.suggestions else None
    suggestion = ""
    if best is not None:
        suggestion = f" → «{_e(best.replacement)}»" + ("" if best.safe else " (check before applying)")
    return (
        f'<li class="sev-{_e(finding.severity.value)}" data-rules="{_e(finding.rule)}" '
        f'data-categories="{_e(finding.category.value)}"><span class="sev">{_e(finding.severity.value)}</span> '
        f"<code>{_e(finding.rule)}</code>{quoted} — {_e(finding.message)}{suggestion}</li>"
    )
