"""Stack policy: a project's workload policy may not raise a limit above its department's.

Run:ai merges policies from the broadest scope down and the department's rules win, so a project
policy with a higher `max` is silently not what its workloads get: the program says one thing
and the tenant does another. The two policies are linked through the stack (the project's
policy names the project, the project its department, the department's policy the
department), by property dependency first and by id when an id is given directly.
"""

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
from ._values import fmt, is_unknown, label, number, props_of
from .department_quota import department_of

NAME: Final = "runai-project-policy-within-department"
LIMIT_KEY: Final = "max"


def raised_limits(
    department: Any, project: Any, path: str = "rules"
) -> list[tuple[str, float, float]]:
    """(path, department's limit, project's limit) for every `max` the project sets higher
    than the department sets it at the same place in `rules`; unknown values are skipped."""
    if not isinstance(department, Mapping) or not isinstance(project, Mapping):
        return []
    found: list[tuple[str, float, float]] = []
    for key, value in project.items():
        where = f"{path}.{key}"
        if key == LIMIT_KEY:
            ours, theirs = number(value), number(department.get(key))
            if ours is not None and theirs is not None and ours > theirs:
                found.append((where, theirs, ours))
        else:
            found += raised_limits(department.get(key), value, where)
    return found


def _linked(
    policy: PolicyResource, candidates: Mapping[str, PolicyResource], id_output: str
) -> PolicyResource | None:
    """The department or project a policy's `scope_id` names, by dependency, else by id."""
    for dep in policy.property_dependencies.get("scope_id", []):
        if dep.urn in candidates:
            return candidates[dep.urn]
    wanted = props_of(policy.props).get("scope_id")
    if not isinstance(wanted, str) or is_unknown(wanted):
        return None
    for candidate in candidates.values():
        if str(props_of(candidate.props).get(id_output)) == wanted:
            return candidate
    return None


def _rules(policy: PolicyResource) -> Any:
    body = props_of(policy.props).get("policy")
    return body.get("rules") if isinstance(body, Mapping) else None


def validate(args: StackValidationArgs, report: ReportViolation) -> None:
    """Pair each project policy with its department's policy of the same workload type."""
    of_type: dict[str, dict[str, PolicyResource]] = {}
    for resource in args.resources:
        if resource.resource_type in (tokens.DEPARTMENT, tokens.PROJECT):
            of_type.setdefault(resource.resource_type, {})[resource.urn] = resource
    departments = of_type.get(tokens.DEPARTMENT, {})
    projects = of_type.get(tokens.PROJECT, {})
    policies = [r for r in args.resources if r.resource_type == tokens.WORKLOAD_POLICY]
    parents: dict[tuple[str, Any], PolicyResource] = {}
    for policy in policies:
        props = props_of(policy.props)
        department = _linked(policy, departments, "department_id")
        if props.get("scope_type") == "department" and department is not None:
            parents[(department.urn, props.get("workload_type"))] = policy
    for policy in policies:
        props = props_of(policy.props)
        project = _linked(policy, projects, "project_id")
        if props.get("scope_type") != "project" or project is None:
            continue
        department = department_of(project, departments)
        parent = None if department is None else parents.get(
            (department.urn, props.get("workload_type")))
        if parent is None:
            continue
        project_name = label(props_of(project.props), project.name)
        for path, theirs, ours in raised_limits(_rules(parent), _rules(policy)):
            report(
                f"workload policy '{policy.name}' ({props.get('workload_type')} on project "
                f"'{project_name}') sets {path} = {fmt(ours)}, above {fmt(theirs)} in its "
                f"department's policy '{parent.name}', which Run:ai applies instead. Lower it to "
                f"at most {fmt(theirs)}, or raise the department's.",
                policy.urn,
            )


policy: Final = StackValidationPolicy(
    name=NAME,
    description=(
        "A project's workload policy may not raise a rule's max above the same rule in its "
        "department's policy of the same workload type."
    ),
    validate=validate,
    enforcement_level=EnforcementLevel.MANDATORY,
)
