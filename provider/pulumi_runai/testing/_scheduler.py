"""Run tasks with dependencies concurrently, like the engine's step executor does for deletes.

A task starts once everything it waits for has finished; after the first failure no new task
starts (running ones complete), mirroring how the engine stops a failing deployment.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def run_graph(
    keys: Sequence[K],
    waits_for: Mapping[K, set[K]],
    task: Callable[[K], None],
    parallel: int,
) -> list[BaseException]:
    """Run ``task(key)`` for every key respecting ``waits_for``; returns the errors raised."""
    pending = {k: set(waits_for.get(k, set())) & set(keys) for k in keys}
    errors: list[BaseException] = []
    lock = threading.Lock()
    running: dict[Future[None], K] = {}
    with ThreadPoolExecutor(max_workers=max(1, parallel)) as pool:
        while pending or running:
            if not errors:
                ready = [k for k, deps in pending.items() if not deps]
                for key in ready:
                    del pending[key]
                    running[pool.submit(task, key)] = key
            if not running:
                break  # only blocked tasks left: a failure or a cycle stopped progress
            done, _ = wait(list(running), return_when=FIRST_COMPLETED)
            for fut in done:
                key = running.pop(fut)
                exc = fut.exception()
                with lock:
                    if exc is not None:
                        errors.append(exc)
                for deps in pending.values():
                    deps.discard(key)
    if pending and not errors:
        errors.append(RuntimeError(f"dependency cycle among {sorted(map(str, pending))}"))
    return errors
