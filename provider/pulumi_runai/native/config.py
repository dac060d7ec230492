"""The plugin's configuration: the provider's inputs (`url`, `clientId`, `clientSecret`, ...)
as the `runai:*` settings the dynamic provider reads, so one stack config serves both.

The plugin is one process per configured provider, so the settings are kept where the dynamic
glue keeps them (`remember_config`) and resolved per call by the same functions (`client`,
`wait_timeout`, `host_threads`): every rule about a setting is stated once, there.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from pulumi_runai.errors import ConfigError
from pulumi_runai.models.validation import UNKNOWN_SENTINEL
from pulumi_runai.resources._provider_base import (
    client,
    host_threads,
    remember_config,
    wait_timeout,
)
from pulumi_runai.settings import CONFIG_KEYS, Settings, normalise_url

__all__ = ["CONFIG_KEYS", "SECRET_KEYS", "apply", "client", "host_threads", "problems",
           "wait_timeout"]

SECRET_KEYS = frozenset({"clientSecret"})
"""Configuration that is a credential: carried only as a secret, never echoed in plain."""


def _text(value: Any) -> str | None:
    """A setting as text (`16`, not `16.0`: numbers arrive as floats); unknowns as unset."""
    if value is None or value == UNKNOWN_SENTINEL:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _bare(key: str) -> str:
    """`runai:clientId` -> `clientId`, the provider input's name."""
    return key.split(":", 1)[1]


def problems(args: Mapping[str, Any], env: Mapping[str, str] = os.environ, *,
             explicit: bool = False) -> list[tuple[str, str]]:
    """What the settings module would refuse in these provider inputs, as (input, message):
    checked at CheckConfig, so that a bad or missing setting stops the run once, before any
    change, instead of failing every resource's first call. Nothing is judged while any input
    is not known yet (preview); credentials may also come from the `RUNAI_*` environment.
    Other keys are left alone: the engine gives a default provider every `runai:*` key of the
    stack config, and a program may keep its own settings there. An `explicit` provider reads
    no stack config, so a bad or missing setting is named as the provider's own input."""
    if any(value == UNKNOWN_SENTINEL for value in args.values()):
        return []
    found: list[tuple[str, str]] = []
    url = _text(args.get("url"))
    if url is not None:
        try:
            normalise_url(url)
        except ConfigError as exc:
            found.append(_worded(exc, explicit))
    if found:
        return found
    config = {key: text for key in CONFIG_KEYS if (text := _text(args.get(_bare(key))))}
    for name, check in (("", lambda: Settings.resolve(config, env)),
                        ("hostThreads", lambda: host_threads(config, env)),
                        ("waitTimeout", lambda: wait_timeout(config, env))):
        try:
            check()
        except ConfigError as exc:
            found.append(_worded(exc, explicit) if exc.key else (name, str(exc)))
    return found


def _worded(exc: ConfigError, explicit: bool) -> tuple[str, str]:
    """A bad or missing value as (input, message): the settings' own words for a default
    provider (they name stack config and the environment); for an explicit provider, which
    reads no stack config, the input itself."""
    name = _bare(exc.key)
    if not explicit:
        return name, str(exc)
    return name, f"{name} {exc.problem}: set it on this provider, or {exc.env} where pulumi runs"


def apply(args: Mapping[str, Any], variables: Mapping[str, str]) -> None:
    """Keep this provider's settings: its inputs (`url`), else the engine's config variables
    (`runai:config:url`), for every `runai:*` key the settings module knows."""
    settings: dict[str, str] = {}
    for key in CONFIG_KEYS:
        bare = _bare(key)
        value = _text(args.get(bare))
        if value is None:
            value = variables.get(f"runai:config:{bare}") or None
        if value is not None:
            settings[key] = value
    remember_config(settings)
