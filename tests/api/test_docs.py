"""The interactive API docs work with no network: every file they load comes from this
server, and the page carries the catalog's attribution."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def test_docs_page_loads_only_local_files_and_shows_the_attribution(client: TestClient) -> None:
    page = client.get("/api/v1/docs")
    assert page.status_code == 200 and "SwaggerUIBundle" in page.text
    loaded = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    loaded += re.findall(r"url: '([^']+)'", page.text)
    assert len(loaded) >= 4, loaded  # script, style sheet, icon, the OpenAPI document
    assert not [u for u in loaded if "//" in u or not u.startswith("/api/v1/")], loaded
    assert not re.search(r"https?://", page.text)  # nothing else names a host either
    assert '"validatorUrl": null' in page.text  # Swagger UI would call its online validator
    for url in loaded:
        response = client.get(url)
        assert response.status_code == 200, url
    kinds = {u.rsplit(".", 1)[-1]: client.get(u).headers["content-type"] for u in loaded}
    assert kinds["js"].startswith("text/javascript") and kinds["css"].startswith("text/css")
    assert "O*NET" in page.text and "USDOL/ETA" in page.text


def test_only_the_docs_files_are_served(client: TestClient) -> None:
    for name in ("index.html", "swagger-initializer.js", "..%2F..%2F__init__.py"):
        assert client.get(f"/api/v1/docs/assets/{name}").status_code == 404, name
    assert "/api/v1/docs" not in client.get("/api/v1/openapi.json").json()["paths"]
