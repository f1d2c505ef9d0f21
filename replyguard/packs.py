"""Rule packs: find the YAML files, validate them with pydantic, report errors with file:line.

A pack file is one YAML mapping: `language`, `about` (where the words come from and what the
pack does not cover) and `rules`. A company's own pack may also carry `overrides` (change a
loaded rule's severity or message by id, or disable it) and `allow` (phrases such as brands,
product names or agreed scripts that nothing inside them is flagged in). Errors name the file,
the line, the rule id and the field, and quote the YAML around it, so a rule author never has
to read a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from replyguard import pack_cache
from replyguard.away import AwayTemplate
from replyguard.customer import CustomerVocabulary
from replyguard.errors import PackError
from replyguard.kinds import KIND_NAMES, Rule
from replyguard.kinds.promise import CommitmentLexicon
from replyguard.lang.registry import SUPPORTED
from replyguard.models import Severity


class Override(BaseModel):
    """A change to a rule loaded from an earlier pack, found by its exact id."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    severity: Severity | None = None
    message: dict[str, str] | None = None  # merged over the rule's messages, language by language
    why: str | None = None
    disable: bool = False

    @field_validator("message")
    @classmethod
    def _no_empty_message(cls, value: dict[str, str] | None) -> dict[str, str] | None:
        if value is not None and any(not text.strip() for text in value.values()):
            raise ValueError("a message text must not be empty")
        return value


class PackFile(BaseModel):
    """The top level of a rule pack file: rules, overrides, allowed phrases (at least one)."""

    model_config = ConfigDict(extra="forbid")

    language: str
    about: str = Field(min_length=1)
    rules: list[Rule] = Field(default_factory=list)
    overrides: list[Override] = Field(default_factory=list)
    allow: list[str] = Field(default_factory=list)
    # which future verbs are promises, and of what kind (see kinds/promise.py)
    commitments: CommitmentLexicon | None = None
    # how the customer's message is read (see customer.py)
    customer: CustomerVocabulary | None = None
    # the away auto-reply's sentences (see away.py)
    away: AwayTemplate | None = None


@dataclass(frozen=True)
class Lexicons:
    """A pack file's data sections besides its rules (each optional)."""

    commitments: CommitmentLexicon | None
    customer: CustomerVocabulary | None
    away: AwayTemplate | None


@dataclass(frozen=True)
class PlacedOverride:
    """An override and the place it was written, for errors."""

    override: Override
    path: str
    line: int


@dataclass(frozen=True)
class PackSet:
    """Everything the packs under some paths define, overrides already applied: the enabled
    rules, and per language the phrases allowed as they are."""

    rules: list[LoadedRule]
    allow: dict[str, tuple[str, ...]]
    commitments: dict[str, CommitmentLexicon] = field(default_factory=dict)  # per language
    customer: dict[str, CustomerVocabulary] = field(default_factory=dict)  # per language
    away: dict[str, AwayTemplate] = field(default_factory=dict)  # per language: the last pack's


@dataclass(frozen=True)
class LoadedRule:
    """A validated rule and where it came from (for error messages and `rules list`)."""

    rule: Any
    path: str
    line: int
    lang: str


def bundled_rules_dir() -> Path:
    """The packs shipped with replyguard: inside the wheel, or the repository's top-level rules/."""
    inside = Path(__file__).resolve().parent / "rules"
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parent.parent / "rules"


def pack_files(paths: Iterable[str | Path]) -> list[Path]:
    """Every *.yaml under the given files or folders, in a stable order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.yaml") if p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise PackError(str(path), "no such rule file or folder")
    return found


def load_pack(path: Path, content: bytes | None = None) -> list[LoadedRule]:
    """Validate one pack file (its `content` when already read) and return its rules; raises
    PackError pointing at the offending line and field."""
    return _load_one(path, content)[0]


def _load_one(
    path: Path, content: bytes | None = None
) -> tuple[list[LoadedRule], list[PlacedOverride], str, list[str], Lexicons]:
    """A pack file's rules, overrides, language, allowed phrases and lexicons, validated."""
    raw = (path.read_bytes() if content is None else content).decode("utf-8")
    text = raw.replace("\r\n", "\n").replace("\r", "\n")  # as read_text's universal newlines
    try:
        node, data = _parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise PackError(
            str(path), f"not valid YAML: {getattr(exc, 'problem', exc)}", line=line, excerpt=_excerpt(text, line)
        ) from None
    if not isinstance(data, dict):
        raise PackError(str(path), "a pack is a mapping with 'language', 'about' and 'rules'", line=1)
    try:
        pack = PackFile.model_validate(data)
    except ValidationError as exc:
        raise _pack_error(path, text, node, data, exc) from None
    if pack.language not in SUPPORTED:
        raise PackError(
            str(path),
            f"unknown language '{pack.language}'; supported: {', '.join(SUPPORTED)}",
            line=1,
            field="language",
        )
    if not (pack.rules or pack.overrides or pack.allow or pack.commitments or pack.customer or pack.away):
        raise PackError(
            str(path),
            "a pack needs at least one of 'rules', 'overrides', 'allow', 'commitments', 'customer' or 'away'",
            line=1,
        )
    for n, phrase in enumerate(pack.allow):
        if not phrase.strip():
            line = _line_of(_child(_child(node, "allow"), n))
            raise PackError(str(path), "an allowed phrase must not be empty", line=line, field="allow")
    override_nodes = _child(node, "overrides")
    overrides = [
        PlacedOverride(o, str(path), _line_of(_child(override_nodes, n)) or 0) for n, o in enumerate(pack.overrides)
    ]
    rule_nodes = _child(node, "rules")
    loaded = []
    for n, rule in enumerate(pack.rules):
        line = _line_of(_child(rule_nodes, n))
        problems = {
            "id": f"the id must start with '{pack.language}.'" if not rule.id.startswith(pack.language + ".") else "",
            "message": f"a message in '{pack.language}' is required besides 'en'"
            if pack.language not in rule.message
            else "",
        }
        for name, problem in problems.items():
            if problem:
                raise PackError(
                    str(path), problem, line=line, rule_id=rule.id, field=name, excerpt=_excerpt(text, line)
                )
        loaded.append(LoadedRule(rule, str(path), line or 0, pack.language))
    return loaded, overrides, pack.language, pack.allow, Lexicons(pack.commitments, pack.customer, pack.away)


def load_packs(paths: Iterable[str | Path], *, cache: bool = True) -> list[LoadedRule]:
    """The enabled rules of every pack under `paths` (see `load_pack_set`)."""
    return load_pack_set(paths, cache=cache).rules


def load_pack_set(paths: Iterable[str | Path], *, cache: bool = True) -> PackSet:
    """Load every pack under `paths`, in order; a rule id defined twice is an error naming
    both places, and an override applies to a rule of an earlier file (so a company pack
    given after the bundled ones can retune them).

    With `cache`, packs validated by an earlier process are read back from the per-user
    cache (see `pack_cache`) when no file changed; a miss validates and stores them.
    """
    files = {path: path.read_bytes() for path in pack_files(paths)}  # each file read once
    key = pack_cache.cache_key(files) if cache else ""
    if cache:
        cached = pack_cache.read(key)
        if isinstance(cached, PackSet):
            return cached
    packs = _load_files(files)
    if cache:
        pack_cache.write(key, packs)
    return packs


def _load_files(files: dict[Path, bytes]) -> PackSet:
    rules: list[LoadedRule] = []
    seen: dict[str, LoadedRule] = {}
    disabled: set[str] = set()
    allow: dict[str, list[str]] = {}
    commitments: dict[str, CommitmentLexicon] = {}
    customer: dict[str, CustomerVocabulary] = {}
    away: dict[str, AwayTemplate] = {}
    for path, content in files.items():
        loaded_rules, overrides, lang, allowed, lexicons = _load_one(path, content)
        _merge(commitments, lang, lexicons.commitments)
        _merge(customer, lang, lexicons.customer)
        _merge(away, lang, lexicons.away)
        allow.setdefault(lang, []).extend(" ".join(p.split()) for p in allowed)
        for placed in overrides:
            _apply_override(placed, seen, rules, disabled)
        for loaded in loaded_rules:
            first = seen.get(loaded.rule.id)
            if first is not None:
                raise PackError(
                    loaded.path,
                    f"duplicate rule id, first defined at {first.path}:{first.line}",
                    line=loaded.line,
                    rule_id=loaded.rule.id,
                    field="id",
                )
            seen[loaded.rule.id] = loaded
            rules.append(loaded)
    enabled = [r for r in rules if r.rule.id not in disabled]
    allowed_as_is = {lang: tuple(dict.fromkeys(p)) for lang, p in allow.items() if p}
    return PackSet(enabled, allowed_as_is, commitments, customer, away)


class _Mergeable(Protocol):
    def merged(self, other: Any) -> Any: ...


_M = TypeVar("_M", bound=_Mergeable)


def _merge(known: dict[str, _M], lang: str, section: _M | None) -> None:
    """A pack's section added to what earlier packs of its language defined."""
    if section is not None:
        earlier = known.get(lang)
        known[lang] = earlier.merged(section) if earlier is not None else section


def _apply_override(
    placed: PlacedOverride, seen: dict[str, LoadedRule], rules: list[LoadedRule], disabled: set[str]
) -> None:
    """Change (or disable) a rule loaded from an earlier file, in place in `rules`."""
    override = placed.override
    target = seen.get(override.id)
    if target is None:
        raise PackError(
            placed.path,
            "an override names a rule that no earlier pack defines (overrides apply to packs loaded before them)",
            line=placed.line,
            rule_id=override.id,
            field="overrides.id",
        )
    if override.disable:
        disabled.add(override.id)
        return
    update: dict[str, Any] = {}
    if override.severity is not None:
        update["severity"] = override.severity
    if override.message is not None:
        update["message"] = {**target.rule.message, **override.message}
    if override.why is not None:
        update["why"] = override.why
    changed = LoadedRule(target.rule.model_copy(update=update), target.path, target.line, target.lang)
    rules[rules.index(target)] = changed
    seen[override.id] = changed


def _pack_error(path: Path, text: str, node: Any, data: dict, exc: ValidationError) -> PackError:
    error = exc.errors()[0]
    loc = list(error["loc"])
    rule_id = None
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rules = data.get("rules") or []
        if loc[1] < len(rules) and isinstance(rules[loc[1]], dict):
            rule_id = rules[loc[1]].get("id")
    if error["type"] == "union_tag_invalid":
        loc.append("kind")
    target = node
    fields: list[str] = []
    for position, key in enumerate(loc):
        child = _child(target, key)
        if child is None:
            if position == 2 and key in KIND_NAMES:
                continue  # pydantic's union tag (e.g. 'lexicon') is not a YAML key
            fields.append(str(key))
            break  # a missing field: point at its parent
        target = child
        fields.append(str(key))
    field = ".".join(f for f in fields if not f.isdigit()) or None
    problem = error["msg"]
    if error["type"] == "union_tag_invalid":
        problem = f"unknown rule kind; allowed kinds: {', '.join(KIND_NAMES)}"
    elif error["type"] == "extra_forbidden":
        problem = f"unknown field '{loc[-1]}' (check the spelling; see the kind's documented fields)"
    elif error["type"] == "missing":
        problem = f"missing required field '{loc[-1]}'"
    line = _line_of(target)
    return PackError(str(path), problem, line=line, rule_id=rule_id, field=field, excerpt=_excerpt(text, line))


def _parse(text: str) -> tuple[Any, Any]:
    """The YAML node tree (for line numbers) and the data built from it, in one pass."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: packs load ~10x faster


def _child(node: Any, key: Any) -> Any:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == key:
                return value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None


def _line_of(node: Any) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _excerpt(text: str, line: int | None, around: int = 2) -> str:
    """The YAML lines around `line`, numbered, with the offending one marked."""
    if not line:
        return ""
    lines = text.splitlines()
    low, high = max(1, line - around), min(len(lines), line + around)
    return "\n".join(f"{'>' if n == line else ' '} {n:>4} | {lines[n - 1]}" for n in range(low, high + 1))
