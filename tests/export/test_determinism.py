"""The same tenant gives the same file byte for byte, apart from the leading comment header,
whatever order the API lists objects in; logical names are stable and collisions predictable."""

from __future__ import annotations

import dataclasses

import pytest
from pulumi_runai.client import RunaiClient
from pulumi_runai.export import SelectionOptions, read_tenant, render, select, yaml_writer
from pulumi_runai.export.naming import assign_names
from pulumi_runai.export.output import strip_header
from pulumi_runai.export.plan import ACCESS_RULE, USER, ExportPlan, RulePlan, UserPlan
from pulumi_runai.settings import Settings
from runai_emulator.testing import EmulatorProcess

from .conftest import Export, connection


@pytest.mark.parametrize("fmt", ["yaml", "python", "import"])
def test_two_exports_are_equal_apart_from_the_header(
    tenant: dict[str, str], export: Export, fmt: str
) -> None:
    first, second = export("--format", fmt).stdout, export("--format", fmt).stdout
    assert strip_header(first) == strip_header(second)
    assert strip_header(first) != ""
    if fmt == "import":
        assert first == second  # JSON has no comments: no header at all


def test_listing_order_does_not_change_the_output(
    emulator: EmulatorProcess, tenant: dict[str, str]
) -> None:
    settings = Settings.resolve({}, connection(emulator))
    snapshot = read_tenant(RunaiClient(settings), None)
    reversed_snapshot = dataclasses.replace(snapshot, **{
        field.name: tuple(reversed(getattr(snapshot, field.name)))
        for field in dataclasses.fields(snapshot) if field.name != "cluster"
    })
    for fmt in ("yaml", "python", "import"):
        outputs = [render(fmt, select(s, SelectionOptions()), ["# header"]).text
                   for s in (snapshot, reversed_snapshot)]
        assert outputs[0] == outputs[1], fmt


def test_libyaml_and_pure_python_write_the_same_file(
    emulator: EmulatorProcess, tenant: dict[str, str]
) -> None:
    """The C emitter is used where PyYAML has it; a machine without it must write the same."""
    snapshot = read_tenant(RunaiClient(Settings.resolve({}, connection(emulator))), None)
    document, _ = yaml_writer.describe(select(snapshot, SelectionOptions()))
    texts = {yaml_writer.dump(document, dumper) for dumper in yaml_writer.DUMPERS}
    assert len(yaml_writer.DUMPERS) == 2 and len(texts) == 1


def _rule(rule_id: str, subject: str, role: str) -> RulePlan:
    return RulePlan(rule_id, "group", subject, role, "project", "vision", "7", None)


def test_colliding_names_get_suffixes_in_the_order_of_their_natural_keys() -> None:
    rules = (_rule("9", "ml.team", "Viewer"), _rule("3", "ml-team", "Viewer"),
             _rule("5", "ml-team", "viewer"))
    users = (UserPlan("u1", "a.b@example.com"), UserPlan("u2", "a-b@example.com"))
    plan = ExportPlan("local", "c", (), users, rules)
    names = assign_names(plan)
    for shuffled in (rules[::-1], rules[1:] + rules[:1]):
        again = assign_names(dataclasses.replace(plan, rules=shuffled))
        assert again.logical == names.logical
    base = "ml-team-viewer-project-vision"
    # natural keys in order: "ml-team as Viewer ..." < "ml-team as viewer ..." < "ml.team ..."
    assert [names.of(ACCESS_RULE, i) for i in ("3", "5", "9")] == [base, f"{base}-2",
                                                                   f"{base}-3"]
    assert names.of(USER, "u1") == "a.b@example.com"
    assert {names.variable(USER, "u1"), names.variable(USER, "u2")} == {
        "user_a_b_example_com", "user_a_b_example_com_2"}
