"""Write the Python SDK of the native resources (`pulumi_runai_native`) from the schema.

Why generated here: `pulumi package gen-sdk` needs the Pulumi CLI, which CI does not have.
This writes the same shape from the same schema (typed `*Args` input types, resources with
`get()`, output types, `get_*` / `get_*_output` functions, a `Provider`, `pulumi-plugin.json`
so the language host finds the plugin), and a test keeps the checked-in package in sync:
`python -m pulumi_runai.native.sdkgen` rewrites it. On a machine with the CLI,
`pulumi package gen-sdk provider/plugin/schema.json --language python` gives an equivalent
package (docs/native-provider.md).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pulumi_runai.native.names import to_snake
from pulumi_runai.native.schema import PACKAGE, VERSION, schema

SDK_DIR = Path(__file__).resolve().parents[2] / "pulumi_runai_native"
HEADER = (
    "# ruff: noqa\n"
    "# *** Generated from provider/plugin/schema.json by `python -m pulumi_runai.native.sdkgen`;"
    " do not edit. ***\n"
)
_SCALAR = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def _short(token: str) -> str:
    return token.rsplit(":", 1)[1]


def _module(token: str) -> str:
    """`runai:index:AccessRule` -> `access_rule`, `runai:index:getCluster` -> `get_cluster`."""
    short = _short(token)
    return to_snake(short[0].lower() + short[1:])


def _py_type(spec: Mapping[str, Any], *, inputs: bool, dicts: bool = False) -> str:
    """The Python annotation of a property (inputs wrap nested values in `pulumi.Input`).

    `dicts` also accepts the `*ArgsDict` form of nested types: for what callers pass. Getters
    name only the `*Args` class, which is what the SDK reads to translate names on the wire
    (a union of the two would leave plain dicts untranslated)."""
    if "$ref" in spec:
        name = _short(spec["$ref"])
        if not inputs:
            return f"'outputs.{name}'"
        return f"Union['{name}Args', '{name}ArgsDict']" if dicts else f"'{name}Args'"
    kind = spec.get("type")
    if kind == "array":
        item = _py_type(spec["items"], inputs=inputs, dicts=dicts)
        return f"Sequence[pulumi.Input[{item}]]" if inputs else f"Sequence[{item}]"
    if kind == "object":
        return "Mapping[str, Any]"
    return _SCALAR[str(kind)]


def _doc(text: str, indent: str) -> str:
    lines = text.replace('"""', "'''").replace("\\", "\\\\").splitlines() or [""]
    body = "\n".join((indent + line).rstrip() for line in lines)
    return f'{indent}"""\n{body}\n{indent}"""\n'


def _props(spec: Mapping[str, Any], key: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(python name, schema name, property) sorted: required ones first, as gen-sdk does."""
    required = set(spec.get("requiredInputs" if key == "inputProperties" else "required", []))
    props = spec.get(key, {})
    ordered = sorted(props, key=lambda n: (n not in required, n))
    return [(to_snake(n), n, props[n]) for n in ordered]


def _getter(py: str, name: str, annotation: str, doc: str, setter: bool) -> str:
    getter = "@pulumi.getter" if py == name else f'@pulumi.getter(name="{name}")'
    text = (f"    @_builtins.property\n    {getter}\n    def {py}(self) -> {annotation}:\n"
            f"{_doc(doc, '        ')}        return pulumi.get(self, \"{py}\")\n\n")
    if setter:
        text += (f"    @{py}.setter\n    def {py}(self, value: {annotation}) -> None:\n"
                 f"        pulumi.set(self, \"{py}\", value)\n\n")
    return text


def _args_class(name: str, doc: str, props: list[tuple[str, str, dict[str, Any]]],
                required: set[str]) -> str:
    params, sets, getters = [], [], []
    for py, schema_name, prop in props:
        annotation = f"pulumi.Input[{_py_type(prop, inputs=True)}]"
        given = f"pulumi.Input[{_py_type(prop, inputs=True, dicts=True)}]"
        if schema_name in required:
            params.append(f"                 {py}: {given}")
            sets.append(f'        pulumi.set(__self__, "{py}", {py})')
        else:
            annotation = f"Optional[{annotation}]"
            params.append(f"                 {py}: Optional[{given}] = None")
            sets.append(f'        if {py} is not None:\n'
                        f'            pulumi.set(__self__, "{py}", {py})')
        getters.append(_getter(py, schema_name, annotation, prop.get("description", ""), True))
    signature = ",\n".join(params)
    init = (f"    def __init__(__self__, *,\n{signature}):\n" if params
            else "    def __init__(__self__):\n")
    return (f"@pulumi.input_type\nclass {name}:\n{init}{_doc(doc, '        ')}"
            + ("\n".join(sets) or "        pass") + "\n\n" + "".join(getters) + "\n")


def _output_class(name: str, doc: str, spec: Mapping[str, Any]) -> str:
    props = _props(spec, "properties")
    required = set(spec.get("required", []))
    params, sets, getters = [], [], []
    for py, schema_name, prop in props:
        annotation = _py_type(prop, inputs=False)
        if schema_name not in required:
            annotation = f"Optional[{annotation}]"
        params.append(f"                 {py}: {annotation} = None")
        sets.append(f'        if {py} is not None:\n            pulumi.set(__self__, "{py}", {py})')
        getters.append(_getter(py, schema_name, annotation, prop.get("description", ""), False))
    signature = ",\n".join(params)
    return (f"@pulumi.output_type\nclass {name}(dict):\n"
            f"    def __init__(__self__, *,\n{signature}):\n{_doc(doc, '        ')}"
            + "\n".join(sets) + "\n\n" + "".join(getters) + "\n")


_PRELUDE = (
    "import builtins as _builtins\n"
    "from collections.abc import Mapping, Sequence\n"
    "from typing import Any, Optional, Union, overload\n\n"
    "import pulumi\nimport pulumi.runtime\n\n"
)


def _resource_module(token: str, spec: Mapping[str, Any], provider: bool = False) -> str:
    name = "Provider" if provider else _short(token)
    inputs = _props(spec, "inputProperties")
    required = set(spec.get("requiredInputs", []))
    secret_inputs = [py for py, _n, p in inputs if p.get("secret")]
    outputs = [] if provider else _props(spec, "properties")
    secret_outputs = [n for _py, n, p in outputs if p.get("secret")]
    base = "pulumi.ProviderResource" if provider else "pulumi.CustomResource"
    text = [HEADER, _PRELUDE, "from . import _utilities, outputs\nfrom ._inputs import *\n\n",
            f"__all__ = ['{name}Args', '{name}']\n\n\n",
            _args_class(f"{name}Args", f"The arguments for constructing a {name} resource.",
                        inputs, required), "\n"]
    kwargs = "".join(
        f"                 {py}: Optional[pulumi.Input[{_py_type(p, inputs=True, dicts=True)}]]"
        " = None,\n"
        for py, _n, p in inputs)
    assigns = []
    for py, schema_name, _p in inputs:
        if schema_name in required:
            assigns.append(f"            if {py} is None and not opts.urn:\n"
                           f"                raise TypeError(\"Missing required property "
                           f"'{py}'\")")
        value = f"None if {py} is None else pulumi.Output.secret({py})" \
            if py in secret_inputs else py
        assigns.append(f'            __props__.__dict__["{py}"] = {value}')
    input_names = {py for py, _n, _p in inputs}
    assigns += [f'            __props__.__dict__["{py}"] = None'
                for py, _n, _p in outputs if py not in input_names]
    secrets = [*(n for py, n, _p in inputs if py in secret_inputs), *secret_outputs]
    secret_opts = (
        f"        secret_opts = pulumi.ResourceOptions(additional_secret_outputs={secrets!r})\n"
        "        opts = pulumi.ResourceOptions.merge(opts, secret_opts)\n" if secrets else "")
    type_decorator = "" if provider else f'@pulumi.type_token("{token}")\n'
    text.append(
        f"{type_decorator}class {name}({base}):\n"
        + _doc(spec.get("description", ""), "    ")
        + "\n    @overload\n"
        f"    def __init__(__self__, resource_name: str,\n"
        f"                 opts: Optional[pulumi.ResourceOptions] = None,\n{kwargs}"
        "                 __props__=None):\n        ...\n\n"
        "    @overload\n"
        f"    def __init__(__self__, resource_name: str, args: {name}Args,\n"
        "                 opts: Optional[pulumi.ResourceOptions] = None):\n        ...\n\n"
        "    def __init__(__self__, resource_name: str, *args, **kwargs):\n"
        "        resource_args, opts = _utilities.get_resource_args_opts(\n"
        f"            {name}Args, pulumi.ResourceOptions, *args, **kwargs)\n"
        "        if resource_args is not None:\n"
        "            __self__._internal_init(resource_name, opts, **resource_args.__dict__)\n"
        "        else:\n"
        "            __self__._internal_init(resource_name, *args, **kwargs)\n\n"
        "    def _internal_init(__self__, resource_name: str,\n"
        f"                 opts: Optional[pulumi.ResourceOptions] = None,\n{kwargs}"
        "                 __props__=None):\n"
        "        opts = pulumi.ResourceOptions.merge(_utilities.get_resource_opts_defaults(), "
        "opts)\n"
        "        if opts.id is None:\n"
        "            if __props__ is not None:\n"
        "                raise TypeError('__props__ is only valid with opts.id (use get())')\n"
        f"            __props__ = {name}Args.__new__({name}Args)\n"
        + "\n".join(assigns) + "\n" + secret_opts
        + f"        super({name}, __self__).__init__(\n"
        f"            '{PACKAGE if provider else token}', resource_name, __props__, opts)\n\n"
    )
    if not provider:
        nones = "\n".join(f'        __props__.__dict__["{py}"] = None' for py, _n, _p in outputs)
        text.append(
            "    @staticmethod\n"
            "    def get(resource_name: str, id: pulumi.Input[str],\n"
            f"            opts: Optional[pulumi.ResourceOptions] = None) -> '{name}':\n"
            + _doc(f"Read an existing {name} by its id (adopted into the stack only with "
                   "`import_`; `get` never changes or deletes it).", "        ")
            + "        opts = pulumi.ResourceOptions.merge(opts, pulumi.ResourceOptions(id=id))\n"
            f"        __props__ = {name}Args.__new__({name}Args)\n{nones}\n"
            f"        return {name}(resource_name, opts=opts, __props__=__props__)\n\n")
        for py, schema_name, prop in outputs:
            annotation = _py_type(prop, inputs=False)
            if schema_name not in spec.get("required", []):
                annotation = f"Optional[{annotation}]"
            text.append(_getter(py, schema_name, f"pulumi.Output[{annotation}]",
                                prop.get("description", ""), False))
    return "".join(text).rstrip() + "\n"


def _function_module(token: str, spec: Mapping[str, Any]) -> str:
    short = _short(token)  # getCluster
    py = _module(token)
    result = short[0].upper() + short[1:] + "Result"
    args = _props(spec["inputs"], "properties")
    required = set(spec["inputs"].get("required", []))
    params = "".join(
        f"        {p}: {'' if n in required else 'Optional['}"
        f"{_py_type(s, inputs=False)}"
        f"{'' if n in required else '] = None'},\n" for p, n, s in args)
    output_params = "".join(
        f"        {p}: {'' if n in required else 'Optional['}"
        f"pulumi.Input[{_py_type(s, inputs=False)}]{'' if n in required else '] = None'},\n"
        for p, n, s in args)
    arg_map = "".join(f"    __args__['{n}'] = {p}\n" for p, n, _s in args)
    doc = spec.get("description", "")
    return "".join([
        HEADER, _PRELUDE, "from . import _utilities\n\n",
        f"__all__ = ['{result}', 'Awaitable{result}', '{py}', '{py}_output']\n\n\n",
        _output_class(result, spec["outputs"].get("description", ""), spec["outputs"]), "\n",
        f"class Awaitable{result}({result}):\n"
        "    def __await__(self):\n"
        "        if False:\n            yield self\n"
        f"        return self\n\n\n",
        f"def {py}(\n{params}        opts: Optional[pulumi.InvokeOptions] = None,\n"
        f") -> Awaitable{result}:\n", _doc(doc, "    "),
        "    __args__: dict[str, Any] = {}\n", arg_map,
        "    opts = pulumi.InvokeOptions.merge(_utilities.get_invoke_opts_defaults(), opts)\n",
        f"    value = pulumi.runtime.invoke('{token}', __args__, opts=opts, typ={result}).value\n",
        f"    return Awaitable{result}(**{{k: getattr(value, k) for k in "
        f"{[p for p, _n, _s in _props(spec['outputs'], 'properties')]!r}}})\n\n\n",
        f"def {py}_output(\n{output_params}"
        "        opts: Optional[pulumi.InvokeOutputOptions] = None,\n"
        f") -> pulumi.Output[{result}]:\n", _doc(doc, "    "),
        "    __args__: dict[str, Any] = {}\n", arg_map,
        "    opts = pulumi.InvokeOutputOptions.merge(_utilities.get_invoke_opts_defaults(), "
        "opts)\n",
        f"    return pulumi.runtime.invoke_output('{token}', __args__, opts=opts, "
        f"typ={result})\n",
    ])


def _args_dict(name: str, doc: str, spec: Mapping[str, Any]) -> str:
    """The TypedDict form of an input type: plain dicts with the Python names type-check."""
    required = set(spec.get("required", []))
    lines = []
    for py, schema_name, prop in _props({**spec, "inputProperties": spec["properties"],
                                         "requiredInputs": list(required)}, "inputProperties"):
        annotation = f"pulumi.Input[{_py_type(prop, inputs=True, dicts=True)}]"
        if schema_name not in required:
            annotation = f"NotRequired[{annotation}]"
        lines.append(f"    {py}: {annotation}")
    return f"class {name}(TypedDict):\n{_doc(doc, '    ')}" + "\n".join(lines) + "\n\n\n"


def _types_modules(types: Mapping[str, Any]) -> tuple[str, str]:
    names = [n for t in types for n in (f"{_short(t)}Args", f"{_short(t)}ArgsDict")]
    inputs = [HEADER, _PRELUDE.replace("overload", "NotRequired, TypedDict, overload"),
              "__all__ = " + repr(names) + "\n\n\n"]
    outputs = [HEADER, _PRELUDE, "from . import outputs\n\n",
               "__all__ = " + repr([_short(t) for t in types]) + "\n\n\n"]
    for token, spec in types.items():
        inputs.append(_args_class(f"{_short(token)}Args", spec.get("description", ""),
                                  _props({**spec, "inputProperties": spec["properties"],
                                          "requiredInputs": spec.get("required", [])},
                                         "inputProperties"),
                                  set(spec.get("required", []))) + "\n")
        inputs.append(_args_dict(f"{_short(token)}ArgsDict", spec.get("description", ""), spec))
        outputs.append(_output_class(_short(token), spec.get("description", ""), spec) + "\n")
    return "".join(inputs).rstrip() + "\n", "".join(outputs).rstrip() + "\n"


def _init_module(resources: Iterable[str], functions: Iterable[str]) -> str:
    modules = ["provider", *map(_module, resources), *map(_module, functions), "_inputs",
               "outputs"]
    classes = {t: _short(t) for t in resources}
    return (HEADER + '"""Run:ai native resources (package `runai`): generated from '
            'the plugin\'s schema."""\n\n'
            "from . import _utilities\n"
            + "".join(f"from .{m} import *\n" for m in modules)
            + f"\n_utilities.register({PACKAGE!r}, {classes!r})\n")


_UTILITIES = HEADER + '''"""What every generated module shares: the plugin version, option
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
'''


def files() -> dict[str, str]:
    """Every file of the SDK package, by name relative to the package directory."""
    spec = schema()
    out = {
        "__init__.py": _init_module(spec["resources"], spec["functions"]),
        "_utilities.py": _UTILITIES,
        "pulumi-plugin.json": json.dumps({"resource": True, "name": PACKAGE,
                                          "version": VERSION}, indent=2) + "\n",
        "py.typed": "",
        "provider.py": _resource_module(f"pulumi:providers:{PACKAGE}", spec["provider"], True),
    }
    out["_inputs.py"], out["outputs.py"] = _types_modules(spec["types"])
    for token, resource in spec["resources"].items():
        out[f"{_module(token)}.py"] = _resource_module(token, resource)
    for token, function in spec["functions"].items():
        out[f"{_module(token)}.py"] = _function_module(token, function)
    return out


def write(directory: Path = SDK_DIR) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    wanted = files()
    for stale in directory.iterdir():
        if stale.is_file() and stale.name not in wanted:
            stale.unlink()
    for name, text in wanted.items():
        (directory / name).write_text(text)


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else SDK_DIR)
