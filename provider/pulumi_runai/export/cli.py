"""`runai-export` (also `python -m pulumi_runai.export`): a live tenant as org.yaml, a Pulumi
program or a Pulumi import file.

It only reads: one token request, then one paged list per kind. The client secret comes from
RUNAI_CLIENT_SECRET or `--client-secret-file`, never from the command line, where shell
history and `ps` would keep it. Every failure is one line on stderr that says the fix, and a
non-zero exit; nothing is written unless the whole export succeeded.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from .._retry import RetryPolicy
from ..client import RunaiClient
from ..errors import ConfigError, Forbidden, RunaiError, Unauthorized
from ..settings import Settings
from .errors import ExportError
from .formats import DEFAULT_FORMAT, FORMATS, render
from .output import check_target, header, write_atomically
from .report import summary
from .selection import SelectionOptions, select
from .tenant import read_tenant

__all__ = ["main"]

PROG = "runai-export"
# An export is interactive: give up on an unreachable control plane in seconds, not a minute.
CLI_RETRY = RetryPolicy(max_attempts=4, total_timeout=15.0)
SECRET_ARGUMENT = (
    "the client secret is never a command-line argument (shell history and `ps` would keep "
    "it): set RUNAI_CLIENT_SECRET or pass --client-secret-file PATH"
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        allow_abbrev=False,  # `--client-secret` must never be read as `--client-secret-file`
        description="Write a Run:ai tenant's organisation as org.yaml, a Pulumi program or a "
        "Pulumi import file. Only reads from the tenant.",
        epilog="Connection: --url / RUNAI_URL, --client-id / RUNAI_CLIENT_ID, and the secret "
        "from RUNAI_CLIENT_SECRET or --client-secret-file. See docs/export.md.",
    )
    parser.add_argument("--format", choices=FORMATS, default=DEFAULT_FORMAT,
                        help="yaml (org.yaml, default), python (a Pulumi program) or import "
                        "(a `pulumi import --file` file)")
    parser.add_argument("--out", metavar="PATH",
                        help="the file to write (default: standard output)")
    parser.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    parser.add_argument("--cluster", metavar="NAME",
                        help="the cluster to export (default: the tenant's only cluster)")
    parser.add_argument("--department", metavar="NAME", action="append", default=[],
                        help="only this department, its projects and the rules on them "
                        "(repeatable)")
    users = parser.add_mutually_exclusive_group()
    users.add_argument("--include-users", dest="include_users", action="store_true",
                       default=True, help="write local users (default)")
    users.add_argument("--no-users", dest="include_users", action="store_false",
                       help="leave users out")
    parser.add_argument("--url", help="control-plane URL (default: RUNAI_URL)")
    parser.add_argument("--client-id", help="client id (default: RUNAI_CLIENT_ID)")
    parser.add_argument("--client-secret-file", metavar="PATH", type=Path,
                        help="a file holding the client secret (default: RUNAI_CLIENT_SECRET)")
    parser.add_argument("--client-secret", dest="client_secret_argument", help=argparse.SUPPRESS)
    return parser


def _secret(path: Path | None, env: Mapping[str, str]) -> str | None:
    if path is None:
        return env.get("RUNAI_CLIENT_SECRET") or None
    try:
        secret = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ExportError(f"cannot read --client-secret-file {path} ({exc.strerror}): "
                          "give a readable file holding only the secret") from None
    if not secret:
        raise ExportError(f"--client-secret-file {path} is empty: write the client secret in it")
    return secret


def settings_from(args: argparse.Namespace, env: Mapping[str, str]) -> Settings:
    """The connection from the flags, else the RUNAI_* environment; errors name both ways."""
    url = args.url or env.get("RUNAI_URL")
    client_id = args.client_id or env.get("RUNAI_CLIENT_ID")
    secret = _secret(args.client_secret_file, env)
    if not url:
        raise ExportError("no Run:ai URL: pass --url https://<tenant>.run.ai or set RUNAI_URL")
    if not client_id:
        raise ExportError("no client id: pass --client-id or set RUNAI_CLIENT_ID")
    if not secret:
        raise ExportError("no client secret: set RUNAI_CLIENT_SECRET or pass "
                          "--client-secret-file PATH")
    config = {"runai:url": url, "runai:clientId": client_id, "runai:clientSecret": secret}
    try:
        return Settings.resolve(config, env)
    except ConfigError as exc:  # the library's words name stack config, which the CLI has not
        if not exc.key:
            raise
        where = "--url / RUNAI_URL" if exc.key == "runai:url" else exc.env
        raise ExportError(f"{where} {exc.problem}") from None


def _filters(args: argparse.Namespace, cluster: str) -> list[str]:
    departments = ", ".join(args.department) if args.department else "all"
    users = "included" if args.include_users else "left out (--no-users)"
    return [f"cluster {cluster}", f"departments {departments}", f"users {users}"]


def _explain(exc: RunaiError, settings: Settings) -> str:
    """One line with the fix, in the CLI's words where the library's would name stack config."""
    if isinstance(exc, Unauthorized):
        return (f"the control plane at {settings.url} rejected client id "
                f"{settings.client_id!r}: check --client-id / RUNAI_CLIENT_ID and the secret "
                "(RUNAI_CLIENT_SECRET or --client-secret-file)")
    if isinstance(exc, Forbidden):
        return (f"{exc.method} {exc.path}: 403, the client may not list this: give it a role "
                "that can read the whole tenant (for example System administrator or Viewer "
                "on the tenant)")
    return str(exc)


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    if args.client_secret_argument is not None:
        raise ExportError(SECRET_ARGUMENT)
    target = None if args.out in (None, "-") else Path(args.out)
    if target is not None:
        check_target(target, args.force)
    settings = settings_from(args, env)
    client = RunaiClient(settings, retry=CLI_RETRY)
    try:
        tenant = read_tenant(client, args.cluster)
    except RunaiError as exc:
        raise ExportError(_explain(exc, settings)) from None
    finally:
        client.close()
    plan = select(tenant, SelectionOptions(tuple(args.department), args.include_users))
    lines = header(datetime.now(UTC), settings.url, _filters(args, tenant.cluster_name))
    rendered = render(args.format, plan, lines)
    if target is None:
        sys.stdout.write(rendered.text)
        sys.stdout.flush()
    else:
        write_atomically(target, rendered.text)
    where = "standard output" if target is None else str(target)
    for line in summary(rendered.written, (*plan.left_out, *rendered.left_out), where):
        print(line, file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None, env: Mapping[str, str] | None = None) -> int:
    """The console script; returns the exit status (0 done, 1 failed, 2 bad usage)."""
    args = _parser().parse_args(argv)
    try:
        return run(args, os.environ if env is None else env)
    except RunaiError as exc:
        message = " ".join(str(exc).split())
        print(f"{PROG}: error: {message}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{PROG}: error: {exc.strerror or exc} ({exc.filename})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; nothing was written", file=sys.stderr)
        return 130
