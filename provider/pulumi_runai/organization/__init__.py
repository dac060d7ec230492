"""The organisation as code: `Organization` builds a whole Run:ai organisation from a description.

`description` (parsing and validation) imports no Pulumi; `component` holds the ComponentResource.
The format is documented in docs/org-yaml.md.
"""

from .component import TYPE_TOKEN, Organization
from .description import load_description, parse_description
from .problems import DescriptionError, Problem
from .spec import OrganizationSpec

__all__ = [
    "TYPE_TOKEN",
    "DescriptionError",
    "Organization",
    "OrganizationSpec",
    "Problem",
    "load_description",
    "parse_description",
]
