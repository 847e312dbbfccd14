"""A cap on the bytes of any request body, before a face reads it.

FastAPI reads a JSON body whole before pydantic can check a field, and Starlette reads a
urlencoded form whole before a page sees it, so the cores' limits (a profile's 2 MB, a text's
4,000 characters) only bite after an unbounded body is in memory. This ASGI middleware
refuses a body over its kind's cap with 413 as soon as the size is known: from Content-Length
when it is sent, else while counting the chunks of a streamed body (which it holds, at most
the cap, and hands on).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from html import escape
from typing import Any

from passionpath.limits import MAX_FORM_BYTES, MAX_JSON_BYTES, MAX_UPLOAD_BYTES

__all__ = ["BodyLimit", "body_cap"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def body_cap(content_type: str) -> int:
    """The most bytes a body of this Content-Type may have."""
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        return MAX_FORM_BYTES
    if kind == "multipart/form-data":
        return MAX_UPLOAD_BYTES
    if kind.endswith("json"):
        return MAX_JSON_BYTES
    return MAX_UPLOAD_BYTES


class BodyLimit:
    """Answers 413 to a body over its cap: JSON with ``loc`` under ``api_prefix``, a short
    page elsewhere."""

    def __init__(self, app: ASGIApp, api_prefix: str) -> None:
        self.app = app
        self.api_prefix = api_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        cap = body_cap(headers.get("content-type", ""))
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit() or int(length) > cap:
                await self._refuse(scope, send, cap)
                return
            await self.app(scope, receive, send)
            return
        if "chunked" not in headers.get("transfer-encoding", "").lower():
            await self.app(scope, receive, send)
            return
        held: list[Message] = []
        size = 0
        while True:
            message = await receive()
            held.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > cap:
                await self._refuse(scope, send, cap)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return held.pop(0) if held else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, send: Send, cap: int) -> None:
        words = f"The request is larger than {cap:,} bytes, the most this server accepts here."
        if str(scope.get("path", "")).startswith(self.api_prefix + "/"):
            body = json.dumps({"detail": [{"loc": ["body"], "msg": words, "type": "too_large"}]})
            kind = "application/json"
        else:
            body = (
                '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Too large'
                f"</title></head><body><h1>That was too much to send</h1><p>{escape(words)}"
                " Go back, shorten what you typed or choose a smaller file, and send it "
                "again.</p></body></html>"
            )
            kind = "text/html; charset=utf-8"
        data = body.encode("utf-8")
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", kind.encode()),
                    (b"content-length", str(len(data)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": data})
