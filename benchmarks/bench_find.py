"""Speed of finding occupations on the full O*NET release, warm, in-process.

1. The title search as the search page runs it, the type-ahead's completion search, and
   resolving a typed title (transitions, comparison).
2. The new pages through the app in-process (TestClient, no network): search, suggestions,
   explore, transitions with a path, and a comparison of three with the signed-in person's fit.
Prints p50 / p95 of each (in-process times, not whole processes).
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Callable

from _common import ROOT, onet_context, percentiles

from passionpath.catalog import resolve_occupation, search_occupations

QUERIES = ["software developer", "nurse", "photgrapher", "pastry chef", "data scientist",
           "welder", "elementary teacher", "truck driver", "acountant",
           "graphic designer"]  # fmt: skip
STARTS = ["so", "softw", "nur", "photogr", "pastry c", "data sci", "weld", "elementary t",
          "truck dr", "acount"]  # fmt: skip


def timed(label: str, calls: list[Callable[[], object]], rounds: int = 10) -> None:
    for call in calls:  # warm
        call()
    samples = []
    for _ in range(rounds):
        for call in calls:
            started = time.perf_counter()
            call()
            samples.append(time.perf_counter() - started)
    print(f"{label}: {percentiles(samples)}")


def main() -> None:
    from fastapi.testclient import TestClient

    from passionpath.server import create_app

    ctx = onet_context()
    timed("search (20 results)", [lambda q=q: search_occupations(q, ctx, 20) for q in QUERIES])
    timed(
        "type-ahead completion (8)",
        [lambda q=q: search_occupations(q, ctx, 8, complete=True) for q in STARTS],
    )
    timed("resolve a typed title", [lambda q=q: resolve_occupation(q, ctx) for q in QUERIES])

    web = TestClient(create_app(ctx))
    page = web.get("/register").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    email = f"bench-{uuid.uuid4().hex[:12]}@example.org"  # deleted again at the end
    web.post("/register", data={"email": email, "password": "a long password", "csrf": csrf})
    csrf = re.search(r'name="csrf" value="([^"]+)"', web.get("/passions").text).group(1)  # type: ignore[union-attr]
    maya = json.loads((ROOT / "examples" / "profiles" / "maya.json").read_text())
    answers = {"csrf": csrf, "name": "Maya", **maya["passionpath"]["reflections"]}
    web.post("/passions", data=answers)

    def ok(response: object) -> None:
        assert getattr(response, "status_code", 0) == 200, response

    timed("GET /search", [lambda q=q: ok(web.get("/search", params={"q": q})) for q in QUERIES])
    timed(
        "GET /search/suggest",
        [lambda q=q: ok(web.get("/search/suggest", params={"q": q})) for q in STARTS],
    )
    text = "Baking bread and cakes early in the morning and decorating them for weddings"
    timed("POST /explore", [lambda: ok(web.post("/explore", data={"csrf": csrf, "text": text}))])
    assert "Nothing to rank yet" not in web.get("/matches").text  # signed in, with passions
    path = {"from": "Bakers", "to": "Chefs and Head Cooks"}
    assert "Stepping stones" in web.get("/transitions", params=path).text
    timed(
        "GET /transitions (from, to, path)",
        [lambda: ok(web.get("/transitions", params=path))],
    )
    three = [("o", "Bakers"), ("o", "Photographers"), ("o", "Registered Nurses")]
    timed("GET /compare (three, with fit)", [lambda: ok(web.get("/compare", params=three))])
    timed("GET /matches (for comparison)", [lambda: ok(web.get("/matches"))])
    web.post("/account/delete", data={"csrf": csrf, "confirm": "DELETE"})


if __name__ == "__main__":
    main()
