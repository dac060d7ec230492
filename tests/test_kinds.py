"""The kind registry: one declaration per kind, and everything derived from it agrees."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from pulumi_runai.kinds import KINDS, Kind
from pulumi_runai.kinds.docs import BEGIN, END, reference_page, resource_table
from pulumi_runai.policies import tokens

ROOT = Path(__file__).resolve().parent.parent


def test_the_registry_lists_every_kind_dependencies_first() -> None:
    assert [k.name for k in KINDS] == [
        "NodePool", "Department", "Project", "User", "ServiceAccount", "Role", "AccessRule",
        "WorkloadPolicy",
    ]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_field_is_documented_and_its_flags_are_booleans(kind: Kind) -> None:
    for field in kind.fields:
        assert len(field.doc.split()) >= 3 and field.doc.endswith("."), field.name
        for flag in ("required", "replace", "secret", "output_only", "create_only"):
            assert isinstance(getattr(field, flag), bool), (field.name, flag)
        assert not (field.output_only and (field.required or field.replace)), field.name
        assert not (field.create_only and field.replace), field.name


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_constructor_keywords_are_exactly_the_declared_inputs(kind: Kind) -> None:
    params = inspect.signature(kind.resource.__init__).parameters
    assert not any(p.kind is p.VAR_KEYWORD for p in params.values()), "no **kwargs"
    keywords = {n: p for n, p in params.items() if n not in ("self", "resource_name", "opts")}
    assert set(keywords) == set(kind.spec.input_keys)
    for field in kind.fields:
        if not field.output_only:
            param = keywords[field.name]
            assert param.kind is param.KEYWORD_ONLY
            assert (param.default is param.empty) == field.required, field.name


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_the_resource_docstring_comes_from_the_declaration(kind: Kind) -> None:
    doc = kind.resource.__doc__ or ""
    assert doc.startswith(kind.spec.doc)
    assert all(f"{f.name}" in doc for f in kind.fields)


def test_the_readme_table_and_the_reference_are_generated_from_the_declarations() -> None:
    readme = (ROOT / "README.md").read_text()
    block = readme[readme.index(BEGIN) + len(BEGIN) : readme.index(END)].strip()
    fix = "run: .venv/bin/python -m pulumi_runai.kinds.docs"
    assert block == resource_table(), fix
    assert (ROOT / "docs" / "resources.md").read_text() == reference_page(), fix
    for kind in KINDS:
        assert all(f"`{name}`" in block for name in kind.spec.input_keys)


def test_policy_tokens_are_the_registered_type_tokens() -> None:
    assert {tokens.NODE_POOL, tokens.DEPARTMENT, tokens.PROJECT, tokens.USER, tokens.ACCESS_RULE,
            tokens.SERVICE_ACCOUNT, tokens.ROLE, tokens.WORKLOAD_POLICY} == {
        k.type_token for k in KINDS
    }
