"""Type tokens of the Run:ai dynamic resources, the only way a policy can tell the kinds apart."""

from typing import Final

PROJECT: Final = "pulumi-python:dynamic/runai:Project"
DEPARTMENT: Final = "pulumi-python:dynamic/runai:Department"
USER: Final = "pulumi-python:dynamic/runai:User"
ACCESS_RULE: Final = "pulumi-python:dynamic/runai:AccessRule"
