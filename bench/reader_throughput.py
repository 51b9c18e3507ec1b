"""Reader throughput: one article page of the demo newsroom, served four ways, under wrk.

    .venv/bin/python bench/reader_throughput.py [--duration 20] [--rounds 5]

In a temporary MASTHEAD_VAR_DIR it runs `masthead demo` (migrate, load Ayeyar Chronicle,
publish every page), picks the first story on the English news front, and measures it with
`wrk -t2 -c32 -d20s --latency` on 127.0.0.1, with and without `Accept-Encoding: gzip`:

  a0  nginx, a plain copy of the page's files at /plain.html (`location =`, no try_files),
      sent with the same response headers as (a), written out as constants: a plain file
      of the same size, the baseline for (a)
  a0- the same plain copy without those headers (about 500 bytes fewer), for reference
  a   nginx with deploy/nginx.conf serving the published file (try_files, its headers)
  b   `masthead serve --no-worker`: gunicorn, the app's own file server (PublishedFiles)
  c   the same, with MASTHEAD_PUBLISHED_ROOT empty: every request rendered by Django

The nginx runs take turns (a0-, a0, a, then again) for --rounds rounds, and each row shows
the run with the median req/s: two cores shared by wrk and nginx make one run vary by
±15 %, more than the difference being measured. With three rounds the median of (a) against
(a0) still moved by three points from one session to the next (93 %, then 89.6 %): five
rounds are the default.

Targets: a within 10 % of a0; b at least 2,000 req/s; c at least 300 req/s. nginx runs as
the current user with a temporary prefix, its site configuration being deploy/nginx.conf
with only the site-specific values rewritten (as tests/deploy/test_nginx.py does), over
plain HTTP like b and c: TLS termination is not measured. Every server listens on a free
127.0.0.1 port picked here and is stopped at the end, also on error or Ctrl-C. A benchmark,
not a test: it prints figures and asserts nothing. Needs nginx and wrk (Debian packages,
installed by ./scripts/system-packages).
"""

from __future__ import annotations

import argparse
import contextlib
import grp
import http.client
import os
import platform
import pwd
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
NGINX = Path("/usr/sbin/nginx")
WRK = Path("/usr/bin/wrk")
MIME_TYPES = Path("/etc/nginx/mime.types")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
SITE_CONFIG = ROOT / "deploy" / "nginx.conf"
SECURITY_HEADERS = ROOT / "deploy" / "nginx-security-headers.conf"
PLAIN_PATH, BARE_PATH = "/plain.html", "/plain-bare.html"
# Headers nginx sends with any static file; (a)'s others are copied onto /plain.html.
STATIC_FILE_HEADERS = {
    "server", "date", "content-type", "content-length", "last-modified", "connection",
    "etag", "accept-ranges", "content-encoding", "vary",
}  # fmt: skip
THREADS, CONNECTIONS, WARM_UP_SECONDS = 2, 32, 2
ENCODINGS = {"identity": None, "gzip": "gzip"}  # what wrk sends as Accept-Encoding
# Environment passed through to the servers; everything else (DATABASE_URL, REDIS_URL,
# WEB_CONCURRENCY...) is left out so the run is the embedded default with its own defaults.
PASSED_THROUGH = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    port: int
    path: str


@dataclass(frozen=True)
class Server:
    """A server we started: its process group (all its processes) and where it logs."""

    group: int
    log: Path


@dataclass(frozen=True)
class Measurement:
    target: Target
    encoding: str
    served_encoding: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx_3xx: int
    socket_errors: int
    timeouts: int
    transfer_bytes_per_second: float
    server_cpu_seconds: float
    all_rounds: tuple[float, ...] = ()  # req/s of every round, when there were several

    @property
    def server_cpu_us_per_request(self) -> float:
        # A request wrk gave up on (after 2 s) was still handled by the server.
        return self.server_cpu_seconds * 1e6 / max(self.requests + self.timeouts, 1)

    @property
    def bytes_per_response(self) -> float:
        return self.transfer_bytes_per_second / max(self.requests_per_second, 1e-9)


# --- Processes ------------------------------------------------------------------------------


def _raise_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # so every `finally` below stops its servers


def show(command: list[str]) -> None:
    print(f"  $ {shlex.join(command)}", flush=True)


def masthead_command() -> list[str]:
    script = Path(sys.executable).with_name("masthead")
    return [str(script)] if script.exists() else [sys.executable, "-m", "masthead"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def stop_group(process: subprocess.Popen[bytes], timeout: float = 20) -> None:
    """SIGTERM to the process we started, then SIGKILL to its whole process group."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=timeout)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # stragglers: the group is ours alone
    process.wait()


def group_cpu_seconds(group: int) -> float:
    """User + system CPU time of the live processes in a process group (from /proc)."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            # After the command name in parentheses: state, ppid, pgrp, ... utime, stime.
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == group:
                ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def get(port: int, path: str, accept_encoding: str | None) -> tuple[int, str, bytes]:
    status, headers, body = get_with_headers(port, path, accept_encoding)
    return status, dict(headers).get("content-encoding", "identity"), body


def get_with_headers(
    port: int, path: str, accept_encoding: str | None
) -> tuple[int, list[tuple[str, str]], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        headers = {"Accept-Encoding": accept_encoding} if accept_encoding else {}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        answered = [(name.lower(), value) for name, value in response.getheaders()]
        return response.status, answered, response.read()
    finally:
        connection.close()


def wait_until_answering(
    process: subprocess.Popen[bytes], port: int, path: str, log: Path, timeout: float = 90
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{tail(log)}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            if get(port, path, None)[0] == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"no answer on 127.0.0.1:{port}{path} within {timeout:.0f} s:\n{tail(log)}")


def tail(log: Path, lines: int = 30) -> str:
    if not log.exists():
        return ""
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


# --- Set-up: the demo newsroom and the article ----------------------------------------------


def server_environment(var: Path, published_root: Path | None = None) -> dict[str, str]:
    env = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
    env.update(
        MASTHEAD_VAR_DIR=str(var),
        MASTHEAD_ENV="development",
        DJANGO_SETTINGS_MODULE="masthead.config.settings",
    )
    if published_root is not None:
        env["MASTHEAD_PUBLISHED_ROOT"] = str(published_root)
    return env


def load_demo(env: dict[str, str]) -> None:
    command = [*masthead_command(), "demo"]
    show(command)
    started = time.monotonic()
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"masthead demo failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    published = [line.strip() for line in done.stdout.splitlines() if "pages published" in line]
    print(f"    {'; '.join(published)} (demo took {time.monotonic() - started:.0f} s)")


def page_file(published: Path, url: str) -> Path:
    return published / url.strip("/") / "index.html"


def pick_article(published: Path) -> str:
    """The first story linked from the English news front."""
    front = page_file(published, "/news/").read_text(encoding="utf-8")
    for url in dict.fromkeys(re.findall(r'href="(/news/[^"?#]+/)"', front)):
        file = page_file(published, url)
        if file.is_file() and 'property="og:type" content="article"' in file.read_text("utf-8"):
            return url
    raise RuntimeError("no article linked from the published /news/index.html")


def copy_plain_page(article: Path, folder: Path) -> Path:
    """The article's file and its .gz/.br siblings as /plain.html and /plain-bare.html in a
    folder of their own."""
    folder.mkdir()
    for suffix in ("", ".gz", ".br"):
        source = article.with_name(article.name + suffix)
        if source.exists():
            for path in (PLAIN_PATH, BARE_PATH):
                shutil.copyfile(source, folder / (path.lstrip("/") + suffix))
    return folder


# --- nginx: deploy/nginx.conf on free ports --------------------------------------------------


def _replace(text: str, old: str, new: str) -> str:
    if old not in text:
        raise RuntimeError(f"deploy/nginx.conf no longer contains {old!r}")
    return text.replace(old, new)


def site_config(
    *,
    var: Path,
    plain: Path,
    port: int,
    http_port: int,
    app_port: int,
    plain_headers: Sequence[tuple[str, str]] = (),
) -> str:
    """deploy/nginx.conf for this run: its ports, its var/, HTTP only, plus the plain
    copies: /plain-bare.html, and /plain.html with `plain_headers` as constants."""
    text = SITE_CONFIG.read_text()
    text = _replace(text, "server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};")
    text = _replace(text, "listen 443 ssl http2;", f"listen 127.0.0.1:{port};")
    text = _replace(text, "listen 80;", f"listen 127.0.0.1:{http_port};")
    text = re.sub(r"\n *listen \[::\]:\d+[^;]*;", "", text)
    text = re.sub(r"\n *ssl_\w+ [^;]*;", "", text)  # plain HTTP: no certificate needed
    text = _replace(text, "set $masthead_var /srv/masthead/var;", f"set $masthead_var {var};")
    if not BROTLI_MODULE.exists():
        text = _replace(text, "    brotli_static on;\n", "")
    constants = "".join(
        f"        add_header {name} {nginx_string(value)} always;\n"
        for name, value in plain_headers
    )
    baseline = (
        f"    location = {PLAIN_PATH} {{\n        root {plain};\n{constants}    }}\n\n"
        f"    location = {BARE_PATH} {{\n        root {plain};\n    }}\n\n"
    )
    return _replace(text, "    location / {\n", baseline + "    location / {\n")


def nginx_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def headers_of_a(port: int, path: str) -> list[tuple[str, str]]:
    """The response headers (a) sends beyond those of any static file, in its order."""
    status, headers, _ = get_with_headers(port, path, "gzip")
    if status != 200:
        raise RuntimeError(f"{path} answered {status}")
    return [(name, value) for name, value in headers if name not in STATIC_FILE_HEADERS]


def main_config(folder: Path, site: Path) -> str:
    """Like Debian's /etc/nginx/nginx.conf, with everything nginx writes kept in `folder`."""
    lines = []
    if os.geteuid() == 0:  # nginx's workers would otherwise drop to "nobody"
        user = pwd.getpwuid(os.geteuid()).pw_name
        lines.append(f"user {user} {grp.getgrgid(os.getegid()).gr_name};")
    if BROTLI_MODULE.exists():
        lines.append(f"load_module {BROTLI_MODULE};")
    temporary = " ".join(
        f"{kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    lines += [
        "worker_processes auto;",
        f"pid {folder / 'nginx.pid'};",
        f"error_log {folder / 'error.log'} warn;",
        "events { worker_connections 768; }",
        "http {",
        "    sendfile on;",
        "    tcp_nopush on;",
        "    types_hash_max_size 2048;",
        f"    include {MIME_TYPES};",
        "    default_type application/octet-stream;",
        "    access_log off;",
        f"    {temporary}",
        f"    include {site};",
        "}",
    ]
    return "\n".join(lines) + "\n"


def reload_nginx(server: Server, port: int, path: str, wanted: list[tuple[str, str]]) -> None:
    """SIGHUP to nginx's master (it re-reads its configuration), then wait for `path` to
    answer with the `wanted` headers."""
    os.kill(server.group, signal.SIGHUP)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        status, headers, _ = get_with_headers(port, path, "gzip")
        if status == 200 and all(header in headers for header in wanted):
            return
        time.sleep(0.2)
    raise RuntimeError(f"nginx did not reload within 30 s:\n{tail(server.log)}")


@contextlib.contextmanager
def nginx_running(folder: Path, port: int, probe_path: str) -> Iterator[Server]:
    command = [
        *(str(NGINX), "-p", str(folder), "-c", str(folder / "nginx.conf")),
        *("-e", str(folder / "error.log"), "-g", "daemon off;"),
    ]
    show(command)
    log = folder / "error.log"
    with log.open("ab") as output:
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_until_answering(process, port, probe_path, log)
        yield Server(process.pid, log)
    finally:
        stop_group(process)


# --- masthead serve -------------------------------------------------------------------------


@contextlib.contextmanager
def masthead_serving(
    env: dict[str, str], port: int, probe_path: str, log: Path
) -> Iterator[Server]:
    """`masthead serve --no-worker` on `port` (gunicorn, as many workers as it picks)."""
    command = [*masthead_command(), "serve", "--host", "127.0.0.1", "--port", str(port)]
    command.append("--no-worker")
    show(command)
    with log.open("ab") as output:
        process = subprocess.Popen(
            command,
            env=env,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until_answering(process, port, probe_path, log)
        workers = log.read_text(errors="replace").count("Booting worker with pid")
        print(f"    gunicorn workers: {workers} (masthead serve's default, cores + 1)")
        yield Server(process.pid, log)
    finally:
        stop_group(process)


# --- wrk -------------------------------------------------------------------------------------

TIME_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
SIZE_UNITS = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3, "TB": 1024**4}


def wrk_command(target: Target, encoding: str, seconds: int) -> list[str]:
    command = [str(WRK), f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    if ENCODINGS[encoding]:
        command += ["-H", f"Accept-Encoding: {ENCODINGS[encoding]}"]
    return [*command, f"http://127.0.0.1:{target.port}{target.path}"]


def _number(pattern: str, output: str) -> re.Match[str]:
    found = re.search(pattern, output, re.MULTILINE)
    if found is None:
        raise RuntimeError(f"wrk printed no {pattern!r}:\n{output}")
    return found


def parse_wrk(
    output: str, target: Target, encoding: str, served: str, cpu_seconds: float
) -> Measurement:
    def milliseconds(percent: str) -> float:
        found = _number(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\b", output)
        return float(found[1]) * TIME_UNITS[found[2]]

    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    transfer = _number(r"^Transfer/sec:\s+([\d.]+)(\w+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return Measurement(
        target=target,
        encoding=encoding,
        served_encoding=served,
        requests_per_second=float(_number(r"^Requests/sec:\s+([\d.]+)", output)[1]),
        p50_ms=milliseconds("50"),
        p99_ms=milliseconds("99"),
        requests=int(_number(r"^\s+(\d+) requests in", output)[1]),
        non_2xx_3xx=int(non_2xx[1]) if non_2xx else 0,
        socket_errors=sum(map(int, socket_errors.groups())) if socket_errors else 0,
        timeouts=int(socket_errors[4]) if socket_errors else 0,
        transfer_bytes_per_second=float(transfer[1]) * SIZE_UNITS[transfer[2]],
        server_cpu_seconds=cpu_seconds,
    )


def measure(target: Target, server: Server, encoding: str, seconds: int) -> Measurement:
    """One request to check the answer, a warm-up, then the measured wrk run."""
    status, served, body = get(target.port, target.path, ENCODINGS[encoding])
    if status != 200:
        raise RuntimeError(f"{target.key}: {target.path} answered {status}:\n{tail(server.log)}")
    print(f"  {target.key} {encoding}: one request → 200, {served}, {len(body):,} bytes of body")
    subprocess.run(wrk_command(target, encoding, WARM_UP_SECONDS), check=True, capture_output=True)
    command = wrk_command(target, encoding, seconds)
    show(command)
    cpu_before = group_cpu_seconds(server.group)
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    cpu_seconds = group_cpu_seconds(server.group) - cpu_before
    return parse_wrk(output, target, encoding, served, cpu_seconds)


def measure_both(target: Target, server: Server, seconds: int) -> list[Measurement]:
    return [measure(target, server, encoding, seconds) for encoding in ENCODINGS]


def measure_in_turns(
    targets: list[Target], server: Server, seconds: int, rounds: int
) -> list[Measurement]:
    """Each target in turn, `rounds` times per encoding; per target and encoding the run
    with the median req/s, carrying every round's req/s."""
    rows = []
    for encoding in ENCODINGS:
        runs: dict[str, list[Measurement]] = {target.key: [] for target in targets}
        for _ in range(rounds):
            for target in targets:
                runs[target.key].append(measure(target, server, encoding, seconds))
        for taken in runs.values():
            ordered = sorted(taken, key=lambda run: run.requests_per_second)
            every = tuple(run.requests_per_second for run in taken)
            rows.append(replace(ordered[len(ordered) // 2], all_rounds=every))
    return rows


# --- Report ---------------------------------------------------------------------------------


def first_line(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True)
    return (done.stdout + done.stderr).strip().splitlines()[0]


def print_machine() -> None:
    import gunicorn

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    print("Machine")
    print(f"  cores     {os.cpu_count()} ({cpu}), {platform.system()} {platform.release()}")
    print(f"  python    {platform.python_version()} ({sys.executable})")
    print(f"  nginx     {first_line([str(NGINX), '-v'])}, brotli_static: {BROTLI_MODULE.exists()}")
    print(f"  wrk       {first_line([str(WRK), '-v'])}")
    print(f"  gunicorn  {gunicorn.__version__}")
    print(f"  load avg  {load_average()} (before the run)")


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def verdict(row: Measurement, rows: list[Measurement]) -> tuple[str, str]:
    rps = row.requests_per_second
    if row.target.key == "a0":
        return "baseline for a", ""
    if row.target.key == "a0-":
        return "reference", ""
    if row.target.key == "a":
        base = next(r for r in rows if r.target.key == "a0" and r.encoding == row.encoding)
        ratio = rps / base.requests_per_second
        return "≥ 90 % of a0", f"{'met' if ratio >= 0.9 else 'MISSED'} ({ratio:.0%} of a0)"
    goal = {"b": 2000, "c": 300}[row.target.key]
    return f"≥ {goal:,} req/s", "met" if rps >= goal else "MISSED"


def print_table(rows: list[Measurement]) -> None:
    header = (
        f"{'':4}{'server':<31}{'Accept-Enc.':<12}{'served':<9}{'req/s':>8}{'p50 ms':>9}"
        f"{'p99 ms':>9}{'non-2xx':>8}{'sock.err':>9}{'MB/s':>7}{'B/resp':>8}{'CPU µs/req':>11}"
        f"  {'target':<16}result"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        target, result = verdict(row, rows)
        print(
            f"{row.target.key:<4}{row.target.label:<31}{row.encoding:<12}{row.served_encoding:<9}"
            f"{row.requests_per_second:>8,.0f}{row.p50_ms:>9.2f}{row.p99_ms:>9.2f}"
            f"{row.non_2xx_3xx:>8}{row.socket_errors:>9}"
            f"{row.transfer_bytes_per_second / 1024**2:>7.1f}{row.bytes_per_response:>8,.0f}"
            f"{row.server_cpu_us_per_request:>11,.0f}  {target:<16}{result}"
        )
    print(
        "non-2xx: wrk's non-2xx/3xx responses; sock.err: connect, read, write and timeout"
        " errors;\nMB/s and B/resp: bytes received, headers included; CPU µs/req: user + system"
        " CPU of the\nserver's processes during the run per request answered or timed out (less"
        " sensitive to other\nwork on the machine than req/s, which shares the cores with wrk"
        " and anything else)."
    )
    for row in rows:
        if len(row.all_rounds) > 1:
            every = ", ".join(f"{rps:,.0f}" for rps in row.all_rounds)
            print(f"  {row.target.key:<4}{row.encoding:<9} req/s by round: {every}")


# --- The run ---------------------------------------------------------------------------------


def run(folder: Path, seconds: int, rounds: int) -> list[Measurement]:
    var, empty = folder / "var", folder / "empty-published"
    empty.mkdir()
    published = var / "published"
    print("\nSet-up")
    load_demo(server_environment(var))
    url = pick_article(published)
    article = page_file(published, url)
    sizes = ", ".join(
        f"{suffix or 'html'} {article.with_name(article.name + suffix).stat().st_size:,} B"
        for suffix in ("", ".gz", ".br")
        if article.with_name(article.name + suffix).exists()
    )
    print(f"  article   {url} ({sizes})")
    plain = copy_plain_page(article, folder / "plain")
    ports = {key: free_port() for key in ("nginx", "nginx-http", "b", "c")}

    def write_site(plain_headers: list[tuple[str, str]]) -> None:
        config = site_config(
            var=var,
            plain=plain,
            port=ports["nginx"],
            http_port=ports["nginx-http"],
            app_port=ports["b"],
            plain_headers=plain_headers,
        )
        (folder / "masthead.conf").write_text(config)

    write_site([])
    (folder / "nginx.conf").write_text(main_config(folder, folder / "masthead.conf"))
    (folder / "snippets").mkdir()  # where Debian's /etc/nginx/snippets/ is
    shutil.copyfile(SECURITY_HEADERS, folder / "snippets" / "masthead-security-headers.conf")
    print(f"  ports     {ports}")
    print(
        "  nginx     deploy/nginx.conf with: listen 127.0.0.1:<port> (plain HTTP, no ssl_*, no"
        " [::]),\n            upstream → (b)'s port, $masthead_var → the bench's var/,"
        f" plus `location = {PLAIN_PATH}` and `location = {BARE_PATH}`"
    )

    targets = {
        "a0-": Target("a0-", "nginx, plain file, no headers", ports["nginx"], BARE_PATH),
        "a0": Target("a0", "nginx, plain file, a's headers", ports["nginx"], PLAIN_PATH),
        "a": Target("a", "nginx, deploy/nginx.conf", ports["nginx"], url),
        "b": Target("b", "masthead serve, published file", ports["b"], url),
        "c": Target("c", "masthead serve, Django render", ports["c"], url),
    }
    rows: list[Measurement] = []
    print("\n(a0) and (a): nginx")
    with nginx_running(folder, ports["nginx"], url) as nginx:
        copied = headers_of_a(ports["nginx"], url)
        write_site(copied)
        reload_nginx(nginx, ports["nginx"], PLAIN_PATH, copied)
        print(f"  {PLAIN_PATH} sends (a)'s {', '.join(name for name, _ in copied)}")
        in_turns = [targets[key] for key in ("a0-", "a0", "a")]
        rows += measure_in_turns(in_turns, nginx, seconds, rounds)
    print("\n(b) masthead serve, the published file")
    with masthead_serving(server_environment(var), ports["b"], url, folder / "b.log") as app:
        rows += measure_both(targets["b"], app, seconds)
    print("\n(c) masthead serve, MASTHEAD_PUBLISHED_ROOT empty: Django renders every request")
    env = server_environment(var, published_root=empty)
    with masthead_serving(env, ports["c"], url, folder / "c.log") as app:
        rows += measure_both(targets["c"], app, seconds)
    order = {"a0-": 0, "a0": 1, "a": 2, "b": 3, "c": 4}
    return sorted(rows, key=lambda row: (order[row.target.key], row.encoding != "identity"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=20, help="seconds per wrk run (20)")
    parser.add_argument("--rounds", type=int, default=5, help="turns of the nginx runs (5)")
    options = parser.parse_args()
    for tool in (NGINX, WRK, MIME_TYPES):
        if not tool.exists():
            sys.exit(f"{tool} is missing: ./scripts/system-packages installs nginx and wrk")
    signal.signal(signal.SIGTERM, _raise_on_sigterm)
    print_machine()
    try:
        with tempfile.TemporaryDirectory(prefix="masthead-reader-bench-") as folder:
            rows = run(Path(folder), options.duration, options.rounds)
    except KeyboardInterrupt:
        sys.exit("\nInterrupted: every server started here is stopped, the temporary folder gone.")
    print(f"\nReader throughput: wrk -t{THREADS} -c{CONNECTIONS} -d{options.duration}s --latency,")
    print(
        f"after a {WARM_UP_SECONDS} s warm-up of each (load avg after the run: {load_average()})\n"
    )
    print_table(rows)


if __name__ == "__main__":
    main()
