"""The plugin's configuration: the provider's inputs (`url`, `clientId`, `clientSecret`, ...)
as the `runai:*` settings the dynamic provider reads, so one stack config serves both.

The plugin is one process per configured provider, so the settings are kept where the dynamic
glue keeps them (`remember_config`) and resolved per call by the same functions (`client`,
`wait_timeout`, `host_threads`): every rule about a setting is stated once, there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_runai.models.validation import UNKNOWN_SENTINEL
from pulumi_runai.resources._provider_base import (
    client,
    host_threads,
    remember_config,
    wait_timeout,
)
from pulumi_runai.settings import CONFIG_KEYS

__all__ = ["CONFIG_KEYS", "SECRET_KEYS", "apply", "client", "host_threads", "wait_timeout"]

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


def apply(args: Mapping[str, Any], variables: Mapping[str, str]) -> None:
    """Keep this provider's settings: its inputs (`url`), else the engine's config variables
    (`runai:config:url`), for every `runai:*` key the settings module knows."""
    settings: dict[str, str] = {}
    for key in CONFIG_KEYS:
        bare = key.split(":", 1)[1]
        value = _text(args.get(bare))
        if value is None:
            value = variables.get(f"runai:config:{bare}") or None
        if value is not None:
            settings[key] = value
    remember_config(settings)
