"""Pins the curated public surface: a change here is a change users notice."""

import pulumi_runai as runai
from pulumi_runai.kinds import KINDS

EXPECTED = {
    "AccessRule", "AmbiguousMatch", "BadRequest", "ConfigError", "Conflict", "Department",
    "DescriptionError", "Forbidden", "NodePool", "NotFound", "NotRunaiControlPlane",
    "Organization", "Project",
    "RateLimited", "Role", "RunaiError", "RunaiHTTPError", "ServerError", "ServiceAccount",
    "Settings", "TransportError", "Unauthorized", "User", "ValidationError", "WaitTimeout",
    "WorkloadPolicy", "__version__", "get_cluster", "get_department", "get_node_pool",
    "get_project", "get_role", "get_user",
}


def test_all_is_exactly_the_curated_surface() -> None:
    assert set(runai.__all__) == EXPECTED
    for name in runai.__all__:
        assert hasattr(runai, name), name


def test_errors_share_one_root() -> None:
    for name in ("ConfigError", "NotFound", "Conflict", "Unauthorized", "Forbidden",
                 "RateLimited", "ServerError", "TransportError", "WaitTimeout"):
        assert issubclass(getattr(runai, name), runai.RunaiError), name
    assert issubclass(runai.NotFound, runai.RunaiHTTPError)


def test_resources_have_their_own_type_tokens() -> None:
    for kind in (k.name for k in KINDS):
        cls = getattr(runai, kind)
        assert cls._resource_type_name == f"dynamic/runai:{kind}"
