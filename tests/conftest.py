"""Shared fixtures: one Guard for the whole run (packs load and compile once)."""

from __future__ import annotations

import pytest

from replyguard import Guard


@pytest.fixture(scope="session")
def guard() -> Guard:
    return Guard()
