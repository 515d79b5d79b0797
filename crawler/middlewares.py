"""Downloader middleware that keeps the crawl away from private networks (SSRF).

A news crawler fetches URLs that strangers wrote into feeds. Without this guard
a feed could point it at a router's admin page or a cloud metadata service.
Private, loopback, link-local and reserved addresses are refused unless the
source that led to the request allows them (the demo and the tests do).
"""

from __future__ import annotations

import ipaddress
import socket
from functools import lru_cache
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from w3lib.url import safe_url_string

ALLOW_PRIVATE_META = "banwatch_allow_private"


def is_public_address(address: str) -> bool:
    """True for addresses on the public internet; False for private, loopback and the like."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return ip.is_global and not ip.is_multicast


@lru_cache(maxsize=4096)
def resolve_host(host: str) -> tuple[str, ...]:
    """Every address ``host`` resolves to (cached: one lookup per host per crawl)."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror:
        return ()
    return tuple(sorted({str(info[4][0]) for info in infos}))


class PrivateAddressGuard:
    """Refuse requests to non-public addresses unless their source allows it."""

    def __init__(self, allowed_hosts: set[str]) -> None:
        self.allowed_hosts = allowed_hosts

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PrivateAddressGuard:
        return cls(set(crawler.settings.getlist("BANWATCH_PRIVATE_HOSTS")))

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        host = urlsplit(safe_url_string(request.url)).hostname
        if not host:
            raise IgnoreRequest(f"no host in {request.url}")
        if request.meta.get(ALLOW_PRIVATE_META) or host in self.allowed_hosts:
            return None
        addresses = resolve_host(host)
        if not addresses:
            return None  # the download will fail with a DNS error, recorded as such
        private = [a for a in addresses if not is_public_address(a)]
        if private:
            raise IgnoreRequest(
                f"refused {request.url}: {host} resolves to non-public address {private[0]}"
                " (allow_private is off for this source)"
            )
        return None
