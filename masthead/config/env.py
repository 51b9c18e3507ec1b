"""Typed readers for masthead's environment variables.

Every setting an operator can change comes through one of these readers, so a bad value
stops start-up with one line that names the variable and says what is wrong, instead of a
traceback from deep inside Django.
"""

from __future__ import annotations

import builtins
import os
from collections.abc import Mapping
from urllib.parse import urlsplit


class ConfigError(Exception):
    """An environment variable is missing or malformed; the message is shown as is."""


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


class Env:
    """Reads variables from a mapping (os.environ by default) with type checks."""

    def __init__(self, source: Mapping[builtins.str, builtins.str] | None = None) -> None:
        self._source = os.environ if source is None else source

    def _raw(self, name: builtins.str) -> builtins.str | None:
        value = self._source.get(name)
        if value is None or value.strip() == "":
            return None
        return value.strip()

    def str(self, name: builtins.str, default: builtins.str) -> builtins.str:
        value = self._raw(name)
        return default if value is None else value

    def optional_str(self, name: builtins.str) -> builtins.str | None:
        return self._raw(name)

    def required_str(self, name: builtins.str, why: builtins.str) -> builtins.str:
        value = self._raw(name)
        if value is None:
            raise ConfigError(f"{name} is required {why}.")
        return value

    def bool(self, name: builtins.str, default: builtins.bool) -> builtins.bool:
        value = self._raw(name)
        if value is None:
            return default
        lowered = value.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ConfigError(f"{name} must be true or false (1/0, yes/no, on/off), not {value!r}.")

    def int(
        self,
        name: builtins.str,
        default: builtins.int,
        *,
        minimum: builtins.int = 0,
        maximum: builtins.int = 2**31,
    ) -> builtins.int:
        value = self._raw(name)
        if value is None:
            return default
        try:
            number = int(value)
        except ValueError:
            raise ConfigError(f"{name} must be a whole number, not {value!r}.") from None
        if not minimum <= number <= maximum:
            raise ConfigError(f"{name} must be between {minimum} and {maximum}, not {number}.")
        return number

    def list(
        self, name: builtins.str, default: builtins.list[builtins.str]
    ) -> builtins.list[builtins.str]:
        value = self._raw(name)
        if value is None:
            return list(default)
        return [item.strip() for item in value.split(",") if item.strip()]

    def choice(
        self, name: builtins.str, default: builtins.str, choices: tuple[builtins.str, ...]
    ) -> builtins.str:
        value = self.str(name, default).lower()
        if value not in choices:
            raise ConfigError(f"{name} must be one of {', '.join(choices)}, not {value!r}.")
        return value

    def url(
        self, name: builtins.str, default: builtins.str | None, schemes: tuple[builtins.str, ...]
    ) -> builtins.str | None:
        value = self._raw(name)
        if value is None:
            return default
        parts = urlsplit(value)
        if parts.scheme not in schemes:
            raise ConfigError(
                f"{name} must be a URL starting with {' or '.join(s + '://' for s in schemes)},"
                f" not {value!r}."
            )
        if parts.scheme not in {"sqlite", "file", "console"} and not parts.hostname:
            raise ConfigError(f"{name} has no host name: {value!r}.")
        return value
