"""Fixtures of the exchange tests: the independent GIFT parser, installed once per session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from coursegen.messages import speaking

from .gift_pegjs import gift_parser


@pytest.fixture(scope="session")
def gift_pegjs() -> Callable[[list[str]], list[list[dict[str, Any]]]]:
    """Parses a list of GIFT texts with gift-pegjs; fails if it rejects any of them."""
    return gift_parser()


@pytest.fixture
def english() -> Iterator[None]:
    """The readers' and writers' notes as ``coursegen --lang en`` prints them (test_cli checks the Chinese default)."""
    with speaking("en"):
        yield
