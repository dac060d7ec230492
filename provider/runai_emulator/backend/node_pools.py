"""Node pools: create, read, list, update (PUT or PATCH), delete (spec 2.24 `Nodepool*`).

The phase is computed when read, like a project's: `Creating` (or `Updating` after a change)
for `ready_delay` seconds, then `Empty` (no node of the emulator carries a new pool's label;
the seeded pools read `Ready`); after DELETE `Deleting` for the deletingDelay switch, then gone.
A new pool joins every org unit of its cluster at zero quota, as the docs say it does.

Emulator choices (the docs are silent): names follow DNS-1123 like org units; a pool that still
grants quota, or the cluster's default pool, is not deleted (400 naming why); unknown fields are
refused rather than ignored, so a misspelt field never passes silently.
"""

from __future__ import annotations

import copy
import re
import uuid
from typing import Any

from ..errors import EmulatorError, bad_request, conflict, not_found
from . import resources
from .clusters import NODE_POOL, require_cluster
from .common import DEPARTMENT, PROJECT, Ctx, Doc, dns_name, public, require_object

PLACEMENTS = ("spread", "binpack")
DETECTIONS = ("Use", "DontUse", "Auto")
_QUANTITY = re.compile(r"^([+]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$")
_DURATION = re.compile(r"^(0|[+]?((\d+(\.\d+)?)(ns|us|µs|μs|ms|s|m|h|d|w))+)$")
_LABEL_NAME = re.compile(r"^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")
_DNS_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")

# What a pool has for every setting it was not given (spec defaults; placement is binpack,
# Run:ai's documented default strategy).
DEFAULTS: Doc = {
    "overProvisioningRatio": 1,
    "schedulingConfiguration": {"placementStrategy": {"cpu": "binpack", "gpu": "binpack"},
                                "minGuaranteedRuntime": None},
    "gpuNetworkAccelerationLabelKey": None,
    "gpuNetworkAccelerationDetection": "Auto",
    "gpuResourceOptimization": {"swapEnabled": False, "cpuSwapMemorySize": "100G",
                                "reservedGpuMemoryForSwapOperations": "2G",
                                "nodeLevelSchedulerEnabled": False},
    "networkTopologyId": None,
}
_SETTABLE = ("labelKey", "labelValue", "placementStrategy", *DEFAULTS)
_IMMUTABLE = ("name", "clusterId")
_MESSAGES = {"Creating": "Node pool is being created", "Updating": "Node pool is being updated",
             "Deleting": "Node pool is being deleted", "Ready": "",
             "Empty": "no node carries the node pool's label"}


def _load(ctx: Ctx, ident: str) -> Doc:
    doc = ctx.tx.get(NODE_POOL, ident)
    if doc is None:
        raise not_found("node pool", ident)
    return doc


def phase(ctx: Ctx, doc: Doc) -> str:
    if "_deleteAt" in doc:
        return "Deleting"
    pending = doc.get("_pendingPhase")
    if pending and ctx.now < doc["_changedTs"] + ctx.config.ready_delay:
        return str(pending)
    return str(doc.get("_settledPhase", "Ready"))


def view(ctx: Ctx, doc: Doc) -> Doc:
    """The `Nodepool` answer: stored settings, the deprecated mirror, phase and status."""
    out = public(doc)
    out.pop("phase", None)
    placement = copy.deepcopy(doc["schedulingConfiguration"]["placementStrategy"])
    out["placementStrategy"] = placement
    if out.get("gpuNetworkAccelerationLabelKey") is None:
        out.pop("gpuNetworkAccelerationLabelKey", None)  # the answer schema allows no null
    current = phase(ctx, doc)
    out["phase"] = current
    out["phaseMessage"] = _MESSAGES[current]
    synced = {k: copy.deepcopy(out[k]) for k in (
        "labelKey", "labelValue", "overProvisioningRatio", "placementStrategy",
        "gpuNetworkAccelerationLabelKey", "gpuNetworkAccelerationDetection",
        "gpuResourceOptimization", "schedulingConfiguration") if k in out}
    out["status"] = {**synced, "conditions": [], "gpuNetworkAccelerationDetected": False,
                     "nodes": []}
    return out


def _label_key(value: object, where: str) -> str:
    """A Kubernetes label key: `[prefix/]name`, name <= 63, prefix a DNS subdomain <= 253."""
    if not isinstance(value, str) or not value:
        raise bad_request(f"{where} must be a non-empty string (a Kubernetes label key)")
    prefix, _, name = value.rpartition("/")
    if "/" in value and (not prefix or len(prefix) > 253 or not _DNS_SUBDOMAIN.match(prefix)):
        raise bad_request(f"{where} '{value}': the prefix before '/' must be a DNS subdomain "
                          "(lowercase letters, digits, '-' and '.', at most 253 characters)")
    if len(name) > 63 or not _LABEL_NAME.match(name):
        raise bad_request(f"{where} '{value}' is not a valid Kubernetes label key: the name "
                          "must be at most 63 letters, digits, '-', '_' or '.', starting and "
                          "ending with a letter or digit")
    return value


def _label_value(value: object, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise bad_request(f"{where} must be a non-empty string (a Kubernetes label value)")
    if len(value) > 63 or not _LABEL_NAME.match(value):
        raise bad_request(f"{where} '{value}' is not a valid Kubernetes label value: at most 63 "
                          "letters, digits, '-', '_' or '.', starting and ending with a letter "
                          "or digit")
    return value


def _object(value: object, where: str, known: tuple[str, ...]) -> Doc:
    if not isinstance(value, dict):
        raise bad_request(f"{where} must be an object")
    unknown = sorted(set(value) - set(known))
    if unknown:
        raise bad_request(f"{where}: unknown field(s) {', '.join(unknown)} "
                          f"(known: {', '.join(known)})")
    return value


def _placement(value: object, where: str, base: Doc) -> Doc:
    """`{cpu, gpu}` over `base`, key by key; a null key goes back to binpack."""
    given = _object(value, where, ("cpu", "gpu"))
    out = dict(base)
    for key, strategy in given.items():
        if strategy is not None and strategy not in PLACEMENTS:
            raise bad_request(f"{where}.{key} must be one of {', '.join(PLACEMENTS)}, "
                              f"got {strategy!r}")
        out[key] = strategy or DEFAULTS["schedulingConfiguration"]["placementStrategy"][key]
    return out


def _scheduling(value: object, top_placement: object, base: Doc) -> Doc:
    out = copy.deepcopy(base)
    if value is not None:
        given = _object(value, "schedulingConfiguration",
                        ("placementStrategy", "minGuaranteedRuntime"))
        if given.get("placementStrategy") is not None:
            out["placementStrategy"] = _placement(given["placementStrategy"],
                                                  "schedulingConfiguration.placementStrategy",
                                                  out["placementStrategy"])
        if "minGuaranteedRuntime" in given:
            runtime = given["minGuaranteedRuntime"]
            if runtime is not None and (not isinstance(runtime, str)
                                        or not _DURATION.match(runtime)):
                raise bad_request(
                    f"schedulingConfiguration.minGuaranteedRuntime {runtime!r} is not a "
                    "duration such as 5d8h40m (units ns, us, ms, s, m, h, d, w; or 0)")
            out["minGuaranteedRuntime"] = runtime
    if top_placement is not None:
        deprecated = _placement(top_placement, "placementStrategy", base["placementStrategy"])
        sent_new = isinstance(value, dict) and value.get("placementStrategy") is not None
        if sent_new and deprecated != out["placementStrategy"]:
            raise bad_request("placementStrategy (deprecated) disagrees with "
                              "schedulingConfiguration.placementStrategy: send only the latter")
        out["placementStrategy"] = deprecated
    return out


def _optimization(value: object, base: Doc) -> Doc:
    given = _object(value, "gpuResourceOptimization", tuple(base))
    out = dict(base)
    for key, item in given.items():
        where = f"gpuResourceOptimization.{key}"
        if item is None:
            out[key] = DEFAULTS["gpuResourceOptimization"][key]
        elif key.endswith("Enabled"):
            if not isinstance(item, bool):
                raise bad_request(f"{where} must be a boolean")
            out[key] = item
        elif not isinstance(item, str) or not _QUANTITY.match(item):
            raise bad_request(f"{where} {item!r} is not a quantity such as 100G or 2Gi")
        else:
            out[key] = item
    return out


def _settings(data: Doc, base: Doc) -> Doc:
    """The settable fields of `data` applied over `base`; every value is checked first."""
    out = copy.deepcopy(base)
    for key in ("labelKey", "labelValue"):
        if data.get(key) is not None:
            check = _label_key if key == "labelKey" else _label_value
            out[key] = check(data[key], key)
    if "overProvisioningRatio" in data:
        ratio = data["overProvisioningRatio"]
        if ratio is not None and (isinstance(ratio, bool) or not isinstance(ratio, int)
                                  or not 1 <= ratio <= 5):
            raise bad_request(
                f"overProvisioningRatio must be an integer from 1 to 5, got {ratio!r}")
        out["overProvisioningRatio"] = DEFAULTS["overProvisioningRatio"] if ratio is None else ratio
    out["schedulingConfiguration"] = _scheduling(
        data.get("schedulingConfiguration"), data.get("placementStrategy"),
        out["schedulingConfiguration"])
    if "gpuNetworkAccelerationLabelKey" in data:
        key = data["gpuNetworkAccelerationLabelKey"]
        out["gpuNetworkAccelerationLabelKey"] = (
            None if key is None else _label_key(key, "gpuNetworkAccelerationLabelKey"))
    if "gpuNetworkAccelerationDetection" in data:
        detection = data["gpuNetworkAccelerationDetection"]
        if detection is not None and detection not in DETECTIONS:
            raise bad_request(f"gpuNetworkAccelerationDetection must be one of "
                              f"{', '.join(DETECTIONS)}, got {detection!r}")
        out["gpuNetworkAccelerationDetection"] = detection or "Auto"
    if data.get("gpuResourceOptimization") is not None:
        out["gpuResourceOptimization"] = _optimization(data["gpuResourceOptimization"],
                                                       out["gpuResourceOptimization"])
    if "networkTopologyId" in data:
        out["networkTopologyId"] = _topology(data["networkTopologyId"])
    return out


def _topology(value: object) -> str | None:
    if value is None:
        return None
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise bad_request(f"networkTopologyId must be a uuid, got {value!r}") from None


def _refuse_unknown(data: Doc, allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise bad_request(f"unknown field(s) {', '.join(unknown)} "
                          f"(a node pool takes {', '.join(allowed)})")


def _join_org_units(ctx: Ctx, pool: Doc) -> None:
    """Every org unit of the pool's cluster gets a zero-quota entry for it."""
    for table in (DEPARTMENT, PROJECT):
        for unit in ctx.tx.all(table):
            if unit["clusterId"] == pool["clusterId"]:
                unit["resources"].append(resources.zero_entry(pool))
                ctx.tx.put(table, unit["id"], unit)


def create(ctx: Ctx, body: object) -> Doc:
    data = require_object(body)
    _refuse_unknown(data, (*_IMMUTABLE, *_SETTABLE))
    name = dns_name(data)
    cluster = require_cluster(ctx, data.get("clusterId"))
    for key in ("labelKey", "labelValue"):
        if data.get(key) is None:
            raise bad_request(f"{key} is required (nodes with labelKey=labelValue form the pool)")
    settings = _settings(data, DEFAULTS)
    for other in ctx.tx.all(NODE_POOL):
        if other["clusterId"] == cluster["uuid"] and other["name"] == name:
            raise conflict(f"node pool '{name}' already exists in cluster '{cluster['name']}' "
                           f"(id {other['id']})")
    ident = str(ctx.tx.next_id("nodepool", 1))
    doc: Doc = {
        "id": ident,
        "name": name,
        "clusterId": cluster["uuid"],
        "clusterName": cluster["name"],
        "tenantId": ctx.config.tenant_id,
        "isDefault": False,
        **settings,
        "networkTopologyName": None,
        "createdBy": ctx.actor,
        "createdAt": ctx.now_iso,
        "updatedBy": ctx.actor,
        "updatedAt": ctx.now_iso,
        "deletedAt": None,
        "_changedTs": ctx.now,
        "_pendingPhase": "Creating",
        "_settledPhase": "Empty",
    }
    ctx.tx.put(NODE_POOL, ident, doc)
    _join_org_units(ctx, doc)
    return view(ctx, doc)


def get(ctx: Ctx, ident: str) -> Doc:
    return view(ctx, _load(ctx, ident))


def all_for_list(ctx: Ctx) -> list[Doc]:
    return [view(ctx, p) for p in ctx.tx.all(NODE_POOL)]


def update(ctx: Ctx, ident: str, body: object, *, patch: bool) -> Doc:
    """PATCH changes what it sends; PUT also resets what it omits unless putOmitted is keep
    (the label, which has no default, is always kept)."""
    doc = _load(ctx, ident)
    if "_deleteAt" in doc:
        raise EmulatorError(409, f"node pool {ident} is being deleted")
    data = require_object(body)
    _refuse_unknown(data, (*_IMMUTABLE, *_SETTABLE))
    for key in _IMMUTABLE:
        if key in data and data[key] != doc[key]:
            raise bad_request(f"{key} of a node pool cannot change (is '{doc[key]}'): "
                              "create a new node pool instead")
    current = {key: doc[key] for key in ("labelKey", "labelValue", *DEFAULTS)}
    keep = patch or ctx.switches.putOmitted == "keep"
    base = current if keep else {**DEFAULTS, "labelKey": doc["labelKey"],
                                 "labelValue": doc["labelValue"]}
    settings = _settings(data, base)
    if settings != current:
        doc.update(settings)
        doc["_changedTs"] = ctx.now
        doc["_pendingPhase"] = "Updating"
    doc["updatedAt"] = ctx.now_iso
    doc["updatedBy"] = ctx.actor
    ctx.tx.put(NODE_POOL, ident, doc)
    return view(ctx, doc)


def _granting(ctx: Ctx, pool_id: str) -> list[str]:
    """`department 'x'` / `project 'y'` for every org unit with a non-zero quota on the pool."""
    names = []
    for table, kind in ((DEPARTMENT, "department"), (PROJECT, "project")):
        for unit in ctx.tx.all(table):
            entry = next((r for r in unit["resources"] if r["nodePool"]["id"] == pool_id), None)
            if entry and not _is_zero(entry):
                names.append(f"{kind} '{unit['name']}'")
    return names


def _is_zero(entry: Doc) -> bool:
    quotas: list[Any] = [entry.get(k) for k in ("gpu", "cpu", "memory")]
    return all(not q or not q.get("deserved") for q in quotas)


def delete(ctx: Ctx, ident: str) -> None:
    """Refuse the default pool and a pool that still grants quota; otherwise drop the pool's
    entries from every org unit and read `Deleting` for the deletingDelay switch."""
    doc = _load(ctx, ident)
    if doc.get("isDefault"):
        raise bad_request(f"node pool '{doc['name']}' is the cluster's default and cannot be "
                          "deleted")
    granting = _granting(ctx, ident)
    if granting:
        raise bad_request(f"node pool '{doc['name']}' still grants quota to "
                          f"{', '.join(granting)}: set their quota on it to 0 first")
    for table in (DEPARTMENT, PROJECT):
        for unit in ctx.tx.all(table):
            kept = [r for r in unit["resources"] if r["nodePool"]["id"] != ident]
            if len(kept) != len(unit["resources"]):
                unit["resources"] = kept
                ctx.tx.put(table, unit["id"], unit)
    delay = ctx.switches.deletingDelay
    if delay <= 0:
        ctx.tx.delete(NODE_POOL, ident)
    elif "_deleteAt" not in doc:
        doc["_deleteAt"] = ctx.now + delay
        ctx.tx.put(NODE_POOL, ident, doc, expires_at=doc["_deleteAt"])
