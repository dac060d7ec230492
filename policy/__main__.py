"""Entry point the Pulumi engine runs: builds the pack from the importable policies."""

import sys

from pulumi_policy import EnforcementLevel, PolicyPack

try:
    from pulumi_runai.policies import ALL_POLICIES, PACK_NAME
except ImportError as err:  # the CLI runs this with whatever python it finds
    sys.exit(f"the runai-guardrails pack needs pulumi-runai installed ({err}): pip install -e .")

PolicyPack(
    name=PACK_NAME,
    enforcement_level=EnforcementLevel.MANDATORY,
    policies=ALL_POLICIES,
    description="Guardrails for Run:ai stacks: quotas, departments, users, roles and names.",
)
