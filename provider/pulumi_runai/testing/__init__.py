"""Test Run:ai stacks offline the way the Pulumi engine would run them.

What it models: the real dynamic-provider host (``python -m pulumi.dynamic``) started as a
subprocess and driven over gRPC with the SDK's stubs (dill round trip of ``__provider``,
``configure()`` with the namespaced stack config, the host's worker threads); the engine's step
logic for dynamic resources (check, diff against old outputs, create / update / replace in
the engine's step order for create-before-replace and delete-before-replace, failures in each
and the dependents a delete-before-replace replaces, same, deletes in reverse dependency
order, refresh, destroy, preview with unknown outputs for what will change); the resource
options ``protect``, ``ignore_changes``, ``retain_on_delete`` and ``aliases``;
secret marking of outputs; a JSON state file so consecutive runs, even in separate
processes, behave like consecutive ``pulumi up``s; unmodified programs run through
``pulumi.runtime.set_mocks`` with dependency order and bounded parallelism; an analyzer hook
for policy packs (and :class:`PolicyPackHost`, which runs a real pack over gRPC).

The native plugin (``pulumi-resource-runai``) serves ``runai:*`` resources and invokes
(``native_routing``): started on first use, configured with the stack's ``runai:*`` config
(or, one plugin each, with the inputs of an explicit ``pulumi:providers:runai``), with its
previews (create: computed outputs unknown; update: old outputs kept) and import (Read by id,
then Check and Diff).

What it does not: it is a test tool, not an engine. No resource plugins other than the Python
dynamic host and the native Run:ai plugin (components are plain nodes; other custom resources
and invokes are refused), no
stack backends or secrets providers (secrets are marked, not encrypted), no policy or
transformation machinery beyond the analyzer hook; replace_on_changes, deleted_with and
targets are not modelled. Programs run one at a time per process.

Hosts start as the engine starts them, one fresh process per command; ``use_forkserver()``
forks them instead from an interpreter that has imported the Pulumi SDK once (about 0.25 s of
CPU less per command; for test suites, see ``_forkserver``).

Example::

    from pulumi_runai.testing import Stack
    stack = Stack(tmp_path / "state.json", project="runai", config={"runai:url": url},
                  secret_config={"runai:clientSecret": secret}, cwd=program_dir)
    result = stack.up(program_dir)
    assert result.ops()["team-a"] == "create"
"""

from ._version_guard import check_pulumi_version

check_pulumi_version()

from ._forkserver import use_forkserver  # noqa: E402
from ._wire import UNKNOWN, is_secret, secret  # noqa: E402
from .analyzers import (  # noqa: E402
    AnalyzedResource,
    AnalyzerLike,
    ResourceAnalyzer,
    StackAnalyzer,
    Violation,
)
from .engine import Deployment, ResourceSpec  # noqa: E402
from .errors import (  # noqa: E402
    CheckFailedError,
    DeploymentError,
    HarnessError,
    HostStartError,
    PolicyViolationError,
    ProviderError,
)
from .host import ProviderHost  # noqa: E402
from .policy_host import PolicyPackHost  # noqa: E402
from .program import run_program  # noqa: E402
from .results import Result, Step  # noqa: E402
from .stack import Stack  # noqa: E402
from .state import ResourceState, StateFile  # noqa: E402

__all__ = [
    "UNKNOWN",
    "AnalyzedResource",
    "AnalyzerLike",
    "CheckFailedError",
    "Deployment",
    "DeploymentError",
    "HarnessError",
    "HostStartError",
    "PolicyPackHost",
    "PolicyViolationError",
    "ProviderError",
    "ProviderHost",
    "ResourceAnalyzer",
    "ResourceSpec",
    "ResourceState",
    "Result",
    "Stack",
    "StackAnalyzer",
    "StateFile",
    "Step",
    "Violation",
    "is_secret",
    "run_program",
    "secret",
    "use_forkserver",
]
