"""Load on the match endpoint: 50 concurrent clients on loopback, bounded in count and time.

Starts the app under uvicorn (2 workers) in a child process on 127.0.0.1, signs up one user
with Maya's profile, then 50 concurrent clients send GET /api/v1/profiles/maya/matches for
DURATION seconds with wrk (Debian's package) when installed, else REQUESTS requests (at most
TIME_LIMIT seconds) from an httpx client. Reports throughput, p50/p99 latency
and the error count, on the starter catalog and (when ../shared has it) full O*NET.
Goal: p99 <= 100 ms, 0 errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from _common import ONET_DIR, ROOT, serving

CLIENTS = 50
REQUESTS = 2000
TIME_LIMIT = 120.0
WORKERS = 2
DURATION = 20


async def hammer(base: str, headers: dict[str, str]) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    sent = 0
    deadline = time.perf_counter() + TIME_LIMIT
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30.0) as client:

        async def worker() -> None:
            nonlocal errors, sent
            while sent < REQUESTS and time.perf_counter() < deadline:
                sent += 1
                started = time.perf_counter()
                try:
                    response = await client.get("/api/v1/profiles/maya/matches", params={"top": 10})
                    if response.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CLIENTS)))
        return latencies, errors, time.perf_counter() - started


def wrk(base: str, authorization: str) -> str:
    """wrk, a C load generator (Debian package), takes far less CPU than a Python client."""
    out = subprocess.run(
        [
            "wrk",
            "-t",
            "2",
            "-c",
            str(CLIENTS),
            "-d",
            f"{DURATION}s",
            "--latency",
            "-H",
            f"Authorization: {authorization}",
            base + "/api/v1/profiles/maya/matches?top=10",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    requests = re.search(r"(\d+) requests in", out)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"50%\s+([\d.]+\w+)", out)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    errors = int(non2xx.group(1)) if non2xx else 0
    if socket_errors:
        errors += sum(int(g) for g in socket_errors.groups())
    return (
        f"{int(requests.group(1)) if requests else 0:,} requests in {DURATION} s, {CLIENTS} "
        f"clients (wrk): {float(rate.group(1)) if rate else 0:,.0f} req/s, "
        f"p50 {p50.group(1) if p50 else '?'}, p99 {p99.group(1) if p99 else '?'}, "
        f"errors {errors}"
    )


def run(label: str, env: dict[str, str]) -> None:
    with serving(env, WORKERS) as base:
        creds = {"email": "load@example.org", "password": "a long enough password"}
        httpx.post(base + "/api/v1/auth/register", json=creds, timeout=30)
        token = httpx.post(base + "/api/v1/auth/token", json=creds, timeout=30).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        maya = json.loads((ROOT / "examples" / "profiles" / "maya.json").read_text())
        httpx.post(
            base + "/api/v1/profiles",
            json={"document": maya, "slug": "maya"},
            headers=headers,
            timeout=30,
        )
        for _ in range(2 * WORKERS):  # warm every worker up
            httpx.get(base + "/api/v1/profiles/maya/matches", headers=headers, timeout=120)
        if shutil.which("wrk"):
            print(f"{label:<16} " + wrk(base, headers["Authorization"]))
            return
        latencies, errors, elapsed = asyncio.run(hammer(base, headers))
        latencies.sort()
        p50 = latencies[len(latencies) // 2] * 1000
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
        print(
            f"{label:<16} {len(latencies):,} requests, {CLIENTS} clients: "
            f"{len(latencies) / elapsed:,.0f} req/s, p50 {p50:.0f} ms, p99 {p99:.0f} ms, "
            f"errors {errors}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--starter-only", action="store_true", help="Skip the full O*NET run.")
    starter_only = parser.parse_args().starter_only
    with tempfile.TemporaryDirectory() as tmp:
        base_env = {
            **os.environ,
            "PASSIONPATH_CACHE_DIR": os.environ.get(
                "PASSIONPATH_CACHE_DIR", str(Path(tmp) / "cache")
            ),
        }
        starter = {**base_env, "PASSIONPATH_DATABASE_URL": f"sqlite:///{tmp}/starter.db"}
        subprocess.run(
            [sys.executable, "-m", "passionpath", "data", "starter", "--json"],
            env=starter,
            check=True,
            capture_output=True,
        )
        run("starter catalog", starter)
        if (ONET_DIR / "Occupation Data.txt").exists() and not starter_only:
            onet = {**base_env, "PASSIONPATH_DATABASE_URL": f"sqlite:///{tmp}/onet.db"}
            subprocess.run(
                [sys.executable, "-m", "passionpath", "data", "import", str(ONET_DIR), "--json"],
                env=onet,
                check=True,
                capture_output=True,
            )
            run("full O*NET", onet)


if __name__ == "__main__":
    main()
