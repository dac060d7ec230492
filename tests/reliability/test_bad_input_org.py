"""Malformed descriptions and lookups fail with clear errors, never with a crash: the
organisation description parser is fuzzed by mutating the sample org.yaml, the lookups by
arbitrary names against the emulator."""

from __future__ import annotations

import copy
import os
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pulumi_runai import lookups
from pulumi_runai.errors import AmbiguousMatch, NotFound, ValidationError
from pulumi_runai.organization import DescriptionError, OrganizationSpec, parse_description
from pulumi_runai.settings import Settings
from runai_emulator.testing import EmulatorProcess

from tests.deploy.repo_copy import sample_org_yaml

SAMPLE = yaml.safe_load(sample_org_yaml())  # as committed, whatever an admin edits
EXAMPLES = int(os.environ.get("RUNAI_HYPOTHESIS_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow,
                                       HealthCheck.function_scoped_fixture])

junk = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner,
                                                                max_size=3),
    max_leaves=8,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside the description (dict keys and list indexes)."""
    found = [prefix] if prefix else []
    children = node.items() if isinstance(node, dict) else enumerate(node) \
        if isinstance(node, list) else []
    for key, child in children:
        found += _paths(child, (*prefix, key))
    return found


SAMPLE_PATHS = _paths(SAMPLE)


def _mutate(data: Any, path: tuple[Any, ...], value: Any, delete: bool) -> Any:
    copied = copy.deepcopy(data)
    parent = copied
    for key in path[:-1]:
        parent = parent[key]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return copied


def test_the_sample_is_valid() -> None:
    assert parse_description(SAMPLE, "org.yaml").departments


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(SAMPLE_PATHS), junk, st.booleans()),
                min_size=1, max_size=3))
def test_mutated_descriptions_fail_only_with_description_errors(
    mutations: list[tuple[tuple[Any, ...], Any, bool]],
) -> None:
    data: Any = SAMPLE
    for path, value, delete in mutations:
        try:
            data = _mutate(data, path, value, delete)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or reshaped this path
    try:
        spec = parse_description(data, "org.yaml")
    except DescriptionError as error:
        assert error.problems
        for problem in error.problems:
            line = problem.render("org.yaml")
            assert line.startswith("org.yaml") and problem.message, line
        assert "org.yaml" in str(error)
    else:
        assert _declared(data) == _built(spec), "an entry was skipped without an error"


def _declared(data: Any) -> dict[str, int]:
    """How many entries of each kind a description that parsed declares."""
    departments = data.get("departments") or []
    return {
        "departments": len(departments),
        "projects": sum(len(d.get("projects") or []) for d in departments),
        "resources": sum(len(d.get("resources") or []) for d in departments)
        + sum(len(p.get("resources") or []) for d in departments for p in d.get("projects") or []),
        "users": len(data.get("users") or []),
        "access": len(data.get("access") or []),
    }


def _built(spec: OrganizationSpec) -> dict[str, int]:
    return {
        "departments": len(spec.departments),
        "projects": len(spec.projects),
        "resources": sum(len(d.resources) for d in spec.departments)
        + sum(len(p.resources) for p in spec.projects),
        "users": len(spec.users),
        "access": len(spec.access),
    }


@FUZZ
@given(junk)
def test_arbitrary_documents_fail_only_with_description_errors(data: Any) -> None:
    try:
        parse_description(data, "org.yaml")
    except DescriptionError as error:
        assert all(p.message for p in error.problems)


@pytest.mark.parametrize("units", [["GB"], {"GB": 1}])
def test_unhashable_memory_units_are_a_description_error(units: object) -> None:
    """Found by the fuzz above: this used to raise TypeError."""
    data = {"cluster_id": "c", "departments": [{"name": "d", "resources": [
        {"node_pool": "default", "gpu": {"deserved": 1},
         "memory": {"deserved": 1, "units": units}}]}]}
    with pytest.raises(DescriptionError, match="units"):
        parse_description(data, "org.yaml")


# ---- lookups against the emulator ------------------------------------------------------------

names = st.text(min_size=1, max_size=40) | st.sampled_from(
    ["default", "Default", "default ", "a100", "a,b", "local", "ada@example.com", "名前", "%", "*"])
LOOKUP_ERRORS = (NotFound, ValidationError, AmbiguousMatch)


@pytest.fixture
def settings_(emulator: EmulatorProcess) -> Settings:
    return Settings(url=emulator.url, client_id=emulator.client_id,
                    client_secret=emulator.client_secret, timeout=10)


@pytest.mark.parametrize("kind", ["department", "project", "node pool", "role", "user",
                                  "cluster"])
def test_lookups_answer_exactly_or_say_what_exists(
    kind: str, emulator: EmulatorProcess, settings_: Settings
) -> None:
    cluster_id = emulator.state()["clusters"][0]["uuid"]
    calls = {
        "department": lambda n: lookups.get_department(cluster_id, n, settings=settings_),
        "project": lambda n: lookups.get_project(cluster_id, n, settings=settings_),
        "node pool": lambda n: lookups.get_node_pool(cluster_id, n, settings=settings_),
        "role": lambda n: lookups.get_role(n, settings=settings_),
        "user": lambda n: lookups.get_user(n, settings=settings_),
        "cluster": lambda n: lookups.get_cluster(n, settings=settings_),
    }

    @settings(max_examples=min(EXAMPLES, 40), deadline=None)
    @given(names)
    def run(name: str) -> None:
        try:
            found = calls[kind](name)
        except LOOKUP_ERRORS as error:
            text = str(error)
            assert text and (repr(name) in text or "comma" in text or "name" in text), text
            if isinstance(error, NotFound) and kind in ("department", "node pool", "role"):
                assert "default" in text or "L1 researcher" in text, text  # says what exists
            return
        assert getattr(found, "name", getattr(found, "email", None)) in (name, name.lower())

    run()
    statuses = {r["status"] for r in emulator.requests()}
    assert statuses <= {200}, f"a lookup sent a request the API refused: {statuses}"


@pytest.mark.parametrize("kind", ["department", "project", "user"])
def test_an_empty_name_is_refused_before_any_request(
    kind: str, emulator: EmulatorProcess, settings_: Settings
) -> None:
    cluster_id = emulator.state()["clusters"][0]["uuid"]
    call = {
        "department": lambda: lookups.get_department(cluster_id, "", settings=settings_),
        "project": lambda: lookups.get_project(cluster_id, "", settings=settings_),
        "user": lambda: lookups.get_user("", settings=settings_),
    }[kind]
    with pytest.raises(ValidationError, match="is empty"):
        call()
    assert [r for r in emulator.requests() if r["method"] == "GET"] == []
