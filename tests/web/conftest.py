"""A page client on a copy of the starter catalog (SQLite only: these tests are about the
pages, and the database tests run on both backends elsewhere)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from passionpath.server import create_app


@pytest.fixture
def web(default_starter_engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(engine=default_starter_engine)) as client:
        yield client


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found is not None, page[:500]
    return found.group(1)


def main_text(page: str) -> str:
    """The words of the page's <main>, tags and repeated spaces taken out."""
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)).strip()
