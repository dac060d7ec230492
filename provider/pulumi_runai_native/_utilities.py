# ruff: noqa
# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`; do not edit. ***
"""What every generated module shares: the plugin version, option
defaults, argument handling, and the registration that rebuilds resources from URNs."""

import json
from importlib import resources
from typing import Any

import pulumi
import pulumi.runtime


def plugin() -> dict[str, Any]:
    """pulumi-plugin.json: which resource plugin (name, version) this SDK needs."""
    return json.loads(resources.files(__package__).joinpath("pulumi-plugin.json").read_text())


def get_version() -> str:
    return str(plugin()["version"])


def get_resource_opts_defaults() -> pulumi.ResourceOptions:
    return pulumi.ResourceOptions(version=get_version())


def get_invoke_opts_defaults() -> pulumi.InvokeOptions:
    return pulumi.InvokeOptions(version=get_version())


def get_resource_args_opts(args_type: type, opts_type: type, *args: Any, **kwargs: Any):
    """(the `*Args` object, the options) when called as `Kind(name, args, opts)`, else
    (None, None) for the keyword form."""
    given = args[0] if args else kwargs.get("args")
    if isinstance(given, args_type):
        opts = args[1] if len(args) > 1 else kwargs.get("opts")
        if opts is not None and not isinstance(opts, opts_type):
            raise TypeError(f"Expected opts to be a {opts_type.__name__}")
        return given, opts
    return None, None


class _Module(pulumi.runtime.ResourceModule):
    def __init__(self, classes: dict[str, type]) -> None:
        self._classes = classes

    def version(self):
        return None

    def construct(self, name: str, typ: str, urn: str) -> pulumi.Resource:
        return self._classes[typ](name, pulumi.ResourceOptions(urn=urn))


class _Package(pulumi.runtime.ResourcePackage):
    def __init__(self, provider: type) -> None:
        self._provider = provider

    def version(self):
        return None

    def construct_provider(self, name: str, typ: str, urn: str) -> pulumi.ProviderResource:
        return self._provider(name, pulumi.ResourceOptions(urn=urn))


def register(package: str, classes: dict[str, str]) -> None:
    """Register the resource classes (token -> class name) and the provider class."""
    import importlib

    module = importlib.import_module(__package__)
    found = {token: getattr(module, name) for token, name in classes.items()}
    pulumi.runtime.register_resource_module(package, "index", _Module(found))
    pulumi.runtime.register_resource_package(package, _Package(module.Provider))
