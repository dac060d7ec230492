"""Resource policy: every project belongs to a department, or no budget covers it."""

from typing import Final

from pulumi_policy import ReportViolation, ResourceValidationArgs

from . import tokens
from ._config import resource_policy
from ._values import is_unknown, label, props_of

NAME: Final = "runai-project-has-department"


def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
    """Unknown during preview means it comes from a department output: that is set."""
    if args.resource_type != tokens.PROJECT:
        return
    props = props_of(args.props)
    department_id = props.get("department_id")
    if is_unknown(department_id):
        return
    if isinstance(department_id, str | int | float) and str(department_id).strip():
        return
    report(
        f"project '{label(props, args.name)}' has no department_id, so no department's quota "
        f"covers it. Set department_id, e.g. department_id=research.id for a Department "
        f"declared in this stack.",
        None,
    )


policy: Final = resource_policy(
    NAME,
    "Every Run:ai project names its department (department_id).",
    validate,
)
