"""The public surface of DESIGN.md: names, signatures, models and their JSON."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

import replyguard
from replyguard import Category, Commitment, Context, Edit, Finding, Guard, Policy, Report, Severity
from replyguard.errors import InvalidInput, UnknownRule, UnsupportedLanguage

DESIGN_NAMES = ["Guard", "Context", "Policy", "Report", "Finding", "Edit", "Commitment", "Category", "Severity"]


def test_public_api_all_is_exactly_the_design_names() -> None:
    assert sorted(replyguard.__all__) == sorted(DESIGN_NAMES)
    for name in DESIGN_NAMES:
        assert getattr(replyguard, name) is not None


def test_public_api_check_accepts_a_plain_dict_context(guard: Guard) -> None:
    context = {
        "customer_name": "Анна Петрова",
        "customer_gender": "female",
        "channel": "chat",
        "now": "2026-11-25T10:00:00+03:00",
        "history": [{"text": "Перезвоним", "kind": "callback", "due": "2026-11-23T18:00:00+03:00"}],
        "policy": {"timezone": "Europe/Moscow", "holidays": "RU", "min_lead": {"delivery": "P2D"}},
    }
    report = guard.check("С вашей проблемой разберёмся.", context=context, lang="ru")
    assert isinstance(report, Report)
    assert report.lang == "ru"
    categories = {f.category for f in report.findings}
    assert Category.bad_word in categories
    assert Category.personalization in categories  # the known name is read: «Анна» is missing
    same = guard.check("С вашей проблемой разберёмся.", context=Context.model_validate(context), lang="ru")
    assert same == report


def test_public_api_conversation_fields_are_additive(guard: Guard) -> None:
    """The fields for checking a reply against its conversation are optional: a caller who
    sends them gets the same report shape, one who does not is unaffected."""
    context = {
        "channel": "chat",
        "now": "2026-11-25T10:00:00+03:00",
        "customer_message": "Где мой заказ?",
        "customer_message_at": "2026-11-25T08:30:00+03:00",
        "first_contact": True,
        "operator_name": "Мария",
        "company_name": "ТехноКредит",
        "policy": {"response_time": {"chat": "PT15M", "email": "P1D"}, "first_reply_smiley": False},
    }
    parsed = Context.model_validate(context)
    assert parsed.customer_message_at == dt.datetime.fromisoformat("2026-11-25T08:30:00+03:00")
    assert parsed.policy.response_time == {"chat": dt.timedelta(minutes=15), "email": dt.timedelta(days=1)}
    assert parsed.policy.first_reply_smiley is False
    assert Policy().first_reply_smiley is None and Policy().response_time == {}
    report = guard.check("Заказ передан курьеру.", context=context, lang="ru")
    assert isinstance(report, Report)


def test_public_api_policy_parses_iso_durations() -> None:
    policy = Policy(min_lead={"delivery": "P2D", "callback": "PT1H"})
    assert policy.min_lead["delivery"] == dt.timedelta(days=2)
    assert policy.min_lead["callback"] == dt.timedelta(hours=1)


@pytest.mark.parametrize(
    ("context", "field"),
    [
        ({"now": "2026-11-25T10:00:00"}, "now"),  # naive datetime
        ({"policy": {"timezone": "Mars/Olympus"}}, "timezone"),
        ({"policy": {"working_days": [0, 8]}}, "working_days"),
        ({"policy": {"working_hours": ["18:00", "09:00"]}}, "working_hours"),
        ({"customer_gender": "unknown"}, "customer_gender"),
        ({"chanel": "chat"}, "chanel"),  # a typo is an error, not silently ignored
        ({"customer_message_at": "2026-11-25T09:00:00"}, "customer_message_at"),  # naive datetime
        ({"first_contact": "maybe"}, "first_contact"),
        ({"policy": {"response_time": {"chat": "15 minutes"}}}, "response_time"),
        ({"policy": {"response_time": {"fax": "PT1H"}}}, "response_time"),
        ({"policy": {"response_time": {"chat": "-PT1H"}}}, "response_time"),
    ],
)
def test_public_api_context_errors_name_the_field(guard: Guard, context: dict, field: str) -> None:
    from replyguard.errors import InvalidContext

    with pytest.raises(InvalidContext) as caught:  # a ValueError, numbered like every replyguard error
        guard.check("Добрый день!", context=context, lang="ru")
    assert field in str(caught.value) and "E008" in str(caught.value)


def test_public_api_check_many_equals_one_by_one(guard: Guard) -> None:
    items = [
        "С вашей проблемой разберёмся.",
        ("Мы не можем отправить заказ.", {"channel": "chat"}),
        {"text": "Pozdravljeni, v skladišču imamo nekaj problemov.", "lang": "sl"},
        {"text": "这是您没按说明书安装的问题，我们不能免费上门维修。"},
    ]
    batch = guard.check_many(items)
    single = [
        guard.check(items[0]),
        guard.check(items[1][0], items[1][1]),
        guard.check(items[2]["text"], lang="sl"),
        guard.check(items[3]["text"]),
    ]
    assert batch == single


def test_public_api_report_json_round_trips(guard: Guard) -> None:
    report = guard.check("Ваша проблема — не наша вина. Мы не можем помочь.", lang="ru")
    again = Report.model_validate_json(report.model_dump_json())
    assert again == report
    assert again.fixed == report.fixed


def test_public_api_report_fixed_applies_only_safe_edits(guard: Guard) -> None:
    text = "Разберёмся с вашей проблемой сегодня."
    report = guard.check(text, lang="ru")
    assert report.fixed == "Разберёмся с вашим вопросом сегодня."
    assert report.apply(ids=[]) == text
    assert report.apply(ids=["ru.bad_word.problema"]) == report.fixed


def test_public_api_report_without_edits_gives_back_the_input(guard: Guard) -> None:
    text = "Спасибо за ожидание!  Заказ уже в пути.\n"
    report = guard.check(text, lang="ru")
    assert report.fixed == text
    assert report.findings == []
    assert report.score == 100
    assert report.ok


def test_public_api_score_and_ok_follow_severity() -> None:
    def finding(severity: Severity, start: int) -> Finding:
        return Finding(
            rule="ru.bad_word.x", category=Category.bad_word, severity=severity, start=start, end=start + 1, message="m"
        )

    report = Report(
        text="abcdef",
        lang="ru",
        findings=[finding(Severity.error, 0), finding(Severity.warning, 2), finding(Severity.info, 4)],
    )
    assert report.score == 100 - 25 - 10 - 3
    assert report.ok is False


def test_public_api_report_rejects_spans_past_the_text() -> None:
    with pytest.raises(ValidationError):
        Report(
            text="abc",
            lang="ru",
            findings=[Finding(rule="ru.x.y", category="tone", severity="info", start=1, end=9, message="m")],
        )


def test_public_api_edit_and_commitment_validate_their_spans() -> None:
    with pytest.raises(ValidationError):
        Edit(start=5, end=2, replacement="x")
    commitment = Commitment(kind="callback", start=0, end=4, text="завтра", vague=False)
    assert commitment.deadline is None


def test_public_api_html_highlights_findings_with_messages(guard: Guard) -> None:
    report = guard.check("С вашей проблемой <b>разберёмся</b>.", lang="ru")
    html = report._repr_html_()
    assert "<mark" in html and "title=" in html
    assert "&lt;b&gt;" in html  # the reply's own markup is escaped, never rendered


def test_public_api_unsupported_language_names_the_supported_ones(guard: Guard) -> None:
    with pytest.raises(UnsupportedLanguage) as caught:
        guard.check("Hello, your order has been shipped and will arrive on Tuesday.")
    assert "ru, sl, zh" in str(caught.value)
    with pytest.raises(UnsupportedLanguage):
        guard.check("Добрый день", lang="uk")


def test_public_api_bad_input_is_a_clear_error(guard: Guard) -> None:
    with pytest.raises(InvalidInput):
        guard.check(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        guard.check("текст", context=["not", "a", "dict"])  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="surrogate"):
        guard.check("broken \ud800 text", lang="ru")
    with pytest.raises(UnknownRule):
        Guard(disable=["ru.bad_word.no_such_rule"])


def test_public_api_disable_by_id_and_prefix() -> None:
    text = "С вашей проблемой разберёмся, но мы не можем сегодня."
    assert not [
        f for f in Guard(disable=["ru.bad_word.problema"]).check(text).findings if f.rule == "ru.bad_word.problema"
    ]
    assert not [f for f in Guard(disable=["ru.bad_word"]).check(text).findings if f.category is Category.bad_word]


def test_public_api_messages_in_english_on_request() -> None:
    english = Guard(message_lang="en")
    report = english.check("С вашей проблемой разберёмся.", lang="ru")
    finding = report.findings[0]
    rule = next(r.rule for r in english.rules if r.rule.id == finding.rule)
    edit = finding.suggestions[0]
    assert finding.message == rule.text_of_message("en", report.text[edit.start : edit.end], edit.replacement)
    assert finding.message != rule.text_of_message("ru", report.text[edit.start : edit.end], edit.replacement)
