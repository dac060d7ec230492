"""Per-node-pool quotas with over-quota weights, kept in a YAML file beside the program."""

import pulumi
from pulumi_runai.organization import Organization

org = Organization.from_yaml("quotas.yaml", "quotas")
for name, project in org.projects.items():
    pulumi.export(f"{name}_resources", project.resources)
