"""The SDK's provider serialization, made safe to call once per resource of a large program.

`pulumi.dynamic.dynamic.serialize_provider` (the SDK calls it for every dynamic resource a
program declares) wraps `pickle._Pickler._batch_setitems` in a new sorting wrapper on every
call and never restores it: each call nests one more wrapper, so serializing gets slower with
every resource and, around the 970th in one process, raises RecursionError (pulumi 3.216 to
3.272 at least; a program with a thousand dynamic resources fails). `install()` replaces it
with a version that puts the pickler back after each call, for every dynamic provider in the
process, and that serializes each of this package's providers once: they hold no state and
pickle by reference, so the result never changes.
"""

from __future__ import annotations

import pickle
import threading
from collections.abc import Callable
from typing import Any

import pulumi.dynamic.dynamic as sdk_dynamic

__all__ = ["install"]

_lock = threading.Lock()
_by_class: dict[type, str] = {}
_stateless: tuple[type, ...] = ()


def _restoring(original: Callable[[Any], str]) -> Callable[[Any], str]:
    def serialize_provider(provider: Any) -> str:
        with _lock:
            if isinstance(provider, _stateless) and type(provider) in _by_class:
                return _by_class[type(provider)]
            pickler: Any = pickle._Pickler
            saved = (pickler._batch_setitems, pickler.save_dict)
            try:
                result = original(provider)
            finally:
                pickler._batch_setitems, pickler.save_dict = saved
            if isinstance(provider, _stateless):
                _by_class[type(provider)] = result
            return result

    serialize_provider.__wrapped__ = original  # type: ignore[attr-defined]
    return serialize_provider


def install(stateless: type) -> None:
    """Replace the SDK's serializer (once per process); `stateless` instances are cached."""
    global _stateless
    with _lock:
        _stateless = (stateless,)
        current = sdk_dynamic.serialize_provider
        if not hasattr(current, "__wrapped__"):
            sdk_dynamic.serialize_provider = _restoring(current)
