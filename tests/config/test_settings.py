"""Start-up configuration as an operator meets it: the real `masthead` command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SECRET = "k" * 20 + "0123456789abcdefghijklmnopqrstuvwxyz!@#$%"


def run_masthead(*args: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    clean.update(MASTHEAD_VAR_DIR=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, "-m", "masthead", *args],
        capture_output=True,
        text=True,
        env=clean,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"MASTHEAD_ENV": "production", "ALLOWED_HOSTS": "news.example.org"},
            "masthead: configuration error: SECRET_KEY is required when MASTHEAD_ENV=production.",
        ),
        (
            {"MASTHEAD_ENV": "production", "SECRET_KEY": SECRET},
            "masthead: configuration error: ALLOWED_HOSTS is required when MASTHEAD_ENV=production",
        ),
        (
            {"MASTHEAD_ENV": "staging"},
            "masthead: configuration error: MASTHEAD_ENV must be one of development, production",
        ),
        (
            {"DATABASE_URL": "mysql://db.example/news"},
            "masthead: configuration error: DATABASE_URL must be a URL starting with",
        ),
        (
            {"MASTHEAD_SCHEDULER_TICK": "soon"},
            "masthead: configuration error: MASTHEAD_SCHEDULER_TICK must be a whole number",
        ),
    ],
)
def test_bad_configuration_stops_start_up_with_one_line(tmp_path, env, message):
    result = run_masthead("check", tmp_path=tmp_path, **env)
    assert result.returncode == 2
    assert result.stderr.strip() == message or result.stderr.startswith(message)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_production_configuration_passes_the_deploy_check_without_warnings(tmp_path):
    result = run_masthead(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        tmp_path=tmp_path,
        MASTHEAD_ENV="production",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="news.example.org",
        MASTHEAD_BASE_URL="https://news.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_embedded_default_needs_no_configuration(tmp_path):
    result = run_masthead("check", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
