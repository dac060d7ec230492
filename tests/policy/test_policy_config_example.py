"""The documented example config names every policy and only keys the policies read."""

import json
from pathlib import Path

from pulumi_runai.policies import ALL_POLICIES

EXAMPLE = Path(__file__).resolve().parents[2] / "policy" / "config.example.json"


def test_example_config_matches_the_policies_schemas() -> None:
    config = json.loads(EXAMPLE.read_text())
    assert set(config) == {p.name for p in ALL_POLICIES}
    for policy in ALL_POLICIES:
        entry = config[policy.name]
        keys = set(entry) - {"enforcementLevel"} if isinstance(entry, dict) else set()
        known = set(policy.config_schema.properties) if policy.config_schema else set()
        assert keys <= known, f"{policy.name}: unknown keys {keys - known}"
