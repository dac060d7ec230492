"""A toy dynamic provider for testing the harness: it manages text files in a directory.

It must live in an importable module (not a test file) so that dill pickles it by reference and
the host process, started with this directory as cwd, can import it. Every provider call is
appended to ``journal.jsonl`` in the managed directory with wall-clock start/end times, so tests
can observe ordering and overlap across the host's threads and processes.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import pulumi
from pulumi.dynamic import (
    CheckFailure,
    CheckResult,
    ConfigureRequest,
    CreateResult,
    DiffResult,
    ReadResult,
    Resource,
    ResourceProvider,
    UpdateResult,
)

FIELDS = ("dir", "key", "content", "delay", "secret_note")


def journal(directory: str) -> list[dict[str, Any]]:
    """Everything the provider did in ``directory``, in the order calls finished."""
    path = Path(directory) / "journal.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line]


def _log(directory: str, op: str, key: str, started: float, **extra: Any) -> None:
    entry = {"op": op, "key": key, "t0": started, "t1": time.time(), "pid": os.getpid(), **extra}
    with open(Path(directory) / "journal.jsonl", "a") as handle:
        handle.write(json.dumps(entry) + "\n")


class FileProvider(ResourceProvider):
    """Explicit diff (ignores ``__provider``), ``key`` forces replacement, full update outputs."""

    def __init__(self, tag: str = "v1", delete_before_replace: bool | None = None) -> None:
        super().__init__()
        self.tag = tag  # captured: a different tag means a different pickled __provider
        self.dbr = delete_before_replace
        self.prefix = ""

    def configure(self, req: ConfigureRequest) -> None:
        self.prefix = req.config.get("toy:prefix") or ""

    def check(self, olds: dict[str, Any], news: dict[str, Any]) -> CheckResult:
        failures = [CheckFailure(k, f"{k} is required") for k in ("dir", "key") if not news.get(k)]
        return CheckResult({k: v for k, v in news.items() if k in FIELDS}, failures)

    def diff(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        changed = [k for k in ("key", "content") if olds.get(k) != news.get(k)]
        return DiffResult(changes=bool(changed), replaces=[k for k in changed if k == "key"],
                          delete_before_replace=self.dbr)

    def _path(self, props: dict[str, Any]) -> Path:
        return Path(props["dir"]) / f"{props['key']}.txt"

    def _outs(self, props: dict[str, Any]) -> dict[str, Any]:
        body = self._path(props).read_text()
        return {
            **{k: props.get(k) for k in FIELDS if k in props},
            "size": len(body),
            "token": f"tok-{props['key']}",
            "written_by": self.tag,
        }

    def create(self, props: dict[str, Any]) -> CreateResult:
        started = time.time()
        time.sleep(float(props.get("delay") or 0))  # stands in for API latency
        # without content: the host's environment speaks (tests see which env the host got)
        content = props.get("content", os.environ.get("TOY_CONTENT_FROM_ENV", ""))
        self._path(props).write_text(self.prefix + str(content))
        _log(props["dir"], "create", props["key"], started, tag=self.tag)
        print(f"toy: created {props['key']}", file=sys.stderr)
        return CreateResult(props["key"], self._outs(props))

    def read(self, id_: str, props: dict[str, Any]) -> ReadResult:
        path = Path(props["dir"]) / f"{id_}.txt"
        if not path.exists():
            return ReadResult(None, {})
        content = path.read_text()[len(self.prefix):]
        inputs = {k: props[k] for k in FIELDS if k in props} | {"content": content}
        return ReadResult(id_, self._outs(inputs), inputs)

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        started = time.time()
        self._path(news).write_text(self.prefix + str(news.get("content", "")))
        _log(news["dir"], "update", news["key"], started, tag=self.tag)
        return UpdateResult(self._outs(news))

    def delete(self, id_: str, props: dict[str, Any]) -> None:
        started = time.time()
        self._path(props).unlink(missing_ok=True)
        _log(props["dir"], "delete", props["key"], started, tag=self.tag)


class WipingProvider(FileProvider):
    """The classic bug: no update() override, so the default wipes every output."""

    def update(self, id_: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        self._path(news).write_text(self.prefix + str(news.get("content", "")))
        return UpdateResult()


class DefaultDiffProvider(FileProvider):
    """No diff() override: the host answers DIFF_UNKNOWN and the engine diffs inputs."""

    diff = ResourceProvider.diff  # type: ignore[assignment]


class ExclusiveProvider(FileProvider):
    """Refuses to create over a file that exists, as an API answers 409 for a taken name."""

    def create(self, props: dict[str, Any]) -> CreateResult:
        if self._path(props).exists():
            raise RuntimeError(f"409 conflict: {props['key']} already exists")
        return super().create(props)


class File(Resource, module="toy", name="File"):
    """A file; ``token`` is declared secret with additional_secret_outputs."""

    size: pulumi.Output[float]
    token: pulumi.Output[str]
    content: pulumi.Output[str]
    written_by: pulumi.Output[str]

    def __init__(
        self,
        name: str,
        *,
        dir: pulumi.Input[str],
        key: pulumi.Input[str],
        content: pulumi.Input[str] = "",
        delay: float = 0.0,
        secret_note: pulumi.Input[str] | None = None,
        provider: FileProvider | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        opts = pulumi.ResourceOptions.merge(
            opts, pulumi.ResourceOptions(additional_secret_outputs=["token"])
        )
        props = {
            "dir": dir, "key": key, "content": content, "delay": delay,
            "secret_note": secret_note, "size": None, "token": None, "written_by": None,
        }
        super().__init__(provider or FileProvider(), name, props, opts)
