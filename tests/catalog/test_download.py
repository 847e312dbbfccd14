"""``data download`` against a local HTTP server: streaming, resuming, verifying, importing.

The command-line check stays here, not in ``tests/cli``, because it needs this file's server.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from passionpath.catalog import catalog_status, download_release
from passionpath.catalog._download import fetch
from passionpath.cli._app import app
from passionpath.context import Context
from passionpath.errors import DownloadError, ReleaseError
from tests.release_factory import write_release, zip_release


class ReleaseServer:
    """Serves one file at /db_30_0_text.zip with Range support; can cut the first response."""

    def __init__(self, payload: bytes) -> None:
        self.payload = payload
        self.cut_after: int | None = None
        self.range_headers: list[str | None] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                if self.path != "/db_30_0_text.zip":
                    self.send_error(404)
                    return
                requested = self.headers.get("Range")
                server.range_headers.append(requested)
                start = int(requested.split("=")[1].rstrip("-")) if requested else 0
                body = server.payload[start:]
                self.send_response(206 if requested else 200)
                if requested:
                    total = len(server.payload)
                    self.send_header("Content-Range", f"bytes {start}-{total - 1}/{total}")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if server.cut_after is not None:
                    self.wfile.write(body[: server.cut_after])
                    server.cut_after = None
                    self.wfile.flush()
                    self.connection.close()
                    return
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> ReleaseServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def release_zip(tmp_path: Path) -> bytes:
    folder = write_release(tmp_path / "release")
    return zip_release(folder, tmp_path / "fixture.zip").read_bytes()


@pytest.fixture
def server(release_zip: bytes) -> Iterator[ReleaseServer]:
    with ReleaseServer(release_zip) as running:
        yield running


def test_download_verifies_the_release(server: ReleaseServer, tmp_path: Path) -> None:
    path = download_release(
        "30.0", template=server.url + "/db_{release}_text.zip", directory=tmp_path / "dl"
    )
    assert path.name == "db_30_0_text.zip"
    assert path.read_bytes() == server.payload
    assert not (tmp_path / "dl" / "db_30_0_text.zip.part").exists()


def test_interrupted_download_resumes_with_a_range_request(
    server: ReleaseServer, tmp_path: Path
) -> None:
    server.cut_after = len(server.payload) // 2
    seen: list[int] = []
    target = fetch(
        server.url + "/db_30_0_text.zip",
        tmp_path / "r.zip",
        progress=lambda done, _total: seen.append(done),
    )
    assert target.read_bytes() == server.payload
    assert server.range_headers[0] is None
    assert server.range_headers[1] == f"bytes={len(server.payload) // 2}-"
    assert seen[-1] == len(server.payload)


def test_a_partial_file_from_an_earlier_run_is_resumed(
    server: ReleaseServer, tmp_path: Path
) -> None:
    part = tmp_path / "r.zip.part"
    part.write_bytes(server.payload[:1000])
    fetch(server.url + "/db_30_0_text.zip", tmp_path / "r.zip")
    assert (tmp_path / "r.zip").read_bytes() == server.payload
    assert server.range_headers == ["bytes=1000-"]


def test_unknown_release_gives_a_clear_error(server: ReleaseServer, tmp_path: Path) -> None:
    with pytest.raises(DownloadError, match="HTTP 404"):
        download_release("31.5", template=server.url + "/db_{release}_text.zip", directory=tmp_path)
    with pytest.raises(DownloadError, match="not a release number"):
        download_release("latest", template=server.url + "/{release}", directory=tmp_path)


def test_a_file_that_is_not_a_release_is_discarded(tmp_path: Path) -> None:
    with (
        ReleaseServer(b"<html>maintenance page</html>") as bogus,
        pytest.raises(ReleaseError, match="not a readable zip"),
    ):
        download_release("30.0", template=bogus.url + "/db_{release}_text.zip", directory=tmp_path)
    assert not (tmp_path / "db_30_0_text.zip").exists()


def test_cli_download_imports_the_release(
    server: ReleaseServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from passionpath.config import get_settings

    monkeypatch.setenv("PASSIONPATH_ONET_DOWNLOAD_URL", server.url + "/db_{release}_text.zip")
    get_settings.cache_clear()
    result = CliRunner().invoke(app, ["data", "download", "--release", "30.0", "--json"])
    assert result.exit_code == 0, result.output
    status = catalog_status(Context.open().engine)
    assert status is not None and status.version == "30.0"
    assert status.counts["occupations"] == 3
