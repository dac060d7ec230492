"""A tiny policy pack over the toy provider: files may not say "forbidden"."""

from pulumi_policy import (
    EnforcementLevel,
    PolicyPack,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
)


def _no_forbidden(args: ResourceValidationArgs, report: ReportViolation) -> None:
    if args.resource_type == "pulumi-python:dynamic/toy:File" and \
            args.props.get("content") == "forbidden":
        report(f"file {args.name} says forbidden")


PolicyPack(
    name="toy-guardrails",
    enforcement_level=EnforcementLevel.MANDATORY,
    policies=[ResourceValidationPolicy(name="no-forbidden", description="no forbidden files",
                                       validate=_no_forbidden)],
)
