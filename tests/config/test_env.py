from __future__ import annotations

import pytest

from masthead.config.env import ConfigError, Env


def test_defaults_apply_to_missing_and_blank_values():
    env = Env({"BLANK": "  "})
    assert env.str("MISSING", "x") == "x"
    assert env.int("BLANK", 7) == 7
    assert env.bool("MISSING", True) is True
    assert env.list("MISSING", ["a"]) == ["a"]


@pytest.mark.parametrize(
    ("source", "call", "message"),
    [
        ({"DEBUG": "maybe"}, lambda e: e.bool("DEBUG", False), "DEBUG must be true or false"),
        ({"PORT": "80a"}, lambda e: e.int("PORT", 1), "PORT must be a whole number, not '80a'."),
        ({"PORT": "0"}, lambda e: e.int("PORT", 1, minimum=1), "PORT must be between 1 and"),
        ({"MODE": "x"}, lambda e: e.choice("MODE", "a", ("a", "b")), "MODE must be one of a, b"),
        (
            {"DATABASE_URL": "mysql://h/db"},
            lambda e: e.url("DATABASE_URL", None, ("postgres",)),
            "must be a URL starting with postgres://",
        ),
        (
            {"REDIS_URL": "redis://"},
            lambda e: e.url("REDIS_URL", None, ("redis",)),
            "has no host name",
        ),
        (
            {},
            lambda e: e.required_str("SECRET_KEY", "in production"),
            "SECRET_KEY is required in production.",
        ),
    ],
)
def test_bad_values_raise_one_clear_line(source, call, message):
    with pytest.raises(ConfigError) as raised:
        call(Env(source))
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_lists_are_split_and_trimmed():
    assert Env({"HOSTS": " a.example, b.example ,,"}).list("HOSTS", []) == [
        "a.example",
        "b.example",
    ]
