"""The `masthead` command: Django's management commands with masthead's settings.

`masthead serve`, `masthead demo`, `masthead import-wordpress` ... map to the management
commands of the same name (hyphens become underscores). A configuration error prints one
line and exits with status 2; it never shows a traceback.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.config.settings")
    # The command name, and the one after `help`, may be written with hyphens.
    names = 3 if len(argv) > 1 and argv[1] == "help" else 2
    for position in range(1, min(names, len(argv))):
        if not argv[position].startswith("-"):
            argv[position] = argv[position].replace("-", "_")

    from masthead.config.env import ConfigError

    try:
        import django

        django.setup()
    except ConfigError as error:
        sys.stderr.write(f"masthead: configuration error: {error}\n")
        raise SystemExit(2) from None

    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
