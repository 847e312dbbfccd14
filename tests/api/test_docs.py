"""The API docs work with no network: the reference is rendered on the server from the
OpenAPI document, Swagger UI loads every file from this server, and both pages carry the
catalog's attribution."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def test_reference_lists_every_call_with_its_limits_and_no_script(client: TestClient) -> None:
    page = client.get("/api/v1/docs")
    assert page.status_code == 200 and "<script" not in page.text
    spec = client.get("/api/v1/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            assert f'id="{op["operationId"]}"' in page.text, (method, path)
            assert f"<code>{path}</code>" in page.text, path
    # Size limits are read from the schemas: a plan's obstacles are a bounded list of texts.
    plan_in = page.text.split('id="schema-PlanIn"', 1)[1].split("</article>", 1)[0]
    assert "at most 10 items" in plan_in and "each at most 200 characters" in plan_in
    assert 'href="#schema-PlanIn"' in page.text  # a call's body links to its fields
    assert not re.search(r"https?://", page.text)
    assert "O*NET" in page.text and "USDOL/ETA" in page.text
    assert 'href="/api/v1/docs/try"' in page.text


def test_swagger_ui_loads_only_local_files_and_shows_the_attribution(client: TestClient) -> None:
    page = client.get("/api/v1/docs/try")
    assert page.status_code == 200 and "SwaggerUIBundle" in page.text
    loaded = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    loaded += re.findall(r'"url": "([^"]+)"', page.text)
    assert len(loaded) >= 4, loaded  # script, style sheet, icon, the OpenAPI document
    assert not [u for u in loaded if "//" in u or not u.startswith("/api/v1/")], loaded
    assert not re.search(r"https?://", page.text)  # nothing else names a host either
    assert '"validatorUrl": null' in page.text  # Swagger UI would call its online validator
    # The page paints before Swagger UI's script has run, and says where to read without it.
    assert re.search(r'<script src="[^"]+swagger-ui-bundle\.js" defer>', page.text)
    assert '<html lang="en">' in page.text and 'href="/api/v1/docs"' in page.text
    for url in loaded:
        response = client.get(url)
        assert response.status_code == 200, url
    kinds = {u.rsplit(".", 1)[-1]: client.get(u).headers["content-type"] for u in loaded}
    assert kinds["js"].startswith("text/javascript") and kinds["css"].startswith("text/css")
    assert "O*NET" in page.text and "USDOL/ETA" in page.text
    assert "Swagger UI 5." in page.text and "Apache License 2.0" in page.text


def test_only_the_docs_files_are_served(client: TestClient) -> None:
    for name in ("index.html", "swagger-initializer.js", "..%2F..%2F__init__.py"):
        assert client.get(f"/api/v1/docs/assets/{name}").status_code == 404, name
    assert "/api/v1/docs" not in client.get("/api/v1/openapi.json").json()["paths"]


def test_swagger_ui_files_are_compressed_cached_and_unchanged(client: TestClient) -> None:
    from pathlib import Path

    import swagger_ui_bundle

    shipped = (Path(swagger_ui_bundle.swagger_ui_path) / "swagger-ui-bundle.js").read_bytes()
    url = "/api/v1/docs/assets/swagger-ui-bundle.js"
    # httpx asks for gzip and undoes it: the browser gets the package's script byte for byte.
    sent = client.get(url)
    assert sent.headers["content-encoding"] == "gzip" and sent.content == shipped
    assert int(sent.headers["content-length"]) < len(shipped) / 3
    assert "max-age=" in sent.headers["cache-control"]
    assert sent.headers["vary"] == "Accept-Encoding"
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.content == shipped
    # Asked again with its ETag, the server answers that the browser's copy is still good.
    again = client.get(url, headers={"If-None-Match": sent.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    other = client.get(url, headers={"If-None-Match": 'W/"something else"'})
    assert other.status_code == 200 and other.content == shipped
