"""The three local commands: deploy (plan, consent, apply, report), destroy, inventory."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pulumi_runai.client import get_client
from pulumi_runai.inventory import collect, render
from pulumi_runai.settings import Settings

from . import consent, pulumi_cli
from .emulator import CLIENT_ID, CLIENT_SECRET, LocalEmulator
from .failures import LocalError, violation_text
from .harness import HarnessRun
from .plan import Plan, drift_lines
from .policy import PolicyOptions
from .stacks import managed_objects, stack_names
from .targets import DEFAULT_STACK, Target
from .values import show


@dataclass(frozen=True)
class DeployOptions:
    preview: bool = False
    refresh: bool = False
    yes: bool = False
    policy: PolicyOptions | None = None


def _connection_env(url: str) -> dict[str, str]:
    return {"RUNAI_URL": url, "RUNAI_CLIENT_ID": CLIENT_ID, "RUNAI_CLIENT_SECRET": CLIENT_SECRET}


def show_inventory(root: Path, url: str, when: str = "now") -> None:
    """The tables of what the emulator holds, each object marked with its stack."""
    settings = Settings.resolve(None, env={**os.environ, **_connection_env(url)})
    tables = collect(get_client(settings), managed_objects(root / ".pulumi-state"))
    print(f"\nWhat the emulator at {url} holds {when}:\n")
    print(render(tables))
    print()


def _made_by_hand(target: Target, url: str, preview: bool) -> None:
    script = target.made_by_hand
    if script is None:
        return
    if preview:
        print(f"(preview: {script.name}, which makes this example's objects by hand, "
              "was not run; the apply runs it first)")
        return
    print(f"running {script.name}: objects made by hand, as in the Run:ai UI")
    done = subprocess.run([sys.executable, script.name], cwd=target.program_dir,
                          env={**os.environ, **_connection_env(url)}, check=False)
    if done.returncode != 0:
        raise LocalError(f"{script} failed (its output is above)")


def _print_lines(title: str, lines: list[str], summary: str) -> None:
    if lines:
        print(title)
    for line in lines:
        print(line)
    print(summary)


def _check_runnable(target: Target) -> None:
    """Before anything starts: without the CLI only Python programs can be run."""
    if target.runtime != "python" and not pulumi_cli.available():
        raise LocalError(f"{target.program_dir} is a {target.runtime} program; without the "
                         "Pulumi CLI only Python programs run here. Install the Pulumi CLI, or "
                         "follow that example's README")


def _deploy_with_harness(target: Target, url: str, opts: DeployOptions) -> None:
    print(f"the Pulumi CLI is not on PATH: running {target.label} through "
          "pulumi_runai.testing (the real provider host, driven as the engine does; "
          f"stack {target.stack}, state in .pulumi-state/)")
    run = HarnessRun(target, url, opts.policy)
    _made_by_hand(target, url, opts.preview)
    if opts.preview and opts.refresh:
        with run.dry_run():
            _show_drift(run)
            preview = run.preview()
    else:
        if opts.refresh:
            _show_drift(run)
        preview = run.preview()
    plan = Plan.of(preview.steps)
    for violation in preview.violations:
        print(f"policy ({violation.enforcement_level}) {violation.policy_name}: "
              f"{violation_text(violation.message)}")
    _print_lines("\nPlan:", plan.lines(), f"Plan: {plan.summary()}.")
    if opts.preview:
        print("This was a preview: nothing was changed.")
        return
    if not plan.changes_anything():
        print("Nothing to change.")
        return
    consent.require(plan.destructive(), yes=opts.yes)
    applied = run.up()
    result = Plan.of(applied.steps)
    _print_lines("\nApplied:", result.lines(past=True),
                 f"Applied: {result.summary(past=True)}; "
                 f"{run.resources_held()} resources held by stack {target.stack}.")
    _print_lines("\nOutputs:", [f"  {key}: {show(value)}"
                                for key, value in sorted(applied.stack_outputs.items())], "")


def _show_drift(run: HarnessRun) -> None:
    if not run.has_state():
        print("\nRefresh: nothing deployed yet, nothing to read.")
        return
    lines, summary = drift_lines(run.refresh().steps)
    _print_lines("\nRefresh (what changed outside Pulumi):", lines, f"Refresh: {summary}.")


def deploy(root: Path, target: Target, port: int, opts: DeployOptions) -> None:
    _check_runnable(target)
    url = LocalEmulator(root / ".runai-emulator").ensure_running(port)
    if pulumi_cli.available():
        run = pulumi_cli.CliRun(target, url, opts.policy)
        run.configure()
        if target.made_by_hand is not None:
            _made_by_hand(target, url, opts.preview)
        if opts.preview:
            run.preview(opts.refresh)
            return
        run.up(refresh=opts.refresh, yes=opts.yes)
    else:
        _deploy_with_harness(target, url, opts)
    if not opts.preview:
        show_inventory(root, url)


def destroy(root: Path, target: Target, port: int) -> None:
    """Destroys the target's stack; for the top-level one, stops the emulator too."""
    _check_runnable(target)
    emulator = LocalEmulator(root / ".runai-emulator")
    url = emulator.ensure_running(port)
    if pulumi_cli.available():
        run = pulumi_cli.CliRun(target, url)
        run.configure()
        run.destroy()
    else:
        print(f"destroying {target.label} (stack {target.stack}) through pulumi_runai.testing")
        steps = Plan.of(HarnessRun(target, url).destroy().steps)
        _print_lines("", steps.lines(past=True), f"Destroyed: {steps.counts()['delete']} "
                     "resources deleted.")
    if target.stack != DEFAULT_STACK:
        return
    show_inventory(root, url, when="after destroy")
    others = stack_names(root / ".pulumi-state")
    if others:
        print("Other stacks still hold objects there: " + ", ".join(others)
              + " (scripts/destroy examples/<name> or --org PATH removes them).")
    emulator.stop()


def inventory(root: Path) -> None:
    url = LocalEmulator(root / ".runai-emulator").running_url()
    if url is None:
        raise LocalError("no emulator is running for this working tree "
                         f"({root / '.runai-emulator' / 'url'}); start it with scripts/deploy")
    show_inventory(root, url)
