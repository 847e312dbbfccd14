"""``passionpath serve``: the REST API (and, later, the web pages)."""

from __future__ import annotations

import typer

from passionpath.cli._output import console, user_errors


@user_errors
def serve_command(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
) -> None:
    """Serve the REST API under /api/v1 (OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs)."""
    import uvicorn

    from passionpath.api import create_app

    app = create_app()
    console.print(f"passionpath API on http://{host}:{port}/api/v1/docs")
    uvicorn.run(app, host=host, port=port, log_level="warning")
