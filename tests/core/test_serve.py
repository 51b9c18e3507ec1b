"""`masthead serve` as an operator runs it: a real server and worker on a free port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def embedded_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env["MASTHEAD_VAR_DIR"] = str(tmp_path)
    return env


def test_serve_answers_both_editions_and_the_admin_then_stops_cleanly(embedded_env):
    subprocess.run(
        [sys.executable, "-m", "masthead", "migrate", "-v0"],
        env=embedded_env,
        check=True,
        timeout=300,
    )
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "masthead", "serve", "--port", str(port), "--workers", "1"],
        env=embedded_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if _status(base + "/") == 200:
                    break
            except OSError:
                time.sleep(0.3)
        assert _status(base + "/") == 200
        assert _status(base + "/my/") == 200
        assert _status(base + "/admin/login/") == 200
        assert _status(base + "/no-such-page/") == 404
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=30)
    assert server.returncode == 0, output.decode()[-2000:]
    # Neither gunicorn nor the worker outlives `serve`.
    leftover = subprocess.run(["pgrep", "-s", str(server.pid)], capture_output=True, check=False)
    assert leftover.stdout == b""
