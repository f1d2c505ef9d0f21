"""Which cases a Russian preposition governs: narrows an ambiguous noun form («из-за проблемы»).

Source: standard Russian grammar (Russian Grammar 1980, §§ on prepositions); only
prepositions common in support replies are listed. Cases use pymorphy3's grammeme names.
"""

PREPOSITION_CASES: dict[str, frozenset[str]] = {
    "без": frozenset({"gent"}),
    "в": frozenset({"accs", "loct", "loc2"}),
    "во": frozenset({"accs", "loct", "loc2"}),
    "для": frozenset({"gent"}),
    "до": frozenset({"gent"}),
    "за": frozenset({"accs", "ablt"}),
    "из": frozenset({"gent"}),
    "из-за": frozenset({"gent"}),
    "из-под": frozenset({"gent"}),
    "к": frozenset({"datv"}),
    "ко": frozenset({"datv"}),
    "кроме": frozenset({"gent"}),
    "между": frozenset({"ablt"}),
    "на": frozenset({"accs", "loct", "loc2"}),
    "над": frozenset({"ablt"}),
    "о": frozenset({"loct", "accs"}),
    "об": frozenset({"loct", "accs"}),
    "обо": frozenset({"loct"}),
    "от": frozenset({"gent"}),
    "перед": frozenset({"ablt"}),
    "по": frozenset({"datv", "loct", "accs"}),
    "под": frozenset({"accs", "ablt"}),
    "после": frozenset({"gent"}),
    "при": frozenset({"loct"}),
    "про": frozenset({"accs"}),
    "с": frozenset({"ablt", "gent", "accs"}),
    "со": frozenset({"ablt", "gent", "accs"}),
    "у": frozenset({"gent"}),
    "через": frozenset({"accs"}),
}
