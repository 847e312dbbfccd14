"""CV build (tailoring) and render times: in-process, then whole-process CLI figures.

Maya's profile (examples/profiles/maya.json, a two-page CV) tailored to Photographers
(27-4021.00) on the bundled starter catalog (``--onet`` imports the full O*NET release from
../shared first, which takes minutes). Goal: PDF p50 <= 150 ms warm for a two-page CV.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ONET_DIR, PASSIONPATH, ROOT, percentiles

MAYA = ROOT / "examples" / "profiles" / "maya.json"
TARGET = "27-4021.00"
RUNS = 30


def timed(function: object, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()  # type: ignore[operator]
        samples.append(time.perf_counter() - started)
    return samples


def whole_process(command: list[str], env: dict[str, str], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        samples.append(time.perf_counter() - started)
    return samples


def main() -> None:
    use_onet = "--onet" in sys.argv and (ONET_DIR / "Occupation Data.txt").exists()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "PASSIONPATH_DATA_DIR": str(Path(tmp) / "data"),
            "PASSIONPATH_CACHE_DIR": str(Path(tmp) / "cache"),
        }
        load = ["data", "import", str(ONET_DIR)] if use_onet else ["data", "starter"]
        subprocess.run([PASSIONPATH, *load], check=True, capture_output=True, env=env)
        subprocess.run(
            [PASSIONPATH, "profile", "import", str(MAYA), "--slug", "maya"],
            check=True,
            capture_output=True,
            env=env,
        )
        os.environ.update(env)

        import pypdf

        from passionpath.context import Context
        from passionpath.cv import render_html, render_pdf, tailor
        from passionpath.profile import read_profile_file

        print(f"catalog: {'O*NET 30.0' if use_onet else 'starter catalog'}; machine shared")
        ctx = Context.open()
        document = read_profile_file(MAYA)
        started = time.perf_counter()
        cv = tailor(document, TARGET, ctx)
        print(f"tailor, first in the process      {(time.perf_counter() - started) * 1000:.0f} ms")
        print(
            "tailor, warm                      "
            + percentiles(timed(lambda: tailor(document, TARGET, ctx), RUNS))
        )
        data = cv.document
        started = time.perf_counter()
        first = render_pdf(data, "classic")
        print(f"PDF, first in the process         {(time.perf_counter() - started) * 1000:.0f} ms")
        pages = len(pypdf.PdfReader(io.BytesIO(first)).pages)
        for theme in ("classic", "modern"):
            pdf = percentiles(timed(lambda t=theme: render_pdf(data, t), RUNS))  # type: ignore[misc]
            html = percentiles(timed(lambda t=theme: render_html(data, t), RUNS))  # type: ignore[misc]
            print(f"PDF  {theme:<8} warm ({pages} pages)     {pdf}")
            print(f"HTML {theme:<8} warm               {html}")
        same = render_pdf(data, "modern") == render_pdf(data, "modern")
        print(f"same bytes twice: {same}")

        cv_file = Path(tmp) / "maya-cv.json"
        cv_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        out = Path(tmp) / "cv.pdf"
        render = [PASSIONPATH, "cv", "render", str(cv_file), "--format", "pdf", "-o", str(out)]
        whole_process(render, env, 1)
        print(
            f"whole process: cv render --format pdf   {percentiles(whole_process(render, env, 5))}"
        )
        build = [PASSIONPATH, "cv", "build", "maya", "--target", TARGET, "--json"]
        whole_process(build, env, 1)
        print(
            f"whole process: cv build                  {percentiles(whole_process(build, env, 5))}"
        )


if __name__ == "__main__":
    main()
