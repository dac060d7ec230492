"""A small stand-in for Pulumi YAML, enough to run examples/yaml-native through the plugin
where the CLI is missing: `fn::invoke` variables, resources in dependency order, outputs.
Only whole-string `${name}` / `${resource.property}` references are understood."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pulumi_runai.testing._wire import plain
from pulumi_runai.testing.native_host import NativeHost

_REF = re.compile(r"^\$\{([A-Za-z0-9_]+)(?:\.([A-Za-z0-9_]+))?\}$")


@dataclass
class Deployment:
    """What a YAML `up` left: per resource (type, id, outputs, checked inputs), and outputs."""

    resources: dict[str, tuple[str, str, dict[str, Any], dict[str, Any]]] = field(
        default_factory=dict)
    variables: dict[str, Any] = field(default_factory=dict)
    outputs: dict[str, Any] = field(default_factory=dict)


def urn(type_: str, name: str) -> str:
    return f"urn:pulumi:dev::yaml::{type_}::{name}"


def _refs(value: Any) -> set[str]:
    if isinstance(value, str) and (m := _REF.match(value)):
        return {m.group(1)}
    if isinstance(value, dict):
        return set().union(*map(_refs, value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*map(_refs, value)) if value else set()
    return set()


def _resolve(value: Any, done: Deployment) -> Any:
    if isinstance(value, str) and (m := _REF.match(value)):
        name, prop = m.groups()
        if prop is None:
            return done.variables[name]
        return done.resources[name][2][prop]
    if isinstance(value, dict):
        return {k: _resolve(v, done) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, done) for v in value]
    return value


def up(plugin: NativeHost, program: dict[str, Any]) -> Deployment:
    done = Deployment()
    for name, spec in program.get("variables", {}).items():
        call = spec["fn::invoke"]
        result, failures = plugin.invoke(call["function"], _resolve(call["arguments"], done))
        assert failures == [], failures
        done.variables[name] = result[call["return"]]
    pending = dict(program["resources"])
    while pending:
        ready = [n for n, r in pending.items()
                 if _refs(r["properties"]) <= set(done.resources) | set(done.variables)]
        assert ready, f"unresolvable references in {sorted(pending)}"
        for name in ready:
            spec = pending.pop(name)
            news = _resolve(spec["properties"], done)
            inputs, failures = plugin.check(urn(spec["type"], name), {}, news)
            assert failures == [], (name, failures)
            id_, outputs = plugin.create(urn(spec["type"], name), inputs)
            done.resources[name] = (spec["type"], id_, plain(outputs), inputs)
    done.outputs = _resolve(program.get("outputs", {}), done)
    return done
