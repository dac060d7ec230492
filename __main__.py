"""The organisation as code: makes the tenant match org.yaml; review `pulumi preview` first.

Credentials come from stack config (runai:url, runai:clientId, runai:clientSecret as a secret)
and are read by the provider, so nothing here touches them.
"""

import pulumi
from pulumi_runai.organization import Organization

# `scripts/deploy --org PATH` sets runai-org:orgFile to deploy another description file.
org = Organization.from_yaml(pulumi.Config().get("orgFile") or "org.yaml")

# Ids by name, so scripts and other stacks can refer to what this stack manages.
summary = org.summary()
for key in ("cluster_id", "departments", "projects", "users", "access_rules"):
    pulumi.export(key, summary[key])
