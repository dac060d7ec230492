"""Take over a department, project, user and access rule that someone created by hand.

`adopt: true` makes each resource look its object up by natural key (name in the cluster,
email, subject+role+scope) and manage it from then on instead of failing on "already exists".
`pulumi import` does not work for dynamic providers (pulumi/pulumi#16175); this is the way in.
"""

import pulumi
from pulumi_runai.organization import Organization

org = Organization("adopted", {
    "adopt": True,
    "departments": [{
        "name": "legacy",
        "description": "Created in the UI in 2023; managed as code from now on.",
        "resources": [{"node_pool": "default", "gpu": {"deserved": 4, "limit": -1}}],
        "projects": [{
            "name": "legacy-batch",
            "resources": [{"node_pool": "default", "gpu": {"deserved": 2, "limit": -1}}],
        }],
    }],
    "users": [{"email": "old-timer@example.com"}],
    "access": [
        {"user": "old-timer@example.com", "role": "L2 researcher", "project": "legacy-batch"},
    ],
})
pulumi.export("department_id", org.departments["legacy"].id)
pulumi.export("project_id", org.projects["legacy-batch"].id)
