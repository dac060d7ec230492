"""Running a target through :mod:`pulumi_runai.testing` when the Pulumi CLI is not installed.

Each command starts the real dynamic-provider host and drives it as the engine does, with the
state in the target's own checkpoint. A dry run (``--preview --refresh``) refreshes a copy of
the checkpoint, so neither the tenant nor the state changes.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from pulumi_runai.testing import Result, Stack, StateFile

from .emulator import CLIENT_ID, CLIENT_SECRET
from .plan import RESOURCE_PREFIX
from .policy import PolicyOptions, start_pack
from .targets import Target


class HarnessRun:
    """preview / refresh / up / destroy of one target against the control plane at ``url``."""

    def __init__(self, target: Target, url: str, policy: PolicyOptions | None = None) -> None:
        self.target = target
        self.url = url
        self.policy = policy
        self.state_file = target.state_file

    def _stack(self, extra: ExitStack | None = None, *, preview: bool = False) -> Stack:
        analyzers = []
        if self.policy is not None and extra is not None:
            analyzers.append(extra.enter_context(
                start_pack(self.policy, self.target, preview=preview)))
        return Stack(self.state_file, project=self.target.project, stack=self.target.stack,
                     config={"runai:url": self.url, "runai:clientId": CLIENT_ID,
                             **self.target.config},
                     secret_config={"runai:clientSecret": CLIENT_SECRET},
                     cwd=self.target.program_dir, analyzers=analyzers)

    @contextmanager
    def dry_run(self) -> Iterator[None]:
        """Everything inside works on a copy of the checkpoint, removed afterwards."""
        real = self.state_file
        scratch = real.with_name(f".{real.stem}.dry-run.json")
        if real.exists():
            shutil.copyfile(real, scratch)
        self.state_file = scratch
        try:
            yield
        finally:
            self.state_file = real
            scratch.unlink(missing_ok=True)

    def preview(self) -> Result:
        with ExitStack() as extra:
            return self._stack(extra, preview=True).preview(self.target.program_dir)

    def up(self) -> Result:
        with ExitStack() as extra:
            return self._stack(extra).up(self.target.program_dir)

    def refresh(self) -> Result:
        return self._stack().refresh()

    def destroy(self) -> Result:
        return self._stack().destroy()

    def has_state(self) -> bool:
        return Path(self.state_file).exists()

    def resources_held(self) -> int:
        """Resources in the checkpoint (components and deleted resources not counted)."""
        return sum(1 for res in StateFile(self.state_file).resources()
                   if res.type.startswith(RESOURCE_PREFIX) and not res.pending_delete)
