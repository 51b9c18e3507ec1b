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

from masthead.core.management.commands.serve import CONNECTIONS_PER_WORKER


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
        _a_process_takes_at_most_its_share_of_connections(port, server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=30)
    assert server.returncode == 0, output.decode()[-2000:]
    # Neither gunicorn nor the worker outlives `serve`.
    leftover = subprocess.run(["pgrep", "-s", str(server.pid)], capture_output=True, check=False)
    assert leftover.stdout == b""


def _a_process_takes_at_most_its_share_of_connections(port: int, session: int) -> None:
    """Connections beyond a process's share wait in the kernel's queue, where another
    process can take them, rather than in the first process to accept them."""
    clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(20)]
    try:
        deadline = time.monotonic() + 10
        while (
            max(_connections_by_process(port, session).values(), default=0) < CONNECTIONS_PER_WORKER
        ):
            assert time.monotonic() < deadline, _connections_by_process(port, session)
            time.sleep(0.1)
        time.sleep(0.5)  # time enough to take the rest, were it allowed to
        held = _connections_by_process(port, session)
        assert max(held.values()) == CONNECTIONS_PER_WORKER, held
    finally:
        for client in clients:
            client.close()


def _connections_by_process(port: int, session: int) -> dict[int, int]:
    """How many established connections to `port` each process of the session holds."""
    established = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local_port, state, inode = int(fields[1].rsplit(":", 1)[1], 16), fields[3], fields[9]
            if local_port == port and state == "01":
                established.add(f"socket:[{inode}]")
    held = {}
    found = subprocess.run(["pgrep", "-s", str(session)], capture_output=True, text=True)
    for pid in map(int, found.stdout.split()):
        held[pid] = sum(_link(fd) in established for fd in _descriptors(pid))
    return held


def _descriptors(pid: int) -> list[Path]:
    try:
        return list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:  # the process ended meanwhile
        return []


def _link(descriptor: Path) -> str:
    try:
        return str(descriptor.readlink())
    except OSError:  # closed meanwhile
        return ""
