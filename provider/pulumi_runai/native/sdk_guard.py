"""Guard against drift of `pulumi.provider.experimental`, the API the plugin is built on.

Why: the module is experimental and changes between SDK releases (its server gained
`_raise_with_traceback` lately). Rather than pin every user of this package (the dynamic
provider works on any SDK from 3.216), the plugin checks at start that the SDK still offers
each name and argument it uses, and stops with a message naming the supported range otherwise.
"""

from __future__ import annotations

import importlib
import inspect
from importlib import metadata

SUPPORTED_RANGE = ("3.216.0", "3.272.0")
"""pulumi SDK versions the plugin supports: the package's floor to the version CI runs (the
only one exercised; an SDK in between is accepted when it offers every name checked here)."""

REQUIRED: dict[str, dict[str, tuple[str, ...]]] = {
    "pulumi.provider.experimental.provider": {
        "Provider": (),
        "CheckRequest": ("urn", "old_inputs", "new_inputs", "random_seed"),
        "CheckResponse": ("inputs", "failures"),
        "CheckFailure": ("property", "reason"),
        "DiffRequest": ("urn", "resource_id", "old_state", "new_inputs", "ignore_changes"),
        "DiffResponse": ("changes", "replaces", "stables", "delete_before_replace", "diffs",
                         "detailed_diff"),
        "PropertyDiff": ("kind", "input_diff"),
        "PropertyDiffKind": (),
        "CreateRequest": ("urn", "properties", "timeout", "preview"),
        "CreateResponse": ("resource_id", "properties"),
        "ReadRequest": ("urn", "resource_id", "properties", "inputs"),
        "ReadResponse": ("resource_id", "properties", "inputs"),
        "UpdateRequest": ("urn", "resource_id", "olds", "news", "timeout", "ignore_changes",
                          "preview"),
        "UpdateResponse": ("properties",),
        "DeleteRequest": ("urn", "resource_id", "properties", "timeout"),
        "ConfigureRequest": ("variables", "args", "accept_secrets", "accept_resources"),
        "ConfigureResponse": ("accept_secrets", "supports_preview", "accept_resources",
                              "accept_outputs"),
        "InvokeRequest": ("tok", "args"),
        "InvokeResponse": ("return_value", "failures"),
        "GetSchemaRequest": ("version",),
        "GetSchemaResponse": ("schema",),
    },
    "pulumi.provider.experimental.property_value": {
        "PropertyValue": ("value", "is_secret", "dependencies"),
        "Computed": (),
    },
    "pulumi.provider.experimental.server": {"main": ("args", "version", "provider")},
}
"""Module -> name -> the constructor (or function) parameters the plugin passes or reads."""

PROVIDER_METHODS = ("get_schema", "check_config", "configure", "check", "diff", "create",
                    "read", "update", "delete", "invoke")
DIFF_KINDS = ("ADD", "ADD_REPLACE", "DELETE", "DELETE_REPLACE", "UPDATE", "UPDATE_REPLACE")


class UnsupportedPulumiSDK(RuntimeError):
    """The installed pulumi SDK lacks part of the experimental provider API."""


def installed_version() -> str:
    try:
        return metadata.version("pulumi")
    except metadata.PackageNotFoundError:
        return "not installed"


def problems() -> list[str]:
    """What the installed SDK lacks, one line each (empty when all is there)."""
    found: list[str] = []
    for module_name, names in REQUIRED.items():
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            found.append(f"{module_name} cannot be imported ({exc})")
            continue
        for name, params in names.items():
            obj = getattr(module, name, None)
            if obj is None:
                found.append(f"{module_name}.{name} is missing")
                continue
            if params:
                given = set(inspect.signature(obj).parameters)
                missing = [p for p in params if p not in given]
                if missing:
                    found.append(f"{module_name}.{name} no longer takes {', '.join(missing)}")
    if not found:  # every name is there: check the methods and diff kinds the plugin uses
        module = importlib.import_module("pulumi.provider.experimental.provider")
        found += [f"Provider.{m} is missing" for m in PROVIDER_METHODS
                  if not hasattr(module.Provider, m)]
        found += [f"PropertyDiffKind.{k} is missing" for k in DIFF_KINDS
                  if not hasattr(module.PropertyDiffKind, k)]
    return found


def check_sdk() -> None:
    """Raise `UnsupportedPulumiSDK` naming what is missing and the supported range."""
    found = problems()
    if found:
        low, high = SUPPORTED_RANGE
        raise UnsupportedPulumiSDK(
            f"pulumi-resource-runai needs pulumi.provider.experimental as in pulumi {low} to "
            f"{high}; the installed pulumi {installed_version()} differs: "
            + "; ".join(found)
            + f". Install a supported SDK (pip install 'pulumi>={low},<={high}') in the plugin's "
            "environment, or use the dynamic resources (pulumi_runai), which need no such pin."
        )
