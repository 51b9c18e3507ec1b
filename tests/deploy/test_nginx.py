"""deploy/nginx.conf in a real nginx: published files served as files, everything else
passed to the app.

Each nginx runs as the current user on free 127.0.0.1 ports, with its pid, logs and
temporary files in a temporary folder, in front of a small recording HTTP server that plays
the app. The configuration is the shipped file with only its site-specific values (ports,
paths, certificate) rewritten, inside a main configuration like Debian's. Nothing here uses
the network. Without nginx (./scripts/system-packages installs Debian's) the tests are
skipped; without its brotli_static module the brotli checks are.
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from csp.utils import build_policy
from django.conf import settings

NGINX = Path("/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
SITE_CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf"
SECURITY_HEADERS = SITE_CONFIG.with_name("nginx-security-headers.conf")
HOST = "news.example.org"

pytestmark = [
    pytest.mark.skipif(
        not NGINX.exists() or not MIME_TYPES.exists(),
        reason=f"no nginx at {NGINX} (./scripts/system-packages installs Debian's nginx)",
    ),
]
needs_brotli = pytest.mark.skipif(
    not BROTLI_MODULE.exists(),
    reason=f"no {BROTLI_MODULE} (Debian's libnginx-mod-http-brotli-static)",
)

BURMESE_SLUG = "မြန်မာ-သတင်း"
PAGES = {
    "/": "<!doctype html><title>Front</title><p>The front page.</p>",
    "/news/some-story/": "<!doctype html><title>A story</title><p>" + "Words. " * 200,
    "/contact/": "<!doctype html><title>Contact</title><form method=post></form>",
    f"/my/{BURMESE_SLUG}/": "<!doctype html><title>သတင်း</title><p>" + "မြန်မာ " * 200,
    "/news/feed/rss.xml": '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"></rss>',
    "/sitemap.xml": '<?xml version="1.0" encoding="utf-8"?><urlset></urlset>',
    "/robots.txt": "User-agent: *\nAllow: /\n",
}
STATIC_FILE = "/static/css/site.3f2a9c1d.css"
MEDIA_FILE = "/media/images/flood.width-800.jpg"


# --- The app: a recording HTTP server -------------------------------------------------------


@dataclass
class AppRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class App:
    """Answers every request with "from app" and remembers what it was asked."""

    requests: list[AppRequest] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0

    def received(self, path: str) -> list[AppRequest]:
        with self.lock:
            return [request for request in self.requests if request.path == path]


def _start_app() -> tuple[App, ThreadingHTTPServer]:
    app = App()

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            with app.lock:
                app.requests.append(
                    AppRequest(
                        self.command,
                        self.path,
                        {k.lower(): v for k, v in self.headers.items()},
                        body,
                    )
                )
            answer = b"from app"
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(answer)

        do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _answer

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    app.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return app, server


@pytest.fixture(scope="module")
def app() -> Iterator[App]:
    recorder, server = _start_app()
    yield recorder
    server.shutdown()
    server.server_close()


# --- The site: a published tree, a certificate, a configuration -------------------------------


def write_file(root: Path, relative: str, body: bytes, variants: bool = True) -> None:
    """A file with its .gz and .br siblings, as the publisher and collectstatic write them."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    if variants:
        Path(f"{path}.gz").write_bytes(gzip.compress(body, 9, mtime=0))
        with contextlib.suppress(ImportError):
            import brotli

            Path(f"{path}.br").write_bytes(brotli.compress(body))


def published_file(url: str) -> str:
    """Where the publisher stores `url`: <path>/index.html for a URL ending in "/"."""
    return url.lstrip("/") + "index.html" if url.endswith("/") else url.lstrip("/")


def write_var(var: Path) -> None:
    for url, html in PAGES.items():
        write_file(var / "published", published_file(url), html.encode())
    write_file(var, STATIC_FILE.lstrip("/"), b"body{margin:0}" * 100)
    write_file(var, MEDIA_FILE.lstrip("/"), b"\xff\xd8\xff\xe0 not really a jpeg", variants=False)


def write_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for HOST: with `cryptography` if installed, else openssl."""
    certificate, key = folder / "fullchain.pem", folder / "privkey.pem"
    try:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID
    except ImportError:
        openssl = shutil.which("openssl")
        if not openssl:
            pytest.skip("neither the cryptography package nor openssl is installed")
        subprocess.run(
            [
                *(openssl, "req", "-x509", "-nodes", "-days", "2", "-subj", f"/CN={HOST}"),
                *("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"),
                *("-addext", f"subjectAltName=DNS:{HOST}"),
                *("-keyout", str(key), "-out", str(certificate)),
            ],
            check=True,
            capture_output=True,
        )
        return certificate, key
    import datetime

    private_key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = datetime.datetime.now(datetime.UTC)
    issued = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(private_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(HOST)]), critical=False)
        .sign(private_key, hashes.SHA256())
    )
    certificate.write_bytes(issued.public_bytes(serialization.Encoding.PEM))
    key.write_bytes(
        private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return certificate, key


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _replace(text: str, old: str, new: str) -> str:
    """Replace a value the shipped file must contain: if it moves, the test says so."""
    assert old in text, f"deploy/nginx.conf no longer contains {old!r}"
    return text.replace(old, new)


def site_config(
    *,
    var: Path,
    app_port: int,
    https_port: int,
    http_port: int,
    certificate: Path,
    key: Path,
    acme_root: Path,
    ipv6: bool = False,
    onion: str = "",
) -> str:
    """deploy/nginx.conf with its site-specific values pointed at this test's."""
    text = SITE_CONFIG.read_text()
    text = _replace(text, "server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};")
    text = _replace(text, "listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
    text = _replace(text, "listen 80;", f"listen 127.0.0.1:{http_port};")
    if ipv6:
        text = _replace(text, "listen [::]:443 ", f"listen [::1]:{https_port} ")
        text = _replace(text, "listen [::]:80;", f"listen [::1]:{http_port};")
    else:  # a container may have no IPv6 at all
        text = re.sub(r"\n *listen \[::\]:\d+[^;]*;", "", text)
    live = f"/etc/letsencrypt/live/{HOST}"
    text = _replace(text, f"{live}/fullchain.pem", str(certificate))
    text = _replace(text, f"{live}/privkey.pem", str(key))
    text = _replace(text, "set $masthead_var /srv/masthead/var;", f"set $masthead_var {var};")
    text = _replace(text, "root /var/www/html;", f"root {acme_root};")
    if not BROTLI_MODULE.exists():
        text = _replace(text, "    brotli_static on;\n", "")
    if onion:  # as the comment above it says: the example's line, with our address
        example = re.compile(
            r'# (add_header Onion-Location) "http://[a-z0-9]+\.onion\$request_uri";'
        )
        assert example.search(text), "deploy/nginx.conf no longer has the Onion-Location example"
        text = example.sub(rf'\1 "{onion}$request_uri";', text)
    return text


def main_config(folder: Path, site: Path) -> str:
    """A main nginx.conf like Debian's, with everything nginx writes kept in `folder`."""
    lines = []
    if os.geteuid() == 0:  # nginx's workers would otherwise drop to "nobody"
        import grp
        import pwd

        user = pwd.getpwuid(os.geteuid()).pw_name
        lines.append(f"user {user} {grp.getgrgid(os.getegid()).gr_name};")
    if BROTLI_MODULE.exists():
        lines.append(f"load_module {BROTLI_MODULE};")
    temporary = " ".join(
        f"{kind}_temp_path {folder / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    lines += [
        "worker_processes 1;",
        f"pid {folder / 'nginx.pid'};",
        f"error_log {folder / 'error.log'} warn;",
        "events { worker_connections 256; }",
        "http {",
        f"    include {MIME_TYPES};",
        "    default_type application/octet-stream;",
        "    sendfile on;",
        f"    access_log {folder / 'access.log'};",
        f"    {temporary}",
        f"    include {site};",
        "}",
    ]
    return "\n".join(lines) + "\n"


@dataclass
class Site:
    folder: Path
    var: Path
    https_port: int
    http_port: int
    certificate: Path
    process: subprocess.Popen[bytes] | None = None

    def command(self, *arguments: str) -> list[str]:
        return [
            str(NGINX),
            "-p",
            str(self.folder),
            "-c",
            str(self.folder / "nginx.conf"),
            "-e",
            str(self.folder / "error.log"),
            *arguments,
        ]

    def master_pid(self) -> int | None:
        """From the pid file, which nginx writes once it is set up."""
        with contextlib.suppress(FileNotFoundError, ValueError):
            return int((self.folder / "nginx.pid").read_text())
        return None

    def error_log(self) -> str:
        path = self.folder / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def request(
        self,
        method: str,
        url: str,
        headers: dict[str, str] | None = None,
        body: bytes | None = None,
        *,
        https: bool = True,
    ) -> tuple[http.client.HTTPResponse, bytes]:
        connection: http.client.HTTPConnection
        if https:
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE  # self-signed: see test_the_configured_certificate
            connection = http.client.HTTPSConnection(
                "127.0.0.1", self.https_port, context=context, timeout=30
            )
        else:
            connection = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=30)
        try:
            connection.request(method, url, body=body, headers={"Host": HOST, **(headers or {})})
            response = connection.getresponse()
            return response, response.read()
        finally:
            connection.close()

    def get(self, url: str, **headers: str) -> tuple[http.client.HTTPResponse, bytes]:
        return self.request("GET", url, {k.replace("_", "-"): v for k, v in headers.items()})


def prepare_site(folder: Path, app_port: int, *, onion: str = "", ipv6: bool = False) -> Site:
    var, acme = folder / "var", folder / "acme"
    write_var(var)
    write_file(acme, ".well-known/acme-challenge/token-123", b"token-123.thumbprint", False)
    certificate, key = write_certificate(folder)
    site = Site(folder, var, free_port(), free_port(), certificate)
    (folder / "masthead.conf").write_text(
        site_config(
            var=var,
            app_port=app_port,
            https_port=site.https_port,
            http_port=site.http_port,
            certificate=certificate,
            key=key,
            acme_root=acme,
            ipv6=ipv6,
            onion=onion,
        )
    )
    (folder / "nginx.conf").write_text(main_config(folder, folder / "masthead.conf"))
    # Where Debian's /etc/nginx/snippets/ is: beside the main configuration file.
    (folder / "snippets").mkdir()
    shutil.copyfile(SECURITY_HEADERS, folder / "snippets" / "masthead-security-headers.conf")
    return site


@contextlib.contextmanager
def running(site: Site) -> Iterator[Site]:
    """nginx in the foreground for the block's length; stopped however the block ends."""
    site.process = subprocess.Popen(
        site.command("-g", "daemon off;"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            if site.process.poll() is not None:
                stderr = site.process.stderr.read().decode() if site.process.stderr else ""
                pytest.fail(f"nginx did not start:\n{stderr}\n{site.error_log()}")
            if site.master_pid():
                with (
                    contextlib.suppress(OSError),
                    socket.create_connection(("127.0.0.1", site.https_port), timeout=0.2),
                ):
                    break
            if time.monotonic() > deadline:
                pytest.fail(f"nginx did not listen within 15 s:\n{site.error_log()}")
            time.sleep(0.05)
        yield site
    finally:
        site.process.terminate()
        try:
            site.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            site.process.kill()
            site.process.wait()
        if site.process.stderr:
            site.process.stderr.close()


@pytest.fixture(scope="module")
def site(app: App, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with running(prepare_site(tmp_path_factory.mktemp("nginx"), app.port)) as started:
        yield started


# --- The configuration --------------------------------------------------------------------------


@pytest.mark.parametrize("brotli", [True, False], ids=["with-brotli", "without-brotli"])
def test_nginx_accepts_the_configuration(tmp_path: Path, brotli: bool) -> None:
    if brotli and not BROTLI_MODULE.exists():
        pytest.skip(f"no {BROTLI_MODULE} (Debian's libnginx-mod-http-brotli-static)")
    site = prepare_site(tmp_path, free_port(), ipv6=True)
    if not brotli:  # as deploy/nginx.conf says to do where the module is not installed
        main = (tmp_path / "nginx.conf").read_text()
        (tmp_path / "nginx.conf").write_text(re.sub(r"load_module [^;]*brotli[^;]*;\n", "", main))
        conf = (tmp_path / "masthead.conf").read_text()
        (tmp_path / "masthead.conf").write_text(conf.replace("    brotli_static on;\n", ""))

    checked = subprocess.run(site.command("-t"), capture_output=True, text=True, timeout=30)

    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr
    # nginx 1.25.1 and later warn that `listen ... http2` is deprecated, as the file says.
    warnings = [line for line in checked.stderr.splitlines() if "[warn]" in line]
    assert not [line for line in warnings if "http2" not in line], checked.stderr


# --- Published pages --------------------------------------------------------------------------


def test_a_page_is_served_from_its_file_with_the_page_headers(site: Site, app: App) -> None:
    response, body = site.get("/news/some-story/")

    assert response.status == 200
    assert body == PAGES["/news/some-story/"].encode()
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert response.getheader("Content-Encoding") is None
    assert response.getheader("Cache-Control") == "public, max-age=60, stale-while-revalidate=600"
    assert response.getheader("Content-Language") == "en"
    assert response.getheader("ETag")
    assert response.getheader("Server") == "nginx"  # no version
    assert response.getheader("Set-Cookie") is None
    assert response.getheader("Onion-Location") is None
    assert not app.received("/news/some-story/")


@pytest.mark.parametrize(
    "url", ["/news/some-story/", f"/my/{quote(BURMESE_SLUG)}/", STATIC_FILE, MEDIA_FILE]
)
def test_files_carry_the_security_headers_the_app_sends(site: Site, url: str) -> None:
    response, _ = site.get(url)

    assert response.status == 200
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Referrer-Policy") == settings.SECURE_REFERRER_POLICY
    assert response.getheader("X-Frame-Options") == settings.X_FRAME_OPTIONS
    assert response.getheader("Cross-Origin-Opener-Policy") == (
        settings.SECURE_CROSS_ORIGIN_OPENER_POLICY
    )
    # django-csp writes the directives in no fixed order: compare them as a set.
    assert directives(response.getheader("Content-Security-Policy")) == directives(build_policy())
    # The app's default in production: MASTHEAD_HSTS_SECONDS, subdomains, preload.
    assert response.getheader("Strict-Transport-Security") == (
        "max-age=31536000; includeSubDomains; preload"
    )


def directives(policy: str | None) -> set[str]:
    return {" ".join(part.split()) for part in (policy or "").split(";") if part.strip()}


def test_the_front_page_is_the_root_index(site: Site) -> None:
    response, body = site.get("/")

    assert response.status == 200
    assert body == PAGES["/"].encode()


def test_a_head_request_is_answered_from_the_file(site: Site, app: App) -> None:
    response, body = site.request("HEAD", "/")

    assert response.status == 200
    assert body == b""
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert not app.received("/")


def test_gzip_readers_get_the_precompressed_file(site: Site) -> None:
    stored = site.var / "published/news/some-story/index.html.gz"

    response, body = site.get("/news/some-story/", Accept_Encoding="gzip, deflate")

    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert body == stored.read_bytes()
    assert gzip.decompress(body) == PAGES["/news/some-story/"].encode()
    assert "Accept-Encoding" in (response.getheader("Vary") or "")
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"


@needs_brotli
def test_brotli_readers_get_the_precompressed_file(site: Site) -> None:
    brotli = pytest.importorskip("brotli")
    stored = site.var / "published/news/some-story/index.html.br"

    response, body = site.get("/news/some-story/", Accept_Encoding="gzip, deflate, br")

    assert response.status == 200
    assert response.getheader("Content-Encoding") == "br"
    assert body == stored.read_bytes()
    assert brotli.decompress(body) == PAGES["/news/some-story/"].encode()
    assert "Accept-Encoding" in (response.getheader("Vary") or "")


def test_a_burmese_url_finds_its_file_under_the_decoded_name(site: Site, app: App) -> None:
    url = f"/my/{quote(BURMESE_SLUG)}/"
    assert (site.var / "published/my" / BURMESE_SLUG / "index.html").is_file()

    response, body = site.get(url)

    assert response.status == 200
    assert body.decode() == PAGES[f"/my/{BURMESE_SLUG}/"]
    assert response.getheader("Content-Language") == "my"
    assert not app.received(url)


def test_nginx_finds_what_the_publisher_writes(site: Site, app: App) -> None:
    from masthead.publishing import store

    url = "/my/" + quote("ဆောင်းပါး-၂၀၂၆") + "/"
    html = "<!doctype html><title>ဆောင်းပါး</title>".encode()
    store.write(url, html, root=site.var / "published")

    plain, plain_body = site.get(url)
    compressed, compressed_body = site.get(url, Accept_Encoding="gzip")

    assert (plain.status, plain_body) == (200, html)
    assert compressed.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(compressed_body) == html
    assert not app.received(url)


@pytest.mark.parametrize(
    ("url", "content_type"),
    [
        ("/news/feed/rss.xml", "text/xml; charset=utf-8"),
        ("/sitemap.xml", "text/xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
    ],
)
def test_feeds_sitemaps_and_robots_are_served_at_their_own_path(
    site: Site, url: str, content_type: str
) -> None:
    response, body = site.get(url)

    assert response.status == 200
    assert body == PAGES[url].encode()
    assert response.getheader("Content-Type") == content_type
    assert response.getheader("Cache-Control") == "public, max-age=60, stale-while-revalidate=600"


def test_a_query_string_does_not_change_the_page(site: Site, app: App) -> None:
    _, body = site.get("/news/some-story/?utm_source=share")

    assert body == PAGES["/news/some-story/"].encode()
    assert not app.received("/news/some-story/?utm_source=share")


def test_hidden_files_of_the_tree_are_never_served(site: Site) -> None:
    write_file(site.var / "published", "news/.tmp-half-written", b"half a page", False)

    _, body = site.get("/news/.tmp-half-written")

    assert body == b"from app"


# --- The app ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/news/not-published-yet/",
        "/a/123/",
        "/news/some-story",  # no slash: the app redirects to the page's address
        "/my/",
    ],
)
def test_a_url_without_a_file_goes_to_the_app(site: Site, app: App, url: str) -> None:
    response, body = site.get(url)

    assert response.status == 200
    assert body == b"from app"
    (request,) = app.received(url)
    assert request.method == "GET"
    assert response.getheader("Content-Security-Policy") is None  # the app sends its own
    assert response.getheader("Cache-Control") is None


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/pages/3/edit/",
        "/documents/12/report.pdf",
        "/search/?q=flood",
        f"/my/search/?q={quote('ရေကြီး')}",
        "/api/most-read/?edition=my",
        "/accounts/login/",
    ],
)
def test_dynamic_paths_go_to_the_app_as_asked(site: Site, app: App, url: str) -> None:
    response, body = site.get(url)

    assert response.status == 200
    assert body == b"from app"
    assert app.received(url), f"the app did not receive {url}"
    # The app's own headers stand: nginx adds none of the reader pages' (the admin has
    # its own Content-Security-Policy), and no cache lifetime.
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "Strict-Transport-Security",
        "Cache-Control",
        "Content-Language",
    ):
        assert response.getheader(header) is None, header


def test_the_app_learns_the_host_scheme_and_client(site: Site, app: App) -> None:
    site.request(
        "GET",
        "/search/?q=headers",
        {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "http", "X-Forwarded-Ssl": "off"},
    )

    (request,) = app.received("/search/?q=headers")
    assert request.headers["host"] == HOST
    assert request.headers["x-forwarded-proto"] == "https"
    # Set, not appended to: a client cannot put an address of its choosing in front.
    assert request.headers["x-forwarded-for"] == "127.0.0.1"
    assert "x-forwarded-ssl" not in request.headers


def test_a_post_to_a_page_reaches_the_app_with_its_body(site: Site, app: App) -> None:
    form = "name=Ma+Thida&message=" + quote("မင်္ဂလာပါ")

    response, body = site.request(
        "POST", "/contact/", {"Content-Type": "application/x-www-form-urlencoded"}, form.encode()
    )

    assert response.status == 200
    assert body == b"from app"
    (request,) = app.received("/contact/")
    assert request.method == "POST"
    assert request.body == form.encode()
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "OPTIONS"])
@pytest.mark.parametrize("page", ["/", f"/my/{quote(BURMESE_SLUG)}/"])
def test_other_methods_on_a_page_go_to_the_app(
    site: Site, app: App, method: str, page: str
) -> None:
    url = f"{page}?{method}"
    _, body = site.request(method, url, body=b"{}" if method in {"PUT", "PATCH"} else None)

    assert body == b"from app"
    assert [r.method for r in app.received(url)] == [method]


@pytest.mark.parametrize("page", ["/news/some-story/", f"/my/{quote(BURMESE_SLUG)}/"])
def test_a_signed_in_user_gets_the_live_page_from_the_app(site: Site, app: App, page: str) -> None:
    _, body = site.get(f"{page}?signed-in", Cookie="sessionid=abc123")

    assert body == b"from app"
    (request,) = app.received(f"{page}?signed-in")
    assert "sessionid=abc123" in request.headers["cookie"]


def test_the_admin_takes_an_image_of_the_largest_size_wagtail_accepts(site: Site, app: App) -> None:
    upload = b"\0" * (settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + 64 * 1024)  # file + form

    response, _ = site.request("POST", "/admin/images/multiple/add/", body=upload)

    assert response.status == 200
    (request,) = app.received("/admin/images/multiple/add/")
    assert len(request.body) == len(upload)


def test_reader_forms_are_refused_a_large_body(site: Site, app: App) -> None:
    response, _ = site.request("POST", "/contact/?big", body=b"x" * (2 * 1024 * 1024))

    assert response.status == 413
    assert not app.received("/contact/?big")


# --- Static files and uploads -------------------------------------------------------------------


def test_static_files_are_cached_for_a_year(site: Site, app: App) -> None:
    response, body = site.get(STATIC_FILE)

    assert response.status == 200
    assert body == (site.var / STATIC_FILE.lstrip("/")).read_bytes()
    assert response.getheader("Content-Type") == "text/css; charset=utf-8"
    assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert not app.received(STATIC_FILE)


def test_static_files_are_sent_precompressed(site: Site) -> None:
    response, body = site.get(STATIC_FILE, Accept_Encoding="gzip")

    assert response.getheader("Content-Encoding") == "gzip"
    assert body == (site.var / f"{STATIC_FILE.lstrip('/')}.gz").read_bytes()


def test_a_missing_static_file_is_a_plain_404(site: Site, app: App) -> None:
    response, _ = site.get("/static/css/site.0000.css")

    assert response.status == 404
    assert response.getheader("Cache-Control") is None
    assert not app.received("/static/css/site.0000.css")


def test_uploads_are_served_as_files(site: Site, app: App) -> None:
    response, body = site.get(MEDIA_FILE)

    assert response.status == 200
    assert body == (site.var / MEDIA_FILE.lstrip("/")).read_bytes()
    assert response.getheader("Content-Type") == "image/jpeg"
    assert response.getheader("Cache-Control") == "public, max-age=86400"
    assert not app.received(MEDIA_FILE)


# --- The server as a whole ------------------------------------------------------------------------


def test_the_configured_certificate_is_served(site: Site) -> None:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with (
        socket.create_connection(("127.0.0.1", site.https_port), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname=HOST) as tls,
    ):
        served = tls.getpeercert(binary_form=True)
        version = tls.version()

    assert served == ssl.PEM_cert_to_DER_cert(site.certificate.read_text())
    assert version in {"TLSv1.2", "TLSv1.3"}


def test_plain_http_redirects_to_https(site: Site) -> None:
    response, _ = site.request("GET", "/news/some-story/?ref=x", https=False)

    assert response.status == 301
    assert response.getheader("Location") == f"https://{HOST}/news/some-story/?ref=x"


def test_plain_http_answers_certificate_challenges(site: Site) -> None:
    response, body = site.request("GET", "/.well-known/acme-challenge/token-123", https=False)

    assert response.status == 200
    assert body == b"token-123.thumbprint"


def test_no_access_log_is_kept(site: Site) -> None:
    site.get("/news/some-story/")
    site.get("/search/?q=who-reads-what")
    site.request("GET", "/", https=False)

    log = site.folder / "access.log"
    assert not log.exists() or log.read_bytes() == b""


# --- Each with an nginx of its own ---------------------------------------------------------------


def test_pages_are_served_while_the_app_is_down(tmp_path: Path) -> None:
    with running(prepare_site(tmp_path, free_port())) as alone:
        page, body = alone.get("/news/some-story/")
        search, _ = alone.get("/search/?q=x")

    assert page.status == 200
    assert body == PAGES["/news/some-story/"].encode()
    assert search.status == 502


def test_search_is_rate_limited_per_client(app: App, tmp_path: Path) -> None:
    with running(prepare_site(tmp_path, app.port)) as alone:
        statuses = [alone.get(f"/search/?q=limit-{n}")[0].status for n in range(40)]
        pages = [alone.get("/news/some-story/")[0].status for _ in range(40)]

    assert statuses[:20] == [200] * 20
    assert 429 in statuses
    assert pages == [200] * 40


def test_reader_posts_are_rate_limited_but_the_admin_is_not(app: App, tmp_path: Path) -> None:
    with running(prepare_site(tmp_path, app.port)) as alone:
        reader = [
            alone.request("POST", "/contact/?limit", body=b"a=1")[0].status for _ in range(20)
        ]
        admin = [alone.request("POST", "/admin/?limit", body=b"a=1")[0].status for _ in range(20)]

    assert reader[:10] == [200] * 10
    assert 429 in reader
    assert admin == [200] * 20


def test_onion_location_is_sent_on_pages_once_enabled(app: App, tmp_path: Path) -> None:
    onion = "http://" + "a" * 56 + ".onion"
    with running(prepare_site(tmp_path, app.port, onion=onion)) as alone:
        page, _ = alone.get(f"/my/{quote(BURMESE_SLUG)}/?x=1")
        dynamic, _ = alone.get("/search/?q=onion")

    assert page.getheader("Onion-Location") == f"{onion}/my/{quote(BURMESE_SLUG)}/?x=1"
    assert dynamic.getheader("Onion-Location") is None  # the app sends its own


def test_nginx_stops_when_the_test_ends(app: App, tmp_path: Path) -> None:
    with running(prepare_site(tmp_path, app.port)) as alone:
        master = alone.master_pid()
        assert master is not None and alone.process is not None
        assert master == alone.process.pid  # in the foreground: the process we started
        children = Path(f"/proc/{master}/task/{master}/children")
        workers = [int(pid) for pid in children.read_text().split()] if children.exists() else []

    assert alone.process.returncode is not None
    for pid in [master, *workers]:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert not (tmp_path / "nginx.pid").exists()
