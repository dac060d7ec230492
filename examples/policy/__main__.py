"""An organisation that breaks two guardrails of the policy pack in ../../policy.

`fast-track` deserves 12 GPUs (the pack allows 8 per project by default) and an access rule
makes a user Department administrator (admin roles go only to allow-listed subjects).
"""

import pulumi
from pulumi_runai.organization import Organization


def gpus(deserved: int) -> list[dict[str, object]]:
    return [{"node_pool": "default", "gpu": {"deserved": deserved, "limit": deserved}}]


org = Organization("guarded", {
    "departments": [{
        "name": "product",
        "resources": gpus(16),
        "projects": [
            {"name": "fast-track", "resources": gpus(12)},
            {"name": "steady", "resources": gpus(4)},
        ],
    }],
    "users": [{"email": "intern@example.com"}],
    "access": [
        {"user": "intern@example.com", "role": "Department administrator", "department": "product"},
    ],
})
pulumi.export("projects", list(org.projects))
