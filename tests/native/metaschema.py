"""Pulumi's package metaschema (pkg/codegen/schema/pulumi.json of pulumi/pulumi at commit
1b5949891b3cefcb9974752b24a5ecef0acc86c8, unchanged in `pulumi-package-metaschema.json`) as
a Python validator: its `(?<name>…)` groups are rewritten to Python's `(?P<name>…)`."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

METASCHEMA = Path(__file__).with_name("pulumi-package-metaschema.json")
_NAMED_GROUP = re.compile(r"\(\?<([A-Za-z_]\w*)>")


@cache
def validator() -> jsonschema.Draft202012Validator:
    text = _NAMED_GROUP.sub(r"(?P<\1>", METASCHEMA.read_text())
    return jsonschema.Draft202012Validator(json.loads(text))


def problems(schema: Any) -> list[str]:
    """Every place the schema breaks the metaschema, as `path: message` lines."""
    return [f"{e.json_path}: {e.message}" for e in validator().iter_errors(schema)]
