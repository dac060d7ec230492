"""``python -m pulumi_runai.local deploy|destroy|inventory``: flags, and errors as one message.

``scripts/deploy``, ``scripts/destroy`` and ``scripts/inventory`` call this with ``--root``
set to the working tree; relative paths on the command line are the caller's.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from . import commands, policy, targets
from .emulator import PORT_ENV, default_port
from .failures import explain

DEBUG_ENV = "RUNAI_DEBUG"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scripts/<command>",
        description="Deploy org.yaml, another description or an example to the local Run:ai "
                    "emulator; destroy it; show what the emulator holds.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help=argparse.SUPPRESS)
    parser.add_argument("--debug", action="store_true",
                        help=f"show the traceback of a failure (or set {DEBUG_ENV}=1)")
    sub = parser.add_subparsers(dest="command", required=True)

    def stack_command(name: str, help_text: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, prog=f"scripts/{name}")
        command.add_argument("example", nargs="?",
                             help="an example directory (e.g. examples/quickstart), deployed "
                                  "as its own stack; default: the top-level org.yaml")
        command.add_argument("--org", metavar="PATH",
                             help="another org.yaml-format file, deployed as its own stack")
        command.add_argument("--port", type=int, default=None,
                             help=f"emulator port if it must be started (default "
                                  f"${PORT_ENV} or 8900; 0 picks a free one)")
        command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                             help=f"show the traceback of a failure (or set {DEBUG_ENV}=1)")
        return command

    deploy = stack_command("deploy", "preview and apply a stack")
    deploy.add_argument("--preview", action="store_true",
                        help="show the plan per field and change nothing")
    deploy.add_argument("--refresh", action="store_true",
                        help="read every managed object first and show the drift")
    deploy.add_argument("--yes", action="store_true",
                        help="apply deletes and replaces without asking")
    deploy.add_argument("--policy-pack", metavar="DIR", help="run a policy pack, e.g. policy/")
    deploy.add_argument("--policy-pack-config", metavar="FILE",
                        help="its configuration, e.g. policy/config.example.json")
    stack_command("destroy", "delete what a stack manages (the top-level one also stops "
                             "the emulator)")
    inventory = sub.add_parser("inventory", help="what the local emulator holds",
                               prog="scripts/inventory")
    inventory.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                           help=f"show the traceback of a failure (or set {DEBUG_ENV}=1)")
    return parser


def _run(args: argparse.Namespace) -> None:
    root = args.root.resolve()
    if args.command == "inventory":
        commands.inventory(root)
        return
    target = targets.resolve(root, args.example, args.org)
    port = default_port() if args.port is None else args.port
    if args.command == "destroy":
        commands.destroy(root, target, port)
        return
    options = commands.DeployOptions(
        preview=args.preview, refresh=args.refresh, yes=args.yes,
        policy=policy.options(args.policy_pack, args.policy_pack_config))
    commands.deploy(root, target, port, options)


def _quiet_idle_event_loops(unraisable: sys.UnraisableHookArgs) -> None:
    """The Pulumi SDK leaves an event loop in each thread that registered a resource; at
    interpreter exit their finalizers can fail ("Exception ignored in BaseEventLoop.__del__"),
    which says nothing to an admin. Everything else unraisable is reported as usual."""
    where = getattr(unraisable.object, "__qualname__", "")
    if where == "BaseEventLoop.__del__":
        return
    sys.__unraisablehook__(unraisable)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    debug = args.debug or os.environ.get(DEBUG_ENV, "") not in ("", "0")
    if not debug:
        sys.unraisablehook = _quiet_idle_event_loops
    try:
        _run(args)
    except (Exception, KeyboardInterrupt) as err:
        sys.stdout.flush()
        if debug:
            traceback.print_exc()
        print(f"error: {explain(err)}", file=sys.stderr)
        return 1
    return 0
