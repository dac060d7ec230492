"""`runai-emulator serve ...`: bind first, print the URL line, then run uvicorn."""

from __future__ import annotations

import argparse
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

from .config import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_NODE_POOLS,
    DEFAULT_READONLY_CLIENT_ID,
    DEFAULT_READONLY_CLIENT_SECRET,
    EmulatorConfig,
)
from .switches import CHOICES, Switches, snake


def _rate(text: str) -> float:
    value = float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {text}")
    return value


def _non_negative(text: str) -> float:
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative, got {text}")
    return value


_SWITCH_HELP = {
    "duplicateAccessRules": "a second identical access rule: 409 (reject) or stored (allow)",
    "departmentDelete": "deleting a department with projects: 409 (refuse) or delete them too",
    "putOmitted": "what a full PUT does to fields it omits: defaults (reset) or unchanged (keep)",
    "apiVersion": "control-plane version to emulate (3.0: no v1 roles, apps or priorities)",
}


def _add_switches(serve: argparse.ArgumentParser) -> None:
    """One flag per switch (docs/emulator.md, "Switches"); names and choices from `switches`."""
    for name, choices in CHOICES.items():
        flag = "--" + snake(name).replace("_", "-")
        serve.add_argument(flag, choices=choices, default=choices[0], help=_SWITCH_HELP[name])
    serve.add_argument("--deleting-delay", type=_non_negative, default=None,
                       help="seconds a deleted project or node pool reads Deleting; "
                            "None means the --ready-delay value")
    serve.add_argument("--cascade-department-delete", action="store_true",
                       help="the same as --department-delete cascade")


def _switches(args: argparse.Namespace) -> Switches:
    return Switches(
        duplicateAccessRules=args.duplicate_access_rules,
        departmentDelete="cascade" if args.cascade_department_delete else args.department_delete,
        putOmitted=args.put_omitted,
        deletingDelay=args.ready_delay if args.deleting_delay is None else args.deleting_delay,
        apiVersion=args.api_version,
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="runai-emulator",
        description="A local emulator of the NVIDIA Run:ai control-plane REST API.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP(S) server",
                           formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    serve.add_argument("--host", default="127.0.0.1", help="interface to bind")
    serve.add_argument("--port", type=int, default=8900, help="0 picks a free port")
    serve.add_argument("--db", default=":memory:", help="SQLite file (state survives restarts)")
    serve.add_argument("--client-id", default=DEFAULT_CLIENT_ID, help="read-write client")
    serve.add_argument("--client-secret", default=DEFAULT_CLIENT_SECRET, help="its secret")
    serve.add_argument("--readonly-client-id", default=DEFAULT_READONLY_CLIENT_ID,
                       help="client whose writes get 403")
    serve.add_argument("--readonly-client-secret", default=DEFAULT_READONLY_CLIENT_SECRET,
                       help="its secret")
    serve.add_argument("--token-ttl", type=_non_negative, default=3600.0,
                       help="token lifetime in seconds")
    serve.add_argument("--ready-delay", type=_non_negative, default=0.0,
                       help="seconds a project or node pool stays Creating (or Updating)")
    serve.add_argument("--latency-ms", type=_non_negative, default=0.0,
                       help="added to every /api request")
    serve.add_argument("--latency-jitter-ms", type=_non_negative, default=0.0,
                       help="uniform random extra latency, up to this")
    serve.add_argument("--error-rate", type=_rate, default=0.0, help="share of 503 answers")
    serve.add_argument("--rate-limit-rate", type=_rate, default=0.0,
                       help="share of 429 answers (Retry-After: 0.1)")
    serve.add_argument("--drop-after-commit-rate", type=_rate, default=0.0,
                       help="share of writes performed but answered 503")
    serve.add_argument("--seed", type=int, default=None, help="seed for fault randomness")
    serve.add_argument("--node-pools", default=",".join(DEFAULT_NODE_POOLS),
                       help="comma-separated node pool names of the seeded cluster")
    _add_switches(serve)
    serve.add_argument("--legacy-project-delete", action="store_true",
                       help="project DELETE answers 204 and removes at once")
    serve.add_argument("--tls-cert", default=None, help="PEM certificate: serve HTTPS")
    serve.add_argument("--tls-key", default=None, help="PEM private key for --tls-cert")
    serve.add_argument("--access-log", action="store_true", help="print uvicorn's access log")
    routes = sub.add_parser("routes-md", help="print (or --write/--check) docs/emulator.md")
    routes.add_argument("--write", type=Path, default=None)
    routes.add_argument("--check", type=Path, default=None)
    return parser


def config_from(args: argparse.Namespace) -> EmulatorConfig:
    pools = tuple(p.strip() for p in args.node_pools.split(",") if p.strip())
    return EmulatorConfig(
        db_path=args.db,
        client_id=args.client_id,
        client_secret=args.client_secret,
        readonly_client_id=args.readonly_client_id,
        readonly_client_secret=args.readonly_client_secret,
        token_ttl=args.token_ttl,
        ready_delay=args.ready_delay,
        latency_ms=args.latency_ms,
        latency_jitter_ms=args.latency_jitter_ms,
        error_rate=args.error_rate,
        rate_limit_rate=args.rate_limit_rate,
        drop_after_commit_rate=args.drop_after_commit_rate,
        seed=args.seed,
        node_pools=pools or DEFAULT_NODE_POOLS,
        legacy_project_delete=args.legacy_project_delete,
        switches=_switches(args),
    )


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import create_app

    if bool(args.tls_cert) != bool(args.tls_key):
        print("--tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    app = create_app(config_from(args))
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    # IPPROTO_TCP matters: asyncio sets TCP_NODELAY on accepted sockets only when their
    # protocol says TCP, and without it every reply on a kept-alive connection waits ~40 ms
    # for the peer's delayed ACK.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.listen(2048)
    port = sock.getsockname()[1]
    scheme = "https" if args.tls_cert else "http"
    host = f"[{args.host}]" if family == socket.AF_INET6 else args.host
    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=args.access_log,
        workers=1,
        ssl_certfile=args.tls_cert,
        ssl_keyfile=args.tls_key,
        timeout_keep_alive=30,
        timeout_graceful_shutdown=2,
    )
    server = uvicorn.Server(config)
    print(f"runai-emulator listening on {scheme}://{host}:{port}", flush=True)
    server.run(sockets=[sock])
    return 0


def _routes_md(args: argparse.Namespace) -> int:
    from . import routes_md

    if args.check is not None:
        current = args.check.read_text()
        if routes_md.render_into(current) != current:
            print(f"{args.check} is out of date: run runai-emulator routes-md --write {args.check}",
                  file=sys.stderr)
            return 1
        return 0
    if args.write is not None:
        args.write.write_text(routes_md.render_into(args.write.read_text()))
        return 0
    print(routes_md.table())
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "serve":
        return _serve(args)
    return _routes_md(args)
