"""Applications at the size of a long search: a CSV of 5,000 applications imported (the
import limit), then the list with every status read from its log, the funnel, and the
patterns, in-process on SQLite (no catalog: occupation codes are given in the file).

Prints times (p50 and p95 of 5 runs where repeated). Goal: the funnel
and patterns over 5,000 applications well under a second, so the pages stay quick.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from datetime import date, timedelta

from _common import percentiles

from passionpath.jobsearch import funnel, import_applications_csv, list_applications, patterns
from passionpath.jobsearch import tracks as make_tracks
from passionpath.store import get_engine

ROWS = 5_000
TODAY = date(2026, 12, 1)
STATUSES = [
    "Applied",
    "Rejected",
    "Interviewing",
    "Offer",
    "No Response",
    "Wishlist",
    "Not Selected",
    "I Withdrew",
    "Accepted",
]
CODES = ["15-1255.00", "27-1024.00", "15-1254.00", "27-3042.00", "13-1161.00"]


def _csv() -> bytes:
    rng = random.Random(7)
    lines = ["Company,Job Title,Status,Date Applied,Interview Date,Source,Occupation Code"]
    for i in range(ROWS):
        applied = TODAY - timedelta(days=rng.randint(1, 360))
        status = rng.choice(STATUSES)
        interview = applied + timedelta(days=rng.randint(5, 30)) if rng.random() < 0.3 else None
        lines.append(
            f"Company {i % 700},Designer {i},{status},{applied.isoformat()},"
            f"{interview.isoformat() if interview else ''},"
            f"{rng.choice(['LinkedIn', 'referral', 'job board', 'company site'])},"
            f"{rng.choice(CODES)}"
        )
    return ("\n".join(lines) + "\n").encode()


def main() -> None:
    folder = tempfile.mkdtemp(prefix="bench-applications-")
    engine = get_engine(f"sqlite:///{os.path.join(folder, 'bench.db')}")
    data = _csv()
    start = time.perf_counter()
    report = import_applications_csv(data, engine)
    took = (time.perf_counter() - start) * 1000
    print(f"import of {report.rows:,} CSV rows ({len(data) / 1e6:.1f} MB): {took:,.0f} ms")
    lists, funnels, pats = [], [], []
    for _ in range(5):
        start = time.perf_counter()
        views = list_applications(engine, today=TODAY)
        lists.append(time.perf_counter() - start)
        ts = make_tracks(views)
        start = time.perf_counter()
        f = funnel(ts, today=TODAY)
        funnels.append(time.perf_counter() - start)
        start = time.perf_counter()
        patterns(ts, today=TODAY)
        pats.append(time.perf_counter() - start)
    for label, values in (("list with statuses", lists), ("funnel", funnels), ("patterns", pats)):
        print(f"{label} over {len(views):,} applications: {percentiles(values)}")
    print(f"(funnel: {f.applied:,} sent, response rate {f.response_rate:.0%})")


if __name__ == "__main__":
    main()
