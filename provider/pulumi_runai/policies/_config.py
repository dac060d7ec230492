"""One place for each policy's config keys, their JSON schema and their defaults.

``get_config()`` returns only what the user configured; the defaults live in the schema so the
README, the CLI (which shows the schema) and the code cannot drift apart.
"""

from collections.abc import Mapping
from typing import Any

from pulumi_policy import (
    EnforcementLevel,
    PolicyConfigSchema,
    ResourceValidation,
    ResourceValidationPolicy,
)

Schema = Mapping[str, Mapping[str, Any]]


def config_schema(properties: Schema) -> PolicyConfigSchema:
    """The pulumi_policy schema object for a policy's properties."""
    return PolicyConfigSchema(properties={k: dict(v) for k, v in properties.items()})


def settings(configured: Mapping[str, Any] | None, properties: Schema) -> dict[str, Any]:
    """Configured values over the schema defaults; unknown keys are ignored."""
    given = dict(configured or {})
    return {key: given.get(key, spec.get("default")) for key, spec in properties.items()}


def string_list(value: Any) -> list[str]:
    """A list-of-strings setting; numbers become strings (role ids may be configured as 12)."""
    if not isinstance(value, list | tuple):
        return []
    out: list[str] = []
    for item in value:
        if isinstance(item, float) and item.is_integer():
            item = int(item)
        out.append(str(item))
    return out


def resource_policy(
    name: str, description: str, validate: ResourceValidation, properties: Schema | None = None
) -> ResourceValidationPolicy:
    """A mandatory resource policy; the pack config can lower its level per policy."""
    return ResourceValidationPolicy(
        name=name,
        description=description,
        validate=validate,
        enforcement_level=EnforcementLevel.MANDATORY,
        config_schema=config_schema(properties) if properties else None,
    )
