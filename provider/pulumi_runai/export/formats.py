"""The output formats by name, so the CLI and callers pick a writer the same way."""

from __future__ import annotations

from collections.abc import Sequence

from .import_writer import render_import
from .naming import assign_names
from .plan import ExportPlan, Rendered
from .python_writer import render_python
from .yaml_writer import render_yaml

__all__ = ["DEFAULT_FORMAT", "FORMATS", "render"]

FORMATS = ("yaml", "python", "import")
DEFAULT_FORMAT = "yaml"


def render(fmt: str, plan: ExportPlan, header: Sequence[str]) -> Rendered:
    """The file for `plan` in format `fmt` (`import` ignores the header: JSON has no comments)."""
    if fmt == "yaml":
        return render_yaml(plan, list(header))
    names = assign_names(plan)
    if fmt == "python":
        return render_python(plan, names, list(header))
    if fmt == "import":
        return render_import(plan, names)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
