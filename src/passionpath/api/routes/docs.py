"""The API docs, served from the installed package so they work with no network.

``/docs`` is the reference, rendered on the server from the app's OpenAPI document: it opens
at once and needs no JavaScript. ``/docs/try`` is Swagger UI for trying calls out (FastAPI's
own docs page would load it from a CDN), on a page of ours that paints before Swagger UI's
large script has run. Both carry the attribution of the loaded catalog,
because the API serves O*NET data.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader

from passionpath.api._reference import reference
from passionpath.errors import NotFoundError, PassionpathError

router = APIRouter(include_in_schema=False)

#: The only files of the Swagger UI distribution the docs page loads.
ASSETS = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui.css": "text/css",
    "favicon-32x32.png": "image/png",
}


@cache
def _swagger_ui() -> Path:
    import swagger_ui_bundle

    return Path(str(swagger_ui_bundle.swagger_ui_path))


def _attribution(request: Request) -> str:
    """The loaded catalog's attribution (and the starter notice), or O*NET's own wording
    when no catalog is loaded yet."""
    from passionpath.catalog import release_attribution
    from passionpath.catalog.attribution import attribution_for

    try:
        attribution, notice = release_attribution(request.app.state.ctx.engine)
    except PassionpathError:
        return attribution_for("unknown")
    return f"{attribution} {notice}" if notice else attribution


@cache
def _templates() -> Environment:
    return Environment(loader=PackageLoader("passionpath.api", "templates"), autoescape=True)


@cache
def _reference_page(base: str, attribution: str, openapi: str) -> str:
    """The reference, rendered once per mount point, attribution and API."""
    ref = reference(json.loads(openapi))
    return (
        _templates()
        .get_template("reference.html")
        .render(
            ref=ref,
            base=base,
            attribution=attribution,
            schema_names={s.name for s in ref.schemas},
        )
    )


@router.get("/docs")
def docs(request: Request) -> Response:
    base = request.url.path.removesuffix("/docs")  # the API's prefix, wherever it is mounted
    # FastAPI keeps the OpenAPI document once built; its JSON is the cache key of the page.
    openapi = json.dumps(request.app.openapi(), sort_keys=True)
    return HTMLResponse(_reference_page(base, _attribution(request), openapi))


@router.get("/docs/try")
def try_it(request: Request) -> Response:
    base = request.url.path.removesuffix("/docs/try")
    config = {
        "url": f"{base}/openapi.json",
        "dom_id": "#swagger-ui",
        "layout": "BaseLayout",
        "deepLinking": True,
        "showExtensions": True,
        "showCommonExtensions": True,
        # No call home: Swagger UI would otherwise send the spec to an online validator.
        "validatorUrl": None,
    }
    page = _templates().get_template("swagger.html")
    return HTMLResponse(
        page.render(
            title=request.app.title,
            base=base,
            config=config,
            attribution=_attribution(request),
            swagger_version=version("swagger-ui-bundle-v2"),
        )
    )


@dataclass(frozen=True)
class _Asset:
    """One docs file as it is sent: its bytes, the same gzip-compressed, and their ETag (weak:
    both encodings carry it)."""

    body: bytes
    gzipped: bytes
    etag: str


@cache
def _asset(name: str) -> _Asset:
    """A docs file read once and kept: sent from memory, compressed once (Swagger UI's
    1.5 MB script is 0.4 MB gzipped)."""
    body = (_swagger_ui() / name).read_bytes()
    gzipped = gzip.compress(body, compresslevel=9, mtime=0)
    return _Asset(body, gzipped, f'W/"{hashlib.sha256(body).hexdigest()[:32]}"')


@router.get("/docs/assets/{name}")
def asset(name: str, request: Request) -> Response:
    if name not in ASSETS:
        raise NotFoundError(f"No docs file {name!r}.", field="name")
    file = _asset(name)
    headers = {
        # A day before the browser asks again; then the ETag answers 304 with no body.
        "Cache-Control": "public, max-age=86400",
        "ETag": file.etag,
        "Vary": "Accept-Encoding",
    }
    if file.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    body = file.body
    if "gzip" in request.headers.get("accept-encoding", "") and len(file.gzipped) < len(body):
        body = file.gzipped
        headers["Content-Encoding"] = "gzip"
    return Response(body, media_type=ASSETS[name], headers=headers)
