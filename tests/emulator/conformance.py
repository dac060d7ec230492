"""Spec checks for the service-account, v2-role and policy tests.

Answers of operations the 2.24 document declares are validated against the operation; the v2
roles and permission-set answers (documented for 2.24, but absent from the document's paths) are
validated against the document's own component schemas (`Role1`, `PermissionSet`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import requests
from openapi_core import OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse
from openapi_schema_validator import OAS30Validator

from .spec_tools import nullable_allof_fixed, raw_spec


@lru_cache(maxsize=1)
def _fixed_spec() -> dict[str, Any]:
    fixed: dict[str, Any] = nullable_allof_fixed(raw_spec())
    return fixed


@lru_cache(maxsize=4)
def _openapi(server_url: str) -> OpenAPI:
    return OpenAPI.from_dict({**_fixed_spec(), "servers": [{"url": server_url}]})


def assert_answers_conform(responses: list[requests.Response], server_url: str) -> None:
    """Every response matches its operation in the spec (status declared, body shaped)."""
    failures = []
    for response in responses:
        try:
            _openapi(server_url).validate_response(RequestsOpenAPIRequest(response.request),
                                                   RequestsOpenAPIResponse(response))
        except Exception as err:
            detail = getattr(err, "__cause__", None) or err
            failures.append(f"{response.request.method} {response.request.path_url} "
                            f"{response.status_code}: {detail!r}\n  body: {response.text[:300]}")
    assert not failures, "\n".join(failures)


def assert_matches_schema(instance: object, schema: dict[str, Any]) -> None:
    """`instance` is valid against `schema`, whose `$ref`s name the spec's components."""
    validator = OAS30Validator({**schema, "components": _fixed_spec()["components"]})
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator.iter_errors(instance)]
    assert not errors, "\n".join(errors)


def component(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}
