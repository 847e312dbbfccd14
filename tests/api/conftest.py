"""An API client on a fresh copy of the starter catalog."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from passionpath.server import create_app


@pytest.fixture
def client(starter_engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(engine=starter_engine)) as test_client:
        yield test_client
