"""Departments: synchronous org units (no lifecycle phase in the spec)."""

from __future__ import annotations

from ._org_unit import OrgUnits

__all__ = ["Departments"]


class Departments(OrgUnits):
    path = "/api/v1/org-unit/departments"
    envelope = "departments"
    kind = "department"
