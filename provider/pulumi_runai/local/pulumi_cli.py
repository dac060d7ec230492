"""Running a target with the Pulumi CLI (local file backend in ``.pulumi-state/``).

Used when ``pulumi`` is on PATH; the CLI prints its own plan (``preview --diff``) and
report. Consent follows the same rule as without the CLI: a plan with deletes or replaces is
asked about by ``pulumi up`` on a terminal and refused without one unless ``--yes`` was given.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from typing import Any

from .consent import on_terminal, refusal
from .emulator import CLIENT_ID, CLIENT_SECRET
from .failures import LocalError
from .policy import PolicyOptions
from .targets import Target

PASSPHRASE = os.environ.get("PULUMI_CONFIG_PASSPHRASE", "local-emulator")
# Steps of `pulumi preview --json` that delete or replace something.
DESTRUCTIVE_OPS = frozenset({"delete", "replace", "create-replacement", "delete-replaced",
                             "discard", "discard-replaced"})


def available() -> bool:
    return shutil.which("pulumi") is not None


class CliRun:
    """``pulumi`` commands for one target, its stack selected and configured first."""

    def __init__(self, target: Target, url: str, policy: PolicyOptions | None = None) -> None:
        self.target = target
        self.url = url
        self.policy = policy
        target.state_dir.mkdir(exist_ok=True)
        self.env = {**os.environ, "PULUMI_BACKEND_URL": target.state_dir.as_uri(),
                    "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE, "PULUMI_SKIP_UPDATE_CHECK": "1"}

    def _run(self, *args: str, capture: bool = False) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["pulumi", *args], cwd=self.target.program_dir, env=self.env,
                              text=True, capture_output=capture, check=False)

    def _must(self, *args: str) -> None:
        if self._run(*args).returncode != 0:
            raise LocalError(f"`pulumi {args[0]}` failed (its output is above)")

    def configure(self) -> None:
        stack = self.target.stack
        print(f"using the Pulumi CLI (stack {stack}, local file backend in .pulumi-state/)")
        if self._run("stack", "select", stack, capture=True).returncode != 0:
            self._must("stack", "init", stack)
        settings = {"runai:url": self.url, "runai:clientId": CLIENT_ID, **self.target.config}
        for key, value in settings.items():
            self._must("config", "set", "--stack", stack, key, value)
        self._must("config", "set", "--stack", stack, "--secret", "runai:clientSecret",
                   CLIENT_SECRET)

    def _flags(self, refresh: bool) -> list[str]:
        flags = ["--stack", self.target.stack]
        if refresh:
            flags.append("--refresh")
        if self.policy is not None:
            flags += ["--policy-pack", str(self.policy.pack_dir)]
            if self.policy.config_file is not None:
                flags += ["--policy-pack-config", str(self.policy.config_file)]
        return flags

    def preview(self, refresh: bool) -> None:
        self._must("preview", "--diff", *self._flags(refresh))

    def _doomed(self, refresh: bool) -> list[str]:
        done = self._run("preview", "--json", *self._flags(refresh), capture=True)
        if done.returncode != 0:
            sys.stderr.write(done.stdout + done.stderr)
            raise LocalError("`pulumi preview` failed (its output is above)")
        plan: Any = json.loads(done.stdout or "{}")
        return [f"{step.get('op')} {str(step.get('urn', '')).rsplit('::', 1)[-1]}"
                for step in plan.get("steps") or [] if step.get("op") in DESTRUCTIVE_OPS]

    def up(self, *, refresh: bool, yes: bool) -> None:
        if yes:
            self._must("up", "--yes", "--diff", *self._flags(refresh))
            return
        doomed = self._doomed(refresh)
        if doomed and not on_terminal():
            raise refusal(doomed)
        if doomed:
            self._must("up", "--diff", *self._flags(refresh))  # pulumi asks on the terminal
        else:
            self._must("up", "--yes", "--diff", *self._flags(refresh))

    def destroy(self) -> None:
        self._must("destroy", "--yes", "--skip-preview", "--stack", self.target.stack)
