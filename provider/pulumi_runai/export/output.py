"""Where the export goes: the header that says how it was made, and the output file.

The header is the only part that changes between two exports of the same tenant (the time),
so it is a block of leading comment lines that a diff tool or a test can strip. The output
path is checked before the tenant is read, so a refused path costs no request, and the file is
replaced atomically, so an interrupted export never leaves half a file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from .errors import ExportError

__all__ = ["check_target", "header", "strip_header", "write_atomically"]


def header(when: datetime, url: str, filters: Sequence[str]) -> list[str]:
    """Comment lines (`# ...`) naming the time, the control plane and the selection."""
    return [
        f"# Exported by runai-export at {when.isoformat(timespec='seconds')} from {url}",
        f"# Selection: {'; '.join(filters)}",
    ]


def strip_header(text: str) -> str:
    """The text without its leading comment lines: what must be equal between two exports."""
    lines = text.splitlines(keepends=True)
    index = 0
    while index < len(lines) and lines[index].startswith("#"):
        index += 1
    return "".join(lines[index:])


def check_target(path: Path, force: bool) -> None:
    """Refuse an existing file unless `force`, and a directory that does not exist. Devices and
    pipes (`/dev/stdout`) are not files anyone could lose, so they need no `--force`."""
    if path.is_dir():
        raise ExportError(f"--out {path} is a directory: give a file path such as {path}/org.yaml")
    if path.is_file() and not force:
        raise ExportError(
            f"--out {path} exists: pass --force to overwrite it, or choose another path"
        )
    if not path.parent.is_dir():
        raise ExportError(f"--out {path}: directory {path.parent} does not exist; create it first")


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`.

    A path that exists and is not a regular file (`/dev/stdout`, a named pipe) is written in
    place: renaming over it would replace the device or pipe with a file.
    """
    if path.exists() and not path.is_file():
        with path.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        return
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.chmod(temporary, 0o666 & ~umask)  # as open() would make it, not mkstemp's 0600
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
