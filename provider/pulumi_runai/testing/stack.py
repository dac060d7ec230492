"""The convenience front: a stack whose commands behave like consecutive ``pulumi`` runs.

Each command starts a fresh dynamic-provider host (the engine does too, so provider and token
caches reset per command), sends it the whole namespaced stack config through Configure, loads
the JSON state, runs, checkpoints after every step, and stops the host.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from ._wire import Props, secret
from .analyzers import AnalyzerLike
from .engine import Deployment
from .host import ProviderHost
from .native_routing import RoutingHost, is_native, provider_inputs
from .program import Program, program_file, run_program
from .results import Result
from .state import StateFile

R = TypeVar("R")


class Stack:
    """A test stack: ``preview``/``up`` a program, ``refresh``, ``destroy``.

    ``config`` and ``secret_config`` use namespaced keys (``runai:url``); the program sees them
    through ``pulumi.Config`` and providers through ``configure()``. Without ``state_file`` the
    state lives in memory on this object.
    """

    def __init__(
        self,
        state_file: str | os.PathLike[str] | None = None,
        *,
        project: str = "project",
        stack: str = "dev",
        config: Mapping[str, str] | None = None,
        secret_config: Mapping[str, str] | None = None,
        parallel: int = 8,
        cwd: str | os.PathLike[str] | None = None,
        analyzers: Sequence[AnalyzerLike] = (),
        env: Mapping[str, str] | None = None,
        python: str = sys.executable,
    ) -> None:
        self.state_file = Path(state_file) if state_file is not None else None
        self.project = project
        self.stack = stack
        self.config = dict(config or {})
        self.secret_config = dict(secret_config or {})
        self.parallel = parallel
        self.cwd = Path(cwd) if cwd is not None else None
        self.analyzers = list(analyzers)
        self.env = dict(env or {})
        self.python = python
        self._memory_state = StateFile(None) if self.state_file is None else None

    # -- state ---------------------------------------------------------------------------
    @property
    def state(self) -> StateFile:
        """The current checkpoint (re-read from disk, so other processes' runs show up)."""
        if self._memory_state is not None:
            return self._memory_state
        return StateFile(self.state_file)

    def _host_config(self) -> Props:
        merged: Props = dict(self.config)
        merged.update({k: secret(v) for k, v in self.secret_config.items()})
        return merged

    def _host_cwd(self, program: Program | None) -> Path | None:
        if self.cwd is not None:
            return self.cwd
        if program is not None and not callable(program):
            return program_file(program).parent
        return None

    def _with_deployment(
        self, program: Program | None, preview: bool, body: Callable[[Deployment], R]
    ) -> R:
        state = self.state
        # The host starts and is configured in the background while the program runs.
        with ProviderHost(cwd=self._host_cwd(program), project=self.project, env=self.env,
                          python=self.python, config=self._host_config()) as dynamic:
            # runai:* resources go to the native plugin, started on first use
            host = RoutingHost(dynamic, provider_inputs(self._host_config()), self.env,
                               start_now=any(is_native(r.type) and not r.provider
                                             for r in state.resources()),
                               stack=self.stack, project=self.project)
            host.learn(state.resources())
            deployment = Deployment(host, state, project=self.project,  # type: ignore[arg-type]
                                    stack=self.stack, preview=preview,
                                    analyzers=self.analyzers, parallel=self.parallel)
            try:
                return body(deployment)
            finally:
                host.close()

    # -- commands ------------------------------------------------------------------------
    def up(self, program: Program) -> Result:
        """`pulumi up --yes --skip-preview`: steps run as the program registers resources, so
        one that fails Check stops the run after the others have changed; call `preview()`
        first to model the default `pulumi up`, whose preview stops it before any change."""
        return self._run(program, preview=False)

    def preview(self, program: Program) -> Result:
        """Check and Diff only: planned steps, nothing written to the state file."""
        return self._run(program, preview=True)

    def _run(self, program: Program, *, preview: bool) -> Result:
        config = {**self.config, **self.secret_config}

        def body(deployment: Deployment) -> Result:
            outputs = run_program(deployment, program, config=config,
                                  secret_keys=sorted(self.secret_config))
            return deployment.finish(outputs)

        return self._with_deployment(program, preview, body)

    def refresh(self) -> Result:
        return self._with_deployment(None, False, lambda d: d.refresh())

    def destroy(self) -> Result:
        return self._with_deployment(None, False, lambda d: d.destroy())
