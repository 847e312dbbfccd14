"""``passionpath serve``: the web pages and the REST API."""

from __future__ import annotations

import typer

from passionpath.cli._output import console, user_errors


@user_errors
def serve_command(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
) -> None:
    """Serve the web app and the REST API (/api/v1, OpenAPI at /api/v1/openapi.json)."""
    import uvicorn

    from passionpath.server import create_app

    app = create_app()
    console.print(
        f"passionpath is running at http://{host}:{port}/ (REST API and docs under /api/v1/docs)"
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
