"""``--policy-pack DIR`` and ``--policy-pack-config FILE`` for runs through the harness.

The config file is the one ``pulumi --policy-pack-config`` reads: policy names mapped to an
enforcement level, or to an object with ``enforcementLevel`` and the policy's own keys. A
policy given keys but no level keeps the pack's level, as the engine does.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pulumi_runai.testing import PolicyPackHost

from .failures import LocalError
from .targets import Target

LEVELS = ("advisory", "mandatory", "remediate", "disabled")


@dataclass(frozen=True)
class PolicyOptions:
    pack_dir: Path
    config_file: Path | None = None


def options(pack: str | None, config: str | None) -> PolicyOptions | None:
    """Checks the paths before anything runs."""
    if config and not pack:
        raise LocalError("--policy-pack-config needs --policy-pack, e.g. --policy-pack policy/")
    if not pack:
        return None
    pack_dir = Path(pack).resolve()
    if not (pack_dir / "PulumiPolicy.yaml").is_file():
        raise LocalError(f"--policy-pack {pack}: no PulumiPolicy.yaml there; "
                         "the project's pack is policy/")
    config_file = Path(config).resolve() if config else None
    if config_file is not None and not config_file.is_file():
        raise LocalError(f"--policy-pack-config {config}: no such file "
                         "(the shipped one is policy/config.example.json)")
    return PolicyOptions(pack_dir, config_file)


def pack_config(raw: Any, levels: Mapping[str, str], source: str) -> dict[str, dict[str, Any]]:
    """The file's content in the analyzer's form, each entry checked against the pack."""
    if not isinstance(raw, Mapping):
        raise LocalError(f"{source}: expected an object of policy names, got {type(raw).__name__}")
    known = ", ".join(sorted(levels))
    config: dict[str, dict[str, Any]] = {}
    for name, entry in raw.items():
        if name not in levels:
            raise LocalError(f"{source}: {name!r} is not a policy of this pack; it has: {known}")
        settings = dict(entry) if isinstance(entry, Mapping) else {"enforcementLevel": entry}
        level = settings.pop("enforcementLevel", levels[name])
        if level not in LEVELS:
            raise LocalError(f"{source}: {name}.enforcementLevel {level!r} is not one of "
                             + ", ".join(LEVELS))
        config[name] = {"enforcementLevel": level, "properties": settings}
    return config


def start_pack(policy: PolicyOptions, target: Target, *, preview: bool) -> PolicyPackHost:
    """The pack running as the engine runs it, configured from the file if one was given."""
    host = PolicyPackHost(policy.pack_dir, project=target.project, stack=target.stack,
                          preview=preview)
    if policy.config_file is not None:
        source = str(policy.config_file)
        try:
            raw = json.loads(policy.config_file.read_text())
        except json.JSONDecodeError as err:
            host.close()
            raise LocalError(f"{source}: not valid JSON ({err})") from None
        try:
            host.configure(pack_config(raw, host.policies, source))
        except BaseException:
            host.close()
            raise
    return host
