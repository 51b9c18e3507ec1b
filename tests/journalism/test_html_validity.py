"""Reader pages are valid HTML: the Nu HTML checker (vnu.jar) finds no error in them.

The demo newsroom is loaded, every reader template is rendered once per edition (front,
section, articles of each story format, author, static pages, listings, the light edition, the
404 page) with Django's test client, the pages are written to a temporary folder and checked
in one run of the checker: the JVM takes seconds to start. Errors fail the test; warnings
are left to review (docs/decisions/0013-accessibility-checks.md). vnu.jar comes from npm
(vnu-jar, installed by ./scripts/build-assets) and runs on the system's Java.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.test import Client

from masthead.demo.loader import load_demo
from masthead.publishing.receivers import paused
from tests.demo_pages import EDITIONS, ReaderPage, reader_pages

REPOSITORY = Path(__file__).resolve().parents[2]
VNU_JAR = REPOSITORY / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")
NO_JAVA = "no Java to run the Nu HTML checker (Debian: default-jre-headless)"

pytestmark = [pytest.mark.django_db, pytest.mark.skipif(JAVA is None, reason=NO_JAVA)]


def _file_name(page: ReaderPage) -> str:
    return re.sub(r"[^a-z0-9]+", "-", page.label) + ".html"


def check_html(folder: Path) -> list[dict[str, object]]:
    """The checker's error messages for every .html file in `folder`, in one run."""
    if not VNU_JAR.is_file():
        pytest.fail(f"no {VNU_JAR}: run ./scripts/build-assets (needs npm) first")
    assert JAVA is not None
    command = [JAVA, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html"]
    # JSON on stderr; the exit status would only repeat whether there were errors.
    command += ["--format", "json", "--exit-zero-always", str(folder)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    messages: list[dict[str, object]] = json.loads(done.stderr)["messages"]
    return messages


def describe(messages: list[dict[str, object]], pages: dict[str, ReaderPage]) -> str:
    lines = []
    for message in messages:
        name = unquote(str(message.get("url", ""))).rsplit("/", 1)[-1]
        page = pages.get(name)
        where = f"{page.label} ({page.url})" if page else name
        line = message.get("lastLine", "?")
        extract = str(message.get("extract", "")).strip().replace("\n", " ")
        lines.append(f"- {where}, line {line}: {message.get('message')}\n    {extract}")
    return f"{len(messages)} HTML errors:\n" + "\n".join(lines)


def test_reader_pages_of_both_editions_are_valid_html(tmp_path):
    with paused():
        load_demo()
    client = Client()
    pages: dict[str, ReaderPage] = {}
    for language in EDITIONS:
        for page in reader_pages(language, every_template=True):
            response = client.get(page.url)
            assert response.status_code == page.status, (page, response.status_code)
            name = _file_name(page)
            (tmp_path / name).write_bytes(response.content)
            pages[name] = page
    assert len(pages) >= 24, sorted(pages)

    errors = check_html(tmp_path)

    assert errors == [], describe(errors, pages)
