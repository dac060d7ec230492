"""The lifecycle runner: the engine's step logic for dynamic resources over a real host.

Modelled on ``pkg/resource/deploy`` (step_generator, step_executor, step): Check with old
inputs, Diff with old *outputs*, DIFF_UNKNOWN falling back to an input diff that includes
``__provider``, same (keeps old outputs, stores new inputs), update, replace in the engine's
order (create-before-replace by default: the old entry is marked for deletion only once its
replacement exists and deleted at the end; delete-before-replace when the provider or the
option asks: the dependents it would replace are deleted first, the old entry stays pending
replacement until the create succeeds), previews that hand back the inputs as outputs (so
dependents see unknowns), aliases, deletes of resources no longer declared in reverse
dependency order, refresh, secret re-annotation and ``additional_secret_outputs``, analyzers.
Not modelled: replace_on_changes, deleted_with, targets, partial failures (the Python host
reports none), detailed diffs (the Python host sends none).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ._aliases import Alias, Goal, alias_urns
from ._options import apply_ignore_changes, protected_message
from ._scheduler import run_graph
from ._urns import STACK_TYPE, make_urn
from ._wire import UNKNOWN, Props, annotate_secrets, input_diff, plain, shown
from .analyzers import (
    AnalyzedResource,
    AnalyzerLike,
    Violation,
    analyze_resource,
    analyze_stack,
)
from .errors import (
    CheckFailedError,
    DeploymentError,
    HarnessError,
    PolicyViolationError,
    RegistrationAfterEnd,
)
from .host import DIFF_SOME, DIFF_UNKNOWN, ProviderHost
from .native_routing import (
    import_step,
    is_native,
    is_provider_type,
    preview_outputs,
    preview_update_outputs,
    provider_step,
    provider_urn,
    serve_with,
)
from .results import Result, Step
from .state import ResourceState, StateFile

__all__ = ["STACK_TYPE", "Deployment", "ResourceSpec", "make_urn", "unknown_inputs"]


@dataclass(frozen=True)
class ResourceSpec:
    """A registration as the program makes it: ``inputs`` include ``__provider`` for custom
    resources (the SDK puts it there); ``parent`` and ``dependencies`` are URNs."""

    type: str
    name: str
    inputs: Props = field(default_factory=dict)
    custom: bool = True
    parent: str = ""
    dependencies: tuple[str, ...] = ()
    additional_secret_outputs: tuple[str, ...] = ()
    delete_before_replace: bool | None = None
    import_id: str = ""
    protect: bool = False
    ignore_changes: tuple[str, ...] = ()
    retain_on_delete: bool = False
    aliases: tuple[Alias, ...] = ()
    property_dependencies: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    provider: str = ""


class Deployment:
    """One preview/up/refresh/destroy against ``state`` through ``host``.

    ``register`` may be called from many threads at once (as the SDK does); at most
    ``parallel`` steps talk to the host at a time.
    """

    def __init__(
        self,
        host: ProviderHost,
        state: StateFile,
        *,
        project: str,
        stack: str,
        preview: bool = False,
        analyzers: Sequence[AnalyzerLike] = (),
        parallel: int = 8,
    ) -> None:
        if parallel < 1:
            raise ValueError("parallel must be at least 1")
        self.host = host
        self.state = state
        self.project = project
        self.stack = stack
        self.preview = preview
        self.analyzers = list(analyzers)
        self.parallel = parallel
        self._slots = threading.BoundedSemaphore(parallel)
        self._lock = threading.Lock()
        self._seen: set[str] = set()
        self._ended = False
        self._steps: list[Step] = []
        self._planned: dict[str, ResourceState] = {}
        # aliases taken over in this run: old URN -> new URN, and new URN -> old URN
        self._aliased: dict[str, str] = {}
        self._old_urn_of: dict[str, str] = {}
        # dependents deleted ahead of a delete-before-replace, created again on registration
        self._recreating: set[str] = set()
        self.violations: list[Violation] = []

    # -- helpers ---------------------------------------------------------------------------
    def urn(self, type_: str, name: str, parent: str = "") -> str:
        return make_urn(self.stack, self.project, type_, name, parent)

    @property
    def steps(self) -> list[Step]:
        with self._lock:
            return list(self._steps)

    def _record(self, step: Step) -> Step:
        with self._lock:
            self._steps.append(step)
        return step

    def _commit(self, *entries: ResourceState, drop: ResourceState | None = None) -> None:
        """Write a step's effect to state and checkpoint, as the engine does after each step:
        ``entries`` take the place of ``drop`` (none: it leaves state), or are added."""
        if self.preview:
            with self._lock:
                for res in entries:
                    if not res.pending_delete:
                        self._planned[res.urn] = res
            return
        with self.state.lock:
            if drop is None:
                for res in entries:
                    self.state.put(res)
            else:
                self.state.substitute(drop, *entries)
            self.state.save()

    def _gate(self, violations: Sequence[Violation]) -> None:
        """Stop on a mandatory violation; in preview, note it and go on, as the engine does.

        The engine's step generator marks a resource invalid only when it is not a dry run;
        a preview reports every violation of every resource and fails at the end.
        """
        with self._lock:
            self.violations.extend(violations)
        mandatory = [v for v in violations if v.mandatory]
        if mandatory and not self.preview:
            raise PolicyViolationError(mandatory)

    def _fail_preview_on_violations(self) -> None:
        with self._lock:
            mandatory = [v for v in self.violations if v.mandatory]
        if mandatory:
            raise PolicyViolationError(mandatory)

    # -- registration ----------------------------------------------------------------------
    def end_registrations(self) -> None:
        """The program's run is over. A registration the SDK sends later (one still pending
        when another step failed, resumed by the next program on the same event loop) is
        refused with `RegistrationAfterEnd`, never run against this deployment's closed host."""
        with self._lock:
            self._ended = True

    def register(self, spec: ResourceSpec) -> Step:
        """Run the step for one declared resource and return it (outputs carry secret marks)."""
        urn = self.urn(spec.type, spec.name, spec.parent)
        with self._lock:
            if self._ended:
                raise RegistrationAfterEnd(f"{urn}: registered after its program's run ended")
            if urn in self._seen:
                raise DeploymentError([ValueError(f"duplicate resource URN {urn}")], [])
            if urn in self._aliased:
                raise DeploymentError([ValueError(
                    f"{urn} is registered, but {self._aliased[urn]} already took over its state "
                    "entry through an alias")], [])
            self._seen.add(urn)
        if not spec.custom:
            return self._component(urn, spec)
        with self._slots:
            started = time.monotonic()
            step = self._custom(urn, spec, started)
        return self._record(replace(step, finished=time.monotonic()))

    def _old_entry(self, urn: str, spec: ResourceSpec) -> ResourceState | None:
        """The state entry this registration continues: by URN, else by alias (step_generator.go:
        "Check the URN first, then aliases"), claimed so that it is neither deleted nor
        claimed twice."""
        old = self.state.get(urn)
        if old is not None or not (spec.aliases or spec.parent in self._old_urn_of):
            return old
        goal = Goal(self.stack, self.project, spec.type, spec.name, spec.parent)
        with self._lock:
            candidates = alias_urns(goal, spec.aliases, self._old_urn_of)
        for candidate in candidates:
            old = self.state.get(candidate)
            if old is None:
                continue
            with self._lock:
                claimed_by = self._aliased.get(candidate)
                if candidate in self._seen or claimed_by is not None:
                    raise DeploymentError([ValueError(
                        f"{urn} has an alias to {candidate}, which is already registered"
                        + (f" or aliased by {claimed_by}" if claimed_by else "")
                        + "; two resources cannot take over one state entry")], [])
                self._aliased[candidate] = urn
                self._old_urn_of[urn] = candidate
            return old
        return None

    def _component(self, urn: str, spec: ResourceSpec) -> Step:
        old = self._old_entry(urn, spec)
        res = ResourceState(
            urn=urn, type=spec.type, name=spec.name, custom=False, parent=spec.parent,
            dependencies=list(spec.dependencies),
        )
        self._commit(res, drop=old)
        now = time.monotonic()
        return self._record(Step("same" if old else "create", urn, spec.type, spec.name,
                                 started=now, finished=now))

    def _custom(self, urn: str, spec: ResourceSpec, started: float) -> Step:
        if is_provider_type(spec.type):
            return provider_step(self, urn, spec, started)
        held = self.state.get(urn)
        if held is not None and held.provider != spec.provider:
            raise HarnessError(
                f"{urn}: its provider changes from {held.provider or 'the default'} to "
                f"{spec.provider or 'the default'}, which pulumi_runai.testing does not model")
        serve_with(self.host, urn, spec.provider)
        # import_: imported when not in state; in state with that id, treated like any other
        # resource (so the option may stay in the program); another id is not modelled
        if spec.import_id and held is not None and held.id != spec.import_id:
            raise HarnessError(
                f"{urn}: import_ names id {spec.import_id!r}, but the stack already holds this "
                f"resource with id {held.id!r}; the engine would delete that object and "
                "import the other, which pulumi_runai.testing does not model")
        if spec.import_id and held is None and is_native(spec.type):
            return import_step(self, urn, spec, started)  # the plugin can import
        if spec.import_id and held is None:
            # ImportStep: Read with neither inputs nor state; the Python host cannot find
            # __provider and fails (pulumi/pulumi#16175), as it does under the engine.
            found = self.host.read(urn, spec.import_id, None, None)
            return Step("import", urn, spec.type, spec.name, found.id, outputs=found.outputs,
                        started=started, new_inputs=shown(found.inputs or {}))
        old = self._old_entry(urn, spec)
        aso = list(spec.additional_secret_outputs)
        news = spec.inputs
        if old is not None and spec.ignore_changes:
            news = apply_ignore_changes(old.inputs, spec.inputs, spec.ignore_changes)
        with self._lock:
            recreating = urn in self._recreating
        # A dependent deleted for a delete-before-replace is checked as new (step_generator.go)
        checked, failures = self.host.check(urn, old.inputs if old and not recreating else {},
                                            news)
        if failures:
            raise CheckFailedError(urn, failures)
        checked = annotate_secrets(checked, news, [])
        if self.analyzers:
            self._gate(analyze_resource(self.analyzers, self._analyzed(urn, spec, checked)))
        new = ResourceState(
            urn=urn, type=spec.type, name=spec.name, inputs=checked, parent=spec.parent,
            dependencies=list(spec.dependencies), additional_secret_outputs=aso,
            protect=spec.protect, retain_on_delete=spec.retain_on_delete,
            property_dependencies=_lists(spec.property_dependencies), provider=spec.provider,
        )
        if old is None:
            return self._create(new, started)
        if recreating:
            # "re-create replaced resource deleted due to dependent DBR": no diff
            base = Step("same", urn, spec.type, spec.name, old.id, started=started,
                        old_inputs=shown(old.inputs), new_inputs=shown(checked),
                        old_outputs=shown(old.outputs))
            return self._replace(old, new, base, dbr=True)
        answer = self.host.diff(urn, old.id, old.outputs, checked, old.inputs)
        detailed = input_diff(old.inputs, checked)
        if answer.changes == DIFF_UNKNOWN:
            changes_some = bool(detailed)
            changed = list(detailed)
        else:
            changes_some = answer.changes == DIFF_SOME
            changed = answer.diffs or [k for k in detailed if not k.startswith("__")]
        base = Step("same", urn, spec.type, spec.name, old.id, tuple(changed),
                    tuple(answer.replaces), detailed, started=started,
                    old_inputs=shown(old.inputs), new_inputs=shown(checked),
                    old_outputs=shown(old.outputs))
        if not changes_some and not old.pending_replacement:
            # SameStep keeps the OLD outputs (and the old __provider) but stores new inputs.
            self._commit(replace(old, urn=urn, type=spec.type, name=spec.name,
                                 inputs=checked, parent=spec.parent,
                                 dependencies=list(spec.dependencies), protect=spec.protect,
                                 property_dependencies=new.property_dependencies,
                                 retain_on_delete=spec.retain_on_delete), drop=old)
            return replace(base, outputs=old.outputs)
        if answer.replaces or old.pending_replacement:
            # An entry pending replacement has no object behind it: the engine replaces it
            # whatever the diff says (continueStepsFromDiff).
            if spec.protect:
                raise HarnessError(protected_message(urn, "replace"))
            dbr = answer.delete_before_replace
            if spec.delete_before_replace is not None:
                dbr = spec.delete_before_replace
            return self._replace(old, new, base, dbr)
        if self.preview:
            # A host without preview support: the engine hands the new inputs back as the
            # outputs (provider_plugin.go Update), so every other output is unknown to dependents;
            # the native plugin previews the update.
            outputs = annotate_secrets(preview_update_outputs(
                self.host, urn, old.id, old.outputs, checked, old.inputs), checked, aso)
            self._commit(replace(new, id=old.id, outputs=outputs), drop=old)
            return replace(base, op="update", outputs=outputs)
        outs = self.host.update(urn, old.id, old.outputs, checked, old.inputs)
        new = replace(new, id=old.id, outputs=annotate_secrets(outs, checked, aso))
        self._commit(new, drop=old)
        return replace(base, op="update", outputs=new.outputs)

    def _create(self, new: ResourceState, started: float) -> Step:
        if self.preview:
            # The dynamic host reports supportsPreview=False, so the engine returns the inputs
            # as outputs and a blank (unknown) id; the native plugin previews the create.
            outputs = preview_outputs(self.host, new.urn, new.inputs)
            self._commit(replace(new, outputs=outputs))
            return Step("create", new.urn, new.type, new.name, outputs=outputs,
                        started=started, new_inputs=shown(new.inputs))
        id_, outs = self.host.create(new.urn, new.inputs)
        new = replace(new, id=id_, outputs=annotate_secrets(outs, new.inputs,
                                                            new.additional_secret_outputs))
        self._commit(new)
        return Step("create", new.urn, new.type, new.name, id_, outputs=new.outputs,
                    started=started, new_inputs=shown(new.inputs))

    def _replace(self, old: ResourceState, new: ResourceState, base: Step, dbr: bool) -> Step:
        """The engine's two replacement orders (step_generator.go, step.go).

        Delete-before-replace: DeleteReplacement marks the entry pending replacement once the
        object is gone (not again if it already is), then CreateReplacement takes its place; a
        failed create leaves the entry pending replacement for the next run. Create-before-
        replace: CreateReplacement first; only once it succeeded is the old entry marked for
        deletion, which happens after every other step; a failed create leaves it untouched.
        """
        if dbr and not old.pending_replacement:
            with self._lock:
                recreating = old.urn in self._recreating
            if not recreating:
                self._delete_dependents_first(old)
                old = self._delete_before_replace(old)
        if self.preview:
            self._commit(replace(new, outputs=new.inputs), drop=old)
            return replace(base, op="replace", id="", outputs=new.inputs)
        id_, outs = self.host.create(new.urn, new.inputs)
        new = replace(new, id=id_, outputs=annotate_secrets(outs, new.inputs,
                                                            new.additional_secret_outputs))
        if dbr:
            self._commit(new, drop=old)
        else:
            self._commit(replace(old, pending_delete=True), new, drop=old)
        return replace(base, op="replace", id=id_, outputs=new.outputs)

    def _delete_before_replace(self, old: ResourceState) -> ResourceState:
        """DeleteReplacement: the object goes, its entry stays, pending replacement."""
        started = time.monotonic()
        if self.preview:
            pending = old
        else:
            if not old.retain_on_delete:
                self.host.delete(old.urn, old.id, old.outputs, old.inputs)
            pending = replace(old, pending_replacement=True)
            self._commit(pending, drop=old)
        self._record(Step("delete-replaced", old.urn, old.type, old.name, old.id,
                          started=started, finished=time.monotonic(),
                          old_inputs=shown(old.inputs), old_outputs=shown(old.outputs)))
        return pending

    def _delete_dependents_first(self, root: ResourceState) -> None:
        """The engine's replacement of dependents of a delete-before-replace: those that would
        be replaced are deleted now, dependents first, and created again when registered."""
        doomed = self._dependents_to_replace(root)
        for dependent in reversed(doomed):
            with self._lock:
                if dependent.urn in self._recreating:
                    continue  # already deleted for another delete-before-replace
                self._recreating.add(dependent.urn)
            if dependent.protect:
                raise HarnessError(protected_message(dependent.urn, "replace"))
            if not dependent.pending_replacement:  # else its object is already gone
                self._delete_before_replace(dependent)

    def _dependents_to_replace(self, root: ResourceState) -> list[ResourceState]:
        """``calculateDependentReplacements``: each transitive dependent not yet registered in
        this run is diffed with the inputs that come from the replaced set made unknown; a diff
        that says replace adds it to the set. Returned in dependency order."""
        replacing = {root.urn}
        found: list[ResourceState] = []
        for res in self._dependents(root):
            if not res.custom or res.external:
                continue
            inputs = dict(res.inputs)
            touched = [key for key, urns in res.property_dependencies.items()
                       if key in inputs and replacing.intersection(urns)]
            if not touched:
                continue
            for key in touched:
                inputs[key] = UNKNOWN
            answer = self.host.diff(res.urn, res.id, res.outputs, inputs, res.inputs)
            if answer.replaces:
                found.append(res)
                replacing.add(res.urn)
        return found

    def _dependents(self, root: ResourceState) -> Iterator[ResourceState]:
        """Entries that depend on ``root`` directly or through others, in state order, leaving
        out those already registered in this run (they cannot depend on the root's new
        outputs) and those already pending deletion."""
        with self._lock:
            registered = set(self._seen)
        reached = {root.urn}
        for res in self.state.resources():
            if res.urn in registered or res.pending_delete or res is root:
                continue
            deps = set(res.dependencies).union(*res.property_dependencies.values())
            if deps & reached:
                reached.add(res.urn)
                yield res

    def read(self, type_: str, name: str, id_: str, inputs: Props, parent: str = "",
             provider: str = "") -> Step:
        """``Resource.get`` / ``opts.id``: the engine sends the inputs as both inputs and state,
        through the resource's provider (an explicit one's reference, or the default)."""
        urn = self.urn(type_, name, parent)
        with self._lock:
            if self._ended:
                raise RegistrationAfterEnd(f"{urn}: read after its program's run ended")
        serve_with(self.host, urn, provider)
        with self._slots:
            started = time.monotonic()
            answer = self.host.read(urn, id_, inputs, inputs)
        res = ResourceState(urn=urn, type=type_, name=name, id=answer.id, inputs=inputs,
                            outputs=answer.outputs, parent=parent, external=True,
                            provider=provider)
        with self._lock:
            self._seen.add(urn)
        self._commit(res)
        return self._record(Step("read", urn, type_, name, answer.id, outputs=answer.outputs,
                                 started=started, finished=time.monotonic(),
                                 new_inputs=shown(inputs)))

    def _analyzed(self, urn: str, spec: ResourceSpec, props: Props) -> AnalyzedResource:
        return AnalyzedResource(spec.type, urn, spec.name, plain(props), spec.parent,
                                tuple(spec.dependencies))

    # -- end of program --------------------------------------------------------------------
    def finish(self, stack_outputs: Props | None = None) -> Result:
        """Delete what was not declared (dependents first), then run stack analyzers."""
        with self._lock:
            kept = self._seen | set(self._aliased)
        doomed = [r for r in self.state.resources() if r.pending_delete or r.urn not in kept]
        self._delete_all(doomed)
        if self._aliased and not self.preview:
            with self.state.lock:  # as the snapshot does: references follow the new URNs
                self.state.rename_references(self._aliased)
                self.state.save()
        if stack_outputs is not None and not self.preview:
            with self.state.lock:
                self.state.stack_outputs = stack_outputs
                self.state.save()
        final = self._final_resources() if self.analyzers else []
        self._gate(analyze_stack(self.analyzers, [
            AnalyzedResource(r.type, r.urn, r.name, plain(r.outputs), r.parent,
                             tuple(r.dependencies))
            for r in final if r.custom
        ]))
        if self.preview:
            self._fail_preview_on_violations()
        return self.result(stack_outputs if stack_outputs is not None else {})

    def _final_resources(self) -> list[ResourceState]:
        live = [r for r in self.state.resources() if not r.pending_delete]
        if not self.preview:
            return live
        with self._lock:
            planned = dict(self._planned)
        kept = [planned.pop(r.urn, r) for r in live if r.urn in self._seen]
        return kept + list(planned.values())

    def result(self, stack_outputs: Props) -> Result:
        outputs: dict[str, Props] = {}
        for res in self._final_resources():
            if res.custom:
                outputs[res.name] = res.outputs
        return Result(self.steps, outputs, stack_outputs, list(self.violations), self.preview)

    def _delete_all(self, doomed: list[ResourceState]) -> None:
        """Delete concurrently, each resource only after everything that depends on it."""
        index = {i: r for i, r in enumerate(doomed)}
        by_urn: dict[str, list[int]] = {}
        for i, r in index.items():
            by_urn.setdefault(r.urn, []).append(i)
        waits: dict[int, set[int]] = {i: set() for i in index}
        for i, r in index.items():
            for target in [*r.dependencies, r.parent, provider_urn(r.provider)]:
                for j in by_urn.get(target, []):
                    if j != i:
                        waits[j].add(i)  # j (the dependency) waits for its dependent i
        errors = run_graph(list(index), waits, lambda i: self._delete_one(index[i]),
                           self.parallel)
        if errors:
            raise DeploymentError(errors, self.steps)

    def _delete_one(self, res: ResourceState) -> None:
        """DeleteStep, or RemovePendingReplaceStep for an entry whose object is already gone."""
        gone = res.pending_replacement and not res.pending_delete
        op = ("delete-replaced" if res.pending_delete
              else "remove-pending-replace" if gone else "delete")
        started = time.monotonic()
        if res.protect and not res.pending_delete and not gone:
            raise HarnessError(protected_message(res.urn, "delete"))
        if not self.preview:
            if (res.custom and not res.external and not res.retain_on_delete and not gone
                    and not is_provider_type(res.type)):  # a provider is only configuration
                self.host.delete(res.urn, res.id, res.outputs, res.inputs)
            self._commit(drop=res)
        self._record(Step(op, res.urn, res.type, res.name, res.id, started=started,
                          finished=time.monotonic(), old_inputs=shown(res.inputs),
                          old_outputs=shown(res.outputs)))

    # -- refresh and destroy ---------------------------------------------------------------
    def refresh(self) -> Result:
        """Read every resource; a blank id drops it, ``ReadResult.inputs`` become its inputs."""
        targets = [r for r in self.state.resources()  # the engine never refreshes providers
                   if r.custom and not r.pending_delete and not is_provider_type(r.type)]
        errors = run_graph(list(range(len(targets))), {},
                           lambda i: self._refresh_one(targets[i]), self.parallel)
        if errors:
            raise DeploymentError(errors, self.steps)
        return self.result(self.state.stack_outputs)

    def _refresh_one(self, res: ResourceState) -> None:
        started = time.monotonic()
        answer = self.host.read(res.urn, res.id, res.outputs, res.inputs)
        if not answer.id:
            self._commit(drop=res)
            self._record(Step("delete", res.urn, res.type, res.name, res.id, started=started,
                              finished=time.monotonic(), old_inputs=shown(res.inputs),
                              old_outputs=shown(res.outputs)))
            return
        outputs = annotate_secrets(answer.outputs, res.outputs, res.additional_secret_outputs)
        inputs = res.inputs if answer.inputs is None else annotate_secrets(answer.inputs,
                                                                           res.inputs, [])
        changed = input_diff(res.outputs, outputs)
        self._commit(replace(res, id=answer.id, outputs=outputs, inputs=inputs), drop=res)
        self._record(Step("refresh", res.urn, res.type, res.name, answer.id, tuple(changed),
                          (), changed, outputs, started, time.monotonic(),
                          old_inputs=shown(res.inputs), new_inputs=shown(inputs),
                          old_outputs=shown(res.outputs)))

    def destroy(self) -> Result:
        self._delete_all(self.state.resources())
        if not self.preview:
            with self.state.lock:
                self.state.stack_outputs = {}
                self.state.save()
        return self.result({})


def _lists(by_key: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    return {key: list(urns) for key, urns in by_key.items()}


def unknown_inputs(value: object, is_unknown: Callable[[object], bool]) -> object:
    """Replace SDK unknown markers by the engine's sentinel string before sending them."""
    if is_unknown(value):
        return UNKNOWN
    if isinstance(value, dict):
        return {k: unknown_inputs(v, is_unknown) for k, v in value.items()}
    if isinstance(value, list):
        return [unknown_inputs(v, is_unknown) for v in value]
    return value
