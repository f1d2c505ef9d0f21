"""The public data model: what a caller passes in (Context, Policy) and gets back (Report).

pydantic v2 models, so a CRM can send them as JSON and get clear validation errors back.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from replyguard.edits import apply_edits, pick_edits

CommitmentKind = Literal["callback", "reply", "delivery", "refund", "resolve", "other"]
Channel = Literal["chat", "email", "phone", "messenger", "social"]
Gender = Literal["female", "male"]

_CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_DURATION = re.compile(r"^-?P(?=\d|T\d)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")


class Category(str, Enum):
    """What kind of advice a finding gives; the evaluation set scores per category."""

    bad_word = "bad_word"
    negative_phrasing = "negative_phrasing"
    personalization = "personalization"
    broken_promise = "broken_promise"
    formality = "formality"
    tone = "tone"
    structure = "structure"
    language = "language"  # a part of the reply in a language replyguard cannot check


class Severity(str, Enum):
    """`error` blocks sending (Report.ok is False); `warning` and `info` only advise."""

    error = "error"
    warning = "warning"
    info = "info"


SEVERITY_PENALTY = {Severity.error: 25, Severity.warning: 10, Severity.info: 3}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Policy(_Model):
    """What the company can really do: the calendar that promises are checked against."""

    timezone: str = "UTC"
    working_days: list[int] = Field(default_factory=lambda: [1, 2, 3, 4, 5])
    working_hours: tuple[str, str] = ("09:00", "18:00")
    holidays: str | None = None
    min_lead: dict[CommitmentKind, dt.timedelta] = Field(default_factory=dict)
    # channel → how long a customer may wait before the reply must thank them for waiting
    response_time: dict[Channel, dt.timedelta] = Field(default_factory=dict)
    # a smiley in the first reply to a new customer; None: the language's custom (Chinese
    # marketplaces expect one in chat and messenger, nobody else)
    first_reply_smiley: bool | None = None
    # channel → whether emoji are welcome there; a channel not named follows the language's
    # custom (the packs forbid them in email and on the phone)
    emoji: dict[Channel, bool] = Field(default_factory=dict)
    # Chinese marketplaces address buyers as 亲 / 亲亲; a company that does not want it says False.
    kin_address: bool = True

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown IANA time zone {value!r} (e.g. 'Europe/Moscow')") from exc
        return value

    @field_validator("working_days")
    @classmethod
    def _iso_weekdays(cls, value: list[int]) -> list[int]:
        if any(day < 1 or day > 7 for day in value):
            raise ValueError("working_days are ISO weekday numbers, 1 (Monday) to 7 (Sunday)")
        return sorted(set(value))

    @field_validator("working_hours")
    @classmethod
    def _clock_times(cls, value: tuple[str, str]) -> tuple[str, str]:
        if not all(_CLOCK.match(v) for v in value):
            raise ValueError('working_hours are two "HH:MM" times, e.g. ["09:00", "18:00"]')
        if value[0] >= value[1]:
            raise ValueError("working_hours must start before they end")
        return value

    @field_validator("holidays")
    @classmethod
    def _country_code(cls, value: str | None) -> str | None:
        if value is None:
            return value
        if not re.fullmatch(r"[A-Za-z]{2}", value):
            raise ValueError("holidays is a two-letter country code such as RU, SI or CN")
        from replyguard.workdays import supported_countries

        if value.upper() not in supported_countries():
            raise ValueError(f"no public holiday calendar for the country code {value.upper()!r} (e.g. RU, SI, CN)")
        return value.upper()

    @field_validator("min_lead", "response_time", mode="before")
    @classmethod
    def _durations(cls, value: object, info: ValidationInfo) -> object:
        if isinstance(value, dict):
            for key, duration in value.items():
                if isinstance(duration, str) and not _DURATION.match(duration.strip()):
                    raise ValueError(
                        f"{info.field_name}.{key} is {duration!r}: give an ISO 8601 duration such as 'P2D', "
                        "'PT4H' or 'P1DT12H'"
                    )
        return value

    @field_validator("min_lead", "response_time")
    @classmethod
    def _not_negative(cls, value: dict[str, dt.timedelta], info: ValidationInfo) -> dict[str, dt.timedelta]:
        late = sorted(key for key, duration in value.items() if duration < dt.timedelta(0))
        if late:
            raise ValueError(f"{info.field_name} must not be negative (for {', '.join(late)})")
        return value


class PastCommitment(_Model):
    """An earlier promise to this customer, as the CRM remembers it."""

    text: str = ""
    kind: CommitmentKind = "other"
    due: AwareDatetime | None = None
    done: bool = False


class Context(_Model):
    """What the CRM knows about the conversation; every field is optional."""

    customer_name: str | None = None
    customer_gender: Gender | None = None
    channel: Channel | None = None
    now: AwareDatetime | None = None
    customer_message: str | None = None
    history: list[PastCommitment] = Field(default_factory=list)
    policy: Policy = Field(default_factory=Policy)
    format: Literal["text", "html"] | None = None  # of the draft; None: HTML is recognised by its tags
    # for the checks of a reply against its conversation
    customer_message_at: AwareDatetime | None = None  # when the message being answered arrived
    first_contact: bool | None = None  # the customer writes for the first time
    operator_name: str | None = None
    company_name: str | None = None


class Edit(_Model):
    """One replacement of text[start:end]; `safe` means applying it cannot change the meaning."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    replacement: str
    safe: bool = False

    @model_validator(mode="after")
    def _ordered(self) -> Edit:
        if self.end < self.start:
            raise ValueError("an edit's end must not come before its start")
        return self


class Finding(_Model):
    """One piece of advice about a span of the reply (zero-width for an insertion point)."""

    id: str = ""
    rule: str
    category: Category
    severity: Severity
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    message: str
    suggestions: list[Edit] = Field(default_factory=list)
    lang: str | None = None  # the language of the text it is about (a reply can mix two)

    @model_validator(mode="after")
    def _ordered_and_named(self) -> Finding:
        if self.end < self.start:
            raise ValueError("a finding's end must not come before its start")
        if not self.id:
            self.id = f"{self.rule}@{self.start}"
        return self


class Commitment(_Model):
    """A promise found in the draft; `deadline` is the latest moment that still keeps it."""

    kind: CommitmentKind = "other"
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    deadline: AwareDatetime | None = None
    vague: bool = False
    text: str = ""


class Report(_Model):
    """Everything replyguard says about one draft.

    score = max(0, 100 - 25 x errors - 10 x warnings - 3 x infos): a reply with one
    blocking finding can still score 75, so sort by score, block on `ok`.
    """

    text: str
    lang: str
    findings: list[Finding] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    score: int = 100
    fixed: str = ""
    ok: bool = True

    @model_validator(mode="after")
    def _derive(self) -> Report:
        size = len(self.text)
        for finding in self.findings:
            spans = [(finding.start, finding.end)] + [(e.start, e.end) for e in finding.suggestions]
            if any(end > size for _, end in spans):
                raise ValueError(f"finding {finding.id} points past the end of the text")
        self.findings.sort(key=lambda f: (f.start, f.end, f.rule))
        penalty = sum(SEVERITY_PENALTY[f.severity] for f in self.findings)
        self.score = max(0, 100 - penalty)
        self.ok = not any(f.severity is Severity.error for f in self.findings)
        self.fixed = self.apply()
        return self

    def apply(self, ids: list[str] | None = None, unsafe: bool = False) -> str:
        """The text with the best edit of each chosen finding applied.

        `ids` selects findings by finding id or rule id (None: all of them); unsafe edits
        are applied only with `unsafe=True`. Overlapping edits: the earlier one wins.
        """
        chosen = self.findings
        if ids is not None:
            if isinstance(ids, str):
                ids = [ids]
            wanted = set(ids)
            known = {f.id for f in self.findings} | {f.rule for f in self.findings}
            unknown = sorted(wanted - known)
            if unknown:
                from replyguard.errors import UnknownRule

                raise UnknownRule(
                    f"apply(ids=) names {', '.join(repr(u) for u in unknown)}, which is no finding id or rule id "
                    "of this report"
                )
            chosen = [f for f in self.findings if f.id in wanted or f.rule in wanted]
        return apply_edits(self.text, pick_edits(chosen, unsafe=unsafe))

    def _repr_html_(self) -> str:
        from replyguard.notebook import report_html

        return report_html(self)
