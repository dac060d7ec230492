"""Values as the engine and the host exchange them: secrets, unknowns, protobuf Structs.

State and steps keep the engine's JSON shapes (a secret is the signature dict) so that a state
file reads like a `pulumi stack export`, and secrecy survives a round trip through it.
"""

from __future__ import annotations

from typing import Any

from google.protobuf import json_format, struct_pb2

from pulumi_runai.models.validation import PROVIDER_KEY as PROVIDER_KEY
from pulumi_runai.models.validation import UNKNOWN_SENTINEL

SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d"
SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"
UNKNOWN = UNKNOWN_SENTINEL  # the wire form of an unknown value, stated once in the models
SECRET_SHOWN = "[secret]"  # how the Pulumi CLI shows a secret value

Props = dict[str, Any]


def secret(value: Any) -> dict[str, Any]:
    """Wrap a value the way the engine marks it secret."""
    return {SECRET_SIG_KEY: SECRET_SIG, "value": value}


def is_secret(value: Any) -> bool:
    return isinstance(value, dict) and value.get(SECRET_SIG_KEY) == SECRET_SIG


def contains_secret(value: Any) -> bool:
    if is_secret(value):
        return True
    if isinstance(value, dict):
        return any(contains_secret(v) for v in value.values())
    if isinstance(value, list):
        return any(contains_secret(v) for v in value)
    return False


def plain(value: Any) -> Any:
    """Drop secret markers: the Python host answers acceptSecrets=False, so the engine does this.

    A value without secrets is returned as is (not copied): this runs on every property bag
    of every step, and copying them all showed up in profiles of 500-resource stacks.
    """
    if not contains_secret(value):
        return value
    return _unwrap(value)


def plain_copy(value: Any) -> Any:
    """Like :func:`plain`, but always a fresh copy (for values handed to callers)."""
    return _unwrap(value)


def _unwrap(value: Any) -> Any:
    if is_secret(value):
        return _unwrap(value["value"])
    if isinstance(value, dict):
        return {k: _unwrap(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unwrap(v) for v in value]
    return value


def shown(props: Props) -> Props:
    """A property bag for people and assertions: a fresh copy, each secret replaced by
    :data:`SECRET_SHOWN`, without the opaque pickled ``__provider``."""
    return {k: _masked(v) for k, v in props.items() if k != PROVIDER_KEY}


def _masked(value: Any) -> Any:
    if is_secret(value):
        return SECRET_SHOWN
    if isinstance(value, dict):
        return {k: _masked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_masked(v) for v in value]
    return value


def to_struct(props: Props | None) -> struct_pb2.Struct:
    out = struct_pb2.Struct()
    out.update(props or {})
    return out


def from_struct(message: struct_pb2.Struct) -> Props:
    """Numbers come back as floats: Struct only has doubles, exactly as providers see them."""
    result: Props = json_format.MessageToDict(message)
    return result


def annotate_secrets(outputs: Props, inputs: Props, additional: list[str]) -> Props:
    """The engine's re-marking: outputs whose same-named input held a secret, plus
    ``additional_secret_outputs``, are secret; provider-returned secrets stay secret."""
    result = dict(outputs)
    for key, value in inputs.items():
        if key in result and not is_secret(result[key]) and contains_secret(value):
            result[key] = secret(result[key])
    for key in additional:
        if key in result and not is_secret(result[key]):
            result[key] = secret(result[key])
    return result


def secret_keys(props: Props) -> set[str]:
    """Top-level keys whose value is (or contains) a secret."""
    return {k for k, v in props.items() if contains_secret(v)}


def input_diff(old: Props, new: Props) -> dict[str, tuple[Any, Any]]:
    """The engine's own input-vs-input diff, used on DIFF_UNKNOWN (includes ``__provider``).

    Values are compared plain and reported masked (a changed secret shows as changed, never
    its value)."""
    if old == new:
        return {}
    o, n = plain(old), plain(new)
    return {k: (_masked(old.get(k)), _masked(new.get(k)))
            for k in sorted(set(o) | set(n)) if o.get(k) != n.get(k)}
