"""A tiny authenticated HTTP helper for emulator tests (the provider has its own client)."""

from __future__ import annotations

from typing import Any

import requests
from runai_emulator.testing import EmulatorProcess


class Api:
    """Bearer-authenticated calls against one emulator; returns raw responses."""

    def __init__(self, emulator: EmulatorProcess, token: str | None = None) -> None:
        self.url = emulator.url
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token or emulator.token()}"

    def call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        return self.session.request(method, self.url + path, timeout=10, **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.call("GET", path, **kwargs)

    def post(self, path: str, json: Any) -> requests.Response:
        return self.call("POST", path, json=json)

    def put(self, path: str, json: Any) -> requests.Response:
        return self.call("PUT", path, json=json)

    def patch(self, path: str, json: Any) -> requests.Response:
        return self.call("PATCH", path, json=json)

    def delete(self, path: str) -> requests.Response:
        return self.call("DELETE", path)

    def cluster_id(self) -> str:
        uuid: str = self.get("/api/v1/clusters").json()[0]["uuid"]
        return uuid

    def department(self, name: str, gpu: float = 2, **extra: Any) -> dict[str, Any]:
        body = {"name": name, "clusterId": self.cluster_id(),
                "resources": [{"nodePool": {"name": "default"}, "gpu": {"deserved": gpu}}],
                **extra}
        response = self.post("/api/v1/org-unit/departments", body)
        assert response.status_code == 201, response.text
        result: dict[str, Any] = response.json()
        return result

    def project(self, name: str, parent_id: str | None = None, **extra: Any) -> dict[str, Any]:
        body: dict[str, Any] = {
            "name": name, "clusterId": self.cluster_id(),
            "resources": [{"nodePool": {"name": "default"}, "gpu": {"deserved": 1}}], **extra,
        }
        if parent_id is not None:
            body["parentId"] = parent_id
        response = self.post("/api/v1/org-unit/projects", body)
        assert response.status_code == 201, response.text
        result: dict[str, Any] = response.json()
        return result
