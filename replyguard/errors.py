"""Numbered errors: each says what happened and what to do about it.

Codes are never reused. The library raises these and never prints; only the CLI writes prose.
"""

from __future__ import annotations

from typing import Any


class ReplyguardError(Exception):
    """Base class, so a caller can catch everything replyguard raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by message and attributes (subclasses take other constructor arguments),
        so an error raised in a worker process of `check_many(jobs=)` reaches the caller."""
        return (_restore, (type(self), self.args, dict(self.__dict__)))


def _restore(cls: type[ReplyguardError], args: tuple[Any, ...], state: dict[str, Any]) -> ReplyguardError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class UnsupportedLanguage(ReplyguardError, ValueError):
    """The reply is in (or was declared as) a language without an adapter and rule pack."""

    code = "E001"

    def __init__(
        self, lang: str | None, supported: tuple[str, ...], reason: str = "", *, detected: bool = True
    ) -> None:
        self.lang = lang
        self.supported = supported
        found = f"'{lang}'" if lang else "a language that could not be recognised"
        why = f" ({reason})" if reason else ""
        advice = " Pass lang= explicitly if the detection is wrong." if detected else ""
        super().__init__(f"The reply is in {found}{why}; replyguard supports {', '.join(supported)}.{advice}")


class PackError(ReplyguardError, ValueError):
    """A rule pack file is malformed: names the file, line, rule id and field."""

    code = "E002"

    def __init__(
        self,
        path: str,
        problem: str,
        *,
        line: int | None = None,
        rule_id: str | None = None,
        field: str | None = None,
        excerpt: str = "",
    ) -> None:
        self.path = path
        self.line = line
        self.rule_id = rule_id
        self.field = field
        where = f"{path}:{line}" if line else path
        parts = [where]
        if rule_id:
            parts.append(f"rule {rule_id}")
        if field:
            parts.append(f"field '{field}'")
        text = ", ".join(parts) + f": {problem}"
        if excerpt:
            text += "\n" + excerpt
        super().__init__(text)


class MissingDependency(ReplyguardError, ImportError):
    """A language needs a package that is not installed; says which pip extra brings it."""

    code = "E003"

    def __init__(self, package: str, lang: str) -> None:
        self.package = package
        super().__init__(
            f"The '{lang}' adapter needs the package '{package}', which is not installed. "
            f"Install it with: pip install 'replyguard[{lang}]' (or pip install {package})."
        )


class InvalidInput(ReplyguardError, TypeError):
    """check() got something that is not a reply text."""

    code = "E004"


class UnknownRule(ReplyguardError, ValueError):
    """disable= or apply(ids=) named a rule id that no loaded pack defines."""

    code = "E005"


class EmptyText(InvalidInput):
    """The draft is empty or only whitespace: there is nothing to check (a caller's bug)."""

    code = "E006"


class TextTooLong(InvalidInput):
    """The draft is longer than the Guard's `max_chars`: probably not a reply (a log, a file)."""

    code = "E007"

    def __init__(self, length: int, limit: int) -> None:
        self.length = length
        self.limit = limit
        super().__init__(
            f"the text has {length:,} characters, more than the limit of {limit:,} for one reply; "
            "check it in parts, or raise the limit (Guard(max_chars=...); on the command line --max-chars)"
        )


class InvalidContext(ReplyguardError, ValueError):
    """The context does not have the documented shape: names each bad field and why."""

    code = "E008"

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("the context is not valid: " + "; ".join(problems))
