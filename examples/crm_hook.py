"""A pre-send hook for a CRM written in Python: call `before_send` when the operator presses Send.

    from crm_hook import Ticket, before_send

    decision = before_send(draft, Ticket(customer_name="Анна Петрова", channel="email"))
    if not decision.allowed:
        show_to_operator(decision.blocking)      # why it cannot go out, in the reply's language
    else:
        send(decision.text)                      # the draft with every safe edit applied
    highlight(decision.suggestions)              # advice the operator may take or leave

What it does, and why:
- One Guard for the process, built on first use: loading the packs takes a moment, a check
  about a millisecond, and a Guard is thread-safe, so every request thread shares it.
- The CRM's ticket becomes replyguard's context (the customer's name and gender, the channel,
  the message being answered, promises made earlier), so the advice fits this conversation.
- A finding of severity `error` blocks: its message goes back to the operator.
- The text to send has only the *safe* edits applied (they cannot change the meaning); every
  other suggestion is returned for the operator to look at.
- A draft replyguard cannot check (a language it has no rules for) is let through with a note
  by default, so the hook never stops a reply it cannot read; an empty draft is blocked.
  Nothing of the draft or the customer is logged.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from typing import Any

from replyguard import Guard, Report
from replyguard.errors import EmptyText, ReplyguardError

_guard: Guard | None = None
_guard_lock = threading.Lock()


def guard() -> Guard:
    """The process's one Guard (extra packs, disabled rules or `message_lang="en"` go here)."""
    global _guard
    if _guard is None:
        with _guard_lock:
            if _guard is None:
                _guard = Guard()
    return _guard


@dataclass
class Promise:
    """A promise the CRM remembers from earlier in the conversation."""

    text: str
    kind: str = "other"  # callback, reply, delivery, refund, resolve, other
    due: dt.datetime | None = None  # aware datetime
    done: bool = False


@dataclass
class Ticket:
    """What the CRM knows about the conversation; every field is optional."""

    customer_name: str | None = None
    customer_gender: str | None = None  # "female", "male" or None
    channel: str | None = None  # chat, email, phone, messenger, social
    customer_message: str | None = None  # the message this draft answers
    promises: list[Promise] = field(default_factory=list)
    timezone: str = "UTC"  # the support team's, for deadlines
    holidays: str | None = None  # RU, SI or CN: public holidays are not working days
    lang: str | None = None  # ru, sl or zh when the CRM knows it; detected otherwise

    def context(self, now: dt.datetime | None = None) -> dict[str, Any]:
        """The ticket as replyguard's context (a plain dict of the Context shape)."""
        context: dict[str, Any] = {
            "customer_name": self.customer_name,
            "customer_gender": self.customer_gender,
            "channel": self.channel,
            "customer_message": self.customer_message,
            "now": now or dt.datetime.now(dt.timezone.utc),
            "history": [{"text": p.text, "kind": p.kind, "due": p.due, "done": p.done} for p in self.promises],
            "policy": {"timezone": self.timezone, "holidays": self.holidays},
        }
        return {key: value for key, value in context.items() if value is not None}


@dataclass
class Suggestion:
    """One piece of advice for the operator's editor: what to change, where, and why."""

    rule: str
    severity: str  # error, warning, info
    start: int
    end: int
    message: str
    replacement: str | None  # None: advice without a ready rewrite
    safe: bool  # True: already applied to `Decision.text`


@dataclass
class Decision:
    """The hook's answer: may the reply go out, and in which words."""

    allowed: bool
    text: str  # the draft with every safe edit applied: what to send if allowed
    blocking: list[str]  # messages of the findings that stop sending
    suggestions: list[Suggestion]
    score: int | None  # 0-100, None when the draft could not be checked
    note: str | None = None  # why the draft was not checked, when it was not
    report: Report | None = None  # the full report, for logging counts or storing with the ticket


def before_send(draft: str, ticket: Ticket | None = None, *, now: dt.datetime | None = None) -> Decision:
    """Check `draft` with the ticket's context; block on error findings, return the safe rewrite."""
    ticket = ticket or Ticket()
    try:
        report = guard().check(draft, ticket.context(now), lang=ticket.lang)
    except EmptyText as exc:
        return Decision(False, draft, [str(exc)], [], None, note=str(exc))
    except ReplyguardError as exc:  # not checkable (e.g. another language): let it through, say why
        return Decision(True, draft, [], [], None, note=str(exc))
    suggestions = [
        Suggestion(
            rule=f.rule,
            severity=f.severity.value,
            start=f.start,
            end=f.end,
            message=f.message,
            replacement=f.suggestions[0].replacement if f.suggestions else None,
            safe=bool(f.suggestions and f.suggestions[0].safe),
        )
        for f in report.findings
    ]
    blocking = [f.message for f in report.findings if f.severity.value == "error"]
    return Decision(report.ok, report.fixed, blocking, suggestions, report.score, report=report)


if __name__ == "__main__":
    ticket = Ticket(customer_name="Анна Петрова", customer_gender="female", channel="email", timezone="Europe/Moscow")
    for draft in ("Ваша проблема — не наша вина.", "Анна, добрый день! С вашей проблемой разберёмся сегодня."):
        decision = before_send(draft, ticket)
        print("send" if decision.allowed else "blocked", decision.score, decision.text)
        for message in decision.blocking:
            print("  blocks:", message)
        for s in decision.suggestions:
            print(f"  {s.severity} {s.rule}: {s.message}" + (f" → «{s.replacement}»" if s.replacement else ""))
