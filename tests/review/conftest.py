"""Fixtures for the review app: a seeded database and clients on loopback or beyond."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from starlette.testclient import TestClient

from banwatch.review import ReviewConfig, create_app

from .seeding import seed_review_data

CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')


@pytest.fixture
def seeded(engine: Engine) -> dict[str, int]:
    """Event ids by case name (see ``seeding.seed_review_data``)."""
    return seed_review_data(engine)


@pytest.fixture
def local_client(db_url: str, seeded: dict[str, int]) -> Iterator[TestClient]:
    """The app as `banwatch serve` runs it by default: loopback, no sign-in, reviewer 'ana'."""
    app = create_app(ReviewConfig(db_url=db_url, reviewer="ana"))
    with TestClient(app, base_url="http://127.0.0.1:8700") as client:
        yield client


@pytest.fixture
def public_client(db_url: str, seeded: dict[str, int]) -> Iterator[TestClient]:
    """The app configured for 0.0.0.0 (never listening: TestClient calls it in-process)."""
    app = create_app(ReviewConfig(db_url=db_url, host="0.0.0.0", secret_key="test-secret"))
    with TestClient(app, base_url="http://review.example") as client:
        yield client


def csrf_of(client: TestClient, path: str = "/queue") -> str:
    """The CSRF token a page hands this client's session."""
    response = client.get(path)
    assert response.status_code == 200, response.text
    match = CSRF.search(response.text)
    assert match, f"no CSRF token on {path}"
    return match.group(1)
