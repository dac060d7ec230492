"""The native provider's functions (`runai:index:getCluster`, ...): the program lookups.

Why derived: each function is a `pulumi_runai.lookups` function; its arguments (from the
signature), results (from the returned dataclass) and docs (from the docstrings) give both the
schema entry and the invoke call, so a lookup added there needs one line here.
"""

from __future__ import annotations

import dataclasses
import inspect
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pulumi_runai import lookups
from pulumi_runai.native.names import to_camel
from pulumi_runai.settings import Settings

TOKEN_PREFIX = "runai:index:"


@dataclass(frozen=True)
class Param:
    """One argument or result of a function, in the lookup's (snake_case) name."""

    name: str
    type: str
    required: bool


_PY_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _schema_type(hint: Any) -> tuple[str, bool]:
    """(schema type, required) for a type hint such as `str | None`."""
    args = typing.get_args(hint)
    optional = type(None) in args
    core = next((a for a in args if a is not type(None)), hint) if args else hint
    return _PY_TYPES[core], not optional


@dataclass(frozen=True)
class Function:
    """A lookup served as a Pulumi function."""

    lookup: Callable[..., Any]

    @property
    def name(self) -> str:
        return to_camel(self.lookup.__name__)

    @property
    def token(self) -> str:
        return TOKEN_PREFIX + self.name

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.lookup) or ""

    @cached_property
    def args(self) -> tuple[Param, ...]:
        hints = typing.get_type_hints(self.lookup)
        params = inspect.signature(self.lookup).parameters.values()
        result = []
        for p in params:
            if p.kind is p.KEYWORD_ONLY:  # settings=: the provider's own configuration
                continue
            kind, required = _schema_type(hints[p.name])
            result.append(Param(p.name, kind, required and p.default is p.empty))
        return tuple(result)

    @cached_property
    def results(self) -> tuple[Param, ...]:
        result_type = typing.get_type_hints(self.lookup)["return"]
        hints = typing.get_type_hints(result_type)
        return tuple(
            Param(f.name, *_schema_type(hints[f.name])) for f in dataclasses.fields(result_type)
        )

    @property
    def result_doc(self) -> str:
        return inspect.getdoc(typing.get_type_hints(self.lookup)["return"]) or ""

    def call(self, settings: Settings, args: Mapping[str, Any]) -> dict[str, Any]:
        """The lookup's result as a dict (snake_case); `args` in snake_case."""
        known = {p.name for p in self.args}
        given = {k: v for k, v in args.items() if k in known and v is not None}
        return dataclasses.asdict(self.lookup(**given, settings=settings))


FUNCTIONS: tuple[Function, ...] = tuple(
    Function(f)
    for f in (
        lookups.get_cluster,
        lookups.get_node_pool,
        lookups.get_role,
        lookups.get_department,
        lookups.get_project,
        lookups.get_user,
    )
)


def function_for(token: str) -> Function:
    """The function with this token; KeyError lists the known ones."""
    for function in FUNCTIONS:
        if function.token == token:
            return function
    raise KeyError(f"unknown function {token!r}; known: {', '.join(f.token for f in FUNCTIONS)}")
