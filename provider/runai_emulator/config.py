"""Emulator settings, shared by the CLI, the app factory and the test harness."""

from __future__ import annotations

from dataclasses import dataclass, field

from .switches import Switches

DEFAULT_CLIENT_ID = "pulumi-runai"
DEFAULT_CLIENT_SECRET = "emulator-secret"
DEFAULT_READONLY_CLIENT_ID = "viewer"
DEFAULT_READONLY_CLIENT_SECRET = "viewer-secret"
DEFAULT_NODE_POOLS = ("default", "a100")


@dataclass
class EmulatorConfig:
    """Everything that changes the emulator's behaviour; one instance per server."""

    db_path: str = ":memory:"
    client_id: str = DEFAULT_CLIENT_ID
    client_secret: str = field(default=DEFAULT_CLIENT_SECRET, repr=False)
    readonly_client_id: str = DEFAULT_READONLY_CLIENT_ID
    readonly_client_secret: str = field(default=DEFAULT_READONLY_CLIENT_SECRET, repr=False)
    token_ttl: float = 3600.0
    ready_delay: float = 0.0
    latency_ms: float = 0.0
    latency_jitter_ms: float = 0.0
    error_rate: float = 0.0
    rate_limit_rate: float = 0.0
    drop_after_commit_rate: float = 0.0
    seed: int | None = None
    node_pools: tuple[str, ...] = DEFAULT_NODE_POOLS
    legacy_project_delete: bool = False
    tenant_id: int = 1001
    cluster_name: str = "local"
    # the start values of the switches (/_emulator/switches changes them while running)
    switches: Switches = field(default_factory=Switches)
