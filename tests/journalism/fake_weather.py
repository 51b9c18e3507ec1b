"""A stand-in for the weather provider: a real HTTP server on 127.0.0.1, started in the test
process, answering what the test tells it to. Tests never reach the real network."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


def open_meteo_answer(temperature: float = 31.4, code: int = 3) -> dict[str, Any]:
    """What Open-Meteo's forecast API answers for current=temperature_2m,weather_code."""
    return {
        "latitude": 16.875,
        "longitude": 96.125,
        "timezone": "GMT",
        "current_units": {"time": "iso8601", "temperature_2m": "°C", "weather_code": "wmo code"},
        "current": {
            "time": "2025-10-10T06:15",
            "interval": 900,
            "temperature_2m": temperature,
            "weather_code": code,
        },
    }


@dataclass
class FakeWeather:
    url: str = ""
    status: int = 200
    body: bytes = b""
    delay: float = 0.0  # seconds before answering: longer than the client's timeout = no answer
    queries: list[dict[str, list[str]]] = field(default_factory=list)

    def answer(self, temperature: float = 31.4, code: int = 3) -> None:
        self.status, self.body = 200, json.dumps(open_meteo_answer(temperature, code)).encode()


@contextmanager
def fake_weather_server() -> Iterator[FakeWeather]:
    fake = FakeWeather()
    fake.answer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            fake.queries.append(parse_qs(urlsplit(self.path).query))
            if fake.delay:
                time.sleep(fake.delay)
            try:
                self.send_response(fake.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(fake.body)))
                self.end_headers()
                self.wfile.write(fake.body)
            except OSError:
                pass  # the client gave up waiting

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}/v1/forecast"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
