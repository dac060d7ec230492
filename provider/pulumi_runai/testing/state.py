"""The JSON state file: what one run leaves for the next, like a stack's checkpoint.

Entries keep the engine's shapes (secret values carry the signature dict), so consecutive runs,
even in separate processes, diff against exactly what the previous run stored.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from ._wire import Props

FORMAT_VERSION = 1


@dataclass(frozen=True)
class ResourceState:
    """One resource as stored after a step (``custom=False`` for component nodes).

    Frozen: a step replaces an entry (``dataclasses.replace``), never edits it, which is what
    lets :class:`StateFile` keep each entry's JSON from one checkpoint to the next.

    ``pending_delete``: the old half of a create-before-replace, deleted at the end of the run
    (the engine's ``Delete`` flag). ``pending_replacement``: the object was deleted by a
    delete-before-replace whose create has not succeeded yet (the engine's
    ``PendingReplacement``); the entry stays so the next run knows to create it again.
    """

    urn: str
    type: str
    name: str
    custom: bool = True
    id: str = ""
    inputs: Props = field(default_factory=dict)
    outputs: Props = field(default_factory=dict)
    parent: str = ""
    dependencies: list[str] = field(default_factory=list)
    property_dependencies: dict[str, list[str]] = field(default_factory=dict)
    additional_secret_outputs: list[str] = field(default_factory=list)
    external: bool = False
    pending_delete: bool = False
    pending_replacement: bool = False
    protect: bool = False
    retain_on_delete: bool = False
    provider: str = ""
    """The explicit provider serving it, as the engine references one (`<provider urn>::<id>`);
    empty for the default provider."""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ResourceState:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


class StateFile:
    """Thread-safe in-memory state with atomic saves to an optional JSON path."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.lock = threading.RLock()
        self._resources: list[ResourceState] = []
        # id(entry) -> (entry, its JSON): a checkpoint re-encodes only the entries that changed
        self._encoded: dict[int, tuple[ResourceState, str]] = {}
        self.stack_outputs: Props = {}
        if self.path is not None and self.path.exists():
            self._load(self.path)

    def _load(self, path: Path) -> None:
        data = json.loads(path.read_text())
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"{path}: unsupported state format {data.get('version')!r}")
        self._resources = [ResourceState.from_json(r) for r in data.get("resources", [])]
        self.stack_outputs = dict(data.get("outputs", {}))

    def resources(self) -> list[ResourceState]:
        """A snapshot in dependency-respecting (creation) order."""
        with self.lock:
            return list(self._resources)

    def __iter__(self) -> Iterator[ResourceState]:
        return iter(self.resources())

    def get(self, urn: str) -> ResourceState | None:
        """The live (not pending-delete) entry for ``urn``."""
        with self.lock:
            for res in self._resources:
                if res.urn == urn and not res.pending_delete:
                    return res
            return None

    def put(self, res: ResourceState) -> None:
        """Replace the live entry with the same URN in place, or append a new one."""
        with self.lock:
            for i, old in enumerate(self._resources):
                if old.urn == res.urn and not old.pending_delete:
                    self._resources[i] = res
                    return
            self._resources.append(res)

    def substitute(self, old: ResourceState, *entries: ResourceState) -> None:
        """Put ``entries`` where ``old`` is (it may have a different URN, e.g. under an alias),
        keeping the creation order; appended if ``old`` is no longer there."""
        with self.lock:
            for i, res in enumerate(self._resources):
                if res is old:
                    self._resources[i:i + 1] = list(entries)
                    return
            self._resources.extend(entries)

    def rename_references(self, renamed: Mapping[str, str]) -> None:
        """Point parents and dependencies named by an old URN at the new one."""
        with self.lock:
            for i, res in enumerate(self._resources):
                deps = [renamed.get(d, d) for d in res.dependencies]
                parent = renamed.get(res.parent, res.parent)
                by_key = {k: [renamed.get(d, d) for d in urns]
                          for k, urns in res.property_dependencies.items()}
                if (parent, deps, by_key) != (res.parent, res.dependencies,
                                              res.property_dependencies):
                    self._resources[i] = replace(res, parent=parent, dependencies=deps,
                                                 property_dependencies=by_key)

    def remove(self, res: ResourceState) -> None:
        with self.lock:
            self._resources = [r for r in self._resources if r is not res]

    def to_json(self) -> dict[str, Any]:
        with self.lock:
            return {
                "version": FORMAT_VERSION,
                "resources": [asdict(r) for r in self._resources],
                "outputs": self.stack_outputs,
            }

    def _encode(self, res: ResourceState) -> str:
        cached = self._encoded.get(id(res))
        if cached is not None and cached[0] is res:
            return cached[1]
        return json.dumps(asdict(res), sort_keys=True)

    def _text(self) -> str:
        """The checkpoint, one resource per line (the same JSON as ``to_json``).

        The engine checkpoints after every step; re-encoding every entry each time made a
        500-resource ``up`` spend 20 s in ``json.dumps``, so unchanged entries reuse their text.
        """
        texts = [self._encode(r) for r in self._resources]
        self._encoded = {id(r): (r, t) for r, t in zip(self._resources, texts, strict=True)}
        lines = ",\n  ".join(texts)
        resources = f"[\n  {lines}\n ]" if lines else "[]"
        outputs = json.dumps(self.stack_outputs, sort_keys=True)
        return (f'{{\n "outputs": {outputs},\n "resources": {resources},\n'
                f' "version": {FORMAT_VERSION}\n}}\n')

    def save(self) -> None:
        """Write atomically so a crash mid-save never leaves half a checkpoint."""
        if self.path is None:
            return
        with self.lock:
            text = self._text()
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".state-", suffix=".json")
            with os.fdopen(fd, "w") as handle:
                handle.write(text)
            os.replace(tmp, self.path)
