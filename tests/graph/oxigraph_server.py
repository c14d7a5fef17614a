"""A real ``oxigraph serve`` (PyPI package ``oxigraph``) on 127.0.0.1 and a free port, for the tests.

Use as a fixture: ``from .oxigraph_server import oxigraph_server  # noqa: F401``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` server next to this Python (the venv's bin) or on PATH."""
    local = Path(sys.executable).parent / "oxigraph"
    if local.exists() and os.access(local, os.X_OK):
        return str(local)
    return shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph serve exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise RuntimeError(f"oxigraph serve did not answer on {url} within {seconds}s")


@contextmanager
def running_oxigraph(location: Path):
    """Run ``oxigraph serve`` on a free port with its data in ``location``; yields the base URL."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.fail("the oxigraph server is missing: pip install oxigraph (it is in the test extra)")
    url = f"http://127.0.0.1:{free_port()}"
    location.mkdir(parents=True, exist_ok=True)
    log = open(location / "oxigraph.log", "wb")
    process = subprocess.Popen([binary, "serve", "--location", str(location / "oxigraph"),
                                "--bind", url.removeprefix("http://")], stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture()
def oxigraph_server(tmp_path):
    """The base URL of a fresh, empty Oxigraph server; stopped after the test."""
    with running_oxigraph(tmp_path) as url:
        yield url
