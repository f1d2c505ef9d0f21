"""The auto-reply a CRM sends while nobody is at work, with the real time someone is back.

The guidelines ask an away message to thank the customer, say honestly that nobody can
answer now and say when the answer will come. The time is the company's: the first moment
of working hours, on a working day that is no holiday, that the policy's `min_lead` for a
reply allows (when the team is at work but busy, the end of that working day). The words
are each language's `away:` section (rules/<lang>/conversation.yaml); the day and hour are
written by its time grammar («завтра с 9:00», «v ponedeljek po 8. uri», 明天上午9点后).
The greeting names the customer through the language's own address rule, so the message
passes replyguard's checks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field

from replyguard.errors import UnsupportedLanguage
from replyguard.lang.registry import SUPPORTED, get_adapter
from replyguard.models import Category, Context
from replyguard.promises import lead_for, moment_of

if TYPE_CHECKING:
    from replyguard.guard import Guard


class AwayTemplate(BaseModel):
    """A pack's `away:` section: the sentences of the away message. `back` and `busy_until`
    hold {when}: «Мы ответим {when}.»."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    greeting: str = Field(min_length=1)  # replaced by a named greeting when the name is known
    thanks: str = Field(min_length=1)
    closed: str = Field(min_length=1)  # nobody is at work now
    back: str = Field(min_length=1)  # {when}: the moment work starts again
    busy: str = Field(min_length=1)  # at work, but nobody free
    busy_until: str = Field(min_length=1)  # {when}: the end of this working day

    def merged(self, other: AwayTemplate) -> AwayTemplate:
        """A later pack's away message replaces the bundled one whole (its sentences belong together)."""
        return other


def away_message(lang: str, context: Context | dict[str, Any] | None = None, *, guard: Guard | None = None) -> str:
    """The away auto-reply in `lang` for this customer and moment (`context.now`, else the
    clock; `context.policy` for working hours, days off, holidays and `min_lead["reply"]`).

    >>> moscow = {"timezone": "Europe/Moscow", "holidays": "RU"}
    >>> away_message("ru", {"now": "2026-12-04T19:30:00+03:00", "policy": moscow})
    'Здравствуйте! Спасибо, что написали. Сейчас мы не на связи. Мы ответим в понедельник с 9:00.'
    """
    if lang not in SUPPORTED:
        raise UnsupportedLanguage(lang, SUPPORTED, "given as lang", detected=False)
    if guard is None:
        from replyguard.notebook import shared_guard

        guard = shared_guard()
    ctx = context if isinstance(context, Context) else Context.model_validate(context or {})
    template = guard.away.get(lang)
    if template is None:
        raise ValueError(f"no away message for {lang!r}: the packs have no 'away:' section for it")
    adapter = get_adapter(lang)
    moment = moment_of(ctx)
    calendar = moment.calendar
    ready = moment.now + lead_for(moment, "reply")
    start = calendar.earliest_feasible(ready)
    if start == ready.astimezone(calendar.tz) and calendar.working_day(start.date()):
        # at work now: busy, answered by the end of the day the lead allows
        when = adapter.deadline_phrase(calendar.close_of(start.date()), moment.now)
        sentences = [template.thanks, template.busy, template.busy_until.replace("{when}", when)]
    else:
        when = adapter.from_phrase(start, moment.now)
        sentences = [template.thanks, template.closed, template.back.replace("{when}", when)]
    gap = "" if adapter.joins is not None else " "
    body = gap.join(sentences)
    return _named(guard, body, ctx, lang) or template.greeting + gap + body


def _named(guard: Guard, body: str, context: Context, lang: str) -> str | None:
    """The message opened by the greeting the language's address rules suggest for this
    customer's name (None without a name they can greet by)."""
    if not context.customer_name:
        return None
    report = guard.check(body, context, lang=lang)
    named = [f.id for f in report.findings if f.category is Category.personalization and f.start == f.end == 0]
    if not named:
        return None
    greeting = next(f for f in report.findings if f.id == named[0]).suggestions[0].replacement.rstrip()
    if greeting.endswith((",", "，")) and body[:1].isupper():
        # «Spoštovana gospa Novak, hvala …»: a greeting closed by a comma runs on in lowercase
        body = body[0].lower() + body[1:]
        return greeting + " " + body
    return report.apply(named[:1], unsafe=True)
