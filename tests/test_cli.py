from __future__ import annotations

import subprocess
import sys


def test_masthead_command_maps_hyphenated_names_to_management_commands():
    result = subprocess.run(
        [sys.executable, "-m", "masthead", "help", "import-wordpress"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    # No such command yet: Django says so in one line, naming it with underscores.
    assert "Unknown command: 'import_wordpress'" in result.stderr


def test_masthead_help_lists_our_commands():
    result = subprocess.run(
        [sys.executable, "-m", "masthead", "help"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    for command in ("demo", "generate", "serve", "worker"):
        assert command in result.stdout
