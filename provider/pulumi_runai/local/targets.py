"""What a command deploys: the top-level organisation, another description file, an example.

Each target has its own stack and so its own state beside the others in ``.pulumi-state/``:
deploying an example neither deletes nor is deleted by the top-level stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .failures import LocalError

DEFAULT_STACK = "dev"
# Read by the top-level __main__.py: which description file the program deploys.
ORG_FILE_KEY = "orgFile"
# An example's optional script that makes objects "by hand" before the stack adopts them.
MADE_BY_HAND = "made_by_hand.py"


@dataclass(frozen=True)
class Target:
    """A program directory run as ``stack`` of its Pulumi project."""

    label: str
    program_dir: Path
    project: str
    stack: str
    state_dir: Path
    config: dict[str, str] = field(default_factory=dict)
    runtime: str = "python"

    @property
    def state_file(self) -> Path:
        """The harness's checkpoint (the Pulumi CLI keeps its own under ``state_dir``)."""
        return self.state_dir / f"{self.stack}.testing.json"

    @property
    def made_by_hand(self) -> Path | None:
        script = self.program_dir / MADE_BY_HAND
        return script if script.is_file() else None


def _project(program_dir: Path) -> tuple[str, str]:
    """The project's name and runtime (``python``, ``yaml``, …) from its Pulumi.yaml."""
    project_file = program_dir / "Pulumi.yaml"
    if not project_file.is_file():
        raise LocalError(f"{program_dir} has no Pulumi.yaml, so it is not a Pulumi program; "
                         "give an example directory such as examples/quickstart")
    data = yaml.safe_load(project_file.read_text()) or {}
    if not data.get("name"):
        raise LocalError(f"{project_file}: `name` is missing; set it to the project's name")
    runtime = data.get("runtime", "python")
    return str(data["name"]), str(runtime.get("name") if isinstance(runtime, dict) else runtime)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "stack"


def resolve(root: Path, example: str | None, org: str | None) -> Target:
    """The target named on the command line (relative paths from the caller's directory)."""
    state_dir = root / ".pulumi-state"
    if example and org:
        raise LocalError("give either an example directory or --org PATH, not both")
    if example:
        program_dir = Path(example).resolve()
        if not program_dir.is_dir():
            raise LocalError(f"{example}: no such directory; the examples are: "
                             + ", ".join(sorted(f"examples/{p.name}" for p in
                                                (root / "examples").iterdir() if p.is_dir())))
        project, runtime = _project(program_dir)
        return Target(f"example {program_dir.name}", program_dir, project,
                      f"example-{_slug(program_dir.name)}", state_dir, runtime=runtime)
    if org and Path(org).resolve() == root / "org.yaml":
        org = None  # the top-level description is the default stack, not a second one
    if org:
        org_file = Path(org).resolve()
        if not org_file.is_file():
            raise LocalError(f"--org {org}: no such file; give an org.yaml-format description "
                             "(see docs/org-yaml.md)")
        try:
            shown = org_file.relative_to(root)
        except ValueError:
            shown = org_file
        project = _project(root)[0]
        return Target(f"organisation {shown}", root, project,
                      f"org-{_slug(str(shown.with_suffix('')))}", state_dir,
                      {f"{project}:{ORG_FILE_KEY}": str(shown)})
    return Target("organisation org.yaml", root, _project(root)[0], DEFAULT_STACK, state_dir)
