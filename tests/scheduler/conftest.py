"""Fixtures for the scheduler tests: real servers on loopback (see ``scheduler_support``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

sys.path.insert(0, str(Path(__file__).parent))

from scheduler_support import Mailbox, NewsSite, Webhook, free_port  # noqa: E402


@pytest.fixture
def news_site() -> Iterator[NewsSite]:
    """A loopback news site with an empty feed; tests publish articles to it."""
    site = NewsSite()
    site.start()
    try:
        yield site
    finally:
        site.stop()


@pytest.fixture
def smtp_server() -> Iterator[tuple[Controller, Mailbox]]:
    """A real SMTP server (aiosmtpd) on a free loopback port, and what it received."""
    mailbox = Mailbox()
    # aiosmtpd checks readiness by connecting to the port it was given, so not 0.
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller, mailbox
    finally:
        controller.stop()


@pytest.fixture
def webhook() -> Iterator[Webhook]:
    """A local HTTP endpoint that keeps the JSON bodies POSTed to it."""
    hook = Webhook()
    try:
        yield hook
    finally:
        hook.close()
