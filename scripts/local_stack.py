"""Deploy the top-level stack (org.yaml) to a local Run:ai emulator, or tear it down.

Called by ``scripts/deploy`` and ``scripts/destroy`` inside the project's virtual environment.
The emulator runs in the background with its state in ``.runai-emulator/`` of the working tree;
the Pulumi state lives in ``.pulumi-state/``. With the Pulumi CLI on PATH the stack is deployed
with ``pulumi up`` (local file backend); without it, through ``pulumi_runai.testing``, which
drives the same provider host the engine would. Either way the script says which it used.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
EMULATOR_DIR = ROOT / ".runai-emulator"
STATE_DIR = ROOT / ".pulumi-state"
STACK = "dev"
CLIENT_ID = "pulumi-runai"
# The emulator's documented default credential, not a real secret.
CLIENT_SECRET = os.environ.get("RUNAI_EMULATOR_CLIENT_SECRET", "emulator-secret")
PASSPHRASE = os.environ.get("PULUMI_CONFIG_PASSPHRASE", "local-emulator")


def _alive(url: str) -> bool:
    try:
        return requests.get(f"{url}/_emulator/faults", timeout=2).status_code == 200
    except requests.RequestException:
        return False


def _recorded_url() -> str | None:
    path = EMULATOR_DIR / "url"
    return path.read_text().strip() if path.exists() else None


def start_emulator(port: int) -> str:
    """Starts the emulator in the background unless it already runs; returns its URL."""
    url = _recorded_url()
    if url and _alive(url):
        print(f"emulator already running at {url}")
        return url
    EMULATOR_DIR.mkdir(exist_ok=True)
    log = EMULATOR_DIR / "emulator.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "runai_emulator", "serve", "--port", str(port),
             "--db", str(EMULATOR_DIR / "state.db"), "--client-id", CLIENT_ID,
             "--client-secret", CLIENT_SECRET],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    (EMULATOR_DIR / "emulator.pid").write_text(str(proc.pid))
    deadline = time.monotonic() + 30
    prefix = "runai-emulator listening on "
    while time.monotonic() < deadline:
        first = log.read_text().splitlines()[:1]
        if first and first[0].startswith(prefix):
            url = first[0][len(prefix):].strip()
            (EMULATOR_DIR / "url").write_text(url)
            print(f"emulator started at {url} (state: {EMULATOR_DIR / 'state.db'})")
            return url
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    raise SystemExit(f"the emulator did not start; its log says:\n{log.read_text()}")


def stop_emulator() -> None:
    pid_file = EMULATOR_DIR / "emulator.pid"
    if not pid_file.exists():
        return
    pid = int(pid_file.read_text())
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    else:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
    pid_file.unlink()
    (EMULATOR_DIR / "url").unlink(missing_ok=True)
    print("emulator stopped (its state stays in .runai-emulator/state.db)")


def _pulumi(*args: str, env: dict[str, str]) -> None:
    subprocess.run(["pulumi", *args], cwd=ROOT, env=env, check=True)


def _cli_env() -> dict[str, str]:
    STATE_DIR.mkdir(exist_ok=True)
    return {**os.environ, "PULUMI_BACKEND_URL": STATE_DIR.as_uri(),
            "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE, "PULUMI_SKIP_UPDATE_CHECK": "1"}


def deploy_with_cli(url: str) -> None:
    env = _cli_env()
    print("deploying with the Pulumi CLI (pulumi up, local file backend in .pulumi-state/)")
    existing = subprocess.run(["pulumi", "stack", "select", STACK], cwd=ROOT, env=env,
                              capture_output=True)
    if existing.returncode != 0:
        _pulumi("stack", "init", STACK, env=env)
    _pulumi("config", "set", "runai:url", url, env=env)
    _pulumi("config", "set", "runai:clientId", CLIENT_ID, env=env)
    _pulumi("config", "set", "--secret", "runai:clientSecret", CLIENT_SECRET, env=env)
    _pulumi("up", "--yes", "--skip-preview", env=env)


def _testing_stack(url: str):  # type: ignore[no-untyped-def]
    from pulumi_runai.testing import Stack

    STATE_DIR.mkdir(exist_ok=True)
    return Stack(STATE_DIR / f"{STACK}.testing.json", project="runai-org", stack=STACK,
                 config={"runai:url": url, "runai:clientId": CLIENT_ID},
                 secret_config={"runai:clientSecret": CLIENT_SECRET}, cwd=ROOT)


def deploy_with_harness(url: str) -> None:
    print("the Pulumi CLI is not on PATH: deploying through pulumi_runai.testing "
          "(the real provider host, driven as the engine does; state in .pulumi-state/)")
    result = _testing_stack(url).up(ROOT / "__main__.py")
    changed = {name: op for name, op in result.ops(include_same=False).items()}
    print(f"{len(result.steps)} resources, {len(changed)} changed: "
          + (", ".join(f"{op} {name}" for name, op in sorted(changed.items())) or "nothing"))


def show(url: str, when: str = "now") -> None:
    os.environ.update({"RUNAI_URL": url, "RUNAI_CLIENT_ID": CLIENT_ID,
                       "RUNAI_CLIENT_SECRET": CLIENT_SECRET})
    from pulumi_runai.inventory import main as inventory

    print(f"\nWhat the emulator at {url} holds {when}:\n")
    inventory()
    print()


def up(port: int) -> None:
    url = start_emulator(port)
    if shutil.which("pulumi"):
        deploy_with_cli(url)
    else:
        deploy_with_harness(url)
    show(url)


def down(port: int) -> None:
    """Destroys the stack (starting the emulator on its saved state if needed), then stops it."""
    url = start_emulator(port)
    if shutil.which("pulumi"):
        env = _cli_env()
        print("destroying with the Pulumi CLI")
        _pulumi("stack", "select", STACK, env=env)
        _pulumi("config", "set", "runai:url", url, env=env)
        _pulumi("destroy", "--yes", "--skip-preview", env=env)
    else:
        print("destroying through pulumi_runai.testing")
        result = _testing_stack(url).destroy()
        deleted = [s for s in result.steps if s.op == "delete"]
        print(f"{len(deleted)} resources deleted")
    show(url, when="after destroy")
    stop_emulator()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["up", "down"])
    default_port = int(os.environ.get("RUNAI_EMULATOR_PORT", 8900))
    parser.add_argument("--port", type=int, default=default_port,
                        help="emulator port (default 8900; 0 picks a free one)")
    args = parser.parse_args()
    if args.command == "up":
        up(args.port)
    else:
        down(args.port)


if __name__ == "__main__":
    main()
