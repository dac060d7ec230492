"""One department, project, user and access rule: the smallest useful organisation."""

import pulumi
from pulumi_runai.organization import Organization


def gpus(deserved: int) -> list[dict[str, object]]:
    return [{"node_pool": "default", "gpu": {"deserved": deserved}}]


org = Organization("quickstart", {
    "departments": [{"name": "ml", "resources": gpus(4),
                     "projects": [{"name": "ml-team", "resources": gpus(2)}]}],
    "users": [{"email": "ada@example.com"}],
    "access": [{"user": "ada@example.com", "role": "L1 researcher", "project": "ml-team"}],
})
pulumi.export("project_id", org.projects["ml-team"].id)
