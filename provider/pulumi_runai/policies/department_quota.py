"""Stack policy: a department's projects may not deserve more than the department has."""

from collections.abc import Mapping
from typing import Any, Final

from pulumi_policy import (
    EnforcementLevel,
    PolicyResource,
    ReportViolation,
    StackValidationArgs,
    StackValidationPolicy,
)

from . import tokens
from ._config import config_schema, settings, string_list
from ._values import fmt, is_unknown, label, props_of
from .quota_math import (
    RESOURCE_KINDS,
    Overcommit,
    entries_by_pool,
    find_overcommits,
    from_mb,
    memory_units,
)

NAME: Final = "runai-department-quota-covers-projects"

SCHEMA: Final[Mapping[str, Mapping[str, Any]]] = {
    "resources": {
        "type": "array",
        "items": {"type": "string", "enum": list(RESOURCE_KINDS)},
        "default": list(RESOURCE_KINDS),
        "description": "Quotas to add up (CPU and memory only where the department sets them).",
    },
}


def department_of(
    project: PolicyResource, departments: Mapping[str, PolicyResource]
) -> PolicyResource | None:
    """The department a project belongs to, by URN (``departments`` is keyed by URN).

    During preview a new project's ``department_id`` is unknown, so the engine's dependency
    graph is the reliable link; the output id is the fallback for departments referenced by id.
    """
    for dep in project.property_dependencies.get("department_id", []):
        if dep.urn in departments:
            return departments[dep.urn]
    linked = {dep.urn for dep in project.dependencies if dep.urn in departments}
    if len(linked) == 1:
        return departments[linked.pop()]
    wanted = props_of(project.props).get("department_id")
    if not isinstance(wanted, str) or not wanted or is_unknown(wanted):
        return None
    for department in departments.values():
        if props_of(department.props).get("department_id") == wanted:
            return department
    return None


def describe(overcommit: Overcommit, department: str, cluster: str, units: str) -> str:
    """The violation as an approver reads it: who, where, how much, and what to change."""
    kind = overcommit.kind
    if kind == "memory":
        unit = units

        def show(amount: float) -> str:
            return f"{fmt(round(from_mb(amount, units), 3))} {units}"
    else:
        unit = "GPUs" if kind == "gpu" else "millicores"

        def show(amount: float) -> str:
            return f"{fmt(amount)} {unit}"

    shares = ", ".join(f"{name} {show(share)}" for name, share in overcommit.by_project)
    excess = overcommit.projects - overcommit.department
    return (
        f"department '{department}' (cluster '{cluster}', node pool '{overcommit.node_pool}'): "
        f"its projects deserve {show(overcommit.projects)} of {kind} in total ({shares}) "
        f"but the department deserves only {show(overcommit.department)}. "
        f"Raise the department's {kind}.deserved on node pool '{overcommit.node_pool}' to at "
        f"least {show(overcommit.projects)}, or lower the projects' {kind}.deserved by "
        f"{show(excess)}."
    )


def validate(args: StackValidationArgs, report: ReportViolation) -> None:
    """Group projects under their departments and report each over-promised pool and kind."""
    kinds = string_list(settings(args.get_config(), SCHEMA)["resources"])
    departments = {r.urn: r for r in args.resources if r.resource_type == tokens.DEPARTMENT}
    members: dict[str, list[tuple[str, Any]]] = {urn: [] for urn in departments}
    for resource in args.resources:
        if resource.resource_type != tokens.PROJECT:
            continue
        department = department_of(resource, departments)
        if department is not None:
            props = props_of(resource.props)
            members[department.urn].append((label(props, resource.name), props.get("resources")))
    for urn, projects in members.items():
        props = props_of(departments[urn].props)
        cluster = props.get("cluster_id")
        cluster_text = "<unknown>" if is_unknown(cluster) else str(cluster)
        name = label(props, departments[urn].name)
        for overcommit in find_overcommits(props.get("resources"), projects, kinds):
            # find_overcommits only reports when the department's pools could be read
            pool_entry = entries_by_pool(props.get("resources")).get(overcommit.node_pool)
            units = memory_units(pool_entry)
            report(describe(overcommit, name, cluster_text, units), urn)


policy: Final = StackValidationPolicy(
    name=NAME,
    description=(
        "Per cluster and node pool, the projects of a Run:ai department may not deserve more "
        "GPUs (and CPU and memory, where the department sets them) than the department."
    ),
    validate=validate,
    enforcement_level=EnforcementLevel.MANDATORY,
    config_schema=config_schema(SCHEMA),
)
