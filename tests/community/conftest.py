"""Every test's database lives at one address: the loaded community is forgotten between
tests (a server never sees its database swapped under it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from passionpath.community import forget_spaces


@pytest.fixture(autouse=True)
def fresh_community() -> Iterator[None]:
    forget_spaces()
    yield
    forget_spaces()
