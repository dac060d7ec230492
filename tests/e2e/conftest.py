"""Stories run the real dynamic-provider host against the real emulator, state on disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pulumi_runai.testing import Stack
from runai_emulator.testing import EmulatorProcess

from .programs import Org
from .tenant import Tenant


def stack_on(emulator: EmulatorProcess, state_file: Path, **extra: Any) -> Stack:
    """A stack configured like `pulumi config set runai:... [--secret]` would configure it."""
    return Stack(
        state_file, project="runai-org",
        config={"runai:url": emulator.url, "runai:clientId": emulator.client_id},
        secret_config={"runai:clientSecret": emulator.client_secret},
        **extra,
    )


@pytest.fixture
def tenant(emulator: EmulatorProcess) -> Tenant:
    return Tenant(emulator)


@pytest.fixture
def stack(emulator: EmulatorProcess, tmp_path: Path) -> Stack:
    return stack_on(emulator, tmp_path / "state.json")


@pytest.fixture
def org(tenant: Tenant) -> Org:
    """The organisation of issue 5: one department, two projects, two users, two grants."""
    return Org(cluster_id=tenant.cluster_id)
