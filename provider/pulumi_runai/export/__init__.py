"""`runai-export`: from a live Run:ai tenant to code (org.yaml, a Pulumi program, an import file).

The stages, one module each: `tenant` reads (one list per kind, paged), `selection` decides
what is written and what is left out (`plan` holds the result; `quotas` keeps only the quota
numbers that differ from the defaults), `naming` gives stable logical names, `yaml_writer`,
`python_writer` and `import_writer` render (`formats` picks one), `report` and `output` handle
stderr and the file, `cli` ties them together. See docs/export.md.
"""

from .errors import ExportError
from .formats import FORMATS, render
from .plan import ExportPlan, LeftOut, Rendered
from .selection import SelectionOptions, select
from .tenant import TenantSnapshot, read_tenant

__all__ = [
    "FORMATS",
    "ExportError",
    "ExportPlan",
    "LeftOut",
    "Rendered",
    "SelectionOptions",
    "TenantSnapshot",
    "read_tenant",
    "render",
    "select",
]
