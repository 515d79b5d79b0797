"""The SSRF guard refuses private addresses unless the source allows them."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest

from banwatch.crawler.middlewares import ALLOW_PRIVATE_META, PrivateAddressGuard, is_public_address


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.5", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("::1", False),
        ("fe80::1", False),
        ("0.0.0.0", False),
        ("8.8.8.8", True),
        ("2606:4700:4700::1111", True),
    ],
)
def test_is_public_address(address: str, public: bool) -> None:
    assert is_public_address(address) is public


def test_loopback_refused_without_permission() -> None:
    guard = PrivateAddressGuard(allowed_hosts=set())
    with pytest.raises(IgnoreRequest, match="non-public address"):
        guard.process_request(Request("http://127.0.0.1:9/feed.xml"))
    with pytest.raises(IgnoreRequest, match="non-public address"):
        guard.process_request(Request("http://localhost:9/feed.xml"))


def test_allowed_by_source_or_host() -> None:
    guard = PrivateAddressGuard(allowed_hosts={"127.0.0.1"})
    assert guard.process_request(Request("http://127.0.0.1:9/a")) is None
    guard = PrivateAddressGuard(allowed_hosts=set())
    request = Request("http://127.0.0.1:9/a", meta={ALLOW_PRIVATE_META: True})
    assert guard.process_request(request) is None
