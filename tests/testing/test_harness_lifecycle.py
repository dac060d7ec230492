"""The lifecycle runner behaves like the engine on the paths where dynamic providers break."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pulumi
import pytest
import toyprov
from pulumi_runai.testing import CheckFailedError, Stack, is_secret
from pulumi_runai.testing.engine import Deployment, ResourceSpec
from pulumi_runai.testing.errors import RegistrationAfterEnd
from pulumi_runai.testing.results import Step

Program = Callable[[], None]


def files_program(files: Path, **contents: str) -> Program:
    """One toy file per keyword (name=content), keys equal to names."""

    def run() -> None:
        for name, content in contents.items():
            toyprov.File(name, dir=str(files), key=name, content=content)

    return run


def one(files: Path, *, key: str = "a", content: str = "one",
        provider: toyprov.FileProvider | None = None,
        opts: pulumi.ResourceOptions | None = None) -> Program:
    def run() -> None:
        toyprov.File("a", dir=str(files), key=key, content=content, provider=provider, opts=opts)

    return run


def test_up_update_same_and_preview_writes_nothing(make_stack: Callable[..., Stack],
                                                   files: Path, tmp_path: Path) -> None:
    stack = make_stack()
    plan = stack.preview(files_program(files, a="one"))
    assert plan.ops() == {"a": "create"} and not (files / "a.txt").exists()
    assert not (tmp_path / "state.json").exists()
    assert stack.up(files_program(files, a="one")).ops() == {"a": "create"}
    plan = stack.preview(files_program(files, a="two"))
    assert plan.step("a").op == "update" and plan.step("a").changed_keys == ("content",)
    assert (files / "a.txt").read_text() == "one"
    result = stack.up(files_program(files, a="two"))
    assert result.ops() == {"a": "update"} and result.outputs["a"]["size"] == 3.0
    assert stack.up(files_program(files, a="two")).ops() == {"a": "same"}


def test_update_that_wipes_outputs_is_visible(make_stack: Callable[..., Stack],
                                              files: Path) -> None:
    stack = make_stack()
    stack.up(one(files, provider=toyprov.WipingProvider()))
    result = stack.up(one(files, content="two", provider=toyprov.WipingProvider()))
    assert result.ops() == {"a": "update"}
    assert "size" not in result.outputs["a"]  # default UpdateResult() wiped every output
    assert "size" not in stack.state.get(result.step("a").urn).outputs  # type: ignore[union-attr]


def test_default_diff_turns_a_provider_only_change_into_an_update(
    make_stack: Callable[..., Stack], files: Path
) -> None:
    stack = make_stack()
    stack.up(one(files, provider=toyprov.DefaultDiffProvider(tag="v1")))
    result = stack.up(one(files, provider=toyprov.DefaultDiffProvider(tag="v2")))
    assert result.step("a").op == "update"
    assert result.step("a").changed_keys == ("__provider",)


def test_explicit_diff_keeps_the_stale_provider_used_by_delete(
    make_stack: Callable[..., Stack], files: Path
) -> None:
    stack = make_stack()
    stack.up(one(files, provider=toyprov.FileProvider(tag="v1")))
    assert stack.up(one(files, provider=toyprov.FileProvider(tag="v2"))).ops() == {"a": "same"}
    stack.destroy()
    deletes = [e for e in toyprov.journal(str(files)) if e["op"] == "delete"]
    assert [d["tag"] for d in deletes] == ["v1"]  # same step kept the old outputs' __provider


def _replace_order(files: Path) -> list[tuple[str, str]]:
    return [(e["op"], e["key"]) for e in toyprov.journal(str(files)) if e["op"] != "update"][1:]


def test_create_before_replace_is_the_default(make_stack: Callable[..., Stack],
                                              files: Path) -> None:
    stack = make_stack()
    stack.up(one(files, key="a"))
    result = stack.up(one(files, key="b"))
    assert [s.op for s in result.steps] == ["replace", "delete-replaced"]
    assert _replace_order(files) == [("create", "b"), ("delete", "a")]


@pytest.mark.parametrize("how", ["provider", "option"])
def test_delete_before_replace(make_stack: Callable[..., Stack], files: Path, how: str) -> None:
    prov = toyprov.FileProvider(delete_before_replace=True) if how == "provider" else None
    opts = pulumi.ResourceOptions(delete_before_replace=True) if how == "option" else None
    stack = make_stack()
    stack.up(one(files, key="a", provider=prov, opts=opts))
    assert stack.up(one(files, key="b", provider=prov, opts=opts)).ops() == {"a": "replace"}
    assert _replace_order(files) == [("delete", "a"), ("create", "b")]


def test_removed_resources_are_deleted_dependents_first(make_stack: Callable[..., Stack],
                                                        files: Path) -> None:
    def chain() -> None:
        a = toyprov.File("a", dir=str(files), key="a", content="x")
        b = toyprov.File("b", dir=str(files), key="b", content=a.size.apply(str))
        toyprov.File("c", dir=str(files), key="c", content=b.size.apply(str))

    stack = make_stack()
    stack.up(chain)
    result = stack.up(lambda: None)
    assert result.ops() == {"c": "delete", "b": "delete", "a": "delete"}
    deletes = [e["key"] for e in toyprov.journal(str(files)) if e["op"] == "delete"]
    assert deletes == ["c", "b", "a"]


def test_refresh_drops_gone_resources_and_adopts_drifted_inputs(
    make_stack: Callable[..., Stack], files: Path
) -> None:
    stack = make_stack()
    stack.up(files_program(files, a="one", b="bee"))
    (files / "a.txt").unlink()
    (files / "b.txt").write_text("drifted")
    result = stack.refresh()
    assert result.ops() == {"a": "delete", "b": "refresh"}
    assert [r.name for r in stack.state] == ["b"]
    assert result.step("b").changed_keys == ("content", "size")
    plan = stack.preview(files_program(files, b="bee"))
    assert plan.step("b").op == "update" and plan.step("b").changed_keys == ("content",)


def _secret_free_text(value: Any) -> str:
    """The JSON of ``value`` with every secret-wrapped value cut out."""
    def strip(v: Any) -> Any:
        if is_secret(v):
            return "<secret>"
        if isinstance(v, dict):
            return {k: strip(x) for k, x in v.items()}
        if isinstance(v, list):
            return [strip(x) for x in v]
        return v

    return json.dumps(strip(value))


def test_secrets_stay_marked_in_the_state_file(make_stack: Callable[..., Stack], files: Path,
                                               tmp_path: Path) -> None:
    def program() -> None:
        note = pulumi.Config("toy").require_secret("note")
        f = toyprov.File("a", dir=str(files), key="a", content="x", secret_note=note)
        pulumi.export("note", f.secret_note)  # type: ignore[attr-defined]
        pulumi.export("size", f.size)

    stack = make_stack(secret_config={"toy:note": "hush-123"})
    result = stack.up(program)
    assert result.secret_outputs["a"] == {"secret_note", "token", "__provider"}
    assert result.outputs["a"]["secret_note"] == "hush-123"
    assert result.secret_stack_outputs == {"note"}
    raw = json.loads((tmp_path / "state.json").read_text())
    assert "hush-123" in json.dumps(raw) and "tok-a" in json.dumps(raw)
    assert "hush-123" not in _secret_free_text(raw) and "tok-a" not in _secret_free_text(raw)
    # a second run in a new host re-reads the state: still secret after same / update
    stack.up(program)
    raw = json.loads((tmp_path / "state.json").read_text())
    assert "hush-123" not in _secret_free_text(raw)


def test_check_failures_stop_the_run(make_stack: Callable[..., Stack], files: Path) -> None:
    def bad() -> None:
        toyprov.File("a", dir=str(files), key="")

    with pytest.raises(CheckFailedError, match="key is required"):
        make_stack().up(bad)


def test_a_registration_left_pending_by_a_failed_run_never_reaches_its_closed_host(
    make_stack: Callable[..., Stack], files: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """When a step fails, the SDK stops waiting for the program's other registrations. One that
    resumes later (here "after", waiting on "slow" when "bad" failed; it resumes when the next
    program runs the event loop) is refused as such, not sent to the failed run's closed host
    (a "closed channel" error that asyncio printed later as "Future exception was never
    retrieved", with a traceback, in whatever test ran next)."""
    refused: dict[str, BaseException] = {}
    register = Deployment.register

    def recording(self: Deployment, spec: ResourceSpec) -> Step:
        try:
            return register(self, spec)
        except Exception as exc:
            refused[spec.name] = exc
            raise

    monkeypatch.setattr(Deployment, "register", recording)

    def failing() -> None:
        slow = toyprov.File("slow", dir=str(files), key="slow", content="s", delay=1.0)
        toyprov.File("after", dir=str(files), key="after", content=slow.content)
        toyprov.File("bad", dir=str(files), key="")

    with pytest.raises(CheckFailedError, match="key is required"):
        make_stack().up(failing)
    make_stack().up(lambda: toyprov.File("next", dir=str(files), key="next", content="n"))
    assert set(refused) == {"bad", "after"}
    assert isinstance(refused["after"], RegistrationAfterEnd), refused["after"]
    created = sorted(e["key"] for e in toyprov.journal(str(files)) if e["op"] == "create")
    assert created == ["next", "slow"]


def test_config_reaches_the_program_and_configure(make_stack: Callable[..., Stack],
                                                  files: Path) -> None:
    def program() -> None:
        toyprov.File("a", dir=pulumi.Config("toy").require("dir"), key="a", content="c")

    make_stack(config={"toy:dir": str(files), "toy:prefix": "P|"}).up(program)
    assert (files / "a.txt").read_text() == "P|c"
