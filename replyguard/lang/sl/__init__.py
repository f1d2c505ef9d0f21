"""Slovenian: spaCy's tokenizer + lemmagen3."""

from replyguard.lang.sl.adapter import SlovenianAdapter

ADAPTER = SlovenianAdapter
