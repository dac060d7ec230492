"""The organisation as code: a description (dict or YAML) parsed into typed specs.

`Organization` (the ComponentResource) is added by component.py.
"""

from .description import load_description, parse_description
from .problems import DescriptionError, Problem
from .spec import OrganizationSpec

__all__ = [
    "DescriptionError",
    "OrganizationSpec",
    "Problem",
    "load_description",
    "parse_description",
]
