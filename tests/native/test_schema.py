"""schema.json: generated from the kind registry, checked in, valid against Pulumi's metaschema."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from pulumi_runai.kinds import KINDS
from pulumi_runai.native.functions import FUNCTIONS
from pulumi_runai.native.names import to_camel
from pulumi_runai.native.schema import FREE_FORM, resource_token, schema, schema_json

from .metaschema import problems

CHECKED_IN = Path(__file__).parents[2] / "provider" / "plugin" / "schema.json"


def test_the_checked_in_schema_is_the_generated_one() -> None:
    assert CHECKED_IN.read_text() == schema_json(), (
        "provider/plugin/schema.json is stale: python -m pulumi_runai.native.schema > "
        "provider/plugin/schema.json"
    )


def test_the_schema_is_valid_and_the_validator_can_say_no() -> None:
    assert problems(schema()) == []
    broken = copy.deepcopy(schema())
    broken["resources"]["runai:index:Department"]["properties"]["name"]["type"] = "text"
    del broken["name"]
    found = problems(broken)
    assert any("'name' is a required property" in p for p in found)
    assert any("Department" in p for p in found)


def test_every_kind_and_lookup_is_in_it_with_its_field_facts() -> None:
    resources = schema()["resources"]
    assert set(resources) == {resource_token(k) for k in KINDS}
    assert set(schema()["functions"]) == {f.token for f in FUNCTIONS} >= {
        "runai:index:getCluster", "runai:index:getNodePool", "runai:index:getRole",
        "runai:index:getDepartment", "runai:index:getProject", "runai:index:getUser"}
    for kind in KINDS:
        resource = resources[resource_token(kind)]
        for field in kind.fields:
            name = to_camel(field.name)
            prop = resource["properties"][name]
            assert prop["description"] == field.doc
            assert prop.get("secret", False) == field.secret
            assert prop != FREE_FORM, f"{kind.name}.{field.name}: declare its TypedDict shape"
            if field.output_only:
                assert name not in resource["inputProperties"]
            else:
                assert resource["inputProperties"][name].get("willReplaceOnChanges", False) \
                    == field.replace
                assert (name in resource["requiredInputs"]) == field.required


def test_the_native_names_are_the_dynamic_ones_in_camel_case() -> None:
    project = schema()["resources"]["runai:index:Project"]["inputProperties"]
    assert {"clusterId", "departmentId", "requestedNamespace"} <= set(project)
    quota = schema()["types"]["runai:index:NodePoolQuota"]
    assert quota["required"] == ["nodePool"] and "gpu" in quota["properties"]
    assert "overQuotaWeight" in schema()["types"]["runai:index:ResourceQuota"]["properties"]
    user = schema()["resources"]["runai:index:User"]["properties"]
    assert user["tempPassword"]["secret"] is True
    cluster = schema()["functions"]["runai:index:getCluster"]
    assert "required" not in cluster["inputs"] and "id" in cluster["outputs"]["properties"]
    assert json.loads(schema_json())["config"]["variables"]["clientSecret"]["secret"] is True
