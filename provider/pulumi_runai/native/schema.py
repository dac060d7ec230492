"""The package schema (`GetSchema`, `schema.json`), generated from the kind registry.

Why generated: every fact about a field (doc, required, replace, secret, output-only) is in
the kind's `Field`s and every nested shape is a `TypedDict` in the models, so the schema, the
SDK generated from it and the lifecycle cannot disagree. Names are the registry's in camelCase
(`names`). Nested shapes become named object types (`runai:index:NodePoolQuota`, ...).
"""

from __future__ import annotations

import inspect
import json
import types as pytypes
import typing
from collections.abc import Iterable
from functools import cache
from typing import Any

from pulumi_runai.kinds import KINDS, Kind
from pulumi_runai.models import quotas
from pulumi_runai.models.fields import Field
from pulumi_runai.native.functions import FUNCTIONS, TOKEN_PREFIX, Function, Param
from pulumi_runai.native.names import to_camel

PACKAGE = "runai"
VERSION = "0.1.0"

QUOTAS_SHAPE = list[quotas.NodePoolQuota]
"""The shape of every field whose type is `quotas`."""

FREE_FORM = {"type": "object", "additionalProperties": {"$ref": "pulumi.json#/Any"}}
"""An object field whose model declares no shape (`object_shape` finds none)."""


def object_shape(kind: Kind, field: Field) -> Any | None:
    """The `TypedDict` in the kind's model module named after an object-typed field
    (`scheduling_rules` -> `SchedulingRules`), or None: the models' convention, so a new
    nested input gets a named schema type by declaring its shape there."""
    name = "".join(part.capitalize() for part in field.name.split("_"))
    shape = getattr(kind.lifecycle.model, name, None)
    return shape if typing.is_typeddict(shape) else None


CONFIG: dict[str, dict[str, Any]] = {
    "url": {"type": "string", "description": "The control plane's URL, "
            "e.g. https://<tenant>.run.ai (env RUNAI_URL)."},
    "clientId": {"type": "string", "description": "The application's client id "
                 "(env RUNAI_CLIENT_ID)."},
    "clientSecret": {"type": "string", "secret": True, "description": "The application's "
                     "client secret (env RUNAI_CLIENT_SECRET); set it with `--secret`."},
    "caBundle": {"type": "string", "description": "A PEM file with the control plane's CA "
                 "(env RUNAI_CA_BUNDLE)."},
    "insecureSkipVerify": {"type": "boolean", "description": "Skip TLS verification "
                           "(env RUNAI_INSECURE_SKIP_VERIFY); for test tenants only."},
    "timeout": {"type": "number", "description": "Seconds per HTTP request, default 30 "
                "(env RUNAI_TIMEOUT)."},
    "waitTimeout": {"type": "number", "description": "Seconds a project may take to become "
                    "ready or gone, default 300 (env RUNAI_WAIT_TIMEOUT)."},
    "hostThreads": {"type": "integer", "description": "Run:ai calls the plugin makes at "
                    "once, default 16 (env RUNAI_HOST_THREADS)."},
}
"""Provider configuration: the dynamic provider's `runai:*` keys, so one stack config serves
both (the settings module reads them; this states their schema)."""

_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean"}


def resource_token(kind: Kind) -> str:
    return TOKEN_PREFIX + kind.name


class _Types:
    """Collects the named object types met while describing properties."""

    def __init__(self) -> None:
        self.types: dict[str, dict[str, Any]] = {}

    def of_hint(self, hint: Any) -> dict[str, Any]:
        """A property type for a Python type hint (scalars, lists, TypedDicts)."""
        origin = typing.get_origin(hint)
        if origin in (typing.Union, pytypes.UnionType):
            hint = next(a for a in typing.get_args(hint) if a is not type(None))
            origin = typing.get_origin(hint)
        if origin in (typing.Required, typing.NotRequired):
            return self.of_hint(typing.get_args(hint)[0])
        if origin is list:
            return {"type": "array", "items": self.of_hint(typing.get_args(hint)[0])}
        if typing.is_typeddict(hint):
            return {"$ref": f"#/types/{self.named(hint)}"}
        return {"type": _SCALARS[hint]}

    def named(self, shape: Any) -> str:
        token = f"{TOKEN_PREFIX}{shape.__name__}"
        if token not in self.types:
            self.types[token] = {}  # placeholder first: shapes may nest
            hints = typing.get_type_hints(shape, include_extras=True)
            self.types[token] = {
                "type": "object",
                "description": inspect.getdoc(shape) or "",
                "properties": {to_camel(k): self.of_hint(h) for k, h in hints.items()},
                **_required(to_camel(k) for k, h in hints.items() if _is_required(shape, h)),
            }
        return token

    def of_field(self, kind: Kind, field: Field) -> dict[str, Any]:
        if field.type == "quotas":
            return self.of_hint(QUOTAS_SHAPE)
        if field.type == "object":
            shape = object_shape(kind, field)
            return dict(FREE_FORM) if shape is None else self.of_hint(shape)
        if field.type == "array":
            return {"type": "array", "items": {"type": "string"}}
        return {"type": field.type}


def _is_required(shape: Any, hint: Any) -> bool:
    """Read from the hints: `__required_keys__` misses `Required[...]` under postponed
    annotations (the models use `from __future__ import annotations`)."""
    marked = typing.get_origin(hint)
    if marked is typing.Required:
        return True
    return bool(shape.__total__) and marked is not typing.NotRequired


def _required(names: Iterable[str]) -> dict[str, Any]:
    listed = list(names)
    return {"required": listed} if listed else {}


def _property(types: _Types, kind: Kind, field: Field) -> dict[str, Any]:
    spec = {**types.of_field(kind, field), "description": field.doc}
    if field.secret:
        spec["secret"] = True
    if field.replace and not field.output_only:
        spec["willReplaceOnChanges"] = True
    return spec


def _resource(types: _Types, kind: Kind) -> dict[str, Any]:
    spec = kind.spec
    inputs = [f for f in spec.fields if not f.output_only]
    return {
        "description": spec.doc,
        "properties": {to_camel(f.name): _property(types, kind, f) for f in spec.fields},
        "required": [to_camel(f.name) for f in spec.fields
                     if f.required or f.name in (spec.id_output, "adopt")],
        "inputProperties": {to_camel(f.name): _property(types, kind, f) for f in inputs},
        "requiredInputs": [to_camel(f.name) for f in inputs if f.required],
    }


def _params(params: Iterable[Param]) -> dict[str, Any]:
    listed = list(params)
    return {
        "type": "object",
        "properties": {to_camel(p.name): {"type": p.type} for p in listed},
        **_required(to_camel(p.name) for p in listed if p.required),
    }


def _function(function: Function) -> dict[str, Any]:
    # The lookup's paragraph on its Python-only `settings=` argument does not apply here.
    paragraphs = [p for p in function.doc.split("\n\n") if "`settings`" not in p]
    return {
        "description": "\n\n".join(paragraphs),
        "inputs": _params(function.args),
        "outputs": {**_params(function.results), "description": function.result_doc},
    }


@cache
def schema() -> dict[str, Any]:
    """The package schema as a dict (see `schema_json` for the text the plugin serves)."""
    types = _Types()
    resources = {resource_token(k): _resource(types, k) for k in KINDS}
    config = {k: dict(v) for k, v in CONFIG.items()}
    return {
        "name": PACKAGE,
        "displayName": "Run:ai",
        "version": VERSION,
        "description": "NVIDIA Run:ai organisations (departments, projects, users, access "
        "rules) as native Pulumi resources.",
        "keywords": ["pulumi", "runai", "nvidia", "kubernetes", "category/cloud",
                     "kind/native"],
        "license": "Apache-2.0",
        "publisher": "pulumi-runai",
        "config": {"variables": config},
        "provider": {
            "description": "The Run:ai provider: where and as whom to talk to the control "
            "plane.",
            "inputProperties": config,
        },
        "resources": resources,
        "functions": {f.token: _function(f) for f in FUNCTIONS},
        "types": dict(sorted(types.types.items())),
        "language": {
            "python": {"packageName": "pulumi_runai_native", "respectSchemaVersion": True},
            "nodejs": {"packageName": "@pulumi-runai/runai"},
        },
    }


def schema_json() -> str:
    """The schema as `schema.json` holds it (sorted keys, two-space indent, final newline)."""
    text: str = json.dumps(schema(), indent=2, sort_keys=True, ensure_ascii=False)
    return text + "\n"


@cache
def property_names() -> frozenset[str]:
    """Every property name of every resource and nested type, in the lifecycle's snake_case
    (to translate names inside failure messages)."""
    from pulumi_runai.native.names import to_snake

    found: set[str] = set()
    for spec in (*schema()["resources"].values(), *schema()["types"].values()):
        found.update(to_snake(name) for name in spec.get("properties", {}))
    return frozenset(found)


if __name__ == "__main__":  # python -m pulumi_runai.native.schema > provider/plugin/schema.json
    import sys

    sys.stdout.write(schema_json())
