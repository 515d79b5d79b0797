"""`banwatch serve` as a user starts it: a real process on a loopback port."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_banwatch_serve_answers_on_loopback(tmp_path: Path) -> None:
    port = _free_port()
    db = f"sqlite:///{tmp_path / 'banwatch.db'}"
    command = [
        sys.executable,
        "-c",
        "from banwatch.cli import app; app()",
        "--db",
        db,
        "serve",
        "--port",
        str(port),
        "--reviewer",
        "zoe",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/queue", timeout=2)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode() if process.stdout else ""
                    pytest.fail(f"serve did not answer: {output}")
                time.sleep(0.3)
        assert response.status_code == 200
        assert "reviewing as <strong>zoe</strong>" in response.text
        assert "0 pending events" in response.text
        assert response.headers["content-security-policy"].startswith("default-src 'none'")
        assert "server" not in response.headers, "no server banner"
    finally:
        process.terminate()
        process.wait(timeout=20)
        if process.stdout:
            process.stdout.close()
