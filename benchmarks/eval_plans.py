"""Plan evaluation: do the plans for the judged personas read as advice?

For every persona in ``data/personas/`` and every career an adviser judged good for them
(``judgements.tsv``), a plan is generated on the full O*NET release and checked for what
testers found wrong before. The ``fresh`` personas are left out: they stay unseen, so the
matcher's blind evaluation (``eval_personas.py``) keeps meaning something.

* benchmarks that repeat within a plan (each should say something different);
* software-industry events (meetups, hackathons) proposed for work outside software;
* everyday office software (office suites, e-mail) made a goal of its own outside business
  and office work, or back-office software (accounting, ERP) outside those and management;
* licensed targets (passionpath's table, or the catalog's own words) without a credential
  step, unless the person already holds the credential;
* final benchmarks that set a scale example from below the target level as what the person
  will be able to do ("Transportation at level 4.0: you can ride a train to work").

Printed: one line per figure (counts over all plans), then, with ``--show persona:code``
(repeatable; ``handyman`` is a built-in persona), those plans in full. Runs in-process; the
first run imports the release into the benchmark database.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from _common import onet_context

from passionpath.catalog import descriptors, occupation_profile
from passionpath.plan import analyse_gaps, generate_plan
from passionpath.profile import ProfileDocument, parse_document, read_profile_file

PERSONAS = Path(__file__).resolve().parent / "data" / "personas"
START = date(2027, 1, 4)
HANDYMAN = {
    "basics": {
        "name": "Hal",
        "summary": "41, self-employed handyman for ten years: small repairs, fitting kitchens, "
        "changing light fittings and sockets.",
    },
    "work": [{"name": "Self-employed", "position": "Handyman", "startDate": "2015-01"}],
    "education": [{"studyType": "High school diploma"}],
}
SOFTWARE_EVENTS = re.compile(r"\b(hackathon|meetup|game jam)\b", re.IGNORECASE)
#: Office tools, and the groups where they are the work (business operations, office support).
EVERYDAY = {
    "Office suite software",
    "Spreadsheet software",
    "Word processing software",
    "Presentation software",
    "Electronic mail software",
    "Operating system software",
    "Internet browser software",
}
OFFICE_GROUPS = ("13", "43")
#: Back-office tools, and the groups where they are the work (those and management).
BACK_OFFICE = {"Accounting software", "Enterprise resource planning ERP software"}
BACK_OFFICE_GROUPS = ("11", "13", "43")
#: The old final benchmark: "<name> at level <target>: you can <example>".
OLD_FINAL = re.compile(r" at level (\d\.\d): you can ")


def persona(name: str) -> ProfileDocument:
    if name == "handyman":
        return parse_document(HANDYMAN)
    return read_profile_file(PERSONAS / f"{name}.json")


def judged_pairs() -> list[tuple[str, str]]:
    with (PERSONAS / "judgements.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            (row["persona"], code.strip())
            for row in rows
            if row["split"] != "fresh"
            for code in row["good"].split(",")
            if code.strip()
        ]


def show(plan: Any, name: str) -> None:
    print(
        f"\n===== {name} -> {plan.title} ({plan.code}): {plan.weeks_needed} weeks at "
        f"{plan.hours_per_week:g} h/week"
    )
    for i, o in enumerate(plan.objectives, 1):
        print(f"{i}. [{o.kind}] {o.name} ({o.hours:g} h)\n   {o.statement}")
        for b in o.benchmarks:
            print(f"   [ ] {b.due}: {b.check}")
    print("   Actions")
    for a in plan.actions:
        print(f"   {a.due} [{a.kind}] {a.title}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="append", default=[], metavar="PERSONA:CODE")
    args = parser.parse_args()
    ctx = onet_context()
    anchors = {
        d.element_id: d.anchors
        for domain in ("skills", "knowledge")
        for d in descriptors(domain, ctx.engine)
    }
    counts = dict.fromkeys(
        [
            "plans",
            "objectives",
            "of which technology",
            "benchmarks",
            "plans with a repeated benchmark",
            "software events outside software",
            "everyday software as a goal outside office work",
            "targets with a credential requirement",
            "of which already held",
            "plans that open with a licence step",
            "final benchmarks claiming an example below the target",
        ],
        0,
    )
    documents: dict[str, ProfileDocument] = {}
    for name, code in judged_pairs():
        document = documents.setdefault(name, persona(name))
        report = analyse_gaps(document, code, ctx)
        plan = generate_plan(report, start=START, hours_per_week=5, anchors=anchors)
        checks = [b.check for o in plan.objectives for b in o.benchmarks]
        counts["plans"] += 1
        counts["objectives"] += len(plan.objectives)
        counts["of which technology"] += sum(o.kind == "technology" for o in plan.objectives)
        counts["benchmarks"] += len(checks)
        counts["plans with a repeated benchmark"] += len(set(checks)) < len(checks)
        software = code.startswith("15-")
        counts["software events outside software"] += sum(
            1 for a in plan.actions if not software and SOFTWARE_EVENTS.search(a.title)
        )
        kinds = {t["example"]: t["kind"] for t in occupation_profile(code, ctx.engine).technology}
        counts["everyday software as a goal outside office work"] += sum(
            1
            for o in plan.objectives
            if o.kind == "technology"
            and (
                (kinds.get(o.name) in EVERYDAY and code[:2] not in OFFICE_GROUPS)
                or (kinds.get(o.name) in BACK_OFFICE and code[:2] not in BACK_OFFICE_GROUPS)
            )
        )
        need = getattr(report, "credential", None)
        if need is not None:
            counts["targets with a credential requirement"] += 1
            counts["of which already held"] += need.held
        first = plan.objectives[0] if plan.objectives else None
        counts["plans that open with a licence step"] += bool(
            first is not None and getattr(first, "credential", None) is not None
        )
        for o in plan.objectives:
            if o.target is None or not o.benchmarks:
                continue
            final = o.benchmarks[-1].check
            claimed = [
                v
                for v, t in anchors.get(o.element_id or "", [])
                if OLD_FINAL.search(final) and t.lower().rstrip(".") in final.lower()
            ]
            if claimed and min(claimed) < o.target - 0.25:
                counts["final benchmarks claiming an example below the target"] += 1
    for label, value in counts.items():
        print(f"{label:58s} {value}")
    for item in args.show:
        name, _, code = item.partition(":")
        report = analyse_gaps(persona(name), code, ctx)
        show(generate_plan(report, start=START, hours_per_week=5, anchors=anchors), name)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
