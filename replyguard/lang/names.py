"""The customer's name as the rules need it, whatever the language.

A CRM stores a name as one string («Петрова Анна Сергеевна», «Ana Novak», «王小明»); each
language adapter parses it (`LanguageAdapter.parse_name`, in its own `names` module) into
the parts below. The address checks (`kinds/address.py`) then ask language-free questions:
does the reply name this person, who else does it name, which greeting fits. Greetings are
templates in the packs, filled from `slots`, so a company changes a greeting in YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Gender = str  # "female" or "male"


@dataclass(frozen=True)
class PersonName:
    """A parsed customer name.

    `forms` holds every lowercased word form that names this person in a reply: inflected
    first name, patronymic and surname, and diminutives of the first name («саша» for
    Александра), so the checks can tell whether the reply addresses the customer at all.
    `slots` fills greeting templates: keys such as "first", "first_patronymic", "surname",
    "title" (gospa / 先生) or "dear" («Уважаемая», «Spoštovana»), each present only when
    known; a template whose slots are missing is skipped.
    """

    raw: str
    first: str | None = None
    patronymic: str | None = None
    surname: str | None = None
    gender: Gender | None = None
    forms: frozenset[str] = frozenset()
    slots: dict[str, str] = field(default_factory=dict)


def fill(template: str, slots: dict[str, str]) -> str | None:
    """The template with its {slots} filled, or None when one of them is unknown."""
    out = template
    for name in _slot_names(template):
        value = slots.get(name)
        if value is None:
            return None
        out = out.replace("{" + name + "}", value)
    return out


def _slot_names(template: str) -> list[str]:
    names = []
    at = template.find("{")
    while at != -1:
        end = template.find("}", at)
        if end == -1:
            break
        names.append(template[at + 1 : end])
        at = template.find("{", end)
    return names
