"""Russian: spaCy's tokenizer + pymorphy3 (lemmas, morphology, inflection)."""

from replyguard.lang.ru.adapter import RussianAdapter

ADAPTER = RussianAdapter
