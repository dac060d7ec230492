"""Per-kind state logic over the store (moto style): no HTTP here.

`Backend.ctx()` opens one transaction per API call; the kind modules validate and raise
`EmulatorError` so nothing is half-written.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..config import EmulatorConfig
from ..store import Store
from ..switches import Switches
from .common import Ctx


class Backend:
    """The emulator's state: a store plus the settings the kinds consult."""

    def __init__(self, config: EmulatorConfig, store: Store) -> None:
        self.config = config
        self.store = store
        # replaced whole (never mutated), so a request reads one consistent set of choices
        self.switches: Switches = config.switches
        with self.ctx() as ctx:
            from .. import seed

            seed.apply(ctx)

    @contextmanager
    def ctx(self, actor: str = "system") -> Iterator[Ctx]:
        with self.store.tx() as tx:
            yield Ctx(tx, self.config, actor, switches=self.switches)

    def set_switches(self, patch: object) -> Switches:
        """Change some switches (all checked first); raises SwitchError naming a bad one."""
        self.switches = self.switches.patched(patch)
        return self.switches

    def reset(self) -> None:
        """Back to the seed and the command-line switches (the signing key stays, so issued
        tokens remain valid)."""
        from .. import seed

        self.switches = self.config.switches
        with self.ctx() as ctx:
            ctx.tx.clear()
            seed.apply(ctx)
