"""Call policies the way the analyzer does: props behind pulumi-policy's unknown-checking proxy."""

from collections.abc import Mapping, Sequence
from typing import Any

from pulumi_policy import (
    Policy,
    PolicyCustomTimeouts,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)
from pulumi_policy.proxy import UNKNOWN_NUMBER_VALUE, UNKNOWN_STRING_VALUE, unknown_checking_proxy
from pulumi_runai.policies import tokens

UNKNOWN_STRING = UNKNOWN_STRING_VALUE
UNKNOWN_NUMBER = UNKNOWN_NUMBER_VALUE
OPTS = PolicyResourceOptions(False, [], None, [], PolicyCustomTimeouts(0, 0, 0), [])


def urn(type_: str, name: str) -> str:
    return f"urn:pulumi:dev::runai::{type_}::{name}"


def check(
    policy: Policy,
    type_: str,
    props: Mapping[str, Any],
    config: Mapping[str, Any] | None = None,
    name: str = "r1",
) -> list[str]:
    """Violation messages of one resource policy for one resource."""
    assert isinstance(policy, ResourceValidationPolicy)
    found: list[str] = []
    args = ResourceValidationArgs(
        type_, unknown_checking_proxy(dict(props)), urn(type_, name), name, OPTS, None, config
    )
    policy.validate(args, lambda message, urn=None: found.append(message))
    return found


def resource(
    type_: str,
    name: str,
    props: Mapping[str, Any],
    depends_on: Sequence[PolicyResource] = (),
    department: PolicyResource | None = None,
) -> PolicyResource:
    """A stack resource; ``department`` wires ``department_id`` like a program using ``dept.id``."""
    deps = list(depends_on) + ([department] if department else [])
    prop_deps = {"department_id": [department]} if department else {}
    return PolicyResource(
        type_,
        unknown_checking_proxy(dict(props)),
        urn(type_, name),
        name,
        OPTS,
        None,
        None,
        deps,
        prop_deps,
    )


def department(name: str, resources: list[dict[str, Any]], dept_id: str = "") -> PolicyResource:
    props = {"name": name, "cluster_id": "local", "resources": resources, "department_id": dept_id}
    return resource(tokens.DEPARTMENT, name, props)


def project(
    name: str, resources: Any, dept: PolicyResource | None = None, department_id: Any = None
) -> PolicyResource:
    props: dict[str, Any] = {"name": name, "cluster_id": "local", "resources": resources}
    if department_id is not None:
        props["department_id"] = department_id
    return resource(tokens.PROJECT, name, props, department=dept)


def check_stack(
    policy: Policy, resources: list[PolicyResource], config: Mapping[str, Any] | None = None
) -> list[tuple[str, str | None]]:
    """(message, urn) of each violation a stack policy reports."""
    assert isinstance(policy, StackValidationPolicy)
    found: list[tuple[str, str | None]] = []
    policy.validate(
        StackValidationArgs(resources, config),
        lambda message, urn=None: found.append((message, urn)),
    )
    return found


def quota(pool: str = "default", gpu: Any = 0.0, limit: Any = -1.0, **extra: Any) -> dict[str, Any]:
    """A quota entry as the host delivers it (numbers are floats)."""
    entry: dict[str, Any] = {"node_pool": pool, "gpu": {"deserved": gpu, "limit": limit}}
    entry.update(extra)
    return entry
