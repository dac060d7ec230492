"""Issue 15's "Done when": the installed plugin, over gRPC, against the emulator.

GetSchema valid against the metaschema; Configure with a secret; Check/Diff/Create (preview,
then real) of a department, a project, a user and an access rule; a project's name change is
an update-replace naming `name`, its quota change an update; Read by id alone gives inputs
whose Check+Diff is a no-op; Update; Delete; Invoke getCluster; more than four creates in
flight; no credential in any response.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from pulumi_runai.kinds import kind_named
from pulumi_runai.native.names import to_camel
from pulumi_runai.testing._wire import UNKNOWN, Props, is_secret, plain, secret, shown
from pulumi_runai.testing.native_host import NativeHost, NativeProviderError, plugin_command
from runai_emulator.testing import EmulatorProcess

from .conftest import plugin_env, provider_args
from .metaschema import problems

STACK = "urn:pulumi:dev::org"


def urn(kind: str, name: str) -> str:
    return f"{STACK}::runai:index:{kind}::{name}"


def create(plugin: NativeHost, kind: str, name: str, news: Props) -> tuple[str, Props, Props]:
    """Check, preview Create (no id, the id output unknown), then Create: (id, outputs,
    checked inputs)."""
    inputs, failures = plugin.check(urn(kind, name), {}, news)
    assert failures == []
    id_output = to_camel(kind_named(kind).spec.id_output)
    blank, preview = plugin.create(urn(kind, name), inputs, preview=True)
    assert blank == "" and preview[id_output] == UNKNOWN
    id_, outputs = plugin.create(urn(kind, name), inputs)
    assert outputs[id_output] == id_
    return id_, outputs, inputs


def test_schema_and_configuration(emulator: EmulatorProcess) -> None:
    # the console script itself, even where the suite forks plugins from a forkserver
    with NativeHost(env=plugin_env(), record=True, command=plugin_command()) as plugin:
        schema = json.loads(plugin.schema())
        assert problems(schema) == []
        assert {"runai:index:Department", "runai:index:Project", "runai:index:User",
                "runai:index:AccessRule"} <= set(schema["resources"])
        checked, failures = plugin.check_config(
            "urn:pulumi:dev::org::pulumi:providers:runai::default",
            {**provider_args(emulator), "clientSecret": emulator.client_secret},
        )
        assert failures == [] and is_secret(checked["clientSecret"])  # marked even if plain
        _, failures = plugin.check_config("urn:pulumi:dev::org::pulumi:providers:runai::x",
                                          {"url": "ftp://runai"})
        assert failures and failures[0][0] == "url"
        assert plugin.configure(provider_args(emulator)) is True
        found, failures = plugin.invoke("runai:index:getCluster", {})
        assert failures == [] and found["name"] == "local"
        _, failures = plugin.invoke("runai:index:getCluster", {"name": "nope"})
        assert "local" in failures[0][1]  # the known clusters are listed
        with pytest.raises(NativeProviderError, match=r"Widget.*runai:index:Department"):
            plugin.check(urn("Widget", "w"), {}, {})
        assert_no_credential(plugin, emulator)


def test_the_lifecycle_of_four_kinds(plugin: NativeHost, emulator: EmulatorProcess) -> None:
    cluster = plugin.invoke("runai:index:getCluster", {"name": "local"})[0]["id"]
    emulator.clear_requests()

    # preview of the whole org: unknown ids flow into dependents, no call is made
    _, dept_preview = plugin.create(urn("Department", "ml"), {
        "name": "ml", "clusterId": cluster, "adopt": False}, preview=True)
    assert dept_preview["departmentId"] == UNKNOWN
    inputs, failures = plugin.check(urn("Project", "vision"), {}, {
        "name": "vision", "clusterId": cluster, "departmentId": UNKNOWN})
    assert failures == []
    _, project_preview = plugin.create(urn("Project", "vision"), inputs, preview=True)
    assert project_preview["projectId"] == UNKNOWN
    assert [r for r in emulator.requests() if r["method"] != "GET"] == []

    quota = [{"nodePool": "default", "gpu": {"deserved": 2, "overQuotaWeight": 1}}]
    dept_id, dept, _ = create(plugin, "Department", "ml", {
        "name": "ml", "clusterId": cluster, "resources": quota})
    assert dept["departmentId"] == dept_id
    assert dept["resources"][0]["nodePool"] == "default"
    project_news = {"name": "vision", "clusterId": cluster, "departmentId": dept_id,
                    "description": secret("team vision"),
                    "resources": [{"nodePool": "default", "gpu": {"deserved": 1}}]}
    project_id, project, project_inputs = create(plugin, "Project", "vision", project_news)
    assert project["phase"] == "Ready" and is_secret(project["description"])
    user_id, user, _ = create(plugin, "User", "kim", {"email": "kim@example.com"})
    assert is_secret(user["tempPassword"]) and plain(user["tempPassword"])
    rule_id, rule, _ = create(plugin, "AccessRule", "kim-vision", {
        "subjectType": "user", "subjectId": "kim@example.com", "roleName": "L1 researcher",
        "scopeType": "project", "scopeId": project_id})
    assert rule["roleId"] == 5 and rule["scopeName"] == "vision"

    # a bad input fails Check with the native property name
    _, failures = plugin.check(urn("Project", "bad"), {}, {
        "name": "Bad_Name", "clusterId": cluster,
        "resources": [{"nodePool": "default", "gpu": {"deserved": -1}}]})
    assert {f[0] for f in failures} >= {"name", "resources[0].gpu.deserved"}
    # a name to resolve (on the plugin's pool): an unknown node pool lists the known ones
    _, failures = plugin.check(urn("Project", "typo"), {}, {
        "name": "typo", "clusterId": cluster, "resources": [{"nodePool": "defualt"}]})
    assert failures[0][0] == "resources[0].nodePool" and "default" in failures[0][1]

    # rename -> replace naming the property; quota -> update under `resources`
    renamed, _ = plugin.check(urn("Project", "vision"), project_inputs,
                              {**project_news, "name": "vision2"})
    diff = plugin.diff(urn("Project", "vision"), project_id, project, renamed)
    assert diff.detailed == {"name": "UPDATE_REPLACE"} and diff.replaces == ["name"]
    more = {**project_news, "resources": [{"nodePool": "default", "gpu": {"deserved": 3}}]}
    more_inputs, _ = plugin.check(urn("Project", "vision"), project_inputs, more)
    diff = plugin.diff(urn("Project", "vision"), project_id, project, more_inputs)
    assert diff.changes == "DIFF_SOME" and diff.replaces == []
    assert diff.detailed == {"resources": "UPDATE"}
    ignored = plugin.diff(urn("Project", "vision"), project_id, project, more_inputs,
                          ignore_changes=["resources"])
    assert ignored.changes == "DIFF_NONE" and ignored.detailed == {}
    updated = plugin.update(urn("Project", "vision"), project_id, project, more_inputs)
    assert updated["resources"][0]["gpu"]["deserved"] == 3 and is_secret(updated["description"])
    stored = next(p for p in emulator.state()["projects"] if str(p["id"]) == project_id)
    pool = next(r for r in stored["resources"] if r["nodePool"]["name"] == "default")
    assert pool["gpu"]["deserved"] == 3

    # import: Read by id alone -> inputs whose Check + Diff is a no-op, for every kind
    for kind, name, id_ in (("Department", "ml", dept_id), ("Project", "vision", project_id),
                            ("User", "kim", user_id), ("AccessRule", "kim-vision", rule_id)):
        read_id, outputs, read_inputs = plugin.read(urn(kind, name), id_)
        assert read_id == id_
        checked, failures = plugin.check(urn(kind, name), {}, read_inputs)
        assert failures == []
        diff = plugin.diff(urn(kind, name), id_, outputs, checked)
        assert (kind, diff.changes, diff.detailed) == (kind, "DIFF_NONE", {})

    # delete, dependents first; a refresh then finds nothing
    for kind, name, id_, outputs in (("AccessRule", "kim-vision", rule_id, rule),
                                     ("User", "kim", user_id, user),
                                     ("Project", "vision", project_id, updated),
                                     ("Department", "ml", dept_id, dept)):
        plugin.delete(urn(kind, name), id_, outputs)
        assert plugin.read(urn(kind, name), id_, outputs, {})[0] == ""
    assert_no_credential(plugin, emulator)


def test_more_than_four_creates_in_flight(plugin: NativeHost, emulator: EmulatorProcess) -> None:
    users = [f"wide{n}@example.com" for n in range(10)]
    emulator.set_faults(latencyMs=250)
    emulator.clear_requests()
    with ThreadPoolExecutor(len(users)) as pool:
        made = list(pool.map(
            lambda email: plugin.create(urn("User", email), {"email": email, "adopt": False}),
            users))
    posts = [r for r in emulator.requests() if r["method"] == "POST" and "users" in r["path"]]
    emulator.reset_faults()
    assert len(posts) == len(users) and emulator.peak_in_flight(posts) > 4
    for (id_, outputs), email in zip(made, users, strict=True):
        plugin.delete(urn("User", email), id_, outputs)

    # the pool is what bounds the calls: at hostThreads=2, at most two at a time
    plugin.configure(provider_args(emulator, hostThreads=2))
    emulator.set_faults(latencyMs=150)
    emulator.clear_requests()
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda n: plugin.create(urn("User", f"n{n}"),
                                              {"email": f"narrow{n}@example.com"}), range(4)))
    posts = [r for r in emulator.requests() if r["method"] == "POST" and "users" in r["path"]]
    emulator.reset_faults()
    assert len(posts) == 4 and emulator.peak_in_flight(posts) <= 2


def assert_no_credential(plugin: NativeHost, emulator: EmulatorProcess) -> None:
    """The client secret never leaves in plain: at most inside a secret (CheckConfig)."""
    assert plugin.responses
    for text in plugin.responses:
        assert emulator.client_secret not in json.dumps(shown(json.loads(text)))
