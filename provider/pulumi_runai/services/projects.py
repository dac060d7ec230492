"""Projects: org units with a lifecycle (Creating -> Ready; DELETE 202 -> Deleting -> gone)."""

from __future__ import annotations

from typing import Any

from ..errors import NotFound
from ..models.project import READY
from ._org_unit import OrgUnits
from ._poll import poll

__all__ = ["Projects"]


def _describe(project_id: str, project: dict[str, Any] | None) -> str:
    """'project 'team-a' (id 7): last phase NotReady (message)' for timeout messages."""
    project = project or {}
    status = project.get("status")
    status = status if isinstance(status, dict) else {}
    message = status.get("phaseMessage")
    detail = f" ({message})" if message else ""
    name = project.get("name", project_id)
    return f"project {name!r} (id {project_id}): last phase {status.get('phase')}{detail}"


def _is_ready(project: dict[str, Any]) -> bool:
    # Control planes before 2.19 report no phase: such a project is as ready as it gets.
    status = project.get("status")
    phase = status.get("phase") if isinstance(status, dict) else None
    return phase is None or phase == READY


class Projects(OrgUnits):
    path = "/api/v1/org-unit/projects"
    envelope = "projects"
    kind = "project"

    def wait_ready(self, project_id: str, timeout: float) -> dict[str, Any]:
        """Poll until ``status.phase`` is Ready and return the project.

        Callers come here after an answer that showed the project not Ready, so the first
        probe waits one short interval instead of repeating that answer at once. NotFound
        propagates: a project deleted while we wait will never become ready.
        """

        def probe() -> tuple[bool, dict[str, Any]]:
            project = self.get(project_id)
            return _is_ready(project), project

        return poll(
            probe,
            timeout,
            lambda p: (
                f"{_describe(project_id, p)}; not Ready after {timeout:g}s. Check the "
                "cluster's health in the Run:ai UI, or raise the wait timeout"
            ),
            probe_at_once=False,
        )

    def wait_deleted(self, project_id: str, timeout: float) -> None:
        """Poll until GET answers 404 (a DELETE may answer 202 and finish later)."""

        def probe() -> tuple[bool, dict[str, Any] | None]:
            try:
                return False, self.get(project_id)
            except NotFound:
                return True, None

        poll(
            probe,
            timeout,
            lambda p: (
                f"{_describe(project_id, p)}; still present {timeout:g}s after delete. "
                "Check for workloads holding its namespace, or raise the wait timeout"
            ),
        )
