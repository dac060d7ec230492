"""Per-kind state logic over the store (moto style): no HTTP here.

`Backend.ctx()` opens one transaction per API call; the kind modules validate and raise
`EmulatorError` so nothing is half-written.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..config import EmulatorConfig
from ..store import Store
from .common import Ctx


class Backend:
    """The emulator's state: a store plus the settings the kinds consult."""

    def __init__(self, config: EmulatorConfig, store: Store) -> None:
        self.config = config
        self.store = store
        with self.ctx() as ctx:
            from .. import seed

            seed.apply(ctx)

    @contextmanager
    def ctx(self, actor: str = "system") -> Iterator[Ctx]:
        with self.store.tx() as tx:
            yield Ctx(tx, self.config, actor)

    def reset(self) -> None:
        """Back to the seed (the signing key stays, so issued tokens remain valid)."""
        from .. import seed

        with self.ctx() as ctx:
            ctx.tx.clear()
            seed.apply(ctx)
