"""The site's stylesheet and scripts, from the package."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import Response

from passionpath.errors import NotFoundError
from passionpath.web._assets import TYPES, content

router = APIRouter()


@router.get("/static/{name}")
def static_file(name: str) -> Response:
    if name not in TYPES:
        raise NotFoundError(f"There is no file called {name!r} here.")
    return Response(
        content(name), media_type=TYPES[name], headers={"Cache-Control": "public, max-age=86400"}
    )
