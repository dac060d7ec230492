"""The export's own error: what the user asked for cannot be done as asked; the text says the fix.

A `RunaiError`, so the CLI reports it exactly like a refused credential or an unreachable URL.
"""

from __future__ import annotations

from ..errors import RunaiError

__all__ = ["ExportError"]


class ExportError(RunaiError):
    """Bad input to the export (unknown cluster or department, existing output path, ...)."""
