"""Let the Python dynamic-provider host serve more than four provider calls at once.

Why: ``python -m pulumi.dynamic`` serves gRPC on ``ThreadPoolExecutor(max_workers=4)``, so
however many resources the engine sends at once (``pulumi up`` is unbounded by default), no
more than four Run:ai calls are in flight and every check or diff queues behind creates. The
bound lives in a module-level ``main()`` with no setting, so the provider raises it from inside
the host, once, when it is first configured. A ``ThreadPoolExecutor`` reads ``_max_workers``
each time work is submitted, so raising it takes effect at once.

Only the host's own server is touched: outside the host (a Pulumi program, a test importing the
provider) this does nothing, and if a future host is built differently (no gRPC server state
with a thread pool found) it does nothing either — the provider then works at four threads.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

log = logging.getLogger("pulumi_runai")

HOST_MODULE = "pulumi.dynamic.__main__"

_lock = threading.Lock()
_UNTRIED = -1
# What the first attempt left in force (None: no server found); later calls reuse it, since
# the gc scan costs milliseconds.
_bound: int | None = _UNTRIED


def in_dynamic_host() -> bool:
    """True in the process the engine starts as ``python -m pulumi.dynamic``."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    return getattr(spec, "name", None) == HOST_MODULE


def _server_pools() -> list[ThreadPoolExecutor]:
    """The thread pools of the gRPC servers in this process (the host runs exactly one)."""
    server_module = sys.modules.get("grpc._server")
    state_type: Any = getattr(server_module, "_ServerState", None)
    if state_type is None:
        return []
    pools = []
    for obj in gc.get_objects():
        if isinstance(obj, state_type):
            pool = getattr(obj, "thread_pool", None)
            if isinstance(pool, ThreadPoolExecutor) and hasattr(pool, "_max_workers"):
                pools.append(pool)
    return pools


def widen_host_threads(workers: int, *, force: bool = False) -> int | None:
    """Raise the host's gRPC worker bound to ``workers`` (never lowers it).

    Returns the bound now in force, or None when this is not the dynamic-provider host (or
    its server could not be found). ``force`` skips the host check, for tests that build a
    server of their own.
    """
    if not force and not in_dynamic_host():
        return None
    global _bound
    with _lock:
        if not force and _bound != _UNTRIED and (_bound is None or _bound >= workers):
            return _bound
        _bound = _widen(workers)
        return _bound


def _widen(workers: int) -> int | None:
    pools = _server_pools()
    if len(pools) != 1:
        log.debug("dynamic host: %d gRPC server pools found; left as they are", len(pools))
        return None
    pool = pools[0]
    current = int(pool._max_workers)
    if workers <= current:
        return current
    pool._max_workers = workers
    # An executor starts at most one thread per submit, so calls that queued while the bound
    # was 4 would still wait: one no-op per new thread starts them now.
    try:
        for _ in range(workers - current):
            pool.submit(_nothing)
    except RuntimeError:  # the host is shutting down: nothing left to serve faster
        return current
    log.debug("dynamic host: gRPC worker threads %d -> %d", current, workers)
    return workers


def _nothing() -> None:
    """Work item whose only effect is to make the executor start a thread."""
